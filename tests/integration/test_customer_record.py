"""The customer record (客户档案, issue 14 §2) on a real SQLite file: found by whole phone, last
four digits, name or ticket; one record with everything held about the customer; a second number
that 判客 then knows; opening a record is logged; bad input changes nothing."""

from __future__ import annotations

import pytest

from salesdesk.domain.errors import Conflict, PermissionDenied, ValidationError
from salesdesk.domain.roles import Role
from salesdesk.services.container import Services
from salesdesk.services.reception import CheckInRequest
from tests.conftest import FakeClock, staff_actor
from tests.factories import Kit


def test_found_by_phone_last_four_name_and_ticket(demo: Services, clock: FakeClock) -> None:
    supervisor = staff_actor(demo, "S001")
    reception = staff_actor(demo, "R001")
    clock.advance(days=1)  # a day the demo has not touched
    demo.reception.join(reception, [staff_actor(demo, "C102").staff_id])
    visit = demo.reception.check_in(reception, CheckInRequest("13900002701", consent=True,
                                                              name="赵六"))
    whole = demo.customer_record.search(supervisor, "139 5711 0231")
    assert [c.name for c in whole] == ["王建国"]
    assert [c.id for c in demo.customer_record.search(supervisor, "0231")] == [whole[0].id]
    assert whole[0].id in {c.id for c in demo.customer_record.search(supervisor, "建国")}
    # A ticket, in any case, as typed at the desk: the customer of its latest visit first.
    ticket = demo.customer_record.search(supervisor, visit.ticket.lower())
    assert ticket and ticket[0].name == "赵六"
    assert visit.ticket in {v.ticket for v in demo.customer_record.record(
        supervisor, ticket[0].id).visits}
    assert demo.customer_record.search(supervisor, "13800000000") == []
    with pytest.raises(ValidationError):
        demo.customer_record.search(supervisor, "   ")


def test_one_record_holds_the_customers_history(demo: Services) -> None:
    supervisor = staff_actor(demo, "S001")
    found = demo.customer_record.search(supervisor, "13957110231")[0]
    record = demo.customer_record.record(supervisor, found.id)
    assert record.info.name == "王建国" and record.owner == "王磊" and record.backup
    assert [s.unit for s in record.subscriptions] == ["1-502"]
    assert record.subscriptions[0].status == "active" and record.subscriptions[0].deposit > 0
    assert record.open_unit_id == record.subscriptions[0].unit_id
    assert {r.round_kind for r in record.rounds} >= {"pre_deposit"}
    assert all(r.unit == "1-502" and r.covered <= r.items for r in record.rounds)
    assert record.tasks and all(t.owner for t in record.tasks)
    # Newest first, as a consultant reads a history.
    assert [r.recorded_at for r in record.rounds] == sorted(
        (r.recorded_at for r in record.rounds), reverse=True)


def test_complaints_and_score_cards_show_on_the_record(demo: Services) -> None:
    supervisor = staff_actor(demo, "S001")
    found = demo.customer_record.search(supervisor, "13904310101")[0]
    record = demo.customer_record.record(supervisor, found.id)
    assert record.complaints and record.complaints[0].summary
    assert record.score_cards and 0 <= record.score_cards[0].score100 <= 100


def test_opening_a_record_is_logged_and_reception_does_not_open_records(
        demo: Services) -> None:
    supervisor = staff_actor(demo, "S001")
    found = demo.customer_record.search(supervisor, "13957110231")[0]
    demo.customer_record.record(staff_actor(demo, "C102"), found.id)
    viewed = demo.audit.recent(supervisor, 5, action="customer.view_record")
    assert viewed and viewed[0].row_id == found.id
    with pytest.raises(PermissionDenied):
        demo.customer_record.record(staff_actor(demo, "R001"), found.id)
    with pytest.raises(PermissionDenied):
        demo.customer_record.search(staff_actor(demo, "R001"), "0231")


def test_a_spouses_number_joins_the_record_and_judging_uses_it(kit: Kit,
                                                               services: Services) -> None:
    owner = kit.staff(Role.CONSULTANT, name="李娜")
    reception = kit.staff(Role.RECEPTION)
    customer_id = kit.customer(phone="13900001234", name="王建国", owner=owner)
    other_id = kit.customer(phone="13900005678", name="张华")
    info = services.customer_record.add_phone(owner, customer_id, "139-0000-4321", "spouse")
    assert {(p.masked, p.label) for p in info.phones} == {("139****1234", "self"),
                                                          ("139****4321", "spouse")}
    # The spouse arriving alone is the same customer, owned by the same consultant (判客).
    lookup = services.reception.lookup(reception, "13900004321")
    assert lookup.customer_id == customer_id
    assert lookup.owner is not None and lookup.owner.name == "李娜"
    # A number held by another customer, or already this one's, is refused; nothing changes.
    for number in ("13900005678", "13900004321"):
        with pytest.raises(Conflict):
            services.customer_record.add_phone(owner, customer_id, number, "other")
    with pytest.raises(ValidationError):
        services.customer_record.add_phone(owner, customer_id, "12", "other")
    with pytest.raises(ValidationError):
        services.customer_record.add_phone(owner, customer_id, "13900009999", "boss")
    with pytest.raises(PermissionDenied):
        services.customer_record.add_phone(reception, customer_id, "13900009999", "other")
    assert len(services.customers.get(owner, customer_id).phones) == 2
    assert len(services.customers.get(owner, other_id).phones) == 1
