"""The complaint log (004): demands, the six handling steps in order with dates and owner,
and group complaints (群诉) by type with their leader."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING

from salesdesk.domain.care.complaints import (
    GROUP_ADVICE_ZH,
    GROUP_LABELS_ZH,
    STEP_LABELS_ZH,
    ComplaintChannel,
    Demand,
    GroupKind,
    Step,
    check_group,
    check_step_order,
    next_step,
    parse_demands,
    require_summary,
)
from salesdesk.domain.care.templates import customer_label
from salesdesk.domain.errors import NotFound, ValidationError
from salesdesk.domain.local_time import local_day
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.services.care.results import ComplaintInfo, GroupInfo, StepInfo
from salesdesk.store.database import Database
from salesdesk.store.queries import care_complaints as q
from salesdesk.store.queries.care import customer_row
from salesdesk.store.queries.common import staff_names, staff_row
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.care import Complaint, ComplaintGroup, ComplaintStep


class ComplaintService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def log(self, actor: Actor, *, customer_id: str, channel: ComplaintChannel | str,
            summary: str, demands: list[str], owner_staff_id: str | None = None,
            received_at: datetime | None = None) -> ComplaintInfo:
        actor.require(Permission.RECORD_COMPLAINT)
        text = require_summary(summary)
        wants = parse_demands(demands)
        try:
            ch = ComplaintChannel(channel)
        except ValueError as exc:
            raise ValidationError("未知的投诉渠道", en="Unknown channel",
                                  field="channel") from exc
        if received_at is not None and received_at > self._db.now():
            raise ValidationError("受理时间不能是将来", en="The complaint cannot come from the "
                                  "future", field="received_at")
        with self._db.uow(actor) as uow:
            if customer_row(uow, customer_id) is None:
                raise NotFound("没有这个客户", en="No such customer")
            owner = owner_staff_id or actor.staff_id
            self._require_active(uow, owner)
            row = q.add_complaint(uow, customer_id=customer_id, received_at=received_at or self._db.now(),
                            channel=ch.value, summary=text,
                            demands=json.dumps([d.value for d in wants]),
                            owner_staff_id=owner)
            uow.flush()
            audit.record(uow, "care.complaint", "complaint", row.id, ch.value)
            info = self._info(uow, row)
            uow.commit()
        return info

    def record_step(self, actor: Actor, complaint_id: str, step: Step | str, note: str,
                    done_on: date | None = None,
                    owner_staff_id: str | None = None) -> ComplaintInfo:
        """Record the next step of the procedure (in order), with its date and owner."""
        actor.require(Permission.RECORD_COMPLAINT)
        try:
            st = Step(step)
        except ValueError as exc:
            raise ValidationError("未知的处理步骤", en="Unknown step", field="step") from exc
        if len(note.strip()) < 2:
            raise ValidationError("请记录这一步的情况", en="Write down what was done",
                                  field="note")
        day = done_on or local_day(self._db.now())
        with self._db.uow(actor) as uow:
            row = self._get(uow, complaint_id)
            if row.status != "open":
                raise ValidationError("投诉已结案", en="The complaint is closed", field="step")
            done = self._steps(uow, row.id)
            check_step_order(st, [Step(s.step) for s in done])
            if done and day < done[-1].done_on:
                raise ValidationError("日期早于上一步", en="Earlier than the previous step",
                                      field="done_on")
            if day < local_day(row.received_at):
                raise ValidationError("日期早于投诉受理日期", en="Earlier than the complaint",
                                      field="done_on")
            if day > local_day(self._db.now()):
                raise ValidationError("不能登记将来的日期", en="That date is in the future",
                                      field="done_on")
            owner = owner_staff_id or actor.staff_id
            self._require_active(uow, owner)
            q.add_step(uow, complaint_id=row.id, step=st.value, seq=len(done) + 1,
                       done_on=day, owner_staff_id=owner, note=note.strip())
            audit.record(uow, "care.complaint_step", "complaint", row.id, st.value)
            uow.flush()
            info = self._info(uow, row)
            uow.commit()
        return info

    def close(self, actor: Actor, complaint_id: str, outcome: str) -> ComplaintInfo:
        actor.require(Permission.RECORD_COMPLAINT)
        if len(outcome.strip()) < 2:
            raise ValidationError("请填写处理结果", en="Write down the outcome", field="outcome")
        with self._db.uow(actor) as uow:
            row = self._get(uow, complaint_id)
            missing = next_step([Step(s.step) for s in self._steps(uow, row.id)])
            if missing is not None:
                raise ValidationError(f"还未完成“{STEP_LABELS_ZH[missing]}”，不能结案",
                                      en=f"Step '{missing.value}' is not done yet",
                                      field="outcome")
            row.status = "closed"
            row.outcome = outcome.strip()
            audit.record(uow, "care.complaint_closed", "complaint", row.id)
            uow.flush()
            info = self._info(uow, row)
            uow.commit()
        return info

    def link_group(self, actor: Actor, *, title: str, kind: GroupKind | str,
                   complaint_ids: list[str], leader_customer_id: str | None = None,
                   notes: str = "") -> GroupInfo:
        actor.require(Permission.RECORD_COMPLAINT)
        try:
            k = GroupKind(kind)
        except ValueError as exc:
            raise ValidationError("未知的群诉类型", en="Unknown group type",
                                  field="kind") from exc
        if not title.strip():
            raise ValidationError("请填写群诉主题", en="Give the group a title", field="title")
        with self._db.uow(actor) as uow:
            rows = [self._get(uow, cid) for cid in dict.fromkeys(complaint_ids)]
            check_group(k, leader_customer_id, [r.customer_id for r in rows])
            group = q.add_group(uow, title=title.strip(), kind=k.value,
                                leader_customer_id=leader_customer_id, notes=notes.strip())
            uow.flush()
            for r in rows:
                r.group_id = group.id
            audit.record(uow, "care.complaint_group", "complaint_group", group.id,
                         f"{k.value} members={len(rows)}")
            uow.flush()
            info = self._group_info(uow, group)
            uow.commit()
        return info

    def complaints(self, actor: Actor, include_closed: bool = True) -> list[ComplaintInfo]:
        actor.require(Permission.RECORD_COMPLAINT)
        with self._db.reader(actor) as uow:
            return [self._info(uow, r)
                    for r in q.complaints(uow, include_closed=include_closed)]

    def groups(self, actor: Actor) -> list[GroupInfo]:
        actor.require(Permission.RECORD_COMPLAINT)
        with self._db.reader(actor) as uow:
            return [self._group_info(uow, g) for g in q.groups(uow)]

    # ---------------------------------------------------------------------------------------

    @staticmethod
    def _require_active(uow: UnitOfWork, staff_id: str) -> None:
        staff = staff_row(uow, staff_id)
        if staff is None or staff.deleted or not staff.active:
            raise ValidationError("负责人须为在职员工", en="The owner must be an active staff member",
                                  field="owner")

    @staticmethod
    def _get(uow: UnitOfWork, complaint_id: str) -> Complaint:
        row = q.complaint_row(uow, complaint_id)
        if row is None or row.deleted:
            raise NotFound("没有这条投诉", en="No such complaint")
        return row

    @staticmethod
    def _steps(uow: UnitOfWork, complaint_id: str) -> list[ComplaintStep]:
        return q.steps_of(uow, complaint_id)

    def _info(self, uow: UnitOfWork, r: Complaint) -> ComplaintInfo:
        names = staff_names(uow)
        steps = self._steps(uow, r.id)
        demands = tuple(Demand(d) for d in json.loads(r.demands))
        nxt = next_step([Step(s.step) for s in steps])
        group = q.group_row(uow, r.group_id) if r.group_id else None
        ch = ComplaintChannel(r.channel)
        return ComplaintInfo(
            r.id, r.customer_id, customer_label(customer_row(uow, r.customer_id)),
            r.received_at, ch, r.summary, demands, r.owner_staff_id,
            names.get(r.owner_staff_id or "", "（未分配）"), r.status, r.outcome,
            tuple(StepInfo(Step(s.step), s.done_on,
                           names.get(s.owner_staff_id or "", ""), s.note) for s in steps),
            nxt, r.group_id, GroupKind(group.kind) if group else None,
            group.title if group else "")

    def _group_info(self, uow: UnitOfWork, g: ComplaintGroup) -> GroupInfo:
        members = q.group_members(uow, g.id)
        leader = customer_row(uow, g.leader_customer_id) if g.leader_customer_id else None
        kind = GroupKind(g.kind)
        return GroupInfo(g.id, g.title, kind, GROUP_LABELS_ZH[kind], GROUP_ADVICE_ZH[kind],
                         customer_label(leader) if leader else "",
                         tuple(customer_label(customer_row(uow, m.customer_id))
                               for m in members))


