"""Appointment lifecycle, booking rules, signing slots and the Shanghai day around midnight."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.appointments import (
    TRANSITIONS,
    AppointmentStatus,
    BookingRules,
    Busy,
    check_buffer,
    check_transition,
    validate_times,
    validate_visit_hours,
)
from salesdesk.domain.errors import Conflict, ValidationError
from salesdesk.domain.ics import CalendarEvent, fold, to_ics
from salesdesk.domain.local_time import at_local, day_bounds, local_day
from salesdesk.domain.signing_slots import (
    CentreSettings,
    DayOverride,
    free_desk,
    make_slots,
    nearest_free,
    plan_for,
    slot_at,
)

S = AppointmentStatus
NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # Tuesday 10:00 in Shanghai


# ---- lifecycle -----------------------------------------------------------------------------


@pytest.mark.parametrize(("src", "dst"), [
    (S.BOOKED, S.CONFIRMED), (S.CONFIRMED, S.ARRIVED), (S.ARRIVED, S.COMPLETED),
    (S.BOOKED, S.NO_SHOW), (S.CONFIRMED, S.CANCELLED), (S.BOOKED, S.RESCHEDULED),
])
def test_allowed_steps(src: AppointmentStatus, dst: AppointmentStatus) -> None:
    check_transition(src, dst)


@pytest.mark.parametrize(("src", "dst"), [
    (S.COMPLETED, S.CANCELLED), (S.CANCELLED, S.CONFIRMED), (S.ARRIVED, S.NO_SHOW),
    (S.NO_SHOW, S.ARRIVED), (S.RESCHEDULED, S.BOOKED), (S.ARRIVED, S.RESCHEDULED),
])
def test_forbidden_steps(src: AppointmentStatus, dst: AppointmentStatus) -> None:
    with pytest.raises(Conflict):
        check_transition(src, dst)


@given(st.lists(st.sampled_from(list(AppointmentStatus)), max_size=8))
def test_closed_statuses_never_reopen(path: list[AppointmentStatus]) -> None:
    state = S.BOOKED
    closed = {S.COMPLETED, S.NO_SHOW, S.CANCELLED, S.RESCHEDULED}
    for target in path:
        if target in TRANSITIONS[state]:
            state = target
        if state in closed:
            assert not TRANSITIONS[state]


# ---- validation ------------------------------------------------------------------------------


def test_end_before_start_is_refused() -> None:
    start = NOW + timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        validate_times(start, start - timedelta(minutes=30), NOW, BookingRules())
    assert exc.value.field == "ends_at"


def test_past_time_is_refused() -> None:
    with pytest.raises(ValidationError, match="过去"):
        validate_times(NOW - timedelta(hours=1), NOW, NOW, BookingRules())


def test_minimum_notice_and_window() -> None:
    rules = BookingRules(min_notice_minutes=120, window_days=14)
    with pytest.raises(ValidationError, match="120"):
        validate_times(NOW + timedelta(minutes=90), NOW + timedelta(minutes=150), NOW, rules)
    validate_times(NOW + timedelta(minutes=120), NOW + timedelta(minutes=180), NOW, rules)
    far = at_local(local_day(NOW) + timedelta(days=15), time(10))
    with pytest.raises(ValidationError, match="14"):
        validate_times(far, far + timedelta(hours=1), NOW, rules)


def test_visit_hours() -> None:
    rules = BookingRules()
    start = at_local(date(2026, 11, 25), time(17, 30))
    with pytest.raises(ValidationError):
        validate_visit_hours(start, start + timedelta(hours=1), rules)
    validate_visit_hours(start - timedelta(hours=1), start, rules)


def test_buffer_between_a_consultants_appointments() -> None:
    other = Busy(at_local(date(2026, 11, 25), time(10)), at_local(date(2026, 11, 25), time(11)))
    ok = at_local(date(2026, 11, 25), time(11, 15))
    check_buffer(ok, ok + timedelta(hours=1), [other], 15)
    too_close = at_local(date(2026, 11, 25), time(11, 10))
    with pytest.raises(Conflict, match="15"):
        check_buffer(too_close, too_close + timedelta(hours=1), [other], 15)
    before = at_local(date(2026, 11, 25), time(9, 0))
    with pytest.raises(Conflict):
        check_buffer(before, before + timedelta(minutes=50), [other], 15)


# ---- time zone and midnight ---------------------------------------------------------------


def test_shanghai_day_starts_at_1600_utc_the_day_before() -> None:
    start, end = day_bounds(date(2026, 11, 25))
    assert start == datetime(2026, 11, 24, 16, 0, tzinfo=UTC)
    assert end == datetime(2026, 11, 25, 16, 0, tzinfo=UTC)
    # 23:30 UTC on the 24th is 07:30 on the 25th in Shanghai.
    assert local_day(datetime(2026, 11, 24, 23, 30, tzinfo=UTC)) == date(2026, 11, 25)
    assert local_day(datetime(2026, 11, 24, 15, 59, tzinfo=UTC)) == date(2026, 11, 24)


def test_slots_around_midnight() -> None:
    """A late opening (22:00–02:00 is not a thing, but 22:00–24:00 is): the last slot ends at
    local midnight, which is 16:00 UTC, and every slot belongs to the local day."""
    slots = make_slots(date(2026, 12, 31), time(22, 0), time(0, 0), 60)
    assert [s.label for s in slots] == ["22:00–23:00", "23:00–00:00"]
    assert slots[-1].ends_at == datetime(2026, 12, 31, 16, 0, tzinfo=UTC)
    assert all(local_day(s.starts_at) == date(2026, 12, 31) for s in slots)
    early = make_slots(date(2027, 1, 1), time(0, 0), time(2, 0), 30)
    assert early[0].starts_at == datetime(2026, 12, 31, 16, 0, tzinfo=UTC)  # UTC day before
    assert local_day(early[0].starts_at) == date(2027, 1, 1)
    assert len(early) == 4


# ---- signing centre calendar -----------------------------------------------------------------


def test_plan_uses_settings_and_overrides() -> None:
    settings = CentreSettings(opens=time(9), closes=time(12), slot_minutes=60, desks=3,
                              closed_weekdays=frozenset({6}))
    wed = date(2026, 11, 25)
    plan = plan_for(wed, settings, None)
    assert plan.open and plan.desks == 3
    assert [s.label for s in plan.slots] == ["09:00–10:00", "10:00–11:00", "11:00–12:00"]
    sunday = date(2026, 11, 29)
    assert not plan_for(sunday, settings, None).open
    holiday = plan_for(wed, settings, DayOverride(wed, closed=True, note="元旦"))
    assert not holiday.open and holiday.slots == ()
    opening = plan_for(sunday, settings, DayOverride(sunday, desks=6, closes=time(17)))
    assert opening.open and opening.desks == 6 and len(opening.slots) == 8


def test_slot_at_refuses_closed_day_and_off_grid_times() -> None:
    settings = CentreSettings()
    day = date(2026, 11, 25)
    with pytest.raises(ValidationError, match="不开放"):
        slot_at(plan_for(day, settings, DayOverride(day, closed=True)), at_local(day, time(9)))
    with pytest.raises(ValidationError):
        slot_at(plan_for(day, settings, None), at_local(day, time(9, 30)))
    assert slot_at(plan_for(day, settings, None), at_local(day, time(10))).index == 1


def test_free_desk_and_full() -> None:
    assert free_desk(3, [1, 3]) == 2
    with pytest.raises(Conflict):
        free_desk(2, [1, 2])


def test_nearest_free_slots_skip_full_and_too_early() -> None:
    settings = CentreSettings(desks=2)
    day = date(2026, 11, 25)
    plan = plan_for(day, settings, None)
    wanted = at_local(day, time(11))
    booked = {wanted: 2, at_local(day, time(12)): 2, at_local(day, time(10)): 1}
    free = nearest_free([plan], booked, wanted, earliest=at_local(day, time(10)), limit=3)
    labels = [f"{s.starts_at.astimezone(at_local(day, time(0)).tzinfo)}" for s in free]
    assert len(labels) == 3
    starts = [s.starts_at for s in free]
    assert at_local(day, time(10)) in starts and at_local(day, time(13)) in starts
    assert wanted not in starts and at_local(day, time(9)) not in starts
    assert next(s for s in free if s.starts_at == at_local(day, time(10))).free == 1


# ---- .ics -------------------------------------------------------------------------------------


def test_ics_is_rfc5545_shaped() -> None:
    start = at_local(date(2026, 11, 25), time(10))
    text = to_ics(CalendarEvent("abc@salesdesk", start, start + timedelta(hours=1),
                                "签约：王先生, 2 号签约台; 备注", "翠湖苑签约中心",
                                "客户：王先生\n" + "很长的说明" * 20, stamp=NOW))
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "DTSTART:20261125T020000Z\r\n" in text
    assert "SUMMARY:签约：王先生\\, 2 号签约台\\; 备注" in text
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    unfolded = text.replace("\r\n ", "")
    assert "客户：王先生\\n" + "很长的说明" * 20 in unfolded


def test_fold_never_splits_a_character() -> None:
    folded = fold("DESCRIPTION:" + "签" * 60)
    for part in folded.split("\r\n"):
        part.encode("utf-8").decode("utf-8")
        assert len(part.encode("utf-8")) <= 75
