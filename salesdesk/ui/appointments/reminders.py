"""Tomorrow's reminders: the list, the message text, copy / print, and "mark sent" (the
default gateway records the consultant as the sender). Failures stay in the list, in red."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.local_time import local
from salesdesk.services.appointments import ReminderItem
from salesdesk.ui.appointments.dialogs import pydate, qdate
from salesdesk.ui.appointments.labels import kind_label, reminder_status_label
from salesdesk.ui.appointments.safe import run_for
from salesdesk.ui.context import UiContext
from salesdesk.ui.message_panel import STATUS_COLOURS, MessageSendPanel
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.table_model import Column, RecordTableModel
from salesdesk.ui.tasks import Latest
from salesdesk.ui.widgets import error_label


class RemindersView(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loads = Latest()  # only the last day asked for is shown
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Appointments on")))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(qdate(ctx.services.reminders.tomorrow()))
        self.day.dateChanged.connect(lambda _d: self.refresh())
        bar.addWidget(self.day)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        bar.addWidget(self.summary, 1)
        self.queue_button = QPushButton(self.tr("Queue all reminders"))
        self.queue_button.clicked.connect(self.queue_all)
        bar.addWidget(self.queue_button)
        layout.addLayout(bar)
        self.error = error_label()
        layout.addWidget(self.error)

        self.model: RecordTableModel[ReminderItem] = RecordTableModel([
            Column(self.tr("Time"), lambda i: f"{local(i.appointment.starts_at):%H:%M}"),
            Column(self.tr("Kind"), lambda i: kind_label(i.appointment.kind)),
            Column(self.tr("Customer"), lambda i: f"{i.appointment.customer_name} "
                                                  f"{i.appointment.customer_phone_masked}"),
            Column(self.tr("Consultant"), lambda i: i.appointment.consultant_name),
            Column(self.tr("Reminder"), lambda i: reminder_status_label(i.status)
                   + (f" · {i.sent_by_name}" if i.sent_by_name else "")
                   + (f" · {i.last_error}" if i.last_error else ""),
                   colour=lambda i: STATUS_COLOURS.get(i.status)),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.panel = MessageSendPanel(self.tr(
            "Copy or print the text, send it to the customer from your phone, then press Mark "
            "sent. A reminder is never sent twice."))
        self.panel.send_requested.connect(self.mark_sent)
        self.panel.resolved.connect(self.resolve)
        self.text, self.sent_button = self.panel.text, self.panel.sent_button
        layout.addWidget(self.panel.beside(self.table, (560, 440)), 1)

    def current(self) -> ReminderItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _selected(self, _a: QItemSelection, _b: QItemSelection) -> None:
        self._show_current()

    def _show_current(self) -> None:
        self.panel.show_item(self.current())

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        day = pydate(self.day.date())
        keep = self.current()

        def done(items: list[ReminderItem]) -> None:
            self.error.setVisible(False)
            self.model.set_rows(items)
            self.table.resizeColumnsToContents()
            sent = sum(1 for i in items if i.status == "sent")
            failed = sum(1 for i in items if i.status in ("failed", "sending"))
            text = self.tr("%1 appointments · %2 reminded · %3 need attention")
            self.summary.setText(text.replace("%1", str(len(items))).replace(
                "%2", str(sent)).replace("%3", str(failed)))
            for n, i in enumerate(items):
                if keep is not None and i.appointment.id == keep.appointment.id:
                    self.table.selectRow(n)
            if self.current() is None and items:
                self.table.selectRow(0)
            self._show_current()

        current = self._loads.ticket()
        run_for(self, self.ctx, lambda: self.ctx.services.reminders.due(actor, day),
                self._loads.only_if_current(current, done),
                self._loads.only_if_current(current, self._failed))

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.setVisible(True)

    def mark_sent(self) -> None:
        item, actor = self.current(), self.ctx.actor
        if item is None or actor is None:
            return
        appointment_id = item.appointment.id

        self.ctx.run_op(lambda: self.ctx.services.reminders.send(actor, appointment_id),
                        OpChanges(appointments=True), lambda _r: self.refresh(), self._failed,
                        origin=self)

    def resolve(self, delivered: bool) -> None:
        item, actor = self.current(), self.ctx.actor
        if item is None or actor is None or item.message_id is None:
            return
        message_id = item.message_id
        self.ctx.run_op(
            lambda: self.ctx.services.reminders.resolve_unknown(actor, message_id, delivered),
            OpChanges(appointments=True), lambda _r: self.refresh(), self._failed, origin=self)

    def queue_all(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        day = pydate(self.day.date())
        self.ctx.run_op(lambda: self.ctx.services.reminders.queue(actor, day),
                        OpChanges(appointments=True), lambda _n: self.refresh(), self._failed,
                        origin=self)
