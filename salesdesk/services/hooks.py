"""Interfaces between capabilities, so each can be built (and tested) on its own and wired
together in ``services/container.py``.

- Reception asks Appointments which of today's appointments a checked-in customer has.
- Signing materials asks Appointments for the signing bookings of a day (batch printing).
- Appointments asks Signing materials for the materials a customer must bring (reminders).
- Customer care hands its messages to the message outbox Appointments keeps for reminders, and
  opens escalations through the Disclosure capability's escalation tasks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from salesdesk.store.uow import UnitOfWork


@dataclass(frozen=True)
class ArrivingAppointment:
    appointment_id: str
    kind: str  # "visit" | "signing"
    consultant_id: str | None
    starts_at: datetime
    desk_no: int | None = None  # a signing appointment's desk
    consultant_name: str = ""  # reception's screen composes "10:30 签约 · 2 号签约台" from these


class AppointmentArrivals(Protocol):
    def todays_for_customer(self, uow: UnitOfWork, customer_id: str,
                            now: datetime) -> list[ArrivingAppointment]:
        """Bookable appointments of this customer today that are not yet arrived/closed."""
        ...

    def mark_arrived(self, uow: UnitOfWork, appointment_id: str) -> None:
        """Inside the check-in's own unit of work, so both commit together."""
        ...


@dataclass(frozen=True)
class SigningBooking:
    appointment_id: str
    customer_id: str
    unit_id: str | None
    consultant_id: str | None
    starts_at: datetime
    desk_label: str  # e.g. "2 号签约台"
    status: str


class SigningSchedule(Protocol):
    def signings_on(self, day: date) -> list[SigningBooking]:
        """Every non-cancelled signing booking of that (Asia/Shanghai) day."""
        ...

    def next_signing_for(self, customer_id: str, unit_id: str | None, first_day: date,
                         days: int) -> SigningBooking | None:
        """The customer's earliest non-cancelled signing booking from ``first_day`` on, within
        ``days`` days, for that unit or for no unit in particular (``unit_id`` None: any)."""
        ...


def first_signing_by_day(schedule: SigningSchedule, customer_id: str, unit_id: str | None,
                         first_day: date, days: int) -> SigningBooking | None:
    """``next_signing_for`` from ``signings_on`` alone, day by day: for small schedules kept in
    memory (a real one answers with one query)."""
    for offset in range(days):
        for b in schedule.signings_on(first_day + timedelta(days=offset)):
            if b.customer_id == customer_id and (unit_id is None or b.unit_id in (None, unit_id)):
                return b
    return None


class MaterialsSource(Protocol):
    def materials_to_bring(self, customer_id: str, unit_id: str | None) -> list[str]:
        """Plain lines for a reminder message: what the customer must bring to sign."""
        ...


class MessageSink(Protocol):
    def queue_message(self, uow: UnitOfWork, *, customer_id: str, staff_id: str | None,
                      kind: str, text: str, dedupe_key: str) -> str:
        """Queue a message to a customer in the caller's unit of work; the same dedupe_key
        twice queues it once. Returns the message id."""
        ...


class EscalationOpener(Protocol):
    def open_escalation(self, uow: UnitOfWork, *, customer_id: str, consultant_id: str | None,
                        reason: str, source: str, source_id: str) -> str:
        """Open an escalation task (consultant -> sales manager -> sales director ->
        customer-service centre) in the caller's unit of work. Returns the task id."""
        ...
