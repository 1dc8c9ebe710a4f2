"""Follow-up calls (回访) and the escalation of low scores (rule 10): consultant → sales manager
→ sales director → customer-service centre; a task stays open until an outcome is recorded.
The chain's deadlines and automatic moves are in escalations.py."""

from __future__ import annotations

import json

from salesdesk.domain.disclosure import (
    ESCALATION_LEVEL_ZH,
    ESCALATION_OWNERS,
    EscalationLevel,
    needs_escalation,
    next_level,
    owns_level,
    parse_escalation_hours,
)
from salesdesk.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from salesdesk.domain.roles import ROLE_LABELS_ZH, Actor, Permission
from salesdesk.services import audit
from salesdesk.services.care.escalations import (
    HOURS_KEY,
    escalate_overdue,
    escalation_hours,
    escalation_info,
    level_due,
    responsible_consultant,
)
from salesdesk.services.care.results import EscalationInfo, FollowUpInfo
from salesdesk.services.care.support import save_setting
from salesdesk.services.disclosure import customer_ref, local_text
from salesdesk.store.database import Database
from salesdesk.store.queries import care_escalations as q
from salesdesk.store.queries.care import customer_row
from salesdesk.store.queries.common import staff_names
from salesdesk.store.uow import UnitOfWork


def _may_see_escalations(actor: Actor) -> None:
    if not (actor.can(Permission.HANDLE_ESCALATION) or actor.can(Permission.VIEW_AUDIT)):
        actor.require(Permission.HANDLE_ESCALATION)


