"""Reception's "who is on duty today" dialog (forms/reception_on_duty.ui) through the real
widgets: those already on duty come ticked, ticking one more puts only that one on the
rotation, and Cancel changes nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from salesdesk.services.container import Services
from salesdesk.ui.reception.floor import OnDutyDialog
from salesdesk.ui.reception.page import ReceptionPage
from tests.conftest import staff_actor
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui


def _page(qtbot, demo: Services) -> ReceptionPage:
    page = ReceptionPage(make_ctx(demo, staff_actor(demo, "R001")))
    qtbot.addWidget(page)
    page.poll.stop()
    page.show()
    qtbot.waitUntil(lambda: page.loads > 0, timeout=10000)
    return page


def _on_duty(demo: Services) -> set[str]:
    floor = demo.reception.floor(staff_actor(demo, "R001"))
    return {e.staff_id for e in floor.rotation if e.status != "off"}


def _answer(tick: str | None, button: QDialogButtonBox.StandardButton, seen: list[str]) -> None:
    """Acts on the modal dialog once it is open (exec() blocks the test until it closes)."""

    def act() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, OnDutyDialog):
            QTimer.singleShot(20, act)
            return
        role = Qt.ItemDataRole.UserRole
        for i in range(dlg.list.count()):
            item = dlg.list.item(i)
            seen.append(f"{item.data(role)}:{item.checkState() == Qt.CheckState.Checked}")
            if item.data(role) == tick:
                item.setCheckState(Qt.CheckState.Checked)
        dlg.ui.buttonBox.button(button).click()

    QTimer.singleShot(20, act)


def test_ticking_a_consultant_puts_only_that_one_on_duty(qtbot, demo: Services) -> None:
    page = _page(qtbot, demo)
    reception = staff_actor(demo, "R001")
    staff = demo.reception.on_duty_staff(reception)
    before = _on_duty(demo)
    off = [s.id for s in staff if s.id not in before]
    assert off, "the demo keeps some consultants off duty"
    seen: list[str] = []
    _answer(off[0], QDialogButtonBox.StandardButton.Ok, seen)
    page.floor_panel._on_duty_dialog(staff)
    # Everyone who may be on duty is listed, those on duty ticked.
    assert seen == [f"{s.id}:{s.id in before}" for s in staff]
    qtbot.waitUntil(lambda: _on_duty(demo) == before | {off[0]}, timeout=5000)


def test_cancel_changes_nothing(qtbot, demo: Services) -> None:
    page = _page(qtbot, demo)
    staff = demo.reception.on_duty_staff(staff_actor(demo, "R001"))
    before = _on_duty(demo)
    off = [s.id for s in staff if s.id not in before]
    seen: list[str] = []
    _answer(off[0], QDialogButtonBox.StandardButton.Cancel, seen)
    page.floor_panel._on_duty_dialog(staff)
    assert seen
    qtbot.wait(200)
    assert _on_duty(demo) == before


def test_chosen_leaves_out_those_already_on_duty(qtbot, demo: Services) -> None:
    staff = demo.reception.on_duty_staff(staff_actor(demo, "R001"))
    on = {staff[0].id}
    dlg = OnDutyDialog(None, staff, on)
    qtbot.addWidget(dlg)
    assert dlg.chosen() == []
    for i in range(dlg.list.count()):
        dlg.list.item(i).setCheckState(Qt.CheckState.Checked)
    assert dlg.chosen() == [s.id for s in staff[1:]]
