"""Appointments with their history, the signing centre's calendar and desk roster, and the
reminder outbox.

All synced: a booking made on a consultant's laptop must reach reception's kiosk, and a reminder
sent from one device must show as sent on every other one (so nobody sends it again)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from salesdesk.store.models.base import Base, Synced
from salesdesk.store.types import UTCDateTime


class Appointment(Synced, Base):
    __tablename__ = "appointment"
    kind: Mapped[str] = mapped_column(String(16))  # visit | signing
    status: Mapped[str] = mapped_column(String(16), default="booked")
    customer_id: Mapped[str] = mapped_column(String(36), index=True)
    consultant_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    unit_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    desk_no: Mapped[int | None] = mapped_column(Integer, nullable=True)  # signing only
    notes: Mapped[str] = mapped_column(Text, default="")
    # The booking this one replaced (reschedule keeps the old row and its history).
    rescheduled_from_id: Mapped[str | None] = mapped_column(String(36), nullable=True)

    __table_args__ = (
        Index("ix_appointment_consultant_starts", "consultant_id", "starts_at"),
        Index("ix_appointment_kind_starts", "kind", "starts_at"),
        # The file itself refuses two live bookings on one desk of one slot, whatever code
        # path wrote them; the service checks the desk count in the same transaction.
        Index("uq_appointment_signing_desk", "sales_centre_id", "starts_at", "desk_no", unique=True,
              sqlite_where=text("kind = 'signing' AND deleted = 0 AND status IN "
                                "('booked', 'confirmed', 'arrived', 'completed', 'no_show')")),
    )


class AppointmentEvent(Synced, Base):
    """One step of an appointment's life: who (stamped), when (stamped), what and why."""

    __tablename__ = "appointment_event"
    appointment_id: Mapped[str] = mapped_column(String(36), index=True)
    step: Mapped[int] = mapped_column(Integer, default=1)  # 1, 2, ... per appointment
    from_status: Mapped[str] = mapped_column(String(16), default="")
    to_status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="")  # e.g. old and new time


class SigningCentreSettings(Synced, Base):
    """The signing centre's ordinary week and the booking rules (one live row per centre)."""

    __tablename__ = "signing_centre_settings"
    opens: Mapped[str] = mapped_column(String(5), default="09:00")
    closes: Mapped[str] = mapped_column(String(5), default="17:00")
    slot_minutes: Mapped[int] = mapped_column(Integer, default=60)
    desks: Mapped[int] = mapped_column(Integer, default=3)
    closed_weekdays: Mapped[str] = mapped_column(String(32), default="[]")  # JSON, 0 = Monday
    place: Mapped[str] = mapped_column(String(200), default="签约中心")
    min_notice_minutes: Mapped[int] = mapped_column(Integer, default=60)
    window_days: Mapped[int] = mapped_column(Integer, default=30)
    buffer_minutes: Mapped[int] = mapped_column(Integer, default=15)
    visit_opens: Mapped[str] = mapped_column(String(5), default="09:00")
    visit_closes: Mapped[str] = mapped_column(String(5), default="18:00")


class SigningCentreDay(Synced, Base):
    """A calendar entry: a holiday (closed) or an opening day with more desks."""

    __tablename__ = "signing_centre_day"
    day: Mapped[date] = mapped_column(Date, index=True)
    closed: Mapped[bool] = mapped_column(default=False)
    desks: Mapped[int | None] = mapped_column(Integer, nullable=True)
    opens: Mapped[str] = mapped_column(String(5), default="")
    closes: Mapped[str] = mapped_column(String(5), default="")
    note: Mapped[str] = mapped_column(String(200), default="")


class DeskRoster(Synced, Base):
    """Who staffs which signing desk when (local wall-clock hours of that day)."""

    __tablename__ = "desk_roster"
    day: Mapped[date] = mapped_column(Date, index=True)
    desk_no: Mapped[int] = mapped_column(Integer)
    staff_id: Mapped[str] = mapped_column(String(36))
    from_time: Mapped[str] = mapped_column(String(5))
    to_time: Mapped[str] = mapped_column(String(5))


class ReminderMessage(Synced, Base):
    """The message outbox (every text to a customer, not only appointment reminders; the table
    keeps its first name so synced rows keep their entity name). ``dedupe_key`` is unique, so
    the same message cannot be queued twice; ``status`` moves pending → sending → sent | failed,
    and a message is claimed (``sending``) in its own transaction before the gateway is called."""

    __tablename__ = "reminder_message"
    kind: Mapped[str] = mapped_column(String(32), default="appointment.reminder")
    # Set for appointment reminders only.
    appointment_id: Mapped[str | None] = mapped_column(String(36), index=True, nullable=True)
    customer_id: Mapped[str | None] = mapped_column(String(36), index=True, nullable=True)
    # Who sends it: the customer's consultant (their own list of messages to send).
    staff_id: Mapped[str | None] = mapped_column(String(36), index=True, nullable=True)
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    for_day: Mapped[date] = mapped_column(Date, index=True)
    gateway: Mapped[str] = mapped_column(String(32), default="")
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    sent_by_staff: Mapped[str | None] = mapped_column(String(36), nullable=True)
