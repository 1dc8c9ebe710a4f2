"""The appointments side of a handover: the leaver's open bookings (booked or confirmed, not yet
past) move to the successor in the handover's transaction, each with a history step, and a
reminder not yet sent is rewritten with the successor's name and phone. The inactive-owner check
lists any open booking still assigned to a disabled account."""

from __future__ import annotations

from salesdesk.domain.appointments import OPEN_STATUSES
from salesdesk.domain.care.templates import customer_label
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.services.appointments import (
    ReminderService,
    add_event,
    appointment_infos,
    reminder_key,
)
from salesdesk.services.care.results import OwnedItem
from salesdesk.services.messages import FAILED, PENDING, find
from salesdesk.store.queries.care import customer_row
from salesdesk.store.queries.care_handover import appointments_of
from salesdesk.store.queries.common import staff_rows
from salesdesk.store.uow import UnitOfWork


def open_appointments_of_inactive(uow: UnitOfWork, inactive: dict[str, str]) -> list[OwnedItem]:
    rows = appointments_of(uow, list(inactive), [s.value for s in OPEN_STATUSES], uow.now())
    out = []
    for a in rows:
        owner = a.consultant_id or ""
        who = customer_label(customer_row(uow, a.customer_id))
        when = a.starts_at.astimezone(PROJECT_TZ)
        out.append(OwnedItem("appointment", a.id, f"{who} · {when:%m-%d %H:%M}",
                             owner, inactive[owner], (a.kind,)))
    return out


class AppointmentMover:
    """A handover mover (services/care/handover.py): (uow, leaver, successor) -> rows moved."""

    def __init__(self, reminders: ReminderService) -> None:
        self._reminders = reminders

    def __call__(self, uow: UnitOfWork, from_staff_id: str, to_staff_id: str) -> int:
        rows = appointments_of(uow, [from_staff_id], [s.value for s in OPEN_STATUSES],
                               uow.now())
        if not rows:
            return 0
        names = staff_rows(uow, [from_staff_id, to_staff_id])
        before = names[from_staff_id].name if from_staff_id in names else from_staff_id
        after = names[to_staff_id].name if to_staff_id in names else to_staff_id
        for a in rows:
            a.consultant_id = to_staff_id
            add_event(uow, a.id, a.status, a.status, "置业顾问离职交接",
                      f"置业顾问 {before} → {after}")
        uow.flush()
        for info in appointment_infos(uow, rows):
            message = find(uow, reminder_key(info))
            if message is not None and message.status in (PENDING, FAILED):
                # Not sent yet: the customer must be told to call the successor, not the leaver.
                message.text = self._reminders.text_for(uow, info)
                message.staff_id = to_staff_id
        return len(rows)
