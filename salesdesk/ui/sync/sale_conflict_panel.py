"""The decision on one sale conflict (rule 13: the same unit sold on two devices offline): who
holds the unit, who lost it, and the supervisor's two ways out — cancel the losing subscription
(its consultant gets a refund task) or move that customer to another unit that is for sale."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.services.project import UnitInfo
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.unit_picker import UnitPicker
from salesdesk.ui.widgets import error_label


class SaleConflictPanel(QWidget):
    """Shown under the conflict table while a sale conflict is selected. Emits ``resolved``
    once a decision is saved."""

    resolved = Signal()

    def __init__(self, ctx: UiContext,
                 report_error: Callable[[BaseException, QLabel], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self._report_error = report_error
        self.view: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.read_only = QLabel(self.tr("Only a sales supervisor decides which sale gives way."))
        self.read_only.setObjectName("hint")
        layout.addWidget(self.read_only)
        row = QHBoxLayout()
        self.refund = QPushButton(self.tr("Cancel the losing subscription (refund the deposit)"))
        # Only the units a deposit may be taken on now, typed or tapped on the grid.
        self.unit = UnitPicker()
        self.unit.setObjectName("moveUnit")
        self.unit.setMinimumWidth(300)
        self.move_button = QPushButton(self.tr("Move that customer to this unit"))
        self.move_button.setObjectName("primary")
        for w in (self.refund, self.unit, self.move_button):
            row.addWidget(w, 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        layout.addLayout(row)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr(
            "Override reason, only if the new unit's factors were not disclosed before the "
            "deposit"))
        layout.addWidget(self.reason)
        self.error = error_label()
        layout.addWidget(self.error)
        self.refund.clicked.connect(self._cancel)
        self.move_button.clicked.connect(self._move)
        self.show_conflict(None, [])

    def show_conflict(self, view: Any, units: list[UnitInfo]) -> None:
        if view is None or self.view is None or view.conflict_id != self.view.conflict_id:
            self.unit.clear()  # another conflict: another customer's move
        self.view = view
        self.setVisible(view is not None)
        self.error.setVisible(False)
        if view is None:
            return
        self.summary.setText(view.summary)
        self.unit.set_units(units)
        allowed = bool(view.can_resolve)
        self.read_only.setVisible(not allowed and view.status == "open")
        for w in (self.refund, self.unit, self.move_button, self.reason):
            w.setEnabled(allowed)
        self.move_button.setEnabled(allowed and self.unit.count() > 0)

    def _run(self, work: Callable[[], Any]) -> None:
        self.error.setVisible(False)
        # The conflicts page around the panel reloads on ``resolved``; the unit's status
        # changes for the sales grid.
        self.ctx.run_op(work, OpChanges(sync=True, project=True), lambda _r: self.resolved.emit(),
                        lambda exc: self._report_error(exc, self.error), origin=self)

    def _cancel(self) -> None:
        if self.view is None:
            return
        actor = self.ctx.require_actor()
        conflict_id = self.view.conflict_id
        self._run(lambda: self.ctx.services.sale_conflicts.cancel_losing(actor, conflict_id))

    def _move(self) -> None:
        if self.view is None or not self.unit.resolve():  # a slip is refused under the field
            return
        unit_id = self.unit.unit_id
        if unit_id is None:
            self.error.setText(self.tr("Pick the unit to move that customer to."))
            self.error.setVisible(True)
            self.unit.setFocus()
            return
        actor = self.ctx.require_actor()
        conflict_id = self.view.conflict_id
        reason = self.reason.text()
        self._run(lambda: self.ctx.services.sale_conflicts.move_losing(
            actor, conflict_id, unit_id, override_reason=reason))
