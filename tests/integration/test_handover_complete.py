"""Handover, complete (issue 15 §3), on a real SQLite file: a leaver's open escalations, unsent
care messages (rewritten with the successor's name and phone), complaints, tasks and customers
move to the successor in one transaction — a failure part-way moves nothing — and afterwards the
inactive-owner check is empty; before, it lists every kind still pointing at the disabled
account."""

from __future__ import annotations

import pytest

from salesdesk.domain.care.complaints import ComplaintChannel
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.store.models.appointments import ReminderMessage
from salesdesk.store.models.care import Complaint
from salesdesk.store.models.disclosure import EscalationTask
from salesdesk.store.uow import UnitOfWork
from tests.conftest import staff_actor


def _phone_of(demo: Services, admin: Actor, staff_id: str) -> str:
    return next(s.phone for s in demo.auth.list_staff(admin) if s.id == staff_id)


def _state(demo: Services, supervisor: Actor, message_id: str, escalation_id: str,
           complaint_id: str) -> tuple[str | None, str, str, str]:
    with demo.db.reader() as uow:
        m = uow.session.get(ReminderMessage, message_id)
        e = uow.session.get(EscalationTask, escalation_id)
        k = uow.session.get(Complaint, complaint_id)
        assert m is not None and e is not None and k is not None
        return m.staff_id, m.text, e.consultant_id, k.owner_staff_id or ""


def test_handover_moves_escalations_complaints_and_rewritten_messages_in_one_transaction(
        demo: Services, supervisor: Actor, admin: Actor) -> None:
    leaver, successor = staff_actor(demo, "C202"), staff_actor(demo, "C201")
    leaver_phone = _phone_of(demo, admin, leaver.staff_id)
    successor_phone = _phone_of(demo, admin, successor.staff_id)
    assert leaver_phone and successor_phone and leaver_phone != successor_phone
    cid = demo.customers.register(leaver, phone="13812349001", name="交接客户",
                                  salutation="交先生", consent=True,
                                  owner_staff_id=leaver.staff_id).id
    escalation_id = demo.follow_up.record_call(
        staff_actor(demo, "K001"), customer_id=cid, told_factors=True, told_sunshine=True,
        told_certificates=True, told_contract=True, score=2).escalation_id
    complaint = demo.complaints.log(leaver, customer_id=cid, channel=ComplaintChannel.PHONE,
                                    summary="对交房时间不满", demands=["fix"])
    with demo.db.uow(supervisor) as uow:
        message_id = demo.messages.queue_message(
            uow, customer_id=cid, staff_id=leaver.staff_id, kind="care.after_signing",
            text=f"交先生您好，我是置业顾问{leaver.name}，有事请致电 {leaver_phone}。",
            dedupe_key=f"test:handover:{cid}")
        uow.commit()
    before = _state(demo, supervisor, message_id, escalation_id, complaint.id)
    assert before[0] == leaver.staff_id and before[2] == leaver.staff_id == before[3]

    # Disabled before the handover: the check lists every kind still pointing at them.
    demo.auth.set_active(admin, leaver.staff_id, False)
    found = demo.handover.inactive_owner_check(supervisor)
    by_kind = {(i.kind, i.row_id) for i in found}
    assert {("escalation_task", escalation_id), ("message", message_id),
            ("complaint", complaint.id), ("customer", cid)} <= by_kind
    assert all("138" not in i.label for i in found)  # no phone numbers on the audit page
    preview = demo.handover.preview(supervisor, leaver.staff_id)
    assert preview.open_escalations >= 1 and preview.unsent_messages >= 1

    # One transaction: a capability failing part-way leaves everything where it was.
    def failing_mover(uow: UnitOfWork, old: str, new: str) -> int:
        raise RuntimeError("disk full")

    demo.handover.movers.append(failing_mover)
    with pytest.raises(RuntimeError):
        demo.handover.hand_over(supervisor, leaver.staff_id, successor.staff_id, "离职交接")
    demo.handover.movers.remove(failing_mover)
    assert _state(demo, supervisor, message_id, escalation_id, complaint.id) == before

    result = demo.handover.hand_over(supervisor, leaver.staff_id, successor.staff_id,
                                     "黄静离职，客户交由杨帆跟进")
    assert result.escalations_moved >= 1 and result.messages_rewritten >= 1
    staff_id, text, esc_owner, complaint_owner = _state(
        demo, supervisor, message_id, escalation_id, complaint.id)
    assert staff_id == esc_owner == complaint_owner == successor.staff_id
    assert text == f"交先生您好，我是置业顾问{successor.name}，有事请致电 {successor_phone}。"
    [task] = [e for e in demo.follow_up.open_escalations(successor, mine=True)
              if e.id == escalation_id]
    assert f"离职交接：{leaver.name} → {successor.name}" in task.history
    assert demo.handover.inactive_owner_check(supervisor) == []


def test_backups_move_and_a_leavers_desk_shift_stays_listed_until_reassigned(
        demo: Services, supervisor: Actor, admin: Actor) -> None:
    from datetime import date

    leaver, successor, colleague = (staff_actor(demo, c) for c in ("C202", "C201", "C203"))
    demo.reception.set_backup(colleague, colleague.staff_id, leaver.staff_id)
    day = date(2026, 12, 7)
    demo.appointments.set_day(supervisor, day, desks=2)
    shift = demo.appointments.set_roster(supervisor, day, 2, leaver.staff_id, "09:00", "12:00")
    demo.auth.set_active(admin, leaver.staff_id, False)
    kinds = {i.kind for i in demo.handover.inactive_owner_check(supervisor)}
    assert {"consultant_backup", "desk_roster"} <= kinds

    demo.handover.hand_over(supervisor, leaver.staff_id, successor.staff_id, "离职交接")
    with demo.db.reader() as uow:
        from sqlalchemy import select

        from salesdesk.store.models.reception import ConsultantBackup

        backups = uow.session.scalars(select(ConsultantBackup.backup_staff_id).where(
            ConsultantBackup.staff_id == colleague.staff_id,
            ConsultantBackup.deleted.is_(False))).all()
    assert list(backups) == [successor.staff_id]
    # Who staffs a signing desk is the supervisor's call, not the handover's: it stays listed.
    left = demo.handover.inactive_owner_check(supervisor)
    assert [(i.kind, i.row_id) for i in left] == [("desk_roster", shift.id)]
    demo.appointments.remove_roster(supervisor, shift.id)
    assert demo.handover.inactive_owner_check(supervisor) == []
