"""Screen labels for the customer-care codes the domain returns (score-card occasions,
complaint channels, customers' demands, kinds of group complaint, follow-up tasks' events and
channels)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from salesdesk.domain.care.complaints import ComplaintChannel, Demand, GroupKind
from salesdesk.domain.care.plan import CareEventKind, Channel
from salesdesk.domain.care.satisfaction import Occasion


def occasion_label(occasion: Occasion) -> str:
    return {
        Occasion.OPENING: QCoreApplication.translate("CareLabels", "Opening day"),
        Occasion.SIGNING: QCoreApplication.translate("CareLabels", "After signing"),
        Occasion.FOLLOW_UP: QCoreApplication.translate("CareLabels", "Follow-up"),
    }[occasion]


def complaint_channel_label(channel: ComplaintChannel) -> str:
    return {
        ComplaintChannel.ON_SITE: QCoreApplication.translate("CareLabels", "On site"),
        ComplaintChannel.PHONE: QCoreApplication.translate("CareLabels", "Phone"),
        ComplaintChannel.FOLLOW_UP: QCoreApplication.translate("CareLabels", "Raised in a follow-up"),
        ComplaintChannel.ONLINE: QCoreApplication.translate("CareLabels", "Online / 12345 hotline"),
        ComplaintChannel.LETTER: QCoreApplication.translate("CareLabels", "Letter"),
    }[channel]


def demand_label(demand: Demand) -> str:
    return {
        Demand.RESPECT: QCoreApplication.translate("CareLabels", "To be respected"),
        Demand.FIX: QCoreApplication.translate("CareLabels", "The problem fixed now"),
        Demand.COMPENSATION: QCoreApplication.translate("CareLabels", "Compensation"),
        Demand.PUNISH: QCoreApplication.translate("CareLabels", "Whoever was at fault punished"),
        Demand.GUARANTEE: QCoreApplication.translate("CareLabels", "A guarantee it will not happen again"),
    }[demand]


def group_label(kind: GroupKind) -> str:
    return {
        GroupKind.CORE: QCoreApplication.translate("CareLabels", "Group complaint with a leader"),
        GroupKind.TEAM: QCoreApplication.translate("CareLabels", "Group complaint by a team"),
        GroupKind.SCATTERED: QCoreApplication.translate("CareLabels", "Scattered group complaint"),
    }[kind]


def care_event_label(event: CareEventKind) -> str:
    """What a follow-up task answers (the care plan's event)."""
    return {
        CareEventKind.SUBSCRIBED: QCoreApplication.translate("CareLabels", "After subscribing"),
        CareEventKind.DAY_BEFORE_SIGNING: QCoreApplication.translate("CareLabels", "Day before signing"),
        CareEventKind.SIGNED: QCoreApplication.translate("CareLabels", "After signing"),
        CareEventKind.BIRTHDAY: QCoreApplication.translate("CareLabels", "Birthday"),
        CareEventKind.HOLIDAY: QCoreApplication.translate("CareLabels", "Holiday"),
        CareEventKind.MONTHLY_NEWS: QCoreApplication.translate("CareLabels", "Monthly building progress"),
        CareEventKind.LOW_SCORE: QCoreApplication.translate("CareLabels", "Low-score remedy"),
        CareEventKind.REFUND: QCoreApplication.translate("CareLabels", "Subscription refunded"),
    }[event]


def task_channel_label(channel: Channel) -> str:
    """How a follow-up task reaches the customer."""
    return {
        Channel.CALL: QCoreApplication.translate("CareLabels", "Phone call"),
        Channel.MESSAGE: QCoreApplication.translate("CareLabels", "Text message"),
        Channel.VISIT: QCoreApplication.translate("CareLabels", "Visit"),
    }[channel]
