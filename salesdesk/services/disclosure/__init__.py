"""Disclosure (告知): the checklist of what a customer must be told about a unit, rounds
recorded with the customer's acknowledgement on an append-only hash-chained ledger, the
supervisor's audit, and the ledger's verification and anchors."""

from salesdesk.services.disclosure.anchor import LedgerAnchorService
from salesdesk.services.disclosure.audit_service import DisclosureAuditService
from salesdesk.services.disclosure.results import (
    ChecklistView,
    ConsultantAuditRow,
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
from salesdesk.services.disclosure.service import DisclosureService
from salesdesk.services.disclosure.verify import check_ledger, ledger_verifier

__all__ = [
    "ChecklistView",
    "ConsultantAuditRow",
    "CustomerRef",
    "DisclosureAudit",
    "DisclosureAuditService",
    "DisclosureService",
    "IncompleteSubscriptionRow",
    "LedgerAlarm",
    "LedgerAnchorService",
    "LedgerCheck",
    "MismatchRow",
    "OnlineCheck",
    "PreOpeningRow",
    "RoundRecord",
    "RoundSummary",
    "check_ledger",
    "ledger_verifier",
]
