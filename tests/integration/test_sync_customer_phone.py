"""One customer per phone (issue 12 §2) on real PostgreSQL: the same new number registered on
two devices offline becomes a duplicate flagged on both devices, reception routes the number to
the first registration (判客) everywhere, and a supervisor's merge reaches every device."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from sqlalchemy import select

from salesdesk.domain.care.plan import CareEvent, CareEventKind
from salesdesk.domain.errors import Conflict
from salesdesk.services.reception import CheckInRequest, OwnerChoice
from salesdesk.store.models.appointments import Appointment
from salesdesk.store.models.care import FollowUpTask
from salesdesk.store.models.customer import Customer, CustomerAlias, CustomerPhone
from salesdesk.store.models.reception import AttributionChange, StaffNotice, Visit
from salesdesk.store.models.sync import SyncConflict
from salesdesk.store.queries.customers import add_phone
from salesdesk.sync.server.devcluster import ServerThread, enrol_code
from tests.conftest import FakeClock
from tests.sync_fixtures import Device, load_demo_centre, staff_actor
from tests.sync_helpers import RawDevice

PHONE = "13912345678"
pytestmark = pytest.mark.postgres



@pytest.fixture
def pair(sync_db: str, monkeypatch: pytest.MonkeyPatch,
         make_device: Callable[..., Device]) -> tuple[Device, Device]:
    centre = load_demo_centre(sync_db, monkeypatch)
    # Clocks relative to the real one (head office dates its notice by its own clock, and the
    # consultant's list shows the notices of the device's day), B's five minutes behind A's:
    # registration order on the devices' clocks is the opposite of the order in which they
    # reach head office, which is what must count.
    clock_a = FakeClock(datetime.now(UTC).replace(microsecond=0))
    clock_b = FakeClock(clock_a.now - timedelta(minutes=5))
    a = make_device("kiosk", centre=centre, clock=clock_a)
    b = make_device("laptop", centre=centre, clock=clock_b)
    a.client.sync_round()
    b.client.sync_round()
    return a, b


def _conflicts(dev: Device) -> list[SyncConflict]:
    with dev.services.db.reader() as uow:
        rows = list(uow.session.scalars(select(SyncConflict).where(
            SyncConflict.kind == "duplicate_customer")))
        uow.session.expunge_all()
        return rows


def _register_offline(a: Device, b: Device) -> tuple[str, str]:
    """The same new number registered on both devices while offline, with children on B's."""
    ca, cb = staff_actor(a, "C102"), staff_actor(b, "C202")
    first = a.services.customers.register(ca, phone=PHONE, salutation="王先生", consent=True,
                                          owner_staff_id=ca.staff_id)
    later = b.services.customers.register(cb, phone=PHONE, salutation="王先生", consent=True,
                                          owner_staff_id=cb.staff_id,
                                          other_phones=[("13700001111", "spouse")])
    assert first.id != later.id
    b.services.reception.check_in(staff_actor(b, "R002"), CheckInRequest(
        PHONE, 2, consent=True, owner_choice=OwnerChoice.ROTATION))
    starts = b.services.db.now().replace(hour=6, minute=0) + timedelta(days=2)
    b.services.appointments.book_visit(cb, customer_id=later.id, consultant_id=cb.staff_id,
                                       starts_at=starts)
    b.services.care.on_event(cb, CareEvent(CareEventKind.SUBSCRIBED, later.id,
                                           on=b.services.care.today(), ref="sub-1",
                                           unit="2-1502"))
    return first.id, later.id


