"""Queue rules: tickets, forward-only status, estimated wait, duplicates, input checks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.errors import Conflict, ValidationError
from salesdesk.domain.local_time import local_day
from salesdesk.domain.queue import (
    TicketStatus,
    can_move,
    check_party_size,
    check_source,
    estimated_wait_minutes,
    is_duplicate,
    merge,
    move,
    next_ticket_number,
    percentile,
    public_name,
    ticket_label,
)


def test_ticket_labels_carry_the_device_prefix() -> None:
    assert ticket_label("A", next_ticket_number([])) == "A001"
    assert ticket_label("K", next_ticket_number([1, 2, 7])) == "K008"


def test_local_day_is_beijing_time() -> None:
    assert local_day(datetime(2026, 11, 23, 17, 0, tzinfo=UTC)) == date(2026, 11, 24)


def test_status_only_moves_forward() -> None:
    assert move(TicketStatus.WAITING, TicketStatus.CALLED) is TicketStatus.CALLED
    assert can_move(TicketStatus.CALLED, TicketStatus.CALLED)  # a recall
    with pytest.raises(Conflict):
        move(TicketStatus.SERVING, TicketStatus.WAITING)
    with pytest.raises(Conflict):
        move(TicketStatus.DONE, TicketStatus.NO_SHOW)
    assert can_move(TicketStatus.NO_SHOW, TicketStatus.DONE)  # turned up late after all


@given(st.sampled_from(list(TicketStatus)), st.sampled_from(list(TicketStatus)))
def test_merge_never_goes_back(a: TicketStatus, b: TicketStatus) -> None:
    m = merge(a, b)
    assert m in (a, b)
    # The merged status is at least as far as each side: neither side moves backwards.
    assert m == a or can_move(a, m)
    assert m == b or can_move(b, m)


@pytest.mark.parametrize("size", [0, -1, 61, 500])
def test_bad_party_sizes(size: int) -> None:
    with pytest.raises(ValidationError) as err:
        check_party_size(size)
    assert err.value.field == "party_size"


def test_agency_needs_the_agent() -> None:
    with pytest.raises(ValidationError) as err:
        check_source("agency", "链家", "")
    assert err.value.field == "agent_name"
    with pytest.raises(ValidationError):
        check_source("carrier_pigeon", "", "")
    assert check_source("walk_in", "", "") == "walk_in"


def test_duplicate_window() -> None:
    t = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
    assert is_duplicate(t, t + timedelta(minutes=3), 10, previous_closed=False)
    assert not is_duplicate(t, t + timedelta(minutes=11), 10, previous_closed=False)
    assert not is_duplicate(t, t + timedelta(minutes=3), 10, previous_closed=True)
    assert not is_duplicate(None, t, 10, previous_closed=False)


def test_estimated_wait_grows_with_rounds() -> None:
    assert estimated_wait_minutes(0, 3, [20]) == 0
    one = estimated_wait_minutes(1, 3, [20, 20, 30])
    four = estimated_wait_minutes(4, 3, [20, 20, 30])
    assert one == 10 and four == 30
    assert estimated_wait_minutes(1, 0, []) > 0


def test_percentile_and_public_name() -> None:
    assert percentile([], 50) is None
    assert percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90) == 9
    assert percentile([5], 90) == 5
    assert public_name("王先生", "王大明") == "王先生"
    assert public_name("", "李娜") == "李先生/女士"
    assert "大明" not in public_name("王大明先生", "")
