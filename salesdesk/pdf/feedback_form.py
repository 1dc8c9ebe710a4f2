"""The on-site feedback form (现场反馈单) of one disclosure record: every item with its version,
tick and time, the consultant, the customer's signature, the record hash and its QR code.
Filed with the customer's papers; the hash ties the paper to the ledger."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, Spacer, Table, TableStyle

from salesdesk.pdf.layout import (
    MARGIN,
    PAGE,
    RULE,
    build_document,
    grid,
    para,
    styles,
    widen_for_runs,
)


@dataclass(frozen=True)
class FeedbackItem:
    kind: str  # 阳光宣言 / 五证 / 合同范本 / 不利因素
    title: str
    version: str
    detail: str
    covered: bool
    time: str  # HH:MM when ticked


@dataclass(frozen=True)
class FeedbackFormData:
    project_name: str
    customer: str  # name and masked phone
    unit_number: str
    round_kind: str
    consultant: str
    recorded_by: str
    started_at: str
    recorded_at: str
    items: tuple[FeedbackItem, ...]
    signature_png: bytes | None
    paper_form: bool
    record_id: str
    record_hash: str
    chain_label: str
    reason: str
    printed_at: str
    # A draft printed before the round is saved: blank boxes, lines to sign and date, no hash.
    draft: bool = False


def qr_drawing(text: str, size: float) -> Drawing:
    widget = QrCodeWidget(text)
    x0, y0, x1, y1 = widget.getBounds()
    d = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    d.add(widget)
    return d


def tick_box() -> Table:
    """An empty square the customer ticks with a pen."""
    box = Table([[""]], colWidths=[4.5 * mm], rowHeights=[4.5 * mm])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black)]))
    return box


def build_feedback_form(data: FeedbackFormData, out: Path) -> Path:
    if data.draft:
        return build_blank_form(data, out)
    st = styles()
    width = PAGE[0] - 2 * MARGIN
    covered = sum(1 for i in data.items if i.covered)
    story: list[object] = [
        para(f"{data.project_name} 现场反馈单", st.title),
        para("阳光宣言 · 五证 · 合同范本 · 红线内外不利因素 逐项告知确认", st.subtitle),
    ]
    info = [
        ["客户", data.customer, "房号", data.unit_number],
        ["告知环节", data.round_kind, "置业顾问", data.consultant],
        ["开始时间", data.started_at, "保存时间", data.recorded_at],
        ["已告知", f"{covered} / {len(data.items)} 项", "记录人", data.recorded_by],
    ]
    t = Table([[para(c, st.cell) for c in row] for row in info],
              colWidths=[22 * mm, width / 2 - 22 * mm, 22 * mm, width / 2 - 22 * mm])
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef3f8")),
        ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#eef3f8")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    story += [t, Spacer(1, 4 * mm)]
    if data.reason:
        story.append(para(f"说明：{data.reason}", st.body))
    story.append(para("告知项目（客户逐项确认）", st.h2))
    rows: list[list[object]] = [["序号", "类别", "项目", "版本", "说明", "已告知", "时间"]]
    for n, i in enumerate(data.items, 1):
        rows.append([str(n), i.kind, i.title, i.version, i.detail,
                     "是" if i.covered else "否（未告知）", i.time or "—"])
    # The version column holds certificate numbers, which never split: it takes the room
    # they need from the explanation first, then from the item's name.
    widths = widen_for_runs([w * mm for w in (11, 17, 37, 27, 50, 19, 17)], 3,
                            [i.version for i in data.items], st, [(4, 34 * mm), (2, 30 * mm)])
    table = grid(rows, widths, st)
    table.setStyle(TableStyle([
        ("TEXTCOLOR", (5, r), (5, r), colors.HexColor("#b42318"))
        for r, i in enumerate(data.items, 1) if not i.covered
    ]))
    story.append(table)
    missing = [i for i in data.items if not i.covered]
    if missing:
        story.append(Spacer(1, 2 * mm))
        story.append(para(
            f"注意：本次有 {len(missing)} 项未告知（客户表示“知道了”或时间不足），"
            "须在交定前或回访前补充告知。", st.body))

    # Acknowledgement: the drawn signature if any, always a line to sign the paper.
    sig_cell: object
    if data.signature_png:
        img = Image(io.BytesIO(data.signature_png))
        scale = min(70 * mm / img.imageWidth, 24 * mm / img.imageHeight)
        img.drawWidth, img.drawHeight = img.imageWidth * scale, img.imageHeight * scale
        sig_cell = [para("客户签名（屏幕签署）：", st.cell), img]
    else:
        sig_cell = [para("客户签字：", st.cell), Spacer(1, 16 * mm),
                    para("＿＿＿＿＿＿＿＿＿＿＿＿　日期：＿＿＿＿＿＿", st.cell)]
    paper = "纸质反馈单已由客户签字并收回" if data.paper_form else "纸质反馈单：未收回"
    qr = qr_drawing(data.record_hash, 30 * mm)
    proof = [
        para("记录哈希（SHA-256）", st.cell),
        para(data.record_hash[:32] + "\n" + data.record_hash[32:], st.small),
        para(f"记录编号 {data.record_id}", st.small),
        para(data.chain_label, st.small),
        para(paper, st.small),
    ]
    ack = Table([[sig_cell, proof, qr]], colWidths=[78 * mm, width - 78 * mm - 34 * mm, 34 * mm])
    ack.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("LINEAFTER", (0, 0), (0, 0), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    story.append(KeepTogether([
        para("客户确认", st.h2),
        para("本人已听取置业顾问对上述各项的说明；未勾选的项目表示本次未告知。", st.small),
        Spacer(1, 2 * mm), ack,
    ]))
    # The customer and the unit head every page: a loose second page still finds its file.
    return build_document(
        out, story, header=f"{data.project_name} · 现场反馈单 · {data.customer} · "
        f"{data.unit_number}",
        footer=f"打印于 {data.printed_at} · 哈希 {data.record_hash[:16]}…",
        title=f"{data.project_name} 现场反馈单 {data.unit_number}", subject="现场反馈单")


def build_blank_form(data: FeedbackFormData, out: Path) -> Path:
    """The draft printed before the round is saved: the customer ticks each box by hand, signs
    and dates; the consultant then ticks the same items on screen and saves the round."""
    st = styles()
    width = PAGE[0] - 2 * MARGIN
    story: list[object] = [
        para(f"{data.project_name} 现场反馈单（草稿）", st.title),
        para("阳光宣言 · 五证 · 合同范本 · 红线内外不利因素 逐项告知确认 · "
             "草稿：请客户逐项勾选并签字", st.subtitle),
    ]
    info = [
        ["客户", data.customer, "房号", data.unit_number],
        ["置业顾问", data.consultant, "打印时间", data.printed_at],
    ]
    t = Table([[para(c, st.cell) for c in row] for row in info],
              colWidths=[22 * mm, width / 2 - 22 * mm, 22 * mm, width / 2 - 22 * mm])
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef3f8")),
        ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#eef3f8")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    story += [t, Spacer(1, 4 * mm), para("告知项目（客户逐项勾选）", st.h2)]
    rows: list[list[object]] = [["序号", "类别", "项目", "版本", "说明", "已告知"]]
    for n, i in enumerate(data.items, 1):
        rows.append([str(n), i.kind, i.title, i.version, i.detail, tick_box()])
    widths = widen_for_runs([w * mm for w in (11, 17, 40, 27, 67, 16)], 3,
                            [i.version for i in data.items], st, [(4, 40 * mm), (2, 30 * mm)])
    table = grid(rows, widths, st)
    table.setStyle(TableStyle([("ALIGN", (5, 1), (5, -1), "CENTER"),
                               ("VALIGN", (5, 1), (5, -1), "MIDDLE")]))
    story.append(table)
    ack = Table([[[para("客户签字：", st.cell), Spacer(1, 14 * mm),
                   para("＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿", st.cell)],
                  [para("日期：", st.cell), Spacer(1, 14 * mm),
                   para("＿＿＿＿年＿＿月＿＿日", st.cell)]]],
                colWidths=[width * 0.6, width * 0.4])
    ack.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("LINEAFTER", (0, 0), (0, 0), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    story.append(KeepTogether([
        para("客户确认", st.h2),
        para("本人已听取置业顾问对上述各项的说明；未勾选的项目表示未告知。"
             "本单为草稿，保存告知记录后以系统记录（记录哈希）为准。", st.small),
        Spacer(1, 2 * mm), ack,
    ]))
    return build_document(
        out, story, header=f"{data.project_name} · 现场反馈单（草稿） · {data.customer} · "
        f"{data.unit_number}",
        footer=f"草稿 · 打印于 {data.printed_at}",
        title=f"{data.project_name} 现场反馈单（草稿） {data.unit_number}",
        subject="现场反馈单（草稿）")
