"""Disclosure (告知): the checklist of what a customer must be told about a unit, rounds
recorded with the customer's acknowledgement on an append-only hash-chained ledger, the
supervisor's audit, and the ledger's verification and anchors."""

from salesdesk.services.disclosure.anchor import LedgerAnchorService
from salesdesk.services.disclosure.audit_service import DisclosureAuditService
from salesdesk.services.disclosure.checklist import current_checklist, customer_ref, local_text
from salesdesk.services.disclosure.ledger import NewRecord, append, checklist_row
from salesdesk.services.disclosure.results import (
    ChecklistView,
    ConsultantAuditRow,
    CustomerOwner,
    CustomerRef,
    DisclosureAudit,
    IncompleteSubscriptionRow,
    LedgerAlarm,
    LedgerCheck,
    MismatchRow,
    OnlineCheck,
    PreOpeningRow,
    RoundRecord,
    RoundSummary,
)
from salesdesk.services.disclosure.rounds import covered_items, effective_pre_deposit
from salesdesk.services.disclosure.service import DisclosureService
from salesdesk.services.disclosure.verify import check_ledger, ledger_verifier

# What other capabilities use (signing's deposit gate writes to the ledger; care and signing
# name the customer the way disclosure does): the only way in, besides the services above.
__all__ = [
    "ChecklistView",
    "ConsultantAuditRow",
    "CustomerOwner",
    "CustomerRef",
    "DisclosureAudit",
    "DisclosureAuditService",
    "DisclosureService",
    "IncompleteSubscriptionRow",
    "LedgerAlarm",
    "LedgerAnchorService",
    "LedgerCheck",
    "MismatchRow",
    "NewRecord",
    "OnlineCheck",
    "PreOpeningRow",
    "RoundRecord",
    "RoundSummary",
    "append",
    "check_ledger",
    "checklist_row",
    "covered_items",
    "current_checklist",
    "customer_ref",
    "effective_pre_deposit",
    "ledger_verifier",
    "local_text",
]
