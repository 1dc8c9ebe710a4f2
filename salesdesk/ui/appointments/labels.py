"""Screen labels for appointment kinds and statuses, and the colours of the signing board."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from salesdesk.domain.appointments import AppointmentKind, AppointmentStatus
from salesdesk.domain.local_time import local


def status_label(status: AppointmentStatus | str) -> str:
    labels = {
        "booked": QCoreApplication.translate("AppointmentLabels", "Booked"), "confirmed": QCoreApplication.translate("AppointmentLabels", "Confirmed"), "arrived": QCoreApplication.translate("AppointmentLabels", "Arrived"),
        "completed": QCoreApplication.translate("AppointmentLabels", "Completed"), "no_show": QCoreApplication.translate("AppointmentLabels", "No-show"), "cancelled": QCoreApplication.translate("AppointmentLabels", "Cancelled"),
        "rescheduled": QCoreApplication.translate("AppointmentLabels", "Rescheduled"), "free": QCoreApplication.translate("AppointmentLabels", "Free"),
        "conflict": QCoreApplication.translate("AppointmentLabels", "Desk conflict: move or cancel"),
    }
    return labels.get(str(status), str(status))


def kind_label(kind: AppointmentKind | str) -> str:
    return QCoreApplication.translate("AppointmentLabels", "Signing") if str(kind) == "signing" else QCoreApplication.translate("AppointmentLabels", "Visit")


def reminder_status_label(status: str) -> str:
    labels = {"due": QCoreApplication.translate("AppointmentLabels", "Not sent"), "pending": QCoreApplication.translate("AppointmentLabels", "Queued"), "sending": QCoreApplication.translate("AppointmentLabels", "Result unknown"),
              "sent": QCoreApplication.translate("AppointmentLabels", "Sent"), "failed": QCoreApplication.translate("AppointmentLabels", "Failed")}
    return labels.get(status, status)


def desk_name(desk_no: int) -> str:
    return QCoreApplication.translate("AppointmentLabels", "Desk %1").replace("%1", str(desk_no))


def weekday(value: datetime) -> str:
    names = [QCoreApplication.translate("AppointmentLabels", "Mon"), QCoreApplication.translate("AppointmentLabels", "Tue"), QCoreApplication.translate("AppointmentLabels", "Wed"), QCoreApplication.translate("AppointmentLabels", "Thu"), QCoreApplication.translate("AppointmentLabels", "Fri"), QCoreApplication.translate("AppointmentLabels", "Sat"), QCoreApplication.translate("AppointmentLabels", "Sun")]
    return names[local(value).weekday()]


# Board cell colours (background, text) per state.
STATE_COLOURS: dict[str, tuple[str, str]] = {
    "free": ("#f0fdf4", "#3f9142"),
    "booked": ("#e8f0fe", "#1a4fb4"),
    "confirmed": ("#d6e4ff", "#123f91"),
    "arrived": ("#fff4e5", "#9a4a00"),
    "completed": ("#eef2f7", "#52606d"),
    "no_show": ("#fef3f2", "#b42318"),
}

STATUS_TEXT_COLOURS: dict[str, str] = {
    "booked": "#1a4fb4", "confirmed": "#123f91", "arrived": "#b54708", "completed": "#52606d",
    "no_show": "#b42318", "cancelled": "#9fb3c8", "rescheduled": "#9fb3c8",
    "conflict": "#b42318",
}


# Local additions to the shared style: a checked toggle and a disabled primary button must look
# different from their normal state.
LOCAL_STYLE = """
QPushButton:checked { background: #1f6feb; color: white; border-color: #1f6feb; }
QPushButton#primary:disabled { background: #b3c7e6; border-color: #b3c7e6; color: #f4f6f9; }
"""
