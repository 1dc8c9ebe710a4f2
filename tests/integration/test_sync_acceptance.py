"""Issue 7's acceptance on real capability tables: two devices of the demo sales centre,
enrolled to a local sync service on a throwaway PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable

import psycopg
import pytest
from sqlalchemy import select

from salesdesk.domain.disclosure import RoundKind
from salesdesk.services.reception import CheckInRequest
from salesdesk.store.models.disclosure import DisclosureRecord
from salesdesk.store.models.local import OutboxEntry
from tests.conftest import FakeClock
from tests.sync_fixtures import Device, load_demo_centre, staff_actor

pytestmark = pytest.mark.postgres



@pytest.fixture
def pair(sync_db: str, monkeypatch: pytest.MonkeyPatch, clock: FakeClock,
         make_device: Callable[..., Device]) -> tuple[Device, Device]:
    # The tests write dated events (a subscription on 2026-11-20, signing on 11-25): the devices
    # run on the tests' clock, never the real one, or the plan's dates fall into the past.
    centre = load_demo_centre(sync_db, monkeypatch)
    a = make_device("kiosk", centre=centre, clock=clock)
    b = make_device("laptop", centre=centre, clock=clock)
    a.client.sync_round()
    b.client.sync_round()
    return a, b


def test_walk_in_on_one_device_appears_on_the_other(pair: tuple[Device, Device]) -> None:
    a, b = pair
    result = a.services.reception.check_in(
        staff_actor(a, "R001"), CheckInRequest("13812340001", 2, salutation="王先生", consent=True))
    a.client.sync_round()
    b.client.sync_round()
    found = b.services.customers.find_by_phone(staff_actor(b, "R002"), "13812340001")
    assert found is not None and found.salutation == "王先生"
    assert result.visit_id


def test_offline_disclosure_round_reaches_the_server_byte_identical(
        pair: tuple[Device, Device], sync_db: str) -> None:
    a, b = pair
    consultant = staff_actor(a, "C102")
    customer = a.services.customers.register(consultant, phone="13812340002", consent=True)
    unit = next(u for u in a.services.projects.units(consultant) if u.number == "2-1502")
    cl = a.services.disclosure.checklist(consultant, customer.id, unit.id)
    rec = a.services.disclosure.record_round(
        consultant, customer_id=customer.id, unit_id=unit.id, kind=RoundKind.RECEPTION,
        ticks={i.code: a.services.db.now() for i in cl.items}, paper_form=True)
    with a.services.db.reader() as uow:
        local_payload = uow.session.scalar(select(OutboxEntry.payload).where(
            OutboxEntry.entity == "disclosure_record", OutboxEntry.row_id == rec.id))
    assert local_payload is not None
    a.client.sync_round()
    with psycopg.connect(sync_db) as conn:
        row = conn.execute("SELECT raw_payload FROM change_log WHERE row_id = %s "
                           "AND entity = 'disclosure_record'", (rec.id,)).fetchone()
    assert row is not None
    raw = row[0] if isinstance(row[0], str) else json.dumps(row[0])
    assert json.loads(raw) == json.loads(local_payload)
    b.client.sync_round()
    with b.services.db.reader() as uow:
        pulled = uow.session.get(DisclosureRecord, rec.id)
        assert pulled is not None and pulled.hash == rec.hash
    assert b.services.maintenance.verify().ok, [
        f for f in b.services.maintenance.verify().findings if not f.ok]



def test_both_book_the_last_signing_desk_offline(pair: tuple[Device, Device]) -> None:
    """After sync one booking holds the desk and the other is a visible conflict, on both
    devices, with free alternatives offered."""
    from datetime import timedelta

    from salesdesk.domain.appointments import AppointmentStatus

    a, b = pair
    ca, cb = staff_actor(a, "C102"), staff_actor(b, "C202")
    slot = a.services.appointments.free_slots(ca, a.services.db.now() + timedelta(days=3))[0]
    for n in range(slot.free - 1):  # every desk but one, booked on A and seen by B
        c = a.services.customers.register(ca, phone=f"1381234{n:04d}", consent=True)
        a.services.appointments.book_signing(ca, customer_id=c.id, starts_at=slot.starts_at)
    a.client.sync_round()
    b.client.sync_round()
    x = a.services.customers.register(ca, phone="13912340001", consent=True)
    y = b.services.customers.register(cb, phone="13912340002", consent=True)
    first = a.services.appointments.book_signing(ca, customer_id=x.id, starts_at=slot.starts_at)
    second = b.services.appointments.book_signing(cb, customer_id=y.id, starts_at=slot.starts_at)
    assert first.appointment.desk_no == second.appointment.desk_no  # both took the last desk
    a.client.sync_round()
    b.client.sync_round()
    a.client.sync_round()
    for dev, actor in ((a, ca), (b, cb)):
        assert dev.services.appointments.get(actor, first.appointment.id).status \
            is not AppointmentStatus.CONFLICT
        assert dev.services.appointments.get(actor, second.appointment.id).status \
            is AppointmentStatus.CONFLICT
    alternatives = b.services.appointments.free_slots(cb, slot.starts_at)
    assert alternatives and slot.starts_at not in {s.starts_at for s in alternatives}


def test_the_same_care_message_queued_offline_on_two_devices_is_one_message(
        pair: tuple[Device, Device]) -> None:
    """Both devices hear the same event offline (the kiosk and a laptop both open the care
    page): one follow-up task and one message everywhere, sync keeps working, and once one
    device has sent it the other shows it sent (nobody sends it again)."""
    from datetime import date

    from salesdesk.domain.care.plan import CareEvent, CareEventKind

    a, b = pair
    owner_a = staff_actor(a, "C101")
    customer = a.services.customers.register(owner_a, phone="13812340077", name="钱多多",
                                             salutation="钱先生", consent=True,
                                             owner_staff_id=owner_a.staff_id)
    a.client.sync_round()
    b.client.sync_round()
    for dev in (a, b):  # offline, each on its own
        who = staff_actor(dev, "C101")
        dev.services.care.on_event(who, CareEvent(CareEventKind.SUBSCRIBED, customer.id,
                                                  date(2026, 11, 20), ref="sub-x",
                                                  unit="2-1502"))
        dev.services.care.on_event(who, CareEvent(CareEventKind.DAY_BEFORE_SIGNING,
                                                  customer.id, date(2026, 11, 25), ref="sig-x"))

    def mine(dev: Device) -> tuple[list[str], list[str]]:
        who = staff_actor(dev, "C101")
        messages = [m.id for m in dev.services.messages.for_customer(who, customer.id)]
        tasks = [t.id for t in dev.services.care.tasks(who, include_done=True)
                 if t.customer_id == customer.id]
        return messages, tasks

    assert mine(a) == mine(b) and len(mine(a)[0]) == 1
    a.client.sync_round()
    b.client.sync_round()  # pushes its copies (refused as made already) and pulls a's
    a.client.sync_round()
    assert mine(a) == mine(b) and len(mine(a)[0]) == 1
    (message_id,) = mine(a)[0]
    a.services.messages.send(staff_actor(a, "C101"), message_id)
    a.client.sync_round()
    b.client.sync_round()
    assert b.services.messages.item(staff_actor(b, "C101"), message_id).status == "sent"
    assert b.client.pending_count() == 0 and a.client.pending_count() == 0
