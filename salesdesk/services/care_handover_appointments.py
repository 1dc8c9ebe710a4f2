"""The inactive-owner check, extended to appointments: open bookings (booked or confirmed, not
yet past) still assigned to a disabled account. Read-only: moving a booking is the appointments
capability's job (its buffer and desk rules), wired as a handover mover by the lead."""

from __future__ import annotations

from sqlalchemy import select

from salesdesk.domain.appointments import OPEN_STATUSES
from salesdesk.services.care_handover import OwnedItem
from salesdesk.services.care_support import SHANGHAI, customer_label
from salesdesk.store.models.appointments import Appointment
from salesdesk.store.models.customer import Customer
from salesdesk.store.uow import UnitOfWork


def open_appointments_of_inactive(uow: UnitOfWork, inactive: dict[str, str]) -> list[OwnedItem]:
    rows = uow.session.scalars(select(Appointment).where(
        Appointment.consultant_id.in_(list(inactive)),
        Appointment.status.in_([s.value for s in OPEN_STATUSES]),
        Appointment.starts_at >= uow.now(), Appointment.deleted.is_(False))
        .order_by(Appointment.starts_at)).all()
    out = []
    for a in rows:
        owner = a.consultant_id or ""
        who = customer_label(uow.session.get(Customer, a.customer_id))
        when = a.starts_at.astimezone(SHANGHAI)
        kind = "签约" if a.kind == "signing" else "来访"
        out.append(OwnedItem("appointment", "预约", a.id, f"{who} · {when:%m-%d %H:%M} {kind}",
                             owner, inactive[owner]))
    return out
