"""Follow-up calls (回访) and the escalation of low scores (rule 10): consultant → sales manager
→ sales director → customer-service centre; a task stays open until an outcome is recorded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from salesdesk.domain.disclosure import (
    ESCALATION_LEVEL_ZH,
    EscalationLevel,
    RecordType,
    needs_escalation,
    next_level,
)
from salesdesk.domain.errors import Conflict, NotFound, ValidationError
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.services.customers import merged_ids
from salesdesk.services.disclosure import CustomerRef, customer_ref, local_text, staff_names
from salesdesk.store.database import Database
from salesdesk.store.models.customer import Customer
from salesdesk.store.models.disclosure import DisclosureRecord, EscalationTask, FollowUpCall
from salesdesk.store.uow import UnitOfWork


@dataclass(frozen=True)
class FollowUpInfo:
    id: str
    customer: CustomerRef
    unit_id: str
    caller_name: str
    called_at: datetime
    told_factors: bool
    told_sunshine: bool
    told_certificates: bool
    told_contract: bool
    score: int
    notes: str
    escalation_id: str


@dataclass(frozen=True)
class EscalationInfo:
    id: str
    customer: CustomerRef
    consultant_name: str
    level: EscalationLevel
    status: str
    opened_at: datetime
    score: int
    history: str
    outcome: str

    @property
    def level_label(self) -> str:
        return ESCALATION_LEVEL_ZH[self.level]


def responsible_consultant(uow: UnitOfWork, customer_id: str) -> str:
    """Who received the customer: the consultant of their latest disclosure round, or else
    the customer's attributed owner (serve who you received, strategy 7)."""
    sid = uow.session.scalar(select(DisclosureRecord.consultant_id).where(
        DisclosureRecord.customer_id.in_(merged_ids(uow, customer_id)),
        DisclosureRecord.record_type == RecordType.ROUND.value)
        .order_by(DisclosureRecord.recorded_at.desc()).limit(1))
    if sid:
        return str(sid)
    c = uow.session.get(Customer, customer_id)
    return (c.owner_staff_id or "") if c else ""


def _escalation(uow: UnitOfWork, t: EscalationTask, names: dict[str, str]) -> EscalationInfo:
    call = uow.session.get(FollowUpCall, t.follow_up_id)
    return EscalationInfo(t.id, customer_ref(uow, t.customer_id),
                          names.get(t.consultant_id, "—"), EscalationLevel(t.level), t.status,
                          t.opened_at, call.score if call else 0, t.history, t.outcome)


