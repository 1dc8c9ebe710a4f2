"""Rounds, the deposit gate, subscriptions, follow-up escalation and the audit, on a real SQLite
file: a small project from the test kit, and a copy of the demo database for the demo's audit."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from salesdesk.demo.disclosure import signature_png
from salesdesk.domain.disclosure import EscalationLevel, RoundKind
from salesdesk.domain.errors import Conflict, PermissionDenied, ValidationError
from salesdesk.domain.roles import Actor, Role
from salesdesk.services.container import Services
from tests.conftest import staff_actor
from tests.factories import Kit

PNG = signature_png(1)


def counts(services: Services) -> tuple[int, ...]:
    conn = sqlite3.connect(services.db.path)
    try:
        return tuple(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in (
            "disclosure_record", "disclosure_signature", "subscription", "outbox"))
    finally:
        conn.close()


@pytest.fixture
def consultant(kit: Kit) -> Actor:
    return kit.staff_cached(Role.CONSULTANT)


@pytest.fixture
def senior(kit: Kit) -> Actor:
    return kit.staff(Role.SENIOR_CONSULTANT, senior=True)


@pytest.fixture
def supervisor(kit: Kit) -> Actor:
    return kit.staff_cached(Role.SUPERVISOR)


@pytest.fixture
def walk_in(services: Services, consultant: Actor):  # type: ignore[no-untyped-def]
    return services.customers.register(consultant, phone="13700001111", name="测试客户",
                                       salutation="测先生", consent=True)


@pytest.fixture
def building_two(kit: Kit) -> None:
    """Building 2 as the demo has it: 2-201 and 2-202 face the garage ramp (F06) and the
    spacing to building 1 (F09), on top of the kit's two project-wide factors."""
    kit.building("2")
    kit.unit("2-201", building="2")
    kit.unit("2-202", building="2")
    kit.factor("F06", "2 号楼北侧地库出入口坡道", buildings=("2",), category="garage_ramp")
    kit.factor("F09", "1、2 号楼楼间距", buildings=("2",), category="spacing")


def unit_id(services: Services, actor: Actor, number: str) -> str:
    return next(u.id for u in services.projects.units(actor) if u.number == number)


def tick_all(services: Services, actor: Actor, customer_id: str, unit: str,
             skip: tuple[str, ...] = ()) -> dict:  # type: ignore[type-arg]
    cl = services.disclosure.checklist(actor, customer_id, unit)
    now = services.db.now()
    return {i.code: now for i in cl.items if i.code not in skip}


def test_round_records_every_item_and_leaves_skipped_ones_uncovered(
        services: Services, consultant: Actor, walk_in,
        building_two: None) -> None:  # type: ignore[no-untyped-def]
    u = unit_id(services, consultant, "2-201")
    ticks = tick_all(services, consultant, walk_in.id, u, skip=("factor:F06", "factor:F09"))
    rec = services.disclosure.record_round(consultant, customer_id=walk_in.id, unit_id=u,
                                       kind=RoundKind.RECEPTION, ticks=ticks,
                                       signature_png=PNG)
    assert len(rec.items) == 11
    assert [i.code for i in rec.missing] == ["factor:F06", "factor:F09"]
    assert rec.signature_png == PNG and len(rec.hash) == 64
    assert rec.consultant_name == consultant.name
    again = services.disclosure.record(consultant, rec.id)
    assert again.hash == rec.hash and not again.complete


def test_round_without_acknowledgement_changes_nothing(services: Services, consultant: Actor,
                                                       walk_in, building_two: None) -> None:  # type: ignore[no-untyped-def]
    u = unit_id(services, consultant, "2-201")
    before = counts(services)
    with pytest.raises(ValidationError) as err:
        services.disclosure.record_round(consultant, customer_id=walk_in.id, unit_id=u,
                                     kind=RoundKind.RECEPTION,
                                     ticks=tick_all(services, consultant, walk_in.id, u))
    assert err.value.field == "signature"
    with pytest.raises(ValidationError):
        services.disclosure.record_round(consultant, customer_id=walk_in.id, unit_id=u,
                                     kind=RoundKind.RECEPTION, ticks={"factor:NOPE": services.db.now()},
                                     paper_form=True)
    assert counts(services) == before


