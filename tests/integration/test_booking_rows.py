"""A signing booking writes its booking, history step and care plan rows as Core inserts
(store/queries/synced.py): every row and outbox entry must be what the session's outbox hook
would have written, the answer must be what reading the booking back gives, and a failure later
in the transaction must leave nothing behind."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from salesdesk.domain.roles import Actor, Role
from salesdesk.services.container import Services
from salesdesk.store.models.appointments import Appointment, AppointmentEvent
from salesdesk.store.models.audit import AuditEvent
from salesdesk.store.models.base import Base
from salesdesk.store.models.care import CareProfile, FollowUpTask
from salesdesk.store.models.local import OutboxEntry
from salesdesk.store.outbox import row_payload
from tests.factories import Kit

# Days ahead of the fixtures' clock (Tue 2026-11-24): the signing centre is open, and the
# care plan's day-before text is not due yet.
SIGNING_DAY = date(2026, 12, 2)


def _entries(services: Services) -> list[OutboxEntry]:
    with services.db.reader() as uow:
        rows = list(uow.session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))
        uow.session.expunge_all()
        return rows


def _count(services: Services, model: type[Base]) -> int:
    with services.db.reader() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def _signing_setup(kit: Kit) -> tuple[Actor, str, str]:
    """A consultant, their customer holding a subscription for unit 0201, that unit's id."""
    consultant = kit.staff(Role.CONSULTANT, name="王顾问")
    customer = kit.customer(owner=consultant, name="李雷")
    unit = kit.unit("0201")
    kit.subscription(consultant, customer, unit)
    return consultant, customer, unit


def test_every_new_row_has_the_outbox_entry_the_session_hook_would_write(kit: Kit) -> None:
    services = kit.services
    consultant, customer, unit = _signing_setup(kit)
    seen = {e.change_id for e in _entries(services)}

    booking = kit.signing(consultant, customer, SIGNING_DAY, unit_id=unit)

    new = [e for e in _entries(services) if e.change_id not in seen]
    by_table: dict[str, list[OutboxEntry]] = {}
    for e in new:
        by_table.setdefault(e.entity, []).append(e)
    assert [e.row_id for e in by_table["appointment"]] == [booking.appointment.id]
    assert len(by_table["appointment_event"]) == 1
    assert len(by_table["follow_up_task"]) == 1
    assert {e.entity for e in new} >= {"appointment", "appointment_event", "follow_up_task",
                                       "audit_log"}
    models: dict[str, type[Base]] = {
        "appointment": Appointment, "appointment_event": AppointmentEvent,
        "follow_up_task": FollowUpTask, "care_profile": CareProfile, AuditEvent.__tablename__: AuditEvent}
    with services.db.reader() as uow:
        for e in new:
            if e.operation != "insert":
                continue
            row = uow.session.get(models[e.entity], e.row_id)
            assert row is not None, e.entity
            # The row as stored, through the outbox's own payload: equal to what was sent.
            assert json.loads(e.payload) == json.loads(
                json.dumps(row_payload(row), ensure_ascii=False, sort_keys=True)), e.entity
            assert (e.base_version, json.loads(e.fields), e.staff_id) == (
                0, [], consultant.staff_id), e.entity
            stamped = row_payload(row)
            assert stamped["row_version"] == 1 and stamped["deleted"] is False
            assert stamped["created_by_staff"] == consultant.staff_id
            assert stamped["created_by_device"] == services.db.device_id
            assert stamped["sales_centre_id"] == consultant.sales_centre_id
            assert stamped["created_at"] == stamped["updated_at"]
        event = uow.session.scalars(select(AppointmentEvent).where(
            AppointmentEvent.appointment_id == booking.appointment.id)).one()
        assert (event.step, event.from_status, event.to_status) == (1, "", "booked")
        logged = uow.session.get(AuditEvent, by_table["audit_log"][0].row_id)
        assert logged is not None and (logged.action, logged.row_id) == (
            "appointment.book", booking.appointment.id)
        task = uow.session.get(FollowUpTask, by_table["follow_up_task"][0].row_id)
        assert task is not None
        # Not due yet: still open, no message queued for it.
        assert (task.status, task.source_id, task.message_id) == (
            "open", booking.appointment.id, "")


def test_the_answer_is_what_reading_the_booking_back_gives(kit: Kit) -> None:
    services = kit.services
    consultant, customer, unit = _signing_setup(kit)

    booking = kit.signing(consultant, customer, SIGNING_DAY, unit_id=unit)

    info = booking.appointment
    assert info == services.appointments.get(consultant, info.id)
    assert (info.customer_name, info.consultant_name, info.unit_number) == (
        "李雷", "王顾问", "0201")
    assert info.customer_phone_masked.startswith("139")


def test_a_second_booking_updates_the_profile_and_makes_no_second_profile(kit: Kit) -> None:
    services = kit.services
    consultant, customer, unit = _signing_setup(kit)
    first = kit.signing(consultant, customer, SIGNING_DAY, unit_id=unit)
    services.appointments.cancel(consultant, first.appointment.id, "客户改期")
    profiles = _count(services, CareProfile)
    with services.db.reader() as uow:
        before = uow.session.scalars(select(CareProfile).where(
            CareProfile.customer_id == customer)).one().row_version
    seen = {e.change_id for e in _entries(services)}

    kit.signing(consultant, customer, SIGNING_DAY + timedelta(days=1), unit_id=unit)

    assert _count(services, CareProfile) == profiles
    [entry] = [e for e in _entries(services)
               if e.change_id not in seen and e.entity == "care_profile"]
    with services.db.reader() as uow:
        profile = uow.session.scalars(select(CareProfile).where(
            CareProfile.customer_id == customer)).one()
        assert profile.signing_on == SIGNING_DAY + timedelta(days=1)
        # The entry the session hook would write for the changed row.
        assert (entry.row_id, entry.operation, entry.base_version, json.loads(entry.fields)) \
            == (profile.id, "update", before, ["signing_on"])
        assert profile.row_version == before + 1
        assert profile.updated_by_staff == consultant.staff_id
        assert json.loads(entry.payload) == json.loads(
            json.dumps(row_payload(profile), ensure_ascii=False, sort_keys=True))


def test_a_failure_after_the_inserts_leaves_nothing(kit: Kit) -> None:
    services = kit.services
    consultant, customer, unit = _signing_setup(kit)
    counts = {m: _count(services, m) for m in (Appointment, AppointmentEvent, FollowUpTask,
                                               CareProfile, OutboxEntry)}

    def fails(*args: object) -> None:
        raise RuntimeError("a later listener fails")

    services.appointments.listeners.append(fails)
    with pytest.raises(RuntimeError):
        kit.signing(consultant, customer, SIGNING_DAY, unit_id=unit)

    assert {m: _count(services, m) for m in counts} == counts
