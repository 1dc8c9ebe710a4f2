"""Names for the codes a customer record carries, in the interface's language (tr()), so the
English interface never shows the services' Chinese and the Chinese one never shows codes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def status(code: str) -> str:
    """Statuses of visits, subscriptions, appointments, tasks and complaints."""
    names = {
        "waiting": QCoreApplication.translate("CustomerLabels", "Waiting"), "called": QCoreApplication.translate("CustomerLabels", "Called"), "receiving": QCoreApplication.translate("CustomerLabels", "Being received"),
        "parked": QCoreApplication.translate("CustomerLabels", "Parked"), "finished": QCoreApplication.translate("CustomerLabels", "Finished"), "no_show": QCoreApplication.translate("CustomerLabels", "No-show"),
        "signing": QCoreApplication.translate("CustomerLabels", "Signing"), "active": QCoreApplication.translate("CustomerLabels", "Active"), "cancelled": QCoreApplication.translate("CustomerLabels", "Cancelled"),
        "conflict": QCoreApplication.translate("CustomerLabels", "Conflict"), "booked": QCoreApplication.translate("CustomerLabels", "Booked"), "confirmed": QCoreApplication.translate("CustomerLabels", "Confirmed"),
        "arrived": QCoreApplication.translate("CustomerLabels", "Arrived"), "completed": QCoreApplication.translate("CustomerLabels", "Completed"),
        "rescheduled": QCoreApplication.translate("CustomerLabels", "Rescheduled"), "open": QCoreApplication.translate("CustomerLabels", "Open"), "done": QCoreApplication.translate("CustomerLabels", "Done"),
        "closed": QCoreApplication.translate("CustomerLabels", "Closed"),
    }
    return names.get(code, code)


def round_kind(record_type: str, code: str) -> str:
    if record_type == "gate_override":
        return QCoreApplication.translate("CustomerLabels", "Deposit gate override")
    names = {"reception": QCoreApplication.translate("CustomerLabels", "During reception"), "pre_deposit": QCoreApplication.translate("CustomerLabels", "Before the deposit"),
             "re_cover": QCoreApplication.translate("CustomerLabels", "Covered again")}
    return names.get(code, code)


def appointment_kind(code: str) -> str:
    return {"visit": QCoreApplication.translate("CustomerLabels", "Visit"), "signing": QCoreApplication.translate("CustomerLabels", "Signing")}.get(code, code)


def care_event(code: str) -> str:
    names = {
        "subscribed": QCoreApplication.translate("CustomerLabels", "After subscribing"), "day_before_signing": QCoreApplication.translate("CustomerLabels", "Day before signing"),
        "signed": QCoreApplication.translate("CustomerLabels", "After signing"), "birthday": QCoreApplication.translate("CustomerLabels", "Birthday"), "holiday": QCoreApplication.translate("CustomerLabels", "Holiday"),
        "monthly_news": QCoreApplication.translate("CustomerLabels", "Monthly news"), "low_score": QCoreApplication.translate("CustomerLabels", "Low score"),
        "refund": QCoreApplication.translate("CustomerLabels", "Refund"),
    }
    return names.get(code, code)


def occasion(code: str) -> str:
    return {"opening": QCoreApplication.translate("CustomerLabels", "Opening day"), "signing": QCoreApplication.translate("CustomerLabels", "After signing"),
            "follow_up": QCoreApplication.translate("CustomerLabels", "Follow-up")}.get(code, code)


def channel(code: str) -> str:
    names = {"on_site": QCoreApplication.translate("CustomerLabels", "On site"), "phone": QCoreApplication.translate("CustomerLabels", "Phone"), "follow_up": QCoreApplication.translate("CustomerLabels", "Follow-up call"),
             "online": QCoreApplication.translate("CustomerLabels", "Online"), "letter": QCoreApplication.translate("CustomerLabels", "Letter")}
    return names.get(code, code)


def phone_label(code: str) -> str:
    return {"self": QCoreApplication.translate("CustomerLabels", "own"), "spouse": QCoreApplication.translate("CustomerLabels", "spouse"), "other": QCoreApplication.translate("CustomerLabels", "other")}.get(code, code)
