"""The signing page with real widgets and a real database: interview → checklist → print."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton

from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.services.hooks import SigningBooking
from salesdesk.ui.signing.page import SigningPage
from tests.integration.test_signing_materials import EXPECTED, ListSchedule, squash, unit_id
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui

SHOTS = os.environ.get("SALESDESK_SHOTS")  # a folder: save screenshots there


@pytest.fixture
def page(qtbot: Any, demo: Services, consultant: Actor) -> Iterator[SigningPage]:
    ctx = make_ctx(demo, consultant)
    runner = ctx.runner
    p = SigningPage(ctx)
    qtbot.addWidget(p)
    p.resize(1280, 820)
    p.show()
    qtbot.waitUntil(lambda: p.form.unit.count() > 1, timeout=10000)
    yield p
    runner.wait()


def choose(box: Any, value: str) -> None:
    box.setCurrentIndex(box.findData(value))


def find_customer(qtbot: Any, page: SigningPage, phone: str) -> None:
    page.phone.setText(phone)
    qtbot.keyClick(page.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.customer is not None, timeout=10000)


def test_interview_checklist_tick_and_print_to_file(qtbot: Any, page: SigningPage,
                                                    demo: Services, consultant: Actor,
                                                    supervisor: Actor, tmp_path: Path) -> None:
    buyer = demo.customers.register(consultant, phone="13812340001", name="梁嘉欣",
                                    consent=True, owner_staff_id=consultant.staff_id)
    unit_id(demo, consultant, "1-1203", subscriber=buyer.id)  # rule 13: she subscribed it
    find_customer(qtbot, page, "138 1234 0001")
    assert "梁嘉欣" in page.customer_label.text() and "138****0001" in page.customer_label.text()
    assert page.current is None and not page.print_button.isEnabled()

    # A contradiction is refused with a clear message, and nothing is saved.
    f = page.form
    choose(f.marital, "single")
    f.spouse.setChecked(True)
    qtbot.mouseClick(f.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: f.error.isVisible(), timeout=10000)
    assert "配偶" in f.error.text()
    assert demo.signing.for_customer(consultant, page.customer.customer_id).checklists == ()

    # Married Hong Kong resident with a combined loan, unit 1-1203.
    choose(f.region, "hong_kong")
    assert f.household.currentData() == "non_local"
    choose(f.marital, "married")
    choose(f.payment, "combined")
    # The unit typed as a consultant would, with a slip first: refused, nothing saved.
    qtbot.keyClicks(f.unit.edit, "1-12O3")
    qtbot.mouseClick(f.save, Qt.MouseButton.LeftButton)
    assert f.unit.error.isVisible() and "1-12O3" in f.unit.error.text()
    page.ctx.runner.wait()
    assert demo.signing.for_customer(consultant, page.customer.customer_id).checklists == ()
    f.unit.edit.clear()
    qtbot.keyClicks(f.unit.edit, "1-1203")
    qtbot.mouseClick(f.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.current is not None, timeout=10000)
    assert not f.error.isVisible()
    view = page.current
    assert {i.name for i in view.items} == EXPECTED["married_hk_combined"]
    assert page.tree.topLevelItemCount() == 3  # 认购 / 签约 / 按揭
    assert f"{len(view.items)}" in page.missing_label.text()
    if SHOTS:
        page.grab().save(str(Path(SHOTS) / "signing-checklist.png"))

    # Tick the first material in the tree: recorded, and gone from the missing-only view.
    first = page.tree.topLevelItem(0).child(0)
    name = first.text(0)
    first.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: page.current is not None and len(page.current.missing)
                    == len(view.items) - 1, timeout=10000)
    got = next(i for i in page.current.items if i.name == name)
    assert got.received and got.received_by == consultant.name
    page.only_missing.setChecked(True)
    shown = [page.tree.topLevelItem(g).child(c).text(0)
             for g in range(page.tree.topLevelItemCount())
             for c in range(page.tree.topLevelItem(g).childCount())]
    assert name not in shown and len(shown) == len(view.items) - 1

    # A note for the customer is saved and printed.
    page.notes.setText("请配偶一同到场")
    page.notes.editingFinished.emit()
    qtbot.waitUntil(lambda: page.current is not None and page.current.notes == "请配偶一同到场",
                    timeout=10000)

    # Print → the dialog's "print to file" gets exactly the generated PDF.
    out = tmp_path / "printed.pdf"

    def fake_dialog(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    # A cancelled print dialog makes no PDF and logs no export.
    exports = len(demo.audit.exports(supervisor))
    page.output.exec_print_dialog = lambda printer: False  # type: ignore[method-assign]
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert not page.output.busy and page.last_pdf is None and not page.status.isVisible()
    assert len(demo.audit.exports(supervisor)) == exports

    page.output.exec_print_dialog = fake_dialog  # type: ignore[method-assign]
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.isVisible(), timeout=15000)
    assert str(out) in page.status.text()
    body = squash("".join(p.extract_text() for p in PdfReader(out).pages))
    assert all(squash(n) in body for n in EXPECTED["married_hk_combined"])
    assert squash("梁嘉欣") in body and squash("请配偶一同到场") in body
    logged = demo.audit.exports(supervisor)
    assert len(logged) == exports + 1 and logged[0].entity == "signing_checklist"

    # "Save as PDF…" on the button's arrow: a cancelled file dialog writes nothing...
    choose(page.doc_kind, "flow")
    page.status.setVisible(False)
    page.output.ask_save_path = lambda suggested: None  # type: ignore[method-assign]
    page.print_button.property("saveAction").trigger()
    assert not page.output.busy and not page.status.isVisible()
    assert len(demo.audit.exports(supervisor)) == exports + 1
    # ...and a chosen file gets the flow sheet, logged like the printed one.
    suggested: list[str] = []

    def save_here(name: str) -> Path | None:
        suggested.append(name)
        return tmp_path / "flow.pdf"

    page.output.ask_save_path = save_here  # type: ignore[method-assign,assignment]
    page.print_button.property("saveAction").trigger()
    qtbot.waitUntil(lambda: (tmp_path / "flow.pdf").exists() and "flow.pdf" in
                    page.status.text(), timeout=15000)
    assert "签约流程单" in "".join(p.extract_text() for p in PdfReader(tmp_path / "flow.pdf").pages)
    assert suggested == [f"{page.doc_kind.currentText()}-梁嘉欣.pdf"]
    logged = demo.audit.exports(supervisor)
    assert len(logged) == exports + 2 and logged[0].entity == "signing_flow"


def test_interview_screenshot(qtbot: Any, page: SigningPage, demo: Services,
                              consultant: Actor) -> None:
    demo.customers.register(consultant, phone="13812340002", name="何志远", consent=True)
    find_customer(qtbot, page, "13812340002")
    choose(page.form.marital, "widowed")
    page.form.spouse.setChecked(True)
    qtbot.mouseClick(page.form.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.form.error.isVisible(), timeout=10000)
    if SHOTS:
        page.grab().save(str(Path(SHOTS) / "signing-interview.png"))
    assert page.form.error.text()


def _schedule(demo: Services, consultant: Actor, n: int) -> ListSchedule:
    schedule = ListSchedule()
    day = (demo.db.now() + timedelta(days=1)).date()
    for k in range(n):
        c = demo.customers.register(consultant, phone=f"1371234{k:04d}", name=f"客户{k}",
                                    consent=True)
        demo.signing.save_interview(consultant, c.id, {
            "household": "local", "marital": "married", "region": "mainland",
            "payment": "commercial_loan", "signing": "in_person", "age_band": "36_50",
            "homes_owned": 0, "co_owners": ["spouse"]})
        schedule.bookings.append(SigningBooking(
            f"a{k}", c.id, None, None, datetime(day.year, day.month, day.day, 1 + k % 8,
                                                tzinfo=UTC), f"{1 + k % 3} 号签约台", "booked"))
    return schedule


def test_batch_runs_in_the_background_with_progress(qtbot: Any, page: SigningPage,
                                                    demo: Services, consultant: Actor,
                                                    tmp_path: Path) -> None:
    demo.signing.schedule = _schedule(demo, consultant, 3)
    dialog = page.run_batch(tmp_path / "batch", send_to_lp=False)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: page.status.isVisible(), timeout=30000)
    assert not dialog.isVisible()
    assert len(list((tmp_path / "batch").glob("*.pdf"))) == 3
    assert "3" in page.status.text()


def test_batch_cancel(qtbot: Any, page: SigningPage, demo: Services, consultant: Actor,
                      tmp_path: Path) -> None:
    demo.signing.schedule = _schedule(demo, consultant, 8)
    dialog = page.run_batch(tmp_path / "batch", send_to_lp=False)
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    qtbot.waitUntil(lambda: page.action_error.isVisible(), timeout=30000)
    assert not page.status.isVisible()
    assert len(list((tmp_path / "batch").glob("*.pdf"))) < 8
    assert str(tmp_path / "batch") in page.action_error.text()


def test_recent_checklists_reopen_a_customer(qtbot: Any, page: SigningPage) -> None:
    # The demo has checklists already: the list offers them, and choosing one opens it.
    qtbot.waitUntil(lambda: page.recent.count() > 1, timeout=10000)
    label = page.recent.itemText(1)
    _customer_id, checklist_id = page.recent.itemData(1)
    page.recent.activated.emit(1)
    qtbot.waitUntil(lambda: page.current is not None and page.current.id == checklist_id,
                    timeout=10000)
    assert page.current.customer_name in label
    assert page.print_button.isVisible()


def test_an_open_escalation_shows_on_the_checklist_until_resolved(
        qtbot: Any, page: SigningPage, demo: Services, consultant: Actor) -> None:
    """Issue 15 §2: a low follow-up score still open is shown on the signing checklist."""
    from tests.conftest import staff_actor
    from tests.integration.test_signing_materials import SINGLE_NON_LOCAL_FULL

    buyer = demo.customers.register(consultant, phone="13812340077", name="罗志强",
                                    consent=True, owner_staff_id=consultant.staff_id)
    u = unit_id(demo, consultant, "1-1203", subscriber=buyer.id)
    demo.signing.save_interview(consultant, buyer.id, SINGLE_NON_LOCAL_FULL, u)
    find_customer(qtbot, page, "13812340077")
    qtbot.waitUntil(lambda: page.current is not None, timeout=10000)
    assert not page.escalation_label.isVisible()

    esc = demo.follow_up.record_call(
        staff_actor(demo, "K001"), customer_id=buyer.id, told_factors=True, told_sunshine=True,
        told_certificates=True, told_contract=True, score=3).escalation_id
    page.customer = None
    find_customer(qtbot, page, "13812340077")
    qtbot.waitUntil(lambda: page.escalation_label.isVisible(), timeout=10000)
    assert "签约前" in page.escalation_label.text()
    assert "置业顾问" in page.escalation_label.text()

    demo.follow_up.record_outcome(consultant, esc, "已向客户解释，客户满意", resolved=True)
    page.customer = None
    find_customer(qtbot, page, "13812340077")
    qtbot.waitUntil(lambda: page.current is not None and not page.escalation_label.isVisible(),
                    timeout=10000)
