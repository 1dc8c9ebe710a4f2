"""Rule 13 (one unit, one sale) as pure functions: the verdicts every call site shares, and the
server's arbitration of one active subscription per unit."""

from __future__ import annotations

from typing import Any

import pytest

from salesdesk.domain.unit_sale import SaleBlock, UnitSaleFacts, can_sign, can_subscribe
from salesdesk.sync import rules
from salesdesk.sync.hlc import Hlc
from salesdesk.sync.rules import Change, UniqueActive

FREE = UnitSaleFacts("2-1502", "available", True)


def test_an_available_unit_inside_a_permit_takes_a_deposit() -> None:
    assert can_subscribe(FREE).ok and can_subscribe(FREE).message == ""


@pytest.mark.parametrize("status, label", [("signed", "已签约"), ("withheld", "不可售"),
                                           ("reserved", "保留"), ("subscribed", "已认购")])
def test_a_unit_the_developer_took_off_sale_is_refused_naming_unit_and_status(
        status: str, label: str) -> None:
    verdict = can_subscribe(UnitSaleFacts("2-1502", status, True))
    assert verdict.block is SaleBlock.NOT_FOR_SALE
    assert "2-1502" in verdict.message and label in verdict.message
    assert "2-1502" in verdict.message_en and status in verdict.message_en


def test_an_unknown_configured_status_is_not_for_sale() -> None:
    verdict = can_subscribe(UnitSaleFacts("1-201", "sold_out", True))
    assert verdict.block is SaleBlock.NOT_FOR_SALE and "sold_out" in verdict.message


def test_outside_every_presale_permit_comes_first() -> None:
    verdict = can_subscribe(UnitSaleFacts("3-101", "signed", False))
    assert verdict.block is SaleBlock.OUTSIDE_PERMIT
    assert "3-101" in verdict.message and "预售许可证" in verdict.message


def test_another_active_subscription_takes_the_unit() -> None:
    held = UnitSaleFacts("2-1502", "available", True, ("cust-a",))
    verdict = can_subscribe(held)
    assert verdict.block is SaleBlock.TAKEN and "已有有效认购" in verdict.message
    assert can_subscribe(held, ignore_holder="cust-a").ok


def test_signing_needs_the_customers_own_active_subscription() -> None:
    held = UnitSaleFacts("2-1502", "available", True, ("cust-a",))
    assert can_sign(held, "cust-a").ok
    other = can_sign(held, "cust-b")
    assert other.block is SaleBlock.NO_SUBSCRIPTION and "2-1502" in other.message
    assert can_sign(FREE, "cust-a").block is SaleBlock.NO_SUBSCRIPTION
    # Head office may mark the unit subscribed itself: its holder still signs.
    assert can_sign(UnitSaleFacts("2-1502", "subscribed", True, ("cust-a",)), "cust-a").ok


@pytest.mark.parametrize("status", ["signed", "withheld", "reserved"])
def test_no_signing_on_a_unit_the_developer_took_off_sale(status: str) -> None:
    verdict = can_sign(UnitSaleFacts("2-1502", status, True, ("cust-a",)), "cust-a")
    assert verdict.block is SaleBlock.NOT_FOR_SALE and "不可签约" in verdict.message


def test_no_signing_outside_every_presale_permit() -> None:
    verdict = can_sign(UnitSaleFacts("3-101", "available", False, ("cust-a",)), "cust-a")
    assert verdict.block is SaleBlock.OUTSIDE_PERMIT


# ---- the server's rule --------------------------------------------------------------------------


def _row(row_id: str, **values: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": row_id, "sales_centre_id": "c", "deleted": False, "created_at": "t",
        "updated_at": "t", "created_by_device": "dev-b", "updated_by_device": "dev-b",
        "customer_id": "cust-b", "consultant_id": "staff-b", "unit_id": "u1",
        "price": 3_000_000, "deposit": 30_000, "subscribed_on": "2026-11-24",
        "status": "active"}
    base.update(values)
    return base


def _insert(row: dict[str, Any]) -> Change:
    return Change(seq=1, change_id=f"ch-{row['id']}", entity="subscription", row_id=row["id"],
                  operation="insert", base_version=0, fields=tuple(row), payload=row,
                  hlc=Hlc(1, 0, "dev-b"), device_id="dev-b")


RULE = rules.rule_for("subscription")


def test_subscriptions_are_one_active_per_unit() -> None:
    assert isinstance(RULE, UniqueActive)
    assert RULE.slot_columns == ("unit_id",) and RULE.counted == frozenset({"active"})


def test_a_later_claim_on_a_held_unit_is_kept_as_conflict_naming_both_sides() -> None:
    assert isinstance(RULE, UniqueActive)
    holder = _row("s-a", customer_id="cust-a", consultant_id="staff-a", deposit=50_000,
                  created_by_device="dev-a")
    change = _insert(_row("s-b"))
    outcome = rules.decide_unique(RULE, rules.merge(RULE, None, change), None, [holder],
                                  change, {"unit_number": "2-1502"})
    assert outcome.status == "conflict" and outcome.state is not None
    assert outcome.state.data["status"] == "conflict"
    assert outcome.state.data["deposit"] == 30_000  # the deposit record is kept
    (loser,) = outcome.losers
    assert (loser.kind, loser.kept_value, loser.current_value) == (
        "subscription", "active", "conflict")
    d = loser.detail
    assert d["unit_id"] == "u1" and d["unit_number"] == "2-1502"
    assert (d["holder"]["customer_id"], d["holder"]["consultant_id"], d["holder"]["deposit"]) \
        == ("cust-a", "staff-a", 50_000)
    assert (d["loser"]["customer_id"], d["loser"]["consultant_id"], d["loser"]["deposit"]) \
        == ("cust-b", "staff-b", 30_000)


def test_a_free_unit_a_cancelled_claim_and_an_edit_of_the_holder_are_not_conflicts() -> None:
    assert isinstance(RULE, UniqueActive)
    change = _insert(_row("s-b"))
    free = rules.decide_unique(RULE, rules.merge(RULE, None, change), None, [], change)
    assert free.status == "applied" and free.state is not None
    assert free.state.data["status"] == "active"
    cancelled = _insert(_row("s-c", status="cancelled"))
    out = rules.decide_unique(RULE, rules.merge(RULE, None, cancelled), None,
                              [_row("s-a")], cancelled)
    assert out.status == "applied" and not out.losers
    # The holder itself, edited again (same unit, still active), claims nothing new.
    before = _row("s-b")
    edit = Change(seq=2, change_id="ch-2", entity="subscription", row_id="s-b",
                  operation="update", base_version=1, fields=("price",),
                  payload=_row("s-b", price=2_900_000), hlc=Hlc(2, 0, "dev-b"),
                  device_id="dev-b")
    state = rules.merge(RULE, rules.RowState(before, 1, {}), edit)
    again = rules.decide_unique(RULE, state, before, [_row("s-a")], edit)
    assert again.status == "applied" and not again.losers