def test_gate_refuses_with_the_missing_items_then_supervisor_override_is_a_ledger_record(
        services: Services, consultant: Actor, supervisor: Actor,
        walk_in, building_two: None) -> None:  # type: ignore[no-untyped-def]
    u = unit_id(services, consultant, "2-202")
    with pytest.raises(Conflict) as err:
        services.subscriptions.subscribe(consultant, customer_id=walk_in.id, unit_id=u,
                                     price=2_800_000, deposit=50_000)
    assert "尚未进行交定前告知" in err.value.message
    services.disclosure.record_round(
        consultant, customer_id=walk_in.id, unit_id=u, kind=RoundKind.PRE_DEPOSIT,
        ticks=tick_all(services, consultant, walk_in.id, u, skip=("factor:F06",)), paper_form=True)
    before = counts(services)
    with pytest.raises(Conflict) as err:
        services.subscriptions.subscribe(consultant, customer_id=walk_in.id, unit_id=u,
                                     price=2_800_000, deposit=50_000)
    assert "缺少以下 1 项" in err.value.message and "地库出入口坡道" in err.value.message
    assert counts(services) == before
    with pytest.raises(PermissionDenied):  # a consultant cannot let themselves through
        services.subscriptions.subscribe(consultant, customer_id=walk_in.id, unit_id=u,
                                     price=2_800_000, deposit=50_000, override_by=consultant,
                                     override_reason="我自己放行")
    with pytest.raises(ValidationError):
        services.subscriptions.subscribe(consultant, customer_id=walk_in.id, unit_id=u,
                                     price=2_800_000, deposit=50_000, override_by=supervisor)
    assert counts(services) == before
    sub = services.subscriptions.subscribe(consultant, customer_id=walk_in.id, unit_id=u,
                                       price=2_800_000, deposit=50_000, override_by=supervisor,
                                       override_reason="客户赶飞机，明日补充告知")
    assert not sub.disclosure_complete and sub.override_record_id
    override = services.disclosure.record(supervisor, sub.override_record_id)
    assert override.recorded_by_name == supervisor.name
    assert [i.code for i in override.missing] == ["factor:F06"]
    today = services.db.now().date()
    rows = services.disclosure_audit.consultants(supervisor, today - timedelta(days=1), today)
    mine = next(r for r in rows if r.staff_id == consultant.staff_id)
    assert mine.overrides >= 1 and mine.subscriptions_incomplete >= 1


def test_complete_pre_deposit_round_opens_the_gate_and_one_active_subscription_per_unit(
        services: Services, consultant: Actor, senior: Actor,
        walk_in) -> None:  # type: ignore[no-untyped-def]
    u = unit_id(services, consultant, "1-201")
    services.disclosure.record_round(consultant, customer_id=walk_in.id, unit_id=u,
                                 kind=RoundKind.PRE_DEPOSIT,
                                 ticks=tick_all(services, consultant, walk_in.id, u), paper_form=True)
    assert services.subscriptions.gate(consultant, walk_in.id, u).open
    sub = services.subscriptions.subscribe(consultant, customer_id=walk_in.id, unit_id=u,
                                       price=3_000_000, deposit=50_000)
    assert sub.disclosure_complete
    other = services.customers.register(senior, phone="13700002222", name="另一位", consent=True)
    services.disclosure.record_round(senior, customer_id=other.id, unit_id=u,
                                 kind=RoundKind.PRE_DEPOSIT,
                                 ticks=tick_all(services, senior, other.id, u), paper_form=True)
    with pytest.raises(Conflict) as err:
        services.subscriptions.subscribe(senior, customer_id=other.id, unit_id=u,
                                     price=3_000_000, deposit=50_000)
    assert "已有有效认购" in err.value.message
    services.subscriptions.cancel(consultant, sub.id, "客户退订")
    assert services.subscriptions.subscribe(senior, customer_id=other.id, unit_id=u,
                                        price=3_000_000, deposit=50_000).status == "active"


def test_unit_outside_the_presale_permit_is_never_sold(
        kit: Kit, services: Services, consultant: Actor, supervisor: Actor,
        walk_in) -> None:  # type: ignore[no-untyped-def]
    kit.building("3", presale=False)  # as the demo's building 3: not yet under the permit
    kit.unit("3-101", floor=1, building="3")
    u = unit_id(services, consultant, "3-101")
    view = services.disclosure.checklist(consultant, walk_in.id, u)
    assert not view.sellable
    services.disclosure.record_round(consultant, customer_id=walk_in.id, unit_id=u,
                                 kind=RoundKind.PRE_DEPOSIT,
                                 ticks=tick_all(services, consultant, walk_in.id, u), paper_form=True)
    with pytest.raises(Conflict) as err:
        services.subscriptions.subscribe(consultant, customer_id=walk_in.id, unit_id=u,
                                     price=2_000_000, deposit=20_000, override_by=supervisor,
                                     override_reason="试图放行不可售房源")
    assert "预售许可" in err.value.message


