"""Every document the services print, read back per page: "第 N 页 / 共 M 页" on each page,
the customer and unit on each page of a customer's document, the notice's factors in their
configured order, the audit report's sign-off line, and no line starting with closing
punctuation or splitting a number."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from salesdesk.demo.disclosure import signature_png
from salesdesk.domain.disclosure import RoundKind
from salesdesk.domain.roles import Actor
from salesdesk.pdf.layout import page_label
from salesdesk.pdf.linebreak import NO_START, UNBREAKABLE
from salesdesk.services.container import Services
from tests.integration.test_signing_materials import ListSchedule, booking
from tests.integration.test_signing_materials import unit_id as signing_unit
from tests.pdfcheck import compact, pdf_text

MARRIED_HK_COMBINED = {"household": "non_local", "marital": "married", "region": "hong_kong",
                       "payment": "combined", "signing": "in_person", "age_band": "36_50",
                       "homes_owned": 0, "co_owners": ["spouse"]}


def pages(path: Path) -> list[str]:
    return pdf_text(path).split("\f")[:-1]


def assert_numbered(path: Path) -> list[str]:
    found = pages(path)
    assert found
    for n, page in enumerate(found, start=1):
        assert compact(page_label(n, len(found))) in compact(page), (path.name, n)
    return found


def assert_lines_well_broken(path: Path, numbers: list[str]) -> None:
    """Read both ways: the layout text puts a table row on one line (so a wrapped cell's line
    sits mid-line there), the reading-order text gives each cell's lines on their own."""
    for layout in (True, False):
        lines = [line.strip() for line in pdf_text(path, layout=layout).splitlines()]
        for line in lines:
            # (A cell holding only "—", the mark for "none", starts its own line rightly.)
            if line and line.strip("—"):
                assert line[0] not in NO_START, (path.name, line)
        text = "\n".join(lines)
        for number in numbers:
            assert number in text, (path.name, number)


def certificate_numbers(services: Services, actor: Actor) -> list[str]:
    """The project's five certificates (浙(2025)杭州市不动产权第0123456号 and the like), each
    printed in a narrow "version" column of the feedback form."""
    numbers = [c.number for c in services.projects.overview(actor).certificates]
    assert len(numbers) == 5 and any("不动产权第" in n for n in numbers)
    return numbers


def unit_id(services: Services, actor: Actor, number: str) -> str:
    return next(u.id for u in services.projects.units(actor) if u.number == number)


def subscribed_unit(services: Services, actor: Actor, number: str, customer_id: str) -> str:
    """Rule 13: signing papers only for a unit the customer holds an active subscription on."""
    return signing_unit(services, actor, number, subscriber=customer_id)


def test_notice_pages_factor_order_and_whole_certificate_numbers(
        demo: Services, reception: Actor, tmp_path: Path) -> None:
    out = demo.notice.print_notice(reception, tmp_path / "notice.pdf")
    assert_numbered(out)
    overview = demo.projects.overview(reception)
    text = compact(pdf_text(out))
    codes = sorted((f.code for f in overview.factors), key=lambda c: int(c[1:]))
    assert [f.code for f in overview.factors] != codes  # the service groups them otherwise
    at = [text.index(compact(next(f.title for f in overview.factors if f.code == c)))
          for c in codes]
    assert at == sorted(at), codes
    assert_lines_well_broken(out, [c.number for c in overview.certificates])


def test_signing_documents_name_customer_and_unit_on_every_page(
        demo: Services, consultant: Actor, tmp_path: Path) -> None:
    cid = demo.customers.register(consultant, phone="13900001234", name="欧阳娜娜",
                                  consent=True).id
    view = demo.signing.save_interview(consultant, cid, MARRIED_HK_COMBINED,
                                       subscribed_unit(demo, consultant, "1-1203", cid))
    for kind in ("checklist", "mortgage", "flow"):
        out = demo.signing.print_document(consultant, view.id, tmp_path / f"{kind}.pdf", kind)
        for page in assert_numbered(out):
            assert "欧阳娜娜" in compact(page) and "1-1203" in page, kind
        assert_lines_well_broken(out, ["1-1203", "139****1234"])


def test_feedback_form_names_customer_and_unit_on_every_page(
        demo: Services, consultant: Actor, tmp_path: Path) -> None:
    walk_in = demo.customers.register(consultant, phone="13700001111", name="测试客户",
                                      consent=True)
    u = unit_id(demo, consultant, "2-201")
    checklist = demo.disclosure.checklist(consultant, walk_in.id, u)
    now = demo.db.now()
    rec = demo.disclosure.record_round(
        consultant, customer_id=walk_in.id, unit_id=u, kind=RoundKind.PRE_DEPOSIT,
        ticks={i.code: now for i in checklist.items}, signature_png=signature_png(1))
    out = demo.disclosure.print_feedback_form(consultant, rec.id, tmp_path / "form.pdf")
    for page in assert_numbered(out):
        assert "测试客户" in compact(page) and "2-201" in page
    assert_lines_well_broken(out, ["2-201", *certificate_numbers(demo, consultant)])


