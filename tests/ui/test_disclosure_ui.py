"""A whole disclosure round through the real widgets: find the customer, pick the unit, tick
items, sign on the pad with the mouse, save, print the feedback form; the gate in the
subscription dialog; the audit page's tabs, ledger check and export."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget

from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.ui.context import UiContext
from salesdesk.ui.disclosure.audit_page import AuditPage
from salesdesk.ui.disclosure.disclosure_page import DisclosurePage
from salesdesk.ui.events import AppEvents
from salesdesk.ui.pages import page_spec
from salesdesk.ui.tasks import TaskRunner
from tests.conftest import FakeClock, staff_actor

# The offscreen platform says it cannot propagate size hints of top-level windows: not ours.
pytestmark = [pytest.mark.ui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def sign(qtbot, pad: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Draw a signature with the mouse: press, a few moves, release."""
    points = [QPoint(40 + 22 * i, 80 + (25 if i % 2 else -20)) for i in range(12)]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
    for p in points[1:]:
        qtbot.mouseMove(pad, p)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])


@pytest.fixture
def ctx(demo: Services, consultant: Actor) -> UiContext:
    return UiContext(demo, TaskRunner(), AppEvents(), actor=consultant)


def test_whole_round_tick_sign_save_print(qtbot, ctx: UiContext, demo: Services,  # type: ignore[no-untyped-def]
                                          consultant: Actor, tmp_path: Path,
                                          clock: FakeClock) -> None:
    demo.customers.register(consultant, phone="13700003333", name="界面测试", consent=True)
    page = DisclosurePage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    qtbot.waitUntil(lambda: page.unit_box.count() > 100, timeout=10000)
    qtbot.keyClicks(page.phone, "13700003333")
    qtbot.keyClick(page.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.customer is not None, timeout=10000)
    unit = next(u for u in demo.projects.units(consultant) if u.number == "2-202")
    page.select_unit(unit.id)
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=10000)
    assert page.view is not None and page.view.unit_number == "2-202"
    codes = [i.code for i in page.view.items]
    assert "factor:F01" in codes and "factor:F06" in codes

    # Tick every item but the last one by tapping its row, as a consultant would; the
    # explanation of the first takes half a minute.
    started = demo.db.now()
    for row in range(page.table.rowCount() - 1):
        rect = page.table.visualRect(page.table.model().index(row, 2))
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        if row == 0:
            clock.advance(seconds=30)
    assert len(page._ticks) == len(codes) - 1
    assert "%" not in page.summary.text() and f"{len(codes) - 1}" in page.summary.text()

    assert page.pad.is_empty()
    sign(qtbot, page.pad)
    assert not page.pad.is_empty() and page.pad.stroke_count() == 1
    png = page.pad.to_png()
    assert png.startswith(b"\x89PNG")

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.saved is not None, timeout=10000)
    rec = page.saved
    assert rec is not None
    assert not page.save_button.isEnabled()  # no second record from a double tap
    assert [i.code for i in rec.missing] == [codes[-1]]
    # The round's start and its ticks come from the services' clock, as everything recorded
    # does, never the machine's: on a test clock they sit exactly on it, on any real date.
    assert rec.started_at == started and rec.recorded_at == started + timedelta(seconds=30)
    assert [i.covered_at for i in rec.items if i.covered] == \
        [started] + [started + timedelta(seconds=30)] * (len(codes) - 2)
    assert rec.signature_png and rec.signature_png.startswith(b"\x89PNG")
    qtbot.waitUntil(lambda: "变电站" in page.message.toPlainText(), timeout=10000)
    qtbot.waitUntil(lambda: page.history.rowCount() == 1, timeout=10000)
    stored = demo.disclosure.record(consultant, rec.id)
    assert stored.hash == rec.hash and stored.signature_png == rec.signature_png

    out = tmp_path / "form.pdf"
    page.print_form_to(out)
    qtbot.waitUntil(out.exists, timeout=15000)
    qtbot.waitUntil(lambda: getattr(page, "printed_path", None) == out, timeout=15000)
    if shutil.which("pdftotext"):
        text = "".join(subprocess.run(["pdftotext", "-raw", str(out), "-"],
                                      capture_output=True, text=True, check=True).stdout.split())
        for item in rec.items:
            assert "".join(item.item.title.split()) in text
        assert rec.hash[:32] in text

    # The deposit gate: the untold item is listed, the save is refused.
    qtbot.mouseClick(page.subscribe_button, Qt.MouseButton.LeftButton)
    dialog = page.subscription_dialog
    qtbot.waitUntil(lambda: dialog.gate is not None, timeout=10000)
    assert "尚未进行交定前告知" in dialog.gate_label.text()  # a reception round, not pre-deposit
    assert dialog.override.isVisible() is False or dialog.override.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=10000)
    assert "不能认购" in dialog.error.text()
    assert demo.subscriptions.list(consultant, rec.customer.id) == []
    dialog.reject()


