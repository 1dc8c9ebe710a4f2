"""The paper feedback form (现场反馈单): a blank draft printed before the round is saved, and
the signed paper recorded as collected after it, on a real SQLite file."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from salesdesk.demo.disclosure import signature_png
from salesdesk.domain.errors import Conflict, NotFound, PermissionDenied
from salesdesk.domain.project import AdverseFactorSpec, FactorSide
from salesdesk.domain.roles import Actor, Role
from salesdesk.services.container import Services
from tests.factories import BUILDING, Kit
from tests.pdfcheck import assert_cjk_embedded, compact, pdf_text

PHONE = "13712345678"
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils not installed")


@pytest.fixture
def consultant(kit: Kit) -> Actor:
    return kit.staff_cached(Role.CONSULTANT)


@pytest.fixture
def customer(services: Services, consultant: Actor) -> str:
    return services.customers.register(consultant, phone=PHONE, name="王建国",
                                       salutation="王先生", consent=True).id


def many_factors(kit: Kit, n: int) -> None:
    """Enough adverse factors for the form to run onto a second page (one import)."""
    specs = tuple(AdverseFactorSpec(
        code=f"FX{k:02d}", side=FactorSide.OUTSIDE, category="other",
        title=f"红线外不利因素第{k}项", description="距离、方位与影响详见沙盘及公示文件。" * 3,
        direction="", distance_m=None, project_wide=False, buildings=(BUILDING,), units=(),
        contract_annex=False) for k in range(n))
    kit.config = replace(kit.config, adverse_factors=(*kit.config.adverse_factors, *specs))
    kit.services.importer.import_config(None, kit.config)


def audit_actions(services: Services) -> list[tuple[str, str]]:
    conn = sqlite3.connect(services.db.path)
    try:
        return [(a, r) for a, r in conn.execute("SELECT action, row_id FROM audit_log")]
    finally:
        conn.close()


def ledger_rows(services: Services) -> list[tuple[str, int, str]]:
    conn = sqlite3.connect(services.db.path)
    try:
        return list(conn.execute("SELECT id, paper_form, hash FROM disclosure_record"))
    finally:
        conn.close()


def test_blank_draft_has_empty_boxes_the_customer_and_unit_on_every_page_and_sign_lines(
        kit: Kit, services: Services, consultant: Actor, customer: str,
        tmp_path: Path) -> None:
    many_factors(kit, 24)
    unit = kit.unit_id("1-202")
    view = services.disclosure.checklist(consultant, customer, unit)
    before = ledger_rows(services)
    out = services.disclosure.print_blank_form(consultant, customer, unit,
                                               tmp_path / "draft.pdf")
    pages = [p for p in pdf_text(out).split("\f") if p.strip()]
    assert len(pages) >= 2, "the test needs a form that runs onto a second page"
    for page in pages:
        flat = compact(page)
        assert "王先生（137****5678）" in flat and "1-202" in flat and "草稿" in flat
    whole = compact(pdf_text(out))
    for item in view.items:
        assert compact(item.title) in whole, item.title
    # Blank: no tick, no time, no "told"/"not told" answer, no record hash.
    for mark in ("是", "否（未告知）", "✓", "√", "记录哈希（SHA-256）"):
        assert mark not in whole, mark
    assert "客户签字：" in whole and "日期：" in whole and "＿＿＿＿年＿＿月＿＿日" in whole
    # Only the salutation and the masked phone leave the desk.
    assert PHONE not in whole and "王建国" not in whole
    assert_cjk_embedded(out)
    assert ledger_rows(services) == before  # a draft records no round
    assert ("export", customer) in audit_actions(services)
    # One page as a person sees it (build/ is kept for a look after the run).
    png = shutil.which("pdftoppm")
    if png:
        Path("build").mkdir(exist_ok=True)
        subprocess.run([png, "-png", "-r", "70", "-f", "1", "-l", "1", str(out),
                        "build/feedback_form_draft"], check=True)


def test_blank_draft_needs_the_print_permission(kit: Kit, services: Services, customer: str,
                                                tmp_path: Path) -> None:
    reception = kit.staff_cached(Role.RECEPTION)
    with pytest.raises(PermissionDenied):
        services.disclosure.print_blank_form(reception, customer, kit.unit_id("1-201"),
                                             tmp_path / "draft.pdf")
    assert not (tmp_path / "draft.pdf").exists()


def test_paper_collected_after_the_save_is_an_audit_event_shown_in_the_history(
        kit: Kit, services: Services, consultant: Actor, customer: str) -> None:
    unit = kit.unit_id("1-201")
    rec = kit.disclosure_round(consultant, customer, unit, signature_png=signature_png(1))
    assert not rec.paper_form
    row_before = ledger_rows(services)
    summary = services.disclosure.record_paper_collected(consultant, rec.id)
    assert summary.id == rec.id and summary.paper_collected
    history = services.disclosure.checklist(consultant, customer, unit).rounds
    assert [s.paper_collected for s in history] == [True]
    # The hashed ledger row is untouched; the collection sits beside it.
    assert ledger_rows(services) == row_before
    assert ("disclosure.paper_collected", rec.id) in audit_actions(services)
    # Twice is refused and adds nothing.
    events = audit_actions(services)
    with pytest.raises(Conflict):
        services.disclosure.record_paper_collected(consultant, rec.id)
    assert audit_actions(services) == events


def test_paper_collected_is_refused_without_permission_or_before_a_round_exists(
        kit: Kit, services: Services, consultant: Actor, customer: str) -> None:
    unit = kit.unit_id("1-201")
    events = audit_actions(services)
    with pytest.raises(NotFound):
        services.disclosure.record_paper_collected(consultant, "no-such-round")
    assert audit_actions(services) == events
    rec = kit.disclosure_round(consultant, customer, unit, signature_png=signature_png(1))
    reception = kit.staff_cached(Role.RECEPTION)
    events = audit_actions(services)
    with pytest.raises(PermissionDenied):
        services.disclosure.record_paper_collected(reception, rec.id)
    assert audit_actions(services) == events
    assert not services.disclosure.checklist(consultant, customer, unit).rounds[0].paper_collected


def test_a_round_saved_with_the_paper_form_shows_collected_and_refuses_a_second_record(
        kit: Kit, services: Services, consultant: Actor, customer: str) -> None:
    unit = kit.unit_id("1-201")
    rec = kit.disclosure_round(consultant, customer, unit)  # on the paper form
    assert services.disclosure.checklist(consultant, customer, unit).rounds[0].paper_collected
    events = audit_actions(services)
    with pytest.raises(Conflict):
        services.disclosure.record_paper_collected(consultant, rec.id)
    assert audit_actions(services) == events
