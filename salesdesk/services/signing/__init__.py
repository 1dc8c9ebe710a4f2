"""Signing: the buyer's materials checklist and its printed documents, subscriptions behind the
deposit gate, "one unit, one sale" (rule 13) and the sale conflicts two offline devices make.

The container builds the three services below; the UI reads their frozen results."""

from salesdesk.services.signing.results import (
    BatchResult,
    ChecklistItemView,
    ChecklistSummary,
    ChecklistView,
    CustomerChecklists,
    GateStatus,
    RulePackInfo,
    SaleConflictView,
    SaleSide,
    SubscriptionInfo,
    UnitChoice,
)
from salesdesk.services.signing.rule_packs import DEFAULT_PACK_PATH
from salesdesk.services.signing.sale_conflicts import SaleConflictService
from salesdesk.services.signing.service import SigningMaterialsService
from salesdesk.services.signing.subscriptions import SubscriptionService
from salesdesk.services.signing.unit_sale import require_signable

__all__ = [
    "DEFAULT_PACK_PATH",
    "BatchResult",
    "ChecklistItemView",
    "ChecklistSummary",
    "ChecklistView",
    "CustomerChecklists",
    "GateStatus",
    "RulePackInfo",
    "SaleConflictService",
    "SaleConflictView",
    "SaleSide",
    "SigningMaterialsService",
    "SubscriptionInfo",
    "SubscriptionService",
    "UnitChoice",
    "require_signable",
]
