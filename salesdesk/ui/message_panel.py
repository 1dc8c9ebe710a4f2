"""The right-hand side of every "messages to send" list (appointment reminders, care messages):
the text, Copy / Print / Mark sent, and the two buttons that settle a send whose result is
unknown. The list it sits beside owns the data and the service calls."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

# A message's status in the lists: sent green, failed red, result unknown amber.
STATUS_COLOURS = {"sent": "#05603a", "failed": "#b42318", "sending": "#b54708"}


class Sendable(Protocol):
    """A row of a messages-to-send list (a reminder, an outbox message)."""

    @property
    def text(self) -> str: ...

    @property
    def status(self) -> str: ...

    @property
    def can_send(self) -> bool: ...


class MessageSendPanel(QWidget):
    send_requested = Signal()
    resolved = Signal(bool)  # True: it did go out

    def __init__(self, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Message text")))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        layout.addWidget(self.text, 1)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy)
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.clicked.connect(self.print_text)
        self.sent_button = QPushButton(self.tr("Mark sent"))
        self.sent_button.setObjectName("primary")
        self.sent_button.clicked.connect(self._send)
        for b in (self.copy_button, self.print_button, self.sent_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        # A send whose result is unknown (the app stopped mid-send) is settled by a person.
        unknown = QHBoxLayout()
        self.went_button = QPushButton(self.tr("It did go out"))
        self.went_button.clicked.connect(lambda: self.resolved.emit(True))
        self.not_went_button = QPushButton(self.tr("It did not go out"))
        self.not_went_button.clicked.connect(lambda: self.resolved.emit(False))
        unknown.addWidget(self.went_button)
        unknown.addWidget(self.not_went_button)
        layout.addLayout(unknown)
        note = QLabel(hint)
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.show_message(None, "")

    def show_message(self, text: str | None, status: str, can_send: bool = False) -> None:
        """``text`` None: nothing selected. ``status`` "sending" means the result is unknown."""
        self.text.setPlainText(text or "")
        self.copy_button.setEnabled(text is not None)
        self.print_button.setEnabled(text is not None)
        self.sent_button.setEnabled(text is not None and can_send)
        stuck = text is not None and status == "sending"
        self.went_button.setVisible(stuck)
        self.not_went_button.setVisible(stuck)

    def show_item(self, item: Sendable | None) -> None:
        if item is None:
            self.show_message(None, "")
        else:
            self.show_message(item.text, item.status, item.can_send)

    def beside(self, table: QTableView, sizes: tuple[int, int]) -> QSplitter:
        """The list on the left, this panel on the right."""
        split = QSplitter()
        split.addWidget(table)
        split.addWidget(self)
        split.setSizes(list(sizes))
        return split

    def _send(self) -> None:
        self.sent_button.setEnabled(False)  # until the list reloads: one press, one send
        self.send_requested.emit()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())

    def print_text(self) -> None:
        printer = QPrinter()
        if QPrintDialog(printer, self).exec():
            QTextDocument(self.text.toPlainText()).print_(printer)