def test_correction_supersedes_and_the_gate_reads_the_corrected_round(
        services: Services, consultant: Actor, walk_in) -> None:  # type: ignore[no-untyped-def]
    u = unit_id(services, consultant, "1-202")
    wrong = services.disclosure.record_round(
        consultant, customer_id=walk_in.id, unit_id=u, kind=RoundKind.PRE_DEPOSIT,
        ticks=tick_all(services, consultant, walk_in.id, u, skip=("contract",)), paper_form=True)
    assert not services.subscriptions.gate(consultant, walk_in.id, u).open
    with pytest.raises(ValidationError):
        services.disclosure.record_round(consultant, customer_id=walk_in.id, unit_id=u,
                                     kind=RoundKind.PRE_DEPOSIT,
                                     ticks=tick_all(services, consultant, walk_in.id, u),
                                     paper_form=True, supersedes_id=wrong.id)
    fixed = services.disclosure.record_round(
        consultant, customer_id=walk_in.id, unit_id=u, kind=RoundKind.PRE_DEPOSIT,
        ticks=tick_all(services, consultant, walk_in.id, u), paper_form=True,
        supersedes_id=wrong.id, reason="漏勾合同范本，客户确认已阅读")
    assert services.subscriptions.gate(consultant, walk_in.id, u).open
    view = services.disclosure.checklist(consultant, walk_in.id, u)
    old = next(r for r in view.rounds if r.id == wrong.id)
    assert old.superseded and services.disclosure.record(consultant, wrong.id).missing
    assert next(r for r in view.rounds if r.id == fixed.id).supersedes_id == wrong.id


def test_low_score_escalates_until_an_outcome_is_recorded(
        kit: Kit, services: Services, supervisor: Actor, senior: Actor,
        walk_in) -> None:  # type: ignore[no-untyped-def]
    # Issue 15 §2: customer service records the answers; each level's own role moves it on.
    service = kit.staff(Role.CUSTOMER_SERVICE, name="何雅琴")
    call = services.follow_up.record_call(service, customer_id=walk_in.id, told_factors=True,
                                      told_sunshine=True, told_certificates=True,
                                      told_contract=True, score=3)
    assert call.escalation_id
    ok = services.follow_up.record_call(service, customer_id=walk_in.id, told_factors=True,
                                    told_sunshine=True, told_certificates=True,
                                    told_contract=True, score=4)
    assert ok.escalation_id == ""
    with pytest.raises(ValidationError):
        services.follow_up.record_call(service, customer_id=walk_in.id, told_factors=True,
                                   told_sunshine=True, told_certificates=True,
                                   told_contract=True, score=6)
    task = next(t for t in services.follow_up.open_escalations(supervisor)
                if t.id == call.escalation_id)
    assert task.level is EscalationLevel.CONSULTANT
    owners = {EscalationLevel.CONSULTANT: senior,
              EscalationLevel.SALES_MANAGER: supervisor,
              EscalationLevel.SALES_DIRECTOR: kit.staff(Role.SALES_DIRECTOR)}
    for level in (EscalationLevel.SALES_MANAGER, EscalationLevel.SALES_DIRECTOR,
                  EscalationLevel.CUSTOMER_SERVICE):
        task = services.follow_up.record_outcome(owners[task.level], task.id, "客户仍不满意",
                                             resolved=False)
        assert task.level is level and task.status == "open"
    with pytest.raises(Conflict):
        services.follow_up.record_outcome(service, task.id, "再升级", resolved=False)
    done = services.follow_up.record_outcome(service, task.id, "客服中心安排补偿，客户接受",
                                         resolved=True)
    assert done.status == "closed"
    assert all(t.id != task.id for t in services.follow_up.open_escalations(supervisor))


def test_audit_finds_mismatches_both_ways(kit: Kit, services: Services, consultant: Actor,
                                         supervisor: Actor,
                                         walk_in) -> None:  # type: ignore[no-untyped-def]
    u = unit_id(services, consultant, "1-201")
    services.disclosure.record_round(
        consultant, customer_id=walk_in.id, unit_id=u, kind=RoundKind.RECEPTION,
        ticks=tick_all(services, consultant, walk_in.id, u, skip=("contract",)), paper_form=True)
    service = kit.staff(Role.CUSTOMER_SERVICE, name="何雅琴")
    services.follow_up.record_call(service, customer_id=walk_in.id, unit_id=u,
                               told_factors=False, told_sunshine=True, told_certificates=True,
                               told_contract=True, score=4)
    today = services.db.now().date()
    found = [m for m in services.disclosure_audit.mismatches(supervisor, today, today)
             if m.customer_id == walk_in.id]
    assert {(m.topic, m.ledger_told, m.customer_says_told) for m in found} == {
        ("不利因素", True, False), ("合同范本", False, True)}
    assert all(m.consultant_id == consultant.staff_id for m in found)
    assert {m.recorded_by for m in found} == {"何雅琴（客服专员）"}
    with pytest.raises(PermissionDenied):
        services.disclosure_audit.mismatches(consultant, today, today)


