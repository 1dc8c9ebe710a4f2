"""The signing flow sheet (签约流程单): the steps in the seed's order (查资信 → 认购书 → 按揭合同
→ 首期款 → 买卖合同), each with a tick box and a column for the handler, plus the blanks the
desk fills in by hand on signing day (actual discount, amounts) and the signatures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from salesdesk.pdf.layout import ACCENT, RULE, SHADE, para, styles
from salesdesk.pdf.signing_checklist import (
    SigningDocData,
    TickBox,
    build_signing_document,
    header_block,
)


def build_signing_flow(data: SigningDocData, out: Path) -> Path:
    st = styles()
    title = "签约流程单"
    story: list[Any] = [
        para(title, st.title),
        para(f"{data.project_name}　·　按顺序办理，每步完成后由经办人签字", st.subtitle),
        header_block(data, st),
        Spacer(1, 3 * mm),
    ]
    facts = [
        [para("付款方式", st.cell), para(data.payment or "—", st.cell),
         para("总价", st.cell), para(data.total_price or "—", st.cell)],
        [para("实际折扣", st.cell), "", para("首期款", st.cell), ""],
    ]
    ft = Table(facts, colWidths=[22 * mm, 67 * mm, 22 * mm, 67 * mm], rowHeights=[None, 9 * mm])
    ft.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (0, -1), SHADE),
        ("BACKGROUND", (2, 0), (2, -1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    story += [ft, para("办理步骤", st.h2)]
    rows: list[list[Any]] = [[para(h, st.cell_head)
                              for h in ("", "步骤", "事项", "说明", "经办人 / 时间")]]
    for i, step in enumerate(data.flow, start=1):
        rows.append([TickBox(False), para(str(i), st.cell), para(step.title, st.cell),
                     para(step.detail, st.cell), ""])
    t = Table(rows, colWidths=[w * mm for w in (8, 12, 58, 66, 34)], repeatRows=1)
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, SHADE]),
        ("TOPPADDING", (0, 1), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 5),
        ("LEFTPADDING", (0, 1), (0, -1), 2.2 * mm),
    ]))
    story.append(t)
    story.append(Spacer(1, 10 * mm))
    sign = Table([["客户签字：", "", "置业顾问签字：", "", "日期：", ""]],
                 colWidths=[w * mm for w in (20, 38, 26, 38, 12, 44)])
    sign.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), st.body.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
        ("LINEBELOW", (3, 0), (3, 0), 0.6, colors.black),
        ("LINEBELOW", (5, 0), (5, 0), 0.6, colors.black),
    ]))
    story.append(sign)
    return build_signing_document(out, title, data, story)
