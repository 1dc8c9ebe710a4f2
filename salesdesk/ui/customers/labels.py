"""Names for the codes a customer record carries, in the interface's language (tr()), so the
English interface never shows the services' Chinese and the Chinese one never shows codes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from salesdesk.domain.care.complaints import ComplaintChannel
from salesdesk.domain.care.plan import CareEventKind
from salesdesk.domain.care.satisfaction import Occasion
from salesdesk.ui.care.labels import care_event_label, complaint_channel_label, occasion_label
from salesdesk.ui.disclosure.labels import round_kind_label


def status(code: str) -> str:
    """Statuses of visits, subscriptions, appointments, tasks and complaints."""
    names = {
        "waiting": QCoreApplication.translate("CustomerLabels", "Waiting"),
        "called": QCoreApplication.translate("CustomerLabels", "Called"),
        "receiving": QCoreApplication.translate("CustomerLabels", "Being received"),
        "parked": QCoreApplication.translate("CustomerLabels", "Parked"),
        "finished": QCoreApplication.translate("CustomerLabels", "Finished"),
        "no_show": QCoreApplication.translate("CustomerLabels", "No-show"),
        "signing": QCoreApplication.translate("CustomerLabels", "Signing"),
        "active": QCoreApplication.translate("CustomerLabels", "Active"),
        "cancelled": QCoreApplication.translate("CustomerLabels", "Cancelled"),
        "conflict": QCoreApplication.translate("CustomerLabels", "Conflict"),
        "booked": QCoreApplication.translate("CustomerLabels", "Booked"),
        "confirmed": QCoreApplication.translate("CustomerLabels", "Confirmed"),
        "arrived": QCoreApplication.translate("CustomerLabels", "Arrived"),
        "completed": QCoreApplication.translate("CustomerLabels", "Completed"),
        "rescheduled": QCoreApplication.translate("CustomerLabels", "Rescheduled"),
        "open": QCoreApplication.translate("CustomerLabels", "Open"),
        "done": QCoreApplication.translate("CustomerLabels", "Done"),
        "closed": QCoreApplication.translate("CustomerLabels", "Closed"),
    }
    return names.get(code, code)


def appointment_kind(code: str) -> str:
    return {
        "visit": QCoreApplication.translate("CustomerLabels", "Visit"),
        "signing": QCoreApplication.translate("CustomerLabels", "Signing"),
    }.get(code, code)


def phone_label(code: str) -> str:
    return {
        "self": QCoreApplication.translate("CustomerLabels", "own"),
        "spouse": QCoreApplication.translate("CustomerLabels", "spouse"),
        "other": QCoreApplication.translate("CustomerLabels", "other"),
    }.get(code, code)


# The codes other capabilities label already are named by their own label modules; only a
# code this version does not know (a newer device's, through sync) falls back to itself.

def round_kind(record_type: str, code: str) -> str:
    return round_kind_label(record_type, code)


def care_event(code: str) -> str:
    try:
        return care_event_label(CareEventKind(code))
    except ValueError:
        return code


def occasion(code: str) -> str:
    try:
        return occasion_label(Occasion(code))
    except ValueError:
        return code


def channel(code: str) -> str:
    try:
        return complaint_channel_label(ComplaintChannel(code))
    except ValueError:
        return code
