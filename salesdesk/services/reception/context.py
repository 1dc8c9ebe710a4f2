"""What every reception use case shares: the service's state (database, appointment hook,
rotation cache, ticket prefix) and the small readings each of them needs (settings, staff, the
day's open visits, a party's ticket, the estimated wait)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from salesdesk.domain.errors import NotFound, PermissionDenied
from salesdesk.domain.local_time import local_day
from salesdesk.domain.queue import (
    TicketStatus,
    can_move,
    estimated_wait_minutes,
    public_name,
    ticket_label,
)
from salesdesk.domain.roles import Actor, Permission
from salesdesk.domain.rotation import ImportantMode, JointMode
from salesdesk.services.hooks import AppointmentArrivals
from salesdesk.services.reception.day_rotation import DayRotation, RotationCache
from salesdesk.services.reception.results import QueueEntry, Settings, StaffBrief
from salesdesk.store.database import Database, get_local_meta
from salesdesk.store.queries import reception as q
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.reception import Visit

OPEN_STATUSES = ("waiting", "called", "receiving", "parked")

# The source rules' two tiers by default: important → 熟手, very important → the sales manager.
DEFAULT_SETTINGS = Settings(ImportantMode.TIERED, JointMode.ONE_LIST, 10, 10)


@dataclass
class ReceptionContext:
    db: Database
    arrivals: AppointmentArrivals | None = None
    rotations: RotationCache = field(default_factory=RotationCache)
    prefix: str | None = None

    def today(self) -> date:
        return local_day(self.db.now())

    def ticket_prefix(self) -> str:
        if self.prefix is None:
            self.prefix = get_local_meta(self.db, "ticket_prefix") or "A"
        return self.prefix

    def rotation(self, uow: UnitOfWork, day: date, count: int | None = None) -> DayRotation:
        return DayRotation(uow, day, self.rotations, count)


def load_settings(uow: UnitOfWork) -> Settings:
    return settings_of(q.latest_settings(uow))


def settings_of(row: q.SettingsRow | None) -> Settings:
    if row is None:
        return DEFAULT_SETTINGS
    return Settings(ImportantMode(row[0]), JointMode(row[1]), row[2], row[3])


def staff_map(uow: UnitOfWork) -> dict[str, StaffBrief]:
    return {r[0]: StaffBrief(*r) for r in q.live_staff(uow)}


def open_visits(uow: UnitOfWork, day: date) -> list[Visit]:
    return q.visits_of_day_in(uow, day, OPEN_STATUSES)


def v_day(v: Visit) -> date:
    return date.fromisoformat(v.day)


def minutes(delta: timedelta) -> int:
    return max(0, int(delta.total_seconds() // 60))


def queue_entry(v: Visit, staff: dict[str, StaffBrief], now: datetime) -> QueueEntry:
    end = v.started_at or now
    consultant = staff.get(v.consultant_id or "")
    return QueueEntry(
        v.id, v.ticket_label, public_name(v.salutation, "") or "访客", v.party_size,
        v.source,
        v.status, v.route, v.consultant_id, consultant.name if consultant else "",
        v.checked_in_at, minutes(end - v.checked_in_at), v.important, v.group_tour,
        v.customer_id, v.first_visit, v.recalls, v.called_at, bool(v.very_important),
    )


def visit_for(uow: UnitOfWork, actor: Actor, visit_id: str) -> Visit:
    """The visit, if it is the actor's party (or the actor manages the rotation)."""
    v = q.visit(uow, visit_id)
    if v is None or v.deleted:
        raise NotFound("没有这个来访记录", en="No such visit")
    if v.consultant_id != actor.staff_id and not actor.can(Permission.MANAGE_ROTATION):
        raise PermissionDenied("这组客户不是分给您的", en="This party is not assigned to you")
    return v


def recent_durations(uow: UnitOfWork, day: date, limit: int = 30) -> list[float]:
    return [(f - s).total_seconds() / 60 for s, f in q.latest_receptions(uow, day, limit)
            if s is not None and f is not None]


def wait_estimate(uow: UnitOfWork, day: date, rot: DayRotation, position: int) -> int:
    on_duty = sum(1 for s in rot.state.order if rot.state.on_duty(s))
    return estimated_wait_minutes(position, on_duty, recent_durations(uow, day))


def next_ticket(uow: UnitOfWork, day: date, prefix: str) -> tuple[int, str]:
    """The next number of this device today, and its label (A031)."""
    number = q.last_ticket_number(uow, day, prefix) + 1
    return number, ticket_label(prefix, number)


def set_ticket_status(uow: UnitOfWork, visit_id: str, status: str) -> None:
    """Move the party's ticket on, when its status may move there (it only moves forward)."""
    ticket = q.ticket_of_visit(uow, visit_id)
    if ticket is not None and can_move(TicketStatus(ticket.status), TicketStatus(status)) \
            and ticket.status != status:
        ticket.status = status
