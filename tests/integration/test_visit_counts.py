"""First and returning visits: the reception figures read them from the customer's history
(a merged duplicate's visits included), and the check-in lookup's "来访 N 次" counts the
earlier visits and this one, the same before and after the check-in."""

from __future__ import annotations

from datetime import timedelta

import pytest

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.local_time import local_day
from salesdesk.domain.roles import Role
from salesdesk.store.queries.customers import add_phone
from tests.conftest import FakeClock
from tests.factories import Kit

PHONE = "13900002468"
OTHER = "13900001357"


def test_second_visit_on_a_later_day_is_returning(kit: Kit, clock: FakeClock) -> None:
    reception = kit.staff(Role.RECEPTION)
    consultant = kit.staff(Role.CONSULTANT)
    supervisor = kit.staff(Role.SUPERVISOR)
    start = local_day(clock())
    first = kit.visit(reception, PHONE, consultants=(consultant,))
    assert first.first_visit
    clock.advance(days=3)
    again = kit.visit(reception, PHONE, consultants=(consultant,))
    assert not again.first_visit
    figures = kit.services.reception_figures.figures(supervisor, start, local_day(clock()))
    assert (figures.visits, figures.first_visits, figures.returning) == (2, 1, 1)
    # Only the later day: the visit is still a return, whatever the range shows.
    later = kit.services.reception_figures.figures(supervisor, local_day(clock()), local_day(clock()))
    assert (later.visits, later.first_visits, later.returning) == (1, 0, 1)


def test_a_merged_duplicates_visits_make_the_later_one_returning(
        kit: Kit, clock: FakeClock) -> None:
    reception = kit.staff(Role.RECEPTION)
    consultant = kit.staff(Role.CONSULTANT)
    supervisor = kit.staff(Role.SUPERVISOR)
    start = local_day(clock())
    kept = kit.visit(reception, PHONE, consultants=(consultant,))
    clock.advance(days=1)
    # Registered again on another number; the pull later brings the shared one too.
    dup = kit.visit(reception, OTHER, consultants=(consultant,))
    assert dup.first_visit
    survivor = kit.services.reception.lookup(reception, PHONE).customer_id
    duplicate = kit.services.reception.lookup(reception, OTHER).customer_id
    assert survivor and duplicate and survivor != duplicate
    with kit.services.db.uow(supervisor) as uow:
        add_phone(uow, customer_id=duplicate, e164="+86" + PHONE)
        uow.commit()
    end = local_day(clock())
    before = kit.services.reception_figures.figures(supervisor, start, end)
    assert (before.first_visits, before.returning) == (2, 0)  # two customers still
    kit.services.customer_merge.merge(supervisor, survivor, duplicate, reason="同一客户")
    after = kit.services.reception_figures.figures(supervisor, start, end)
    assert (after.visits, after.first_visits, after.returning) == (2, 1, 1)
    assert kept.first_visit
    assert kit.services.reception.lookup(reception, PHONE).visits == 2  # one open today
    clock.advance(days=1)
    lookup = kit.services.reception.lookup(reception, PHONE)
    assert lookup.visits == 3  # two earlier (one the duplicate's) and this one
    assert not kit.visit(reception, PHONE, consultants=(consultant,)).first_visit


def test_lookup_counts_earlier_visits_and_this_one(kit: Kit, clock: FakeClock) -> None:
    reception = kit.staff(Role.RECEPTION)
    consultant = kit.staff(Role.CONSULTANT)
    never = kit.customer(OTHER)  # registered by a consultant, never came in
    first = kit.services.reception.lookup(reception, OTHER)
    assert (first.customer_id, first.visits, first.last_visit_day) == (never, 1, "")
    kit.visit(reception, PHONE, consultants=(consultant,))
    # Checked in already today: the visit is counted once, not again.
    same_day = kit.services.reception.lookup(reception, PHONE)
    assert same_day.open_visit_ticket and same_day.visits == 1
    clock.advance(days=2)
    next_time = kit.services.reception.lookup(reception, PHONE)
    assert (next_time.visits, next_time.open_visit_ticket) == (2, "")
    kit.visit(reception, PHONE, consultants=(consultant,))
    assert kit.services.reception.lookup(reception, PHONE).visits == 2


def test_figures_refuse_a_range_ending_before_it_starts(kit: Kit, clock: FakeClock) -> None:
    supervisor = kit.staff(Role.SUPERVISOR)
    day = local_day(clock())
    with pytest.raises(ValidationError):
        kit.services.reception_figures.figures(supervisor, day, day - timedelta(days=1))
