"""The paper feedback form through the real disclosure page: the blank draft printed before any
round (the print dialog replaced by a fake that prints to a file), "paper form collected"
refused before a round and recorded after it; the notice board through the same print helper."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.ui.context import UiContext
from salesdesk.ui.disclosure.disclosure_page import DisclosurePage
from salesdesk.ui.events import AppEvents
from salesdesk.ui.project_page import ProjectPage
from salesdesk.ui.tasks import TaskRunner
from tests.pdfcheck import compact, pdf_text
from tests.ui.helpers import to_file
from tests.ui.test_disclosure_ui import sign

pytestmark = [pytest.mark.ui, pytest.mark.qt_log_ignore("propagateSizeHints")]
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils not installed")
PHONE = "13700004444"


@pytest.fixture
def ctx(demo: Services, consultant: Actor) -> UiContext:
    return UiContext(demo, TaskRunner(), AppEvents(), actor=consultant)


def paper_events(demo: Services) -> int:
    conn = sqlite3.connect(demo.db.path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM audit_log WHERE action = "
                                "'disclosure.paper_collected'").fetchone()[0])
    finally:
        conn.close()


def tr(text: str) -> str:
    """The page's text in whichever language the test run loaded."""
    return QCoreApplication.translate("DisclosurePage", text)


def paper_cell(page: DisclosurePage) -> str | None:
    """The "Paper form" column of the newest round."""
    cell = page.history.item(0, 4)
    return cell.text() if cell is not None else None


@needs_poppler
def test_blank_form_before_the_round_then_paper_collected_after_it(  # type: ignore[no-untyped-def]
        qtbot, ctx: UiContext, demo: Services, consultant: Actor, tmp_path: Path) -> None:
    demo.customers.register(consultant, phone=PHONE, name="纸单测试", salutation="纸先生",
                            consent=True)
    page = DisclosurePage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert not page.blank_button.isEnabled() and not page.collected_button.isEnabled()
    qtbot.waitUntil(lambda: page.unit_box.count() > 100, timeout=10000)
    qtbot.keyClicks(page.phone, PHONE)
    qtbot.keyClick(page.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.customer is not None, timeout=10000)
    unit = next(u for u in demo.projects.units(consultant) if u.number == "2-202")
    page.select_unit(unit.id)
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=10000)

    # No round yet: the draft prints, "collected" is refused and changes nothing.
    assert page.blank_button.isEnabled() and not page.collected_button.isEnabled()
    page.record_paper_collected()
    assert page.error.isVisibleTo(page) and page.error.text() == tr(
        "Save the round first (or select it in the list), then record its paper form.")
    assert paper_events(demo) == 0

    out = tmp_path / "printed-draft.pdf"
    page.output.exec_print_dialog = to_file(out, [False, True])  # type: ignore[method-assign]
    page.print_blank_form()  # cancelled: nothing printed
    qtbot.waitUntil(lambda: not page.output.busy, timeout=15000)
    assert not out.exists()
    qtbot.mouseClick(page.blank_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.print_status.isVisibleTo(page), timeout=15000)
    assert str(out) in page.print_status.text()
    text = compact(pdf_text(out))
    assert "现场反馈单（草稿）" in text and "纸先生（137****4444）" in text and "2-202" in text
    assert PHONE not in text and "否（未告知）" not in text
    assert page.view is not None and page.view.rounds == ()

    # Save the round signed on screen; the paper signed afterwards is recorded beside it.
    for code in [i.code for i in page.view.items]:
        page.set_ticked(code, True)
    sign(qtbot, page.pad)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.history.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(page.collected_button.isEnabled, timeout=10000)
    assert paper_cell(page) == ""
    qtbot.mouseClick(page.collected_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: paper_cell(page) == tr("Collected"), timeout=10000)
    assert paper_events(demo) == 1
    assert not page.collected_button.isEnabled()  # once per round


def test_notice_board_prints_through_the_dialog_and_saves_as_pdf(  # type: ignore[no-untyped-def]
        qtbot, demo: Services, consultant: Actor, tmp_path: Path) -> None:
    ctx = UiContext(demo, TaskRunner(), AppEvents(), actor=consultant)
    page = ProjectPage(ctx)
    qtbot.addWidget(page)
    page.show()
    out = tmp_path / "printed-notice.pdf"
    page.output.exec_print_dialog = to_file(out, [True])  # type: ignore[method-assign]
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.output.last_outcome is not None, timeout=20000)
    assert page.output.last_outcome is not None and page.output.last_outcome.ok
    assert out.read_bytes().startswith(b"%PDF")
    saved = tmp_path / "saved-notice.pdf"
    page.output.ask_save_path = lambda suggested: saved  # type: ignore[method-assign]
    page.print_button.property("saveAction").trigger()
    qtbot.waitUntil(saved.exists, timeout=20000)
    qtbot.waitUntil(lambda: page.output.last_pdf == saved, timeout=20000)
