"""What the appointments use cases hand back: frozen values, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from salesdesk.domain.appointments import (
    KIND_LABELS_ZH,
    OPEN_STATUSES,
    STATUS_LABELS_ZH,
    AppointmentKind,
    AppointmentStatus,
    BookingRules,
)
from salesdesk.domain.salutation import public_salutation
from salesdesk.domain.signing_slots import CentreSettings, DayPlan, Slot
from salesdesk.services.messages import FAILED, PENDING

DUE = "due"  # a reminder with no message queued yet


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


@dataclass(frozen=True)
class ReminderItem:
    appointment: AppointmentInfo
    text: str
    status: str  # due | pending | sending | sent | failed
    message_id: str | None
    attempts: int
    last_error: str
    sent_at: datetime | None
    sent_by_name: str

    @property
    def can_send(self) -> bool:
        return self.status in (DUE, PENDING, FAILED)
