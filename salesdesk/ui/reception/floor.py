"""The floor as reception sees it: the rotation with statuses, the waiting queue with waiting
times. Names are salutations (王先生) and phone numbers never appear."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QInputDialog,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QWidget,
)

from salesdesk.domain.roles import Permission
from salesdesk.services.reception import Floor, QueueEntry, RotationEntry, StaffBrief
from salesdesk.ui.context import UiContext
from salesdesk.ui.forms.ui_reception_floor import Ui_FloorPanel
from salesdesk.ui.forms.ui_reception_on_duty import Ui_OnDutyDialog
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.reception.labels import source_label
from salesdesk.ui.reception.reassign import ReassignDialog
from salesdesk.ui.table_model import Column, RecordTableModel

STATUS_COLOURS = {"available": "#05603a", "receiving": "#1f6feb", "break": "#b54708",
                  "meeting": "#b54708", "off": "#9fb3c8"}


def table(model: QAbstractTableModel) -> QTableView:
    return setup_table(QTableView(), model)


def setup_table(view: QTableView, model: QAbstractTableModel) -> QTableView:
    """How reception's lists behave, whether the view came from code or from a form."""
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(34)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def duty_label(status: str) -> str:
    """A DutyStatus value in the UI language ("" = not on today's list)."""
    labels = {"available": QCoreApplication.translate("ReceptionFloor", "Free"), "receiving": QCoreApplication.translate("ReceptionFloor", "Receiving"), "break": QCoreApplication.translate("ReceptionFloor", "On break"),
              "meeting": QCoreApplication.translate("ReceptionFloor", "In a meeting"), "off": QCoreApplication.translate("ReceptionFloor", "Off duty"), "": QCoreApplication.translate("ReceptionFloor", "Not on duty today")}
    return labels.get(status, status)


def status_text(e: RotationEntry) -> str:
    text = duty_label(e.status)
    return f"{text}（{e.note}）" if e.note else text


def rotation_model() -> RecordTableModel[RotationEntry]:
    return RecordTableModel([
        Column(QCoreApplication.translate("ReceptionFloor", "Turn"), lambda e: e.position or ("—" if not e.manager else QCoreApplication.translate("ReceptionFloor", "Manager"))),
        Column(QCoreApplication.translate("ReceptionFloor", "Consultant"), lambda e: e.name + (" ★" if e.senior else "")),
        Column(QCoreApplication.translate("ReceptionFloor", "Agency"), lambda e: e.agency),
        Column(QCoreApplication.translate("ReceptionFloor", "Status"), status_text, colour=lambda e: STATUS_COLOURS.get(e.status)),
        Column(QCoreApplication.translate("ReceptionFloor", "Received today"), lambda e: e.receptions_today, align_right=True),
        Column(QCoreApplication.translate("ReceptionFloor", "Ticket"), lambda e: e.current_ticket),
    ])


def queue_model() -> RecordTableModel[QueueEntry]:
    state = {"waiting": QCoreApplication.translate("ReceptionFloor", "Waiting"), "called": QCoreApplication.translate("ReceptionFloor", "Called"), "receiving": QCoreApplication.translate("ReceptionFloor", "Receiving"),
             "parked": QCoreApplication.translate("ReceptionFloor", "Parked")}
    return RecordTableModel([
        Column(QCoreApplication.translate("ReceptionFloor", "Ticket"), lambda e: e.ticket),
        Column(QCoreApplication.translate("ReceptionFloor", "Visitor"), lambda e: e.display_name + (" ⚑⚑" if e.very_important else " ⚑" if e.important else "")),
        Column(QCoreApplication.translate("ReceptionFloor", "Party"), lambda e: e.party_size, align_right=True),
        Column(QCoreApplication.translate("ReceptionFloor", "Source"), lambda e: source_label(e.source)),
        Column(QCoreApplication.translate("ReceptionFloor", "Status"), lambda e: state.get(e.status, e.status),
               colour=lambda e: "#b42318" if e.status == "waiting" and e.waited_minutes >= 15
               else None),
        Column(QCoreApplication.translate("ReceptionFloor", "Waited"), lambda e: QCoreApplication.translate("ReceptionFloor", "%1 min").replace("%1", str(e.waited_minutes)),
               align_right=True,
               colour=lambda e: "#b42318" if e.waited_minutes >= 15 else None),
        Column(QCoreApplication.translate("ReceptionFloor", "For"), lambda e: e.consultant_name or QCoreApplication.translate("ReceptionFloor", "next free")),
    ])


