"""Every question the appointments capability asks the file: bookings, their history, the
signing centre's settings, calendar and desk roster, and reminder messages.

Which statuses hold a desk or count as open is a domain rule (domain/appointments.py): callers
pass the status values in, these functions only ask."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol, cast

from sqlalchemy import Row, Select, bindparam, func, or_, select

from salesdesk.domain.appointments import AppointmentKind
from salesdesk.domain.ids import new_id
from salesdesk.store.models.appointments import (
    Appointment,
    AppointmentEvent,
    DeskRoster,
    ReminderMessage,
    SigningCentreDay,
    SigningCentreSettings,
)
from salesdesk.store.models.customer import Customer, CustomerPhone
from salesdesk.store.models.org import SalesCentre, Staff
from salesdesk.store.models.project import Unit
from salesdesk.store.queries import common, synced
from salesdesk.store.uow import UnitOfWork

# Lookups every capability shares, written once in common.py.
customer = common.customer_row
unit = common.unit_row
first_project = common.first_project

_SIGNING = AppointmentKind.SIGNING.value


# ---- bookings -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CustomerBrief:
    """What a booking needs of its customer: the tombstone, name and salutation, and the own
    phone (E.164, the first found, as booking_names takes it; None without one)."""

    deleted: bool
    name: str
    salutation: str
    phone: str | None


_CUSTOMER_BRIEF = select(
    Customer.deleted, Customer.name, Customer.salutation,
    select(CustomerPhone.e164_enc).where(
        CustomerPhone.customer_id == Customer.id, CustomerPhone.deleted.is_(False),
        CustomerPhone.label == "self").order_by(CustomerPhone.created_at).limit(1)
    .scalar_subquery()).where(Customer.id == bindparam("customer_id"))


def customer_brief(uow: UnitOfWork, customer_id: str) -> CustomerBrief | None:
    """One plain read for a booking's check and answer, far cheaper than loading the row."""
    row = synced.read(uow, _CUSTOMER_BRIEF, {"customer_id": customer_id}).first()
    if row is None:
        return None
    return CustomerBrief(bool(row[0]), row[1], row[2],
                         None if row[3] is None else uow.phones.reveal(row[3]))


def appointment(uow: UnitOfWork, appointment_id: str) -> Appointment | None:
    """The row, deleted or not (the caller decides what a tombstone means)."""
    return uow.session.get(Appointment, appointment_id)


def appointments_by_ids(uow: UnitOfWork, ids: Collection[str]) -> list[Appointment]:
    if not ids:
        return []
    return list(uow.session.scalars(select(Appointment).where(Appointment.id.in_(ids))))


def add_appointment(uow: UnitOfWork, **fields: Any) -> Appointment:
    row = Appointment(**fields)
    uow.add(row)
    uow.flush()
    return row


def insert_booking(uow: UnitOfWork, fields: dict[str, Any], reason: str, detail: str
                   ) -> Appointment:
    """A new booking and its first history step (booked), as Core inserts with their outbox
    entries (store/queries/synced.py). Returns a transient copy of the booking to read."""
    booking_id = new_id()
    rows = synced.insert_batches(uow, [
        (Appointment, [{**fields, "id": booking_id}]),
        (AppointmentEvent, [{"appointment_id": booking_id, "step": 1, "from_status": "",
                             "to_status": fields["status"], "reason": reason,
                             "detail": detail}]),
    ])
    row = rows[0]
    assert isinstance(row, Appointment)
    return row


def appointments_between(uow: UnitOfWork, start: datetime, end: datetime, *,
                         statuses: Collection[str] | None = None,
                         not_status: str | None = None,
                         consultant_id: str | None = None) -> list[Appointment]:
    """Live bookings starting in [start, end), by start time."""
    q = select(Appointment).where(Appointment.starts_at >= start, Appointment.starts_at < end,
                                  Appointment.deleted.is_(False))
    if statuses is not None:
        q = q.where(Appointment.status.in_(statuses))
    if not_status is not None:
        q = q.where(Appointment.status != not_status)
    if consultant_id is not None:
        q = q.where(Appointment.consultant_id == consultant_id)
    return list(uow.session.scalars(q.order_by(Appointment.starts_at)))


# Built once: every check-in asks it (the arriving appointment).
_CUSTOMER_BETWEEN = select(Appointment).where(
    Appointment.customer_id == bindparam("customer_id"),
    Appointment.starts_at >= bindparam("start"), Appointment.starts_at < bindparam("end"),
    Appointment.status.in_(bindparam("statuses", expanding=True)),
    Appointment.deleted.is_(False)).order_by(Appointment.starts_at)


_ANY_CUSTOMER_BETWEEN = select(Appointment.id).where(
    Appointment.customer_id == bindparam("customer_id"),
    Appointment.starts_at >= bindparam("start"), Appointment.starts_at < bindparam("end"),
    Appointment.status.in_(bindparam("statuses", expanding=True)),
    Appointment.deleted.is_(False)).limit(1)


