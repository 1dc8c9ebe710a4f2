"""LightTable sets its plain cell paragraphs itself (one text object for the table): the words
must land where the paragraphs would have drawn them, and any cell it cannot set that way
(markup, another style, an overfull line) still draws itself. ShadedBox places its paragraphs
as the one-cell Table it replaces."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from salesdesk.pdf.layout import INK, build_document, para, styles
from salesdesk.pdf.light_table import LightTable
from tests.pdfcheck import _tool, compact, pdf_text

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                  r"([^<]*)</word>")


def words(path: Path) -> list[tuple[str, float, float]]:
    """Every word pdftotext finds, with its top-left corner (to a tenth of a point)."""
    html = subprocess.run([_tool("pdftotext"), "-enc", "UTF-8", "-bbox", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    return [(m[4], round(float(m[0]), 1), round(float(m[1]), 1)) for m in WORD.findall(html)]


def table() -> LightTable:
    st = styles()
    red = ParagraphStyle("red", parent=st.cell, textColor=colors.red)
    rows = [
        ["1", para("购房人身份证", st.cell), "原件 + 复印件 2 份",
         para("父母一方已故或离异的，提供死亡证明或离婚材料及监护关系证明", st.cell), "12-06 李娜"],
        ["2", para("家庭住房情况申报表\n购房承诺书", st.cell), "原件",  # two fragments
         para("红字说明，另一种颜色", red), ""],
        ["3", para("近 6 个月银行流水", st.cell), "", "", ""],
    ]
    return LightTable(("序", "资料", "原件 / 复印件", "说明", "已收"), rows,
                      [w * mm for w in (10, 50, 35, 55, 28)], font=st.cell.fontName, ink=INK)


def build(out: Path) -> Path:
    return build_document(out, [table()], header="表头", footer="表尾", title="t", subject="t")


def test_plain_cells_land_where_their_paragraphs_would(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    fast = build(tmp_path / "fast.pdf")
    monkeypatch.setattr(LightTable, "_plain_lines", lambda self, cell: None)
    slow = build(tmp_path / "slow.pdf")
    assert words(fast) == words(slow)
    text = compact(pdf_text(fast))
    for expected in ("购房人身份证", "监护关系证明", "家庭住房情况申报表", "购房承诺书", "红字说明",
                     "近6个月银行流水", "12-06李娜"):
        assert expected in text


def test_only_plain_paragraphs_in_the_table_style_are_set_by_the_table() -> None:
    t = table()
    t.wrap(500, 800)
    plain, two_frags, other_colour = t.rows[0][1], t.rows[1][1], t.rows[1][3]
    assert t._plain_lines(plain) == ["购房人身份证"]
    assert len(t._plain_lines(t.rows[0][3]) or []) == 2  # wrapped: both lines, in order
    assert t._plain_lines(two_frags) is None
    assert t._plain_lines(other_colour) is None


def test_shaded_box_sets_its_paragraphs_where_a_one_cell_table_would(tmp_path: Path) -> None:
    from reportlab.platypus import Table, TableStyle

    from salesdesk.pdf.signing_checklist import WARN_BG, WARN_LINE, ShadedBox

    st = styles()
    texts = ["购房资格预检（仅供参考）", "· 预检提示：非本市户籍家庭在本市限购 1 套，名下已有住房的可能不符合"
             "购房资格，以住建部门审核结果为准。", "· 预检提示：借款人年龄偏大。"]

    def paras() -> list[object]:
        return [para(texts[0], st.cell), *(para(t, st.body) for t in texts[1:])]

    width = 170 * mm
    table = Table([[paras()]], colWidths=[width])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), WARN_BG), ("BOX", (0, 0), (-1, -1), 0.8, WARN_LINE),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    box = ShadedBox(paras(), width, background=WARN_BG, line=WARN_LINE, line_width=0.8)
    assert box.wrap(width, 800)[1] == pytest.approx(table.wrap(width, 800)[1])
    made = [build_document(tmp_path / f"{name}.pdf", [f, para("之后", st.body)], header="h",
                           footer="f", title="t", subject="t")
            for name, f in (("table", table), ("box", box))]
    assert words(made[0]) == words(made[1])
    assert "名下已有住房" in compact(pdf_text(made[1]))
