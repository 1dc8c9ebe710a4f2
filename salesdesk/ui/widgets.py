"""Small shared widgets and helpers."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)


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


def record_table(model: QAbstractItemModel, *, word_wrap: bool = True,
                 single: bool = False) -> QTableView:
    """A read-only table of whole-row records, styled like every other list in the app."""
    return setup_record_table(QTableView(), model, word_wrap=word_wrap, single=single)


def setup_record_table(view: QTableView, model: QAbstractItemModel, *, word_wrap: bool = True,
                       single: bool = False) -> QTableView:
    """record_table's look and behaviour for a view a Designer form made."""
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(word_wrap)
    return view


def card(value: str, label: str) -> tuple[QFrame, QLabel]:
    """A figure card: a big value over its caption. Returns the frame and the value label."""
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    v = QLabel(value)
    v.setObjectName("cardValue")
    caption = QLabel(label)
    caption.setObjectName("cardLabel")
    layout.addWidget(v)
    layout.addWidget(caption)
    return frame, v


def section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label