def customer_appointments_between(uow: UnitOfWork, customer_id: str, start: datetime,
                                  end: datetime, statuses: Collection[str]) -> list[Appointment]:
    params = {"customer_id": customer_id, "start": start, "end": end,
              "statuses": list(statuses)}
    s = uow.session
    # Most walk-ins have no booking: a plain probe on the connection first, the entities only
    # when there is one. The probe skips autoflush, so it is only taken when no appointment
    # is pending or changed in this session (nothing else bears on its answer).
    if not any(isinstance(o, Appointment) for o in (*s.new, *s.dirty)) \
            and s.connection().execute(_ANY_CUSTOMER_BETWEEN, params).first() is None:
        return []
    return list(s.scalars(_CUSTOMER_BETWEEN, params))


def consultant_appointments_near(uow: UnitOfWork, consultant_id: str, after: datetime,
                                 before: datetime, statuses: Collection[str]
                                 ) -> list[Appointment]:
    """A consultant's live bookings starting strictly between ``after`` and ``before``."""
    return list(uow.session.scalars(select(Appointment).where(
        Appointment.consultant_id == consultant_id, Appointment.deleted.is_(False),
        Appointment.status.in_(statuses),
        Appointment.starts_at < before, Appointment.starts_at > after)))


def signings_between(uow: UnitOfWork, start: datetime, end: datetime,
                     statuses: Collection[str]) -> list[Appointment]:
    return list(uow.session.scalars(select(Appointment).where(
        Appointment.kind == _SIGNING, Appointment.starts_at >= start,
        Appointment.starts_at < end, Appointment.status.in_(statuses),
        Appointment.deleted.is_(False))))


def signing_desks_between(uow: UnitOfWork, start: datetime, end: datetime,
                          statuses: Collection[str]) -> list[int | None]:
    return list(uow.session.scalars(select(Appointment.desk_no).where(
        Appointment.kind == _SIGNING, Appointment.starts_at >= start,
        Appointment.starts_at < end, Appointment.status.in_(statuses),
        Appointment.deleted.is_(False))))


# Built once per set of statuses: every signing booking asks it, inside its write
# transaction. One read of the (kind, starts_at) index; the statuses as plain parameters (an
# expanding IN is rewritten on every execution).
_DESKS_TAKEN_AT: dict[tuple[str, ...], Select[int | None]] = {}


def desks_taken_at(uow: UnitOfWork, slot_start: datetime,
                   statuses: Collection[str]) -> list[int]:
    key = tuple(statuses)
    if key not in _DESKS_TAKEN_AT:
        _DESKS_TAKEN_AT[key] = select(Appointment.desk_no).where(
            Appointment.kind == _SIGNING, Appointment.starts_at == bindparam("slot_start"),
            or_(*(Appointment.status == s for s in key)), Appointment.deleted.is_(False))
    return [d for d in synced.read(uow, _DESKS_TAKEN_AT[key],
                                   {"slot_start": slot_start}).scalars() if d is not None]


def signings_per_slot(uow: UnitOfWork, first: datetime, last: datetime,
                      statuses: Collection[str]) -> dict[datetime, int]:
    rows = uow.session.execute(select(Appointment.starts_at, func.count()).where(
        Appointment.kind == _SIGNING, Appointment.starts_at >= first,
        Appointment.starts_at < last, Appointment.status.in_(statuses),
        Appointment.deleted.is_(False)).group_by(Appointment.starts_at)).all()
    return {t: n for t, n in rows}


def _signings_excluding(start: datetime, end: datetime,
                        excluded: Collection[str]) -> Select[Appointment]:
    return select(Appointment).where(
        Appointment.kind == _SIGNING, Appointment.starts_at >= start,
        Appointment.starts_at < end, Appointment.deleted.is_(False),
        Appointment.status.not_in(excluded)).order_by(
        Appointment.starts_at, Appointment.desk_no)


def signings_on(uow: UnitOfWork, start: datetime, end: datetime,
                excluded: Collection[str]) -> list[Appointment]:
    """Live signings in [start, end) whose status is not excluded, by time and desk."""
    return list(uow.session.scalars(_signings_excluding(start, end, excluded)))


def first_signing_for(uow: UnitOfWork, customer_id: str, unit_id: str | None, start: datetime,
                      end: datetime, excluded: Collection[str]) -> Appointment | None:
    """The customer's first such signing, for that unit or for no unit in particular."""
    q = _signings_excluding(start, end, excluded).where(Appointment.customer_id == customer_id)
    if unit_id is not None:
        q = q.where((Appointment.unit_id.is_(None)) | (Appointment.unit_id == unit_id))
    return uow.session.scalars(q.limit(1)).first()


