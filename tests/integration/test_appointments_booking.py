"""Appointments on a real SQLite file: capacity under concurrency, bad input changes nothing,
lifecycle with history, the hooks reception and signing materials use, midnight."""

from __future__ import annotations

import threading
import time as time_module
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from salesdesk.domain.errors import Conflict, DomainError, NotFound, ValidationError
from salesdesk.domain.local_time import at_local, local_day
from salesdesk.domain.roles import Actor
from salesdesk.domain.signing_slots import SlotFull
from salesdesk.services.container import Services, build_services
from salesdesk.store.database import open_database
from salesdesk.store.models.appointments import Appointment, AppointmentEvent
from salesdesk.store.models.local import OutboxEntry
from tests.conftest import FakeClock

# A week past the demo's busy days (today is Tue 2026-11-24 in the fixtures' clock).
FREE_DAY = date(2026, 12, 7)


def _customer(services: Services, actor: Actor, phone: str, name: str = "测试客户") -> str:
    return services.customers.register(actor, phone=phone, name=name, salutation="测先生",
                                       consent=True, owner_staff_id=actor.staff_id).id


def _counts(services: Services) -> tuple[int, int, int]:
    with services.db.reader() as uow:
        s = uow.session
        return (int(s.scalar(select(func.count()).select_from(Appointment)) or 0),
                int(s.scalar(select(func.count()).select_from(AppointmentEvent)) or 0),
                int(s.scalar(select(func.count()).select_from(OutboxEntry)) or 0))


