"""The disclosure page's unit and customer with real widgets (issue 14 §2): the unit typed or
tapped on the 销控 grid loads its checklist, a bad unit is refused with the checklist left as it
was, the customer record's unit is carried over, and a round for a colleague's customer is
flagged in the page (a warning for a consultant, information for a supervisor)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.ui.disclosure.disclosure_page import DisclosurePage
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui

PHONE = "13957110231"  # 王建国, owned by 王磊 (C101) in the demo


def open_page(qtbot: QtBot, demo: Services, actor: Actor) -> DisclosurePage:
    page = DisclosurePage(make_ctx(demo, actor))
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    qtbot.waitUntil(lambda: page.unit_box.count() > 100, timeout=10000)
    return page


def find(qtbot: QtBot, page: DisclosurePage, phone: str) -> None:
    page.phone.setText(phone)
    qtbot.keyClick(page.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.customer is not None, timeout=10000)


def unit_id(demo: Services, actor: Actor, number: str) -> str:
    return next(u.id for u in demo.projects.units(actor) if u.number == number)


def test_the_unit_typed_loads_its_checklist_and_a_bad_one_changes_nothing(
        qtbot: QtBot, demo: Services, consultant: Actor) -> None:
    demo.customers.register(consultant, phone="13700005555", name="选房测试", consent=True,
                            owner_staff_id=consultant.staff_id)
    page = open_page(qtbot, demo, consultant)
    find(qtbot, page, "13700005555")
    picker = page.unit_box
    qtbot.keyClicks(picker.edit, "2-202")
    picker.completer.popup().hide()
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.view is not None and page.table.rowCount() > 0, timeout=10000)
    assert page.view is not None and page.view.unit_number == "2-202"
    assert picker.status.text() == "可售"
    page.set_ticked("sunshine", True)
    page.paper.setChecked(True)  # the customer's acknowledgement: the round could be saved

    # No such unit: said under the field; the checklist, its ticks and the unit stay.
    view = page.view
    picker.edit.selectAll()
    qtbot.keyClicks(picker.edit, "8-808")
    picker.completer.popup().hide()
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.error.isVisible() and "8-808" in picker.error.text()
    assert picker.unit_id == unit_id(demo, consultant, "2-202")
    page.ctx.runner.wait()
    assert page.view is view and "sunshine" in page._ticks
    # Nor is the round saved against the old unit while the field says something else.
    page.save_round()
    page.ctx.runner.wait()
    assert page.saved is None and demo.disclosure.checklist(
        consultant, view.customer.id, view.unit_id).rounds == ()
    # Put right, the same round saves for 2-202.
    picker.edit.setText("2-202")
    page.save_round()
    qtbot.waitUntil(lambda: page.saved is not None, timeout=10000)
    assert page.saved is not None and page.saved.unit_number == "2-202"


def test_a_tap_on_the_grid_loads_that_units_checklist(qtbot: QtBot, demo: Services,
                                                      consultant: Actor) -> None:
    page = open_page(qtbot, demo, consultant)
    find(qtbot, page, PHONE)
    qtbot.mouseClick(page.unit_box.grid_button, Qt.MouseButton.LeftButton)
    dialog = page.unit_box.grid_dialog
    assert dialog is not None and dialog.isVisible()
    grid = dialog.grid
    grid.building.setCurrentIndex(grid.building.findText("1号楼"))
    cell = grid.cell(unit_id(demo, consultant, "1-502"))
    assert cell is not None
    qtbot.mouseClick(grid.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=grid.table.visualItemRect(cell).center())
    qtbot.waitUntil(lambda: page.view is not None and page.view.unit_number == "1-502",
                    timeout=10000)
    assert page.unit_box.text() == "1-502"
    assert page.unit_box.status.text() == "已认购"  # seen before going on


def test_the_customer_records_unit_is_carried_over(qtbot: QtBot, demo: Services,
                                                   senior: Actor) -> None:
    page = DisclosurePage(make_ctx(demo, senior))
    qtbot.addWidget(page)
    page.show()
    # Opened from the record before the units arrived: the unit waits for them.
    page.open_customer(demo.customers.find_by_phone(senior, PHONE).id,  # type: ignore[union-attr]
                       PHONE, unit_id(demo, senior, "1-502"))
    page.refresh()
    qtbot.waitUntil(lambda: page.view is not None, timeout=10000)
    assert page.view is not None and page.view.unit_number == "1-502"
    assert page.unit_box.text() == "1-502" and page.customer is not None
    assert page.customer.name == "王建国"


def test_own_customer_no_warning_a_colleagues_warned_a_supervisor_informed(
        qtbot: QtBot, demo: Services, senior: Actor, consultant: Actor,
        supervisor: Actor) -> None:
    own = open_page(qtbot, demo, senior)  # 王磊 and his own customer
    find(qtbot, own, PHONE)
    own.select_unit(unit_id(demo, senior, "2-202"))
    qtbot.waitUntil(lambda: own.view is not None, timeout=10000)
    own.ctx.runner.wait()
    assert own.owner is not None and own.owner.name == "王磊"
    assert not own.owner_banner.isVisible()

    colleague = open_page(qtbot, demo, consultant)  # 李娜 records a round for him
    find(qtbot, colleague, PHONE)
    # Shown as soon as the customer is found, before any unit is picked.
    qtbot.waitUntil(colleague.owner_banner.isVisible, timeout=10000)
    assert colleague.unit_box.unit_id is None
    assert "王磊" in colleague.owner_banner.text() and "不是您的" in colleague.owner_banner.text()
    assert colleague.owner_banner.objectName() == "badge"
    colleague.select_unit(unit_id(demo, consultant, "2-202"))
    qtbot.waitUntil(lambda: colleague.view is not None, timeout=10000)
    assert colleague.owner_banner.isVisible()
    # Another customer (her own) takes the warning away.
    demo.customers.register(consultant, phone="13700006666", name="自己的客户", consent=True,
                            owner_staff_id=consultant.staff_id)
    find(qtbot, colleague, "13700006666")
    qtbot.waitUntil(lambda: colleague.view is not None
                    and colleague.view.customer.name == "自己的客户", timeout=10000)
    assert not colleague.owner_banner.isVisible()

    boss = open_page(qtbot, demo, supervisor)
    find(qtbot, boss, PHONE)
    qtbot.waitUntil(boss.owner_banner.isVisible, timeout=10000)
    assert boss.owner_banner.text() == "王磊 的客户。"
    assert boss.owner_banner.objectName() == "hint"  # information, not a warning


def test_the_units_status_is_fresh_after_a_change(qtbot: QtBot, demo: Services,
                                                  consultant: Actor) -> None:
    from tests.integration.test_signing_materials import unit_id as subscribed_unit

    page = open_page(qtbot, demo, consultant)
    target = unit_id(demo, consultant, "2-1703")
    page.select_unit(target)
    assert page.unit_box.status.text() == "可售"
    buyer = demo.customers.register(consultant, phone="13700009999", name="刚认购", consent=True,
                                    owner_staff_id=consultant.staff_id)
    subscribed_unit(demo, consultant, "2-1703", subscriber=buyer.id)
    page.refresh()  # as the page does on a change to the project or the disclosure ledger
    qtbot.waitUntil(lambda: page.unit_box.status.text() == "已认购", timeout=10000)
    assert page.unit_box.unit_id == target