def test_same_phone_on_two_devices_is_flagged_routed_and_merged(
        pair: tuple[Device, Device], sync_db: str) -> None:
    a, b = pair
    first_id, later_id = _register_offline(a, b)
    a.client.sync_round()  # A reaches head office first: its registration wins
    b.client.sync_round()
    a.client.sync_round()

    # Head office kept both customers (nothing lost) and flagged the later one, masked.
    with psycopg.connect(sync_db) as conn:
        rows = conn.execute("SELECT data FROM entity_row WHERE entity = 'sync_conflict' "
                            "AND data->>'kind' = 'duplicate_customer'").fetchall()
        assert conn.execute("SELECT count(*) FROM entity_row WHERE entity = 'customer' "
                            "AND row_id = ANY(%s)", ([first_id, later_id],)).fetchone() == (2,)
    assert len(rows) == 1
    assert PHONE not in json.dumps(rows[0][0]["detail"])

    ca, cb, sup_a, sup_b = (staff_actor(a, "C102"), staff_actor(b, "C202"), staff_actor(a, "S001"),
                            staff_actor(b, "S001"))
    for dev, sup in ((a, sup_a), (b, sup_b)):
        [conflict] = _conflicts(dev)
        assert conflict.status == "open"
        assert json.loads(conflict.kept_value) == later_id
        assert json.loads(conflict.current_value) == first_id
        detail = json.loads(conflict.detail)
        assert detail["phone"] == "139****5678"
        assert (detail["first_customer_id"], detail["later_customer_id"]) == (first_id,
                                                                               later_id)
        assert (detail["first_owner_staff_id"], detail["later_owner_staff_id"]) == (
            ca.staff_id, cb.staff_id)
        # Supervisors see it in the inbox, with its label; 判客: the number means the first.
        [info] = dev.services.sync.conflicts(sup)
        assert info.kind == "duplicate_customer" and info.detail["phone"] == "139****5678"
        found = dev.services.customers.find_by_phone(sup, PHONE)
        assert found is not None and found.id == first_id
        assert dev.services.reception.lookup(sup, PHONE).customer_id == first_id

    # Reception on B routes the number to the first registration's consultant (李娜, off
    # duty today, so reception is asked how to route: nothing is written until it answers).
    with pytest.raises(Conflict, match="原顾问李娜"):
        b.services.reception.check_in(staff_actor(b, "R002"), CheckInRequest(PHONE, 1))

    # B's consultant is told who registered first; A's consultant is not.
    queue_b = b.services.reception.my_queue(cb)
    assert any("139****5678" in n and "李娜" in n for n in queue_b.notices), queue_b.notices
    assert not a.services.reception.my_queue(ca).notices
    with a.services.db.reader() as uow:
        assert uow.session.scalar(select(StaffNotice.staff_id)) == cb.staff_id

    # Both keep syncing.
    other = b.services.customers.register(cb, phone="13600002222", consent=True)
    b.client.sync_round()
    a.client.sync_round()
    assert a.services.customers.find_by_phone(ca, "13600002222") is not None
    assert other.id

    # The supervisor merges on A; after sync both devices hold one customer with everything.
    result = a.services.customer_merge.merge_conflict(sup_a, _conflicts(a)[0].id)
    assert result.count("visit") == 1 and result.count("appointment") == 1
    assert result.count("follow_up_task") >= 1
    a.client.sync_round()
    b.client.sync_round()
    a.client.sync_round()
    for dev, sup in ((a, sup_a), (b, sup_b)):
        with dev.services.db.reader() as uow:
            s = uow.session
            dup = s.get(Customer, later_id)
            assert dup is not None and dup.deleted
            assert s.scalar(select(CustomerAlias.customer_id).where(
                CustomerAlias.alias_id == later_id)) == first_id
            live = s.scalars(select(CustomerPhone.customer_id).where(
                CustomerPhone.deleted.is_(False),
                CustomerPhone.e164_hash.in_([uow.phones.number_hash(n) for n in
                                             ("+86" + PHONE, "+8613700001111")]))).all()
            assert set(live) == {first_id} and len(live) == 2
            assert s.scalars(select(Visit.customer_id)).all() == [first_id]
            assert s.scalars(select(Appointment.customer_id)).all() == [first_id]
            tasks = s.scalars(select(FollowUpTask.customer_id)).all()
            assert tasks and set(tasks) == {first_id}
            history = s.scalars(select(AttributionChange).where(
                AttributionChange.customer_id == first_id)).all()
            assert len(history) == 1 and later_id[:8] in history[0].reason
            assert history[0].from_staff_id == cb.staff_id
            assert history[0].to_staff_id == ca.staff_id
        [conflict] = _conflicts(dev)
        assert (conflict.status, conflict.resolution) == ("resolved", "merge")
        assert dev.services.sync.conflicts(sup) == []
        found = dev.services.customers.find_by_phone(sup, "13700001111")
        assert found is not None and found.id == first_id
    # The merge's own edits did not flag a new duplicate.
    with psycopg.connect(sync_db) as conn:
        assert conn.execute("SELECT count(*) FROM entity_row WHERE entity = 'sync_conflict' "
                            "AND data->>'kind' = 'duplicate_customer'").fetchone() == (1,)


def test_a_number_on_one_device_only_is_no_duplicate(pair: tuple[Device, Device]) -> None:
    a, b = pair
    ca = staff_actor(a, "C102")
    c = a.services.customers.register(ca, phone=PHONE, consent=True, owner_staff_id=ca.staff_id)
    a.client.sync_round()
    b.client.sync_round()
    # A second number for the same customer later is not a duplicate either.
    with a.services.db.uow(ca) as uow:
        add_phone(uow, customer_id=c.id, e164="+8613700001111", label="spouse")
        uow.commit()
    a.client.sync_round()
    b.client.sync_round()
    assert _conflicts(a) == [] and _conflicts(b) == []


