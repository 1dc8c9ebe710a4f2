"""Booking: a visit with a consultant, or a desk in a signing slot.

Signing capacity is checked inside the write transaction, which starts with BEGIN IMMEDIATE
(store/database.py): the count of taken desks and the insert cannot be overtaken by another
writer, on this device or another process on the same file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from salesdesk.domain.appointments import (
    HOLDING_STATUSES,
    KIND_LABELS_ZH,
    OPEN_STATUSES,
    AppointmentKind,
    AppointmentStatus,
    BookingRules,
    Busy,
    check_buffer,
    validate_length,
    validate_times,
    validate_visit_hours,
)
from salesdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from salesdesk.domain.local_time import as_utc, day_bounds, local_day
from salesdesk.domain.roles import Actor, Permission, Role
from salesdesk.domain.signing_slots import (
    CentreSettings,
    FreeSlot,
    desk_label,
    free_desk,
    nearest_free,
    slot_at,
    slot_full,
)
from salesdesk.services import audit
from salesdesk.services.appointments.centre import load_plan, load_plans, load_settings
from salesdesk.services.appointments.infos import (
    add_event,
    appointment_infos,
    booking_info,
    customer_facts,
)
from salesdesk.services.appointments.results import Booking
from salesdesk.services.appointments.roster import BOOKABLE_ROLES, roster, staffed_by
from salesdesk.services.signing import require_signable
from salesdesk.store.queries import appointments as q
from salesdesk.store.queries.common import staff_row
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.services.appointments.infos import Notify
    from salesdesk.store.database import Database
    from salesdesk.store.models.appointments import Appointment
    from salesdesk.store.models.org import Staff
    from salesdesk.store.queries.appointments import CustomerBrief

S = AppointmentStatus
K = AppointmentKind
_HOLDING = [s.value for s in HOLDING_STATUSES]
_BUSY = [*(s.value for s in OPEN_STATUSES), S.ARRIVED.value]


def _check_people(uow: UnitOfWork, actor: Actor, customer_id: str,
                  consultant_id: str | None, *, required: bool,
                  brief: CustomerBrief | None = None) -> tuple[CustomerBrief, Staff | None]:
    """The customer (``brief`` if the caller has read it already) and the consultant, for
    the booking's answer."""
    c = brief or (q.customer_brief(uow, customer_id) if customer_id else None)
    if c is None or c.deleted:
        raise NotFound("没有这个客户", en="No such customer", field="customer_id")
    if consultant_id is None:
        if required:
            raise ValidationError("请选择置业顾问", en="Choose a consultant",
                                  field="consultant_id")
        return c, None
    s = staff_row(uow, consultant_id)
    if s is None or s.deleted or not s.active or s.role not in BOOKABLE_ROLES:
        raise NotFound("没有这位置业顾问（或已停用）", en="No such (active) consultant",
                       field="consultant_id")
    if actor.role in (Role.CONSULTANT, Role.SENIOR_CONSULTANT) and s.id != actor.staff_id:
        raise PermissionDenied("置业顾问只能为自己预约", en="Consultants book for themselves")
    return c, s


def _busy(uow: UnitOfWork, consultant_id: str, starts_at: datetime, ends_at: datetime,
          exclude: str | None = None) -> list[Busy]:
    rows = q.consultant_appointments_near(uow, consultant_id, starts_at - timedelta(hours=16),
                                          ends_at + timedelta(hours=8), _BUSY)
    return [Busy(r.starts_at, r.ends_at, KIND_LABELS_ZH[K(r.kind)])
            for r in rows if r.id != exclude]


def _check_unit(uow: UnitOfWork, unit_id: str | None) -> None:
    if unit_id is None:
        return
    u = q.unit(uow, unit_id)
    if u is None or u.deleted:
        raise NotFound("没有这套房源", en="No such unit", field="unit_id")


def book_visit(db: Database, actor: Actor, *, customer_id: str, consultant_id: str,
               starts_at: datetime, minutes: int = 60, notes: str = "",
               unit_id: str | None = None) -> Booking:
    actor.require(Permission.BOOK_APPOINTMENT)
    validate_length(minutes)
    start = as_utc(starts_at)
    end = start + timedelta(minutes=minutes)
    with db.uow(actor) as uow:
        row = insert_visit(uow, actor, customer_id, consultant_id, start, end, notes,
                           unit_id, None)
        audit.record(uow, "appointment.book", "appointment", row.id, "visit")
        uow.flush()
        info = appointment_infos(uow, [row])[0]
        uow.commit()
        return Booking(info)


def insert_visit(uow: UnitOfWork, actor: Actor, customer_id: str, consultant_id: str | None,
                 start: datetime, end: datetime, notes: str, unit_id: str | None,
                 replaces: str | None, reason: str = "", detail: str = "") -> Appointment:
    _, rules = load_settings(uow)
    validate_times(start, end, uow.now(), rules)
    validate_visit_hours(start, end, rules)
    _check_people(uow, actor, customer_id, consultant_id, required=True)
    assert consultant_id is not None
    check_buffer(start, end, _busy(uow, consultant_id, start, end, replaces),
                 rules.buffer_minutes)
    _check_unit(uow, unit_id)
    row = q.add_appointment(uow, kind=K.VISIT.value, status=S.BOOKED.value,
                            customer_id=customer_id, consultant_id=consultant_id,
                            unit_id=unit_id, starts_at=start, ends_at=end,
                            notes=notes.strip(), rescheduled_from_id=replaces)
    add_event(uow, row.id, "", S.BOOKED.value, reason, detail)
    return row


