"""Book a visit, book a signing slot, reschedule, cancel: real dialogs (Enter submits, Esc
cancels) that run the service call off the GUI thread and show the rule's message in place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.local_time import at_local, local
from salesdesk.domain.roles import Actor, Role
from salesdesk.domain.signing_slots import FreeSlot, SlotFull
from salesdesk.services.appointments import AppointmentInfo, Booking, StaffChoice
from salesdesk.services.container import Services
from salesdesk.ui.appointments.labels import kind_label
from salesdesk.ui.appointments.safe import run_for
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.tasks import Latest
from salesdesk.ui.unit_picker import UnitPicker
from salesdesk.ui.widgets import error_label


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def find_customer_id(services: Services, actor: Actor, text: str) -> str:
    """A full mobile number, or the last four digits when they pick out one customer."""
    text = text.strip()
    if len(text) == 4 and text.isdigit():
        found = services.customers.search_last4(actor, text)
        if len(found) == 1:
            return found[0].id
        if not found:
            raise ValidationError("没有手机号后四位为此的客户",
                                  en="No customer has a number ending in these digits",
                                  field="customer")
        raise ValidationError("有多位客户手机号后四位相同，请输入完整号码",
                              en="Several customers match; enter the full number",
                              field="customer")
    info = services.customers.find_by_phone(actor, text)
    if info is None:
        raise ValidationError("没有找到该手机号的客户，请先在前台登记",
                              en="No customer with that number; register them first",
                              field="customer")
    return info.id


def select_data(combo: QComboBox, value: object) -> bool:
    """findData() does not match Python datetimes; compare the items' data ourselves."""
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            combo.setCurrentIndex(i)
            return True
    return False


