"""The appointments page: a consultant's day or week, the signing centre's day board, and
tomorrow's reminders. Booking, rescheduling and cancelling open real dialogs."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.local_time import local, local_day
from salesdesk.domain.roles import Permission, Role
from salesdesk.services.appointments import AppointmentInfo, Booking, DayBoard, StaffChoice
from salesdesk.ui.appointments.board import SigningBoard
from salesdesk.ui.appointments.centre import CentreSettingsDialog, DayDialog
from salesdesk.ui.appointments.dialogs import (
    BookSigningDialog,
    BookVisitDialog,
    CancelDialog,
    RescheduleDialog,
    pydate,
    qdate,
)
from salesdesk.ui.appointments.labels import (
    LOCAL_STYLE,
    STATUS_TEXT_COLOURS,
    kind_label,
    status_label,
    weekday,
)
from salesdesk.ui.appointments.reminders import RemindersView
from salesdesk.ui.appointments.safe import run_for
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.pages.base import Page
from salesdesk.ui.table_model import Column, RecordTableModel
from salesdesk.ui.tasks import Latest
from salesdesk.ui.widgets import error_label, message_box, page_title


def _where(a: AppointmentInfo) -> str:
    if a.desk_no:
        from salesdesk.ui.appointments.labels import desk_name

        return desk_name(a.desk_no) + (f" · {a.unit_number}" if a.unit_number else "")
    return a.unit_number


class AppointmentsPage(Page):
    areas = frozenset({"appointments", "customers"})

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.consultant_choices: list[StaffChoice] = []
        self._loads = Latest()  # flipping days quickly: only the last day asked is shown
        self._dialog: QWidget | None = None  # the open dialog (kept alive, and for tests)
        self.day = local_day(ctx.services.db.now())
        self.setStyleSheet(LOCAL_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        head = QHBoxLayout()
        head.addWidget(page_title(self.tr("Appointments")))
        head.addStretch(1)
        self.prev_button = QPushButton("◀")
        self.today_button = QPushButton(self.tr("Today"))
        self.next_button = QPushButton("▶")
        self.date_edit = QDateEdit(qdate(self.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.prev_button.clicked.connect(lambda: self._move(-1))
        self.next_button.clicked.connect(lambda: self._move(1))
        self.today_button.clicked.connect(
            lambda: self.date_edit.setDate(qdate(local_day(ctx.services.db.now()))))
        self.date_edit.dateChanged.connect(self._date_changed)
        for w in (self.prev_button, self.date_edit, self.today_button, self.next_button):
            head.addWidget(w)
        self.book_visit_button = QPushButton(self.tr("Book visit"))
        self.book_visit_button.setObjectName("primary")
        self.book_visit_button.clicked.connect(self.book_visit)
        self.book_signing_button = QPushButton(self.tr("Book signing"))
        self.book_signing_button.setObjectName("primary")
        self.book_signing_button.clicked.connect(lambda: self.book_signing(None))
        head.addSpacing(12)
        head.addWidget(self.book_visit_button)
        head.addWidget(self.book_signing_button)
        layout.addLayout(head)
        self.error = error_label()
        layout.addWidget(self.error)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._agenda_tab(), self.tr("Agenda"))
        self.board = SigningBoard()
        self.board.free_clicked.connect(self.book_signing)
        self.board.picked.connect(lambda _a: self._update_actions())
        board_tab = QWidget()
        bl = QVBoxLayout(board_tab)
        board_bar = QHBoxLayout()
        board_bar.addStretch(1)
        self.day_button = QPushButton(self.tr("This day and desk roster…"))
        self.day_button.clicked.connect(self.edit_day)
        self.settings_button = QPushButton(self.tr("Centre settings…"))
        self.settings_button.clicked.connect(self.edit_settings)
        board_bar.addWidget(self.day_button)
        board_bar.addWidget(self.settings_button)
        bl.addLayout(board_bar)
        bl.addWidget(self.board)
        self.tabs.addTab(board_tab, self.tr("Signing board"))
        self.reminders = RemindersView(ctx)
        self.tabs.addTab(self.reminders, self.tr("Reminders"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        layout.addWidget(self.tabs, 1)

        actions = QHBoxLayout()
        self.confirm_button = QPushButton(self.tr("Confirm"))
        self.arrived_button = QPushButton(self.tr("Arrived"))
        self.complete_button = QPushButton(self.tr("Completed"))
        self.no_show_button = QPushButton(self.tr("No-show"))
        self.reschedule_button = QPushButton(self.tr("Reschedule…"))
        self.cancel_button = QPushButton(self.tr("Cancel…"))
        self.history_button = QPushButton(self.tr("History"))
        self.ics_button = QPushButton(self.tr("Export .ics"))
        self.confirm_button.clicked.connect(lambda: self._step("confirm"))
        self.arrived_button.clicked.connect(lambda: self._step("arrive"))
        self.complete_button.clicked.connect(lambda: self._step("complete"))
        self.no_show_button.clicked.connect(lambda: self._step("mark_no_show"))
        self.reschedule_button.clicked.connect(self.reschedule)
        self.cancel_button.clicked.connect(self.cancel)
        self.history_button.clicked.connect(self.show_history)
        self.ics_button.clicked.connect(self.export_ics)
        self.action_buttons = (self.confirm_button, self.arrived_button, self.complete_button,
                               self.no_show_button, self.reschedule_button, self.cancel_button,
                               self.history_button, self.ics_button)
        for b in self.action_buttons:
            actions.addWidget(b)
        actions.addStretch(1)
        self.action_bar = QWidget()
        self.action_bar.setLayout(actions)
        layout.addWidget(self.action_bar)
        self._update_actions()

    # -- agenda ------------------------------------------------------------------------------

    def _agenda_tab(self) -> QWidget:
        tab = QWidget()
        v = QVBoxLayout(tab)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Consultant")))
        self.consultant = QComboBox()
        self.consultant.setMinimumWidth(160)
        self.consultant.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addWidget(self.consultant)
        self.day_mode = QPushButton(self.tr("Day"))
        self.week_mode = QPushButton(self.tr("Week"))
        group = QButtonGroup(self)
        for b in (self.day_mode, self.week_mode):
            b.setCheckable(True)
            group.addButton(b)
            bar.addWidget(b)
        self.day_mode.setChecked(True)
        group.buttonClicked.connect(lambda _b: self.refresh())
        self.agenda_summary = QLabel()
        self.agenda_summary.setObjectName("hint")
        bar.addWidget(self.agenda_summary, 1)
        v.addLayout(bar)
        self.agenda_model: RecordTableModel[AppointmentInfo] = RecordTableModel([
            Column(self.tr("Date"), lambda a: f"{local(a.starts_at):%m-%d} {weekday(a.starts_at)}"),
            Column(self.tr("Time"), lambda a: f"{local(a.starts_at):%H:%M}–"
                                              f"{local(a.ends_at):%H:%M}"),
            Column(self.tr("Kind"), lambda a: kind_label(a.kind)),
            Column(self.tr("Customer"), lambda a: a.customer_name),
            Column(self.tr("Phone"), lambda a: a.customer_phone_masked),
            Column(self.tr("Consultant"), lambda a: a.consultant_name),
            Column(self.tr("Desk / unit"), _where),
            Column(self.tr("Status"), lambda a: status_label(a.status),
                   colour=lambda a: STATUS_TEXT_COLOURS.get(a.status.value)),
            Column(self.tr("Notes"), lambda a: a.notes),
        ])
        self.agenda = QTableView()
        self.agenda.setModel(self.agenda_model)
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda.setAlternatingRowColors(True)
        self.agenda.verticalHeader().setVisible(False)
        self.agenda.horizontalHeader().setStretchLastSection(True)
        self.agenda.selectionModel().selectionChanged.connect(self._agenda_selected)
        self.agenda.doubleClicked.connect(lambda _i: self.show_history())
        v.addWidget(self.agenda, 1)
        return tab

    def _agenda_selected(self, _a: QItemSelection, _b: QItemSelection) -> None:
        self._update_actions()

    # -- navigation --------------------------------------------------------------------------

    def _move(self, step: int) -> None:
        days = 7 if self.week_mode.isChecked() and self.tabs.currentIndex() == 0 else 1
        self.date_edit.setDate(qdate(pydate(self.date_edit.date()) + timedelta(days=step * days)))

    def _date_changed(self) -> None:
        self.day = pydate(self.date_edit.date())
        self.refresh()

    def _tab_changed(self) -> None:
        on_reminders = self.tabs.currentIndex() == 2  # it has its own day (tomorrow)
        self.action_bar.setVisible(not on_reminders)
        for w in (self.prev_button, self.date_edit, self.today_button, self.next_button):
            w.setVisible(not on_reminders)
        self.refresh()

    # -- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        self.book_signing_button.setVisible(actor.can(Permission.BOOK_SIGNING))
        manage = actor.can(Permission.MANAGE_SIGNING_CENTRE)
        self.day_button.setVisible(manage)
        self.settings_button.setVisible(manage)
        services = self.ctx.services
        if not self.consultant_choices:
            run_for(self, self.ctx, lambda: services.appointments.consultants(actor),
                                self._consultants_loaded, self._failed)
            return
        tab = self.tabs.currentIndex()
        current = self._loads.ticket()
        failed = self._loads.only_if_current(current, self._failed)
        if tab == 0:
            cid = self.consultant.currentData()
            week = self.week_mode.isChecked()
            first = self.day - timedelta(days=self.day.weekday()) if week else self.day
            days = 7 if week else 1
            run_for(self, self.ctx,
                lambda: services.appointments.agenda(actor, cid, first, days),
                self._loads.only_if_current(
                    current, lambda rows: self._agenda_loaded(rows, first, days)), failed)
        elif tab == 1:
            day = self.day
            run_for(self, self.ctx, lambda: services.appointments.day_board(actor, day),
                    self._loads.only_if_current(current, self._board_loaded), failed)
        else:
            self.reminders.refresh()

    def _consultants_loaded(self, choices: list[StaffChoice]) -> None:
        actor = self.ctx.require_actor()
        self.consultant_choices = choices
        self.consultant.blockSignals(True)
        self.consultant.clear()
        if actor.role in (Role.CONSULTANT, Role.SENIOR_CONSULTANT):
            self.consultant.addItem(actor.name, actor.staff_id)
            self.consultant.setEnabled(False)
        else:
            self.consultant.addItem(self.tr("Everyone"), None)
            for c in choices:
                self.consultant.addItem(f"{c.name}（{c.code}）", c.id)
        self.consultant.blockSignals(False)
        if choices:
            self.refresh()

    def _agenda_loaded(self, rows: list[AppointmentInfo], first: date, days: int) -> None:
        self.error.setVisible(False)
        self.agenda_model.set_rows(rows)
        self.agenda.resizeColumnsToContents()
        live = [a for a in rows if a.status.value not in ("cancelled",)]
        last = first + timedelta(days=days - 1)
        span = f"{first:%Y-%m-%d}" if days == 1 else f"{first:%m-%d} – {last:%m-%d}"
        text = self.tr("%1 · %2 appointments (%3 visits, %4 signings)")
        self.agenda_summary.setText(text.replace("%1", span).replace("%2", str(len(live)))
                                    .replace("%3", str(sum(1 for a in live
                                                           if a.kind.value == "visit")))
                                    .replace("%4", str(sum(1 for a in live
                                                           if a.kind.value == "signing"))))
        self._update_actions()

    def _board_loaded(self, board: DayBoard) -> None:
        self.error.setVisible(False)
        self.board.show_board(board)
        self._update_actions()

    def _failed(self, exc: BaseException) -> None:
        self.report_error(exc, self.error)

    # -- the selected appointment ------------------------------------------------------------

    def selected(self) -> AppointmentInfo | None:
        if self.tabs.currentIndex() == 1:
            return self.board.selected()
        rows = self.agenda.selectionModel().selectedRows()
        return self.agenda_model.row(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        a = self.selected()
        status = a.status.value if a else ""
        open_ = status in ("booked", "confirmed")
        self.confirm_button.setEnabled(status == "booked")
        self.arrived_button.setEnabled(open_)
        self.complete_button.setEnabled(status == "arrived")
        self.no_show_button.setEnabled(open_)
        self.reschedule_button.setEnabled(open_)
        self.cancel_button.setEnabled(open_)
        self.history_button.setEnabled(a is not None)
        self.ics_button.setEnabled(a is not None)

    # -- actions -----------------------------------------------------------------------------

    def _consultant_for_dialog(self) -> str | None:
        value = self.consultant.currentData()
        return value if isinstance(value, str) else None

    def book_visit(self) -> None:
        dialog = BookVisitDialog(self.ctx, self.consultant_choices, day=self.day,
                                 consultant_id=self._consultant_for_dialog(), parent=self)
        dialog.accepted.connect(lambda: self._booked(dialog.result_value))
        dialog.open()
        self._dialog = dialog

    def book_signing(self, starts_at: datetime | None) -> None:
        day = local_day(starts_at) if starts_at else self.day
        dialog = BookSigningDialog(self.ctx, self.consultant_choices, day=day,
                                   starts_at=starts_at, parent=self)
        dialog.accepted.connect(lambda: self._booked(dialog.result_value))
        dialog.open()
        self._dialog = dialog

    def open_customer(self, customer_id: str, phone: str, unit_id: str) -> None:
        """Opened from the customer record: the signing-slot form with the customer and the
        unit of their subscription already filled in."""
        self.book_signing(None)
        dialog = self._dialog
        if isinstance(dialog, BookSigningDialog):
            dialog.customer.setText(phone)
            if unit_id:
                dialog.set_unit(unit_id)

    def _booked(self, booking: Booking | None) -> None:
        if booking is not None and booking.warnings:
            message_box(self, "\n".join(booking.warnings), error=True)

    def reschedule(self) -> None:
        a = self.selected()
        if a is None:
            return
        dialog = RescheduleDialog(self.ctx, a, parent=self)
        dialog.accepted.connect(lambda: self._booked(dialog.result_value))
        dialog.open()
        self._dialog = dialog

    def cancel(self) -> None:
        a = self.selected()
        if a is None:
            return
        dialog = CancelDialog(self.ctx, a, parent=self)
        dialog.open()
        self._dialog = dialog

    def _step(self, method: str) -> None:
        a, actor = self.selected(), self.ctx.actor
        if a is None or actor is None:
            return
        fn = getattr(self.ctx.services.appointments, method)
        appointment_id = a.id

        # No origin: the page reloads from the change record, as every other screen does.
        self.ctx.run_op(lambda: fn(actor, appointment_id), OpChanges(appointments=True), None,
                        self._failed, owner=self)

    def show_history(self) -> None:
        a, actor = self.selected(), self.ctx.actor
        if a is None or actor is None:
            return

        def done(entries: list[Any]) -> None:
            lines = []
            for e in entries:
                step = (f"{status_label(e.from_status)} → {status_label(e.to_status)}"
                        if e.from_status else status_label(e.to_status))
                extra = " · ".join(x for x in (e.reason, e.detail) if x)
                lines.append(f"{local(e.at):%Y-%m-%d %H:%M}  {e.staff_name}  {step}"
                             + (f"  （{extra}）" if extra else ""))
            box = QMessageBox(self)
            box.setWindowTitle(self.tr("History"))
            box.setText(f"{kind_label(a.kind)} · {a.customer_name}")
            box.setInformativeText("\n".join(lines))
            box.open()
            self._dialog = box

        run_for(self, self.ctx, lambda: self.ctx.services.appointments.history(actor, a.id), done,
                            self._failed)

    def edit_settings(self) -> None:
        actor = self.ctx.require_actor()

        def loaded(current: Any) -> None:
            dialog = CentreSettingsDialog(self.ctx, current, parent=self)
            dialog.open()
            self._dialog = dialog

        run_for(self, self.ctx, lambda: self.ctx.services.appointments.settings(actor), loaded,
                            self._failed)

    def edit_day(self) -> None:
        actor, day = self.ctx.require_actor(), self.day
        services = self.ctx.services

        def load() -> tuple[DayBoard, list[StaffChoice]]:
            return (services.appointments.day_board(actor, day),
                    services.appointments.staff_for_roster(actor))

        def loaded(value: tuple[DayBoard, list[StaffChoice]]) -> None:
            dialog = DayDialog(self.ctx, value[0], value[1], parent=self)
            dialog.open()
            self._dialog = dialog

        run_for(self, self.ctx, load, loaded, self._failed)

    def export_ics(self) -> None:
        a, actor = self.selected(), self.ctx.actor
        if a is None or actor is None:
            return
        name = f"{local(a.starts_at):%Y%m%d-%H%M}-{a.kind.value}.ics"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export .ics"),
                                              str(Path.home() / name), "iCalendar (*.ics)")
        if not path:
            return
        self.save_ics(a.id, Path(path))

    def save_ics(self, appointment_id: str, path: Path) -> None:
        actor = self.ctx.require_actor()

        def write() -> Path:
            path.write_text(self.ctx.services.appointments.ics(actor, appointment_id),
                            encoding="utf-8", newline="")
            return path

        run_for(self, self.ctx, write, lambda p: message_box(
            self, self.tr("Saved %1").replace("%1", str(p))), self._failed)
