"""Sign-in, first start, the workspace per role, the project and settings pages: real widgets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from salesdesk.domain.errors import PermissionDenied
from salesdesk.services.container import Services
from salesdesk.services.project import DEMO_PATH
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.project_page import ProjectPage
from salesdesk.ui.settings_page import SettingsPage
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui


def _sign_in(qtbot, window: MainWindow, code: str, pin: str) -> None:
    entry = next(e for e in window.signin._staff if e.code == code)
    qtbot.mouseClick(window.signin._buttons[entry.id], Qt.MouseButton.LeftButton)
    for digit in pin:
        window.signin._key(digit)
    qtbot.keyClick(window.signin.ui.pinEdit, Qt.Key.Key_Return)


def test_sign_in_shows_the_pages_the_role_allows(qtbot, demo: Services) -> None:
    window = MainWindow(make_ctx(demo))
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.signin
    _sign_in(qtbot, window, "R001", "1001")
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10000)
    assert window.workspace is not None
    names = [s.name for s in window.workspace.specs]
    assert "reception" in names and "project" in names
    assert "audit" not in names and "settings" not in names and "disclosure" not in names
    window.switch_user()
    assert window.stack.currentWidget() is window.signin and window.ctx.actor is None
    _sign_in(qtbot, window, "S001", "8001")
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10000)
    assert "audit" in [s.name for s in window.workspace.specs]


def test_wrong_pin_then_lock_shows_clear_messages(qtbot, demo: Services) -> None:
    window = MainWindow(make_ctx(demo))
    qtbot.addWidget(window)
    window.show()
    _sign_in(qtbot, window, "C102", "0000")
    qtbot.waitUntil(lambda: window.signin.ui.errorLabel.isVisible(), timeout=10000)
    assert "PIN 不正确" in window.signin.ui.errorLabel.text()
    assert window.signin.ui.pinEdit.text() == ""
    for _ in range(4):
        window.signin.ui.errorLabel.setVisible(False)
        _sign_in(qtbot, window, "C102", "0000")
        qtbot.waitUntil(lambda: window.signin.ui.errorLabel.isVisible(), timeout=10000)
    assert "锁定" in window.signin.ui.errorLabel.text()
    assert window.workspace is None


def test_first_start_creates_the_admin(qtbot, services: Services) -> None:
    window = MainWindow(make_ctx(services))
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.first_admin
    form = window.first_admin.ui
    form.centreEdit.setText("翠湖苑售楼处")
    form.nameEdit.setText("赵敏")
    form.pinEdit.setText("9000")
    form.pinAgainEdit.setText("9001")
    qtbot.mouseClick(form.createButton, Qt.MouseButton.LeftButton)
    assert "不一致" in form.errorLabel.text()
    assert services.auth.needs_first_admin()
    form.pinAgainEdit.setText("9000")
    qtbot.mouseClick(form.createButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10000)
    assert "settings" in [s.name for s in window.workspace.specs]


def test_project_page_shows_units_certificates_factors(qtbot, demo: Services, consultant,
                                                       tmp_path: Path) -> None:
    ctx = make_ctx(demo, consultant)
    page = ProjectPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.units_model.rowCount() == 202, timeout=10000)
    assert page.cert_model.rowCount() == 5
    assert page.factor_model.rowCount() == 9
    assert page.card_withheld[1].text() == "66"
    page.building_filter.setCurrentIndex(3)  # 3号楼
    assert page.units_model.rowCount() == 66
    page.save_notice(tmp_path / "notice.pdf")
    qtbot.waitUntil(lambda: (tmp_path / "notice.pdf").exists() and page.print_button.isEnabled(),
                    timeout=20000)


def test_settings_rejects_a_malformed_file_with_the_field(qtbot, demo: Services, admin,
                                                          tmp_path: Path) -> None:
    ctx = make_ctx(demo, admin)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    bad = json.loads(DEMO_PATH.read_text(encoding="utf-8"))
    bad["buildings"][0]["floors"] = 0
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    page.import_project(path)
    qtbot.waitUntil(lambda: page.import_error.isVisible(), timeout=10000)
    assert "$.buildings[0].floors" in page.import_error.text()
    page.import_project(DEMO_PATH)
    qtbot.waitUntil(lambda: page.import_ok.isVisible(), timeout=20000)
    assert "云栖·翠湖苑" in page.import_ok.text()


def test_settings_adds_staff_and_language_switch_rebuilds(qtbot, demo: Services) -> None:
    ctx = make_ctx(demo)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    _sign_in(qtbot, window, "A001", "9000")
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10000)
    page = window.workspace.show_page("settings")
    assert isinstance(page, SettingsPage)
    qtbot.waitUntil(lambda: page.staff_model.rowCount() == 15, timeout=10000)
    page.code_edit.setText("C301")
    page.name_edit.setText("钱多多")
    page.pin_edit.setText("12")
    page.add_staff()
    qtbot.waitUntil(lambda: page.staff_error.isVisible(), timeout=10000)
    assert "PIN" in page.staff_error.text()
    page.pin_edit.setText("3301")
    page.add_staff()
    qtbot.waitUntil(lambda: page.staff_model.rowCount() == 16, timeout=10000)
    page.lang_combo.setCurrentIndex(page.lang_combo.findData("en"))
    assert ctx.lang == "en" and demo.preferences.language() == "en"
    assert window.workspace is not None and window.workspace.nav.item(0).text() == "Project"


def test_reception_types_at_once_refreshes_with_f5_and_an_idle_kiosk_signs_out(
        qtbot, demo: Services) -> None:
    window = MainWindow(make_ctx(demo))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    _sign_in(qtbot, window, "R001", "1001")
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10000)
    workspace = window.workspace
    assert workspace is not None
    page = workspace.pages["reception"]
    phone = page.checkin.phone  # type: ignore[attr-defined]
    # After sign-in the phone field has the focus: the first key pressed is the number.
    qtbot.waitUntil(lambda: phone.hasFocus(), timeout=5000)
    qtbot.keyClicks(QApplication.focusWidget(), "139")
    assert phone.text() == "139"
    # F5 reloads the page shown.
    loads: list[int] = []
    page.refresh = lambda: loads.append(1)  # type: ignore[method-assign]
    qtbot.keyClick(phone, Qt.Key.Key_F5)
    assert loads == [1]
    # Idle for the device's minutes (10 by default): the window signs out.
    lock = window.idle_lock
    assert lock is not None and lock.minutes == 10
    moment = [0.0]
    lock.now = lambda: moment[0]
    lock.last_input = 0.0
    moment[0] = 9 * 60
    lock.check()
    assert window.workspace is workspace  # not yet
    # Any key press counts as activity. It is sent to the window, as the keyboard's are:
    # the lock watches windows, and the window hands the key to the focused field.
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_1)
    assert lock.last_input == 9 * 60
    assert phone.text() == "1391"
    # A dialog opened later is watched too, once it has the focus.
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle(),
                    timeout=5000)
    moment[0] = 9 * 60 + 5
    QTest.mouseClick(dialog.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert lock.last_input == 9 * 60 + 5
    dialog.close()
    # Events that are not input (text set by the program, painting) keep nobody signed in.
    moment[0] = 9 * 60 + 30
    phone.setText("")
    window.repaint()
    assert lock.last_input == 9 * 60 + 5
    moment[0] = 9 * 60 + 5 + 10 * 60
    lock.check()
    assert window.workspace is None and window.stack.currentWidget() is window.signin
    assert window.ctx.actor is None


def test_the_idle_lock_is_a_device_setting(qtbot, demo: Services) -> None:
    from salesdesk.domain.errors import ValidationError
    from tests.conftest import staff_actor

    admin, reception = staff_actor(demo, "A001"), staff_actor(demo, "R001")
    demo.preferences.set_idle_lock_minutes(admin, 3)
    assert demo.preferences.idle_lock_minutes() == 3
    with pytest.raises(ValidationError):
        demo.preferences.set_idle_lock_minutes(admin, -1)
    with pytest.raises(PermissionDenied):
        demo.preferences.set_idle_lock_minutes(reception, 0)
    assert demo.preferences.idle_lock_minutes() == 3  # refused changes changed nothing
    window = MainWindow(make_ctx(demo))
    qtbot.addWidget(window)
    window.show()
    _sign_in(qtbot, window, "A001", "9000")
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10000)
    assert window.idle_lock is not None and window.idle_lock.minutes == 3
    page = window.workspace.show_page("settings")
    assert isinstance(page, SettingsPage) and page.idle_spin.value() == 3
    page.idle_spin.setValue(0)
    page.idle_spin.editingFinished.emit()
    assert demo.preferences.idle_lock_minutes() == 0


def test_the_sales_control_grid_colours_units_and_follows_a_subscription(
        qtbot, demo: Services, consultant) -> None:
    from salesdesk.domain.project import UnitStatus
    from salesdesk.ui.unit_grid import COLOURS, OUTSIDE_PERMIT
    from tests.integration.test_signing_materials import unit_id

    ctx = make_ctx(demo, consultant)
    page = ProjectPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.units_model.rowCount() == 202, timeout=10000)
    grid = page.grid
    units = {u.number: u for u in demo.projects.units(consultant)}

    def colour(number: str) -> str:
        grid.building.setCurrentText(units[number].building_name)
        cell = grid.cell(units[number].id)
        assert cell is not None, number
        return cell.background().color().name()

    # Building 3 lies outside every presale permit: not for sale, whatever its status.
    outside = next(u for u in units.values() if not u.sellable)
    assert colour(outside.number) == COLOURS[OUTSIDE_PERMIT]
    free = next(n for n, u in units.items() if u.sellable and u.status == UnitStatus.AVAILABLE)
    assert colour(free) == COLOURS[UnitStatus.AVAILABLE.value]
    # A top floor is drawn at the top of its building.
    grid.building.setCurrentText(units[free].building_name)
    floors = [grid.table.verticalHeaderItem(r).text() for r in range(grid.table.rowCount())]
    assert floors == sorted(floors, key=lambda f: -int(f[:-1]))
    # A subscription turns the cell as soon as the page hears of it.
    customer = demo.customers.register(consultant, phone="13900002222", name="销控测试",
                                       consent=True).id
    unit_id(demo, consultant, free, subscriber=customer)
    ctx.events.op_executed.emit(OpChanges(disclosure=True), None)  # a write elsewhere
    qtbot.waitUntil(lambda: colour(free) == COLOURS[UnitStatus.SUBSCRIBED.value], timeout=10000)
    # Picking a unit from the grid names it.
    cell = grid.cell(units[free].id)
    assert cell is not None
    with qtbot.waitSignal(grid.unit_picked) as picked:
        grid.table.cellClicked.emit(cell.row(), cell.column())
    assert picked.args == [units[free].id]
