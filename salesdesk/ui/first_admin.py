"""First start on an empty database: create the sales centre's administrator."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from salesdesk.domain.roles import Actor
from salesdesk.ui.context import UiContext
from salesdesk.ui.forms.ui_first_admin import Ui_FirstAdminForm


class FirstAdminScreen(QWidget):
    created = Signal(object)  # Actor

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_FirstAdminForm()
        self.ui.setupUi(self)
        self.ui.titleLabel.setObjectName("pageTitle")
        self.ui.introLabel.setObjectName("hint")
        self.ui.errorLabel.setObjectName("errorLabel")
        self.ui.errorLabel.setVisible(False)
        self.ui.createButton.setObjectName("primary")
        self.ui.createButton.clicked.connect(self.submit)
        for edit in (self.ui.centreEdit, self.ui.nameEdit, self.ui.pinEdit,
                     self.ui.pinAgainEdit):
            edit.returnPressed.connect(self.submit)

    def submit(self) -> None:
        if self.ui.pinEdit.text() != self.ui.pinAgainEdit.text():
            self._error(self.tr("The two PINs differ."))
            return
        centre, name, pin = (self.ui.centreEdit.text(), self.ui.nameEdit.text(),
                             self.ui.pinEdit.text())
        self.ui.createButton.setEnabled(False)
        self.ctx.runner.run(
            lambda: self.ctx.services.auth.create_first_admin(centre, name, pin),
            self._done, self._failed, write=True)

    def _done(self, actor: Actor) -> None:
        self.ui.createButton.setEnabled(True)
        self.created.emit(actor)

    def _failed(self, exc: BaseException) -> None:
        self.ui.createButton.setEnabled(True)
        self._error(self.ctx.error_text(exc))

    def _error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(True)
