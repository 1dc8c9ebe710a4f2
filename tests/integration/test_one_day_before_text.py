"""One signing, one day-before text (issue 15 §3), on a real SQLite file: the care plan's
materials reminder and the appointment reminder of the same signing booking become one message,
whichever of the two daily runs comes first; a day-before event without a booking (signing
agreed by phone, not booked) still gets the care plan's own text."""

from __future__ import annotations

import sqlite3
from datetime import date, time, timedelta

from salesdesk.domain.care.plan import CareEvent, CareEventKind
from salesdesk.domain.local_time import at_local
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services

SIGNING_DAY = date(2026, 12, 7)
EVE = SIGNING_DAY - timedelta(days=1)
DAY_BEFORE_KINDS = ("appointment.reminder", "care.signing_reminder")


def _texts(demo: Services, customer_id: str) -> list[tuple[str, str]]:
    conn = sqlite3.connect(demo.db.path)
    try:
        return [(k, t) for k, t in conn.execute(
            "SELECT kind, text FROM reminder_message WHERE customer_id = ? AND kind IN (?, ?) "
            "AND deleted = 0", (customer_id, *DAY_BEFORE_KINDS))]
    finally:
        conn.close()


def _booked(demo: Services, supervisor: Actor, phone: str, hour: int) -> tuple[str, str]:
    cid = demo.customers.register(supervisor, phone=phone, name="签约客户", salutation="签先生",
                                  consent=True, owner_staff_id=supervisor.staff_id).id
    booking = demo.appointments.book_signing(supervisor, customer_id=cid,
                                             starts_at=at_local(SIGNING_DAY, time(hour)))
    return cid, booking.appointment.id


def test_care_run_first_then_reminders_queue_one_text(demo: Services, supervisor: Actor) -> None:
    cid, appointment_id = _booked(demo, supervisor, "13812348001", 10)
    demo.care.run_daily(supervisor, EVE)
    demo.reminders.queue(supervisor, SIGNING_DAY)
    demo.care.run_daily(supervisor, EVE)  # runs again later that evening: still one
    [(kind, text)] = _texts(demo, cid)
    assert kind == "appointment.reminder"
    assert "请携带以下材料" in text and "按揭所需材料请一并准备" in text
    conn = sqlite3.connect(demo.db.path)
    try:
        [(status, outcome, message_id)] = conn.execute(
            "SELECT status, outcome, message_id FROM follow_up_task WHERE customer_id = ? "
            "AND event = ?", (cid, CareEventKind.DAY_BEFORE_SIGNING.value)).fetchall()
    finally:
        conn.close()
    assert status == "done" and "并入签约预约提醒" in outcome
    [item] = [i for i in demo.reminders.due(supervisor, SIGNING_DAY)
              if i.appointment.id == appointment_id]
    assert item.status == "pending" and item.message_id == message_id


def test_reminders_first_then_care_run_one_text(demo: Services, supervisor: Actor) -> None:
    cid, _ = _booked(demo, supervisor, "13812348002", 11)
    demo.reminders.queue(supervisor, SIGNING_DAY)
    demo.care.run_daily(supervisor, EVE)
    assert [k for k, _ in _texts(demo, cid)] == ["appointment.reminder"]


def test_a_day_before_without_a_booking_keeps_the_care_text(demo: Services,
                                                             supervisor: Actor) -> None:
    cid = demo.customers.register(supervisor, phone="13812348003", name="电话约签",
                                  consent=True, owner_staff_id=supervisor.staff_id).id
    demo.care.on_event(supervisor, CareEvent(CareEventKind.DAY_BEFORE_SIGNING, cid, SIGNING_DAY,
                                             ref="phone-agreed"))
    demo.care.run_daily(supervisor, EVE)
    assert [k for k, _ in _texts(demo, cid)] == ["care.signing_reminder"]