def consultant_statuses_between(uow: UnitOfWork, start: datetime, end: datetime
                                ) -> list[tuple[str, datetime, str]]:
    """(consultant id, start, status) of every live booking with a consultant."""
    rows = uow.session.execute(select(
        Appointment.consultant_id, Appointment.starts_at, Appointment.status).where(
        Appointment.starts_at >= start, Appointment.starts_at < end,
        Appointment.deleted.is_(False), Appointment.consultant_id.is_not(None))).all()
    return [(str(c), at, status) for c, at, status in rows]


# ---- history --------------------------------------------------------------------------------


def event_count(uow: UnitOfWork, appointment_id: str) -> int:
    return int(uow.session.scalar(select(func.count()).select_from(AppointmentEvent).where(
        AppointmentEvent.appointment_id == appointment_id)) or 0)


def add_event_row(uow: UnitOfWork, **fields: Any) -> AppointmentEvent:
    row = AppointmentEvent(**fields)
    uow.add(row)
    return row


def events_of(uow: UnitOfWork, appointment_ids: Collection[str]) -> list[AppointmentEvent]:
    return list(uow.session.scalars(select(AppointmentEvent).where(
        AppointmentEvent.appointment_id.in_(appointment_ids))))


# ---- what a booking shows -------------------------------------------------------------------


@dataclass
class BookingNames:
    """The names around a batch of bookings: customer (name, salutation), consultant, unit
    number, and the customer's own phone (E.164, the first found)."""

    customers: dict[str, tuple[str, str]] = field(default_factory=dict)
    staff: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    phones: dict[str, str] = field(default_factory=dict)


def booking_names(uow: UnitOfWork, rows: list[Appointment]) -> BookingNames:
    """A handful of queries for a board or agenda, not one per row. One row (a booking's
    answer) takes its customer, consultant and unit from the session's identity map, which
    the checks before it have already filled."""
    s = uow.session
    out = BookingNames()
    if len(rows) == 1:
        r0 = rows[0]
        c0 = s.get(Customer, r0.customer_id)
        if c0 is not None:
            out.customers[c0.id] = (c0.name, c0.salutation)
        st = s.get(Staff, r0.consultant_id) if r0.consultant_id else None
        if st is not None:
            out.staff[st.id] = st.name
        u0 = s.get(Unit, r0.unit_id) if r0.unit_id else None
        if u0 is not None:
            out.units[u0.id] = u0.number
    elif rows:
        # Plain columns, not entities: a board or a week is read often and must stay cheap.
        out.customers = {i: (n, sal) for i, n, sal in s.execute(
            select(Customer.id, Customer.name, Customer.salutation).where(
                Customer.id.in_({r.customer_id for r in rows})))}
        staff_ids = {r.consultant_id for r in rows if r.consultant_id}
        if staff_ids:
            out.staff = dict(s.execute(select(Staff.id, Staff.name).where(
                Staff.id.in_(staff_ids))).all())
        unit_ids = {r.unit_id for r in rows if r.unit_id}
        if unit_ids:
            out.units = dict(s.execute(select(Unit.id, Unit.number).where(
                Unit.id.in_(unit_ids))).all())
    if rows:
        for cid, sealed in s.execute(select(CustomerPhone.customer_id, CustomerPhone.e164_enc)
                                     .where(CustomerPhone.customer_id.in_(out.customers),
                                            CustomerPhone.deleted.is_(False),
                                            CustomerPhone.label == "self")
                                     .order_by(CustomerPhone.created_at)):
            if cid not in out.phones:
                out.phones[cid] = uow.phones.reveal(sealed)
    return out


def first_sales_centre(uow: UnitOfWork) -> SalesCentre | None:
    return uow.session.scalar(select(SalesCentre).where(SalesCentre.deleted.is_(False)).limit(1))


def active_staff(uow: UnitOfWork, *, roles: Collection[str] | None = None,
                 not_role: str | None = None) -> list[Staff]:
    """Active, live staff by code: of the given roles, or of every role but one."""
    q = select(Staff).where(Staff.deleted.is_(False), Staff.active.is_(True))
    if roles is not None:
        q = q.where(Staff.role.in_(roles))
    if not_role is not None:
        q = q.where(Staff.role != not_role)
    return list(uow.session.scalars(q.order_by(Staff.code)))


# ---- the signing centre ---------------------------------------------------------------------


def centre_settings(uow: UnitOfWork) -> SigningCentreSettings | None:
    """The latest live settings row (a synced file may hold more than one)."""
    return uow.session.scalar(select(SigningCentreSettings).where(
        SigningCentreSettings.deleted.is_(False)).order_by(
        SigningCentreSettings.created_at.desc()).limit(1))


