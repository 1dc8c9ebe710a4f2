"""Appointments: book visits and signing slots, move them through their lifecycle, and show a
consultant's agenda and the signing centre's day board.

Signing capacity is checked inside the write transaction, which starts with BEGIN IMMEDIATE
(store/database.py): the count of taken desks and the insert cannot be overtaken by another
writer, on this device or another process on the same file."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, func, select

from salesdesk.domain.appointments import (
    HOLDING_STATUSES,
    KIND_LABELS_ZH,
    OPEN_STATUSES,
    STATUS_LABELS_ZH,
    AppointmentKind,
    AppointmentStatus,
    BookingRules,
    Busy,
    check_buffer,
    check_transition,
    needs_reason,
    validate_length,
    validate_times,
    validate_visit_hours,
    week_start,
)
from salesdesk.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from salesdesk.domain.ics import CalendarEvent, to_ics
from salesdesk.domain.local_time import as_utc, day_bounds, local, local_day
from salesdesk.domain.phone import mask_phone
from salesdesk.domain.roles import Actor, Permission, Role
from salesdesk.domain.salutation import public_salutation
from salesdesk.domain.signing_slots import (
    CentreSettings,
    DayOverride,
    DayPlan,
    FreeSlot,
    Slot,
    desk_label,
    free_desk,
    nearest_free,
    parse_hhmm,
    plan_for,
    slot_at,
    slot_full,
    validate_settings,
)
from salesdesk.services import audit
from salesdesk.services.care.escalation_notes import escalation_notes
from salesdesk.services.hooks import ArrivingAppointment, SigningBooking
from salesdesk.services.unit_sale import require_signable
from salesdesk.store.database import Database
from salesdesk.store.models.appointments import (
    Appointment,
    AppointmentEvent,
    DeskRoster,
    SigningCentreDay,
    SigningCentreSettings,
)
from salesdesk.store.models.customer import Customer, CustomerPhone
from salesdesk.store.models.org import SalesCentre, Staff
from salesdesk.store.models.project import Unit
from salesdesk.store.uow import UnitOfWork

S = AppointmentStatus
K = AppointmentKind
_HOLDING = [s.value for s in HOLDING_STATUSES]
_OPEN = [s.value for s in OPEN_STATUSES]
BOOKABLE_ROLES = {Role.CONSULTANT.value, Role.SENIOR_CONSULTANT.value, Role.SUPERVISOR.value}


# ---- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AppointmentInfo:
    id: str
    kind: AppointmentKind
    status: AppointmentStatus
    customer_id: str
    customer_name: str
    customer_salutation: str
    customer_phone_masked: str
    consultant_id: str | None
    consultant_name: str
    unit_id: str | None
    unit_number: str
    starts_at: datetime
    ends_at: datetime
    desk_no: int | None
    notes: str
    rescheduled_from_id: str | None
    # A signing booking's customer with an open follow-up escalation: resolve before signing.
    open_escalations: tuple[str, ...] = ()

    @property
    def status_label(self) -> str:
        return STATUS_LABELS_ZH[self.status]

    @property
    def kind_label(self) -> str:
        return KIND_LABELS_ZH[self.kind]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def public_salutation(self) -> str:
        """What a board others can see may show: 王先生, or "" (domain.salutation)."""
        return public_salutation(self.customer_salutation) or ""


@dataclass(frozen=True)
class Booking:
    appointment: AppointmentInfo
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    from_status: str
    to_status: str
    reason: str
    detail: str
    staff_name: str
    appointment_id: str


@dataclass(frozen=True)
class RosterEntry:
    id: str
    desk_no: int
    staff_id: str
    staff_name: str
    from_time: str
    to_time: str


@dataclass(frozen=True)
class BoardCell:
    desk_no: int
    state: str  # free | booked | confirmed | arrived | completed | no_show
    appointment: AppointmentInfo | None
    staff_name: str  # who staffs the desk during this slot ("" = nobody rostered)


@dataclass(frozen=True)
class BoardRow:
    slot: Slot
    cells: tuple[BoardCell, ...]

    @property
    def free(self) -> int:
        return sum(1 for c in self.cells if c.appointment is None)


@dataclass(frozen=True)
class DayBoard:
    plan: DayPlan
    rows: tuple[BoardRow, ...]
    roster: tuple[RosterEntry, ...]
    place: str


@dataclass(frozen=True)
class SettingsInfo:
    centre: CentreSettings
    rules: BookingRules


@dataclass(frozen=True)
class CalendarDay:
    day: date
    closed: bool
    desks: int | None
    opens: str
    closes: str
    note: str


@dataclass(frozen=True)
class NoShowFigure:
    consultant_id: str
    consultant_name: str
    week: date  # Monday
    due: int  # appointments whose time has passed (arrived, completed or no-show)
    no_shows: int
    cancelled: int

    @property
    def rate(self) -> float:
        return self.no_shows / self.due if self.due else 0.0


@dataclass(frozen=True)
class StaffChoice:
    id: str
    code: str
    name: str
    phone: str


# ---- loading helpers (also used by reminders) ------------------------------------------------


def load_settings(uow: UnitOfWork) -> tuple[CentreSettings, BookingRules]:
    row = _settings_row(uow)
    if row is None:
        return CentreSettings(), BookingRules()
    centre = CentreSettings(
        opens=parse_hhmm(row.opens), closes=parse_hhmm(row.closes),
        slot_minutes=row.slot_minutes, desks=row.desks,
        closed_weekdays=frozenset(int(d) for d in json.loads(row.closed_weekdays or "[]")),
        place=row.place,
    )
    rules = BookingRules(row.min_notice_minutes, row.window_days, row.buffer_minutes,
                         parse_hhmm(row.visit_opens), parse_hhmm(row.visit_closes))
    return centre, rules


def _settings_row(uow: UnitOfWork) -> SigningCentreSettings | None:
    return uow.session.scalar(select(SigningCentreSettings).where(
        SigningCentreSettings.deleted.is_(False)).order_by(
        SigningCentreSettings.created_at.desc()).limit(1))


def _day_row(uow: UnitOfWork, day: date) -> SigningCentreDay | None:
    return uow.session.scalar(select(SigningCentreDay).where(
        SigningCentreDay.day == day, SigningCentreDay.deleted.is_(False)).order_by(
        SigningCentreDay.updated_at.desc()).limit(1))


def _override(row: SigningCentreDay | None) -> DayOverride | None:
    if row is None:
        return None
    return DayOverride(row.day, row.closed, row.desks,
                       parse_hhmm(row.opens) if row.opens else None,
                       parse_hhmm(row.closes) if row.closes else None, row.note)


def load_plans(uow: UnitOfWork, first: date, last: date,
               centre: CentreSettings) -> list[DayPlan]:
    rows = uow.session.scalars(select(SigningCentreDay).where(
        SigningCentreDay.day >= first, SigningCentreDay.day <= last,
        SigningCentreDay.deleted.is_(False)).order_by(SigningCentreDay.updated_at)).all()
    by_day = {r.day: r for r in rows}  # the latest edit of a day wins
    out = []
    d = first
    while d <= last:
        out.append(plan_for(d, centre, _override(by_day.get(d))))
        d += timedelta(days=1)
    return out


def staff_names(uow: UnitOfWork, ids: Iterable[str | None]) -> dict[str, Staff]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return {s.id: s for s in uow.session.scalars(select(Staff).where(Staff.id.in_(wanted)))}


def appointment_infos(uow: UnitOfWork, rows: list[Appointment]) -> list[AppointmentInfo]:
    """Batch-load names so a board or agenda costs a handful of queries, not one per row.
    One row (a booking's answer) takes its customer, consultant and unit from the session's
    identity map, which the checks before it have already filled."""
    s = uow.session
    customers: dict[str, tuple[str, str]] = {}  # id -> (name, salutation)
    staff: dict[str, str] = {}  # id -> name
    units: dict[str, str] = {}  # id -> number
    if len(rows) == 1:
        r0 = rows[0]
        c0 = s.get(Customer, r0.customer_id)
        if c0 is not None:
            customers[c0.id] = (c0.name, c0.salutation)
        st = s.get(Staff, r0.consultant_id) if r0.consultant_id else None
        if st is not None:
            staff[st.id] = st.name
        u0 = s.get(Unit, r0.unit_id) if r0.unit_id else None
        if u0 is not None:
            units[u0.id] = u0.number
    elif rows:
        # Plain columns, not entities: a board or a week is read often and must stay cheap.
        customers = {i: (n, sal) for i, n, sal in s.execute(
            select(Customer.id, Customer.name, Customer.salutation).where(
                Customer.id.in_({r.customer_id for r in rows})))}
        staff_ids = {r.consultant_id for r in rows if r.consultant_id}
        if staff_ids:
            staff = dict(s.execute(select(Staff.id, Staff.name).where(
                Staff.id.in_(staff_ids))).all())
        unit_ids = {r.unit_id for r in rows if r.unit_id}
        if unit_ids:
            units = dict(s.execute(select(Unit.id, Unit.number).where(
                Unit.id.in_(unit_ids))).all())
    phones: dict[str, str] = {}
    if rows:
        for cid, e164 in s.execute(select(CustomerPhone.customer_id, CustomerPhone.e164).where(
                CustomerPhone.customer_id.in_(customers), CustomerPhone.deleted.is_(False),
                CustomerPhone.label == "self")):
            phones.setdefault(cid, e164)
    escalations = escalation_notes(
        uow, {r.customer_id for r in rows if r.kind == K.SIGNING.value}) if rows else {}
    out = []
    for r in rows:
        name, salutation = customers.get(r.customer_id, ("", ""))
        salutation = salutation or (name[:1] + "先生/女士" if name else "客户")
        phone = phones.get(r.customer_id)
        out.append(AppointmentInfo(
            r.id, K(r.kind), S(r.status), r.customer_id, name or salutation, salutation,
            mask_phone(phone) if phone else "", r.consultant_id,
            staff.get(r.consultant_id or "", ""),
            r.unit_id, units.get(r.unit_id or "", ""), r.starts_at, r.ends_at, r.desk_no,
            r.notes, r.rescheduled_from_id,
            escalations.get(r.customer_id, ()) if r.kind == K.SIGNING.value else ()))
    return out


def _wall_clock(slot: Slot) -> tuple[str, str]:
    """A slot's local "HH:MM" bounds, comparable with roster hours (midnight ends at 24:00)."""
    start, end = f"{local(slot.starts_at):%H:%M}", f"{local(slot.ends_at):%H:%M}"
    return start, "24:00" if end == "00:00" else end


def add_event(uow: UnitOfWork, appointment_id: str, from_status: str, to_status: str,
              reason: str = "", detail: str = "") -> None:
    """Append one history step. Writers are serialised (BEGIN IMMEDIATE), so the count is
    the true next step number; a new booking's first step needs no count."""
    step = 1 if not from_status else int(uow.session.scalar(
        select(func.count()).select_from(AppointmentEvent).where(
            AppointmentEvent.appointment_id == appointment_id)) or 0) + 1
    uow.add(AppointmentEvent(appointment_id=appointment_id, step=step, from_status=from_status,
                             to_status=to_status, reason=reason, detail=detail))


def centre_place(uow: UnitOfWork, centre: CentreSettings, kind: AppointmentKind) -> str:
    sc = uow.session.scalar(select(SalesCentre).where(SalesCentre.deleted.is_(False)).limit(1))
    address = sc.address if sc else ""
    name = sc.name if sc else ""
    if kind == K.SIGNING:
        return f"{centre.place}（{address}）" if address else centre.place
    return f"{name}（{address}）" if address else (name or "售楼处")


# ---- the service ----------------------------------------------------------------------------


class AppointmentService:
    def __init__(self, db: Database) -> None:
        self._db = db
        # (uow, what, row, reason) after a signing is booked ("booked") or an appointment
        # changes status (the new status): wired to customer care in services/container.py.
        self.listeners: list[Callable[[UnitOfWork, str, Appointment, str], None]] = []

    # -- settings and calendar -------------------------------------------------------------

    def settings(self, actor: Actor) -> SettingsInfo:
        actor.require(Permission.BOOK_APPOINTMENT)
        with self._db.reader(actor) as uow:
            centre, rules = load_settings(uow)
            return SettingsInfo(centre, rules)

    def update_settings(self, actor: Actor, centre: CentreSettings, rules: BookingRules) -> None:
        actor.require(Permission.MANAGE_SIGNING_CENTRE)
        validate_settings(centre)
        if rules.min_notice_minutes < 0 or rules.window_days < 1 or rules.buffer_minutes < 0:
            raise ValidationError("预约规则数值无效", en="Invalid booking rule values")
        if rules.visit_closes <= rules.visit_opens:
            raise ValidationError("营业结束时间须晚于开始时间",
                                  en="Closing must be after opening", field="visit_closes")
        with self._db.uow(actor) as uow:
            row = _settings_row(uow)
            if row is None:
                row = SigningCentreSettings()
                uow.add(row)
            row.opens, row.closes = f"{centre.opens:%H:%M}", f"{centre.closes:%H:%M}"
            row.slot_minutes, row.desks, row.place = centre.slot_minutes, centre.desks, centre.place
            row.closed_weekdays = json.dumps(sorted(centre.closed_weekdays))
            row.min_notice_minutes = rules.min_notice_minutes
            row.window_days = rules.window_days
            row.buffer_minutes = rules.buffer_minutes
            row.visit_opens = f"{rules.visit_opens:%H:%M}"
            row.visit_closes = f"{rules.visit_closes:%H:%M}"
            audit.record(uow, "signing_centre.settings", "signing_centre_settings", "")
            uow.commit()

    def set_day(self, actor: Actor, day: date, *, closed: bool = False, desks: int | None = None,
                opens: str = "", closes: str = "", note: str = "") -> CalendarDay:
        """A holiday (closed) or a day with other hours or more desks (e.g. opening day)."""
        actor.require(Permission.MANAGE_SIGNING_CENTRE)
        if desks is not None and not 0 <= desks <= 50:
            raise ValidationError("签约台数须在 0 到 50 之间", en="Desks must be 0 to 50",
                                  field="desks")
        if opens and closes and parse_hhmm(closes) <= parse_hhmm(opens):
            raise ValidationError("关门时间须晚于开门时间", en="Closing must be after opening",
                                  field="closes")
        with self._db.uow(actor) as uow:
            start, end = day_bounds(day)
            taken = [d or 0 for d in uow.session.scalars(select(Appointment.desk_no).where(
                Appointment.kind == K.SIGNING.value, Appointment.starts_at >= start,
                Appointment.starts_at < end, Appointment.status.in_(_OPEN),
                Appointment.deleted.is_(False)))]
            # Bookings are never silently orphaned: move or cancel them first.
            if taken and (closed or (desks is not None and desks < max(taken))):
                raise Conflict(
                    f"{day} 已有 {len(taken)} 个签约预约，请先改期或取消后再关闭或减少签约台",
                    en=f"{day} has {len(taken)} signing bookings; reschedule or cancel them "
                       "before closing the day or removing desks", field="closed")
            row = _day_row(uow, day)
            if row is None:
                row = SigningCentreDay(day=day)
                uow.add(row)
            row.closed, row.desks, row.opens, row.closes, row.note = (closed, desks, opens,
                                                                      closes, note.strip())
            audit.record(uow, "signing_centre.day", "signing_centre_day", "", f"{day}")
            uow.commit()
            return CalendarDay(day, closed, desks, opens, closes, note.strip())

    def day_plan(self, actor: Actor, day: date) -> DayPlan:
        actor.require(Permission.BOOK_APPOINTMENT)
        with self._db.reader(actor) as uow:
            centre, _ = load_settings(uow)
            return load_plans(uow, day, day, centre)[0]

    # -- roster ----------------------------------------------------------------------------

    def set_roster(self, actor: Actor, day: date, desk_no: int, staff_id: str,
                   from_time: str, to_time: str) -> RosterEntry:
        actor.require(Permission.MANAGE_SIGNING_CENTRE)
        start, end = parse_hhmm(from_time), parse_hhmm(to_time)
        if end <= start:
            raise ValidationError("值班结束须晚于开始", en="The shift must end after it starts",
                                  field="to_time")
        with self._db.uow(actor) as uow:
            centre, _ = load_settings(uow)
            plan = load_plans(uow, day, day, centre)[0]
            if not plan.open:
                raise ValidationError(f"签约中心 {day} 不开放", en=f"The centre is closed on {day}",
                                      field="day")
            if not 1 <= desk_no <= plan.desks:
                raise ValidationError(f"当天只有 {plan.desks} 个签约台",
                                      en=f"That day has {plan.desks} desks", field="desk_no")
            staff = uow.session.get(Staff, staff_id)
            if staff is None or staff.deleted or not staff.active:
                raise NotFound("没有这位员工", en="No such staff member", field="staff_id")
            row = DeskRoster(day=day, desk_no=desk_no, staff_id=staff_id,
                             from_time=f"{start:%H:%M}", to_time=f"{end:%H:%M}")
            uow.add(row)
            uow.flush()
            audit.record(uow, "signing_centre.roster", "desk_roster", row.id,
                         f"{day} {desk_label(desk_no)} {staff.code}")
            uow.commit()
            return RosterEntry(row.id, desk_no, staff_id, staff.name, row.from_time, row.to_time)

    def remove_roster(self, actor: Actor, roster_id: str) -> None:
        actor.require(Permission.MANAGE_SIGNING_CENTRE)
        with self._db.uow(actor) as uow:
            row = uow.session.get(DeskRoster, roster_id)
            if row is None or row.deleted:
                raise NotFound("没有这条值班安排", en="No such roster entry")
            row.deleted = True
            audit.record(uow, "signing_centre.unroster", "desk_roster", roster_id)
            uow.commit()

    @staticmethod
    def _roster(uow: UnitOfWork, day: date, desk_no: int | None = None) -> list[RosterEntry]:
        q = select(DeskRoster).where(DeskRoster.day == day, DeskRoster.deleted.is_(False))
        if desk_no is not None:
            q = q.where(DeskRoster.desk_no == desk_no)
        rows = uow.session.scalars(q.order_by(
            DeskRoster.desk_no, DeskRoster.from_time)).all()
        names = staff_names(uow, (r.staff_id for r in rows))
        return [RosterEntry(r.id, r.desk_no, r.staff_id,
                            names[r.staff_id].name if r.staff_id in names else "",
                            r.from_time, r.to_time) for r in rows]

    @staticmethod
    def _staffed_by(roster: list[RosterEntry], desk_no: int, slot: Slot) -> str:
        start, end = _wall_clock(slot)
        names = [r.staff_name for r in roster
                 if r.desk_no == desk_no and r.from_time <= start and end <= r.to_time]
        return "、".join(names)

    # -- lookups the dialogs need -----------------------------------------------------------

    def consultants(self, actor: Actor) -> list[StaffChoice]:
        actor.require(Permission.BOOK_APPOINTMENT)
        with self._db.reader(actor) as uow:
            rows = uow.session.scalars(select(Staff).where(
                Staff.deleted.is_(False), Staff.active.is_(True),
                Staff.role.in_(BOOKABLE_ROLES)).order_by(Staff.code)).all()
            return [StaffChoice(s.id, s.code, s.name, s.phone) for s in rows]

    def staff_for_roster(self, actor: Actor) -> list[StaffChoice]:
        actor.require(Permission.BOOK_APPOINTMENT)
        with self._db.reader(actor) as uow:
            rows = uow.session.scalars(select(Staff).where(
                Staff.deleted.is_(False), Staff.active.is_(True),
                Staff.role != Role.ADMIN.value).order_by(Staff.code)).all()
            return [StaffChoice(s.id, s.code, s.name, s.phone) for s in rows]

    # -- booking ----------------------------------------------------------------------------

    def _check_people(self, uow: UnitOfWork, actor: Actor, customer_id: str,
                      consultant_id: str | None, *, required: bool) -> Staff | None:
        c = uow.session.get(Customer, customer_id) if customer_id else None
        if c is None or c.deleted:
            raise NotFound("没有这个客户", en="No such customer", field="customer_id")
        if consultant_id is None:
            if required:
                raise ValidationError("请选择置业顾问", en="Choose a consultant",
                                      field="consultant_id")
            return None
        s = uow.session.get(Staff, consultant_id)
        if s is None or s.deleted or not s.active or s.role not in BOOKABLE_ROLES:
            raise NotFound("没有这位置业顾问（或已停用）", en="No such (active) consultant",
                           field="consultant_id")
        if actor.role in (Role.CONSULTANT, Role.SENIOR_CONSULTANT) and s.id != actor.staff_id:
            raise PermissionDenied("置业顾问只能为自己预约", en="Consultants book for themselves")
        return s

    @staticmethod
    def _busy(uow: UnitOfWork, consultant_id: str, starts_at: datetime, ends_at: datetime,
              exclude: str | None = None) -> list[Busy]:
        q = select(Appointment).where(
            Appointment.consultant_id == consultant_id, Appointment.deleted.is_(False),
            Appointment.status.in_([*_OPEN, S.ARRIVED.value]),
            Appointment.starts_at < ends_at + timedelta(hours=8),
            Appointment.starts_at > starts_at - timedelta(hours=16))
        return [Busy(r.starts_at, r.ends_at, KIND_LABELS_ZH[K(r.kind)])
                for r in uow.session.scalars(q) if r.id != exclude]

    @staticmethod
    def _event(uow: UnitOfWork, appt: Appointment, from_status: str, to_status: str,
               reason: str = "", detail: str = "") -> None:
        add_event(uow, appt.id, from_status, to_status, reason, detail)

    def book_visit(self, actor: Actor, *, customer_id: str, consultant_id: str,
                   starts_at: datetime, minutes: int = 60, notes: str = "",
                   unit_id: str | None = None) -> Booking:
        actor.require(Permission.BOOK_APPOINTMENT)
        validate_length(minutes)
        start = as_utc(starts_at)
        end = start + timedelta(minutes=minutes)
        with self._db.uow(actor) as uow:
            row = self._insert_visit(uow, actor, customer_id, consultant_id, start, end, notes,
                                     unit_id, None)
            audit.record(uow, "appointment.book", "appointment", row.id, "visit")
            uow.flush()
            info = appointment_infos(uow, [row])[0]
            uow.commit()
            return Booking(info)

    def _insert_visit(self, uow: UnitOfWork, actor: Actor, customer_id: str,
                      consultant_id: str | None, start: datetime, end: datetime, notes: str,
                      unit_id: str | None, replaces: str | None, reason: str = "",
                      detail: str = "") -> Appointment:
        _, rules = load_settings(uow)
        validate_times(start, end, uow.now(), rules)
        validate_visit_hours(start, end, rules)
        self._check_people(uow, actor, customer_id, consultant_id, required=True)
        assert consultant_id is not None
        check_buffer(start, end, self._busy(uow, consultant_id, start, end, replaces),
                     rules.buffer_minutes)
        self._check_unit(uow, unit_id)
        row = Appointment(kind=K.VISIT.value, status=S.BOOKED.value, customer_id=customer_id,
                          consultant_id=consultant_id, unit_id=unit_id, starts_at=start,
                          ends_at=end, notes=notes.strip(), rescheduled_from_id=replaces)
        uow.add(row)
        uow.flush()
        self._event(uow, row, "", S.BOOKED.value, reason, detail)
        return row

    @staticmethod
    def _check_unit(uow: UnitOfWork, unit_id: str | None) -> None:
        if unit_id is None:
            return
        u = uow.session.get(Unit, unit_id)
        if u is None or u.deleted:
            raise NotFound("没有这套房源", en="No such unit", field="unit_id")

    def book_signing(self, actor: Actor, *, customer_id: str, starts_at: datetime,
                     consultant_id: str | None = None, unit_id: str | None = None,
                     notes: str = "") -> Booking:
        """Take a desk in a signing slot; SlotFull (a Conflict) offers the nearest free slots."""
        actor.require(Permission.BOOK_SIGNING)
        start = as_utc(starts_at)
        with self._db.uow(actor) as uow:
            row, warnings = self._insert_signing(uow, actor, customer_id, consultant_id, start,
                                                 notes, unit_id, None)
            audit.record(uow, "appointment.book", "appointment", row.id,
                         f"signing {desk_label(row.desk_no or 0)}")
            info = appointment_infos(uow, [row])[0]
            uow.commit()
            return Booking(info, warnings + info.open_escalations)

    def _insert_signing(self, uow: UnitOfWork, actor: Actor, customer_id: str,
                        consultant_id: str | None, start: datetime, notes: str,
                        unit_id: str | None, replaces: str | None, reason: str = "",
                        detail: str = "") -> tuple[Appointment, tuple[str, ...]]:
        centre, rules = load_settings(uow)
        now = uow.now()
        day = local_day(start)
        plan = load_plans(uow, day, day, centre)[0]
        slot = slot_at(plan, start)
        validate_times(slot.starts_at, slot.ends_at, now, rules)
        self._check_people(uow, actor, customer_id, consultant_id, required=False)
        if consultant_id is not None:
            check_buffer(slot.starts_at, slot.ends_at,
                         self._busy(uow, consultant_id, slot.starts_at, slot.ends_at, replaces),
                         0)
        if unit_id is not None:
            # Rule 13: a desk is only for the holder of the unit's active subscription.
            require_signable(uow, customer_id, unit_id)
        # This read runs inside BEGIN IMMEDIATE: no other writer can book between it and the
        # insert below.
        taken = self._taken_desks(uow, slot.starts_at)
        if len(taken) >= plan.desks:
            raise slot_full(slot.starts_at, self._alternatives(uow, centre, rules,
                                                               slot.starts_at, now))
        desk = free_desk(plan.desks, taken)
        warnings: tuple[str, ...] = ()
        if not self._staffed_by(self._roster(uow, day, desk), desk, slot):
            warnings = (f"{desk_label(desk)}在 {slot.label} 无人值班，请安排签约专员",)
        row = Appointment(kind=K.SIGNING.value, status=S.BOOKED.value, customer_id=customer_id,
                          consultant_id=consultant_id, unit_id=unit_id,
                          starts_at=slot.starts_at, ends_at=slot.ends_at, desk_no=desk,
                          notes=notes.strip(), rescheduled_from_id=replaces)
        uow.add(row)
        uow.flush()
        self._event(uow, row, "", S.BOOKED.value, reason,
                    f"{detail} {desk_label(desk)}".strip())
        self._notify(uow, "booked", row, reason)
        return row, warnings

    @staticmethod
    def _taken_desks(uow: UnitOfWork, slot_start: datetime) -> list[int]:
        return [d for d in uow.session.scalars(select(Appointment.desk_no).where(
            Appointment.kind == K.SIGNING.value, Appointment.starts_at == slot_start,
            Appointment.status.in_(_HOLDING), Appointment.deleted.is_(False))) if d is not None]

    @staticmethod
    def _booked_counts(uow: UnitOfWork, first: datetime, last: datetime) -> dict[datetime, int]:
        rows = uow.session.execute(select(Appointment.starts_at, func.count()).where(
            Appointment.kind == K.SIGNING.value, Appointment.starts_at >= first,
            Appointment.starts_at < last, Appointment.status.in_(_HOLDING),
            Appointment.deleted.is_(False)).group_by(Appointment.starts_at)).all()
        return {t: n for t, n in rows}

    def _alternatives(self, uow: UnitOfWork, centre: CentreSettings, rules: BookingRules,
                      wanted: datetime, now: datetime, limit: int = 3) -> list[FreeSlot]:
        day = local_day(wanted)
        first = max(day - timedelta(days=3), local_day(now))
        last = min(day + timedelta(days=7), local_day(now) + timedelta(days=rules.window_days))
        plans = load_plans(uow, first, last, centre)
        booked = self._booked_counts(uow, day_bounds(first)[0], day_bounds(last)[1])
        earliest = now + timedelta(minutes=rules.min_notice_minutes)
        return nearest_free(plans, booked, wanted, earliest, limit)

    def free_slots(self, actor: Actor, near: datetime, limit: int = 5) -> list[FreeSlot]:
        actor.require(Permission.BOOK_SIGNING)
        with self._db.reader(actor) as uow:
            centre, rules = load_settings(uow)
            return self._alternatives(uow, centre, rules, as_utc(near), uow.now(), limit)

    # -- lifecycle --------------------------------------------------------------------------

    def _load_for_change(self, uow: UnitOfWork, actor: Actor, appointment_id: str
                         ) -> Appointment:
        row = uow.session.get(Appointment, appointment_id)
        if row is None or row.deleted:
            raise NotFound("没有这个预约", en="No such appointment")
        actor.require(Permission.BOOK_SIGNING if row.kind == K.SIGNING.value
                      else Permission.BOOK_APPOINTMENT)
        if (actor.role in (Role.CONSULTANT, Role.SENIOR_CONSULTANT)
                and row.consultant_id not in (None, actor.staff_id)):
            raise PermissionDenied("只能修改自己的预约", en="You may change your own appointments")
        return row

    def _transition(self, uow: UnitOfWork, row: Appointment, target: AppointmentStatus,
                    reason: str = "", detail: str = "") -> None:
        current = S(row.status)
        check_transition(current, target)
        if needs_reason(target) and not reason.strip():
            raise ValidationError("请填写原因", en="Please give a reason", field="reason")
        row.status = target.value
        self._event(uow, row, current.value, target.value, reason.strip(), detail)
        audit.record(uow, f"appointment.{target.value}", "appointment", row.id)
        self._notify(uow, target.value, row, reason.strip())

    def _notify(self, uow: UnitOfWork, what: str, row: Appointment, reason: str = "") -> None:
        """Tell other capabilities (customer care's follow-up plan) in the same transaction."""
        for listener in self.listeners:
            listener(uow, what, row, reason)

    def _change(self, actor: Actor, appointment_id: str, target: AppointmentStatus,
                reason: str = "") -> AppointmentInfo:
        with self._db.uow(actor) as uow:
            row = self._load_for_change(uow, actor, appointment_id)
            if target == S.NO_SHOW and row.starts_at > uow.now():
                raise Conflict("预约时间未到，不能记为未到访",
                               en="The appointment has not started yet", field="status")
            self._transition(uow, row, target, reason)
            uow.flush()
            info = appointment_infos(uow, [row])[0]
            uow.commit()
            return info

    def confirm(self, actor: Actor, appointment_id: str) -> AppointmentInfo:
        return self._change(actor, appointment_id, S.CONFIRMED)

    def cancel(self, actor: Actor, appointment_id: str, reason: str) -> AppointmentInfo:
        return self._change(actor, appointment_id, S.CANCELLED, reason)

    def mark_no_show(self, actor: Actor, appointment_id: str) -> AppointmentInfo:
        return self._change(actor, appointment_id, S.NO_SHOW)

    def complete(self, actor: Actor, appointment_id: str) -> AppointmentInfo:
        return self._change(actor, appointment_id, S.COMPLETED)

    def arrive(self, actor: Actor, appointment_id: str) -> AppointmentInfo:
        return self._change(actor, appointment_id, S.ARRIVED)

    def reschedule(self, actor: Actor, appointment_id: str, new_starts_at: datetime,
                   reason: str, minutes: int | None = None) -> Booking:
        """The old booking becomes ``rescheduled`` (its history kept) and a new one points back
        at it; both happen in one transaction, so a full slot changes nothing."""
        start = as_utc(new_starts_at)
        with self._db.uow(actor) as uow:
            old = self._load_for_change(uow, actor, appointment_id)
            old_when = f"{local(old.starts_at):%Y-%m-%d %H:%M}"
            new_when = f"{local(start):%Y-%m-%d %H:%M}"
            self._transition(uow, old, S.RESCHEDULED, reason,
                             f"{old_when} → {new_when}")
            uow.flush()  # frees the old desk before the new one is counted
            warnings: tuple[str, ...] = ()
            if old.kind == K.SIGNING.value:
                row, warnings = self._insert_signing(uow, actor, old.customer_id,
                                                     old.consultant_id, start, old.notes,
                                                     old.unit_id, old.id, reason.strip(),
                                                     f"{old_when} → {new_when}")
            else:
                length = minutes if minutes is not None else int(
                    (old.ends_at - old.starts_at).total_seconds() // 60)
                validate_length(length)
                row = self._insert_visit(uow, actor, old.customer_id, old.consultant_id, start,
                                         start + timedelta(minutes=length), old.notes,
                                         old.unit_id, old.id, reason.strip(),
                                         f"{old_when} → {new_when}")
            audit.record(uow, "appointment.book", "appointment", row.id, "reschedule")
            info = appointment_infos(uow, [row])[0]
            uow.commit()
            return Booking(info, warnings)

    # -- reading ----------------------------------------------------------------------------

    def get(self, actor: Actor, appointment_id: str) -> AppointmentInfo:
        actor.require(Permission.BOOK_APPOINTMENT)
        with self._db.reader(actor) as uow:
            row = uow.session.get(Appointment, appointment_id)
            if row is None or row.deleted:
                raise NotFound("没有这个预约", en="No such appointment")
            return appointment_infos(uow, [row])[0]

    def history(self, actor: Actor, appointment_id: str) -> list[HistoryEntry]:
        """Every step, following reschedules back to the first booking."""
        actor.require(Permission.BOOK_APPOINTMENT)
        with self._db.reader(actor) as uow:
            chain: list[str] = []
            current: str | None = appointment_id
            while current and current not in chain:
                row = uow.session.get(Appointment, current)
                if row is None:
                    break
                chain.append(current)
                current = row.rescheduled_from_id
            position = {a: n for n, a in enumerate(reversed(chain))}  # oldest booking first
            events = sorted(uow.session.scalars(select(AppointmentEvent).where(
                AppointmentEvent.appointment_id.in_(chain))).all(),
                key=lambda e: (position[e.appointment_id], e.step))
            names = staff_names(uow, (e.created_by_staff for e in events))
            return [HistoryEntry(e.created_at, e.from_status, e.to_status, e.reason, e.detail,
                                 names[e.created_by_staff].name
                                 if e.created_by_staff in names else "", e.appointment_id)
                    for e in events]

    def agenda(self, actor: Actor, consultant_id: str | None, first_day: date,
               days: int = 1) -> list[AppointmentInfo]:
        """A consultant's day (days=1) or week (days=7); None = everyone (supervisor)."""
        actor.require(Permission.BOOK_APPOINTMENT)
        start = day_bounds(first_day)[0]
        end = day_bounds(first_day + timedelta(days=days - 1))[1]
        with self._db.reader(actor) as uow:
            q = select(Appointment).where(
                Appointment.starts_at >= start, Appointment.starts_at < end,
                Appointment.deleted.is_(False), Appointment.status != S.RESCHEDULED.value)
            if consultant_id is not None:
                q = q.where(Appointment.consultant_id == consultant_id)
            rows = list(uow.session.scalars(q.order_by(Appointment.starts_at)))
            return appointment_infos(uow, rows)

    def day_board(self, actor: Actor, day: date) -> DayBoard:
        actor.require(Permission.BOOK_APPOINTMENT)
        with self._db.reader(actor) as uow:
            centre, _ = load_settings(uow)
            plan = load_plans(uow, day, day, centre)[0]
            start, end = day_bounds(day)
            rows = list(uow.session.scalars(select(Appointment).where(
                Appointment.kind == K.SIGNING.value, Appointment.starts_at >= start,
                Appointment.starts_at < end, Appointment.status.in_(_HOLDING),
                Appointment.deleted.is_(False))))
            infos = {(i.starts_at, i.desk_no): i for i in appointment_infos(uow, rows)}
            roster = self._roster(uow, day)
            desks = max([plan.desks] + [i.desk_no or 0 for i in infos.values()])
            board_rows = []
            by_desk: dict[int, list[RosterEntry]] = defaultdict(list)
            for entry in roster:
                by_desk[entry.desk_no].append(entry)
            for slot in plan.slots:
                from_hhmm, to_hhmm = _wall_clock(slot)
                cells = []
                for desk in range(1, desks + 1):
                    info = infos.get((slot.starts_at, desk))
                    staff = "、".join(r.staff_name for r in by_desk.get(desk, ())
                                     if r.from_time <= from_hhmm and to_hhmm <= r.to_time)
                    cells.append(BoardCell(desk, info.status.value if info else "free", info,
                                           staff))
                board_rows.append(BoardRow(slot, tuple(cells)))
            return DayBoard(plan, tuple(board_rows), tuple(roster),
                            centre_place(uow, centre, K.SIGNING))

    def no_show_figures(self, actor: Actor, last_day: date, weeks: int = 4
                        ) -> list[NoShowFigure]:
        """Per consultant and week (Monday first): appointments due, no-shows, cancellations."""
        actor.require(Permission.VIEW_AUDIT)
        first = week_start(last_day) - timedelta(weeks=weeks - 1)
        start, end = day_bounds(first)[0], day_bounds(last_day)[1]
        with self._db.reader(actor) as uow:
            rows = uow.session.execute(select(
                Appointment.consultant_id, Appointment.starts_at, Appointment.status).where(
                Appointment.starts_at >= start, Appointment.starts_at < end,
                Appointment.deleted.is_(False), Appointment.consultant_id.is_not(None))).all()
            counts: dict[tuple[str, date], list[int]] = defaultdict(lambda: [0, 0, 0])
            for cid, at, status in rows:
                key = (str(cid), week_start(local_day(at)))
                c = counts[key]
                if status in (S.ARRIVED.value, S.COMPLETED.value, S.NO_SHOW.value):
                    c[0] += 1
                if status == S.NO_SHOW.value:
                    c[1] += 1
                if status == S.CANCELLED.value:
                    c[2] += 1
            names = staff_names(uow, (k[0] for k in counts))
            out = [NoShowFigure(cid, names[cid].name if cid in names else "", wk, *c)
                   for (cid, wk), c in counts.items()]
            return sorted(out, key=lambda f: (f.week, f.consultant_name), reverse=False)

    def ics(self, actor: Actor, appointment_id: str) -> str:
        """An .ics file for the consultant's own calendar (no phone numbers in it)."""
        actor.require(Permission.BOOK_APPOINTMENT)
        with self._db.reader(actor) as uow:
            row = uow.session.get(Appointment, appointment_id)
            if row is None or row.deleted:
                raise NotFound("没有这个预约", en="No such appointment")
            info = appointment_infos(uow, [row])[0]
            centre, _ = load_settings(uow)
            place = centre_place(uow, centre, info.kind)
            summary = f"{info.kind_label}：{info.customer_salutation}"
            lines = [f"客户：{info.customer_salutation}", f"置业顾问：{info.consultant_name}"]
            if info.unit_number:
                lines.append(f"房号：{info.unit_number}")
            if info.desk_no:
                summary += f" · {desk_label(info.desk_no)}"
                lines.append(desk_label(info.desk_no))
            if info.notes:
                lines.append(f"备注：{info.notes}")
            return to_ics(CalendarEvent(
                uid=f"{info.id}@salesdesk", starts_at=info.starts_at, ends_at=info.ends_at,
                summary=summary, location=place, description="\n".join(lines),
                cancelled=info.status in (S.CANCELLED, S.RESCHEDULED), stamp=uow.now()))

    # -- hooks for other capabilities --------------------------------------------------------

    def arrivals(self) -> Arrivals:
        return Arrivals()

    def signing_schedule(self) -> SigningScheduleImpl:
        return SigningScheduleImpl(self._db)


class Arrivals:
    """AppointmentArrivals for reception's check-in: runs inside the caller's unit of work."""

    def todays_for_customer(self, uow: UnitOfWork, customer_id: str,
                            now: datetime) -> list[ArrivingAppointment]:
        start, end = day_bounds(local_day(now))
        rows = list(uow.session.scalars(select(Appointment).where(
            Appointment.customer_id == customer_id, Appointment.starts_at >= start,
            Appointment.starts_at < end, Appointment.status.in_(_OPEN),
            Appointment.deleted.is_(False)).order_by(Appointment.starts_at)))
        names = staff_names(uow, (r.consultant_id for r in rows))
        out = []
        for r in rows:
            when = f"{local(r.starts_at):%H:%M}"
            if r.kind == K.SIGNING.value:
                label = f"{when} 签约 · {desk_label(r.desk_no or 0)}"
            else:
                who = names[r.consultant_id].name if r.consultant_id in names else ""
                label = f"{when} 到访 · {who}" if who else f"{when} 到访"
            out.append(ArrivingAppointment(r.id, r.kind, r.consultant_id, r.starts_at, label))
        return out

    def mark_arrived(self, uow: UnitOfWork, appointment_id: str) -> None:
        row = uow.session.get(Appointment, appointment_id)
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
            rows = uow.session.scalars(self._signings(start, end)).all()
            return [_signing_booking(r) for r in rows]

    def next_signing_for(self, customer_id: str, unit_id: str | None, first_day: date,
                         days: int) -> SigningBooking | None:
        # One indexed read by customer: the day-by-day scan it replaces was most of the time
        # a checklist PDF took (14 reads for a customer with no booking).
        start, end = day_bounds(first_day)[0], day_bounds(first_day + timedelta(days=days - 1))[1]
        q = self._signings(start, end).where(Appointment.customer_id == customer_id)
        if unit_id is not None:
            q = q.where((Appointment.unit_id.is_(None)) | (Appointment.unit_id == unit_id))
        with self._db.reader(None) as uow:
            row = uow.session.scalars(q.limit(1)).first()
            return None if row is None else _signing_booking(row)

    @staticmethod
    def _signings(start: datetime, end: datetime) -> Select[Appointment]:
        return select(Appointment).where(
            Appointment.kind == K.SIGNING.value, Appointment.starts_at >= start,
            Appointment.starts_at < end, Appointment.deleted.is_(False),
            Appointment.status.not_in([S.CANCELLED.value, S.RESCHEDULED.value])).order_by(
            Appointment.starts_at, Appointment.desk_no)


def _signing_booking(r: Appointment) -> SigningBooking:
    return SigningBooking(r.id, r.customer_id, r.unit_id, r.consultant_id, r.starts_at,
                          desk_label(r.desk_no or 0), r.status)
