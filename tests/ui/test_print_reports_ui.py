"""Issue #14 §4: the audit report and the satisfaction report print through the shared print
helper (the print dialog on a click, "Save as PDF…" on the button's arrow), with the dialogs
replaced by fakes. A cancelled dialog makes no file and logs nothing; a printed report is logged
as an export just like a saved one, and the audit page's exports list shows both."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QTabWidget

from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.ui.care.satisfaction_view import SatisfactionView
from salesdesk.ui.disclosure.audit_page import AuditPage
from salesdesk.ui.pages import page_spec
from salesdesk.ui.privacy.exports_tab import ExportsTab
from tests.pdfcheck import compact, pdf_text
from tests.ui.helpers import make_ctx, to_file

pytestmark = [pytest.mark.ui, pytest.mark.qt_log_ignore("propagateSizeHints")]
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils not installed")


def exports(demo: Services, supervisor: Actor, entity: str) -> int:
    return sum(1 for e in demo.audit.exports(supervisor) if e.entity == entity)


@needs_poppler
def test_audit_report_prints_and_saves_and_both_are_in_the_exports_list(  # type: ignore[no-untyped-def]
        qtbot, demo: Services, supervisor: Actor, tmp_path: Path) -> None:
    ctx = make_ctx(demo, supervisor)
    page = page_spec("audit").factory(ctx)
    assert isinstance(page, AuditPage)
    qtbot.addWidget(page)
    today = demo.db.now().date()
    page.set_period(today - timedelta(days=30), today)
    page.resize(1280, 800)
    page.show()
    qtbot.waitUntil(lambda: page.audit is not None, timeout=15000)
    before = exports(demo, supervisor, "disclosure_report")

    # Cancelled print dialog, cancelled file dialog: no file, no export logged.
    out = tmp_path / "printed-audit.pdf"
    page.output.exec_print_dialog = to_file(out, [False, True])  # type: ignore[method-assign]
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    page.output.ask_save_path = lambda suggested: None  # type: ignore[method-assign]
    page.print_button.property("saveAction").trigger()
    assert not out.exists() and page.exported == [] and not page.output.busy
    assert exports(demo, supervisor, "disclosure_report") == before

    # Print: the report is made (progress, cancel), then goes where the dialog pointed.
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.output.last_outcome is not None, timeout=30000)
    assert page.output.last_outcome is not None and page.output.last_outcome.ok
    assert str(out) in page.status.text()
    last = compact(pdf_text(out).split("\f")[-2])
    assert "审核人签字：" in last and "日期：" in last
    assert exports(demo, supervisor, "disclosure_report") == before + 1

    # Save as PDF: the name suggested says the period; the file is logged the same way.
    saved = tmp_path / "saved-audit.pdf"
    suggested: list[str] = []

    def save_here(name: str) -> Path | None:
        suggested.append(name)
        return saved

    page.output.ask_save_path = save_here  # type: ignore[method-assign,assignment]
    page.print_button.property("saveAction").trigger()
    qtbot.waitUntil(lambda: saved in page.exported, timeout=30000)
    assert suggested == [f"告知审计-{today - timedelta(days=30)}-{today}.pdf"]
    assert "审核人签字" in compact(pdf_text(saved))
    assert str(saved) in page.status.text()
    assert exports(demo, supervisor, "disclosure_report") == before + 2

    # The audit page's own exports list names both (printed and saved) reports.
    tabs = page.findChild(QTabWidget, "auditTabs")
    assert tabs is not None
    tab = next(tabs.widget(i) for i in range(tabs.count())
               if isinstance(tabs.widget(i), ExportsTab))
    assert isinstance(tab, ExportsTab)
    tabs.setCurrentWidget(tab)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() >= 2, timeout=10000)

    def cell(row: int, col: int) -> str:
        return str(tab.model.data(tab.model.index(row, col), Qt.ItemDataRole.DisplayRole))

    audit_rows = [(cell(r, 1), cell(r, 3)) for r in range(tab.model.rowCount())
                  if cell(r, 2) == "告知审计报告"]
    assert audit_rows[:2] == [(supervisor.name, "PDF"), (supervisor.name, "PDF")]
    ctx.runner.wait()


@needs_poppler
def test_satisfaction_report_prints_and_saves(  # type: ignore[no-untyped-def]
        qtbot, demo: Services, supervisor: Actor, tmp_path: Path) -> None:
    ctx = make_ctx(demo, supervisor)
    view = SatisfactionView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    assert view.print_button.isVisible()
    before = exports(demo, supervisor, "satisfaction_report")

    out = tmp_path / "printed-satisfaction.pdf"
    view.output.exec_print_dialog = to_file(out, [False, True])  # type: ignore[method-assign]
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)  # cancelled
    view.output.ask_save_path = lambda suggested: None  # type: ignore[method-assign]
    view.print_button.property("saveAction").trigger()  # cancelled
    assert not out.exists() and view.output.last_pdf is None and not view.output.busy
    assert exports(demo, supervisor, "satisfaction_report") == before

    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.output.last_outcome is not None, timeout=30000)
    assert view.output.last_outcome is not None and view.output.last_outcome.ok
    assert view.status.isVisibleTo(view) and str(out) in view.status.text()
    assert "客户满意度报告" in compact(pdf_text(out))
    assert exports(demo, supervisor, "satisfaction_report") == before + 1

    saved = tmp_path / "saved-satisfaction.pdf"
    suggested: list[str] = []

    def save_here(name: str) -> Path | None:
        suggested.append(name)
        return saved

    view.output.ask_save_path = save_here  # type: ignore[method-assign,assignment]
    view.print_button.property("saveAction").trigger()
    qtbot.waitUntil(lambda: view.output.last_pdf == saved and not view.output.busy,
                    timeout=30000)
    assert suggested == ["满意度报告.pdf"] and saved.read_bytes().startswith(b"%PDF")
    assert str(saved) in view.status.text()
    assert exports(demo, supervisor, "satisfaction_report") == before + 2
    ctx.runner.wait()


def test_a_consultant_has_no_report_to_print(qtbot, demo: Services,  # type: ignore[no-untyped-def]
                                             consultant: Actor) -> None:
    view = SatisfactionView(make_ctx(demo, consultant))
    qtbot.addWidget(view)
    view.show()
    assert not view.print_button.isVisible()


def test_ctrl_p_on_the_audit_page_opens_the_print_dialog(qtbot, demo: Services) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.helpers import signed_in
    from tests.ui.test_shortcuts import _press

    _, workspace = signed_in(qtbot, demo, "S001", "8001")
    page = workspace.show_page("audit")
    assert isinstance(page, AuditPage) and "Ctrl+P" in page.print_button.toolTip()
    asked: list[str] = []

    def refuse(printer: QPrinter) -> bool:
        asked.append(printer.docName())
        return False

    page.output.exec_print_dialog = refuse  # type: ignore[method-assign]
    _press(qtbot, workspace.nav, Qt.Key.Key_P)
    assert asked and asked[0].startswith("告知审计-")
    assert page.exported == [] and not page.output.busy  # refused: nothing made


def test_the_exports_list_names_a_printed_blank_feedback_form(  # type: ignore[no-untyped-def]
        qtbot, demo: Services, supervisor: Actor, consultant: Actor, tmp_path: Path) -> None:
    c = demo.customers.register(consultant, phone="13911114444", name="草稿客户", consent=True)
    unit = next(u for u in demo.projects.units(consultant) if u.number == "2-202")
    demo.disclosure.print_blank_form(consultant, c.id, unit.id, tmp_path / "draft.pdf")
    tab = ExportsTab(make_ctx(demo, supervisor))
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.rowCount() >= 1, timeout=10000)
    what = str(tab.model.data(tab.model.index(0, 2), Qt.ItemDataRole.DisplayRole))
    assert what == "现场反馈单（空白草稿）"


def test_ctrl_p_prints_the_satisfaction_report_only_while_its_tab_is_shown(  # type: ignore[no-untyped-def]
        qtbot, demo: Services) -> None:
    from salesdesk.ui.care.page import CarePage
    from tests.ui.helpers import signed_in
    from tests.ui.test_shortcuts import _press

    _, workspace = signed_in(qtbot, demo, "S001", "8001")
    page = workspace.show_page("care")
    assert isinstance(page, CarePage) and page.satisfaction is not None
    view = page.satisfaction
    assert "Ctrl+P" in view.print_button.toolTip()
    asked: list[str] = []

    def refuse(printer: QPrinter) -> bool:
        asked.append(printer.docName())
        return False

    view.output.exec_print_dialog = refuse  # type: ignore[method-assign]
    page.tabs.setCurrentIndex(0 if page.tabs.widget(0) is not view else 1)
    _press(qtbot, workspace.nav, Qt.Key.Key_P)
    assert asked == []  # another tab shown: nothing to print
    page.show_tab(view)
    _press(qtbot, workspace.nav, Qt.Key.Key_P)
    assert len(asked) == 1 and not view.output.busy and view.output.last_pdf is None
