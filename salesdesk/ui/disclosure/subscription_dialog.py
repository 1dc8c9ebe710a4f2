"""The subscription (认购) dialog behind the deposit gate: shows what the pre-deposit round still
misses; a supervisor may let it through with their PIN and a reason, which goes to the ledger."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.domain.roles import Actor, Permission, Role
from salesdesk.services.disclosure import ChecklistView
from salesdesk.services.signing import GateStatus, SubscriptionInfo
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.widgets import error_label


class SubscriptionDialog(QDialog):
    def __init__(self, ctx: UiContext, view: ChecklistView, price: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self.result_info: SubscriptionInfo | None = None
        self.gate: GateStatus | None = None
        self.setWindowTitle(self.tr("Subscription — %1").replace("%1", view.unit_number))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        who = QLabel(f"{view.customer.label} · {view.unit_number}")
        who.setObjectName("sectionTitle")
        layout.addWidget(who)
        self.gate_label = QLabel(self.tr("Checking the pre-deposit disclosure…"))
        self.gate_label.setWordWrap(True)
        layout.addWidget(self.gate_label)
        form = QFormLayout()
        self.price = QSpinBox()
        self.price.setRange(0, 2_000_000_000)
        self.price.setSingleStep(10_000)
        self.price.setSuffix(" 元")
        self.price.setGroupSeparatorShown(True)
        self.price.setValue(price)
        self.deposit = QSpinBox()
        self.deposit.setRange(0, 2_000_000_000)
        self.deposit.setSingleStep(10_000)
        self.deposit.setSuffix(" 元")
        self.deposit.setGroupSeparatorShown(True)
        self.deposit.setValue(50_000)
        d = ctx.services.db.now().astimezone(PROJECT_TZ).date()  # the centre's day
        self.date = QDateEdit(QDate(d.year, d.month, d.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("Price"), self.price)
        form.addRow(self.tr("Deposit"), self.deposit)
        form.addRow(self.tr("Date"), self.date)
        layout.addLayout(form)

        self.override = QGroupBox(self.tr("Supervisor override (recorded in the ledger)"))
        self.override.setCheckable(True)
        self.override.setChecked(False)
        self.override.setVisible(False)
        of = QFormLayout(self.override)
        self.supervisor = QComboBox()
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("Supervisor's PIN"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why may the deposit be taken now?"))
        of.addRow(self.tr("Supervisor"), self.supervisor)
        of.addRow(self.tr("PIN"), self.pin)
        of.addRow(self.tr("Reason"), self.reason)
        layout.addWidget(self.override)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save subscription"))
        self.save_button.setObjectName("primary")
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._load()

    def _load(self) -> None:
        actor = self.ctx.require_actor()
        v = self.view
        self.ctx.runner.run(
            lambda: self.ctx.services.subscriptions.gate(actor, v.customer.id, v.unit_id),
            self._gate_loaded, self._failed)
        self.ctx.runner.run(self.ctx.services.auth.signin_list, self._staff_loaded, self._failed)

    def _staff_loaded(self, entries: list) -> None:  # type: ignore[type-arg]
        actor = self.ctx.actor
        for e in entries:
            if e.role is Role.SUPERVISOR:
                self.supervisor.addItem(e.name, e.id)
        if actor is not None and actor.can(Permission.OVERRIDE_DEPOSIT_GATE):
            self.supervisor.setCurrentIndex(max(0, self.supervisor.findData(actor.staff_id)))

    def _gate_loaded(self, gate: GateStatus) -> None:
        self.gate = gate
        if gate.active_subscription_id:
            self.gate_label.setObjectName("errorLabel")
            self.gate_label.setText(self.tr("This unit already has an active subscription."))
            self.save_button.setEnabled(False)
        elif gate.sale_message:
            self.gate_label.setObjectName("errorLabel")
            self.gate_label.setText(gate.sale_message)
            self.save_button.setEnabled(False)
        elif gate.missing:
            self.gate_label.setObjectName("errorLabel")
            self.gate_label.setText(gate.message)
            self.override.setVisible(True)
        else:
            self.gate_label.setObjectName("okLabel")
            self.gate_label.setText(self.tr("The pre-deposit round covered every item."))
        self.gate_label.style().unpolish(self.gate_label)
        self.gate_label.style().polish(self.gate_label)

    def save(self) -> None:
        actor = self.ctx.require_actor()
        v = self.view
        price, deposit = self.price.value(), self.deposit.value()
        d = self.date.date()
        on = date(d.year(), d.month(), d.day())
        use_override = self.override.isVisible() and self.override.isChecked()
        sup_id = self.supervisor.currentData()
        pin, reason = self.pin.text(), self.reason.text()
        services = self.ctx.services
        self.error.setVisible(False)

        def work() -> SubscriptionInfo:
            by: Actor | None = None
            if use_override:
                # The signed-in supervisor overrides as themselves; anyone else needs the PIN.
                if actor.staff_id == sup_id and actor.can(Permission.OVERRIDE_DEPOSIT_GATE):
                    by = actor
                else:
                    by = services.auth.sign_in(sup_id, pin)
            return services.subscriptions.subscribe(
                actor, customer_id=v.customer.id, unit_id=v.unit_id, price=price,
                deposit=deposit, subscribed_on=on, override_by=by, override_reason=reason)

        self.save_button.setEnabled(False)
        # No origin: the disclosure page and the sales grid behind it reload from the change.
        self.ctx.run_op(work, OpChanges(disclosure=True, project=True), self._saved,
                        self._save_failed, owner=self)

    def _saved(self, info: SubscriptionInfo) -> None:
        self.result_info = info
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.setVisible(True)
