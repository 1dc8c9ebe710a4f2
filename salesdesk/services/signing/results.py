"""What signing's use cases hand back: frozen values the UI, the command line and the PDF
builders read, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from salesdesk.domain.buyer_profile import BuyerProfile
from salesdesk.domain.disclosure import ChecklistItem, gate_message
from salesdesk.domain.rule_pack import FlowStep, Stage
from salesdesk.services.disclosure import CustomerRef

# ---- rule packs and materials checklists ----------------------------------------------------


@dataclass(frozen=True)
class RulePackInfo:
    id: str
    pack_id: str
    city: str
    project: str
    version: str
    title: str
    source: str
    imported_at: datetime
    materials: int
    created: bool  # False when this exact version was already there

    @property
    def label(self) -> str:
        return f"{self.title} · {self.version}"


@dataclass(frozen=True)
class ChecklistItemView:
    id: str
    code: str
    name: str
    stage: Stage
    original: bool
    copies: int
    note: str
    form: str
    received_at: datetime | None
    received_by: str  # staff name

    @property
    def received(self) -> bool:
        return self.received_at is not None


@dataclass(frozen=True)
class ChecklistView:
    id: str
    customer_id: str
    customer_name: str
    customer_phone: str  # masked
    unit_id: str | None
    unit_label: str
    consultant_name: str
    consultant_phone: str
    pack_version_id: str
    pack_label: str
    profile: BuyerProfile
    warnings: tuple[str, ...]
    flow: tuple[FlowStep, ...]
    items: tuple[ChecklistItemView, ...]
    updated_at: datetime
    notes: str = ""
    # Open follow-up escalations of the customer: resolve before signing (issue 15 §2).
    open_escalations: tuple[str, ...] = ()

    def by_stage(self) -> list[tuple[Stage, tuple[ChecklistItemView, ...]]]:
        return [(s, tuple(i for i in self.items if i.stage is s)) for s in Stage
                if any(i.stage is s for i in self.items)]

    @property
    def missing(self) -> tuple[ChecklistItemView, ...]:
        """What the customer still has to bring (signing day)."""
        return tuple(i for i in self.items if not i.received)

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class CustomerChecklists:
    customer_id: str
    customer_name: str
    customer_phone: str  # masked
    profile: BuyerProfile | None
    checklists: tuple[ChecklistView, ...]


@dataclass(frozen=True)
class ChecklistSummary:
    """One line of the "recent checklists" list."""

    id: str
    customer_id: str
    customer_name: str
    customer_phone: str  # masked
    unit_number: str  # "" when no unit is chosen yet
    missing: int
    total: int
    updated_at: datetime


@dataclass(frozen=True)
class BatchResult:
    day: date
    total: int  # signing bookings that day
    files: tuple[Path, ...]
    skipped: tuple[str, ...]  # bookings without a checklist (what to read on screen)


# ---- subscriptions --------------------------------------------------------------------------


@dataclass(frozen=True)
class GateStatus:
    sellable: bool
    no_round: bool
    missing: tuple[ChecklistItem, ...]
    pre_deposit_record_id: str
    active_subscription_id: str
    # Why the unit takes no deposit at all (rule 13: not for sale, taken), "" when it may.
    sale_message: str = ""

    @property
    def open(self) -> bool:
        return (self.sellable and not self.missing and not self.active_subscription_id
                and not self.sale_message)

    @property
    def message(self) -> str:
        return gate_message(self.missing, self.no_round) if self.missing else ""


@dataclass(frozen=True)
class SubscriptionInfo:
    id: str
    customer: CustomerRef
    unit_id: str
    unit_number: str
    consultant_name: str
    price: int
    deposit: int
    subscribed_on: date
    status: str
    disclosure_complete: bool
    disclosure_record_id: str
    override_record_id: str
    created_at: datetime


# ---- sale conflicts -------------------------------------------------------------------------


@dataclass(frozen=True)
class SaleSide:
    subscription_id: str
    customer_id: str
    customer: str  # name and masked phone, as staff screens show customers
    consultant: str
    price: int
    deposit: int
    subscribed_on: date | None
    status: str  # the subscription's status on this device now


@dataclass(frozen=True)
class SaleConflictView:
    conflict_id: str
    unit_id: str
    unit_number: str
    holder: SaleSide  # reached head office first: holds the unit
    loser: SaleSide  # kept as conflict
    status: str  # open | resolved
    resolution: str
    resolved_by: str
    resolved_at: datetime | None
    can_resolve: bool

    @property
    def summary(self) -> str:
        def side(s: SaleSide) -> str:
            return f"{s.customer}（顾问 {s.consultant}，定金 ¥{s.deposit:,}）"

        return (f"{self.unit_number}：{side(self.holder)} 先到总部，认购有效；"
                f"{side(self.loser)} 的认购待主管处理")


@dataclass(frozen=True)
class UnitChoice:
    id: str
    number: str
    total_price: int
