"""Whose customer a disclosure round is for (issue 14 §2): the owner comes through the
disclosure facade, on its own (no unit picked yet) and with the checklist."""

from __future__ import annotations

import pytest

from salesdesk.domain.errors import NotFound, PermissionDenied
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from tests.conftest import staff_actor


def test_the_owner_by_name_alone_and_with_the_checklist(demo: Services, consultant: Actor,
                                                        senior: Actor) -> None:
    customer = demo.customers.find_by_phone(consultant, "13957110231")  # 王建国
    assert customer is not None
    owner = demo.disclosure.owner(consultant, customer.id)
    assert (owner.customer_id, owner.staff_id, owner.name) == (
        customer.id, senior.staff_id, "王磊")
    unit = next(u for u in demo.projects.units(consultant) if u.number == "2-202")
    assert demo.disclosure.checklist(consultant, customer.id, unit.id).owner == owner

    nobody = demo.customers.register(consultant, phone="13700007777", consent=True)
    assert demo.disclosure.owner(consultant, nobody.id).staff_id == ""
    with pytest.raises(NotFound):
        demo.disclosure.owner(consultant, "no-such-customer")
    with pytest.raises(PermissionDenied):
        demo.disclosure.owner(staff_actor(demo, "R001"), customer.id)
