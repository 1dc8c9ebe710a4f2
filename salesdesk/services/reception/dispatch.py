"""Handing parties to consultants: one assignment (a rotation decision plus the visit's new
state) and the dispatch every change of the floor ends with."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from salesdesk.domain.rotation import AssignReason, RotationEvent, direct, next_up
from salesdesk.services.reception.context import open_visits, set_ticket_status
from salesdesk.services.reception.day_rotation import DayRotation
from salesdesk.services.reception.results import Settings
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.reception import Visit


def assign(rot: DayRotation, v: Visit, staff_id: str, events: tuple[RotationEvent, ...],
           now: datetime) -> None:
    rot.record(*(RotationEvent(e.kind, e.staff_id, e.reason, e.note, v.id, e.status,
                               e.order) for e in events))
    v.consultant_id = staff_id
    v.status = "called"
    v.called_at = now


def dispatch(uow: UnitOfWork, rot: DayRotation, settings: Settings, now: datetime) -> None:
    """Give waiting parties to consultants who are free: first those waiting for a named
    consultant (owner, backup, appointment), then the rest by the rotation, oldest first."""
    waiting = [v for v in open_visits(uow, rot.day) if v.status == "waiting"]
    for v in waiting:
        if v.consultant_id and rot.state.available(v.consultant_id):
            reason = {"backup": AssignReason.OWNER_BACKUP,
                      "appointment": AssignReason.APPOINTMENT}.get(
                v.route, AssignReason.RETURNING_OWNER)
            assign(rot, v, v.consultant_id, (direct(rot.state, v.consultant_id, reason),), now)
            set_ticket_status(uow, v.id, "called")
    for v in waiting:
        if v.status != "waiting" or v.consultant_id:
            continue
        d = next_up(rot.state, settings.rules, important=v.important,
                    very_important=bool(v.very_important))
        if d.staff_id is not None:
            assign(rot, v, d.staff_id, d.events, now)
            set_ticket_status(uow, v.id, "called")
