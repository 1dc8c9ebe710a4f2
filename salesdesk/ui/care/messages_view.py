"""Messages to send: every text the outbox holds for this consultant's customers (follow-up
greetings, the materials reminder, the successor's introduction, appointment reminders).
Failed and unresolved ones first, in red; the consultant copies or prints the text, sends it
from their phone and presses "Mark sent". A message is never sent twice."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from salesdesk.domain.local_time import local
from salesdesk.services.messages import MessageItem
from salesdesk.ui.care.common import table
from salesdesk.ui.care.labels import message_kind_label
from salesdesk.ui.context import UiContext
from salesdesk.ui.message_panel import STATUS_COLOURS, MessageSendPanel
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.table_model import Column, RecordTableModel
from salesdesk.ui.widgets import error_label


class MessagesView(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        layout.addWidget(self.summary)
        self.error = error_label()
        layout.addWidget(self.error)
        status = {"pending": self.tr("To send"), "sending": self.tr("Result unknown"),
                  "sent": self.tr("Sent"), "failed": self.tr("Failed")}
        self.model: RecordTableModel[MessageItem] = RecordTableModel([
            Column(self.tr("Queued"), lambda m: f"{local(m.created_at):%m-%d %H:%M}"),
            Column(self.tr("Kind"), lambda m: message_kind_label(m.kind)),
            Column(self.tr("Customer"), lambda m: m.customer),
            Column(self.tr("Consultant"), lambda m: m.staff),
            Column(self.tr("Status"), lambda m: status.get(m.status, m.status)
                   + (f" · {m.sent_by}" if m.status == "sent" and m.sent_by else "")
                   + (f" · {m.last_error}" if m.last_error else ""),
                   colour=lambda m: STATUS_COLOURS.get(m.status)),
        ])
        self.table = table(self.model)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.panel = MessageSendPanel(self.tr(
            "Copy or print the text, send it to the customer from your phone, then press Mark "
            "sent. A message is never sent twice."))
        self.panel.send_requested.connect(self.mark_sent)
        self.panel.resolved.connect(self.resolve)
        self.text, self.sent_button = self.panel.text, self.panel.sent_button
        layout.addWidget(self.panel.beside(self.table, (600, 400)), 1)

    def current(self) -> MessageItem | None:
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
        keep = self.current()
        outbox = self.ctx.services.messages

        def done(items: list[MessageItem]) -> None:
            self.error.setVisible(False)
            self.model.set_rows(items)
            self.table.resizeColumnsToContents()
            waiting = sum(1 for m in items if m.status == "pending")
            attention = sum(1 for m in items if m.status in ("failed", "sending"))
            self.summary.setText(self.tr("%1 to send · %2 need attention · sent in the last "
                                         "7 days are listed too")
                                 .replace("%1", str(waiting)).replace("%2", str(attention)))
            for n, m in enumerate(items):
                if keep is not None and m.id == keep.id:
                    self.table.selectRow(n)
            if self.current() is None and items:
                self.table.selectRow(0)
            self._show_current()

        self.ctx.runner.run(lambda: outbox.outgoing(actor), done, self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.setVisible(True)

    def mark_sent(self) -> None:
        item, actor = self.current(), self.ctx.actor
        if item is None or actor is None:
            return
        message_id = item.id
        outbox = self.ctx.services.messages

        self.ctx.run_op(lambda: outbox.send(actor, message_id), OpChanges(care=True),
                        lambda _r: self.refresh(), self._failed, origin=self)

    def resolve(self, delivered: bool) -> None:
        item, actor = self.current(), self.ctx.actor
        if item is None or actor is None:
            return
        message_id = item.id
        outbox = self.ctx.services.messages
        self.ctx.run_op(lambda: outbox.resolve_unknown(actor, message_id, delivered),
                        OpChanges(care=True), lambda _r: self.refresh(), self._failed,
                        origin=self)
