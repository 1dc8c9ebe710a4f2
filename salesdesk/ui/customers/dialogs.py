"""The record's small forms: another number, a new owner with the reason, an erasure's reason.
Each runs its write off the GUI thread and stays open with the message when it is refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.roles import Role
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.widgets import error_label


class _Form(QDialog):
    def __init__(self, ctx: UiContext, title: str, hint: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(440)
        self.result_value: Any = None
        outer = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        outer.addWidget(heading)
        if hint:
            note = QLabel(hint)
            note.setObjectName("hint")
            note.setWordWrap(True)
            outer.addWidget(note)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        outer.addLayout(self.form)
        self.error = error_label()
        outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("primary")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

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
    def __init__(self, ctx: UiContext, customer_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add a number"),
                         self.tr("A spouse's or second number: a visitor giving it is this "
                                 "customer, with the same owner."), parent)
        self.customer_id = customer_id
        self.phone = QLineEdit()
        self.phone.setObjectName("newPhone")
        self.phone.setPlaceholderText(self.tr("Mobile number"))
        self.label = QComboBox()
        for code, text in (("spouse", self.tr("Spouse")), ("other", self.tr("Other")),
                           ("self", self.tr("Customer's own"))):
            self.label.addItem(text, code)
        self.form.addRow(self.tr("Number"), self.phone)
        self.form.addRow(self.tr("Whose"), self.label)

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
        super().__init__(ctx, self.tr("Change the owner"),
                         self.tr("The customer's history keeps who owned them before, who "
                                 "decided and why."), parent)
        self.customer_id = customer_id
        self.staff = QComboBox()
        self.staff.setObjectName("newOwner")
        for entry in ctx.services.auth.signin_list():
            if entry.role in (Role.CONSULTANT, Role.SENIOR_CONSULTANT, Role.SUPERVISOR) \
                    and entry.id != owner_id:
                self.staff.addItem(f"{entry.name} ({entry.code})", entry.id)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("e.g. first registered by the agency's "
                                               "consultant on 11-02"))
        self.form.addRow(self.tr("New owner"), self.staff)
        self.form.addRow(self.tr("Reason"), self.reason)

    def work(self) -> Callable[[], Any]:
        actor = self.ctx.require_actor()
        service = self.ctx.services.reception
        cid, to, reason = self.customer_id, str(self.staff.currentData()), self.reason.text()
        return lambda: service.reassign_owner(actor, cid, to, reason)


class EraseDialog(_Form):
    changes = OpChanges(customers=True, reception=True, care=True, disclosure=True)

    def __init__(self, ctx: UiContext, customer_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Erase the customer's personal data"),
                         self.tr("Name, numbers, ID number, notes, message texts and what "
                                 "staff wrote about the customer (complaints, escalations, visit "
                                 "and appointment notes) are erased here, at head office and on "
                                 "every device; a pseudonym keeps the disclosure ledger and "
                                 "figures whole. While a subscription or signing is open, "
                                 "processing is restricted instead."), parent)
        self.customer_id = customer_id
        self.reason = QLineEdit()
        self.reason.setObjectName("eraseReason")
        self.reason.setPlaceholderText(self.tr("e.g. the customer's written request of 12-01"))
        self.form.addRow(self.tr("Reason"), self.reason)

    def work(self) -> Callable[[], Any]:
        actor = self.ctx.require_actor()
        service = self.ctx.services.customer_rights
        cid, reason = self.customer_id, self.reason.text()
        return lambda: service.erase(actor, cid, reason)
