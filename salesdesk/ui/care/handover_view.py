"""Handover when a consultant leaves, and the check for anything still owned by a disabled
account (also shown to supervisors auditing)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.roles import Permission
from salesdesk.services.care import HandoverPreview, HandoverResult, OwnedItem
from salesdesk.services.signin import StaffEntry
from salesdesk.ui.care.common import section, table
from salesdesk.ui.care.labels import owned_item_text, owned_kind_label
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.table_model import Column, RecordTableModel
from salesdesk.ui.widgets import error_label


class HandoverView(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(section(self.tr("Hand over a departing consultant's customers")))
        hint = QLabel(self.tr("Every customer they received, their open follow-ups, "
                              "complaints and appointments move to the successor in one step; "
                              "each customer is sent a message introducing the successor."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        self.leaver = QComboBox()
        self.leaver.currentIndexChanged.connect(lambda _i: self._preview())
        self.successor = QComboBox()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. resigned on 30 November"))
        for field in (self.leaver, self.successor, self.reason):
            field.setMaximumWidth(460)
        form.addRow(self.tr("Departing consultant"), self.leaver)
        form.addRow(self.tr("Successor (active)"), self.successor)
        form.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(form)
        self.preview_label = QLabel()
        layout.addWidget(self.preview_label)
        self.error = error_label()
        layout.addWidget(self.error)
        self.result_label = QLabel()
        self.result_label.setObjectName("okLabel")
        self.result_label.setVisible(False)
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.hand_over_button = QPushButton(self.tr("Hand over"))
        self.hand_over_button.setObjectName("primary")
        self.hand_over_button.clicked.connect(self.hand_over)
        row.addWidget(self.hand_over_button)
        layout.addLayout(row)

        actor = ctx.actor
        self.check = InactiveOwnerCheck(ctx)
        layout.addWidget(self.check, 1)
        # Once inside the view: shown without a parent, it opened as a window of its own.
        self.check.setVisible(actor is not None and actor.can(Permission.VIEW_AUDIT))
        self.staff: list[StaffEntry] = []

    def refresh(self) -> None:
        actor = self.ctx.require_actor()
        auth = self.ctx.services.auth
        self.ctx.runner.run(lambda: auth.list_staff(actor, include_inactive=True),
                            self._staff_loaded, self._failed, owner=self)
        if self.check.isVisibleTo(self):
            self.check.refresh()

    def _staff_loaded(self, staff: list[StaffEntry]) -> None:
        self.staff = staff
        keep_leaver, keep_successor = self.leaver.currentData(), self.successor.currentData()
        self.leaver.blockSignals(True)
        self.leaver.clear()
        self.successor.clear()
        serving = {"consultant", "senior_consultant", "supervisor"}
        for s in staff:
            if s.role.value not in serving:
                continue
            state = "" if s.active else self.tr(" (disabled)")
            self.leaver.addItem(f"{s.code} {s.name}{state}", s.id)
            if s.active:
                self.successor.addItem(f"{s.code} {s.name}", s.id)
        for combo, keep in ((self.leaver, keep_leaver), (self.successor, keep_successor)):
            i = combo.findData(keep)
            if i >= 0:
                combo.setCurrentIndex(i)
        if self.successor.currentData() == self.leaver.currentData():
            self.successor.setCurrentIndex(min(1, self.successor.count() - 1))
        self.leaver.blockSignals(False)
        self._preview()

    def _preview(self) -> None:
        staff_id = self.leaver.currentData()
        if not staff_id:
            return
        actor = self.ctx.require_actor()
        svc = self.ctx.services.handover
        self.ctx.runner.run(lambda: svc.preview(actor, staff_id), self._previewed, self._failed,
                            owner=self)

    def _previewed(self, p: HandoverPreview) -> None:
        self.preview_label.setText(
            self.tr("Will move: %1 customers, %2 open follow-ups, %3 open complaints, "
                    "%4 open appointments")
            .replace("%1", str(p.customers)).replace("%2", str(p.open_tasks))
            .replace("%3", str(p.open_complaints)).replace("%4", str(p.other_items)))

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.setVisible(True)

    def hand_over(self) -> None:
        actor = self.ctx.require_actor()
        leaver, successor = self.leaver.currentData(), self.successor.currentData()
        reason = self.reason.text()
        self.error.setVisible(False)
        svc = self.ctx.services.handover
        # Customers change hands too: screens listing whose customer is whose reload.
        self.ctx.run_op(lambda: svc.hand_over(actor, leaver, successor, reason),
                        OpChanges(care=True, customers=True), self._done, self._failed,
                        origin=self)

    def _done(self, r: HandoverResult) -> None:
        self.result_label.setText(
            self.tr("%1's customers now belong to %2: %3 customers, %4 follow-ups, %5 other "
                    "items; %6 introduction messages queued.")
            .replace("%1", r.from_staff).replace("%2", r.to_staff)
            .replace("%3", str(r.customers_moved)).replace("%4", str(r.tasks_moved))
            .replace("%5", str(r.other_moved)).replace("%6", str(r.messages_queued)))
        self.result_label.setVisible(True)
        self.reason.clear()
        self.refresh()


class InactiveOwnerCheck(QWidget):
    """Lists anything still owned by a disabled account (for the audit page too)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section(self.tr("Still owned by a disabled account")))
        self.status = QLabel()
        layout.addWidget(self.status)
        self.model: RecordTableModel[OwnedItem] = RecordTableModel([
            Column(self.tr("What"), lambda i: owned_kind_label(i.kind)),
            Column(self.tr("Owner (disabled)"), lambda i: i.owner, colour=lambda i: "#b42318"),
            Column(self.tr("Item"), owned_item_text),
        ])
        self.view = table(self.model)
        layout.addWidget(self.view, 1)

    def refresh(self) -> None:
        actor = self.ctx.require_actor()
        svc = self.ctx.services.handover
        self.ctx.runner.run(lambda: svc.inactive_owner_check(actor), self._checked,
                            self._failed, owner=self)

    def _checked(self, items: list[OwnedItem]) -> None:
        self.model.set_rows(items)
        self.status.setObjectName("okLabel" if not items else "errorLabel")
        self.status.setText(self.tr("Nothing is owned by a disabled account.") if not items
                            else self.tr("%1 items still belong to disabled accounts: "
                                         "hand them over.").replace("%1", str(len(items))))
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _failed(self, exc: BaseException) -> None:
        self.status.setObjectName("errorLabel")
        self.status.setText(self.ctx.error_text(exc))
