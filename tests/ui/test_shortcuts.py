"""Keyboard shortcuts on the real main window: Ctrl+F finds a customer from any page, Ctrl+P
prints what the page shown prints, and each shortcut (F5 too) is named in its control's
tooltip. Esc closing dialogs is pressed in the dialogs' own tests (test_appointments_dialogs)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from salesdesk.services.container import Services
from tests.ui.helpers import signed_in


def _press(qtbot, target: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(target, key, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_f_opens_the_customer_search_and_ctrl_p_prints_the_notice_board(
        qtbot: QtBot, demo: Services) -> None:
    _, workspace = signed_in(qtbot, demo, "S001", "8001")
    workspace.show_page("project")
    project = workspace.pages["project"]
    button = project.print_button  # type: ignore[attr-defined]
    # (A tool button since the notice board prints through the shared print helper.)
    assert isinstance(button, QAbstractButton) and "Ctrl+P" in button.toolTip()
    printed: list[int] = []
    button.clicked.disconnect()  # the real one asks where to save the PDF
    button.clicked.connect(lambda: printed.append(1))
    qtbot.waitUntil(button.isEnabled, timeout=10000)
    _press(qtbot, workspace.nav, Qt.Key.Key_P)
    assert printed == [1]
    # Ctrl+F from another page: the customers page, its search field focused, ready to type.
    _press(qtbot, workspace.nav, Qt.Key.Key_F)
    customers = workspace.pages["customers"]
    search = customers.search  # type: ignore[attr-defined]
    assert workspace.current_page() is customers
    qtbot.waitUntil(search.hasFocus, timeout=5000)
    assert "Ctrl+F" in search.toolTip()
    qtbot.keyClicks(QApplication.focusWidget() or search, "5678")
    assert search.text() == "5678"
    # A page with nothing to print: Ctrl+P does nothing (and raises nothing).
    _press(qtbot, search, Qt.Key.Key_P)
    assert printed == [1] and workspace.current_page() is customers
    # F5 is named on the refresh button it stands for.
    audit = workspace.show_page("audit")
    assert "F5" in audit.refresh_button.toolTip()  # type: ignore[attr-defined]


def test_ctrl_f_without_a_customers_page_focuses_the_reception_phone_field(
        qtbot: QtBot, demo: Services) -> None:
    _, workspace = signed_in(qtbot, demo, "R001", "1001")
    assert "customers" not in {s.name for s in workspace.specs}
    page = workspace.pages["reception"]
    phone = page.checkin.phone  # type: ignore[attr-defined]
    qtbot.waitUntil(phone.hasFocus, timeout=5000)
    qtbot.keyClicks(phone, "139")
    workspace.nav.setFocus()
    assert not phone.hasFocus()
    _press(qtbot, workspace.nav, Qt.Key.Key_F)
    qtbot.waitUntil(phone.hasFocus, timeout=5000)
    assert phone.selectedText() == "139"  # typing replaces the last number
    assert "Ctrl+F" in phone.toolTip()
