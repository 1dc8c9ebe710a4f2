"""Screen labels for the customer-care codes the domain returns (score-card occasions,
complaint channels, customers' demands, kinds of group complaint, follow-up tasks' events and
channels)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from salesdesk.domain.care.complaints import ComplaintChannel, Demand, GroupKind, Step
from salesdesk.domain.care.plan import CareEventKind, Channel
from salesdesk.domain.care.satisfaction import Occasion, SatisfactionItem
from salesdesk.ui.labels import escalation_level_label

if TYPE_CHECKING:
    from salesdesk.services.care import ComplaintInfo, OwnedItem


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


def step_label(step: Step) -> str:
    """A step of the complaint procedure (处理客户投诉的基本程序)."""
    return {
        Step.LISTEN: QCoreApplication.translate("CareLabels", "Listen to what the customer asks"),
        Step.SETTING: QCoreApplication.translate(
            "CareLabels", "Make the setting right for the talk (change the scene, place or way)"),
        Step.ACKNOWLEDGE: QCoreApplication.translate("CareLabels", "Show understanding, calm the anger"),
        Step.LOWER_EXPECTATIONS: QCoreApplication.translate("CareLabels", "Lower unreasonable expectations"),
        Step.PROPOSAL: QCoreApplication.translate("CareLabels", "Propose a solution"),
        Step.EXECUTION_PLAN: QCoreApplication.translate("CareLabels", "Draw up a plan to carry it out"),
    }[step]


def complaint_group_text(c: ComplaintInfo) -> str:
    """The group a complaint belongs to: "kind: title", or empty."""
    if c.group_kind is None:
        return ""
    return QCoreApplication.translate("CareLabels", "%1: %2 (group)").replace(
        "%1", group_label(c.group_kind)).replace("%2", c.group_title)


def message_kind_label(kind: str) -> str:
    """What a queued text message is for (services.messages kinds)."""
    labels = {
        "appointment.reminder": QCoreApplication.translate("CareLabels", "Appointment reminder"),
        "care.handover": QCoreApplication.translate("CareLabels", "New consultant introduced"),
        "care.after_subscription": QCoreApplication.translate("CareLabels", "Call after subscribing"),
        "care.signing_reminder": QCoreApplication.translate("CareLabels", "Signing materials reminder"),
        "care.congratulations": QCoreApplication.translate("CareLabels", "Signing congratulations"),
        "care.after_signing": QCoreApplication.translate("CareLabels", "Call after signing"),
        "care.birthday": QCoreApplication.translate("CareLabels", "Birthday wishes"),
        "care.holiday": QCoreApplication.translate("CareLabels", "Holiday greetings"),
        "care.monthly_news": QCoreApplication.translate("CareLabels", "Building progress"),
        "care.low_score": QCoreApplication.translate("CareLabels", "Satisfaction follow-up"),
    }
    if kind in labels:
        return labels[kind]
    return QCoreApplication.translate("CareLabels", "Care message") if kind.startswith(
        "care.") else kind


def owned_kind_label(kind: str) -> str:
    """What the inactive-owner check found still owned by a disabled account."""
    labels = {
        "customer": QCoreApplication.translate("CareLabels", "Customer"),
        "follow_up_task": QCoreApplication.translate("CareLabels", "Follow-up task"),
        "complaint": QCoreApplication.translate("CareLabels", "Open complaint"),
        "escalation_task": QCoreApplication.translate("CareLabels", "Follow-up escalation"),
        "message": QCoreApplication.translate("CareLabels", "Unsent text message"),
        "consultant_backup": QCoreApplication.translate("CareLabels", "Named backup"),
        "desk_roster": QCoreApplication.translate("CareLabels", "Signing desk shift"),
        "appointment": QCoreApplication.translate("CareLabels", "Appointment"),
    }
    return labels.get(kind, kind)


def owned_item_text(i: OwnedItem) -> str:
    """The item itself: the service's names and times, with the words added here."""
    if i.kind == "message" and i.parts:
        return f"{i.label} · {message_kind_label(i.parts[0])}"
    if i.kind == "escalation_task" and i.parts:
        return f"{i.label} · {escalation_level_label(i.parts[0])}"
    if i.kind == "appointment" and i.parts:
        kind = (QCoreApplication.translate("CareLabels", "signing appointment")
                if i.parts[0] == "signing"
                else QCoreApplication.translate("CareLabels", "visit appointment"))
        return f"{i.label} {kind}"
    if i.kind == "consultant_backup":
        return QCoreApplication.translate("CareLabels", "backup for %1").replace("%1", i.label)
    if i.kind == "desk_roster" and len(i.parts) == 2:
        return QCoreApplication.translate("CareLabels", "%1 desk %2 %3").replace(
            "%1", i.label).replace("%2", i.parts[0]).replace("%3", i.parts[1])
    return i.label


def satisfaction_item_label(key: str) -> str:
    """A score-card item, short (the chart's bars)."""
    labels = {
        SatisfactionItem.LAYOUT: QCoreApplication.translate("CareLabels", "Showroom"),
        SatisfactionItem.NEEDS: QCoreApplication.translate("CareLabels", "Understood needs"),
        SatisfactionItem.PROCESS: QCoreApplication.translate("CareLabels", "Easy paperwork"),
        SatisfactionItem.AFTER_SALE: QCoreApplication.translate("CareLabels", "After-sale care"),
        SatisfactionItem.TRUST: QCoreApplication.translate("CareLabels", "Trustworthy"),
    }
    try:
        return labels[SatisfactionItem(key)]
    except ValueError:
        return key


def staff_or_unassigned(staff_id: str, name: str) -> str:
    """A figure's consultant: the name the service found, or the screen's word for nobody."""
    return name if staff_id else QCoreApplication.translate("CareLabels", "(unassigned)")


def item_list(items: tuple[SatisfactionItem, ...]) -> str:
    """Score-card items in a line, with the language's list separator."""
    return QCoreApplication.translate("CareLabels", ", ", "list separator").join(
        satisfaction_item_label(i) for i in items)