class FollowUpService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record_call(self, actor: Actor, *, customer_id: str, unit_id: str = "",
                    told_factors: bool, told_sunshine: bool, told_certificates: bool,
                    told_contract: bool, score: int, notes: str = "") -> FollowUpInfo:
        """Record what the customer said on the developer's follow-up call. Only customer
        service records these, never the customer's own consultant (the answers audit that
        consultant's disclosure). A score below 4 opens an escalation task at the consultant
        level with that level's deadline."""
        actor.require(Permission.RECORD_FOLLOW_UP_ANSWER)
        if not 1 <= score <= 5:
            raise ValidationError("满意度评分须为 1–5 分", en="The score must be 1 to 5",
                                  field="score")
        now = self._db.now()
        with self._db.uow(actor) as uow:
            customer = customer_ref(uow, customer_id)
            owner = customer_row(uow, customer_id)
            if actor.staff_id in {responsible_consultant(uow, customer_id),
                                  (owner.owner_staff_id or "") if owner else ""}:
                raise PermissionDenied(
                    "客户自己的置业顾问不能记录回访结果，请由客服专员回访",
                    en="A customer's own consultant may not record their follow-up answers")
            call = q.add_call(uow, customer_id=customer_id, unit_id=unit_id,
                              caller_id=actor.staff_id, called_at=now, told_factors=told_factors,
                              told_sunshine=told_sunshine, told_certificates=told_certificates,
                              told_contract=told_contract, score=score, notes=notes.strip())
            uow.flush()
            esc_id = ""
            if needs_escalation(score):
                task = q.add_escalation(
                    uow, follow_up_id=call.id, customer_id=customer_id,
                    consultant_id=responsible_consultant(uow, customer_id),
                    level=EscalationLevel.CONSULTANT.value, status="open", opened_at=now,
                    due_at=level_due(uow, EscalationLevel.CONSULTANT, now),
                    history=f"{local_text(now)} 回访评分 {score} 分，转{ESCALATION_LEVEL_ZH[EscalationLevel.CONSULTANT]}跟进")
                uow.flush()
                esc_id = task.id
                audit.record(uow, "follow_up.escalate", "escalation_task", task.id, f"score {score}")
            audit.record(uow, "follow_up.call", "follow_up_call", call.id, f"score {score}")
            info = FollowUpInfo(call.id, customer, unit_id, actor.name, now, told_factors,
                                told_sunshine, told_certificates, told_contract, score,
                                call.notes, esc_id)
            uow.commit()
            return info

    def escalate_overdue(self, actor: Actor) -> list[str]:
        """Move every overdue task up (the check each escalation page and care-daily run)."""
        _may_see_escalations(actor)
        with self._db.uow(actor) as uow:
            moved = escalate_overdue(uow)
            if moved:
                uow.commit()
            return moved

    def open_escalations(self, actor: Actor, *, mine: bool = False,
                         check_overdue: bool = True) -> list[EscalationInfo]:
        """Open tasks, after moving overdue ones up (a caller off the writer thread, such as a
        report, passes check_overdue=False and runs escalate_overdue as a write first).
        ``mine``: only those whose current level the actor's role owns (a consultant: their
        own customers' at the consultant level)."""
        _may_see_escalations(actor)
        if check_overdue:
            self.escalate_overdue(actor)
        with self._db.reader(actor) as uow:
            names = staff_names(uow)
            out = [escalation_info(uow, t, names) for t in q.open_escalations(uow)]
        if mine:
            out = [e for e in out if owns_level(actor.role, e.level) and (
                e.level is not EscalationLevel.CONSULTANT
                or e.consultant_id == actor.staff_id)]
        return out

    def escalation_hours(self, actor: Actor) -> dict[EscalationLevel, int]:
        actor.require(Permission.VIEW_PROJECT)
        with self._db.reader(actor) as uow:
            return escalation_hours(uow)

    def set_escalation_hours(self, actor: Actor, hours: dict[str, int]) -> dict[
            EscalationLevel, int]:
        """Save each level's deadline in hours (a project setting, synced). Bad values are
        refused with the level named, and nothing is saved."""
        actor.require(Permission.MANAGE_SETTINGS)
        try:
            parsed = parse_escalation_hours(hours)
        except ValueError as exc:
            raise ValidationError(str(exc), en="Each level needs a whole number of hours",
                                  field="escalation_hours") from None
        with self._db.uow(actor) as uow:
            value = json.dumps({k.value: v for k, v in parsed.items()})
            save_setting(uow, HOURS_KEY, value)
            audit.record(uow, "follow_up.escalation_hours", "care_setting", HOURS_KEY, value)
            uow.commit()
        return parsed

    def record_outcome(self, actor: Actor, task_id: str, outcome: str, *,
                       resolved: bool) -> EscalationInfo:
        """Resolved: the task closes with this outcome. Not resolved: it moves one level up the
        chain (a task at the customer-service centre can only be closed). Only the role that
        owns the task's current level (after overdue moves) may do either."""
        actor.require(Permission.HANDLE_ESCALATION)
        outcome = outcome.strip()
        if not outcome:
            raise ValidationError("请填写处理结果", en="Describe the outcome", field="outcome")
        now = self._db.now()
        with self._db.uow(actor) as uow:
            t = q.escalation_row(uow, task_id)
            if t is None or t.deleted:
                raise NotFound("没有这个升级任务", en="No such escalation task")
            if t.status != "open":
                raise Conflict("该任务已关闭", en="This task is already closed")
            moved = escalate_overdue(uow)
            level = EscalationLevel(t.level)
            if not owns_level(actor.role, level):
                if moved:  # the overdue move stands even though this actor may not close it
                    uow.commit()
                owners = "、".join(ROLE_LABELS_ZH[r] for r in sorted(ESCALATION_OWNERS[level]))
                raise PermissionDenied(
                    f"该任务现处于{ESCALATION_LEVEL_ZH[level]}级，只能由{owners}处理",
                    en=f"This task is at the {level.value} level; only its owner role may "
                    "handle it")
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
                t.level, t.due_at = up.value, level_due(uow, up, now)
                t.history += (f"\n{local_text(now)} {actor.name}：{outcome}"
                              f"（未解决，升级至{ESCALATION_LEVEL_ZH[up]}）")
                audit.record(uow, "follow_up.escalate", "escalation_task", t.id, up.value)
            uow.flush()
            info = escalation_info(uow, t, staff_names(uow))
            uow.commit()
            return info

    def open_escalation(self, uow: UnitOfWork, *, customer_id: str, consultant_id: str | None,
                        reason: str, source: str, source_id: str) -> str:
        """The EscalationOpener of services/hooks.py: another capability (the on-site score
        card) opens the same escalation chain, in its own unit of work."""
        now = uow.now()
        task = q.add_escalation(
            uow, follow_up_id=source_id if source == "follow_up" else "", customer_id=customer_id,
            consultant_id=consultant_id or responsible_consultant(uow, customer_id),
            level=EscalationLevel.CONSULTANT.value, status="open", opened_at=now,
            due_at=level_due(uow, EscalationLevel.CONSULTANT, now),
            history=f"{local_text(now)} {reason}（{source}），"
                    f"转{ESCALATION_LEVEL_ZH[EscalationLevel.CONSULTANT]}跟进")
        uow.flush()
        audit.record(uow, "follow_up.escalate", "escalation_task", task.id, source)
        return task.id

    def calls(self, actor: Actor, customer_id: str) -> list[FollowUpInfo]:
        _may_see_escalations(actor)
        with self._db.reader(actor) as uow:
            names = staff_names(uow)
            customer = customer_ref(uow, customer_id)
            out = []
            for c in q.calls_of(uow, customer_id):
                esc = q.escalation_id_of_call(uow, c.id)
                out.append(FollowUpInfo(c.id, customer, c.unit_id, names.get(c.caller_id, "?"),
                                        c.called_at, c.told_factors, c.told_sunshine,
                                        c.told_certificates, c.told_contract, c.score, c.notes,
                                        esc or ""))
            return out
