"""Customer care after the deposit: the follow-up plan's tasks and messages (``CareService``),
complaints, satisfaction score cards, the developer's follow-up calls and their escalation
chain, and the handover when a consultant leaves. Screens and the container import from here."""

from salesdesk.services.care.complaints import ComplaintService
from salesdesk.services.care.follow_up import FollowUpService
from salesdesk.services.care.handover import HandoverService
from salesdesk.services.care.results import (
    CardReceipt,
    ComplaintInfo,
    DailyRun,
    EscalationInfo,
    FollowUpInfo,
    GroupInfo,
    HandoverPreview,
    HandoverResult,
    KioskCustomer,
    LowCard,
    OwnedItem,
    SatisfactionReport,
    StepInfo,
    TaskInfo,
    TemplateInfo,
)
from salesdesk.services.care.satisfaction import SatisfactionService
from salesdesk.services.care.service import CareService
from salesdesk.services.care.signing_notes import escalation_notes

__all__ = [
    "CardReceipt",
    "CareService",
    "ComplaintInfo",
    "ComplaintService",
    "DailyRun",
    "EscalationInfo",
    "FollowUpInfo",
    "FollowUpService",
    "GroupInfo",
    "HandoverPreview",
    "HandoverResult",
    "HandoverService",
    "KioskCustomer",
    "LowCard",
    "OwnedItem",
    "SatisfactionReport",
    "SatisfactionService",
    "StepInfo",
    "TaskInfo",
    "TemplateInfo",
    "escalation_notes",
]
