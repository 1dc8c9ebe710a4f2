"""The shared unit picker with real widgets (issue 14 §2): typing part of a number and taking it
from the completion list, a tap on the sales-control grid, text that names no unit refused with
nothing changed, and the sale status shown beside the choice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.services.project import UnitInfo
from salesdesk.ui.i18n import install_translations
from salesdesk.ui.unit_picker import UnitPicker, matches

pytestmark = pytest.mark.ui


@pytest.fixture
def units(demo: Services, consultant: Actor) -> list[UnitInfo]:
    return demo.projects.units(consultant)


@pytest.fixture
def picker(qtbot: QtBot, units: list[UnitInfo]) -> UnitPicker:
    install_translations(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    p = UnitPicker()
    qtbot.addWidget(p)
    p.set_units(units)
    p.resize(480, 80)
    p.show()
    return p


def by_number(units: list[UnitInfo], number: str) -> UnitInfo:
    return next(u for u in units if u.number == number)


def test_what_typed_text_names(units: list[UnitInfo]) -> None:
    assert [u.number for u in matches(units, "1-1203")] == ["1-1203"]
    assert [u.number for u in matches(units, "１－１２０３")] == ["1-1203"]  # full-width input
    assert sorted(u.number for u in matches(units, "1203")) == ["1-1203", "2-1203"]
    assert matches(units, "9-9999") == [] and matches(units, "  ") == []
    # A whole completion line (number · building · layout · status) names its unit.
    assert [u.number for u in matches(units, "1-502 · 1号楼 · 三室两厅 · 已认购")] == ["1-502"]


def test_typing_part_of_a_number_offers_the_units_and_one_is_taken(qtbot: QtBot,
                                                                   picker: UnitPicker,
                                                                   units: list[UnitInfo]) -> None:
    with qtbot.waitSignal(picker.unit_changed, timeout=1000) as got:
        qtbot.keyClicks(picker.edit, "1203")
        popup = picker.completer.popup()
        qtbot.waitUntil(popup.isVisible, timeout=3000)
        offered = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
        assert len(offered) == 2 and offered[0].startswith("1-1203 · 1号楼")
        assert all("三室两厅一卫" in line for line in offered)
        popup.setCurrentIndex(popup.model().index(0, 0))
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    unit = by_number(units, "1-1203")
    assert got.args == [unit.id]
    assert picker.unit_id == unit.id and picker.text() == "1-1203"
    assert picker.status.isVisible() and picker.status.text() == "可售"
    assert not picker.error.isVisible()


def test_a_whole_number_typed_is_taken_on_enter_and_its_status_shows(
        qtbot: QtBot, picker: UnitPicker, units: list[UnitInfo]) -> None:
    qtbot.keyClicks(picker.edit, "1-502")
    picker.completer.popup().hide()
    with qtbot.waitSignal(picker.unit_changed, timeout=1000):
        qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.unit_id == by_number(units, "1-502").id
    assert picker.status.text() == "已认购"  # subscribed in the demo: seen before going on


def test_text_naming_no_unit_or_several_is_refused_and_nothing_changes(
        qtbot: QtBot, picker: UnitPicker, units: list[UnitInfo]) -> None:
    chosen = by_number(units, "2-202")
    assert picker.select(chosen.id)
    changes: list[object] = []
    picker.unit_changed.connect(changes.append)
    picker.edit.setText("9-9999")
    assert picker.resolve() is False
    assert picker.error.isVisible() and "9-9999" in picker.error.text()
    assert "2-202" in picker.error.text()  # says which unit is still chosen
    assert picker.unit_id == chosen.id and changes == []
    picker.edit.setText("1203")  # two units end with it: the consultant picks one
    assert picker.resolve() is False
    assert "1-1203" in picker.error.text() and "2-1203" in picker.error.text()
    assert picker.unit_id == chosen.id and changes == []
    assert picker.select("no-such-unit") is False and picker.unit_id == chosen.id
    # Emptied: no unit, said once.
    picker.edit.setText("")
    assert picker.resolve() is True
    assert picker.unit_id is None and changes == [None] and not picker.error.isVisible()


def test_a_tap_on_the_sales_control_grid_picks_the_unit(qtbot: QtBot, picker: UnitPicker,
                                                        units: list[UnitInfo]) -> None:
    assert picker.select(by_number(units, "2-202").id)
    qtbot.mouseClick(picker.grid_button, Qt.MouseButton.LeftButton)
    dialog = picker.grid_dialog
    assert dialog is not None and dialog.isVisible()
    grid = dialog.grid
    assert grid.building.currentText() == "2号楼"  # opens where the current unit is
    grid.building.setCurrentIndex(grid.building.findText("1号楼"))
    target = by_number(units, "1-502")
    cell = grid.cell(target.id)
    assert cell is not None
    assert cell.background().color().name() == "#d1e9ff"  # coloured as subscribed
    with qtbot.waitSignal(picker.unit_changed, timeout=3000) as got:
        rect = grid.table.visualItemRect(cell)
        qtbot.mouseClick(grid.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert got.args == [target.id]
    assert picker.text() == "1-502" and picker.status.text() == "已认购"
    assert not dialog.isVisible()


def test_the_signing_interview_starts_on_the_records_unit(qtbot: QtBot, demo: Services,
                                                          consultant: Actor,
                                                          units: list[UnitInfo]) -> None:
    from salesdesk.ui.signing.page import SigningPage
    from tests.ui.helpers import make_ctx

    buyer = demo.customers.register(consultant, phone="13700008888", name="带房号", consent=True,
                                    owner_staff_id=consultant.staff_id)
    page = SigningPage(make_ctx(demo, consultant))
    qtbot.addWidget(page)
    target = by_number(units, "1-1203")
    # From the customer record, before the page has loaded its units: the unit waits for them.
    page.open_customer(buyer.id, "13700008888", target.id)
    page.show()
    qtbot.waitUntil(lambda: page.customer is not None and page.form.unit.count() > 100,
                    timeout=10000)
    assert page.customer is not None and page.customer.checklists == ()
    assert page.form.unit.unit_id == target.id and page.form.unit.text() == "1-1203"
    page.ctx.runner.wait()


def test_the_grid_opens_on_the_chosen_unit_and_picks_from_the_keyboard(
        qtbot: QtBot, picker: UnitPicker, units: list[UnitInfo]) -> None:
    assert picker.select(by_number(units, "1-502").id)
    picker.open_grid()
    dialog = picker.grid_dialog
    assert dialog is not None
    table = dialog.grid.table
    current = table.currentItem()
    assert current is not None and current.text() == "1-502"
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Up)  # one floor up: 1-602
    with qtbot.waitSignal(picker.unit_changed, timeout=3000) as got:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert got.args == [by_number(units, "1-602").id] and picker.text() == "1-602"
    # Esc leaves the choice as it was.
    picker.open_grid()
    dialog = picker.grid_dialog
    assert dialog is not None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and picker.text() == "1-602"
