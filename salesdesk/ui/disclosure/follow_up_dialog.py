"""Recording a follow-up call (回访): what the customer says they were told, and the score.
A score below 4 opens an escalation task (shown on the audit page until an outcome is recorded)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk.services.care import FollowUpInfo
from salesdesk.services.customers import CustomerInfo
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.widgets import error_label


class FollowUpDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer: CustomerInfo | None = None
        self.result_info: FollowUpInfo | None = None
        self.setWindowTitle(self.tr("Follow-up call"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("Customer's mobile number"))
        self.phone.returnPressed.connect(self.find_customer)
        find = QPushButton(self.tr("Find"))
        find.clicked.connect(self.find_customer)
        row.addWidget(self.phone, 1)
        row.addWidget(find)
        layout.addLayout(row)
        self.who = QLabel()
        self.who.setObjectName("sectionTitle")
        layout.addWidget(self.who)
        layout.addWidget(QLabel(self.tr("The customer confirms being told about:")))
        self.factors = QCheckBox(self.tr("the adverse factors of their unit"))
        self.sunshine = QCheckBox(self.tr("the sunshine declaration"))
        self.certificates = QCheckBox(self.tr("the five certificates"))
        self.contract = QCheckBox(self.tr("the contract template"))
        for box in (self.factors, self.sunshine, self.certificates, self.contract):
            layout.addWidget(box)
        form = QFormLayout()
        self.score = QSpinBox()
        self.score.setRange(1, 5)
        self.score.setValue(5)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)
        form.addRow(self.tr("Satisfaction (1–5)"), self.score)
        form.addRow(self.tr("Notes"), self.notes)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save call"))
        self.save_button.setObjectName("primary")
        self.save_button.setEnabled(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def find_customer(self) -> None:
        actor = self.ctx.require_actor()
        phone = self.phone.text()
        self.ctx.runner.run(lambda: self.ctx.services.customers.find_by_phone(actor, phone),
                            self._found, self._failed)

    def _found(self, customer: CustomerInfo | None) -> None:
        self.customer = customer
        self.save_button.setEnabled(customer is not None)
        if customer is None:
            self.who.setText("")
            self.error.setText(self.tr("No registered customer with this number."))
            self.error.setVisible(True)
        else:
            self.error.setVisible(False)
            self.who.setText(f"{customer.name or customer.display_name}  {customer.masked_phone}")

    def save(self) -> None:
        if self.customer is None:
            return
        actor = self.ctx.require_actor()
        cid = self.customer.id
        told = (self.factors.isChecked(), self.sunshine.isChecked(),
                self.certificates.isChecked(), self.contract.isChecked())
        score, notes = self.score.value(), self.notes.toPlainText()
        self.save_button.setEnabled(False)
        # The audit page that opened the dialog reloads once it is accepted.
        self.ctx.run_op(
            lambda: self.ctx.services.follow_up.record_call(
                actor, customer_id=cid, told_factors=told[0], told_sunshine=told[1],
                told_certificates=told[2], told_contract=told[3], score=score, notes=notes),
            OpChanges(disclosure=True), self._saved, self._save_failed, origin=self)

    def _saved(self, info: FollowUpInfo) -> None:
        self.result_info = info
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.setVisible(True)
