"""What a consultant's handover moves and what the inactive-owner check looks for: everything
of any kind still pointing at given staff (customers, messages, backups, rosters, bookings)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from salesdesk.store.models.appointments import Appointment, DeskRoster, ReminderMessage
from salesdesk.store.models.care import Handover
from salesdesk.store.models.customer import Customer
from salesdesk.store.models.org import Staff
from salesdesk.store.models.reception import ConsultantBackup
from salesdesk.store.queries import customers as _customers
from salesdesk.store.uow import UnitOfWork

add_attribution_change = _customers.add_attribution_change


def add_handover(uow: UnitOfWork, **fields: Any) -> Handover:
    row = Handover(**fields)
    uow.add(row)
    return row


def inactive_staff_names(uow: UnitOfWork) -> dict[str, str]:
    """id -> name of every disabled account."""
    return {s.id: s.name for s in uow.session.scalars(select(Staff).where(
        Staff.active.is_(False)))}


def customers_owned_by(uow: UnitOfWork, staff_ids: list[str]) -> list[Customer]:
    return list(uow.session.scalars(select(Customer).where(
        Customer.owner_staff_id.in_(staff_ids), Customer.deleted.is_(False))))


def messages_of_staff(uow: UnitOfWork, staff_ids: list[str],
                      statuses: Collection[str]) -> list[ReminderMessage]:
    return list(uow.session.scalars(select(ReminderMessage).where(
        ReminderMessage.staff_id.in_(staff_ids), ReminderMessage.status.in_(list(statuses)),
        ReminderMessage.deleted.is_(False))))


def backups_involving(uow: UnitOfWork, staff_id: str) -> list[ConsultantBackup]:
    """Backup choices made by this staff member or naming them as the backup."""
    return list(uow.session.scalars(select(ConsultantBackup).where(
        ConsultantBackup.deleted.is_(False),
        (ConsultantBackup.backup_staff_id == staff_id)
        | (ConsultantBackup.staff_id == staff_id))))


def backups_naming(uow: UnitOfWork, staff_ids: list[str]) -> list[ConsultantBackup]:
    return list(uow.session.scalars(select(ConsultantBackup).where(
        ConsultantBackup.backup_staff_id.in_(staff_ids), ConsultantBackup.deleted.is_(False))))


def rosters_from(uow: UnitOfWork, staff_ids: list[str], day: date) -> list[DeskRoster]:
    return list(uow.session.scalars(select(DeskRoster).where(
        DeskRoster.staff_id.in_(staff_ids), DeskRoster.day >= day,
        DeskRoster.deleted.is_(False))))


def appointments_of(uow: UnitOfWork, consultant_ids: list[str], statuses: Collection[str],
                    since: datetime) -> list[Appointment]:
    """Live bookings of these consultants in these statuses starting at or after ``since``,
    soonest first."""
    return list(uow.session.scalars(select(Appointment).where(
        Appointment.consultant_id.in_(consultant_ids),
        Appointment.status.in_(list(statuses)),
        Appointment.starts_at >= since, Appointment.deleted.is_(False))
        .order_by(Appointment.starts_at)))
