"""What other capabilities ask of appointments, through the Protocols in services/hooks.py:
reception's check-in finds today's bookings, signing materials finds the day's signings."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from salesdesk.domain.appointments import (
    OPEN_STATUSES,
    AppointmentKind,
    AppointmentStatus,
    check_transition,
)
from salesdesk.domain.errors import NotFound
from salesdesk.domain.local_time import day_bounds, local_day
from salesdesk.domain.signing_slots import desk_label
from salesdesk.services import audit
from salesdesk.services.appointments.infos import add_event
from salesdesk.services.hooks import ArrivingAppointment, SigningBooking
from salesdesk.store.queries import appointments as q
from salesdesk.store.queries.common import staff_names
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.database import Database
    from salesdesk.store.models.appointments import Appointment

S = AppointmentStatus
K = AppointmentKind
_OPEN = [s.value for s in OPEN_STATUSES]
# A signing that no longer takes place: not on the day's list, no checklist printed for it.
_GONE = [S.CANCELLED.value, S.RESCHEDULED.value]


class Arrivals:
    """AppointmentArrivals for reception's check-in: runs inside the caller's unit of work."""

    def todays_for_customer(self, uow: UnitOfWork, customer_id: str,
                            now: datetime) -> list[ArrivingAppointment]:
        start, end = day_bounds(local_day(now))
        rows = q.customer_appointments_between(uow, customer_id, start, end, _OPEN)
        names = staff_names(uow, (r.consultant_id for r in rows))
        out = []
        for r in rows:
            signing = r.kind == K.SIGNING.value
            out.append(ArrivingAppointment(
                r.id, r.kind, r.consultant_id, r.starts_at,
                r.desk_no if signing else None,
                "" if signing else names.get(r.consultant_id or "", "")))
        return out

    def mark_arrived(self, uow: UnitOfWork, appointment_id: str) -> None:
        row = q.appointment(uow, appointment_id)
        if row is None or row.deleted:
            raise NotFound("没有这个预约", en="No such appointment")
        current = S(row.status)
        check_transition(current, S.ARRIVED)
        row.status = S.ARRIVED.value
        add_event(uow, row.id, current.value, S.ARRIVED.value, "", "前台签到")
        audit.record(uow, "appointment.arrived", "appointment", row.id)


class SigningScheduleImpl:
    """SigningSchedule for signing-materials batch printing."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def signings_on(self, day: date) -> list[SigningBooking]:
        start, end = day_bounds(day)
        with self._db.reader(None) as uow:
            return [_signing_booking(r) for r in q.signings_on(uow, start, end, _GONE)]

    def next_signing_for(self, customer_id: str, unit_id: str | None, first_day: date,
                         days: int) -> SigningBooking | None:
        # One indexed read by customer: the day-by-day scan it replaces was most of the time
        # a checklist PDF took (14 reads for a customer with no booking).
        start, end = day_bounds(first_day)[0], day_bounds(first_day + timedelta(days=days - 1))[1]
        with self._db.reader(None) as uow:
            row = q.first_signing_for(uow, customer_id, unit_id, start, end, _GONE)
            return None if row is None else _signing_booking(row)


def _signing_booking(r: Appointment) -> SigningBooking:
    return SigningBooking(r.id, r.customer_id, r.unit_id, r.consultant_id, r.starts_at,
                          desk_label(r.desk_no or 0), r.status)