class FloorPanel(QWidget):
    """Rotation and queue side by side with the status buttons reception and supervisors use."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.floor: Floor | None = None
        # The layout is forms/reception_floor.ui; what it does is here.
        self.ui = ui = Ui_FloorPanel()
        ui.setupUi(self)
        # Style names (style.py) replace the form's own names where the style needs them.
        for widget, style in ((ui.rotationCard, "card"), (ui.rotationTitle, "sectionTitle"),
                              (ui.formError, "errorLabel"), (ui.queueCard, "card"),
                              (ui.queueTitle, "sectionTitle"), (ui.waitLabel, "badge")):
            widget.setObjectName(style)
        self.join_button = ui.joinButton
        self.join_button.clicked.connect(self.choose_on_duty)
        self.rotation_model = rotation_model()
        self.rotation_view = setup_table(ui.rotationView, self.rotation_model)
        self.status_buttons: dict[str, QPushButton] = {
            "available": ui.freeButton, "break": ui.breakButton, "meeting": ui.meetingButton,
            "off": ui.offButton}
        for key, b in self.status_buttons.items():
            b.clicked.connect(lambda _=False, k=key: self.set_status(k))
        self.up_button = ui.upButton
        self.up_button.clicked.connect(self.move_up)
        self.error = ui.formError
        self.error.setVisible(False)
        self.wait_label = ui.waitLabel
        self.reassign_button = ui.reassignButton
        self.reassign_button.clicked.connect(self.reassign)
        self.queue_model = queue_model()
        self.queue_view = setup_table(ui.queueView, self.queue_model)
        actor = ctx.actor
        manage = actor is not None and actor.can(Permission.MANAGE_ROTATION)
        front = actor is not None and (actor.can(Permission.CHECK_IN) or manage)
        self.up_button.setVisible(manage)
        self.join_button.setVisible(front)
        self.reassign_button.setVisible(front)
        for b in self.status_buttons.values():
            b.setVisible(front)

    def show_floor(self, floor: Floor) -> None:
        self.floor = floor
        selected = self.selected()
        self.rotation_model.set_rows(floor.rotation)
        if selected is not None:
            for i, e in enumerate(floor.rotation):
                if e.staff_id == selected.staff_id:
                    self.rotation_view.selectRow(i)
        self.queue_model.set_rows(floor.waiting)
        waiting = sum(1 for e in floor.waiting if e.status == "waiting")
        if waiting:
            self.wait_label.setText(self.tr("%1 waiting · about %2 min").replace(
                "%1", str(waiting)).replace("%2", str(floor.estimated_wait_minutes)))
        else:
            self.wait_label.setText(self.tr("Nobody waiting"))

    def selected(self) -> RotationEntry | None:
        rows = self.rotation_view.selectionModel().selectedRows()
        return self.rotation_model.row(rows[0].row()) if rows else None

    def _write(self, fn: Callable[[], object]) -> None:
        self.error.setVisible(False)

        def failed(exc: BaseException) -> None:
            self.error.setText(self.ctx.error_text(exc))
            self.error.setVisible(True)

        # No origin: the reception page around the panel reloads the floor from the change.
        self.ctx.run_op(fn, OpChanges(reception=True), None, failed)

    def set_status(self, status: str) -> None:
        entry, actor = self.selected(), self.ctx.actor
        if entry is None or actor is None:
            self.error.setText(self.tr("Select a consultant in the list first"))
            self.error.setVisible(True)
            return
        note = ""
        if status in ("break", "meeting"):
            note, ok = QInputDialog.getText(self, self.tr("Reason"), self.tr("Reason (optional)"))
            if not ok:
                return
        svc = self.ctx.services.reception
        if status == "available" and entry.status == "off":
            self._write(lambda: svc.join(actor, [entry.staff_id]))
        else:
            self._write(lambda: svc.set_status(actor, entry.staff_id, status, note))

    def selected_party(self) -> QueueEntry | None:
        rows = self.queue_view.selectionModel().selectedRows()
        return self.queue_model.row(rows[0].row()) if rows else None

    def reassign(self) -> ReassignDialog | None:
        """A consultant who is away must not block the party: give it to a colleague or back
        to the rotation, with a reason. Returns the (non-modal) dialog."""
        entry, actor = self.selected_party(), self.ctx.actor
        if entry is None or actor is None or not entry.consultant_id:
            self.error.setText(self.tr("Select a party that has a consultant first"))
            self.error.setVisible(True)
            return None
        colleagues = [(e.staff_id, e.name) for e in (self.floor.rotation if self.floor else ())
                      if e.status != "off"]
        dlg = ReassignDialog(self, entry, colleagues, next_up=True,
                             title=self.tr("Reassign the party"))
        svc = self.ctx.services.reception
        dlg.accepted.connect(lambda: self._write(lambda: svc.reassign(
            actor, entry.visit_id, dlg.to_staff_id(), dlg.reason_text())))
        dlg.open()
        return dlg

    def move_up(self) -> None:
        entry, actor = self.selected(), self.ctx.actor
        if entry is None or actor is None or self.floor is None or entry.position <= 1:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Change the order"),
                                          self.tr("Why does %1 move up?").replace(
                                              "%1", entry.name))
        if not ok:
            return
        order = [e.staff_id for e in sorted(
            (e for e in self.floor.rotation if e.position), key=lambda e: e.position)]
        i = order.index(entry.staff_id)
        order[i - 1], order[i] = order[i], order[i - 1]
        svc = self.ctx.services.reception
        self._write(lambda: svc.reorder(actor, order, reason))

    def choose_on_duty(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        svc = self.ctx.services.reception
        self.ctx.runner.run(lambda: svc.on_duty_staff(actor), self._on_duty_dialog)

    def _on_duty_dialog(self, staff: list[StaffBrief]) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        on = {e.staff_id for e in (self.floor.rotation if self.floor else ())
              if e.status != "off"}
        dlg = OnDutyDialog(self, staff, on)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dlg.chosen()
        if chosen:
            svc = self.ctx.services.reception
            self._write(lambda: svc.join(actor, chosen))


class OnDutyDialog(QDialog):
    """Reception ticks who joins today's rotation; the ticked order is the rotation's order."""

    def __init__(self, parent: QWidget | None, staff: list[StaffBrief],
                 on: set[str]) -> None:
        super().__init__(parent)
        # The layout is forms/reception_on_duty.ui; what it does is here.
        self.ui = ui = Ui_OnDutyDialog()
        ui.setupUi(self)
        self.on = on
        self.list = ui.staffList
        for s in staff:
            item = QListWidgetItem(f"{s.code} {s.name}  {s.agency}")
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setCheckState(Qt.CheckState.Checked if s.id in on else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)

    def chosen(self) -> list[str]:
        """Those ticked who are not on duty already, in the list's order."""
        role = Qt.ItemDataRole.UserRole
        items = [self.list.item(i) for i in range(self.list.count())]
        return [str(it.data(role)) for it in items
                if it.checkState() == Qt.CheckState.Checked and it.data(role) not in self.on]
