"""The consultant's side: my status, my next party, start, finish (intent A/B/C, units of
interest, notes), call next, recall, no-show, transfer, park."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QInputDialog,
    QPushButton,
    QWidget,
)

from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.services.reception import Floor, MyQueue, QueueEntry
from salesdesk.ui.context import UiContext
from salesdesk.ui.forms.ui_reception_my_queue import Ui_MyQueuePanel
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.reception.call_alert import Beep, CallWatcher, Sound, bring_forward
from salesdesk.ui.reception.floor import duty_label, queue_model, setup_table
from salesdesk.ui.reception.labels import source_label
from salesdesk.ui.reception.reassign import ReassignDialog


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
        # The layout is forms/reception_my_queue.ui; what it does is here.
        self.ui = ui = Ui_MyQueuePanel()
        ui.setupUi(self)
        # Style names (style.py) replace the form's own names where the style needs them.
        for widget, style in ((ui.statusCard, "card"), (ui.statusLabel, "sectionTitle"),
                              (ui.noticesLabel, "badge"), (ui.currentCard, "card"),
                              (ui.currentTitle, "sectionTitle"), (ui.currentLabel, "cardValue"),
                              (ui.currentDetail, "hint"), (ui.intentAButton, "staffButton"),
                              (ui.intentBButton, "staffButton"),
                              (ui.intentCButton, "staffButton"), (ui.finishButton, "primary"),
                              (ui.nextCard, "card"), (ui.nextTitle, "sectionTitle"),
                              (ui.callButton, "primary"), (ui.startButton, "primary"),
                              (ui.noShowButton, "danger"), (ui.formError, "errorLabel")):
            widget.setObjectName(style)
        self.status_label = ui.statusLabel
        self.status_buttons: dict[str, QPushButton] = {
            "join": ui.joinButton, "available": ui.availableButton, "break": ui.breakButton,
            "meeting": ui.meetingButton}
        for key, b in self.status_buttons.items():
            b.clicked.connect(lambda _=False, k=key: self.set_status(k))
        self.call_banner = ui.callBanner
        self.notices = ui.noticesLabel
        self.notices.setVisible(False)

        self.current_label = ui.currentLabel
        self.current_detail = ui.currentDetail
        self.intent_group = QButtonGroup(self)
        self.intent_buttons: dict[str, QPushButton] = {
            "A": ui.intentAButton, "B": ui.intentBButton, "C": ui.intentCButton}
        for b in self.intent_buttons.values():
            self.intent_group.addButton(b)
        self.units = ui.unitsEdit
        self.notes = ui.notesEdit
        self.finish_button = ui.finishButton
        self.finish_button.clicked.connect(self.finish)
        self.invalid_button = ui.invalidButton
        self.invalid_button.clicked.connect(self.finish_invalid)
        self.park_button = ui.parkButton
        self.park_button.clicked.connect(self.park)
        self.transfer_combo = ui.transferCombo
        self.transfer_button = ui.transferButton
        self.transfer_button.clicked.connect(self.transfer)
        self.current_card = ui.currentCard

        self.call_button = ui.callButton
        self.call_button.clicked.connect(self.call_next)
        self.start_button = ui.startButton
        self.start_button.clicked.connect(self.start)
        self.recall_button = ui.recallButton
        self.recall_button.clicked.connect(self.recall)
        self.no_show_button = ui.noShowButton
        self.no_show_button.clicked.connect(self.no_show)
        self.next_model = queue_model()
        self.next_view = setup_table(ui.nextView, self.next_model)
        self.error = ui.formError
        self.error.setVisible(False)

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