def test_audit_report_has_page_count_and_supervisor_sign_off(
        demo: Services, supervisor: Actor, tmp_path: Path) -> None:
    today = demo.db.now().date()
    pdf = tmp_path / "audit.pdf"
    demo.disclosure_audit.export(supervisor, today - timedelta(days=30), today, pdf=pdf,
                                 csv_path=tmp_path / "audit.csv")
    found = assert_numbered(pdf)
    last = compact(found[-1])
    assert "审核人签字：" in last and "日期：" in last
    assert_lines_well_broken(pdf, [])


def test_satisfaction_report_has_page_count(demo: Services, supervisor: Actor,
                                            tmp_path: Path) -> None:
    out = demo.satisfaction.export_pdf(supervisor, tmp_path / "satisfaction.pdf")
    assert_numbered(out)
    report = demo.satisfaction.report(supervisor)
    overall = report.figures.overall.score100
    assert overall is not None
    assert_lines_well_broken(out, [f"{report.start}", f"{report.end}", f"{overall:.1f}",
                                   *{f"{c.score100:.1f}" for c in report.figures.by_item
                                     if c.score100 is not None}])


@pytest.mark.parametrize("number", ["浙(2025)杭州市不动产权第0123456号", "杭售许字(2026)第000123号",
                                    "地字第330110202500017号", "138****5678", "2-1502",
                                    "¥1,234,567.00", "89.5㎡", "2026-11-25"])
def test_each_kind_of_number_is_one_unbreakable_run(number: str) -> None:
    assert [m.group() for m in UNBREAKABLE.finditer(f"，{number}，")] == [number]


def test_blank_feedback_form_names_customer_and_unit_on_every_page(
        demo: Services, consultant: Actor, tmp_path: Path) -> None:
    walk_in = demo.customers.register(consultant, phone="13700002222", name="草稿客户",
                                      salutation="草先生", consent=True)
    u = unit_id(demo, consultant, "2-202")
    out = demo.disclosure.print_blank_form(consultant, walk_in.id, u, tmp_path / "draft.pdf")
    for page in assert_numbered(out):
        assert "草先生" in compact(page) and "2-202" in page and "137****2222" in page
    assert_lines_well_broken(out, ["2-202", "137****2222", *certificate_numbers(demo, consultant)])
    assert "13700002222" not in pdf_text(out)


def test_customer_export_summary_has_page_count_and_whole_numbers(
        demo: Services, consultant: Actor, tmp_path: Path) -> None:
    c = demo.customers.register(consultant, phone="13911113333", name="导出客户", consent=True)
    result = demo.customer_rights.export(consultant, c.id, tmp_path / "c.json")
    assert_numbered(result.pdf_path)
    assert_lines_well_broken(result.pdf_path, ["139****3333", "c.json"])


def test_audit_report_keeps_units_dates_and_chain_heads_whole(
        demo: Services, supervisor: Actor, tmp_path: Path) -> None:
    today = demo.db.now().date()
    pdf = tmp_path / "audit.pdf"
    data = demo.disclosure_audit.export(supervisor, today - timedelta(days=30), today, pdf=pdf)
    numbers = {r.unit_number for r in data.pre_opening} | {
        r.unit_number for r in data.mismatches} | {f"{today - timedelta(days=30)}",
                                                   f"{today}"}
    assert len(numbers) > 3
    assert_lines_well_broken(pdf, sorted(numbers))


def test_a_day_of_checklists_is_numbered_and_well_broken(
        demo: Services, consultant: Actor, tmp_path: Path) -> None:
    """The batch the signing page prints for tomorrow: each file is a checklist like any."""
    schedule = ListSchedule()
    demo.signing.schedule = schedule
    tomorrow = (demo.db.now() + timedelta(days=1)).date()
    at = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 2, 30, tzinfo=UTC)  # 10:30
    cid = demo.customers.register(consultant, phone="13900005678", name="司马相如",
                                  consent=True).id
    u = subscribed_unit(demo, consultant, "1-1203", cid)
    demo.signing.save_interview(consultant, cid, MARRIED_HK_COMBINED, u)
    schedule.bookings.append(booking(cid, u, at, 1))
    result = demo.signing.print_batch(consultant, tomorrow, tmp_path / "batch")
    assert len(result.files) == 1
    for page in assert_numbered(result.files[0]):
        assert "司马相如" in compact(page) and "1-1203" in page
    assert_lines_well_broken(result.files[0], ["1-1203", "139****5678", f"{tomorrow:%Y-%m-%d}"])


def test_the_read_back_check_catches_a_badly_broken_table_cell(tmp_path: Path) -> None:
    """Stock reportlab wrapping in the right-hand cell of a table (as a document would have it
    without ``para``): the check reports the line it starts with a closing mark or a split."""
    from reportlab.platypus import Paragraph, Table

    from salesdesk.pdf.layout import build_document, styles
    from tests.unit.test_pdf_linebreak import RUNS, TEXT

    st = styles()
    story = [Table([["项目", Paragraph(TEXT, st.cell)]], colWidths=[60, w])
             for w in range(60, 300, 7)]
    out = build_document(tmp_path / "bad.pdf", story, header="h", footer="f", title="t",
                         subject="s")
    with pytest.raises(AssertionError):
        assert_lines_well_broken(out, list(RUNS))
