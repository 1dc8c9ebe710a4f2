"""Reception services against a real SQLite file (the demo database copy)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from salesdesk.domain.errors import Conflict, ValidationError
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.services.hooks import ArrivingAppointment
from salesdesk.services.reception import CheckInRequest, ReceptionService
from salesdesk.store import outbox
from salesdesk.store.models.audit import AuditEvent
from salesdesk.store.models.customer import Customer
from salesdesk.store.models.local import OutboxEntry
from salesdesk.store.models.reception import QueueTicket, RotationEventRow, StaffNotice, Visit
from salesdesk.store.uow import UnitOfWork
from tests.conftest import FakeClock, staff_actor


def ids(s: Services, *codes: str) -> list[str]:
    return [staff_actor(s, c).staff_id for c in codes]


def counts(s: Services) -> tuple[int, int, int, int]:
    with s.db.reader() as uow:
        return tuple(uow.session.scalar(select(func.count()).select_from(t))  # type: ignore[return-value]
                     for t in (Visit, QueueTicket, RotationEventRow, OutboxEntry))


def fresh_day(s: Services, clock: FakeClock) -> None:
    """Move to a day the demo seed has not touched (tomorrow, 10:00 Beijing)."""
    clock.advance(days=1)


@pytest.fixture
def rs(demo: Services, clock: FakeClock, reception: Actor) -> ReceptionService:
    fresh_day(demo, clock)
    demo.reception.join(reception, ids(demo, "C102", "C103", "C101"))
    return demo.reception


def test_walk_in_goes_to_the_head_of_the_rotation(demo: Services, rs: ReceptionService,
                                                   reception: Actor) -> None:
    r = rs.check_in(reception, CheckInRequest("13900001111", 2, salutation="赵先生",
                                              consent=True))
    assert r.first_visit and r.route == "rotation" and r.status == "called"
    assert r.consultant_name == "李娜" and r.ticket.endswith("001")
    assert r.masked_phone == "139****1111"
    floor = rs.floor(reception)
    assert [e.name for e in floor.rotation][:3] == ["张伟", "王磊", "李娜"]
    assert floor.rotation[2].status == "receiving"


def test_new_customer_needs_consent_and_bad_input_changes_nothing(
        demo: Services, rs: ReceptionService, reception: Actor) -> None:
    before = counts(demo)
    cases = [
        (CheckInRequest("12345", 2, consent=True), "phone"),
        (CheckInRequest("13900001111", 0, consent=True), "party_size"),
        (CheckInRequest("13900001111", 500, consent=True), "party_size"),
        (CheckInRequest("13900001111", 2, source="agency", agency_name="链家", consent=True),
         "agent_name"),
        (CheckInRequest("13900001111", 2), "consent"),
    ]
    for req, field in cases:
        with pytest.raises(ValidationError) as err:
            rs.check_in(reception, req)
        assert err.value.field == field
        assert err.value.message  # a Chinese message for the field
    assert counts(demo) == before
    assert rs.lookup(reception, "13900001111").customer_id is None


def test_duplicate_check_in_within_minutes_is_caught(
        demo: Services, rs: ReceptionService, reception: Actor, clock: FakeClock) -> None:
    first = rs.check_in(reception, CheckInRequest("13900002222", 3, consent=True))
    before = counts(demo)
    clock.advance(minutes=3)
    again = rs.check_in(reception, CheckInRequest("139 0000 2222", 3, consent=True))
    assert again.duplicate and again.visit_id == first.visit_id
    assert counts(demo) == before


def test_returning_customer_goes_to_the_owner(
        demo: Services, rs: ReceptionService, reception: Actor, clock: FakeClock) -> None:
    li_na = staff_actor(demo, "C102")
    r = rs.check_in(reception, CheckInRequest("13900003333", 2, salutation="钱女士",
                                              consent=True))
    assert r.consultant_id == li_na.staff_id
    rs.start(li_na, r.visit_id)
    clock.advance(minutes=40)
    rs.finish(li_na, r.visit_id, intent="A", units="1-1203", notes="看三房")
    assert demo.customers.find_by_phone(reception, "13900003333").owner_staff_id == \
        li_na.staff_id  # first valid reception wins attribution
    clock.advance(hours=2)
    # Two walk-ins put 张伟 and 王磊 to work; 李娜 is free again.
    rs.check_in(reception, CheckInRequest("13900004444", 1, consent=True))
    back = rs.check_in(reception, CheckInRequest("13900003333", 2))
    assert not back.first_visit and back.route == "owner"
    assert back.consultant_id == li_na.staff_id
    log = rs.day_log(staff_actor(demo, "S001"), rs.today())
    assert [e.reason for e in log if e.kind == "assign"][-1] == "returning_owner"


def test_owner_away_reception_chooses(demo: Services, rs: ReceptionService, reception: Actor,
                                      clock: FakeClock) -> None:
    li_na = staff_actor(demo, "C102")
    supervisor = staff_actor(demo, "S001")
    r = rs.check_in(reception, CheckInRequest("13900005555", 2, consent=True))
    rs.start(li_na, r.visit_id)
    rs.finish(li_na, r.visit_id, intent="B")
    rs.set_status(li_na, li_na.staff_id, "break", "午饭")
    clock.advance(hours=1)
    before = counts(demo)
    with pytest.raises(Conflict) as err:
        rs.check_in(reception, CheckInRequest("13900005555", 2))
    assert err.value.field == "owner_choice" and "李娜" in err.value.message
    assert counts(demo) == before
    with pytest.raises(ValidationError):
        rs.check_in(reception, CheckInRequest("13900005555", 2, owner_choice="later"))
    assert counts(demo) == before
    # 李娜 names 王磊 as her backup (the demo had 张伟).
    rs.set_backup(li_na, li_na.staff_id, ids(demo, "C101")[0])
    lookup = rs.lookup(reception, "13900005555")
    assert lookup.owner is not None and lookup.owner.status == "break"
    assert lookup.owner.backup_name == "王磊"
    r2 = rs.check_in(reception, CheckInRequest("13900005555", 2, owner_choice="backup"))
    assert r2.route == "backup" and r2.consultant_name == "王磊"
    # Ownership did not move, and the owner was told.
    assert demo.customers.find_by_phone(reception, "13900005555").owner_staff_id == \
        li_na.staff_id
    assert any("王磊" in n for n in rs.my_queue(li_na).notices)
    # Only a supervisor's logged decision moves it.
    rs.reassign_owner(supervisor, lookup.customer_id or "", ids(demo, "C103")[0], "客户要求")
    assert demo.customers.find_by_phone(reception, "13900005555").owner_staff_id == \
        ids(demo, "C103")[0]
    assert any(e.action == "customer.reassign_owner" for e in demo.audit.recent(supervisor))


def test_owner_away_wait_then_owner_gets_the_party(
        demo: Services, rs: ReceptionService, reception: Actor, clock: FakeClock) -> None:
    li_na = staff_actor(demo, "C102")
    r = rs.check_in(reception, CheckInRequest("13900006666", 2, consent=True))
    rs.start(li_na, r.visit_id)
    rs.finish(li_na, r.visit_id, intent="B")
    rs.set_status(li_na, li_na.staff_id, "meeting", "周会")
    w = rs.check_in(reception, CheckInRequest("13900006666", 2, owner_choice="wait"))
    assert w.status == "waiting" and w.route == "wait_owner" and w.wait_minutes > 0
    rs.set_status(li_na, li_na.staff_id, "available")
    mine = rs.my_queue(li_na)
    assert mine.next and mine.next[0].visit_id == w.visit_id
    assert mine.next[0].status == "called"


def test_waiting_queue_call_no_show_and_restore(
        demo: Services, rs: ReceptionService, reception: Actor, clock: FakeClock) -> None:
    got = [rs.check_in(reception, CheckInRequest(f"1390000700{i}", 1, consent=True))
           for i in range(4)]
    assert [g.status for g in got] == ["called", "called", "called", "waiting"]
    board = rs.board(reception)
    assert board.waiting_count == 1 and board.estimated_wait_minutes > 0
    first = staff_actor(demo, "C102")
    rs.start(first, got[0].visit_id)
    clock.advance(minutes=30)
    rs.finish(first, got[0].visit_id, intent="C")
    # The waiting party went to the consultant who became free.
    mine = rs.my_queue(first)
    assert mine.next[0].visit_id == got[3].visit_id
    with pytest.raises(Conflict):
        rs.no_show(first, got[3].visit_id)  # too early
    clock.advance(minutes=11)
    rs.no_show(first, got[3].visit_id)
    log = rs.day_log(staff_actor(demo, "S001"), rs.today())
    assert ("restore", "no_show") in [(e.kind, e.reason) for e in log]


def test_invalid_reception_gives_the_place_back(
        demo: Services, rs: ReceptionService, reception: Actor) -> None:
    li_na = staff_actor(demo, "C102")
    r = rs.check_in(reception, CheckInRequest("13900008888", 1, consent=True))
    rs.finish(li_na, r.visit_id, invalid_reason="问路")
    assert rs.floor(reception).rotation[0].name == "李娜"


def test_transfer_park_and_reorder(demo: Services, rs: ReceptionService,
                                   reception: Actor) -> None:
    li_na, zhang = staff_actor(demo, "C102"), staff_actor(demo, "C103")
    r = rs.check_in(reception, CheckInRequest("13900009999", 1, consent=True))
    rs.start(li_na, r.visit_id)
    rs.park(li_na, r.visit_id, "去看样板房")
    assert rs.my_queue(li_na).parked
    rs.start(li_na, r.visit_id)
    rs.transfer(li_na, r.visit_id, zhang.staff_id, "客户要看车位，张伟熟悉")
    assert rs.my_queue(zhang).next[0].visit_id == r.visit_id
    supervisor = staff_actor(demo, "S001")
    order = [e.staff_id for e in rs.floor(reception).rotation if e.position]
    with pytest.raises(ValidationError):
        rs.reorder(supervisor, order[::-1], "")
    rs.reorder(supervisor, order[::-1], "新人先接")
    assert [e.staff_id for e in rs.floor(reception).rotation if e.position] == order[::-1]


def test_important_visitor_goes_to_a_senior(
        demo: Services, rs: ReceptionService, reception: Actor) -> None:
    r = rs.check_in(reception, CheckInRequest("13900001212", 4, important=True, consent=True))
    assert r.consultant_name == "王磊"


class TinyArrivals:
    """A small real implementation of the appointments protocol, for this test only."""

    def __init__(self, customer_id: str, kind: str, consultant_id: str | None) -> None:
        self.customer_id, self.kind, self.consultant_id = customer_id, kind, consultant_id
        self.arrived: list[str] = []

    def todays_for_customer(self, uow: UnitOfWork, customer_id: str,
                            now: datetime) -> list[ArrivingAppointment]:
        if customer_id != self.customer_id or self.arrived:
            return []
        return [ArrivingAppointment("appt-1", self.kind, self.consultant_id, now, 3)]

    def mark_arrived(self, uow: UnitOfWork, appointment_id: str) -> None:
        self.arrived.append(appointment_id)


@pytest.mark.parametrize("kind", ["visit", "signing"])
def test_arriving_appointment_bypasses_rotation(
        demo: Services, rs: ReceptionService, reception: Actor, kind: str) -> None:
    cust = demo.customers.register(reception, phone="13900001313", consent=True)
    wang = staff_actor(demo, "C101")
    rs.arrivals = TinyArrivals(cust.id, kind, wang.staff_id)
    assert rs.lookup(reception, "13900001313").appointments
    r = rs.check_in(reception, CheckInRequest("13900001313", 2))
    assert r.appointment is not None
    assert (r.appointment.appointment_id, r.appointment.desk_no) == ("appt-1", 3)
    if kind == "visit":
        assert r.route == "appointment" and r.consultant_id == wang.staff_id
    else:
        assert r.route == "signing" and r.status == "signing"
    # The rotation head is untouched.
    assert rs.floor(reception).rotation[0].name == "李娜"


def test_figures_and_csv_with_bom(demo: Services, rs: ReceptionService, reception: Actor,
                                  clock: FakeClock, tmp_path: Path) -> None:
    li_na = staff_actor(demo, "C102")
    supervisor = staff_actor(demo, "S001")
    r = rs.check_in(reception, CheckInRequest("13900001414", 2, source="agency",
                                              agency_name="链家", agent_name="周经纪",
                                              consent=True))
    rs.start(li_na, r.visit_id)
    clock.advance(minutes=35)
    rs.finish(li_na, r.visit_id, intent="A")
    day = rs.today()
    f = demo.reception_figures.figures(supervisor, day, day)
    assert f.visits == 1 and f.first_visits == 1 and dict(f.by_source) == {"agency": 1}
    assert f.consultants[0].name == "李娜" and f.consultants[0].median_minutes == 35
    out = demo.reception_figures.export_csv(supervisor, day, day, tmp_path / "f.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "李娜" in text and "渠道/中介" in text and "1390000" not in text
    with pytest.raises(ValidationError):
        demo.reception_figures.figures(supervisor, day, date(2000, 1, 1))


def test_project_rules_alternate_agencies_and_manager(
        demo: Services, rs: ReceptionService, reception: Actor) -> None:
    from salesdesk.domain.rotation import ImportantMode, JointMode
    from salesdesk.services.reception import Settings

    supervisor = staff_actor(demo, "S001")
    with pytest.raises(ValidationError):
        rs.save_settings(supervisor, Settings(ImportantMode.MANAGER, JointMode.ALTERNATE, 0, 10))
    rs.save_settings(supervisor, Settings(ImportantMode.MANAGER, JointMode.ALTERNATE, 10, 10))
    rs.join(reception, ids(demo, "C201", "S001"))  # a 链城 consultant and the manager
    got = [rs.check_in(reception, CheckInRequest(f"1390000150{i}", 1, consent=True))
           for i in range(3)]
    # 李娜 (万家行) first, then the other agency, then 万家行 again.
    assert [g.consultant_name for g in got] == ["李娜", "杨帆", "张伟"]
    vip = rs.check_in(reception, CheckInRequest("13900001600", 6, important=True,
                                                consent=True))
    assert vip.consultant_name == "陈国栋"  # the manager receives important visitors
    reasons = [e.reason for e in rs.day_log(supervisor, rs.today()) if e.kind == "assign"]
    assert reasons == ["agency_alternate"] * 3 + ["manager_rule"]


def test_owner_without_a_backup_gives_a_clear_message(
        demo: Services, rs: ReceptionService, reception: Actor) -> None:
    supervisor = staff_actor(demo, "S001")
    cust = demo.customers.register(reception, phone="13900001717", consent=True)
    rs.reassign_owner(supervisor, cust.id, ids(demo, "S002")[0], "主管亲自跟进")
    before = counts(demo)
    with pytest.raises(ValidationError) as err:
        rs.check_in(reception, CheckInRequest("13900001717", 2, owner_choice="backup"))
    assert err.value.field == "owner_choice" and "备岗" in err.value.message
    assert counts(demo) == before
    r = rs.check_in(reception, CheckInRequest("13900001717", 2, owner_choice="rotation"))
    assert r.route == "rotation" and r.consultant_name == "李娜"
    assert demo.customers.find_by_phone(reception, "13900001717").owner_staff_id == \
        ids(demo, "S002")[0]


def test_the_demo_seeded_before_opening_writes_nothing_after_now(tmp_path: Path) -> None:
    """Seeded at 04:00 Beijing: the past week is there, today's floor is empty, and no visit
    is stamped later than the moment the demo was made."""
    from salesdesk.demo import DEMO_FLAG
    from salesdesk.demo import reception as demo_reception
    from salesdesk.services.container import build_services
    from salesdesk.services.project import DEMO_PATH
    from salesdesk.store.database import open_database, set_local_meta

    night = FakeClock(datetime(2026, 11, 23, 20, 0, tzinfo=UTC))  # 04:00 on the 24th
    services = build_services(open_database(tmp_path / "d", tmp_path / "k", clock=night))
    try:
        services.importer.import_file(None, DEMO_PATH)
        set_local_meta(services.db, DEMO_FLAG, "1")
        demo_reception.seed(services)
        with services.db.reader() as uow:
            latest = uow.session.scalar(select(func.max(Visit.checked_in_at)))
            today = uow.session.scalar(select(func.count()).select_from(Visit).where(
                Visit.day == "2026-11-24"))
            week = uow.session.scalar(select(func.count()).select_from(Visit))
        assert latest is not None and latest <= night.now
        assert today == 0 and week and week > 20
    finally:
        services.close()


def test_check_in_outbox_entries_are_the_rows_written(
        demo: Services, rs: ReceptionService, reception: Actor, clock: FakeClock) -> None:
    """Check-in writes its rows without the ORM's flush (issue 16): each outbox entry is still
    the row as stored, read back through the ORM, in the order the rows were made."""
    li_na = staff_actor(demo, "C102")
    r = rs.check_in(reception, CheckInRequest("13900005555", 2, consent=True))
    rs.start(li_na, r.visit_id)
    rs.finish(li_na, r.visit_id, intent="B")
    rs.set_status(li_na, li_na.staff_id, "break", "午饭")
    clock.advance(hours=1)
    with demo.db.reader() as uow:
        since = uow.session.scalar(select(func.max(OutboxEntry.seq))) or 0
    # The owner is away: a notice for her, a rotation decision, the visit, ticket and audit.
    back = rs.check_in(reception, CheckInRequest("13900005555", 2, salutation="孙女士",
                                                 owner_choice="rotation"))
    models = {m.__tablename__: m for m in (Visit, QueueTicket, RotationEventRow, Customer,
                                           StaffNotice, AuditEvent)}
    with demo.db.reader() as uow:
        entries = list(uow.session.scalars(select(OutboxEntry).where(
            OutboxEntry.seq > since).order_by(OutboxEntry.seq)))
        assert [(e.entity, e.operation) for e in entries] == [
            ("customer", "update"), ("staff_notice", "insert"), ("rotation_event", "insert"),
            ("visit", "insert"), ("queue_ticket", "insert"), ("audit_log", "insert")]
        for e in entries:
            row = uow.session.get(models[e.entity], e.row_id)
            assert json.loads(e.payload) == json.loads(json.dumps(
                outbox.row_payload(row), ensure_ascii=False))
        assert json.loads(entries[0].fields) == ["salutation"]
        assert json.loads(entries[3].payload)["id"] == back.visit_id