class _BaseDialog(QDialog):
    """Shared frame: a form, an error line, OK (default, Enter) and Cancel (Esc)."""

    def __init__(self, ctx: UiContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(460)
        self.result_value: Any = None
        self._busy = False
        outer = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        outer.addWidget(heading)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        outer.addLayout(self.form)
        self.error = error_label()
        outer.addWidget(self.error)
        self.extra = QVBoxLayout()
        outer.addLayout(self.extra)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("primary")
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter submits from any field, even after a side button (e.g. "Add") took Qt's
        # default-button status; a focused auto-default button takes its own Enter first.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)

    def work(self) -> Callable[[], Any]:
        raise NotImplementedError

    def submit(self) -> None:
        if self._busy:
            return
        try:
            fn = self.work()
        except ValidationError as exc:
            self.show_error(exc)
            return
        self._busy = True
        self.ok_button.setEnabled(False)
        # No origin: the page behind the dialog reloads from the change record.
        self.ctx.run_op(fn, OpChanges(appointments=True), self._done, self._failed, owner=self)

    def _done(self, value: Any) -> None:
        self._busy = False
        self.ok_button.setEnabled(True)
        self.result_value = value
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.ok_button.setEnabled(True)
        self.show_error(exc)

    def show_error(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.setVisible(True)


def _consultant_combo(choices: list[StaffChoice], actor: Actor,
                      selected: str | None) -> QComboBox:
    combo = QComboBox()
    own = actor.role in (Role.CONSULTANT, Role.SENIOR_CONSULTANT)
    for c in choices:
        if own and c.id != actor.staff_id:
            continue
        combo.addItem(f"{c.name}（{c.code}）", c.id)
    idx = combo.findData(selected or actor.staff_id)
    combo.setCurrentIndex(max(idx, 0))
    return combo


class BookVisitDialog(_BaseDialog):
    def __init__(self, ctx: UiContext, consultants: list[StaffChoice], *, day: date,
                 consultant_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Book a visit"), parent)
        self.customer = QLineEdit()
        self.customer.setPlaceholderText(self.tr("Mobile number or its last 4 digits"))
        self.consultant = _consultant_combo(consultants, ctx.require_actor(), consultant_id)
        self.day = QDateEdit(qdate(day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.start = QTimeEdit(QTime(10, 0))
        self.start.setDisplayFormat("HH:mm")
        self.minutes = QSpinBox()
        self.minutes.setRange(-480, 480)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        self.notes = QLineEdit()
        self.form.addRow(self.tr("Customer"), self.customer)
        self.form.addRow(self.tr("Consultant"), self.consultant)
        self.form.addRow(self.tr("Date"), self.day)
        self.form.addRow(self.tr("Time"), self.start)
        self.form.addRow(self.tr("Length"), self.minutes)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.ok_button.setText(self.tr("Book"))
        self.customer.setFocus()

    def work(self) -> Callable[[], Booking]:
        services, actor = self.ctx.services, self.ctx.require_actor()
        phone, consultant = self.customer.text(), self.consultant.currentData()
        t = self.start.time()
        starts = at_local(pydate(self.day.date()), time(t.hour(), t.minute()))
        minutes, notes = self.minutes.value(), self.notes.text()

        def run() -> Booking:
            cid = find_customer_id(services, actor, phone)
            return services.appointments.book_visit(actor, customer_id=cid,
                                                    consultant_id=consultant, starts_at=starts,
                                                    minutes=minutes, notes=notes)
        return run


class BookSigningDialog(_BaseDialog):
    """Signing: pick a day and a slot (with the free desks shown). When the last desk goes
    while the dialog is open, the nearest free slots are offered as one-click choices."""

    def __init__(self, ctx: UiContext, consultants: list[StaffChoice], *, day: date,
                 starts_at: datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Book a signing slot"), parent)
        self.setMinimumWidth(600)
        actor = ctx.require_actor()
        self.customer = QLineEdit()
        self.customer.setPlaceholderText(self.tr("Mobile number or its last 4 digits"))
        self.consultant = _consultant_combo(consultants, actor, None)
        self.day = QDateEdit(qdate(day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.slot = QComboBox()
        self.slot.setMinimumWidth(220)
        self.unit = UnitPicker()
        self.unit.setObjectName("unit")
        self.unit.edit.setPlaceholderText(self.tr("e.g. 1203 or 1-1203 (optional)"))
        self.notes = QLineEdit()
        self.form.addRow(self.tr("Customer"), self.customer)
        self.form.addRow(self.tr("Consultant"), self.consultant)
        self.form.addRow(self.tr("Date"), self.day)
        self.form.addRow(self.tr("Slot"), self.slot)
        self.form.addRow(self.tr("Unit"), self.unit)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.ok_button.setText(self.tr("Book"))
        self.alternatives = QHBoxLayout()
        self.extra.addLayout(self.alternatives)
        self._wanted = starts_at
        self._slot_loads = Latest()
        self.day.dateChanged.connect(lambda _d: self.load_slots())
        self.load_slots()
        run_for(self, self.ctx, lambda: ctx.services.projects.units(actor), self.unit.set_units,
                self.show_error)
        self.customer.setFocus()

    def set_unit(self, unit_id: str) -> None:
        """The unit from the customer record (it waits for the units when they are loading)."""
        if self.unit.unit_id is None and not self.unit.text():
            self.unit.select(unit_id)

    def submit(self) -> None:
        # A unit typed that names no unit (or several) is refused under the field: no booking.
        if not self.unit.resolve():
            self.unit.setFocus()
            return
        super().submit()

    def load_slots(self, select: datetime | None = None) -> None:
        services, actor = self.ctx.services, self.ctx.require_actor()
        day = pydate(self.day.date())
        wanted = select or self._wanted
        current = self._slot_loads.ticket()

        def done(board: Any) -> None:
            if not current():
                return
            self.slot.clear()
            if not board.plan.open:
                note = f"（{board.plan.note}）" if board.plan.note else ""
                self.slot.addItem(self.tr("Closed that day") + note, None)
                return
            for row in board.rows:
                text = self.tr("%1 · %2 of %3 desks free").replace(
                    "%1", row.slot.label).replace("%2", str(row.free)).replace(
                    "%3", str(len(row.cells)))
                self.slot.addItem(text, row.slot.starts_at)
            if wanted is not None:
                select_data(self.slot, wanted)

        run_for(self, self.ctx, lambda: services.appointments.day_board(actor, day), done,
                            self.show_error)

    def work(self) -> Callable[[], Booking]:
        services, actor = self.ctx.services, self.ctx.require_actor()
        starts = self.slot.currentData()
        if starts is None:
            raise ValidationError("签约中心当天不开放，请换一天",
                                  en="The signing centre is closed that day", field="starts_at")
        phone, consultant = self.customer.text(), self.consultant.currentData()
        unit_id, notes = self.unit.unit_id, self.notes.text()

        def run() -> Booking:
            cid = find_customer_id(services, actor, phone)
            return services.appointments.book_signing(actor, customer_id=cid, starts_at=starts,
                                                      consultant_id=consultant, unit_id=unit_id,
                                                      notes=notes)
        return run

    def show_error(self, exc: BaseException) -> None:
        super().show_error(exc)
        self._clear_alternatives()
        if isinstance(exc, SlotFull):
            self.load_slots()
            for alt in exc.alternatives:
                self._offer(alt)

    def _clear_alternatives(self) -> None:
        while self.alternatives.count():
            item = self.alternatives.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()

    def _offer(self, alt: FreeSlot) -> None:
        t = local(alt.starts_at)
        button = QPushButton(self.tr("%1 (%2 free)").replace(
            "%1", f"{t:%m-%d %H:%M}").replace("%2", str(alt.free)))
        button.setMinimumWidth(button.sizeHint().width() + 16)
        button.setObjectName("alternative")
        button.setAutoDefault(False)

        def pick() -> None:
            self._wanted = alt.starts_at
            if self.day.date() != qdate(t.date()):
                self.day.setDate(qdate(t.date()))  # reloads the slots, then selects
            else:
                self.load_slots(alt.starts_at)
            self.error.setVisible(False)
            self._clear_alternatives()

        button.clicked.connect(pick)
        self.alternatives.addWidget(button)


class RescheduleDialog(_BaseDialog):
    def __init__(self, ctx: UiContext, appointment: AppointmentInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Reschedule"), parent)
        self.appointment = appointment
        when = local(appointment.starts_at)
        summary = QLabel(f"{kind_label(appointment.kind)} · {appointment.customer_name} · "
                         f"{when:%Y-%m-%d %H:%M}")
        summary.setObjectName("hint")
        self.form.addRow(self.tr("Now"), summary)
        self.day = QDateEdit(qdate(when.date()))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.form.addRow(self.tr("New date"), self.day)
        self.signing = appointment.kind.value == "signing"
        self.slot = QComboBox()
        self.start = QTimeEdit(QTime(when.hour, when.minute))
        self.start.setDisplayFormat("HH:mm")
        self._slot_loads = Latest()
        if self.signing:
            self.form.addRow(self.tr("New slot"), self.slot)
            self.day.dateChanged.connect(lambda _d: self._load_slots())
            self._load_slots()
        else:
            self.form.addRow(self.tr("New time"), self.start)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why (kept in the history)"))
        self.form.addRow(self.tr("Reason"), self.reason)
        self.ok_button.setText(self.tr("Reschedule"))
        self.reason.setFocus()

    def _load_slots(self) -> None:
        services, actor = self.ctx.services, self.ctx.require_actor()
        day = pydate(self.day.date())
        current = self._slot_loads.ticket()

        def done(board: Any) -> None:
            if not current():
                return
            self.slot.clear()
            for row in board.rows:
                self.slot.addItem(f"{row.slot.label} · {row.free}", row.slot.starts_at)
            if not board.rows:
                self.slot.addItem(self.tr("Closed that day"), None)

        run_for(self, self.ctx, lambda: services.appointments.day_board(actor, day), done,
                            self.show_error)

    def work(self) -> Callable[[], Booking]:
        services, actor = self.ctx.services, self.ctx.require_actor()
        if self.signing:
            starts = self.slot.currentData()
            if starts is None:
                raise ValidationError("签约中心当天不开放，请换一天",
                                      en="The signing centre is closed that day",
                                      field="starts_at")
        else:
            t = self.start.time()
            starts = at_local(pydate(self.day.date()), time(t.hour(), t.minute()))
        reason, appointment_id = self.reason.text(), self.appointment.id
        return lambda: services.appointments.reschedule(actor, appointment_id, starts, reason)


class CancelDialog(_BaseDialog):
    def __init__(self, ctx: UiContext, appointment: AppointmentInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Cancel appointment"), parent)
        self.appointment = appointment
        when = local(appointment.starts_at)
        summary = QLabel(f"{kind_label(appointment.kind)} · {appointment.customer_name} · "
                         f"{when:%Y-%m-%d %H:%M}")
        self.form.addRow(self.tr("Appointment"), summary)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why (kept in the history)"))
        self.form.addRow(self.tr("Reason"), self.reason)
        self.ok_button.setText(self.tr("Cancel appointment"))
        self.ok_button.setObjectName("danger")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Keep it"))
        self.reason.setFocus()

    def work(self) -> Callable[[], AppointmentInfo]:
        services, actor = self.ctx.services, self.ctx.require_actor()
        reason, appointment_id = self.reason.text(), self.appointment.id
        return lambda: services.appointments.cancel(actor, appointment_id, reason)


def next_day(day: date, step: int) -> date:
    return day + timedelta(days=step)
