"""The consultant's side: my status, my next party, start, finish (intent A/B/C, units of
interest, notes), call next, recall, no-show, transfer, park."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.services.reception import Floor, MyQueue, QueueEntry
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.reception.call_alert import Beep, CallBanner, CallWatcher, Sound, bring_forward
from salesdesk.ui.reception.floor import duty_label, queue_model, table
from salesdesk.ui.reception.labels import source_label
from salesdesk.ui.reception.reassign import ReassignDialog
from salesdesk.ui.widgets import error_label


class MyQueuePanel(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None,
                 sound: Sound | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sound: Sound = sound if sound is not None else Beep()
        self.watcher = CallWatcher()
        self.bring_forward: Callable[[QWidget], None] = bring_forward
        self.queue: MyQueue | None = None
        self.colleagues: list[tuple[str, str]] = []
        self.setStyleSheet("QPushButton#primary:disabled { background: #c9d7ee;"
                           " border-color: #c9d7ee; color: white; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        status_card = QFrame()
        status_card.setObjectName("card")
        sl = QHBoxLayout(status_card)
        self.status_label = QLabel()
        self.status_label.setObjectName("sectionTitle")
        sl.addWidget(self.status_label, 1)
        self.status_buttons: dict[str, QPushButton] = {}
        for key, text in (("join", self.tr("Start duty")), ("available", self.tr("Back, free")),
                          ("break", self.tr("Break")), ("meeting", self.tr("Meeting"))):
            b = QPushButton(text)
            b.clicked.connect(lambda _=False, k=key: self.set_status(k))
            sl.addWidget(b)
            self.status_buttons[key] = b
        layout.addWidget(status_card)
        self.call_banner = CallBanner()
        layout.addWidget(self.call_banner)
        self.notices = QLabel()
        self.notices.setObjectName("badge")
        self.notices.setWordWrap(True)
        self.notices.setVisible(False)
        layout.addWidget(self.notices)

        # The party being received now.
        cur = QFrame()
        cur.setObjectName("card")
        cl = QVBoxLayout(cur)
        t = QLabel(self.tr("Receiving now"))
        t.setObjectName("sectionTitle")
        cl.addWidget(t)
        self.current_label = QLabel()
        self.current_label.setObjectName("cardValue")
        cl.addWidget(self.current_label)
        self.current_detail = QLabel()
        self.current_detail.setObjectName("hint")
        cl.addWidget(self.current_detail)
        intents = QHBoxLayout()
        intents.addWidget(QLabel(self.tr("Intent")))
        self.intent_group = QButtonGroup(self)
        self.intent_buttons: dict[str, QPushButton] = {}
        for key, text in (("A", self.tr("A · strong")), ("B", self.tr("B · considering")),
                          ("C", self.tr("C · just looking"))):
            b = QPushButton(text)
            b.setObjectName("staffButton")
            # A consultant's laptop, not the kiosk: a lower target keeps this panel within a
            # 768-px screen beside the floor.
            b.setStyleSheet("min-height: 34px;")
            b.setCheckable(True)
            self.intent_group.addButton(b)
            self.intent_buttons[key] = b
            intents.addWidget(b)
        cl.addLayout(intents)
        self.units = QLineEdit()
        self.units.setPlaceholderText(self.tr("Units of interest, e.g. 1-1203, 2-801"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Notes"))
        self.notes.setMaximumHeight(70)
        # Units and notes side by side: one row less to fit a 768-px laptop.
        details = QHBoxLayout()
        details.addWidget(self.units, 1, Qt.AlignmentFlag.AlignTop)
        details.addWidget(self.notes, 1)
        cl.addLayout(details)
        # Two rows: in one, the English labels made this panel wider than its half of a
        # 1366-px laptop once the check-in form stood beside it.
        acts = QGridLayout()
        self.finish_button = QPushButton(self.tr("Finish reception"))
        self.finish_button.setObjectName("primary")
        self.finish_button.clicked.connect(self.finish)
        self.invalid_button = QPushButton(self.tr("Invalid (directions, delivery)…"))
        self.invalid_button.clicked.connect(self.finish_invalid)
        self.park_button = QPushButton(self.tr("Park…"))
        self.park_button.clicked.connect(self.park)
        self.transfer_combo = QComboBox()
        self.transfer_button = QPushButton(self.tr("Transfer"))
        self.transfer_button.clicked.connect(self.transfer)
        acts.addWidget(self.finish_button, 0, 0)
        acts.addWidget(self.park_button, 0, 1)
        acts.addWidget(self.invalid_button, 0, 2)
        acts.addWidget(self.transfer_combo, 1, 0, 1, 2)
        acts.addWidget(self.transfer_button, 1, 2)
        cl.addLayout(acts)
        layout.addWidget(cur)
        self.current_card = cur

        nxt = QFrame()
        nxt.setObjectName("card")
        nl = QVBoxLayout(nxt)
        head = QHBoxLayout()
        nt = QLabel(self.tr("My next parties"))
        nt.setObjectName("sectionTitle")
        head.addWidget(nt)
        head.addStretch(1)
        self.call_button = QPushButton(self.tr("Call next"))
        self.call_button.setObjectName("primary")
        self.call_button.clicked.connect(self.call_next)
        self.start_button = QPushButton(self.tr("Start reception"))
        self.start_button.setObjectName("primary")
        self.start_button.clicked.connect(self.start)
        self.recall_button = QPushButton(self.tr("Recall"))
        self.recall_button.clicked.connect(self.recall)
        self.no_show_button = QPushButton(self.tr("No-show"))
        self.no_show_button.setObjectName("danger")
        self.no_show_button.clicked.connect(self.no_show)
        for w in (self.call_button, self.start_button, self.recall_button, self.no_show_button):
            head.addWidget(w)
        nl.addLayout(head)
        self.next_model = queue_model()
        self.next_view = table(self.next_model)
        self.next_view.setMinimumHeight(84)  # the header and two parties; it scrolls
        nl.addWidget(self.next_view)
        layout.addWidget(nxt, 1)
        self.error = error_label()
        layout.addWidget(self.error)

    # --- showing ---------------------------------------------------------------------------

    def show_queue(self, q: MyQueue, floor: Floor | None = None) -> None:
        self.queue = q
        self.status_label.setText(self.tr("My status: %1").replace(
            "%1", duty_label(q.status if q.on_duty or q.status == "off" else "")))
        self.status_buttons["join"].setVisible(not q.on_duty)
        for key in ("available", "break", "meeting"):
            self.status_buttons[key].setVisible(q.on_duty)
        self.notices.setVisible(bool(q.notices))
        self.notices.setText("\n".join(q.notices[:3]))
        c = q.current
        for w in (self.finish_button, self.invalid_button, self.park_button,
                  self.transfer_button, self.transfer_combo):
            w.setEnabled(c is not None)
        if c is None:
            self.current_label.setText(self.tr("Nobody"))
            self.current_detail.setText("")
        else:
            self.current_label.setText(f"{c.ticket}  {c.display_name}")
            since = c.called_at.astimezone(PROJECT_TZ).strftime("%H:%M") if c.called_at else ""
            kind = self.tr("first visit") if c.first_visit else self.tr("returning")
            self.current_detail.setText(self.tr("%1 people · %2 · %3 · since %4").replace(
                "%1", str(c.party_size)).replace("%2", source_label(c.source)).replace(
                "%3", kind).replace("%4", since))
        self._announce(q)
        keep = self.selected_next()
        rows = list(q.next) + list(q.parked)
        self.next_model.set_rows(rows)
        ids = [r.visit_id for r in rows]
        if rows:
            # A refresh keeps the party the consultant picked.
            self.next_view.selectRow(ids.index(keep.visit_id)
                                     if keep is not None and keep.visit_id in ids else 0)
        if floor is not None:
            self.colleagues = [(e.staff_id, e.name) for e in floor.rotation
                               if e.status != "off" and self.ctx.actor is not None
                               and e.staff_id != self.ctx.actor.staff_id]
            current = self.transfer_combo.currentData()
            self.transfer_combo.clear()
            for sid, name in self.colleagues:
                self.transfer_combo.addItem(name, sid)
            if current:
                i = self.transfer_combo.findData(current)
                if i >= 0:
                    self.transfer_combo.setCurrentIndex(i)

    def _announce(self, q: MyQueue) -> None:
        """A party newly called for me: banner, sound, window forward, at once."""
        mine = {e.visit_id for e in q.next}
        fresh = self.watcher.new_calls(q.next)
        if fresh:
            self.call_banner.announce(
                [p for p in self.call_banner.parties if p.visit_id in mine] + fresh)
            self.sound.play()
            self.bring_forward(self)
        elif self.call_banner.isVisible() and not any(
                p.visit_id in mine for p in self.call_banner.parties):
            # Started, or reassigned away by reception: the banner would be wrong now.
            self.call_banner.acknowledge()

    def selected_next(self) -> QueueEntry | None:
        rows = self.next_view.selectionModel().selectedRows()
        if rows:
            return self.next_model.row(rows[0].row())
        return self.next_model.row(0) if self.next_model.rowCount() else None

    # --- actions -----------------------------------------------------------------------------

    def _write(self, fn: Callable[[], object], on_ok: Callable[[], None] | None = None) -> None:
        self.error.setVisible(False)

        def done(_result: object) -> None:
            if on_ok is not None:
                on_ok()

        def failed(exc: BaseException) -> None:
            self.error.setText(self.ctx.error_text(exc))
            self.error.setVisible(True)

        # No origin: the panel shows nothing of the result itself, the reception page
        # around it reloads the floor and the queue from the change record.
        self.ctx.run_op(fn, OpChanges(reception=True), done, failed)

    def set_status(self, key: str) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        svc = self.ctx.services.reception
        if key == "join":
            self._write(lambda: svc.join(actor, [actor.staff_id]))
            return
        note = ""
        if key in ("break", "meeting"):
            note, ok = QInputDialog.getText(self, self.tr("Reason"), self.tr("Reason (optional)"))
            if not ok:
                return
        self._write(lambda: svc.set_status(actor, actor.staff_id, key, note))

    def call_next(self) -> None:
        actor = self.ctx.actor
        if actor is not None:
            svc = self.ctx.services.reception
            self._write(lambda: svc.call_next(actor))

    def start(self) -> None:
        e, actor = self.selected_next(), self.ctx.actor
        if e is not None and actor is not None:
            svc = self.ctx.services.reception
            self._write(lambda: svc.start(actor, e.visit_id))

    def recall(self) -> None:
        e, actor = self.selected_next(), self.ctx.actor
        if e is not None and actor is not None:
            svc = self.ctx.services.reception
            self._write(lambda: svc.recall(actor, e.visit_id))

    def no_show(self) -> None:
        e, actor = self.selected_next(), self.ctx.actor
        if e is not None and actor is not None:
            svc = self.ctx.services.reception
            self._write(lambda: svc.no_show(actor, e.visit_id))

    def intent(self) -> str:
        for key, b in self.intent_buttons.items():
            if b.isChecked():
                return key
        return ""

    def finish(self) -> None:
        actor = self.ctx.actor
        c = self.queue.current if self.queue else None
        if c is None or actor is None:
            return
        svc = self.ctx.services.reception
        intent, units, notes = self.intent(), self.units.text(), self.notes.toPlainText()
        self._write(lambda: svc.finish(actor, c.visit_id, intent=intent, units=units,
                                       notes=notes), self._clear_form)

    def finish_invalid(self) -> None:
        actor = self.ctx.actor
        c = self.queue.current if self.queue else None
        if c is None or actor is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Invalid reception"),
                                          self.tr("What was it (asked the way, a delivery…)?"))
        if not ok or not reason.strip():
            return
        svc = self.ctx.services.reception
        self._write(lambda: svc.finish(actor, c.visit_id, invalid_reason=reason),
                    self._clear_form)

    def park(self) -> None:
        actor = self.ctx.actor
        c = self.queue.current if self.queue else None
        if c is None or actor is None:
            return
        note, ok = QInputDialog.getText(self, self.tr("Park the party"),
                                        self.tr("Why (gone to the show flat, waiting for "
                                                "a spouse…)?"))
        if not ok:
            return
        svc = self.ctx.services.reception
        self._write(lambda: svc.park(actor, c.visit_id, note))

    def transfer(self) -> ReassignDialog | None:
        """Asks why (it goes into the rotation log) and confirms; returns the dialog."""
        actor = self.ctx.actor
        c = self.queue.current if self.queue else None
        if c is None or actor is None or not self.colleagues:
            return None
        dlg = ReassignDialog(self, c, self.colleagues, next_up=False,
                             title=self.tr("Transfer to a colleague"),
                             preselect=str(self.transfer_combo.currentData() or ""))
        svc = self.ctx.services.reception
        dlg.accepted.connect(lambda: self._write(lambda: svc.transfer(
            actor, c.visit_id, dlg.to_staff_id(), dlg.reason_text())))
        dlg.open()
        return dlg

    def _clear_form(self) -> None:
        self.units.clear()
        self.notes.clear()
        self.intent_group.setExclusive(False)
        for b in self.intent_buttons.values():
            b.setChecked(False)
        self.intent_group.setExclusive(True)
