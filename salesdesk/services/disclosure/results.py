"""What the disclosure use cases return: frozen values, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from salesdesk.domain.disclosure import (
    ChecklistItem,
    ItemKind,
    RecordType,
)
from salesdesk.domain.ledger import ChainProblem, ChainSummary

if TYPE_CHECKING:  # follow-up imports the disclosure helpers; only its type is needed here
    from salesdesk.services.care import EscalationInfo


@dataclass(frozen=True)
class CustomerRef:
    id: str
    name: str
    salutation: str
    masked_phone: str

    @property
    def label(self) -> str:
        name = self.name or self.salutation or "客户"
        return f"{name}（{self.masked_phone}）" if self.masked_phone else name

    @property
    def public_label(self) -> str:
        """How a paper that leaves the desk names the customer: the salutation before the
        name, and the masked phone."""
        name = self.salutation or self.name or "客户"
        return f"{name}（{self.masked_phone}）" if self.masked_phone else name


@dataclass(frozen=True)
class CustomerOwner:
    """Who the customer belongs to (判客): a round recorded for a colleague's customer is
    flagged on the page before it is saved."""
    customer_id: str
    staff_id: str  # "" while nobody owns the customer
    name: str


@dataclass(frozen=True)
class RoundSummary:
    id: str
    record_type: RecordType
    round_kind: str
    recorded_at: datetime
    consultant_name: str
    n_items: int
    n_covered: int
    superseded: bool
    supersedes_id: str
    reason: str
    # The signed paper form: collected at the save (in the hashed row) or recorded after it.
    paper_collected: bool = False

    @property
    def complete(self) -> bool:
        return self.n_items > 0 and self.n_items == self.n_covered


@dataclass(frozen=True)
class ChecklistView:
    customer: CustomerRef
    unit_id: str
    unit_number: str
    building_name: str
    sellable: bool
    items: tuple[ChecklistItem, ...]
    problems: tuple[str, ...]
    checklist_hash: str
    rounds: tuple[RoundSummary, ...]
    owner: CustomerOwner | None = None


@dataclass(frozen=True)
class RecordedItem:
    item: ChecklistItem
    covered: bool
    covered_at: datetime | None


@dataclass(frozen=True)
class RoundRecord:
    id: str
    record_type: RecordType
    round_kind: str
    customer: CustomerRef
    unit_id: str
    unit_number: str
    consultant_id: str
    consultant_name: str
    recorded_by_name: str
    started_at: datetime
    recorded_at: datetime
    items: tuple[RecordedItem, ...]
    signature_png: bytes | None
    signature_hash: str
    paper_form: bool
    hash: str
    prev_hash: str
    chain_seq: int
    device_id: str
    supersedes_id: str
    reason: str

    @property
    def missing(self) -> list[ChecklistItem]:
        return [r.item for r in self.items if not r.covered]

    @property
    def complete(self) -> bool:
        return bool(self.items) and not self.missing


@dataclass(frozen=True)
class ConsultantAuditRow:
    staff_id: str
    name: str
    agency: str
    # Reception rounds: until the reception capability's own visit records are wired in,
    # each disclosure round during reception stands for one reception.
    receptions: int
    rounds: int
    rounds_complete: int
    items_missed: int
    overrides: int
    subscriptions: int
    subscriptions_incomplete: int
    mismatches: int


@dataclass(frozen=True)
class IncompleteSubscriptionRow:
    subscription_id: str
    subscribed_on: date
    customer: str
    unit_number: str
    consultant_name: str
    override_by: str
    reason: str
    missing: int


@dataclass(frozen=True)
class MismatchRow:
    called_at: datetime
    customer: str
    customer_id: str
    unit_number: str
    consultant_id: str
    consultant_name: str
    topic: str
    ledger_told: bool
    customer_says_told: bool
    description: str
    recorded_by: str = ""  # who took the answer, with their role: the audit checks it is not sales


@dataclass(frozen=True)
class ItemStatus:
    kind: ItemKind
    title: str
    told: bool


@dataclass(frozen=True)
class PreOpeningRow:
    customer: str
    customer_id: str
    unit_number: str
    consultant_name: str
    items: tuple[ItemStatus, ...]
    follow_up: str  # what the latest follow-up call said, or "未回访"

    @property
    def told(self) -> int:
        return sum(1 for i in self.items if i.told)

    @property
    def all_told(self) -> bool:
        return self.told == len(self.items)

    def kind_status(self, kind: ItemKind) -> str:
        items = [i for i in self.items if i.kind is kind]
        if not items:
            return "—"
        told = sum(1 for i in items if i.told)
        return "✓" if told == len(items) else f"{told}/{len(items)}"

    @property
    def missing_text(self) -> str:
        return "、".join(i.title for i in self.items if not i.told)


@dataclass(frozen=True)
class DisclosureAudit:
    date_from: date
    date_to: date
    generated_at: datetime
    consultants: tuple[ConsultantAuditRow, ...]
    incomplete_subscriptions: tuple[IncompleteSubscriptionRow, ...]
    mismatches: tuple[MismatchRow, ...]
    pre_opening: tuple[PreOpeningRow, ...]
    open_escalations: tuple[EscalationInfo, ...]
    chains: tuple[ChainSummary, ...] = ()


@dataclass(frozen=True)
class OnlineCheck:
    chains: tuple[ChainSummary, ...]
    compared: int  # records head office holds that were compared
    problems: tuple[ChainProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class LedgerAlarm:
    id: str
    kind: str  # ledger_fork | ledger_hash | ledger_link | tamper; the screen names it
    record_id: str
    chain_device: str
    chain_seq: int | None
    reason: str
    sent_by: str  # the enrolled device whose push was refused
    created_at: datetime
    status: str


@dataclass
class LedgerCheck:
    records: int
    devices: int
    chain_problems: list[ChainProblem]
    other_problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.chain_problems and not self.other_problems
