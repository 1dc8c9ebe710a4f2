"""Important visitors in two tiers (issue 15 §2) through the real check-in on a SQLite file:
important → a senior consultant (熟手轮序), very important → the sales manager; the tier to the
manager is a project setting."""

from __future__ import annotations

from salesdesk.domain.roles import Actor
from salesdesk.domain.rotation import ImportantMode, JointMode
from salesdesk.services.container import Services
from salesdesk.services.reception import CheckInRequest, Settings
from tests.conftest import FakeClock, staff_actor


def _floor(demo: Services, clock: FakeClock, reception: Actor) -> None:
    clock.advance(days=1)  # a day the demo seed has not touched
    demo.reception.join(reception, [staff_actor(demo, c).staff_id
                                    for c in ("C102", "C103", "C101", "S001")])


def test_important_goes_to_a_senior_and_very_important_to_the_manager(
        demo: Services, clock: FakeClock, reception: Actor) -> None:
    _floor(demo, clock, reception)
    rs = demo.reception
    assert rs.settings(staff_actor(demo, "S001")).important_mode is ImportantMode.TIERED
    important = rs.check_in(reception, CheckInRequest("13900002601", 2, important=True,
                                                      consent=True))
    assert important.consultant_name == "王磊"  # C101, the senior consultant
    vip = rs.check_in(reception, CheckInRequest("13900002602", 3, very_important=True,
                                                consent=True))
    assert vip.consultant_name == "陈国栋"  # S001, the sales manager
    floor = rs.floor(reception)
    entry = next(e for e in (*floor.waiting, *floor.receiving) if e.visit_id == vip.visit_id)
    assert entry.very_important and entry.important  # the board flags both tiers
    reasons = [e.reason for e in rs.day_log(staff_actor(demo, "S001"), rs.today())
               if e.kind == "assign"]
    assert reasons == ["senior_rule", "manager_rule"]


def test_the_project_can_send_very_important_visitors_to_seniors(
        demo: Services, clock: FakeClock, reception: Actor) -> None:
    _floor(demo, clock, reception)
    rs = demo.reception
    rs.save_settings(staff_actor(demo, "S001"),
                     Settings(ImportantMode.SENIOR, JointMode.ONE_LIST, 10, 10))
    vip = rs.check_in(reception, CheckInRequest("13900002603", 3, very_important=True,
                                                consent=True))
    assert vip.consultant_name == "王磊"
