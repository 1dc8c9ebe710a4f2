"""The consultant's follow-up list: overdue first and in red, the message text, and the
outcome to record (a task closes only with one)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QItemSelection, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.roles import Permission
from salesdesk.services.care import TaskInfo
from salesdesk.ui.care.common import section, table
from salesdesk.ui.care.labels import care_event_label, staff_or_unassigned, task_channel_label
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.table_model import Column, RecordTableModel
from salesdesk.ui.widgets import error_label

RED, GREY = "#b42318", "#7b8794"


class TaskListView(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks: list[TaskInfo] = []
        self._shown_id: str | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        bar.addWidget(self.summary, 1)
        self.everyone = QCheckBox(self.tr("All consultants"))
        actor = ctx.actor
        supervising = actor is not None and actor.can(Permission.VIEW_SATISFACTION)
        self.everyone.setChecked(supervising)  # a supervisor's day is everyone's overdue calls
        self.everyone.toggled.connect(lambda _on: self.refresh())
        self.show_done = QCheckBox(self.tr("Show closed"))
        self.show_done.toggled.connect(lambda _on: self.refresh())
        bar.addWidget(self.everyone)
        bar.addWidget(self.show_done)
        layout.addLayout(bar)
        # Once inside the view: shown without a parent, it opened as a window of its own.
        self.everyone.setVisible(supervising)

        def colour(t: TaskInfo) -> str | None:
            return RED if t.overdue else (GREY if not t.is_open else None)

        self.model: RecordTableModel[TaskInfo] = RecordTableModel([
            Column(self.tr("Due"), self._due_text, colour=colour),
            Column(self.tr("Customer"), lambda t: t.customer, colour=colour),
            Column(self.tr("Unit"), lambda t: t.unit, colour=colour),
            Column(self.tr("Occasion"), lambda t: care_event_label(t.event), colour=colour),
            Column(self.tr("Channel"), lambda t: task_channel_label(t.channel), colour=colour),
            Column(self.tr("Owner"), lambda t: staff_or_unassigned(t.owner_staff_id or "", t.owner),
                   colour=colour),
            Column(self.tr("Purpose"), lambda t: t.purpose, colour=colour),
        ])
        self.view = table(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        # Wide enough for the customer, kind and due date; the table scrolls for the rest, so
        # the English detail pane beside it still fits a 1366-px laptop.
        self.view.setMinimumWidth(680)
        self.view.selectionModel().selectionChanged.connect(self._selected)

        detail = QWidget()
        d = QVBoxLayout(detail)
        d.setContentsMargins(8, 0, 0, 0)
        self.detail_title = section(self.tr("Select a task"))
        self.detail_title.setWordWrap(True)
        d.addWidget(self.detail_title)
        self.detail_meta = QLabel()
        self.detail_meta.setObjectName("hint")
        self.detail_meta.setWordWrap(True)
        d.addWidget(self.detail_meta)
        d.addWidget(QLabel(self.tr("What to say (from the template):")))
        self.message = QPlainTextEdit()
        self.message.setReadOnly(True)
        self.message.setMaximumHeight(120)
        d.addWidget(self.message)
        d.addWidget(QLabel(self.tr("Outcome (required to close the task):")))
        self.outcome = QPlainTextEdit()
        self.outcome.setPlaceholderText(self.tr("e.g. Called; the customer confirmed the signing "
                                                "time and knows what to bring"))
        self.outcome.setMaximumHeight(110)
        d.addWidget(self.outcome)
        self.error = error_label()
        d.addWidget(self.error)
        birthday_row = QHBoxLayout()
        birthday_row.addWidget(QLabel(self.tr("Customer's birthday:")))
        self.birthday = QDateEdit()
        self.birthday.setCalendarPopup(True)
        self.birthday.setDisplayFormat("yyyy-MM-dd")
        self.birthday.setDate(QDate(1980, 1, 1))
        birthday_row.addWidget(self.birthday)
        self.birthday_button = QPushButton(self.tr("Save birthday"))
        self.birthday_button.setEnabled(False)
        self.birthday_button.clicked.connect(self.save_birthday)
        birthday_row.addWidget(self.birthday_button)
        birthday_row.addStretch(1)
        self.record_button = QPushButton(self.tr("Record outcome and close"))
        self.record_button.setObjectName("primary")
        self.record_button.setEnabled(False)
        self.record_button.clicked.connect(self.record)
        d.addWidget(self.record_button)
        d.addSpacing(12)
        d.addLayout(birthday_row)
        d.addStretch(1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)

    def _due_text(self, t: TaskInfo) -> str:
        today = self.ctx.services.care.today()
        if t.overdue:
            return self.tr("%1 · overdue %2 d").replace("%1", f"{t.due_on:%m-%d}").replace(
                "%2", str((today - t.due_on).days))
        if t.status == "cancelled":
            return self.tr("%1 · cancelled").replace("%1", f"{t.due_on:%m-%d}")
        if not t.is_open:
            return self.tr("%1 · done %2").replace("%1", f"{t.due_on:%m-%d}").replace(
                "%2", f"{t.done_on:%m-%d}" if isinstance(t.done_on, date) else "")
        if t.due_on == today:
            return self.tr("%1 · today").replace("%1", f"{t.due_on:%m-%d}")
        return f"{t.due_on:%m-%d}"

    def refresh(self) -> None:
        actor = self.ctx.require_actor()
        everyone, done = self.everyone.isChecked(), self.show_done.isChecked()
        svc = self.ctx.services.care
        self.ctx.runner.run(lambda: svc.tasks(actor, everyone=everyone, include_done=done),
                            self._loaded, self._failed, owner=self)

    def _loaded(self, tasks: list[TaskInfo]) -> None:
        selected = self.current()
        self.tasks = tasks
        self.model.set_rows(tasks)
        overdue = sum(t.overdue for t in tasks)
        open_ = sum(t.is_open for t in tasks)
        self.summary.setText(self.tr("%1 open · %2 overdue").replace("%1", str(open_))
                             .replace("%2", str(overdue)))
        if selected is not None:
            for row, t in enumerate(tasks):
                if t.id == selected.id:
                    self.view.selectRow(row)
                    break

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.setVisible(True)

    def current(self) -> TaskInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def select_task(self, task_id: str) -> None:
        for row, t in enumerate(self.tasks):
            if t.id == task_id:
                self.view.selectRow(row)
                return

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        t = self.current()
        shown = t.id if t is not None else None
        if shown == self._shown_id:
            return  # the same task again after a reload: keep what is typed and any message
        self._shown_id = shown
        self.error.setVisible(False)
        self.birthday_button.setEnabled(t is not None)
        if t is None:
            self.record_button.setEnabled(False)
            return
        b = t.birthday
        self.birthday.setDate(QDate(b.year, b.month, b.day) if b else QDate(1980, 1, 1))
        self.detail_title.setText(f"{t.customer} {t.unit} · {care_event_label(t.event)}")
        meta = self.tr("%1 · %2 · due %3").replace("%1", task_channel_label(t.channel)).replace(
            "%2", t.purpose).replace("%3", f"{t.due_on:%Y-%m-%d}")
        if not t.is_open:
            meta += "\n" + self.tr("Outcome: %1").replace("%1", t.outcome)
        self.detail_meta.setText(meta)
        self.outcome.setPlainText("")
        self.outcome.setEnabled(t.is_open)
        self.record_button.setEnabled(t.is_open)
        actor = self.ctx.require_actor()
        svc = self.ctx.services.care
        self.ctx.runner.run(lambda: svc.message_preview(actor, t.id), self.message.setPlainText,
                            self._failed, owner=self)

    def record(self) -> None:
        t = self.current()
        if t is None:
            return
        actor = self.ctx.require_actor()
        text = self.outcome.toPlainText()
        svc = self.ctx.services.care
        self.record_button.setEnabled(False)
        self.ctx.run_op(lambda: svc.record_outcome(actor, t.id, text), OpChanges(care=True),
                        self._recorded, self._record_failed, origin=self)

    def save_birthday(self) -> None:
        t = self.current()
        if t is None:
            return
        actor = self.ctx.require_actor()
        qd = self.birthday.date()
        day = date(qd.year(), qd.month(), qd.day())
        svc = self.ctx.services.care
        self.ctx.run_op(lambda: svc.set_birthday(actor, t.customer_id, day),
                        OpChanges(care=True, customers=True), lambda _r: self._recorded(None),
                        self._failed, origin=self)

    def _recorded(self, task: TaskInfo | None) -> None:
        self.outcome.setPlainText("")
        self.refresh()

    def _record_failed(self, exc: BaseException) -> None:
        self._failed(exc)
        self.record_button.setEnabled(True)
