"""Chinese line breaking in every PDF: no line starts with closing punctuation, numbers and
certificate numbers stay on one line. Checked on the laid-out lines of a paragraph at many
column widths, and on a real PDF read back by poppler."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate

from salesdesk.pdf.layout import Styles, build_document, grid, page_label, para, styles
from salesdesk.pdf.linebreak import NO_END, NO_START, Para, break_lines, glyph_widths
from tests.pdfcheck import compact, pdf_text

RUNS = ("浙杭预售许可证〔2026〕第0123号", "浙(2025)杭州市不动产权第0123456号", "2-1502",
        "138****5678", "¥1,234,567.00", "杭售许字(2026)第000123号", "地字第330110202500017号")
TEXT = ("客户王芳，电话138****5678，认购2-1502，总价¥1,234,567.00元。项目已取得浙杭预售许可证"
        "〔2026〕第0123号；土地证浙(2025)杭州市不动产权第0123456号（已公示）。规划证地字第"
        "330110202500017号、预售证杭售许字(2026)第000123号：请核对！“签约”当日带齐原件……")
WIDTHS = [w * 1.0 for w in range(40, 330, 3)]


def laid_out(p: Any, width: float) -> list[str]:
    """The lines reportlab will draw, as text."""
    p.wrap(width, 10_000)
    lines = p.blPara.lines
    if p.blPara.kind == 0:
        return ["".join(words) for _, words in lines]
    return ["".join(f.text for f in line.words) for line in lines]


def problems(lines: list[str], runs: tuple[str, ...], width: float, style: Any) -> list[str]:
    found = []
    for a, b in pairwise(lines):
        if b and b[0] in NO_START:
            found.append(f"line starts with {b[0]!r}: {b!r}")
        if a and a[-1] in NO_END:
            found.append(f"line ends with {a[-1]!r}: {a!r}")
    cw = glyph_widths(style.fontName, style.fontSize)
    joined = "".join(lines)
    for run in runs:
        # room for the run and the punctuation that must stay beside it
        if run in joined and sum(cw[c] for c in run) + 2 * style.fontSize <= width and \
                not any(run in line for line in lines):
            found.append(f"{run} split")
    return found


def test_stock_reportlab_breaks_these_rules_so_the_test_can_fail() -> None:
    st = styles().cell
    bad = [w for w in WIDTHS
           if problems(laid_out(Paragraph(TEXT, st), w), RUNS, w, st)]
    assert len(bad) > len(WIDTHS) // 2


@pytest.mark.parametrize("style_name", ["cell", "body", "small", "title"])
def test_no_line_starts_with_closing_punctuation_and_runs_stay_whole(style_name: str) -> None:
    st = getattr(styles(), style_name)
    for w in WIDTHS:
        lines = laid_out(para(TEXT, st), w)
        assert problems(lines, RUNS, w, st) == [], (w, lines)
        assert compact("".join(lines)) == compact(TEXT)  # nothing lost or doubled


def test_markup_and_line_breaks_follow_the_same_rules() -> None:
    st = styles().cell
    text = TEXT.replace("。项目", "。\n项目")  # goes through the markup path (<br/>)
    for w in WIDTHS:
        p = para(text, st)
        assert isinstance(p, Para) and len(p.frags) > 1
        lines = laid_out(p, w)
        assert problems(lines, RUNS, w, st) == [], (w, lines)
        assert any(line.endswith("。") for line in lines)  # the hard break is kept


def test_a_run_wider_than_the_line_is_cut_but_never_before_closing_punctuation() -> None:
    text = "编号138****5678138****5678，完"
    widths = [5.0] * len(text)
    lines = break_lines(text, widths, [30.0])
    parts = [text[a:b] for a, b, _ in lines]
    assert "".join(parts) == text
    assert all(p and p[0] not in NO_START for p in parts[1:])
    assert all(w <= 30.0 + 5.0 for _, _, w in lines)  # at most one hanging mark


def test_a_mark_after_a_space_does_not_start_a_line_either() -> None:
    text = "房号 1-1203 · 89.5㎡（1号楼）"
    for limit in range(20, 120, 5):
        lines = break_lines(text, [5.0] * len(text), [float(limit)])
        parts = [text[a:b] for a, b, _ in lines]
        assert all(p[0] not in NO_START for p in parts[1:]), (limit, parts)
        assert all(p[-1] not in NO_END for p in parts[:-1]), (limit, parts)


def test_spaces_do_not_start_or_end_a_line() -> None:
    text = "Hello world again and again 你好 世界"
    lines = break_lines(text, [5.0] * len(text), [32.0])
    parts = [text[a:b] for a, b, _ in lines]
    assert all(p == p.strip() and p for p in parts)
    assert " ".join(parts).split() == text.split()


def test_markup_characters_in_plain_text_print_as_text(tmp_path: Path) -> None:
    out = build_document(tmp_path / "m.pdf", [para("a<b & c>d", styles().body),
                                              para("x<y\n&z", styles().body)],
                         header="h", footer="f", title="t", subject="s")
    text = compact(pdf_text(out))
    assert "a<b&c>d" in text and "x<y&z" in text


def test_a_pdf_read_back_keeps_numbers_whole_and_punctuation_off_line_starts(
        tmp_path: Path) -> None:
    st = styles()
    out = tmp_path / "narrow.pdf"
    doc = SimpleDocTemplate(str(out), leftMargin=70 * mm, rightMargin=70 * mm)
    doc.build([para(TEXT, s) for s in (st.body, st.cell, st.small)])
    lines = [line.strip() for line in pdf_text(out, layout=True).splitlines() if line.strip()]
    assert len(lines) > 10
    for line in lines:
        assert line[0] not in NO_START, line
    for run in RUNS:
        assert sum(run in line for line in lines) == 3, (run, lines)


def test_a_table_cell_too_narrow_for_a_certificate_number_sets_it_smaller(
        tmp_path: Path) -> None:
    st = Styles()
    number = "浙(2025)杭州市不动产权第0123456号"
    rows: list[list[Any]] = [["证号", "说明"], [number, "说明文字"]]
    table = grid(rows, [50 * mm, 60 * mm], st)
    cell = table._cellvalues[1][0]
    assert cell.style.fontSize < st.cell.fontSize  # 9 pt would need two lines
    assert table._cellvalues[1][1].style is st.cell  # other cells keep their size
    out = build_document(tmp_path / "t.pdf", [table], header="h", footer="f", title="t",
                         subject="s")
    lines = pdf_text(out, layout=True).splitlines()
    assert any(number in line for line in lines), lines


def test_a_smaller_cell_style_prints_at_its_own_size_after_its_parent_was_used(
        tmp_path: Path) -> None:
    """A style made from one already used copies the parent's cached fragment: the number was
    then measured at 9 pt in its 7 pt style, and cut (the feedback form's version column)."""
    st = Styles()
    number = "浙(2025)杭州市不动产权第0123456号"
    table = grid([["证号", "说明"], ["普通文字", "说明文字"], [number, "说明文字"]],
                 [45 * mm, 60 * mm], st)
    cell = table._cellvalues[2][0]
    assert cell.style.fontSize < st.cell.fontSize
    assert cell.frags[0].fontSize == cell.style.fontSize
    out = build_document(tmp_path / "t.pdf", [table], header="h", footer="f", title="t",
                         subject="s")
    assert any(number in line for line in pdf_text(out, layout=True).splitlines())


def test_every_page_says_which_page_of_how_many(tmp_path: Path) -> None:
    st = styles()
    story = [para(f"第{i}段：{TEXT}", st.body) for i in range(60)]
    out = build_document(tmp_path / "p.pdf", story, header="页眉", footer="页脚", title="t",
                         subject="s")
    pages = pdf_text(out).split("\f")[:-1]
    assert len(pages) >= 3
    for n, page in enumerate(pages, start=1):
        assert compact(page_label(n, len(pages))) in compact(page), (n, page[-200:])
        assert "页眉" in page and "页脚" in page


@pytest.mark.parametrize("text", [TEXT * 40, (TEXT + "\n") * 40])
def test_a_paragraph_split_across_pages_keeps_every_character_once(text: str,
                                                                    tmp_path: Path) -> None:
    out = build_document(tmp_path / "long.pdf", [para(text, styles().body)], header="h",
                         footer="f", title="t", subject="s")
    pages = pdf_text(out).split("\f")[:-1]
    assert len(pages) >= 2
    body = ""
    for n, page in enumerate(pages, start=1):
        furniture = compact("f" + page_label(n, len(pages)))
        flat = compact(page)
        assert flat.startswith("h") and flat.endswith(furniture)
        body += flat[1:-len(furniture)]
    assert body == compact(text)