@pytest.fixture
def pinned_tz(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run as if the machine were set to another zone: Shanghai must come from zoneinfo."""
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time_module.tzset()
    yield
    monkeypatch.delenv("TZ")
    time_module.tzset()


# ---- capacity -----------------------------------------------------------------------------------


def test_concurrent_bookings_of_one_slot_get_exactly_desks_successes(
        demo: Services, supervisor: Actor, data_dir: Path, key_dir: Path,
        clock: FakeClock) -> None:
    desks = 3
    demo.appointments.set_day(supervisor, FREE_DAY, desks=desks)
    slot = at_local(FREE_DAY, time(10))
    customers = [_customer(demo, supervisor, f"1390571{n:04d}") for n in range(12)]

    # One database connection set (own engines, own unit of work) per thread, same file.
    opened = [build_services(open_database(data_dir, key_dir, clock=clock)) for _ in customers]
    barrier = threading.Barrier(len(customers))
    results: list[object] = [None] * len(customers)

    def attempt(i: int) -> None:
        barrier.wait()
        try:
            results[i] = opened[i].appointments.book_signing(
                supervisor, customer_id=customers[i], starts_at=slot)
        except DomainError as exc:
            results[i] = exc

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(len(customers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for s in opened:
        s.close()

    wins = [r for r in results if not isinstance(r, Exception)]
    losses = [r for r in results if isinstance(r, Exception)]
    assert len(wins) == desks
    assert len(losses) == len(customers) - desks
    for loss in losses:
        assert isinstance(loss, SlotFull)
        assert loss.alternatives, "the loser is offered the nearest free slots"
        assert all(a.starts_at != slot for a in loss.alternatives)
        assert "约满" in loss.message
    board = demo.appointments.day_board(supervisor, FREE_DAY)
    row = next(r for r in board.rows if r.slot.starts_at == slot)
    assert sorted(c.appointment.customer_id for c in row.cells if c.appointment) == sorted(
        w.appointment.customer_id for w in wins)  # type: ignore[attr-defined]
    assert {c.desk_no for c in row.cells if c.appointment} == {1, 2, 3}


def test_last_desk_taken_offers_nearest_free_slots(demo: Services, supervisor: Actor) -> None:
    demo.appointments.set_day(supervisor, FREE_DAY, desks=1)
    slot = at_local(FREE_DAY, time(14))
    a = _customer(demo, supervisor, "13905712001")
    b = _customer(demo, supervisor, "13905712002")
    demo.appointments.book_signing(supervisor, customer_id=a, starts_at=slot)
    with pytest.raises(SlotFull) as exc:
        demo.appointments.book_signing(supervisor, customer_id=b, starts_at=slot)
    starts = [x.starts_at for x in exc.value.alternatives]
    assert at_local(FREE_DAY, time(13)) in starts and at_local(FREE_DAY, time(15)) in starts


def test_booking_without_desk_staff_warns(demo: Services, supervisor: Actor) -> None:
    cust = _customer(demo, supervisor, "13905712003")
    booking = demo.appointments.book_signing(supervisor, customer_id=cust,
                                             starts_at=at_local(FREE_DAY, time(9)))
    assert booking.warnings and "无人值班" in booking.warnings[0]
    staff = demo.appointments.staff_for_roster(supervisor)[0]
    demo.appointments.set_roster(supervisor, FREE_DAY, 2, staff.id, "09:00", "17:00")
    cust2 = _customer(demo, supervisor, "13905712004")
    booking2 = demo.appointments.book_signing(supervisor, customer_id=cust2,
                                              starts_at=at_local(FREE_DAY, time(9)))
    assert booking2.appointment.desk_no == 2 and booking2.warnings == ()
    board = demo.appointments.day_board(supervisor, FREE_DAY)
    assert board.rows[0].cells[1].staff_name == staff.name


# ---- bad input changes nothing ------------------------------------------------------------------


def test_bad_input_gets_a_clear_message_and_changes_nothing(
        demo: Services, consultant: Actor, supervisor: Actor) -> None:
    cust = _customer(demo, consultant, "13905712005")
    demo.appointments.set_day(supervisor, FREE_DAY + timedelta(days=1), closed=True,
                              note="元旦假期")
    before = _counts(demo)
    good = at_local(FREE_DAY, time(10))
    cases: list[tuple[type[DomainError], str, object]] = [
        (ValidationError, "结束时间", lambda: demo.appointments.book_visit(
            consultant, customer_id=cust, consultant_id=consultant.staff_id, starts_at=good,
            minutes=-30)),
        (ValidationError, "过去", lambda: demo.appointments.book_visit(
            consultant, customer_id=cust, consultant_id=consultant.staff_id,
            starts_at=at_local(date(2026, 11, 20), time(10)))),
        (ValidationError, "不开放", lambda: demo.appointments.book_signing(
            consultant, customer_id=cust,
            starts_at=at_local(FREE_DAY + timedelta(days=1), time(10)))),
        (NotFound, "置业顾问", lambda: demo.appointments.book_visit(
            supervisor, customer_id=cust, consultant_id="no-such-consultant", starts_at=good)),
        (NotFound, "客户", lambda: demo.appointments.book_visit(
            consultant, customer_id="nobody", consultant_id=consultant.staff_id,
            starts_at=good)),
    ]
    for kind, words, call in cases:
        with pytest.raises(kind) as exc:
            call()  # type: ignore[operator]
        assert words in exc.value.message and exc.value.en
        assert _counts(demo) == before


def test_consultant_keeps_buffer_between_appointments(demo: Services, consultant: Actor) -> None:
    cust = _customer(demo, consultant, "13905712006")
    demo.appointments.book_visit(consultant, customer_id=cust, consultant_id=consultant.staff_id,
                                 starts_at=at_local(FREE_DAY, time(10)), minutes=60)
    before = _counts(demo)
    with pytest.raises(Conflict, match="间隔"):
        demo.appointments.book_visit(consultant, customer_id=cust,
                                     consultant_id=consultant.staff_id,
                                     starts_at=at_local(FREE_DAY, time(11, 5)))
    assert _counts(demo) == before


# ---- lifecycle ---------------------------------------------------------------------------------


def test_reschedule_keeps_history_and_frees_the_old_desk(
        demo: Services, supervisor: Actor) -> None:
    demo.appointments.set_day(supervisor, FREE_DAY, desks=1)
    cust = _customer(demo, supervisor, "13905712007")
    first = demo.appointments.book_signing(supervisor, customer_id=cust,
                                           starts_at=at_local(FREE_DAY, time(10))).appointment
    demo.appointments.confirm(supervisor, first.id)
    moved = demo.appointments.reschedule(supervisor, first.id, at_local(FREE_DAY, time(15)),
                                         "客户下午才有空").appointment
    assert moved.rescheduled_from_id == first.id and moved.status.value == "booked"
    assert demo.appointments.get(supervisor, first.id).status.value == "rescheduled"
    steps = [(h.from_status, h.to_status) for h in demo.appointments.history(supervisor,
                                                                            moved.id)]
    assert steps == [("", "booked"), ("booked", "confirmed"), ("confirmed", "rescheduled"),
                     ("", "booked")]
    history = demo.appointments.history(supervisor, moved.id)
    assert history[2].reason == "客户下午才有空" and "→" in history[2].detail
    assert history[2].staff_name == supervisor.name
    assert [h.appointment_id for h in history] == [first.id] * 3 + [moved.id]
    # The 10:00 desk is free again for someone else.
    other = _customer(demo, supervisor, "13905712008")
    demo.appointments.book_signing(supervisor, customer_id=other,
                                   starts_at=at_local(FREE_DAY, time(10)))


def test_reschedule_into_a_full_slot_changes_nothing(demo: Services, supervisor: Actor) -> None:
    demo.appointments.set_day(supervisor, FREE_DAY, desks=1)
    a = _customer(demo, supervisor, "13905712009")
    b = _customer(demo, supervisor, "13905712010")
    demo.appointments.book_signing(supervisor, customer_id=a,
                                   starts_at=at_local(FREE_DAY, time(11)))
    mine = demo.appointments.book_signing(supervisor, customer_id=b,
                                          starts_at=at_local(FREE_DAY, time(12))).appointment
    before = _counts(demo)
    with pytest.raises(SlotFull):
        demo.appointments.reschedule(supervisor, mine.id, at_local(FREE_DAY, time(11)), "想早点")
    assert _counts(demo) == before
    assert demo.appointments.get(supervisor, mine.id).status.value == "booked"


def test_cancel_needs_a_reason_and_closed_ones_stay_closed(
        demo: Services, consultant: Actor) -> None:
    cust = _customer(demo, consultant, "13905712011")
    visit = demo.appointments.book_visit(consultant, customer_id=cust,
                                         consultant_id=consultant.staff_id,
                                         starts_at=at_local(FREE_DAY, time(9))).appointment
    with pytest.raises(ValidationError):
        demo.appointments.cancel(consultant, visit.id, "  ")
    demo.appointments.cancel(consultant, visit.id, "客户出差")
    with pytest.raises(Conflict):
        demo.appointments.confirm(consultant, visit.id)
    with pytest.raises(Conflict):
        demo.appointments.mark_no_show(consultant, visit.id)


def test_no_show_only_after_the_time_and_counted_per_week(
        demo: Services, consultant: Actor, supervisor: Actor, clock: FakeClock) -> None:
    cust = _customer(demo, consultant, "13905712012")
    visit = demo.appointments.book_visit(consultant, customer_id=cust,
                                         consultant_id=consultant.staff_id,
                                         starts_at=at_local(FREE_DAY, time(9))).appointment
    with pytest.raises(Conflict, match="未到"):
        demo.appointments.mark_no_show(consultant, visit.id)
    clock.now = at_local(FREE_DAY, time(11))
    demo.appointments.mark_no_show(consultant, visit.id)
    figures = demo.appointments.no_show_figures(supervisor, FREE_DAY, weeks=1)
    mine = next(f for f in figures if f.consultant_id == consultant.staff_id)
    assert mine.week == FREE_DAY and mine.no_shows == 1 and mine.due == 1 and mine.rate == 1.0


def test_consultant_books_only_for_themselves(demo: Services, consultant: Actor,
                                             senior: Actor) -> None:
    cust = _customer(demo, consultant, "13905712013")
    with pytest.raises(DomainError):
        demo.appointments.book_visit(consultant, customer_id=cust, consultant_id=senior.staff_id,
                                     starts_at=at_local(FREE_DAY, time(9)))


# ---- hooks for reception and signing materials ----------------------------------------------------


def test_arrival_inside_the_callers_unit_of_work(demo: Services, supervisor: Actor,
                                                 clock: FakeClock) -> None:
    cust = _customer(demo, supervisor, "13905712014")
    signing = demo.appointments.book_signing(supervisor, customer_id=cust,
                                             starts_at=at_local(FREE_DAY, time(16))).appointment
    clock.now = at_local(FREE_DAY, time(15, 40))
    arrivals = demo.appointments.arrivals()
    with demo.db.uow(supervisor) as uow:
        found = arrivals.todays_for_customer(uow, cust, clock.now)
        assert [f.appointment_id for f in found] == [signing.id]
        assert found[0].kind == "signing" and found[0].starts_at == at_local(FREE_DAY, time(16))
        assert found[0].desk_no == signing.desk_no and found[0].consultant_name == ""
        arrivals.mark_arrived(uow, signing.id)
        # not committed: the caller's check-in decides
    assert demo.appointments.get(supervisor, signing.id).status.value == "booked"
    with demo.db.uow(supervisor) as uow:
        arrivals.mark_arrived(uow, signing.id)
        uow.commit()
    assert demo.appointments.get(supervisor, signing.id).status.value == "arrived"
    with demo.db.uow(supervisor) as uow:
        assert arrivals.todays_for_customer(uow, cust, clock.now) == []


def test_signings_on_and_midnight_slots(demo: Services, supervisor: Actor,
                                        pinned_tz: None) -> None:
    """A slot at 00:00 Shanghai is 16:00 UTC the day before: it belongs to the Shanghai day."""
    day = FREE_DAY + timedelta(days=2)
    demo.appointments.set_day(supervisor, day, opens="00:00", closes="02:00", desks=2,
                              note="跨年夜签约")
    cust = _customer(demo, supervisor, "13905712015")
    midnight = at_local(day, time(0))
    assert midnight == datetime(2026, 12, 8, 16, 0, tzinfo=UTC)
    booking = demo.appointments.book_signing(supervisor, customer_id=cust, starts_at=midnight)
    assert local_day(booking.appointment.starts_at) == day
    schedule = demo.appointments.signing_schedule()
    assert [s.appointment_id for s in schedule.signings_on(day)] == [booking.appointment.id]
    assert booking.appointment.id not in [s.appointment_id for s in
                                          schedule.signings_on(day - timedelta(days=1))]
    # The customer's next signing, looked up in one read, is the same booking from the day
    # itself or earlier within reach, and none from the day after or out of reach.
    def next_id(first: date, days: int, unit: str | None = None) -> str | None:
        found = schedule.next_signing_for(cust, unit, first, days)
        return None if found is None else found.appointment_id
    assert next_id(day, 1) == booking.appointment.id
    assert next_id(day - timedelta(days=3), 4) == booking.appointment.id
    assert next_id(day - timedelta(days=3), 3) is None
    assert next_id(day + timedelta(days=1), 14) is None
    assert schedule.next_signing_for("someone-else", None, day, 1) is None
    board = demo.appointments.day_board(supervisor, day)
    assert [r.slot.label for r in board.rows] == ["00:00–01:00", "01:00–02:00"]
    assert board.rows[0].cells[0].appointment is not None
    agenda = demo.appointments.agenda(supervisor, None, day, 1)
    assert booking.appointment.id in [a.id for a in agenda]


def test_ics_export(demo: Services, supervisor: Actor) -> None:
    cust = _customer(demo, supervisor, "13905712016", name="欧阳明")
    booking = demo.appointments.book_signing(supervisor, customer_id=cust,
                                             starts_at=at_local(FREE_DAY, time(10)))
    exports = len(demo.audit.exports(supervisor))
    text = demo.appointments.ics(supervisor, booking.appointment.id)
    assert "DTSTART:20261207T020000Z" in text and "BEGIN:VEVENT" in text
    assert "13905712016" not in text and "5712016" not in text  # no phone numbers
    # It names the customer and leaves the application: logged as an export of one customer.
    logged = demo.audit.exports(supervisor)
    assert len(logged) == exports + 1
    assert [e.detail for e in logged if e.entity == "appointment_ics"
            and e.row_id == booking.appointment.id] == ["ics customers=1"]


def test_a_day_with_bookings_is_not_closed_under_them(demo: Services,
                                                     supervisor: Actor) -> None:
    cust = _customer(demo, supervisor, "13905712017")
    demo.appointments.book_signing(supervisor, customer_id=cust,
                                   starts_at=at_local(FREE_DAY, time(9)))
    demo.appointments.book_signing(supervisor, customer_id=cust,
                                   starts_at=at_local(FREE_DAY, time(11)))
    with pytest.raises(Conflict, match="改期或取消"):
        demo.appointments.set_day(supervisor, FREE_DAY, closed=True, note="临时停电")
    assert demo.appointments.day_plan(supervisor, FREE_DAY).open
    demo.appointments.set_day(supervisor, FREE_DAY, desks=5, note="加开签约台")
    assert demo.appointments.day_plan(supervisor, FREE_DAY).desks == 5
