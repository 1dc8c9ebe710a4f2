"""Moving a party to someone else: reception's reassignment of a party whose consultant has not
started (away, not coming forward) and the consultant's own transfer. Both ask why (it goes
into the rotation log) and confirm before anything changes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk.services.reception import QueueEntry
from salesdesk.ui.widgets import error_label


def confirm(parent: QWidget, text: str) -> bool:
    """The last check before the move (tests replace this module function)."""
    title = QCoreApplication.translate("ReassignDialog", "Confirm")
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class ReassignDialog(QDialog):
    """Choose who takes the party and say why; OK refuses an empty reason and asks to
    confirm. ``next_up`` offers "next in the rotation" (reception's reassignment)."""

    def __init__(self, parent: QWidget, entry: QueueEntry, colleagues: list[tuple[str, str]],
                 *, next_up: bool, title: str, preselect: str = "") -> None:
        super().__init__(parent)
        self.entry = entry
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        who = entry.consultant_name or self.tr("nobody yet")
        self.summary = QLabel(self.tr("%1 %2 · now with %3").replace(
            "%1", entry.ticket).replace("%2", entry.display_name).replace("%3", who))
        lay.addWidget(self.summary)
        form = QFormLayout()
        self.to = QComboBox()
        if next_up:
            self.to.addItem(self.tr("Next in the rotation"), "")
        for sid, name in colleagues:
            if sid != entry.consultant_id:
                self.to.addItem(name, sid)
        if preselect:
            i = self.to.findData(preselect)
            if i >= 0:
                self.to.setCurrentIndex(i)
        form.addRow(self.tr("Give to"), self.to)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the consultant is not on the floor"))
        form.addRow(self.tr("Reason"), self.reason)
        lay.addLayout(form)
        self.error = error_label()
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def to_staff_id(self) -> str:
        return str(self.to.currentData() or "")

    def reason_text(self) -> str:
        return self.reason.text().strip()

    def accept(self) -> None:
        if not self.reason_text():
            self.error.setText(self.tr("Give a reason: it goes into the rotation log"))
            self.error.setVisible(True)
            self.reason.setFocus()
            return
        if self.to.count() == 0:
            self.error.setText(self.tr("Nobody else is on duty"))
            self.error.setVisible(True)
            return
        text = self.tr("Give %1 to %2?\nReason: %3").replace(
            "%1", self.entry.ticket).replace("%2", self.to.currentText()).replace(
            "%3", self.reason_text())
        if confirm(self, text):
            super().accept()
