"""What the customer use cases return: frozen values, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from salesdesk.domain.salutation import public_name


@dataclass(frozen=True)
class PhoneInfo:
    e164: str
    masked: str
    label: str


@dataclass(frozen=True)
class CustomerInfo:
    id: str
    name: str
    salutation: str
    phones: tuple[PhoneInfo, ...]
    owner_staff_id: str | None
    has_id_number: bool
    consent_at: datetime | None
    consent_version: str
    created_at: datetime
    # Issue 15 §1: the customer record shows these (services/customers/erasure.py, consent.py).
    restricted: bool = False
    erased: bool = False
    consent_withdrawn: bool = False

    @property
    def display_name(self) -> str:
        """What a public screen may show: surname and title (王先生), never the full name or
        what was typed as the salutation verbatim (domain.salutation)."""
        return public_name(self.salutation, self.name) or "客户"

    @property
    def masked_phone(self) -> str:
        return self.phones[0].masked if self.phones else ""


@dataclass(frozen=True)
class MergeResult:
    survivor_id: str
    merged_id: str
    owner_staff_id: str | None
    moved: tuple[tuple[str, int], ...]  # (table, rows moved), tables with none left out
    conflicts_resolved: tuple[str, ...]

    def count(self, table: str) -> int:
        return dict(self.moved).get(table, 0)


@dataclass(frozen=True)
class ExportResult:
    customer_id: str
    json_path: Path
    pdf_path: Path
    sections: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ErasureResult:
    customer_id: str
    erased: bool
    restricted: bool
    pseudonym: str
    reason: str  # why erasure was refused ("" when erased)
    backups_scrubbed: int


@dataclass(frozen=True)
class RetentionCandidate:
    customer_id: str
    label: str  # salutation or pseudonym-like label, never the number
    last_seen: date


# --- the customer record (客户档案, issue 14 §2) --------------------------------------------


@dataclass(frozen=True)
class AttributionEntry:
    at: datetime
    from_name: str
    to_name: str
    reason: str


@dataclass(frozen=True)
class VisitEntry:
    day: str
    ticket: str
    consultant: str
    status: str
    first_visit: bool
    intent: str
    units_of_interest: str


@dataclass(frozen=True)
class RoundEntry:
    recorded_at: datetime
    record_type: str  # round | gate_override
    round_kind: str
    unit: str
    consultant: str
    covered: int
    items: int


@dataclass(frozen=True)
class SubscriptionEntry:
    subscribed_on: date
    unit: str
    unit_id: str
    price: int
    deposit: int
    status: str
    consultant: str


@dataclass(frozen=True)
class AppointmentEntry:
    starts_at: datetime
    kind: str  # visit | signing
    status: str
    unit: str
    consultant: str
    desk_no: int | None


@dataclass(frozen=True)
class MaterialsEntry:
    id: str
    made_at: datetime
    unit: str
    consultant: str
    warnings: int


@dataclass(frozen=True)
class TaskEntry:
    due_on: date
    event: str
    status: str
    owner: str
    outcome: str


@dataclass(frozen=True)
class ScoreEntry:
    scored_on: date
    occasion: str
    score100: float
    low: bool
    consultant: str


@dataclass(frozen=True)
class ComplaintEntry:
    received_at: datetime
    channel: str
    summary: str
    status: str
    owner: str


@dataclass(frozen=True)
class CustomerRecord:
    info: CustomerInfo
    owner: str  # the owner's name, "" when nobody owns the customer yet
    backup: str  # the owner's named backup (receives the customer when the owner is away)
    attribution: tuple[AttributionEntry, ...]
    visits: tuple[VisitEntry, ...]
    rounds: tuple[RoundEntry, ...]
    subscriptions: tuple[SubscriptionEntry, ...]
    appointments: tuple[AppointmentEntry, ...]
    materials: tuple[MaterialsEntry, ...]
    tasks: tuple[TaskEntry, ...]
    score_cards: tuple[ScoreEntry, ...]
    complaints: tuple[ComplaintEntry, ...]

    @property
    def open_unit_id(self) -> str | None:
        """The unit of the customer's active subscription: what signing and materials need."""
        return next((s.unit_id for s in self.subscriptions if s.status == "active"), None)