def book_signing(db: Database, notify: Notify, actor: Actor, *, customer_id: str,
                 starts_at: datetime, consultant_id: str | None = None,
                 unit_id: str | None = None, notes: str = "") -> Booking:
    """Take a desk in a signing slot; SlotFull (a Conflict) offers the nearest free slots."""
    actor.require(Permission.BOOK_SIGNING)
    start = as_utc(starts_at)
    with db.uow(actor) as uow:
        # The answer is built from what the checks hold, and these two reads.
        brief = q.customer_brief(uow, customer_id) if customer_id else None
        facts = customer_facts(uow, customer_id, brief.phone if brief else None)
        booked = _insert_signing(uow, notify, actor, customer_id, consultant_id, start,
                                 notes, unit_id, None, brief=brief)
        row = booked.row
        audit.record_now(uow, "appointment.book", "appointment", row.id,
                         f"signing {desk_label(row.desk_no or 0)}")
        info = booking_info(row, booked.customer.name, booked.customer.salutation,
                            booked.staff.name if booked.staff else "", booked.unit_number,
                            facts)
        uow.commit()
        return Booking(info, booked.warnings + info.open_escalations)


@dataclass(frozen=True)
class _Booked:
    row: Appointment
    warnings: tuple[str, ...]
    customer: CustomerBrief
    staff: Staff | None
    unit_number: str


def insert_signing(uow: UnitOfWork, notify: Notify, actor: Actor, customer_id: str,
                   consultant_id: str | None, start: datetime, notes: str,
                   unit_id: str | None, replaces: str | None, reason: str = "",
                   detail: str = "") -> tuple[Appointment, tuple[str, ...]]:
    """The new signing (a transient copy of the row: read it, do not change it) and the
    warnings for the booking's answer."""
    booked = _insert_signing(uow, notify, actor, customer_id, consultant_id, start, notes,
                             unit_id, replaces, reason, detail)
    return booked.row, booked.warnings


def _insert_signing(uow: UnitOfWork, notify: Notify, actor: Actor, customer_id: str,
                    consultant_id: str | None, start: datetime, notes: str,
                    unit_id: str | None, replaces: str | None, reason: str = "",
                    detail: str = "", brief: CustomerBrief | None = None) -> _Booked:
    now = uow.now()
    day = local_day(start)
    centre, rules, plan = load_plan(uow, day)
    slot = slot_at(plan, start)
    validate_times(slot.starts_at, slot.ends_at, now, rules)
    customer, staff = _check_people(uow, actor, customer_id, consultant_id, required=False,
                                    brief=brief)
    if consultant_id is not None:
        check_buffer(slot.starts_at, slot.ends_at,
                     _busy(uow, consultant_id, slot.starts_at, slot.ends_at, replaces), 0)
    number = ""
    if unit_id is not None:
        # Rule 13: a desk is only for the holder of the unit's active subscription.
        require_signable(uow, customer_id, unit_id)
        u = q.unit(uow, unit_id)
        number = u.number if u is not None else ""
    # This read runs inside BEGIN IMMEDIATE: no other writer can book between it and the
    # insert below.
    taken = q.desks_taken_at(uow, slot.starts_at, _HOLDING)
    if len(taken) >= plan.desks:
        raise slot_full(slot.starts_at, alternatives(uow, centre, rules, slot.starts_at, now))
    desk = free_desk(plan.desks, taken)
    warnings: tuple[str, ...] = ()
    if not staffed_by(roster(uow, day, desk), desk, slot):
        warnings = (f"{desk_label(desk)}在 {slot.label} 无人值班，请安排签约专员",)
    row = q.insert_booking(
        uow, dict(kind=K.SIGNING.value, status=S.BOOKED.value, customer_id=customer_id,
                  consultant_id=consultant_id, unit_id=unit_id, starts_at=slot.starts_at,
                  ends_at=slot.ends_at, desk_no=desk, notes=notes.strip(),
                  rescheduled_from_id=replaces),
        reason, f"{detail} {desk_label(desk)}".strip())
    notify(uow, "booked", row, reason)
    return _Booked(row, warnings, customer, staff, number)


def alternatives(uow: UnitOfWork, centre: CentreSettings, rules: BookingRules,
                 wanted: datetime, now: datetime, limit: int = 3) -> list[FreeSlot]:
    day = local_day(wanted)
    first = max(day - timedelta(days=3), local_day(now))
    last = min(day + timedelta(days=7), local_day(now) + timedelta(days=rules.window_days))
    plans = load_plans(uow, first, last, centre)
    booked = q.signings_per_slot(uow, day_bounds(first)[0], day_bounds(last)[1], _HOLDING)
    earliest = now + timedelta(minutes=rules.min_notice_minutes)
    return nearest_free(plans, booked, wanted, earliest, limit)


def free_slots(db: Database, actor: Actor, near: datetime, limit: int = 5) -> list[FreeSlot]:
    actor.require(Permission.BOOK_SIGNING)
    with db.reader(actor) as uow:
        centre, rules = load_settings(uow)
        return alternatives(uow, centre, rules, as_utc(near), uow.now(), limit)
