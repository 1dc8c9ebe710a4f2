"""Follow-up that audits, not self-certifies (issue 15 §2), on a real SQLite file: customer
service alone records the developer's follow-up answers; a low score's escalation climbs
consultant → sales manager → director → customer-service centre, each level owned by its role
with a deadline from the project settings, moving up by itself on the test clock; an open
escalation shows on the customer's signing booking and checklist."""

from __future__ import annotations

import sqlite3
from datetime import date, time, timedelta

import pytest

from salesdesk.domain.disclosure import EscalationLevel
from salesdesk.domain.errors import PermissionDenied, ValidationError
from salesdesk.domain.local_time import at_local
from salesdesk.domain.roles import Actor, Role
from salesdesk.services.container import Services
from tests.conftest import FakeClock, staff_actor
from tests.factories import Kit
from tests.integration.test_signing_materials import SINGLE_NON_LOCAL_FULL, unit_id

FREE_DAY = date(2026, 12, 7)


def _customer(services: Services, owner: Actor, phone: str) -> str:
    return services.customers.register(owner, phone=phone, name="回访客户", salutation="回先生",
                                   consent=True, owner_staff_id=owner.staff_id).id


def _call(services: Services, actor: Actor, customer_id: str, score: int) -> str:
    return services.follow_up.record_call(
        actor, customer_id=customer_id, told_factors=True, told_sunshine=True,
        told_certificates=True, told_contract=True, score=score).escalation_id


