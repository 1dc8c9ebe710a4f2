"""The service-level test kit builds a small project and only the rows asked for, through the
real importer and services, fast enough that a test's setup is well under a second or two."""

from __future__ import annotations

import time
from datetime import date

import pytest

from salesdesk.domain.errors import DomainError
from salesdesk.domain.project import UnitStatus
from salesdesk.domain.roles import Permission, Role
from salesdesk.services.container import Services
from tests.factories import Kit


def test_the_kit_builds_a_small_project_with_only_the_rows_asked_for(services: Services) -> None:
    started = time.perf_counter()
    kit = Kit(services)
    reception = kit.staff(Role.RECEPTION, name="前台小张")
    consultant = kit.staff(Role.CONSULTANT)
    setup_s = time.perf_counter() - started
    assert reception.can(Permission.CHECK_IN) and reception.name == "前台小张"
    assert consultant.role is Role.CONSULTANT
    units = services.projects.units(consultant)
    assert sorted(u.number for u in units) == ["1-201", "1-202", "1-301"]
    assert [e.code for e in services.auth.signin_list()] == ["K001", "K002"]
    # Not a timing assertion on the product: the kit's own promise to test authors, with room
    # for a loaded CI machine (the demo copy this replaces takes several seconds to build).
    assert setup_s < 10, setup_s


def test_units_and_customers_on_demand(kit: Kit, services: Services) -> None:
    withheld = kit.unit("1-601", status=UnitStatus.WITHHELD, floor=6)
    owner = kit.staff(Role.CONSULTANT, name="李娜")
    customer_id = kit.customer(phone="13900001234", owner=owner)
    found = services.customers.find_by_phone(owner, "13900001234")
    assert found is not None and found.id == customer_id and found.owner_staff_id == owner.staff_id
    unit = next(u for u in services.projects.units(owner) if u.id == withheld)
    assert unit.status == UnitStatus.WITHHELD.value
    # The same number twice is refused and changes nothing, as at the desk.
    with pytest.raises(DomainError):
        kit.customer(phone="13900001234")
    assert services.customers.find_by_phone(owner, "13900001234").id == customer_id  # type: ignore[union-attr]


def test_rounds_subscriptions_and_tasks_go_through_the_services(kit: Kit,
                                                                services: Services) -> None:
    consultant = kit.staff(Role.CONSULTANT)
    customer = kit.customer(owner=consultant)
    unit = kit.unit_id("1-201")
    partial = kit.disclosure_round(consultant, customer, unit, skip=("factor:F-OUT",))
    assert [i.code for i in partial.missing] == ["factor:F-OUT"]
    assert not services.subscriptions.gate(consultant, customer, unit).open
    sub = kit.subscription(consultant, customer, unit)
    assert sub.status == "active" and sub.disclosure_complete
    task = kit.follow_up_task(consultant, customer, date(2026, 11, 24), unit="1-201")
    assert task.owner_staff_id == consultant.staff_id and task.unit == "1-201"
    assert task.id in {t.id for t in services.care.tasks(consultant)}


def test_buildings_and_factors_on_demand(kit: Kit, services: Services) -> None:
    consultant = kit.staff(Role.CONSULTANT)
    customer = kit.customer(owner=consultant)
    kit.building("2")
    kit.building("3", presale=False)
    inside = kit.unit("2-101", building="2")
    outside = kit.unit("3-101", building="3")
    kit.factor("F-2", "2 号楼地库坡道", buildings=("2",))
    view = services.disclosure.checklist(consultant, customer, inside)
    assert view.sellable and "factor:F-2" in {i.code for i in view.items}
    assert "factor:F-2" not in {i.code for i in services.disclosure.checklist(
        consultant, customer, kit.unit_id("1-201")).items}
    assert not services.disclosure.checklist(consultant, customer, outside).sellable


def test_signing_slots_and_visits_go_through_the_services(kit: Kit, services: Services) -> None:
    consultant = kit.staff(Role.CONSULTANT, name="李娜")
    customer = kit.customer(owner=consultant)
    unit = kit.unit_id("1-201")
    with pytest.raises(DomainError):  # rule 13: no slot for a unit the customer has not bought
        kit.signing(consultant, customer, date(2026, 11, 25), unit_id=unit)
    kit.subscription(consultant, customer, unit)
    booked = kit.signing(consultant, customer, date(2026, 11, 25), unit_id=unit)
    assert booked.appointment.unit_id == unit
    assert booked.appointment.consultant_id == consultant.staff_id
    reception = kit.staff(Role.RECEPTION)
    visit = kit.visit(reception, "13900005678", consultants=(consultant,))
    assert visit.first_visit and visit.consultant_id == consultant.staff_id
    assert visit.consultant_name == "李娜"
