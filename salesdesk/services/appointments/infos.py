"""A booking as the screens and other capabilities see it, and the one way a step is added to
its history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from salesdesk.domain.appointments import AppointmentKind, AppointmentStatus
from salesdesk.domain.phone import mask_phone
from salesdesk.services.appointments.results import AppointmentInfo
from salesdesk.services.care import escalation_notes
from salesdesk.store.queries import appointments as q
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from collections.abc import Callable

    from salesdesk.store.models.appointments import Appointment

    # (uow, what, row, reason) after a signing is booked ("booked") or a booking changes
    # status (the new status): the facade's listeners, customer care's follow-up plan.
    Notify = Callable[[UnitOfWork, str, Appointment, str], None]

K = AppointmentKind


def appointment_infos(uow: UnitOfWork, rows: list[Appointment]) -> list[AppointmentInfo]:
    """One value per row, in order; names are batch-loaded (store.queries.booking_names) so a
    board or agenda costs a handful of queries, not one per row."""
    names = q.booking_names(uow, rows)
    escalations = escalation_notes(
        uow, {r.customer_id for r in rows if r.kind == K.SIGNING.value}) if rows else {}
    out = []
    for r in rows:
        name, salutation = names.customers.get(r.customer_id, ("", ""))
        out.append(_info(r, name, salutation, names.phones.get(r.customer_id),
                         names.staff.get(r.consultant_id or "", ""),
                         names.units.get(r.unit_id or "", ""), escalations))
    return out


@dataclass(frozen=True)
class CustomerFacts:
    """What a booking's answer shows of its customer besides the name: the own phone (E.164)
    and the open escalations' lines."""

    phone: str | None
    escalations: dict[str, tuple[str, ...]]


def customer_facts(uow: UnitOfWork, customer_id: str, phone: str | None) -> CustomerFacts:
    """Read before the booking writes anything (its rows change none of it), so the read
    needs no flush."""
    return CustomerFacts(phone, escalation_notes(uow, [customer_id]))


def booking_info(row: Appointment, customer_name: str, salutation: str, consultant_name: str,
                 unit_number: str, facts: CustomerFacts) -> AppointmentInfo:
    """``appointment_infos`` of one new booking whose names and customer facts the caller
    already holds."""
    return _info(row, customer_name, salutation, facts.phone, consultant_name, unit_number,
                 facts.escalations)


def _info(r: Appointment, name: str, salutation: str, phone: str | None, consultant: str,
          unit: str, escalations: dict[str, tuple[str, ...]]) -> AppointmentInfo:
    salutation = salutation or (name[:1] + "先生/女士" if name else "客户")
    return AppointmentInfo(
        r.id, K(r.kind), AppointmentStatus(r.status), r.customer_id, name or salutation,
        salutation, mask_phone(phone) if phone else "", r.consultant_id, consultant,
        r.unit_id, unit, r.starts_at, r.ends_at, r.desk_no, r.notes, r.rescheduled_from_id,
        escalations.get(r.customer_id, ()) if r.kind == K.SIGNING.value else ())


def add_event(uow: UnitOfWork, appointment_id: str, from_status: str, to_status: str,
              reason: str = "", detail: str = "") -> None:
    """Append one history step. Writers are serialised (BEGIN IMMEDIATE), so the count is
    the true next step number; a new booking's first step needs no count."""
    step = 1 if not from_status else q.event_count(uow, appointment_id) + 1
    q.add_event_row(uow, appointment_id=appointment_id, step=step, from_status=from_status,
                    to_status=to_status, reason=reason, detail=detail)
