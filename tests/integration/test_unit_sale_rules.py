"""Rule 13 on one device (the test kit's small project): a deposit, a signing slot and a signing
checklist only for a unit that is for sale — and the last two only for the customer holding its
active subscription. A refusal names the unit and why, and writes nothing."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from salesdesk.domain.disclosure import RoundKind
from salesdesk.domain.errors import Conflict
from salesdesk.domain.roles import Actor, Role
from salesdesk.services.container import Services
from salesdesk.services.customers import CustomerInfo
from tests.factories import Kit

SINGLE = {"household": "local", "marital": "single", "region": "mainland", "payment": "full",
          "signing": "in_person", "age_band": "18_35", "homes_owned": 0, "co_owners": []}
TABLES = ("subscription", "disclosure_record", "appointment", "material_checklist",
          "buyer_profile", "outbox")


@pytest.fixture
def consultant(kit: Kit) -> Actor:
    return kit.staff_cached(Role.CONSULTANT)


@pytest.fixture
def senior(kit: Kit) -> Actor:
    return kit.staff(Role.SENIOR_CONSULTANT, senior=True)


@pytest.fixture
def supervisor(kit: Kit) -> Actor:
    return kit.staff_cached(Role.SUPERVISOR)


@pytest.fixture
def building_three(kit: Kit) -> None:
    """As the demo's building 3: built, but not yet under the presale permit."""
    kit.building("3", presale=False)
    kit.unit("3-101", floor=1, building="3")
    kit.unit("3-102", floor=1, building="3")


def counts(services: Services) -> dict[str, int]:
    conn = sqlite3.connect(services.db.path)
    try:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def unit_id(services: Services, actor: Actor, number: str) -> str:
    return next(u.id for u in services.projects.units(actor) if u.number == number)


def set_configured_status(services: Services, number: str, status: str) -> None:
    """What head office's project file says about the unit (configuration, not a device edit)."""
    conn = sqlite3.connect(services.db.path)
    try:
        conn.execute("UPDATE unit SET status = ? WHERE number = ?", (status, number))
        conn.commit()
    finally:
        conn.close()


def customer(services: Services, actor: Actor, phone: str, name: str) -> CustomerInfo:
    return services.customers.register(actor, phone=phone, name=name, consent=True,
                                       owner_staff_id=actor.staff_id)


def told(services: Services, actor: Actor, customer_id: str, unit: str) -> None:
    cl = services.disclosure.checklist(actor, customer_id, unit)
    services.disclosure.record_round(actor, customer_id=customer_id, unit_id=unit,
                                     kind=RoundKind.PRE_DEPOSIT,
                                     ticks={i.code: services.db.now() for i in cl.items},
                                     paper_form=True)


@pytest.mark.parametrize("status, label", [("signed", "已签约"), ("withheld", "不可售"),
                                           ("reserved", "保留")])
def test_no_deposit_on_a_unit_the_developer_signed_withheld_or_reserved(
        services: Services, consultant: Actor, supervisor: Actor, status: str, label: str) -> None:
    buyer = customer(services, consultant, "13700005001", "周先生")
    u = unit_id(services, consultant, "1-201")
    told(services, consultant, buyer.id, u)
    assert services.subscriptions.gate(consultant, buyer.id, u).open
    set_configured_status(services, "1-201", status)
    gate = services.subscriptions.gate(consultant, buyer.id, u)
    assert not gate.open and "1-201" in gate.sale_message and label in gate.sale_message
    before = counts(services)
    for override in ({}, {"override_by": supervisor, "override_reason": "主管要求放行此房"}):
        with pytest.raises(Conflict) as err:
            services.subscriptions.subscribe(consultant, customer_id=buyer.id, unit_id=u,
                                         price=3_000_000, deposit=50_000,
                                         **override)  # type: ignore[arg-type]
        assert "1-201" in err.value.message and label in err.value.message
        assert err.value.field == "unit"
    assert counts(services) == before
    set_configured_status(services, "1-201", "available")
    assert services.subscriptions.subscribe(consultant, customer_id=buyer.id, unit_id=u,
                                        price=3_000_000, deposit=50_000).status == "active"


