"""What the care use cases hand back: frozen values the screens show, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from salesdesk.domain.care.complaints import ComplaintChannel, Demand, GroupKind, Step
from salesdesk.domain.care.plan import CareEventKind, Channel
from salesdesk.domain.care.satisfaction import OnTimeFigure, SatisfactionFigures, SatisfactionItem
from salesdesk.domain.disclosure import ESCALATION_LEVEL_ZH, EscalationLevel
from salesdesk.services.disclosure import CustomerRef


@dataclass(frozen=True)
class TaskInfo:
    id: str
    customer_id: str
    customer: str  # the salutation, never the phone number
    unit: str
    owner_staff_id: str | None
    owner: str
    event: CareEventKind  # the screen names the codes
    channel: Channel
    purpose: str
    starts_on: date
    due_on: date
    status: str
    overdue: bool
    outcome: str
    done_on: date | None
    message_id: str
    escalation_id: str
    birthday: date | None = None

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class TemplateInfo:
    key: str
    title: str
    text: str
    edited: bool


@dataclass(frozen=True)
class DailyRun:
    tasks_created: int
    messages_queued: int


@dataclass(frozen=True)
class StepInfo:
    step: Step
    done_on: date
    owner: str
    note: str


@dataclass(frozen=True)
class ComplaintInfo:
    id: str
    customer_id: str
    customer: str
    received_at: datetime
    channel: ComplaintChannel  # the screen names the codes
    summary: str
    demands: tuple[Demand, ...]
    owner_staff_id: str | None
    owner: str
    status: str
    outcome: str
    steps: tuple[StepInfo, ...]
    next_step: Step | None
    group_id: str | None
    group_kind: GroupKind | None  # the screen writes "kind: title"
    group_title: str


@dataclass(frozen=True)
class GroupInfo:
    id: str
    title: str
    kind: GroupKind
    kind_label: str
    advice: str
    leader: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class OwnedItem:
    """Something the inactive-owner check found: what, which row, who owns it."""

    kind: str  # customer | follow_up_task | complaint | ... | (hooked kinds); the screen names it
    row_id: str
    label: str  # names and times only: the screen adds the words, from parts (per kind)
    owner_staff_id: str
    owner: str
    parts: tuple[str, ...] = ()  # message/appointment: (kind code,); desk_roster: (desk, hours)


@dataclass(frozen=True)
class HandoverPreview:
    customers: int
    open_tasks: int
    open_complaints: int
    other_items: int = 0  # from the hooked capabilities (open appointments)
    open_escalations: int = 0
    unsent_messages: int = 0


@dataclass(frozen=True)
class HandoverResult:
    handover_id: str
    from_staff: str
    to_staff: str
    customers_moved: int
    tasks_moved: int
    other_moved: int
    messages_queued: int
    escalations_moved: int = 0
    messages_rewritten: int = 0


@dataclass(frozen=True)
class CardReceipt:
    """What the kiosk may know after a card: nothing about staff, only that it is stored."""

    card_id: str
    score100: float
    escalated: bool


@dataclass(frozen=True)
class KioskCustomer:
    customer_id: str
    label: str  # 王先生
    unit: str
    masked_phone: str


@dataclass(frozen=True)
class LowCard:
    card_id: str
    customer: str
    consultant: str
    scored_on: date
    score100: float
    low_items: tuple[SatisfactionItem, ...]  # the screen names them; the PDF uses ITEM_SHORT_ZH
    escalation_id: str
    consultant_id: str = ""


@dataclass(frozen=True)
class SatisfactionReport:
    project: str
    start: date
    end: date
    figures: SatisfactionFigures
    on_time: tuple[OnTimeFigure, ...]
    low_cards: tuple[LowCard, ...]


@dataclass(frozen=True)
class FollowUpInfo:
    id: str
    customer: CustomerRef
    unit_id: str
    caller_name: str
    called_at: datetime
    told_factors: bool
    told_sunshine: bool
    told_certificates: bool
    told_contract: bool
    score: int
    notes: str
    escalation_id: str


@dataclass(frozen=True)
class EscalationInfo:
    id: str
    customer: CustomerRef
    consultant_name: str
    level: EscalationLevel
    status: str
    opened_at: datetime
    score: int
    history: str
    outcome: str
    due_at: datetime | None = None
    overdue: bool = False
    consultant_id: str = ""

    @property
    def level_label(self) -> str:
        return ESCALATION_LEVEL_ZH[self.level]
