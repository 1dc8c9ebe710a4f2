"""The appointments facade the container and the screens hold: one object whose methods are
the capability's use cases (booking, lifecycle, agenda and board, roster, figures)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from salesdesk.domain.appointments import AppointmentStatus, BookingRules
from salesdesk.domain.roles import Actor
from salesdesk.domain.signing_slots import CentreSettings, DayPlan, FreeSlot
from salesdesk.services.appointments import agenda, booking, figures, lifecycle, roster
from salesdesk.services.appointments import centre as signing_centre
from salesdesk.services.appointments.hooks import Arrivals, SigningScheduleImpl
from salesdesk.services.appointments.results import (
    AppointmentInfo,
    Booking,
    CalendarDay,
    DayBoard,
    HistoryEntry,
    NoShowFigure,
    RosterEntry,
    SettingsInfo,
    StaffChoice,
)
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.services.appointments.infos import Notify
    from salesdesk.store.database import Database
    from salesdesk.store.models.appointments import Appointment

S = AppointmentStatus


class AppointmentService:
    def __init__(self, db: Database) -> None:
        self._db = db
        # (uow, what, row, reason) after a signing is booked ("booked") or an appointment
        # changes status (the new status): wired to customer care in services/container.py.
        self.listeners: list[Notify] = []

    def _notify(self, uow: UnitOfWork, what: str, row: Appointment, reason: str = "") -> None:
        """Tell other capabilities (customer care's follow-up plan) in the same transaction."""
        for listener in self.listeners:
            listener(uow, what, row, reason)

    # -- the signing centre: settings, calendar, roster -----------------------------------------

    def settings(self, actor: Actor) -> SettingsInfo:
        return signing_centre.settings(self._db, actor)

    def update_settings(self, actor: Actor, centre: CentreSettings, rules: BookingRules) -> None:
        signing_centre.update_settings(self._db, actor, centre, rules)

    def set_day(self, actor: Actor, day: date, *, closed: bool = False, desks: int | None = None,
                opens: str = "", closes: str = "", note: str = "") -> CalendarDay:
        """A holiday (closed) or a day with other hours or more desks (e.g. opening day)."""
        return signing_centre.set_day(self._db, actor, day, closed=closed, desks=desks,
                                      opens=opens, closes=closes, note=note)

    def day_plan(self, actor: Actor, day: date) -> DayPlan:
        return signing_centre.day_plan(self._db, actor, day)

    def set_roster(self, actor: Actor, day: date, desk_no: int, staff_id: str,
                   from_time: str, to_time: str) -> RosterEntry:
        return roster.set_roster(self._db, actor, day, desk_no, staff_id, from_time, to_time)

    def remove_roster(self, actor: Actor, roster_id: str) -> None:
        roster.remove_roster(self._db, actor, roster_id)

    def consultants(self, actor: Actor) -> list[StaffChoice]:
        return roster.consultants(self._db, actor)

    def staff_for_roster(self, actor: Actor) -> list[StaffChoice]:
        return roster.staff_for_roster(self._db, actor)

    # -- booking ----------------------------------------------------------------------------

    def book_visit(self, actor: Actor, *, customer_id: str, consultant_id: str,
                   starts_at: datetime, minutes: int = 60, notes: str = "",
                   unit_id: str | None = None) -> Booking:
        return booking.book_visit(self._db, actor, customer_id=customer_id,
                                  consultant_id=consultant_id, starts_at=starts_at,
                                  minutes=minutes, notes=notes, unit_id=unit_id)

    def book_signing(self, actor: Actor, *, customer_id: str, starts_at: datetime,
                     consultant_id: str | None = None, unit_id: str | None = None,
                     notes: str = "") -> Booking:
        """Take a desk in a signing slot; SlotFull (a Conflict) offers the nearest free slots."""
        return booking.book_signing(self._db, self._notify, actor, customer_id=customer_id,
                                    starts_at=starts_at, consultant_id=consultant_id,
                                    unit_id=unit_id, notes=notes)

    def free_slots(self, actor: Actor, near: datetime, limit: int = 5) -> list[FreeSlot]:
        return booking.free_slots(self._db, actor, near, limit)

    # -- lifecycle --------------------------------------------------------------------------

    def confirm(self, actor: Actor, appointment_id: str) -> AppointmentInfo:
        return lifecycle.change(self._db, self._notify, actor, appointment_id, S.CONFIRMED)

    def cancel(self, actor: Actor, appointment_id: str, reason: str) -> AppointmentInfo:
        return lifecycle.change(self._db, self._notify, actor, appointment_id, S.CANCELLED,
                                reason)

    def mark_no_show(self, actor: Actor, appointment_id: str) -> AppointmentInfo:
        return lifecycle.change(self._db, self._notify, actor, appointment_id, S.NO_SHOW)

    def complete(self, actor: Actor, appointment_id: str) -> AppointmentInfo:
        return lifecycle.change(self._db, self._notify, actor, appointment_id, S.COMPLETED)

    def arrive(self, actor: Actor, appointment_id: str) -> AppointmentInfo:
        return lifecycle.change(self._db, self._notify, actor, appointment_id, S.ARRIVED)

    def reschedule(self, actor: Actor, appointment_id: str, new_starts_at: datetime,
                   reason: str, minutes: int | None = None) -> Booking:
        """The old booking becomes ``rescheduled`` (its history kept) and a new one points back
        at it; both happen in one transaction, so a full slot changes nothing."""
        return lifecycle.reschedule(self._db, self._notify, actor, appointment_id,
                                    new_starts_at, reason, minutes)

    # -- reading ----------------------------------------------------------------------------

    def get(self, actor: Actor, appointment_id: str) -> AppointmentInfo:
        return agenda.get(self._db, actor, appointment_id)

    def history(self, actor: Actor, appointment_id: str) -> list[HistoryEntry]:
        """Every step, following reschedules back to the first booking."""
        return agenda.history(self._db, actor, appointment_id)

    def agenda(self, actor: Actor, consultant_id: str | None, first_day: date,
               days: int = 1) -> list[AppointmentInfo]:
        """A consultant's day (days=1) or week (days=7); None = everyone (supervisor)."""
        return agenda.agenda(self._db, actor, consultant_id, first_day, days)

    def day_board(self, actor: Actor, day: date) -> DayBoard:
        return agenda.day_board(self._db, actor, day)

    def ics(self, actor: Actor, appointment_id: str) -> str:
        """An .ics file for the consultant's own calendar (no phone numbers in it)."""
        return agenda.ics(self._db, actor, appointment_id)

    def no_show_figures(self, actor: Actor, last_day: date, weeks: int = 4
                        ) -> list[NoShowFigure]:
        """Per consultant and week (Monday first): appointments due, no-shows, cancellations."""
        return figures.no_show_figures(self._db, actor, last_day, weeks)

    # -- hooks for other capabilities --------------------------------------------------------

    def arrivals(self) -> Arrivals:
        return Arrivals()

    def signing_schedule(self) -> SigningScheduleImpl:
        return SigningScheduleImpl(self._db)