def test_a_signing_slot_only_for_the_units_subscriber(services: Services, consultant: Actor,
                                                      senior: Actor,
                                                      building_three: None) -> None:
    buyer = customer(services, consultant, "13700005002", "吴女士")
    other = customer(services, senior, "13700005003", "郑先生")
    u = unit_id(services, consultant, "1-202")
    slots = services.appointments.free_slots(consultant, services.db.now() + timedelta(days=3))
    start = slots[0].starts_at
    before = counts(services)
    with pytest.raises(Conflict) as err:  # nobody has subscribed it yet
        services.appointments.book_signing(consultant, customer_id=buyer.id, starts_at=start,
                                       unit_id=u)
    assert "1-202" in err.value.message and "没有有效认购" in err.value.message
    outside = unit_id(services, consultant, "3-101")
    with pytest.raises(Conflict) as err:
        services.appointments.book_signing(consultant, customer_id=buyer.id, starts_at=start,
                                       unit_id=outside)
    assert "3-101" in err.value.message and "预售许可" in err.value.message
    assert counts(services) == before

    told(services, consultant, buyer.id, u)
    services.subscriptions.subscribe(consultant, customer_id=buyer.id, unit_id=u,
                                 price=3_000_000, deposit=50_000)
    booked = services.appointments.book_signing(consultant, customer_id=buyer.id, starts_at=start,
                                            unit_id=u)
    assert booked.appointment.unit_id == u
    middle = counts(services)
    with pytest.raises(Conflict, match="没有有效认购"):  # someone else's unit
        services.appointments.book_signing(senior, customer_id=other.id, starts_at=start,
                                       unit_id=u)
    set_configured_status(services, "1-202", "signed")  # head office: signed elsewhere
    with pytest.raises(Conflict, match="不可签约"):
        services.appointments.reschedule(consultant, booked.appointment.id,
                                     slots[1].starts_at, "客户改期")
    assert counts(services) == middle


def test_a_signing_checklist_only_for_the_units_subscriber(services: Services,
                                                          consultant: Actor,
                                                          building_three: None) -> None:
    buyer = customer(services, consultant, "13700005004", "冯女士")
    u = unit_id(services, consultant, "1-201")
    before = counts(services)
    with pytest.raises(Conflict) as err:
        services.signing.save_interview(consultant, buyer.id, SINGLE, u)
    assert "1-201" in err.value.message and "没有有效认购" in err.value.message
    with pytest.raises(Conflict, match="预售许可"):
        services.signing.save_interview(consultant, buyer.id, SINGLE,
                                    unit_id(services, consultant, "3-102"))
    assert counts(services) == before
    # Before a unit is chosen the materials can still be discussed.
    assert services.signing.save_interview(consultant, buyer.id, SINGLE).unit_id is None
    told(services, consultant, buyer.id, u)
    services.subscriptions.subscribe(consultant, customer_id=buyer.id, unit_id=u,
                                 price=3_000_000, deposit=50_000)
    assert services.signing.save_interview(consultant, buyer.id, SINGLE, u).unit_id == u


def test_the_project_page_counts_only_active_subscriptions(services: Services, consultant: Actor,
                                                           supervisor: Actor) -> None:
    buyer = customer(services, consultant, "13700005005", "钱先生")
    u = unit_id(services, consultant, "1-202")
    told(services, consultant, buyer.id, u)
    sub = services.subscriptions.subscribe(consultant, customer_id=buyer.id, unit_id=u,
                                       price=3_000_000, deposit=50_000)
    assert services.projects.unit(supervisor, u).status.value == "subscribed"
    # A subscription head office kept as a conflict does not sell the unit.
    conn = sqlite3.connect(services.db.path)
    try:
        conn.execute("UPDATE subscription SET status = 'conflict' WHERE id = ?", (sub.id,))
        conn.commit()
    finally:
        conn.close()
    assert services.projects.unit(supervisor, u).status.value == "available"
    assert services.subscriptions.gate(consultant, buyer.id, u).sale_message == ""
