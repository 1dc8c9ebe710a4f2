"""My escalations: the open low-score tasks whose current level the signed-in role owns (a
consultant: their own customers' at the consultant level). Loading the list first moves any
overdue task up a level (on the writer), so an overdue task leaves the late owner's list and
appears on the next owner's by itself. Only the owner of the level records the outcome."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.services.care import EscalationInfo
from salesdesk.ui.care.common import table
from salesdesk.ui.context import UiContext
from salesdesk.ui.labels import escalation_level_label
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.table_model import Column, RecordTableModel
from salesdesk.ui.widgets import error_label

RED = "#b42318"


class EscalationsView(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.error = error_label()
        layout.addWidget(self.error)
        self.model: RecordTableModel[EscalationInfo] = RecordTableModel([
            Column(self.tr("Customer"), lambda e: e.customer.label),
            Column(self.tr("Score"), lambda e: e.score, True, lambda e: RED),
            Column(self.tr("Level"), lambda e: escalation_level_label(e.level)),
            Column(self.tr("Deadline"), lambda e: "" if e.due_at is None else (
                e.due_at.astimezone(PROJECT_TZ).strftime("%m-%d %H:%M")
                + (" " + self.tr("overdue") if e.overdue else "")),
                   colour=lambda e: RED if e.overdue else None),
            Column(self.tr("History"), lambda e: e.history.replace("\n", " ⟶ ")),
        ])
        self.table = table(self.model)
        layout.addWidget(self.table, 1)
        self.outcome = QPlainTextEdit()
        self.outcome.setPlaceholderText(self.tr("What was done, what the customer said"))
        self.outcome.setMaximumHeight(80)
        layout.addWidget(self.outcome)
        row = QHBoxLayout()
        self.resolved = QCheckBox(self.tr("Resolved (close the task); otherwise it goes one "
                                          "level up"))
        self.save_button = QPushButton(self.tr("Save outcome"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.resolved)
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        follow_up = self.ctx.services.follow_up
        self.ctx.runner.run(lambda: follow_up.open_escalations(actor, mine=True), self._loaded,
                            self._failed, write=True, owner=self)

    def _loaded(self, rows: list[EscalationInfo]) -> None:
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r.overdue)
        self.summary.setText(self.tr("%1 open escalations are yours to handle, %2 overdue.")
                             .replace("%1", str(len(rows))).replace("%2", str(overdue)))
        self.loaded = True

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.setVisible(True)

    def save(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        actor = self.ctx.actor
        if not rows or actor is None:
            self.error.setText(self.tr("Select an escalation first."))
            self.error.setVisible(True)
            return
        self.error.setVisible(False)
        task = self.model.row(rows[0].row())
        text, done = self.outcome.toPlainText(), self.resolved.isChecked()
        follow_up = self.ctx.services.follow_up
        self.ctx.run_op(
            lambda: follow_up.record_outcome(actor, task.id, text, resolved=done),
            OpChanges(disclosure=True, care=True), self._saved, self._failed, origin=self)

    def _saved(self, _info: EscalationInfo) -> None:
        self.outcome.clear()
        self.resolved.setChecked(False)
        self.refresh()
