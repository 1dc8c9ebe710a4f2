"""Reminders: tomorrow's list with the message text, an outbox that never sends twice and keeps
failures visible, a pluggable gateway; and the upgrade of an older database file."""

from __future__ import annotations

import threading
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from salesdesk.domain.errors import Conflict, DomainError
from salesdesk.domain.local_time import at_local
from salesdesk.domain.roles import Actor, Role
from salesdesk.services.appointments import (
    Delivery,
    GatewayError,
    HandToConsultant,
    OutgoingReminder,
)
from salesdesk.services.container import Services, build_services
from salesdesk.store import migrate
from salesdesk.store.database import open_database
from salesdesk.store.models.appointments import ReminderMessage
from salesdesk.store.models.org import Company
from tests.conftest import FakeClock
from tests.factories import PIN, Kit

TOMORROW = date(2026, 11, 25)


class CountingGateway:
    """A real gateway stand-in that counts deliveries and can be told to fail."""

    name = "counting"

    def __init__(self) -> None:
        self.delivered: list[str] = []
        self.fail_with: Exception | None = None
        self.lock = threading.Lock()

    def deliver(self, message: OutgoingReminder, actor: Actor) -> Delivery:
        if self.fail_with is not None:
            raise self.fail_with
        with self.lock:
            self.delivered.append(message.message_id)
        return Delivery(actor.staff_id)


@pytest.fixture
def consultant(kit: Kit) -> Actor:
    """The consultant whose work number the reminder gives the customer."""
    return kit.staff(Role.CONSULTANT, name="李娜", phone="0571-88123412")


@pytest.fixture
def supervisor(kit: Kit) -> Actor:
    return kit.staff_cached(Role.SUPERVISOR)


def _fresh_signing(services: Services, actor: Actor, phone: str) -> str:
    cust = services.customers.register(actor, phone=phone, name="欧阳娜", salutation="欧阳女士",
                                       consent=True, owner_staff_id=actor.staff_id).id
    plan = services.appointments.day_plan(actor, TOMORROW)
    board = services.appointments.day_board(actor, TOMORROW)
    slot = next(r.slot for r in board.rows if r.free)
    assert plan.open
    return services.appointments.book_signing(actor, customer_id=cust, starts_at=slot.starts_at,
                                              consultant_id=actor.staff_id).appointment.id


def test_tomorrows_list_has_the_message_text(services: Services, consultant: Actor) -> None:
    appt = _fresh_signing(services, consultant, "13905713001")
    items = services.reminders.due(consultant)
    assert items and all(i.appointment.consultant_id == consultant.staff_id for i in items)
    mine = next(i for i in items if i.appointment.id == appt)
    assert mine.status == "due"
    text = mine.text
    assert "欧阳女士" in text and "11月25日" in text and "签约中心" in text
    assert consultant.name in text and "0571-88123412" in text  # the consultant's contact
    assert "身份证原件" in text and "认购书" in text  # default materials list
    assert "13905713001" not in text


def test_materials_source_is_pluggable(services: Services, consultant: Actor) -> None:
    class Special:
        def materials_to_bring(self, customer_id: str, unit_id: str | None) -> list[str]:
            return ["回乡证原件", "在内地工作证明"]

    appt = _fresh_signing(services, consultant, "13905713002")
    services.reminders.materials = Special()
    text = next(i for i in services.reminders.due(consultant) if i.appointment.id == appt).text
    assert "回乡证原件" in text and "身份证原件" not in text


def test_default_gateway_records_the_consultant_as_sender(services: Services,
                                                         consultant: Actor) -> None:
    appt = _fresh_signing(services, consultant, "13905713003")
    assert isinstance(services.reminders.gateway, HandToConsultant)
    item = services.reminders.send(consultant, appt)
    assert item.status == "sent" and item.sent_by_name == consultant.name
    assert item.sent_at is not None


def test_a_reminder_is_never_sent_twice(services: Services, consultant: Actor) -> None:
    gateway = CountingGateway()
    services.reminders.gateway = gateway
    appt = _fresh_signing(services, consultant, "13905713004")
    assert services.reminders.queue(consultant) >= 1
    assert services.reminders.queue(consultant) == 0  # the evening run twice adds nothing
    services.reminders.send(consultant, appt)
    with pytest.raises(Conflict, match="不会重复"):
        services.reminders.send(consultant, appt)
    assert len(gateway.delivered) == 1
    with services.db.reader() as uow:
        n = uow.session.scalar(select(func.count()).select_from(ReminderMessage).where(
            ReminderMessage.appointment_id == appt))
    assert n == 1


def test_concurrent_sends_deliver_once(services: Services, consultant: Actor, data_dir: Path,
                                       key_dir: Path, clock: FakeClock) -> None:
    appt = _fresh_signing(services, consultant, "13905713005")
    gateway = CountingGateway()
    opened = [build_services(open_database(data_dir, key_dir, clock=clock)) for _ in range(6)]
    for s in opened:
        s.reminders.gateway = gateway
    barrier = threading.Barrier(len(opened))
    errors: list[Exception] = []

    def go(s: Services) -> None:
        barrier.wait()
        try:
            s.reminders.send(consultant, appt)
        except DomainError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=go, args=(s,)) for s in opened]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for s in opened:
        s.close()
    assert len(gateway.delivered) == 1
    assert len(errors) == len(opened) - 1


