"""Issue 14 §3 on a real SQLite file (the demo copy): reception reassigns a party whose
consultant has not started; a consultant on their own customer is owed a turn."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from salesdesk.domain.errors import Conflict, PermissionDenied, ValidationError
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.services.reception import CheckInRequest, ReceptionService
from salesdesk.store.models.reception import RotationEventRow, Visit
from tests.conftest import FakeClock, staff_actor


def ids(s: Services, *codes: str) -> list[str]:
    return [staff_actor(s, c).staff_id for c in codes]


def counts(s: Services) -> tuple[int, int]:
    with s.db.reader() as uow:
        return tuple(uow.session.scalar(select(func.count()).select_from(t))  # type: ignore[return-value]
                     for t in (Visit, RotationEventRow))


@pytest.fixture
def rs(demo: Services, clock: FakeClock, reception: Actor) -> ReceptionService:
    clock.advance(days=1)  # a day the demo seed has not touched
    demo.reception.join(reception, ids(demo, "C102", "C103", "C101"))
    return demo.reception


def test_reception_reassigns_an_absent_consultants_party_with_a_reason(
        demo: Services, rs: ReceptionService, reception: Actor) -> None:
    li_na, zhang = staff_actor(demo, "C102"), staff_actor(demo, "C103")
    r = rs.check_in(reception, CheckInRequest("13900011111", 2, consent=True))
    assert r.consultant_id == li_na.staff_id and r.status == "called"
    rs.reassign(reception, r.visit_id, zhang.staff_id, "李娜不在岗")
    assert rs.my_queue(zhang).next[0].visit_id == r.visit_id
    assert rs.my_queue(zhang).next[0].status == "called"
    assert not rs.my_queue(li_na).next
    # 李娜 is on a break until she says she is back, so the rotation does not call her again.
    row = next(e for e in rs.floor(reception).rotation if e.staff_id == li_na.staff_id)
    assert row.status == "break" and row.note == "李娜不在岗"
    log = rs.day_log(staff_actor(demo, "S001"), rs.today())
    assert ("reassign", "reassigned", "李娜不在岗") in [(e.kind, e.reason, e.note) for e in log]
    assert [(e.kind, e.reason) for e in log][-1] == ("assign", "transfer")
    assert any(e.action == "reception.reassign" for e in demo.audit.recent(
        staff_actor(demo, "S001")))


def test_reassign_back_to_the_rotation_gives_the_party_to_the_next_up(
        demo: Services, rs: ReceptionService, reception: Actor) -> None:
    r = rs.check_in(reception, CheckInRequest("13900012222", 1, consent=True))
    rs.reassign(reception, r.visit_id, "", "顾问临时外出")
    entry = next(e for e in rs.floor(reception).waiting if e.visit_id == r.visit_id)
    assert entry.consultant_id == ids(demo, "C103")[0]  # 张伟 was next up
    log = rs.day_log(staff_actor(demo, "S001"), rs.today())
    assert [(e.kind, e.reason) for e in log][-2:] == [("reassign", "reassigned"),
                                                      ("assign", "next_up")]


def test_bad_reassignments_are_refused_and_change_nothing(
        demo: Services, rs: ReceptionService, reception: Actor) -> None:
    li_na, zhang = staff_actor(demo, "C102"), staff_actor(demo, "C103")
    r = rs.check_in(reception, CheckInRequest("13900013333", 2, consent=True))
    before = counts(demo)
    with pytest.raises(ValidationError) as err:
        rs.reassign(reception, r.visit_id, zhang.staff_id, "  ")
    assert err.value.field == "reason"
    with pytest.raises(ValidationError):
        rs.reassign(reception, r.visit_id, li_na.staff_id, "同一人")
    with pytest.raises(Conflict):
        rs.reassign(reception, r.visit_id, ids(demo, "C104")[0], "不在名单")
    with pytest.raises(PermissionDenied):
        rs.reassign(zhang, r.visit_id, zhang.staff_id, "我来接")
    assert counts(demo) == before
    assert rs.my_queue(li_na).next[0].visit_id == r.visit_id
    rs.start(li_na, r.visit_id)
    before = counts(demo)
    with pytest.raises(Conflict) as started:
        rs.reassign(reception, r.visit_id, zhang.staff_id, "太晚了")
    assert "开始接待" in started.value.message
    assert counts(demo) == before
    assert rs.my_queue(li_na).current is not None


def test_a_consultant_on_their_own_customer_is_owed_the_next_new_party(
        demo: Services, rs: ReceptionService, reception: Actor, clock: FakeClock) -> None:
    li_na = staff_actor(demo, "C102")
    first = rs.check_in(reception, CheckInRequest("13900014444", 2, consent=True))
    rs.start(li_na, first.visit_id)
    rs.finish(li_na, first.visit_id, intent="A")  # 李娜 owns the customer, goes to the back
    clock.advance(minutes=5)
    w1 = rs.check_in(reception, CheckInRequest("13900015555", 1, consent=True))  # 张伟
    rs.finish(staff_actor(demo, "C103"), w1.visit_id, intent="C")
    w2 = rs.check_in(reception, CheckInRequest("13900016666", 1, consent=True))  # 王磊
    rs.finish(staff_actor(demo, "C101"), w2.visit_id, intent="C")
    # 李娜 is at the head when her own customer comes back: no turn spent on it.
    back = rs.check_in(reception, CheckInRequest("13900014444", 2))
    assert back.route == "owner" and back.consultant_id == li_na.staff_id
    rs.start(li_na, back.visit_id)
    new = rs.check_in(reception, CheckInRequest("13900017777", 1, consent=True))
    assert new.consultant_id != li_na.staff_id
    order = [e.name for e in rs.floor(reception).rotation if e.position]
    assert order[0] == "李娜"  # kept her place
    rs.finish(li_na, back.visit_id, intent="A")
    nxt = rs.check_in(reception, CheckInRequest("13900018888", 1, consent=True))
    assert nxt.consultant_id == li_na.staff_id
    supervisor = staff_actor(demo, "S001")
    log = rs.day_log(supervisor, rs.today())
    owed = [e for e in log if e.kind == "owe"]
    assert len(owed) == 1 and owed[0].staff_name == "李娜" and owed[0].reason == "owed"
    figs = demo.reception_figures.figures(supervisor, rs.today(), rs.today())
    row = next(r for r in figs.fairness.rows if r.staff_id == li_na.staff_id)
    assert row.owed == 1 and row.skips == 0


def test_a_transfer_without_a_reason_is_refused_and_changes_nothing(
        demo: Services, rs: ReceptionService, reception: Actor) -> None:
    li_na, zhang = staff_actor(demo, "C102"), staff_actor(demo, "C103")
    r = rs.check_in(reception, CheckInRequest("13900019999", 2, consent=True))
    rs.start(li_na, r.visit_id)
    before = counts(demo)
    with pytest.raises(ValidationError) as err:
        rs.transfer(li_na, r.visit_id, zhang.staff_id, " ")
    assert err.value.field == "reason" and err.value.message
    assert counts(demo) == before and rs.my_queue(li_na).current is not None


def test_an_entry_of_a_kind_this_version_does_not_know_is_left_out_of_the_replay(
        demo: Services, clock: FakeClock) -> None:
    """A newer device's rotation entry arrives by sync: the floor still loads."""
    from datetime import timedelta

    from salesdesk.domain.local_time import local_day

    reception = staff_actor(demo, "R001")
    clock.advance(days=1)
    demo.reception.join(reception, [staff_actor(demo, "C102").staff_id])
    day = local_day(clock())
    with demo.db.uow(reception) as uow:
        uow.add(RotationEventRow(day=day.isoformat(), at=clock() + timedelta(seconds=1), seq=99,
                                 kind="future_kind", staff_id="", reason="", note="",
                                 visit_id="", payload="{}"))
        uow.commit()
    floor = demo.reception.floor(reception)
    assert [e.name for e in floor.rotation] == ["李娜"]
