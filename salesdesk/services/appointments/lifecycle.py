"""A booking's life after it is made: confirmed, arrived, completed, no-show, cancelled, or
rescheduled into a new booking that points back at it."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from salesdesk.domain.appointments import (
    AppointmentKind,
    AppointmentStatus,
    check_transition,
    needs_reason,
    validate_length,
)
from salesdesk.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from salesdesk.domain.local_time import as_utc, local
from salesdesk.domain.roles import Actor, Permission, Role
from salesdesk.services import audit
from salesdesk.services.appointments.booking import insert_signing, insert_visit
from salesdesk.services.appointments.infos import add_event, appointment_infos
from salesdesk.services.appointments.reminders import withdraw_unsent
from salesdesk.services.appointments.results import AppointmentInfo, Booking
from salesdesk.store.queries import appointments as q
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.services.appointments.infos import Notify
    from salesdesk.store.database import Database
    from salesdesk.store.models.appointments import Appointment

S = AppointmentStatus
K = AppointmentKind


def _load_for_change(uow: UnitOfWork, actor: Actor, appointment_id: str) -> Appointment:
    row = q.appointment(uow, appointment_id)
    if row is None or row.deleted:
        raise NotFound("没有这个预约", en="No such appointment")
    actor.require(Permission.BOOK_SIGNING if row.kind == K.SIGNING.value
                  else Permission.BOOK_APPOINTMENT)
    if (actor.role in (Role.CONSULTANT, Role.SENIOR_CONSULTANT)
            and row.consultant_id not in (None, actor.staff_id)):
        raise PermissionDenied("只能修改自己的预约", en="You may change your own appointments")
    return row


def _transition(uow: UnitOfWork, notify: Notify, row: Appointment, target: AppointmentStatus,
                reason: str = "", detail: str = "") -> None:
    current = S(row.status)
    check_transition(current, target)
    if needs_reason(target) and not reason.strip():
        raise ValidationError("请填写原因", en="Please give a reason", field="reason")
    row.status = target.value
    if target in (S.CANCELLED, S.RESCHEDULED):
        withdraw_unsent(uow, row.id)
    add_event(uow, row.id, current.value, target.value, reason.strip(), detail)
    audit.record(uow, f"appointment.{target.value}", "appointment", row.id)
    notify(uow, target.value, row, reason.strip())


def change(db: Database, notify: Notify, actor: Actor, appointment_id: str,
           target: AppointmentStatus, reason: str = "") -> AppointmentInfo:
    """Move a booking to ``target`` if the domain's transitions allow it."""
    with db.uow(actor) as uow:
        row = _load_for_change(uow, actor, appointment_id)
        if target == S.NO_SHOW and row.starts_at > uow.now():
            raise Conflict("预约时间未到，不能记为未到访",
                           en="The appointment has not started yet", field="status")
        _transition(uow, notify, row, target, reason)
        uow.flush()
        info = appointment_infos(uow, [row])[0]
        uow.commit()
        return info


def reschedule(db: Database, notify: Notify, actor: Actor, appointment_id: str,
               new_starts_at: datetime, reason: str, minutes: int | None = None) -> Booking:
    """The old booking becomes ``rescheduled`` (its history kept) and a new one points back
    at it; both happen in one transaction, so a full slot changes nothing."""
    start = as_utc(new_starts_at)
    with db.uow(actor) as uow:
        old = _load_for_change(uow, actor, appointment_id)
        old_when = f"{local(old.starts_at):%Y-%m-%d %H:%M}"
        new_when = f"{local(start):%Y-%m-%d %H:%M}"
        _transition(uow, notify, old, S.RESCHEDULED, reason, f"{old_when} → {new_when}")
        uow.flush()  # frees the old desk before the new one is counted
        warnings: tuple[str, ...] = ()
        if old.kind == K.SIGNING.value:
            row, warnings = insert_signing(uow, notify, actor, old.customer_id,
                                           old.consultant_id, start, old.notes, old.unit_id,
                                           old.id, reason.strip(), f"{old_when} → {new_when}")
        else:
            length = minutes if minutes is not None else int(
                (old.ends_at - old.starts_at).total_seconds() // 60)
            validate_length(length)
            row = insert_visit(uow, actor, old.customer_id, old.consultant_id, start,
                               start + timedelta(minutes=length), old.notes, old.unit_id,
                               old.id, reason.strip(), f"{old_when} → {new_when}")
        audit.record(uow, "appointment.book", "appointment", row.id, "reschedule")
        info = appointment_infos(uow, [row])[0]
        uow.commit()
        return Booking(info, warnings)