def test_failures_stay_visible_and_can_be_retried(services: Services, consultant: Actor) -> None:
    gateway = CountingGateway()
    services.reminders.gateway = gateway
    appt = _fresh_signing(services, consultant, "13905713006")
    gateway.fail_with = GatewayError("短信网关超时")
    item = services.reminders.send(consultant, appt)
    assert item.status == "failed" and item.last_error == "短信网关超时"
    assert [f.appointment.id for f in services.reminders.failures(consultant)] == [appt]
    gateway.fail_with = None
    item = services.reminders.send(consultant, appt)
    assert item.status == "sent" and item.attempts == 2
    assert services.reminders.failures(consultant) == []


def test_a_crash_mid_send_is_not_retried_blindly(services: Services, consultant: Actor) -> None:
    gateway = CountingGateway()
    services.reminders.gateway = gateway
    appt = _fresh_signing(services, consultant, "13905713007")
    gateway.fail_with = RuntimeError("power cut")  # not a GatewayError: we do not know
    with pytest.raises(RuntimeError):
        services.reminders.send(consultant, appt)
    stuck = services.reminders.failures(consultant)
    assert [(f.appointment.id, f.status) for f in stuck] == [(appt, "sending")]
    gateway.fail_with = None
    with pytest.raises(Conflict, match="结果未知"):
        services.reminders.send(consultant, appt)
    assert gateway.delivered == []
    assert stuck[0].message_id is not None
    services.reminders.resolve_unknown(consultant, stuck[0].message_id, delivered=True)
    with pytest.raises(Conflict):
        services.reminders.send(consultant, appt)
    assert gateway.delivered == []


def test_cancelled_appointments_need_no_reminder(services: Services, consultant: Actor) -> None:
    appt = _fresh_signing(services, consultant, "13905713008")
    services.appointments.cancel(consultant, appt, "客户改主意")
    assert appt not in [i.appointment.id for i in services.reminders.due(consultant)]
    with pytest.raises(Conflict):
        services.reminders.send(consultant, appt)


# ---- migration ----------------------------------------------------------------------------------


def test_upgrade_of_an_older_database_keeps_its_data(tmp_path: Path, key_dir: Path,
                                                     clock: FakeClock) -> None:
    prev = migrate.script_directory().get_revision("0004_appointments").down_revision
    assert isinstance(prev, str)
    data = tmp_path / "old"
    db = open_database(data, key_dir, clock=clock, migrate_to=prev)
    with db.uow() as uow:
        uow.add(Company(code="OLD", name="旧数据公司", sales_centre_id="c1"))
        uow.commit()
    db.close()
    assert migrate.file_revision(data / "salesdesk.sqlite3") == prev

    db = open_database(data, key_dir, clock=clock)
    services = build_services(db)
    try:
        assert migrate.file_revision(data / "salesdesk.sqlite3") == migrate.head_revision()
        with db.reader() as uow:
            assert uow.session.scalars(select(Company.name)).all() == ["旧数据公司"]
            assert uow.session.scalar(select(func.count()).select_from(ReminderMessage)) == 0
        assert list((data / "backups").glob("*.sqlite3")), "backed up before the upgrade"
        # The new tables refuse DELETE like every synced table.
        import sqlite3

        conn = sqlite3.connect(data / "salesdesk.sqlite3")
        try:
            conn.execute("INSERT INTO desk_roster (day, desk_no, staff_id, from_time, to_time, "
                         "id, sales_centre_id, server_seq, deleted, row_version, created_at, "
                         "updated_at, created_by_device, updated_by_device) VALUES "
                         "('2026-11-25', 1, 's', '09:00', '17:00', 'r1', 'c1', 0, 0, 1, "
                         "'2026-11-24', '2026-11-24', 'd', 'd')")
            with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
                conn.execute("DELETE FROM desk_roster")
        finally:
            conn.close()
    finally:
        services.close()


def test_slot_times_are_stored_as_utc(services: Services, supervisor: Actor) -> None:
    board = services.appointments.day_board(supervisor, TOMORROW)
    assert board.rows[0].slot.starts_at == at_local(TOMORROW, time(9))
    assert board.rows[0].slot.starts_at.utcoffset() == timedelta(0)


def test_evening_run_from_the_command_line(services: Services, consultant: Actor,
                                           data_dir: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from salesdesk import cli

    appt = _fresh_signing(services, consultant, "13905713009")
    staff_code = next(e.code for e in services.auth.signin_list()
                      if e.id == consultant.staff_id)
    monkeypatch.setenv("SALESDESK_PIN", PIN)
    code = cli.main(["--data-dir", str(data_dir), "appointment-reminders", "--staff", staff_code,
                     "--day", TOMORROW.isoformat(), "--queue"])
    out = capsys.readouterr().out
    assert code == 0 and "queued" in out and "欧阳女士" in out
    assert next(i for i in services.reminders.due(consultant, TOMORROW)
                if i.appointment.id == appt).status == "pending"
