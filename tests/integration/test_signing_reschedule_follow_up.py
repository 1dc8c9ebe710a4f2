"""Rescheduling a signing moves its day-before text and follow-up task to the new date and
never adds another (issue 14 §5), on a real SQLite file: whether the old date's reminder was
queued already or not, and after rescheduling twice, the customer has one live day-before text
and one live day-before task, both for the latest date."""

from __future__ import annotations

import sqlite3
from datetime import date, time, timedelta

import pytest

from salesdesk.domain.care.plan import CareEventKind
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.local_time import at_local
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services

FIRST = date(2026, 12, 7)
SECOND = date(2026, 12, 9)
THIRD = date(2026, 12, 11)
DAY_BEFORE_KINDS = ("appointment.reminder", "care.signing_reminder")


def _query(demo: Services, sql: str, *args: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(demo.db.path)
    try:
        return list(conn.execute(sql, args))
    finally:
        conn.close()


def _live_texts(demo: Services, customer_id: str) -> list[tuple[object, ...]]:
    """(status, text) of the customer's day-before texts not withdrawn."""
    return _query(demo, "SELECT status, text FROM reminder_message WHERE customer_id = ? AND "
                  "kind IN (?, ?) AND deleted = 0", customer_id, *DAY_BEFORE_KINDS)


def _live_tasks(demo: Services, customer_id: str) -> list[tuple[object, ...]]:
    """(status, due on, appointment) of the customer's day-before tasks not cancelled."""
    return _query(demo, "SELECT status, due_on, source_id FROM follow_up_task WHERE "
                  "customer_id = ? AND event = ? AND status != 'cancelled' AND deleted = 0",
                  customer_id, CareEventKind.DAY_BEFORE_SIGNING.value)


def _booked(demo: Services, supervisor: Actor, phone: str) -> tuple[str, str]:
    cid = demo.customers.register(supervisor, phone=phone, name="改期客户", salutation="改先生",
                                  consent=True, owner_staff_id=supervisor.staff_id).id
    booking = demo.appointments.book_signing(supervisor, customer_id=cid,
                                             starts_at=at_local(FIRST, time(10)))
    return cid, booking.appointment.id


def _eve(demo: Services, supervisor: Actor, day: date) -> None:
    """The evening before ``day``: the reminders' run, then the care run (which finds the
    reminder queued and folds its materials reminder into it)."""
    demo.reminders.queue(supervisor, day)
    demo.care.run_daily(supervisor, day - timedelta(days=1))


def _one_text_and_task_for(demo: Services, supervisor: Actor, cid: str, appointment_id: str,
                           day: date) -> None:
    [(status, due_on, source)] = _live_tasks(demo, cid)
    assert source == appointment_id and status == "open"
    assert due_on == (day - timedelta(days=1)).isoformat()
    _eve(demo, supervisor, day)
    [(status, text)] = _live_texts(demo, cid)
    assert status == "pending" and f"{day.month}月{day.day}日" in str(text)
    [(task_status, _, _)] = _live_tasks(demo, cid)
    assert task_status == "done"  # merged into the reminder: still one text


def test_reschedule_after_the_reminder_was_queued_withdraws_it(
        demo: Services, supervisor: Actor) -> None:
    cid, first = _booked(demo, supervisor, "13812349001")
    _eve(demo, supervisor, FIRST)
    assert len(_live_texts(demo, cid)) == 1 and len(_live_tasks(demo, cid)) == 1
    moved = demo.appointments.reschedule(supervisor, first, at_local(SECOND, time(10)),
                                         "客户出差").appointment
    assert _live_texts(demo, cid) == []  # the old date's text is not left to be sent
    _one_text_and_task_for(demo, supervisor, cid, moved.id, SECOND)


def test_rescheduling_twice_leaves_one_of_each_for_the_last_date(
        demo: Services, supervisor: Actor) -> None:
    cid, first = _booked(demo, supervisor, "13812349002")
    second = demo.appointments.reschedule(supervisor, first, at_local(SECOND, time(10)),
                                          "客户出差").appointment
    _eve(demo, supervisor, SECOND)
    third = demo.appointments.reschedule(supervisor, second.id, at_local(THIRD, time(14)),
                                         "资金未到").appointment
    assert _live_texts(demo, cid) == []
    _one_text_and_task_for(demo, supervisor, cid, third.id, THIRD)


def test_a_sent_text_stays_and_a_refused_reschedule_changes_nothing(
        demo: Services, supervisor: Actor) -> None:
    cid, first = _booked(demo, supervisor, "13812349003")
    _eve(demo, supervisor, FIRST)
    [item] = [i for i in demo.reminders.due(supervisor, FIRST) if i.appointment.id == first]
    before = (_live_texts(demo, cid), _live_tasks(demo, cid))
    with pytest.raises(ValidationError):
        demo.appointments.reschedule(supervisor, first, at_local(SECOND, time(10)), "  ")
    assert (_live_texts(demo, cid), _live_tasks(demo, cid)) == before
    demo.reminders.send(supervisor, first)
    assert item.message_id is not None
    demo.appointments.reschedule(supervisor, first, at_local(SECOND, time(10)), "客户出差")
    # What went out is history: it stays, marked sent; the new date gets its own text.
    assert [s for s, _ in _live_texts(demo, cid)] == ["sent"]