class FollowUpService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record_call(self, actor: Actor, *, customer_id: str, unit_id: str = "",
                    told_factors: bool, told_sunshine: bool, told_certificates: bool,
                    told_contract: bool, score: int, notes: str = "") -> FollowUpInfo:
        """Record what the customer said on a follow-up call. A score below 4 opens an
        escalation task at the consultant level."""
        actor.require(Permission.RECORD_FOLLOW_UP)
        if not 1 <= score <= 5:
            raise ValidationError("满意度评分须为 1–5 分", en="The score must be 1 to 5",
                                  field="score")
        now = self._db.now()
        with self._db.uow(actor) as uow:
            customer = customer_ref(uow, customer_id)
            call = FollowUpCall(customer_id=customer_id, unit_id=unit_id, caller_id=actor.staff_id,
                                called_at=now, told_factors=told_factors,
                                told_sunshine=told_sunshine, told_certificates=told_certificates,
                                told_contract=told_contract, score=score, notes=notes.strip())
            uow.add(call)
            uow.flush()
            esc_id = ""
            if needs_escalation(score):
                task = EscalationTask(
                    follow_up_id=call.id, customer_id=customer_id,
                    consultant_id=responsible_consultant(uow, customer_id),
                    level=EscalationLevel.CONSULTANT.value, status="open", opened_at=now,
                    history=f"{local_text(now)} 回访评分 {score} 分，转{ESCALATION_LEVEL_ZH[EscalationLevel.CONSULTANT]}跟进")
                uow.add(task)
                uow.flush()
                esc_id = task.id
                audit.record(uow, "follow_up.escalate", "escalation_task", task.id, f"score {score}")
            audit.record(uow, "follow_up.call", "follow_up_call", call.id, f"score {score}")
            info = FollowUpInfo(call.id, customer, unit_id, actor.name, now, told_factors,
                                told_sunshine, told_certificates, told_contract, score,
                                call.notes, esc_id)
            uow.commit()
            return info

    def open_escalations(self, actor: Actor) -> list[EscalationInfo]:
        actor.require(Permission.RECORD_FOLLOW_UP)
        with self._db.reader(actor) as uow:
            names = staff_names(uow)
            rows = uow.session.scalars(select(EscalationTask).where(
                EscalationTask.status == "open", EscalationTask.deleted.is_(False))
                .order_by(EscalationTask.opened_at)).all()
            return [_escalation(uow, t, names) for t in rows]

    def record_outcome(self, actor: Actor, task_id: str, outcome: str, *,
                       resolved: bool) -> EscalationInfo:
        """Resolved: the task closes with this outcome. Not resolved: it moves one level up the
        chain (a task at the customer-service centre can only be closed)."""
        actor.require(Permission.RECORD_FOLLOW_UP)
        outcome = outcome.strip()
        if not outcome:
            raise ValidationError("请填写处理结果", en="Describe the outcome", field="outcome")
        now = self._db.now()
        with self._db.uow(actor) as uow:
            t = uow.session.get(EscalationTask, task_id)
            if t is None or t.deleted:
                raise NotFound("没有这个升级任务", en="No such escalation task")
            if t.status != "open":
                raise Conflict("该任务已关闭", en="This task is already closed")
            level = EscalationLevel(t.level)
            if resolved:
                t.status, t.outcome, t.closed_at, t.closed_by = "closed", outcome, now, actor.staff_id
                t.history += f"\n{local_text(now)} {actor.name}：{outcome}（已解决）"
                audit.record(uow, "follow_up.resolved", "escalation_task", t.id, level.value)
            else:
                up = next_level(level)
                if up is None:
                    raise Conflict("已到客服中心，只能记录最终处理结果并关闭",
                                   en="Already at the customer-service centre: record the final "
                                   "outcome to close the task")
                t.level = up.value
                t.history += (f"\n{local_text(now)} {actor.name}：{outcome}"
                              f"（未解决，升级至{ESCALATION_LEVEL_ZH[up]}）")
                audit.record(uow, "follow_up.escalate", "escalation_task", t.id, up.value)
            uow.flush()
            info = _escalation(uow, t, staff_names(uow))
            uow.commit()
            return info

    def open_escalation(self, uow: UnitOfWork, *, customer_id: str, consultant_id: str | None,
                        reason: str, source: str, source_id: str) -> str:
        """The EscalationOpener of services/hooks.py: another capability (the on-site score
        card) opens the same escalation chain, in its own unit of work."""
        now = uow.now()
        task = EscalationTask(
            follow_up_id=source_id if source == "follow_up" else "", customer_id=customer_id,
            consultant_id=consultant_id or responsible_consultant(uow, customer_id),
            level=EscalationLevel.CONSULTANT.value, status="open", opened_at=now,
            history=f"{local_text(now)} {reason}（{source}），"
                    f"转{ESCALATION_LEVEL_ZH[EscalationLevel.CONSULTANT]}跟进")
        uow.add(task)
        uow.flush()
        audit.record(uow, "follow_up.escalate", "escalation_task", task.id, source)
        return task.id

    def calls(self, actor: Actor, customer_id: str) -> list[FollowUpInfo]:
        actor.require(Permission.RECORD_FOLLOW_UP)
        with self._db.reader(actor) as uow:
            names = staff_names(uow)
            customer = customer_ref(uow, customer_id)
            rows = uow.session.scalars(select(FollowUpCall).where(
                FollowUpCall.customer_id == customer_id).order_by(FollowUpCall.called_at)).all()
            out = []
            for c in rows:
                esc = uow.session.scalar(select(EscalationTask.id).where(
                    EscalationTask.follow_up_id == c.id).limit(1))
                out.append(FollowUpInfo(c.id, customer, c.unit_id, names.get(c.caller_id, "?"),
                                        c.called_at, c.told_factors, c.told_sunshine,
                                        c.told_certificates, c.told_contract, c.score, c.notes,
                                        esc or ""))
            return out