def test_demo_audit_shows_override_mismatch_and_open_escalation(demo: Services) -> None:
    supervisor = staff_actor(demo, "S001")
    today = demo.db.now().date()
    a = demo.disclosure_audit.report(supervisor, today - timedelta(days=30), today)
    assert len(a.incomplete_subscriptions) == 1
    assert any(m.ledger_told and not m.customer_says_told for m in a.mismatches)
    assert any(not m.ledger_told and m.customer_says_told for m in a.mismatches)
    assert a.open_escalations
    assert any(not p.all_told for p in a.pre_opening)
    assert sum(c.rounds for c in a.consultants) >= 25


def has(tool: str) -> bool:
    return shutil.which(tool) is not None


@pytest.mark.skipif(not has("pdftotext"), reason="poppler-utils not installed")
def test_feedback_form_lists_every_item_with_hash(services: Services, consultant: Actor,
                                                  walk_in, building_two: None,
                                                  tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    u = unit_id(services, consultant, "2-201")
    rec = services.disclosure.record_round(
        consultant, customer_id=walk_in.id, unit_id=u, kind=RoundKind.PRE_DEPOSIT,
        ticks=tick_all(services, consultant, walk_in.id, u, skip=("factor:F09",)),
        signature_png=PNG)
    out = services.disclosure.print_feedback_form(consultant, rec.id, tmp_path / "form.pdf")
    text = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = "".join(text.split())
    for item in rec.items:
        assert "".join(item.item.title.split()) in flat, item.item.title
    assert "现场反馈单" in text and "否（未告知）" in flat
    assert rec.hash[:32] in flat and rec.hash[32:] in flat
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "WenQuanYi" in fonts and " yes " in fonts


@pytest.mark.skipif(not has("pdftotext"), reason="poppler-utils not installed")
def test_audit_exports_pdf_and_csv_with_bom(demo: Services, tmp_path: Path) -> None:
    supervisor = staff_actor(demo, "S001")
    today = demo.db.now().date()
    pdf, csv_path = tmp_path / "audit.pdf", tmp_path / "audit.csv"
    data = demo.disclosure_audit.export(supervisor, today - timedelta(days=30), today, pdf=pdf,
                                        csv_path=csv_path)
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")
    csv_text = csv_path.read_text(encoding="utf-8-sig")
    text = "".join(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())
    for c in data.consultants:
        assert c.name in csv_text and c.name in text
    for p in data.pre_opening:
        assert p.unit_number in text
    assert "告知审计报告" in text and "开盘前诚意客户" in text


def test_courtesy_message_names_documents_and_the_units_factors(
        kit: Kit, services: Services, consultant: Actor, walk_in,
        building_two: None) -> None:  # type: ignore[no-untyped-def]
    kit.factor("F01", "东侧 110kV 变电站", buildings=("2",), category="substation")
    kit.factor("F05", "西侧 220kV 高压走廊", buildings=("1",), category="high_voltage")
    u = unit_id(services, consultant, "2-201")
    text = services.disclosure.courtesy_message(consultant, walk_in.id, u)
    assert "阳光宣言" in text and "预售许可证" in text and "合同" in text
    assert "变电站" in text and "地库出入口坡道" in text
    assert "高压走廊" not in text  # building 1's only
    assert "13700001111" not in text


def test_report_date_range_is_checked(services: Services, supervisor: Actor) -> None:
    with pytest.raises(ValidationError):
        services.disclosure_audit.report(supervisor, date(2026, 11, 30), date(2026, 11, 1))


def test_report_command_writes_pdf_and_csv(demo: Services, data_dir: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from salesdesk import cli

    today = demo.db.now().date()
    pdf, csv_path = tmp_path / "r.pdf", tmp_path / "r.csv"
    monkeypatch.setenv("SALESDESK_PIN", "8001")  # S001's demo PIN
    code = cli.main(["--data-dir", str(data_dir), "report", "disclosure", "--staff", "S001",
                     "--from", (today - timedelta(days=30)).isoformat(),
                     "--to", today.isoformat(), "--pdf", str(pdf), "--csv", str(csv_path)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert pdf.read_bytes().startswith(b"%PDF")
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "未完整告知的认购 1" in out
    bad = cli.main(["--data-dir", str(data_dir), "report", "disclosure", "--staff", "S001", "--from",
                    today.isoformat(), "--to", (today - timedelta(days=1)).isoformat(),
                    "--csv", str(csv_path)])
    assert bad == 2
