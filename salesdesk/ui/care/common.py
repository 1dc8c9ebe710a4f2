"""Small helpers shared by the care screens (the app-wide ones, with care's table defaults)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QTableView

from salesdesk.ui.widgets import card, record_table, section

__all__ = ["card", "section", "table"]


def table(model: QAbstractItemModel) -> QTableView:
    return record_table(model, word_wrap=False, single=True)