def test_round_without_signature_or_paper_form_shows_the_rule(qtbot, ctx: UiContext,  # type: ignore[no-untyped-def]
                                                              demo: Services,
                                                              consultant: Actor) -> None:
    demo.customers.register(consultant, phone="13700004444", name="未签名", consent=True)
    page = DisclosurePage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.unit_box.count() > 100, timeout=10000)
    page.phone.setText("13700004444")
    page.find_customer()
    qtbot.waitUntil(lambda: page.customer is not None, timeout=10000)
    unit = next(u for u in demo.projects.units(consultant) if u.number == "1-301")
    page.select_unit(unit.id)
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=10000)
    page.set_ticked("sunshine", True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.isVisibleTo(page), timeout=10000)
    assert "签名" in page.error.text()
    assert page.saved is None


def test_audit_page_tabs_verify_and_export(qtbot, demo: Services, supervisor: Actor,  # type: ignore[no-untyped-def]
                                           tmp_path: Path) -> None:
    ctx = UiContext(demo, TaskRunner(), AppEvents(), actor=supervisor)
    page = page_spec("audit").factory(ctx)
    assert isinstance(page, AuditPage)
    qtbot.addWidget(page)
    extra = QLabel("来访统计")
    index = page.add_tab(extra, "来访")
    assert page.tabs.widget(index) is extra
    today = demo.db.now().date()
    page.set_period(today - timedelta(days=30), today)
    page.resize(1280, 800)
    page.show()
    qtbot.waitUntil(lambda: page.audit is not None and page.audit.date_to == today,
                    timeout=15000)
    assert page.consultants.rowCount() >= 8
    qtbot.waitUntil(lambda: page.pre_opening_loaded, timeout=15000)
    assert page.pre_opening.rowCount() > 0
    assert page.mismatches.rowCount() >= 2
    assert page.subscriptions.rowCount() == 1
    assert page.escalations.rowCount() >= 1

    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hasattr(page, "last_verify"), timeout=15000)
    assert page.last_verify.ok
    assert any("disclosure_ledger" in page.findings.item(i).text()
               for i in range(page.findings.count()))

    out = tmp_path / "audit.csv"
    page.export_to(out, "csv")
    qtbot.waitUntil(lambda: out in page.exported, timeout=15000)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    pdf = tmp_path / "audit.pdf"
    page.export_to(pdf, "pdf")
    qtbot.waitUntil(lambda: pdf in page.exported, timeout=20000)
    assert pdf.stat().st_size > 5000


def test_follow_up_call_with_low_score_opens_an_escalation(qtbot, demo: Services,  # type: ignore[no-untyped-def]
                                                           supervisor: Actor) -> None:
    from salesdesk.ui.disclosure.follow_up_dialog import FollowUpDialog

    # Customer service takes the developer's follow-up answers (issue 15 §2).
    ctx = UiContext(demo, TaskRunner(), AppEvents(), actor=staff_actor(demo, "K001"))
    before = len(demo.follow_up.open_escalations(supervisor))
    dialog = FollowUpDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.phone, "13957110231")  # a demo customer (王建国)
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.customer is not None, timeout=10000)
    dialog.sunshine.setChecked(True)
    dialog.score.setValue(2)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_info is not None, timeout=10000)
    assert dialog.result_info is not None and dialog.result_info.escalation_id
    assert len(demo.follow_up.open_escalations(supervisor)) == before + 1
