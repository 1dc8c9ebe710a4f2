"""The Customers page (客户档案) with real widgets: find, read the record, and carry the customer
(and unit) to the disclosure, materials and signing-slot pages without retyping a number."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from salesdesk.services.container import Services
from salesdesk.ui.customers.page import CustomersPage
from salesdesk.ui.i18n import install_translations
from salesdesk.ui.main_window import MainWindow, Workspace
from tests.conftest import staff_actor
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui

PHONE = "13957110231"  # 王建国, owned by 王磊 (C101), subscribed to 1-502 in the demo


def _window(qtbot: QtBot, demo: Services, code: str, lang: str = "zh_CN"
            ) -> tuple[MainWindow, Workspace, CustomersPage]:
    window = MainWindow(make_ctx(demo, lang=lang))
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    workspace = window.enter(staff_actor(demo, code))
    page = workspace.show_page("customers")
    assert isinstance(page, CustomersPage)
    return window, workspace, page


def _open(qtbot: QtBot, page: CustomersPage, text: str = PHONE) -> None:
    page.search.setText(text)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.record is not None, timeout=10000)


def test_find_and_read_a_record(qtbot: QtBot, demo: Services, tmp_path: Path) -> None:
    window, _, page = _window(qtbot, demo, "S001")
    _open(qtbot, page, "0231")
    assert page.results.count() == 1
    assert "王建国" in page.header.text() and "139****0231" in page.header.text()
    assert "王磊" in page.header.text()  # the owner
    assert page.tabs.subscriptions.rowCount() == 1
    assert page.tabs.subscriptions.row(0).unit == "1-502"
    assert page.tabs.tabText(2) == "认购 (1)"
    assert page.owner_button.isVisible() and page.erase_button.isVisible()
    window.grab().save(str(tmp_path / "customers.png"))
    # Nothing found: said plainly, the old record is not left on screen as if it were theirs.
    page.search.setText("13800000000")
    page.find_customers()
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=10000)
    assert page.record is None and page.tabs.subscriptions.rowCount() == 0


def test_reception_has_no_customer_records(qtbot: QtBot, demo: Services) -> None:
    window = MainWindow(make_ctx(demo))
    qtbot.addWidget(window)
    workspace = window.enter(staff_actor(demo, "R001"))
    assert "customers" not in [s.name for s in workspace.specs]


def test_the_customer_and_unit_carry_over_to_disclosure(qtbot: QtBot, demo: Services) -> None:
    from salesdesk.ui.disclosure.disclosure_page import DisclosurePage

    _, workspace, page = _window(qtbot, demo, "C101")
    _open(qtbot, page)
    assert not page.note.isVisible()  # 王磊's own customer: no warning
    page.round_button.click()
    disclosure = workspace.pages["disclosure"]
    assert isinstance(disclosure, DisclosurePage) and disclosure.isVisible()
    qtbot.waitUntil(lambda: disclosure.customer is not None, timeout=10000)
    assert disclosure.customer.name == "王建国"
    assert disclosure.phone.text() == "+86" + PHONE or disclosure.phone.text().endswith(PHONE)
    qtbot.waitUntil(lambda: disclosure.unit_box.text() == "1-502", timeout=10000)


def test_materials_and_a_signing_slot_open_on_the_customer(qtbot: QtBot,
                                                           demo: Services) -> None:
    from salesdesk.ui.appointments.dialogs import BookSigningDialog
    from salesdesk.ui.signing.page import SigningPage

    _, workspace, page = _window(qtbot, demo, "C101")
    _open(qtbot, page)
    page.materials_button.click()
    signing = workspace.pages["signing"]
    assert isinstance(signing, SigningPage)
    qtbot.waitUntil(lambda: signing.customer is not None, timeout=10000)
    assert signing.customer.customer_id == page.record.info.id  # type: ignore[union-attr]

    workspace.show_page("customers")
    page.signing_button.click()
    appointments = workspace.pages["appointments"]
    dialog = appointments._dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, BookSigningDialog) and dialog.isVisible()
    assert dialog.customer.text().endswith(PHONE)
    qtbot.waitUntil(lambda: dialog.unit.text() == "1-502", timeout=10000)
    dialog.reject()


def test_a_colleagues_customer_is_marked_and_a_number_is_added(qtbot: QtBot,
                                                               demo: Services) -> None:
    from salesdesk.ui.customers.dialogs import AddPhoneDialog

    _, _, page = _window(qtbot, demo, "C102")  # 李娜 looks up 王磊's customer
    _open(qtbot, page)
    assert page.note.isVisible() and "王磊" in page.note.text()
    page.phone_button.click()
    dialog = page._dialog
    assert isinstance(dialog, AddPhoneDialog)
    dialog.phone.setText("12")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
    assert dialog.isVisible()  # refused: the form stays with the message, nothing saved
    dialog.phone.setText("13900007788")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: page.record is not None and len(page.record.info.phones) == 2,
                    timeout=10000)
    assert "139****7788" in page.header.text()


def test_a_supervisor_settles_the_owner_with_a_reason(qtbot: QtBot, demo: Services) -> None:
    from salesdesk.ui.customers.dialogs import ReassignDialog

    _, _, page = _window(qtbot, demo, "S001")
    _open(qtbot, page)
    page.owner_button.click()
    dialog = page._dialog
    assert isinstance(dialog, ReassignDialog)
    dialog.staff.setCurrentIndex(dialog.staff.findText("李娜", Qt.MatchFlag.MatchStartsWith))
    dialog.submit()  # no reason: refused
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
    dialog.reason.setText("渠道报备在先")
    dialog.submit()
    qtbot.waitUntil(lambda: page.tabs.attribution.rowCount() == 1, timeout=10000)
    entry = page.tabs.attribution.row(0)
    assert (entry.from_name, entry.to_name, entry.reason) == ("王磊", "李娜", "渠道报备在先")
    qtbot.waitUntil(lambda: "李娜" in page.header.text(), timeout=10000)


def test_english_names_every_code(qtbot: QtBot, qapp: QApplication, demo: Services) -> None:
    install_translations(qapp, "en")
    try:
        _, _, page = _window(qtbot, demo, "S001", lang="en")
        _open(qtbot, page)
        model = page.tabs.subscriptions
        assert model.data(model.index(0, 4)) == "Active"
        assert page.tabs.tabText(2) == "Subscriptions (1)"
        tasks = page.tabs.tasks
        shown = {tasks.data(tasks.index(r, 1)) for r in range(tasks.rowCount())}
        assert shown and not any("\u4e00" <= ch <= "\u9fff" for text in shown for ch in text)
    finally:
        install_translations(qapp, "zh_CN")


def test_export_for_the_customer_prints_its_summary_or_saves_it(qtbot: QtBot, demo: Services,
                                                                 tmp_path: Path) -> None:
    """The export button prints first (the system print dialog), "Save as PDF…" on its arrow;
    paper and the PDF take only the summary: no unmasked data file is left beside them."""
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QToolButton

    _, _, page = _window(qtbot, demo, "S001")
    assert isinstance(page.export_button, QToolButton)
    assert page.export_button.isVisible() and not page.export_button.isEnabled()
    _open(qtbot, page)
    assert page.export_button.isEnabled()
    answers = [False, True]
    printed = tmp_path / "printed.pdf"

    def dialog(printer: QPrinter) -> bool:
        answer = answers.pop(0)
        if answer:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(printed))
        return answer

    page.output.exec_print_dialog = dialog  # type: ignore[method-assign]
    # Cancelled in the dialog: nothing is sent anywhere.
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not answers[1:] and not page.output.busy, timeout=20000)
    assert page.output.last_outcome is None and not printed.exists()
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.output.last_outcome is not None, timeout=20000)
    assert page.output.last_outcome is not None and page.output.last_outcome.ok
    assert printed.read_bytes().startswith(b"%PDF")
    assert page.output.last_pdf is not None
    assert not list(page.output.last_pdf.parent.glob("*.json"))

    saved = tmp_path / "summary.pdf"
    page.output.ask_save_path = lambda suggested: saved  # type: ignore[method-assign]
    page.export_button.property("saveAction").trigger()
    qtbot.waitUntil(lambda: page.output.last_pdf == saved and not page.output.busy,
                    timeout=20000)
    assert saved.read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "summary.json").exists()
    # The whole data, for the customer to take away: the JSON and its summary.
    page.export_to(tmp_path / "all.json")
    qtbot.waitUntil((tmp_path / "all.pdf").exists, timeout=20000)
    assert '"customer"' in (tmp_path / "all.json").read_text(encoding="utf-8")


def test_the_record_dialogs_come_from_their_forms_styled(qtbot: QtBot, qapp: QApplication,
                                                         demo: Services) -> None:
    """The dialogs are laid out in forms/customers_*.ui; the app's stylesheet still marks their
    OK as the primary action and their messages as errors (uic names widgets uniquely, so the
    stylesheet's classes are given in code, after the form may already have styled them)."""
    from PySide6.QtGui import QPalette

    from salesdesk.ui.customers.dialogs import AddPhoneDialog, EraseDialog, ReassignDialog
    from salesdesk.ui.style import STYLE

    _, _, page = _window(qtbot, demo, "S001", lang="en")
    before = qapp.styleSheet()
    qapp.setStyleSheet(STYLE)
    try:
        dialogs = (AddPhoneDialog(page.ctx, "x", page), ReassignDialog(page.ctx, "x", None, page),
                   EraseDialog(page.ctx, "x", page))
        for dialog in dialogs:
            dialog.show()
            qtbot.waitExposed(dialog)
            assert dialog.ok_button.objectName() == "primary"
            ok_text = dialog.ok_button.palette().color(QPalette.ColorRole.ButtonText)
            assert ok_text.name() == "#ffffff"
            assert dialog.error.palette().color(QPalette.ColorRole.WindowText).name() == "#b42318"
            dialog.reject()
    finally:
        qapp.setStyleSheet(before)


def test_erase_looks_unavailable_until_a_record_is_open(qtbot: QtBot, qapp: QApplication,
                                                       demo: Services) -> None:
    """The red "Erase personal data" must not look ready while there is no record to erase
    (the danger style had no disabled look, so it stood out as the only live button)."""
    from salesdesk.ui.style import STYLE

    def red_pixels() -> int:
        image = page.erase_button.grab().toImage()
        return sum(1 for x in range(image.width()) for y in range(image.height())
                   if (c := image.pixelColor(x, y)).red() > 150 and c.green() < 90
                   and c.blue() < 90)

    _, _, page = _window(qtbot, demo, "S001", lang="en")
    before = qapp.styleSheet()
    qapp.setStyleSheet(STYLE)
    try:
        assert page.record is None and not page.erase_button.isEnabled()
        assert red_pixels() == 0
        _open(qtbot, page, "0231")
        assert page.erase_button.isEnabled() and red_pixels() > 20
    finally:
        qapp.setStyleSheet(before)
