"""Customer care screens: follow-up tasks, the kiosk score card, satisfaction figures,
complaints, handover."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def page_title() -> str:
    """The navigation title, translated in this area's own file."""
    return QCoreApplication.translate("CarePage", "Customer care")
