"""Supervisor dialogs for the signing centre: the ordinary week and booking rules, and one
day's calendar entry (holiday / more desks) with its desk roster."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Any

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from salesdesk.domain.appointments import BookingRules
from salesdesk.domain.signing_slots import CentreSettings
from salesdesk.services.appointments import DayBoard, SettingsInfo, StaffChoice
from salesdesk.ui.appointments.dialogs import _BaseDialog
from salesdesk.ui.appointments.labels import desk_name
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges


def _time_edit(value: time) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")
    return edit


def _py_time(edit: QTimeEdit) -> time:
    t = edit.time()
    return time(t.hour(), t.minute())


def _spin(low: int, high: int, value: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


class CentreSettingsDialog(_BaseDialog):
    def __init__(self, ctx: UiContext, current: SettingsInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Signing centre and booking rules"), parent)
        c, r = current.centre, current.rules
        self.place = QLineEdit(c.place)
        self.opens, self.closes = _time_edit(c.opens), _time_edit(c.closes)
        self.slot_minutes = _spin(10, 240, c.slot_minutes, self.tr(" min"))
        self.desks = _spin(0, 50, c.desks)
        days = QHBoxLayout()
        self.weekdays: list[QCheckBox] = []
        for n, name in enumerate((self.tr("Mon"), self.tr("Tue"), self.tr("Wed"),
                                  self.tr("Thu"), self.tr("Fri"), self.tr("Sat"),
                                  self.tr("Sun"))):
            box = QCheckBox(name)
            box.setChecked(n in c.closed_weekdays)
            days.addWidget(box)
            self.weekdays.append(box)
        self.notice = _spin(0, 7 * 24 * 60, r.min_notice_minutes, self.tr(" min"))
        self.window_days = _spin(1, 365, r.window_days, self.tr(" days"))
        self.buffer = _spin(0, 240, r.buffer_minutes, self.tr(" min"))
        self.visit_opens, self.visit_closes = _time_edit(r.visit_opens), _time_edit(r.visit_closes)
        self.form.addRow(self.tr("Place"), self.place)
        self.form.addRow(self.tr("Opens"), self.opens)
        self.form.addRow(self.tr("Closes"), self.closes)
        self.form.addRow(self.tr("Slot length"), self.slot_minutes)
        self.form.addRow(self.tr("Desks per slot"), self.desks)
        self.form.addRow(self.tr("Closed on"), days)
        self.form.addRow(self.tr("Minimum notice"), self.notice)
        self.form.addRow(self.tr("Booking window"), self.window_days)
        self.form.addRow(self.tr("Buffer between a consultant's appointments"), self.buffer)
        self.form.addRow(self.tr("Visits from"), self.visit_opens)
        self.form.addRow(self.tr("Visits until"), self.visit_closes)
        self.ok_button.setText(self.tr("Save"))

    def work(self) -> Callable[[], None]:
        services, actor = self.ctx.services, self.ctx.require_actor()
        centre = CentreSettings(
            opens=_py_time(self.opens), closes=_py_time(self.closes),
            slot_minutes=self.slot_minutes.value(), desks=self.desks.value(),
            closed_weekdays=frozenset(n for n, b in enumerate(self.weekdays) if b.isChecked()),
            place=self.place.text().strip() or "签约中心")
        rules = BookingRules(self.notice.value(), self.window_days.value(), self.buffer.value(),
                             _py_time(self.visit_opens), _py_time(self.visit_closes))
        return lambda: services.appointments.update_settings(actor, centre, rules)


class DayDialog(_BaseDialog):
    """One day: open or closed (holiday), how many desks, a note; and who staffs each desk.
    Roster changes apply at once; OK saves the day's calendar entry."""

    def __init__(self, ctx: UiContext, board: DayBoard, staff: list[StaffChoice],
                 parent: QWidget | None = None) -> None:
        plan = board.plan
        super().__init__(ctx, self.tr("Signing centre on %1").replace(
            "%1", f"{plan.day:%Y-%m-%d}"), parent)
        self.setMinimumWidth(680)
        self.day: date = plan.day
        self.closed = QCheckBox(self.tr("Closed (holiday)"))
        self.closed.setChecked(not plan.open)
        self.desks = _spin(0, 50, plan.desks or 3)
        self.note = QLineEdit(plan.note)
        self.note.setPlaceholderText(self.tr("e.g. opening day, extra desks"))
        self.form.addRow("", self.closed)
        self.form.addRow(self.tr("Desks"), self.desks)
        self.form.addRow(self.tr("Note"), self.note)
        self.roster = QListWidget()
        self.roster.setMinimumHeight(120)
        for e in board.roster:
            item = QListWidgetItem(f"{desk_name(e.desk_no)} · {e.staff_name} · "
                                   f"{e.from_time}–{e.to_time}")
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            self.roster.addItem(item)
        self.form.addRow(self.tr("Desk roster"), self.roster)
        add = QHBoxLayout()
        self.roster_desk = _spin(1, 50, 1)
        self.roster_staff = QComboBox()
        for s in staff:
            self.roster_staff.addItem(f"{s.name}（{s.code}）", s.id)
        self.roster_from = _time_edit(plan.opens)
        self.roster_to = _time_edit(plan.closes)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAutoDefault(True)
        self.add_button.clicked.connect(self.add_roster)
        self.remove_button = QPushButton(self.tr("Remove selected"))
        self.remove_button.setAutoDefault(True)
        self.remove_button.clicked.connect(self.remove_roster)
        self.roster_staff.setMinimumWidth(150)
        for w in (QLabel(self.tr("Desk")), self.roster_desk, self.roster_staff,
                  self.roster_from, QLabel("–"), self.roster_to, self.add_button):
            add.addWidget(w)
        self.form.addRow("", add)
        self.form.addRow("", self.remove_button)
        self.ok_button.setText(self.tr("Save"))

    def add_roster(self) -> None:
        services, actor = self.ctx.services, self.ctx.require_actor()
        desk, staff_id = self.roster_desk.value(), self.roster_staff.currentData()
        start, end = f"{_py_time(self.roster_from):%H:%M}", f"{_py_time(self.roster_to):%H:%M}"
        day = self.day

        def done(entry: Any) -> None:
            item = QListWidgetItem(f"{desk_name(entry.desk_no)} · {entry.staff_name} · "
                                   f"{entry.from_time}–{entry.to_time}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.roster.addItem(item)
            self.error.setVisible(False)

        # No origin: the dialog updates its own list, the page behind it reloads its day.
        self.ctx.run_op(lambda: services.appointments.set_roster(
            actor, day, desk, staff_id, start, end), OpChanges(appointments=True), done,
            self.show_error, owner=self)

    def remove_roster(self) -> None:
        item = self.roster.currentItem()
        if item is None:
            return
        services, actor = self.ctx.services, self.ctx.require_actor()
        roster_id = item.data(Qt.ItemDataRole.UserRole)

        def done(_v: object) -> None:
            self.roster.takeItem(self.roster.row(item))

        self.ctx.run_op(lambda: services.appointments.remove_roster(actor, roster_id),
                        OpChanges(appointments=True), done, self.show_error, owner=self)

    def work(self) -> Callable[[], Any]:
        services, actor = self.ctx.services, self.ctx.require_actor()
        day, closed, desks, note = (self.day, self.closed.isChecked(), self.desks.value(),
                                    self.note.text())
        return lambda: services.appointments.set_day(actor, day, closed=closed, desks=desks,
                                                     note=note)
