"""Small shared widgets and helpers."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

SHANGHAI = ZoneInfo("Asia/Shanghai")


def message_box(parent: QWidget | None, text: str, *, error: bool = False) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("Widgets", "SalesDesk"))
    box.setText(text)
    box.open()


def error_label() -> QLabel:
    """A red message line shown under a field or form; hidden until there is a message."""
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setVisible(False)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def page_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")
    return label


def money(yuan: int | float) -> str:
    return f"¥{yuan:,.0f}"
