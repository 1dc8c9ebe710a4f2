"""The record's small forms: another number, a new owner with the reason, an erasure's reason.
Each runs its write off the GUI thread and stays open with the message when it is refused.
Their layouts are forms/customers_add_phone.ui, customers_change_owner.ui and customers_erase.ui."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from salesdesk.domain.roles import Role
from salesdesk.ui.context import UiContext
from salesdesk.ui.forms.ui_customers_add_phone import Ui_AddPhoneDialog
from salesdesk.ui.forms.ui_customers_change_owner import Ui_ReassignDialog
from salesdesk.ui.forms.ui_customers_erase import Ui_EraseDialog
from salesdesk.ui.ops import OpChanges


class _FormUi(Protocol):
    """What the three forms share (forms/customers_*.ui): a heading, a hint, the fields, a
    message line and OK/Cancel."""

    headingLabel: QLabel
    hintLabel: QLabel
    formError: QLabel
    buttonBox: QDialogButtonBox

    def setupUi(self, dialog: QDialog) -> None: ...


class _Form(QDialog):
    def __init__(self, ctx: UiContext, ui: _FormUi, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ui.setupUi(self)
        self.result_value: Any = None
        ui.headingLabel.setObjectName("sectionTitle")
        ui.hintLabel.setObjectName("hint")
        self.error = ui.formError
        self.error.setObjectName("errorLabel")
        self.error.setVisible(False)
        self.buttons = ui.buttonBox
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("primary")
        # The form's button box made (and styled) this button before it was named: style it
        # again under its name.
        self.ok_button.style().unpolish(self.ok_button)
        self.ok_button.style().polish(self.ok_button)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    # What the write changes, for the other open screens (the record reloads itself).
    changes = OpChanges(customers=True)

    def work(self) -> Callable[[], Any]:
        raise NotImplementedError

    def submit(self) -> None:
        self.ok_button.setEnabled(False)
        self.error.setVisible(False)
        self.ctx.run_op(self.work(), self.changes, self._done, self._failed, origin=self)

    def _done(self, value: Any) -> None:
        self.result_value = value
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error.setText(self.ctx.error_text(exc))
        self.error.setVisible(True)


class AddPhoneDialog(_Form):
    # The form's "Whose" choices, in its order.
    LABELS = ("spouse", "other", "self")

    def __init__(self, ctx: UiContext, customer_id: str, parent: QWidget | None = None) -> None:
        ui = Ui_AddPhoneDialog()
        super().__init__(ctx, ui, parent)
        self.ui = ui
        self.customer_id = customer_id
        self.phone = self.ui.newPhone
        self.label = self.ui.whoseCombo
        for i, code in enumerate(self.LABELS):
            self.label.setItemData(i, code)

    def work(self) -> Callable[[], Any]:
        actor = self.ctx.require_actor()
        service = self.ctx.services.customer_record
        phone, label, cid = self.phone.text(), str(self.label.currentData()), self.customer_id
        return lambda: service.add_phone(actor, cid, phone, label)


class ReassignDialog(_Form):
    """判客 settled by a supervisor: the new owner and why, kept in the attribution history."""

    changes = OpChanges(customers=True, reception=True)

    def __init__(self, ctx: UiContext, customer_id: str, owner_id: str | None,
                 parent: QWidget | None = None) -> None:
        ui = Ui_ReassignDialog()
        super().__init__(ctx, ui, parent)
        self.ui = ui
        self.customer_id = customer_id
        self.staff = self.ui.newOwner
        for entry in ctx.services.auth.signin_list():
            if entry.role in (Role.CONSULTANT, Role.SENIOR_CONSULTANT, Role.SUPERVISOR) \
                    and entry.id != owner_id:
                self.staff.addItem(f"{entry.name} ({entry.code})", entry.id)
        self.reason = self.ui.reason

    def work(self) -> Callable[[], Any]:
        actor = self.ctx.require_actor()
        service = self.ctx.services.reception
        cid, to, reason = self.customer_id, str(self.staff.currentData()), self.reason.text()
        return lambda: service.reassign_owner(actor, cid, to, reason)


class EraseDialog(_Form):
    changes = OpChanges(customers=True, reception=True, care=True, disclosure=True)

    def __init__(self, ctx: UiContext, customer_id: str, parent: QWidget | None = None) -> None:
        ui = Ui_EraseDialog()
        super().__init__(ctx, ui, parent)
        self.ui = ui
        self.customer_id = customer_id
        self.reason = self.ui.eraseReason

    def work(self) -> Callable[[], Any]:
        actor = self.ctx.require_actor()
        service = self.ctx.services.customer_rights
        cid, reason = self.customer_id, self.reason.text()
        return lambda: service.erase(actor, cid, reason)
