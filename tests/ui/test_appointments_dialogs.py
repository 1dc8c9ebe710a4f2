"""Book, reschedule and cancel through the real page and dialogs (Enter submits, Esc cancels),
and the "last desk just taken" message with its one-click alternatives."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from pytestqt.qtbot import QtBot

from salesdesk.domain.local_time import at_local, local
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.ui.appointments.dialogs import (
    BookSigningDialog,
    BookVisitDialog,
    CancelDialog,
    RescheduleDialog,
)
from salesdesk.ui.appointments.figures import AppointmentFiguresWidget
from salesdesk.ui.appointments.page import AppointmentsPage
from salesdesk.ui.context import UiContext
from salesdesk.ui.events import AppEvents
from salesdesk.ui.tasks import TaskRunner

FREE_DAY = date(2026, 12, 7)
PHONE = "13905714001"


@pytest.fixture
def ctx(demo: Services, supervisor: Actor) -> UiContext:
    return UiContext(demo, TaskRunner(), AppEvents(), actor=supervisor)


@pytest.fixture
def page(qtbot: QtBot, ctx: UiContext, demo: Services,
         supervisor: Actor) -> Iterator[AppointmentsPage]:
    demo.customers.register(supervisor, phone=PHONE, name="诸葛亮", salutation="诸葛先生",
                            consent=True)
    p = AppointmentsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    qtbot.waitUntil(lambda: bool(p.consultant_choices), timeout=10000)
    p.date_edit.setDate(QDate(FREE_DAY.year, FREE_DAY.month, FREE_DAY.day))
    ctx.runner.wait()
    yield p
    # Deliver the last background results while the page still exists.
    ctx.runner.wait()
    qtbot.wait(50)


def _agenda(demo: Services, actor: Actor) -> list[object]:
    return list(demo.appointments.agenda(actor, None, FREE_DAY, 1))


def test_book_a_visit_through_the_dialog(qtbot: QtBot, page: AppointmentsPage,
                                         demo: Services, supervisor: Actor) -> None:
    qtbot.mouseClick(page.book_visit_button, Qt.MouseButton.LeftButton)
    dialog = page._dialog
    assert isinstance(dialog, BookVisitDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.customer, PHONE)
    idx = dialog.consultant.findText("李娜", Qt.MatchFlag.MatchContains)
    dialog.consultant.setCurrentIndex(idx)
    dialog.start.setTime(QTime(14, 30))
    dialog.notes.insert("带父母看样板间")  # typed text (keyClicks is ASCII only)
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)  # Enter submits
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    booked = demo.appointments.agenda(supervisor, None, FREE_DAY, 1)
    assert len(booked) == 1
    a = booked[0]
    assert a.customer_salutation == "诸葛先生" and a.consultant_name == "李娜"
    assert local(a.starts_at).time() == time(14, 30) and a.notes == "带父母看样板间"
    # The agenda refreshed on the change signal.
    qtbot.waitUntil(lambda: page.agenda_model.rowCount() == 1, timeout=10000)


def test_bad_input_shows_the_message_in_the_dialog(qtbot: QtBot, page: AppointmentsPage,
                                                   demo: Services, supervisor: Actor) -> None:
    qtbot.mouseClick(page.book_visit_button, Qt.MouseButton.LeftButton)
    dialog = page._dialog
    assert isinstance(dialog, BookVisitDialog)
    qtbot.keyClicks(dialog.customer, PHONE)
    dialog.minutes.setValue(-30)  # end before start
    qtbot.keyClick(dialog.customer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
    assert "结束时间" in dialog.error.text()
    assert dialog.isVisible() and _agenda(demo, supervisor) == []
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc cancels
    assert not dialog.isVisible()
    assert _agenda(demo, supervisor) == []


def test_last_desk_taken_offers_alternatives_and_books_one(
        qtbot: QtBot, page: AppointmentsPage, demo: Services, supervisor: Actor) -> None:
    demo.appointments.set_day(supervisor, FREE_DAY, desks=1)
    slot = at_local(FREE_DAY, time(10))
    page.book_signing(slot)  # as a double-click on the board's free cell does
    dialog = page._dialog
    assert isinstance(dialog, BookSigningDialog)
    qtbot.waitUntil(lambda: dialog.slot.currentData() == slot, timeout=10000)
    # Someone else takes the last desk while the dialog is open.
    other = demo.customers.register(supervisor, phone="13905714002", name="司马懿",
                                    consent=True)
    demo.appointments.book_signing(supervisor, customer_id=other.id, starts_at=slot)
    qtbot.keyClicks(dialog.customer, PHONE)
    qtbot.keyClick(dialog.customer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.alternatives.count() > 0, timeout=10000)
    assert "约满" in dialog.error.text() and dialog.isVisible()
    first_alt = dialog.alternatives.itemAt(0).widget()
    assert first_alt is not None
    qtbot.mouseClick(first_alt, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.slot.currentData() not in (None, slot), timeout=10000)
    chosen = dialog.slot.currentData()
    qtbot.keyClick(dialog.customer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    mine = [a for a in demo.appointments.agenda(supervisor, None, FREE_DAY, 1)
            if a.customer_salutation == "诸葛先生"]
    assert len(mine) == 1 and mine[0].starts_at == chosen


def test_a_slot_list_that_answers_late_does_not_undo_the_slot_picked_since(
        qtbot: QtBot, page: AppointmentsPage, ctx: UiContext, demo: Services,
        supervisor: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    # Reads run on several threads: an older reload (here the one after "last desk taken",
    # still wanting the full slot) can finish after the reload for the alternative picked.
    slot = at_local(FREE_DAY, time(10))
    page.book_signing(slot)
    dialog = page._dialog
    assert isinstance(dialog, BookSigningDialog)
    qtbot.waitUntil(lambda: dialog.slot.currentData() == slot, timeout=10000)
    later = dialog.slot.itemData(dialog.slot.count() - 1)
    assert later not in (None, slot)
    real, release, calls = demo.appointments.day_board, threading.Event(), []

    def first_answers_late(actor: Actor, day: date) -> object:
        calls.append(day)
        if len(calls) == 1:
            release.wait(10)
        return real(actor, day)

    monkeypatch.setattr(demo.appointments, "day_board", first_answers_late)
    dialog.load_slots()  # the older reload: it wants the 10:00 slot and answers last
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=10000)  # it is the one held
    dialog.load_slots(later)
    qtbot.waitUntil(lambda: dialog.slot.currentData() == later, timeout=10000)
    release.set()
    assert ctx.runner.wait()
    qtbot.wait(100)  # the late answer is delivered, and dropped
    assert len(calls) == 2 and dialog.slot.currentData() == later


def test_a_signing_slot_takes_the_unit_picked_and_refuses_one_that_is_no_unit(
        qtbot: QtBot, page: AppointmentsPage, demo: Services, supervisor: Actor) -> None:
    slot = at_local(FREE_DAY, time(10))
    page.book_signing(slot)
    dialog = page._dialog
    assert isinstance(dialog, BookSigningDialog)
    qtbot.waitUntil(lambda: dialog.slot.currentData() == slot and dialog.unit.count() > 100,
                    timeout=10000)
    qtbot.keyClicks(dialog.customer, "13957110231")  # 王建国, who subscribed 1-502
    # A slip in the unit: said under the field, the dialog stays, nothing is booked.
    qtbot.keyClicks(dialog.unit.edit, "1-99O3")
    qtbot.keyClick(dialog.customer, Qt.Key.Key_Return)
    assert dialog.unit.error.isVisible() and "1-99O3" in dialog.unit.error.text()
    page.ctx.runner.wait()
    assert dialog.isVisible() and _agenda(demo, supervisor) == []
    # Part of the number, then the one meant from the list.
    dialog.unit.edit.clear()
    qtbot.keyClicks(dialog.unit.edit, "502")
    popup = dialog.unit.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    assert not dialog.unit.error.isVisible()  # no refusal while the list is open
    model = popup.model()
    offered = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert len(offered) > 1
    popup.setCurrentIndex(model.index(next(r for r, line in enumerate(offered)
                                           if line.startswith("1-502 ")), 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.unit.text() == "1-502" and dialog.unit.status.text() == "已认购"
    qtbot.keyClick(dialog.customer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    booked = demo.appointments.agenda(supervisor, None, FREE_DAY, 1)
    assert [a.unit_number for a in booked] == ["1-502"]


def test_reschedule_and_cancel_through_the_dialogs(
        qtbot: QtBot, page: AppointmentsPage, demo: Services, supervisor: Actor) -> None:
    cust = demo.customers.find_by_phone(supervisor, PHONE)
    assert cust is not None
    consultant = next(c for c in demo.appointments.consultants(supervisor) if c.code == "C102")
    demo.appointments.book_visit(supervisor, customer_id=cust.id, consultant_id=consultant.id,
                                 starts_at=at_local(FREE_DAY, time(10)))
    page.refresh()
    qtbot.waitUntil(lambda: page.agenda_model.rowCount() == 1, timeout=10000)
    page.agenda.selectRow(0)
    assert page.reschedule_button.isEnabled()

    qtbot.mouseClick(page.reschedule_button, Qt.MouseButton.LeftButton)
    dialog = page._dialog
    assert isinstance(dialog, RescheduleDialog)
    dialog.start.setTime(QTime(15, 0))
    dialog.reason.insert("客户上午要上班")  # typed text (keyClicks is ASCII only)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    live = demo.appointments.agenda(supervisor, None, FREE_DAY, 1)
    assert len(live) == 1 and local(live[0].starts_at).time() == time(15, 0)
    history = demo.appointments.history(supervisor, live[0].id)
    assert any(h.reason == "客户上午要上班" for h in history)

    qtbot.waitUntil(lambda: page.agenda_model.rowCount() == 1
                    and page.agenda_model.row(0).id == live[0].id, timeout=10000)
    page.agenda.selectRow(0)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    cancel = page._dialog
    assert isinstance(cancel, CancelDialog)
    qtbot.keyClick(cancel.reason, Qt.Key.Key_Escape)  # Esc: nothing changes
    assert not cancel.isVisible()
    assert demo.appointments.get(supervisor, live[0].id).status.value == "booked"

    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    cancel = page._dialog
    assert isinstance(cancel, CancelDialog)
    qtbot.keyClick(cancel.reason, Qt.Key.Key_Return)  # no reason: refused in place
    qtbot.waitUntil(lambda: cancel.error.isVisible(), timeout=10000)
    assert demo.appointments.get(supervisor, live[0].id).status.value == "booked"
    cancel.reason.insert("客户已在别处购房")  # typed text (keyClicks is ASCII only)
    qtbot.keyClick(cancel.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not cancel.isVisible(), timeout=10000)
    assert demo.appointments.get(supervisor, live[0].id).status.value == "cancelled"


def test_board_and_figures_render(qtbot: QtBot, page: AppointmentsPage, ctx: UiContext,
                                  demo: Services, supervisor: Actor) -> None:
    page.date_edit.setDate(QDate(2026, 11, 24))
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.board.table.rowCount() == 8, timeout=10000)
    assert page.board.table.columnCount() == 3
    assert "签约" in page.board.summary.text() or page.board.summary.text()
    widget = AppointmentFiguresWidget(ctx)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.table.rowCount() > 0, timeout=10000)
    assert widget.table.columnCount() == 5


def test_day_dialog_rosters_a_desk_and_closes_a_day(
        qtbot: QtBot, page: AppointmentsPage, demo: Services, supervisor: Actor) -> None:
    from salesdesk.ui.appointments.centre import DayDialog

    page.tabs.setCurrentIndex(1)
    page.edit_day()
    qtbot.waitUntil(lambda: isinstance(page._dialog, DayDialog), timeout=10000)
    dialog = page._dialog
    assert isinstance(dialog, DayDialog) and dialog.day == FREE_DAY
    dialog.roster_desk.setValue(2)
    dialog.roster_staff.setCurrentIndex(dialog.roster_staff.findText(
        "孙丽华", Qt.MatchFlag.MatchContains))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.roster.count() == 1, timeout=10000)
    board = demo.appointments.day_board(supervisor, FREE_DAY)
    assert board.rows[0].cells[1].staff_name == "孙丽华"
    dialog.closed.setChecked(True)
    dialog.note.insert("元旦假期")  # typed text (keyClicks is ASCII only)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible() or dialog.error.isVisible(), timeout=10000)
    assert not dialog.error.isVisible(), dialog.error.text()
    plan = demo.appointments.day_plan(supervisor, FREE_DAY)
    assert not plan.open and plan.note == "元旦假期"


def test_reminders_tab_marks_one_sent(qtbot: QtBot, page: AppointmentsPage, demo: Services,
                                      supervisor: Actor) -> None:
    cust = demo.customers.find_by_phone(supervisor, PHONE)
    assert cust is not None
    tomorrow = demo.reminders.tomorrow()
    slot = next(r.slot for r in demo.appointments.day_board(supervisor, tomorrow).rows
                if r.free)
    booking = demo.appointments.book_signing(supervisor, customer_id=cust.id,
                                             starts_at=slot.starts_at)
    page.tabs.setCurrentIndex(2)
    view = page.reminders
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10000)
    row = next(n for n, i in enumerate(view.model.rows)
               if i.appointment.id == booking.appointment.id)
    view.table.selectRow(row)
    assert "诸葛先生" in view.text.toPlainText() and "身份证" in view.text.toPlainText()
    assert view.sent_button.isEnabled()
    qtbot.mouseClick(view.sent_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(i.appointment.id == booking.appointment.id
                                and i.status == "sent" for i in view.model.rows),
                    timeout=10000)
    view.table.selectRow(next(n for n, i in enumerate(view.model.rows)
                              if i.appointment.id == booking.appointment.id))
    assert not view.sent_button.isEnabled()  # never twice


def test_export_ics_writes_the_file(qtbot: QtBot, page: AppointmentsPage, demo: Services,
                                    supervisor: Actor, tmp_path: Path) -> None:
    cust = demo.customers.find_by_phone(supervisor, PHONE)
    assert cust is not None
    booking = demo.appointments.book_signing(supervisor, customer_id=cust.id,
                                             starts_at=at_local(FREE_DAY, time(11)))
    out = tmp_path / "a.ics"
    page.save_ics(booking.appointment.id, out)
    qtbot.waitUntil(out.exists, timeout=10000)
    qtbot.waitUntil(lambda: "END:VCALENDAR" in out.read_text(encoding="utf-8"), timeout=10000)
    assert "\r\n" in out.read_bytes().decode("utf-8")
