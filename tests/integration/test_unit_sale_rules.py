"""Rule 13 on one device (a copy of the demo database): a deposit, a signing slot and a signing
checklist only for a unit that is for sale — and the last two only for the customer holding its
active subscription. A refusal names the unit and why, and writes nothing."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from salesdesk.domain.disclosure import RoundKind
from salesdesk.domain.errors import Conflict
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.services.customers import CustomerInfo

SINGLE = {"household": "local", "marital": "single", "region": "mainland", "payment": "full",
          "signing": "in_person", "age_band": "18_35", "homes_owned": 0, "co_owners": []}
TABLES = ("subscription", "disclosure_record", "appointment", "material_checklist",
          "buyer_profile", "outbox")


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
        demo: Services, consultant: Actor, supervisor: Actor, status: str, label: str) -> None:
    buyer = customer(demo, consultant, "13700005001", "周先生")
    u = unit_id(demo, consultant, "2-1601")
    told(demo, consultant, buyer.id, u)
    assert demo.subscriptions.gate(consultant, buyer.id, u).open
    set_configured_status(demo, "2-1601", status)
    gate = demo.subscriptions.gate(consultant, buyer.id, u)
    assert not gate.open and "2-1601" in gate.sale_message and label in gate.sale_message
    before = counts(demo)
    for override in ({}, {"override_by": supervisor, "override_reason": "主管要求放行此房"}):
        with pytest.raises(Conflict) as err:
            demo.subscriptions.subscribe(consultant, customer_id=buyer.id, unit_id=u,
                                         price=3_000_000, deposit=50_000,
                                         **override)  # type: ignore[arg-type]
        assert "2-1601" in err.value.message and label in err.value.message
        assert err.value.field == "unit"
    assert counts(demo) == before
    set_configured_status(demo, "2-1601", "available")
    assert demo.subscriptions.subscribe(consultant, customer_id=buyer.id, unit_id=u,
                                        price=3_000_000, deposit=50_000).status == "active"


def test_a_signing_slot_only_for_the_units_subscriber(demo: Services, consultant: Actor,
                                                      senior: Actor) -> None:
    buyer = customer(demo, consultant, "13700005002", "吴女士")
    other = customer(demo, senior, "13700005003", "郑先生")
    u = unit_id(demo, consultant, "2-1602")
    slots = demo.appointments.free_slots(consultant, demo.db.now() + timedelta(days=3))
    start = slots[0].starts_at
    before = counts(demo)
    with pytest.raises(Conflict) as err:  # nobody has subscribed it yet
        demo.appointments.book_signing(consultant, customer_id=buyer.id, starts_at=start,
                                       unit_id=u)
    assert "2-1602" in err.value.message and "没有有效认购" in err.value.message
    outside = unit_id(demo, consultant, "3-101")
    with pytest.raises(Conflict) as err:
        demo.appointments.book_signing(consultant, customer_id=buyer.id, starts_at=start,
                                       unit_id=outside)
    assert "3-101" in err.value.message and "预售许可" in err.value.message
    assert counts(demo) == before

    told(demo, consultant, buyer.id, u)
    demo.subscriptions.subscribe(consultant, customer_id=buyer.id, unit_id=u,
                                 price=3_000_000, deposit=50_000)
    booked = demo.appointments.book_signing(consultant, customer_id=buyer.id, starts_at=start,
                                            unit_id=u)
    assert booked.appointment.unit_id == u
    middle = counts(demo)
    with pytest.raises(Conflict, match="没有有效认购"):  # someone else's unit
        demo.appointments.book_signing(senior, customer_id=other.id, starts_at=start,
                                       unit_id=u)
    set_configured_status(demo, "2-1602", "signed")  # head office: signed elsewhere
    with pytest.raises(Conflict, match="不可签约"):
        demo.appointments.reschedule(consultant, booked.appointment.id,
                                     slots[1].starts_at, "客户改期")
    assert counts(demo) == middle


def test_a_signing_checklist_only_for_the_units_subscriber(demo: Services,
                                                          consultant: Actor) -> None:
    buyer = customer(demo, consultant, "13700005004", "冯女士")
    u = unit_id(demo, consultant, "1-1801")
    before = counts(demo)
    with pytest.raises(Conflict) as err:
        demo.signing.save_interview(consultant, buyer.id, SINGLE, u)
    assert "1-1801" in err.value.message and "没有有效认购" in err.value.message
    with pytest.raises(Conflict, match="预售许可"):
        demo.signing.save_interview(consultant, buyer.id, SINGLE,
                                    unit_id(demo, consultant, "3-102"))
    assert counts(demo) == before
    # Before a unit is chosen the materials can still be discussed.
    assert demo.signing.save_interview(consultant, buyer.id, SINGLE).unit_id is None
    told(demo, consultant, buyer.id, u)
    demo.subscriptions.subscribe(consultant, customer_id=buyer.id, unit_id=u,
                                 price=3_000_000, deposit=50_000)
    assert demo.signing.save_interview(consultant, buyer.id, SINGLE, u).unit_id == u


def test_the_project_page_counts_only_active_subscriptions(demo: Services, consultant: Actor,
                                                           supervisor: Actor) -> None:
    buyer = customer(demo, consultant, "13700005005", "钱先生")
    u = unit_id(demo, consultant, "2-1701")
    told(demo, consultant, buyer.id, u)
    sub = demo.subscriptions.subscribe(consultant, customer_id=buyer.id, unit_id=u,
                                       price=3_000_000, deposit=50_000)
    assert demo.projects.unit(supervisor, u).status.value == "subscribed"
    # A subscription head office kept as a conflict does not sell the unit.
    conn = sqlite3.connect(demo.db.path)
    try:
        conn.execute("UPDATE subscription SET status = 'conflict' WHERE id = ?", (sub.id,))
        conn.commit()
    finally:
        conn.close()
    assert demo.projects.unit(supervisor, u).status.value == "available"
    assert demo.subscriptions.gate(consultant, buyer.id, u).sale_message == ""
