"""The pure half of "one customer per phone": which changes claim a number, who was first, and
what the conflict and the consultant's notice say (the number only masked)."""

from __future__ import annotations

import json

from salesdesk.sync import customer_phone as cp

N = "+8613912345678"


def _phone(**over: object) -> dict[str, object]:
    row: dict[str, object] = {"id": "p1", "customer_id": "c1", "e164": N, "deleted": False}
    row.update(over)
    return row


def test_a_new_live_number_is_claimed() -> None:
    assert cp.claimed_number(None, _phone()) == N


def test_an_unchanged_number_is_not_claimed_again() -> None:
    assert cp.claimed_number(_phone(), _phone(label="spouse")) is None


def test_a_changed_number_a_moved_row_and_a_revived_row_claim() -> None:
    assert cp.claimed_number(_phone(e164="+8613700001111"), _phone()) == N
    assert cp.claimed_number(_phone(customer_id="c0"), _phone()) == N
    assert cp.claimed_number(_phone(deleted=True), _phone()) == N


def test_tombstones_and_values_that_are_not_numbers_claim_nothing() -> None:
    assert cp.claimed_number(None, _phone(deleted=True)) is None
    for bad in (None, "", 12345, ["+86"], {"x": 1}):
        assert cp.claimed_number(None, _phone(e164=bad)) is None


def test_tombstoned_customers_are_not_live() -> None:
    assert cp.is_live({"deleted": False})
    assert not cp.is_live(None)
    assert not cp.is_live({"deleted": True})


def test_the_lowest_feed_number_is_first_and_unnumbered_rows_come_last() -> None:
    a = cp.Registration("ca", "pa", "s1", None, None)
    b = cp.Registration("cb", "pb", "s2", None, None)
    c = cp.Registration("cc", "pc", None, "s3", None)
    assert cp.first_of([(9, a), (4, b), (2**62, c)]) == b
    assert cp.first_of([(2**62, c), (7, a)]) == a


def test_the_lock_key_is_per_company_and_number() -> None:
    assert cp.lock_key("co1", N) != cp.lock_key("co2", N)
    assert cp.lock_key("co1", N) != cp.lock_key("co1", "+8613700001111")


def test_the_detail_names_both_sides_and_never_the_whole_number() -> None:
    first = cp.Registration("c1", "p1", "s1", "s9", "2026-11-24T02:00:00+00:00")
    later = cp.Registration("c2", "p2", None, "s2", "2026-11-24T01:55:00+00:00")
    detail = cp.duplicate_detail(N, first, later)
    assert detail["phone"] == "139****5678"
    assert (detail["first_customer_id"], detail["later_customer_id"]) == ("c1", "c2")
    # Without an owner yet, the consultant who registered them stands in.
    assert (detail["first_owner_staff_id"], detail["later_owner_staff_id"]) == ("s1", "s2")
    assert detail["first"] == "first_customer_id"
    text = json.dumps(detail, ensure_ascii=False)
    assert "13912345678" not in text and N not in text


def test_the_notice_names_who_was_first_masked() -> None:
    text = cp.notice_text(N, "李娜")
    assert "139****5678" in text and "李娜" in text and "13912345678" not in text
    assert "其他同事" in cp.notice_text(N, "")