def _phone_batch(raw: RawDevice, number: str) -> tuple[str, list[dict[str, object]]]:
    customer = raw.row(name="", salutation="", notes="", owner_staff_id=None,
                       consent_version="", consent_at=None, id_number_enc=None)
    phone = raw.row(customer_id=customer["id"], e164=number, last4=number[-4:], label="self")
    return str(customer["id"]), [raw.change("customer", customer),
                                 raw.change("customer_phone", phone)]


@pytest.fixture
def slow_server(sync_db: str) -> Iterator[ServerThread]:
    """A server whose commits lag (test-only option): without the per-number lock, pushes that
    overlap would all read before any commits and all think they are first."""
    from salesdesk.sync.server.app import create_app
    from salesdesk.sync.server.push import ServerOptions

    server = ServerThread(create_app(sync_db, options=ServerOptions(commit_delay_s=0.3),
                                     token_ttl=timedelta(minutes=5))).start()
    yield server
    server.stop()


def test_concurrent_pushes_of_one_number_elect_exactly_one_first(
        slow_server: ServerThread, sync_db: str) -> None:
    """Six devices push the same new number at once: the per-number lock makes them queue, so
    exactly one is first and each of the five others names that one."""
    devices = [RawDevice(slow_server.url, enrol_code(sync_db)) for _ in range(6)]
    batches = [_phone_batch(d, "+8613912345678") for d in devices]
    barrier = threading.Barrier(len(devices))
    statuses: list[int] = []

    def send(i: int) -> None:
        barrier.wait()
        statuses.append(devices[i].push(batches[i][1]).status_code)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(devices))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [200] * len(devices)
    with psycopg.connect(sync_db) as conn:
        flagged = [r[0] for r in conn.execute(
            "SELECT data FROM entity_row WHERE entity = 'sync_conflict' "
            "AND data->>'kind' = 'duplicate_customer'")]
        first = conn.execute(
            "SELECT e.data->>'customer_id' FROM change_log l JOIN entity_row e "
            "ON e.entity = l.entity AND e.row_id = l.row_id WHERE l.entity = 'customer_phone' "
            "ORDER BY l.feed_seq LIMIT 1").fetchone()
        phones = conn.execute("SELECT count(*) FROM entity_row WHERE entity = "
                              "'customer_phone'").fetchone()
    assert phones == (6,)  # every registration kept
    assert first is not None
    assert len(flagged) == 5
    assert {json.loads(f["current_value"]) for f in flagged} == {first[0]}
    assert {json.loads(f["kept_value"]) for f in flagged} == \
        {cid for cid, _ in batches} - {first[0]}


def test_a_bad_phone_value_from_a_peer_is_stored_not_flagged_and_never_a_500(
        sync_server: ServerThread, sync_db: str) -> None:
    raw = RawDevice(sync_server.url, enrol_code(sync_db))
    _, batch = _phone_batch(raw, "+8613912345678")
    payload = batch[1]["payload"]
    assert isinstance(payload, dict)
    payload["e164"] = 12345  # not a string: a buggy or hostile peer
    reply = raw.push(batch)
    assert reply.status_code == 200
    _, again = _phone_batch(raw, "+8613912345678")
    assert raw.push(again).status_code == 200
    with psycopg.connect(sync_db) as conn:
        assert conn.execute("SELECT count(*) FROM entity_row WHERE entity = 'sync_conflict'"
                            ).fetchone() == (0,)


def test_three_registrations_in_one_push_name_the_first_applied(
        sync_server: ServerThread, sync_db: str) -> None:
    raw = RawDevice(sync_server.url, enrol_code(sync_db))
    made = [_phone_batch(raw, "+8613912345678") for _ in range(3)]
    reply = raw.push([c for _, batch in made for c in batch])
    assert reply.status_code == 200
    assert {r["status"] for r in reply.json()["results"]} == {"applied"}
    with psycopg.connect(sync_db) as conn:
        flagged = [r[0] for r in conn.execute(
            "SELECT data FROM entity_row WHERE entity = 'sync_conflict' "
            "AND data->>'kind' = 'duplicate_customer'")]
    assert sorted(json.loads(f["kept_value"]) for f in flagged) == sorted(
        [made[1][0], made[2][0]])
    assert {json.loads(f["current_value"]) for f in flagged} == {made[0][0]}