def _calls(services: Services) -> int:
    conn = sqlite3.connect(services.db.path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM follow_up_call").fetchone()[0])
    finally:
        conn.close()


# The staff each level needs, made in the kit's small project; the customer-service officer
# is named as the demo's K001 so the audit's wording can be checked.
@pytest.fixture
def consultant(kit: Kit) -> Actor:
    return kit.staff_cached(Role.CONSULTANT)


@pytest.fixture
def supervisor(kit: Kit) -> Actor:
    return kit.staff_cached(Role.SUPERVISOR)


@pytest.fixture
def service(kit: Kit) -> Actor:
    return kit.staff(Role.CUSTOMER_SERVICE, name="何雅琴")


@pytest.fixture
def director(kit: Kit) -> Actor:
    return kit.staff(Role.SALES_DIRECTOR)


def test_only_customer_service_records_answers_and_the_audit_names_the_recorder(
        services: Services, consultant: Actor, supervisor: Actor,
        service: Actor, director: Actor) -> None:
    cid = _customer(services, consultant, "13812340001")
    before = _calls(services)
    for sales in (consultant, supervisor, director):
        with pytest.raises(PermissionDenied):
            _call(services, sales, cid, 5)
    assert _calls(services) == before  # refused, nothing written
    _call(services, service, cid, 5)
    assert _calls(services) == before + 1
    [call] = services.follow_up.calls(supervisor, cid)
    assert call.caller_name == service.name


def test_low_score_climbs_by_deadline_and_only_the_level_owner_closes_it(
        services: Services, consultant: Actor, supervisor: Actor,
        service: Actor, director: Actor, clock: FakeClock) -> None:
    cid = _customer(services, consultant, "13812340002")
    esc_id = _call(services, service, cid, 3)
    [task] = [e for e in services.follow_up.open_escalations(consultant, mine=True) if e.id == esc_id]
    assert task.level is EscalationLevel.CONSULTANT
    assert task.due_at == clock.now + timedelta(hours=24) and not task.overdue
    # Not the manager's yet.
    assert esc_id not in {e.id for e in services.follow_up.open_escalations(supervisor, mine=True)}

    clock.advance(hours=23)
    assert esc_id not in services.follow_up.escalate_overdue(supervisor)
    clock.advance(hours=2)  # past the consultant's 24 h: moves up on the manager's page load
    [task] = [e for e in services.follow_up.open_escalations(supervisor, mine=True) if e.id == esc_id]
    assert task.level is EscalationLevel.SALES_MANAGER
    assert task.due_at == clock.now - timedelta(hours=1) + timedelta(hours=48)
    assert "逾期未处理，自动升级至销售经理" in task.history
    assert esc_id not in {e.id for e in services.follow_up.open_escalations(consultant, mine=True)}

    for wrong in (consultant, director, service):
        with pytest.raises(PermissionDenied, match="销售经理"):
            services.follow_up.record_outcome(wrong, esc_id, "我来关", resolved=True)
    assert next(e for e in services.follow_up.open_escalations(supervisor)
                if e.id == esc_id).status == "open"
    with pytest.raises(ValidationError):
        services.follow_up.record_outcome(supervisor, esc_id, "  ", resolved=True)
    done = services.follow_up.record_outcome(supervisor, esc_id, "经理上门致歉，客户接受",
                                         resolved=True)
    assert done.status == "closed" and done.outcome == "经理上门致歉，客户接受"
    assert esc_id not in {e.id for e in services.follow_up.open_escalations(supervisor)}


def test_several_deadlines_passed_climb_several_levels_and_settings_set_the_hours(
        services: Services, consultant: Actor, supervisor: Actor,
        service: Actor, director: Actor, clock: FakeClock) -> None:
    with pytest.raises(ValidationError, match="销售经理"):
        services.follow_up.set_escalation_hours(supervisor, {"sales_manager": 0})
    with pytest.raises(PermissionDenied):
        services.follow_up.set_escalation_hours(consultant, {"consultant": 2})
    assert services.follow_up.escalation_hours(supervisor)[EscalationLevel.CONSULTANT] == 24
    services.follow_up.set_escalation_hours(supervisor, {"consultant": 2, "sales_manager": 4,
                                                     "sales_director": 8})
    cid = _customer(services, consultant, "13812340003")
    esc_id = _call(services, service, cid, 1)
    clock.advance(hours=7)  # 2 h consultant + 4 h manager passed, director's 8 h running
    [task] = [e for e in services.follow_up.open_escalations(director, mine=True) if e.id == esc_id]
    assert task.level is EscalationLevel.SALES_DIRECTOR
    with pytest.raises(PermissionDenied):
        services.follow_up.record_outcome(supervisor, esc_id, "经理处理", resolved=False)
    up = services.follow_up.record_outcome(director, esc_id, "总监致电，客户仍不满意", resolved=False)
    assert up.level is EscalationLevel.CUSTOMER_SERVICE
    # The last level only becomes overdue; it has nowhere further to go.
    clock.advance(days=30)
    [task] = [e for e in services.follow_up.open_escalations(service, mine=True) if e.id == esc_id]
    assert task.level is EscalationLevel.CUSTOMER_SERVICE and task.overdue
    closed = services.follow_up.record_outcome(service, esc_id, "客服中心补偿方案，客户接受",
                                           resolved=True)
    assert closed.status == "closed"


def test_open_escalation_shows_on_signing_booking_and_checklist(demo: Services) -> None:
    # The demo's signing calendar and desk roster take the booking.
    consultant, supervisor = staff_actor(demo, "C102"), staff_actor(demo, "S001")
    cid = _customer(demo, consultant, "13812340004")
    u = unit_id(demo, consultant, "1-1203", subscriber=cid)
    view = demo.signing.save_interview(consultant, cid, SINGLE_NON_LOCAL_FULL, u)
    assert view.open_escalations == ()
    esc_id = _call(demo, staff_actor(demo, "K001"), cid, 2)
    view = demo.signing.checklist(consultant, view.id)
    assert len(view.open_escalations) == 1 and "签约前须处理完毕" in view.open_escalations[0]
    assert "置业顾问" in view.open_escalations[0]
    booking = demo.appointments.book_signing(supervisor, customer_id=cid,
                                             starts_at=at_local(FREE_DAY, time(10)))
    assert booking.appointment.open_escalations == view.open_escalations
    assert any("签约前须处理完毕" in w for w in booking.warnings)
    demo.follow_up.record_outcome(consultant, esc_id, "顾问解释清楚，客户满意", resolved=True)
    assert demo.signing.checklist(consultant, view.id).open_escalations == ()
    again = demo.appointments.get(supervisor, booking.appointment.id)
    assert again.open_escalations == ()


def test_the_audit_pdf_and_csv_say_who_recorded_each_answer(
        services: Services, consultant: Actor, supervisor: Actor,
        service: Actor, director: Actor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from salesdesk.domain.disclosure import RoundKind
    from tests.integration.test_signing_materials import unit_id as find_unit
    from tests.pdfcheck import compact, pdf_text

    cid = _customer(services, consultant, "13812340005")
    u = find_unit(services, consultant, "1-201")
    cl = services.disclosure.checklist(consultant, cid, u)
    services.disclosure.record_round(
        consultant, customer_id=cid, unit_id=u, kind=RoundKind.RECEPTION,
        ticks={i.code: services.db.now() for i in cl.items}, paper_form=True)
    services.follow_up.record_call(service, customer_id=cid, unit_id=u,
                               told_factors=False, told_sunshine=True, told_certificates=True,
                               told_contract=True, score=4)  # says factors were not told
    today = services.db.now().date()
    pdf, csv_path = tmp_path / "audit.pdf", tmp_path / "audit.csv"
    services.disclosure_audit.export(supervisor, today, today, pdf=pdf, csv_path=csv_path)
    assert "何雅琴（客服专员）" in compact(pdf_text(pdf))
    rows = [line for line in csv_path.read_text(encoding="utf-8-sig").splitlines()
            if "回访记录人" in line or "何雅琴（客服专员）" in line]
    assert len(rows) >= 2  # the header and the mismatch row
