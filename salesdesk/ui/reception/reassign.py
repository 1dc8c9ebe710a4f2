"""Moving a party to someone else: reception's reassignment of a party whose consultant has not
started (away, not coming forward) and the consultant's own transfer. Both ask why (it goes
into the rotation log) and confirm before anything changes. The layout is
forms/reception_reassign.ui."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from salesdesk.services.reception import QueueEntry
from salesdesk.ui.forms.ui_reception_reassign import Ui_ReassignDialog


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
        self.ui = Ui_ReassignDialog()
        self.ui.setupUi(self)
        self.entry = entry
        self.setWindowTitle(title)
        who = entry.consultant_name or self.tr("nobody yet")
        self.summary = self.ui.summaryLabel
        self.summary.setText(self.tr("%1 %2 · now with %3").replace(
            "%1", entry.ticket).replace("%2", entry.display_name).replace("%3", who))
        self.to = self.ui.toCombo
        if next_up:
            self.to.addItem(self.tr("Next in the rotation"), "")
        for sid, name in colleagues:
            if sid != entry.consultant_id:
                self.to.addItem(name, sid)
        if preselect:
            i = self.to.findData(preselect)
            if i >= 0:
                self.to.setCurrentIndex(i)
        self.reason = self.ui.reasonEdit
        self.error = self.ui.formError
        self.error.setObjectName("errorLabel")  # the stylesheet's class for messages
        self.error.setVisible(False)
        self.buttons = self.ui.buttonBox
        # Qt's own button texts stay English without its translations installed.
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

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
