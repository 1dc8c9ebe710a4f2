"""Sign-in, first start, the workspace per role, the project and settings pages: real widgets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from salesdesk.services.container import Services
from salesdesk.services.project_import import DEMO_PATH
from salesdesk.ui.main_window import MainWindow
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