_SETTINGS_VALUES = select(
    SigningCentreSettings.opens, SigningCentreSettings.closes,
    SigningCentreSettings.slot_minutes, SigningCentreSettings.desks,
    SigningCentreSettings.closed_weekdays, SigningCentreSettings.place,
    SigningCentreSettings.min_notice_minutes, SigningCentreSettings.window_days,
    SigningCentreSettings.buffer_minutes, SigningCentreSettings.visit_opens,
    SigningCentreSettings.visit_closes).where(
    SigningCentreSettings.deleted.is_(False)).order_by(
    SigningCentreSettings.created_at.desc()).limit(1)


class SettingsValues(Protocol):
    """The settings' values, as ``centre_settings_values`` returns them."""

    opens: str
    closes: str
    slot_minutes: int
    desks: int
    closed_weekdays: str
    place: str
    min_notice_minutes: int
    window_days: int
    buffer_minutes: int
    visit_opens: str
    visit_closes: str


def centre_settings_values(uow: UnitOfWork) -> SettingsValues | None:
    """``centre_settings``'s values alone, by the same names (every booking reads them)."""
    return cast("SettingsValues | None", synced.read(uow, _SETTINGS_VALUES).first())


def add_centre_settings(uow: UnitOfWork) -> SigningCentreSettings:
    row = SigningCentreSettings()
    uow.add(row)
    return row


def centre_day(uow: UnitOfWork, day: date) -> SigningCentreDay | None:
    """The day's latest live override, if any."""
    return uow.session.scalar(select(SigningCentreDay).where(
        SigningCentreDay.day == day, SigningCentreDay.deleted.is_(False)).order_by(
        SigningCentreDay.updated_at.desc()).limit(1))


def add_centre_day(uow: UnitOfWork, day: date) -> SigningCentreDay:
    row = SigningCentreDay(day=day)
    uow.add(row)
    return row


_CENTRE_DAYS = select(
    SigningCentreDay.day, SigningCentreDay.closed, SigningCentreDay.desks,
    SigningCentreDay.opens, SigningCentreDay.closes, SigningCentreDay.note).where(
    SigningCentreDay.day >= bindparam("first"), SigningCentreDay.day <= bindparam("last"),
    SigningCentreDay.deleted.is_(False)).order_by(SigningCentreDay.updated_at)


class CentreDayValues(Protocol):
    """A day override's values, as ``centre_days`` returns them."""

    day: date
    closed: bool
    desks: int | None
    opens: str
    closes: str
    note: str


def centre_days(uow: UnitOfWork, first: date, last: date) -> list[CentreDayValues]:
    """Live overrides of days in [first, last], oldest edit first: their values (day, closed,
    desks, opens, closes, note)."""
    return cast(list[CentreDayValues],
                list(synced.read(uow, _CENTRE_DAYS, {"first": first, "last": last})))


_ROSTER_OF = select(DeskRoster.id, DeskRoster.desk_no, DeskRoster.staff_id,
                    DeskRoster.from_time, DeskRoster.to_time).where(
    DeskRoster.day == bindparam("day"), DeskRoster.deleted.is_(False)).order_by(
    DeskRoster.desk_no, DeskRoster.from_time)
_ROSTER_OF_DESK = _ROSTER_OF.where(DeskRoster.desk_no == bindparam("desk_no"))


def roster_of(uow: UnitOfWork, day: date, desk_no: int | None = None) -> list[Row[Any]]:
    """The day's live roster entries (id, desk_no, staff_id, from_time, to_time), of one desk
    or all (every signing booking asks for its desk's)."""
    if desk_no is None:
        return list(synced.read(uow, _ROSTER_OF, {"day": day}))
    return list(synced.read(uow, _ROSTER_OF_DESK, {"day": day, "desk_no": desk_no}))


def roster_entry(uow: UnitOfWork, roster_id: str) -> DeskRoster | None:
    return uow.session.get(DeskRoster, roster_id)


def add_roster(uow: UnitOfWork, **fields: Any) -> DeskRoster:
    row = DeskRoster(**fields)
    uow.add(row)
    uow.flush()
    return row


# ---- reminders ------------------------------------------------------------------------------


def reminder_messages_for(uow: UnitOfWork, appointment_ids: Iterable[str]
                          ) -> list[ReminderMessage]:
    return list(uow.session.scalars(select(ReminderMessage).where(
        ReminderMessage.appointment_id.in_(list(appointment_ids)),
        ReminderMessage.deleted.is_(False))))


def reminder_messages_in(uow: UnitOfWork, kind: str, statuses: Collection[str]
                         ) -> list[ReminderMessage]:
    """Live messages of a kind in the given states, by day."""
    return list(uow.session.scalars(select(ReminderMessage).where(
        ReminderMessage.kind == kind, ReminderMessage.status.in_(statuses),
        ReminderMessage.deleted.is_(False)).order_by(ReminderMessage.for_day)))
