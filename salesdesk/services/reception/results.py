"""Reception's frozen values: what the use cases return to the UI (and the settings and staff
briefs they take back). No ORM row ever leaves a use case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from salesdesk.domain.roles import Role
from salesdesk.domain.rotation import (
    DutyStatus,
    FairnessReport,
    ImportantMode,
    JointMode,
    RotationRules,
)
from salesdesk.services.hooks import ArrivingAppointment


@dataclass(frozen=True)
class Settings:
    important_mode: ImportantMode
    joint_mode: JointMode
    no_show_minutes: int
    duplicate_minutes: int

    @property
    def rules(self) -> RotationRules:
        return RotationRules(self.important_mode, self.joint_mode)


@dataclass(frozen=True)
class StaffBrief:
    id: str
    code: str
    name: str
    role: str
    agency: str
    senior: bool
    active: bool

    @property
    def manager(self) -> bool:
        return self.role == Role.SUPERVISOR.value


@dataclass(frozen=True)
class CheckInResult:
    visit_id: str
    ticket: str
    display_name: str  # 王先生, for the screen
    masked_phone: str
    first_visit: bool
    route: str
    status: str
    consultant_id: str | None
    consultant_name: str
    wait_minutes: int  # estimated, when the party waits
    duplicate: bool
    appointment: ArrivingAppointment | None = None  # when an appointment routed the party


@dataclass(frozen=True)
class OwnerInfo:
    staff_id: str
    name: str
    status: str  # a DutyStatus value, or "" when not on today's list
    status_label: str
    backup_id: str | None
    backup_name: str

    @property
    def available(self) -> bool:
        return self.status == DutyStatus.AVAILABLE.value


@dataclass(frozen=True)
class Lookup:
    customer_id: str | None
    display_name: str
    masked_phone: str
    visits: int  # earlier visits and this one (already counted when checked in today)
    last_visit_day: str
    owner: OwnerInfo | None
    appointments: tuple[ArrivingAppointment, ...]
    open_visit_ticket: str  # checked in already today and still open


@dataclass(frozen=True)
class RotationEntry:
    staff_id: str
    name: str
    agency: str
    senior: bool
    manager: bool
    status: str  # a DutyStatus value; the screen names it
    note: str
    position: int  # 1 = next up; 0 = not in the walk-in cycle
    receptions_today: int
    current_ticket: str


@dataclass(frozen=True)
class QueueEntry:
    visit_id: str
    ticket: str
    display_name: str
    party_size: int
    source: str  # a Source code; the UI names it
    status: str
    route: str
    consultant_id: str | None
    consultant_name: str
    checked_in_at: datetime
    waited_minutes: int
    important: bool
    group_tour: bool
    customer_id: str
    first_visit: bool
    recalls: int
    called_at: datetime | None
    very_important: bool = False


@dataclass(frozen=True)
class Floor:
    day: date
    rotation: tuple[RotationEntry, ...]
    waiting: tuple[QueueEntry, ...]  # not yet received (waiting or called), oldest first
    receiving: tuple[QueueEntry, ...]
    parked: tuple[QueueEntry, ...]
    estimated_wait_minutes: int  # for a party checking in now


@dataclass(frozen=True)
class MyQueue:
    status: str  # a DutyStatus value; the screen names it
    on_duty: bool
    current: QueueEntry | None  # being received
    next: tuple[QueueEntry, ...]  # assigned to me, not started (called or waiting for me)
    parked: tuple[QueueEntry, ...]
    notices: tuple[str, ...]


@dataclass(frozen=True)
class BoardCall:
    ticket: str
    display_name: str
    consultant_name: str
    at: datetime | None


@dataclass(frozen=True)
class Board:
    now_receiving: tuple[BoardCall, ...]
    last_called: tuple[BoardCall, ...]
    waiting_count: int
    estimated_wait_minutes: int
    # Ticket labels only (in check-in order): a public screen lists them, nothing personal.
    waiting_tickets: tuple[str, ...] = ()


@dataclass(frozen=True)
class LogEntry:
    at: datetime
    kind: str
    staff_name: str
    reason: str  # code
    note: str
    ticket: str


@dataclass(frozen=True)
class ConsultantFigures:
    staff_id: str
    name: str
    agency: str
    receptions: int
    median_minutes: float | None
    p90_minutes: float | None
    intent_a: int
    no_shows: int
    invalid: int


@dataclass(frozen=True)
class Figures:
    start: date
    end: date
    visits: int  # parties
    people: int
    first_visits: int
    returning: int
    by_source: tuple[tuple[str, int], ...]  # (Source code, parties); the UI names the code
    wait_median: float | None  # minutes from check-in to being called
    wait_p90: float | None
    no_shows: int
    invalid: int
    consultants: tuple[ConsultantFigures, ...]
    fairness: FairnessReport
