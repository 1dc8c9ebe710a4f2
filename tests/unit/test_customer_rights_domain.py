"""The pseudonym an erased customer keeps, and the retention period's arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from salesdesk.domain.customer_rights import months_before, pseudonym


def test_pseudonym_is_stable_short_and_says_nothing() -> None:
    a = pseudonym("11810e10-e7a9-4433-9607-e7205923459f")
    assert a == pseudonym("11810e10-e7a9-4433-9607-e7205923459f")
    assert a.startswith("客户#") and len(a) == 7
    assert all(ch in "0123456789ABCDEF" for ch in a[3:])
    assert pseudonym("another-id") != a


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 11, 24), 24, date(2024, 11, 24)),
    (date(2026, 3, 31), 1, date(2026, 2, 28)),
    (date(2024, 3, 31), 1, date(2024, 2, 29)),
    (date(2026, 1, 15), 13, date(2024, 12, 15)),
    (date(2026, 5, 31), 0, date(2026, 5, 31)),
])
def test_months_before(day: date, months: int, expected: date) -> None:
    assert months_before(day, months) == expected


def test_months_before_refuses_a_negative_period() -> None:
    with pytest.raises(ValueError):
        months_before(date(2026, 1, 1), -1)
