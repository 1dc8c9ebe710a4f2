"""The signing-material checklist a customer takes home (签约资料清单): who, which unit, when and
where to sign, the consultant to call, every material with a tick box grouped by stage, the
purchase-restriction pre-check, notes, and a QR code of the record id so the desk can find it.

The header block and the tick box are shared with the mortgage list and the flow sheet."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from salesdesk.pdf.layout import (
    ACCENT,
    INK,
    MARGIN,
    MUTED,
    PAGE,
    RULE,
    SHADE,
    Styles,
    build_document,
    para,
    styles,
)
from salesdesk.pdf.light_table import LabelBlock, LightTable

TIPS = (
    "复印件请使用 A4 纸，身份证件正反面复印在同一页。",
    "签约当日请携带认购书原件，签约处将收回认购书。",
    "资料不齐或有疑问，请提前联系您的置业顾问，避免签约当天往返。",
)
HEADER_LABELS = ("客户", "房号", "签约时间", "签约台", "置业顾问")
TABLE_HEAD = ("序", "资料", "原件 / 复印件", "说明", "已收")
WARN_BG = colors.HexColor("#fff4e5")
WARN_LINE = colors.HexColor("#d9822b")
QR_MASK = 0


@dataclass(frozen=True)
class ChecklistLine:
    name: str
    form: str  # 原件 + 复印件 2 份
    note: str
    received: str  # "" or "11-23 王芳" when the item has arrived


@dataclass(frozen=True)
class ChecklistStage:
    title: str  # 认购阶段 / 签约阶段 / 按揭阶段
    lines: tuple[ChecklistLine, ...]


@dataclass(frozen=True)
class FlowLine:
    title: str
    detail: str


@dataclass(frozen=True)
class SigningDocData:
    """Everything the three signing documents print; built by the service, no DB here."""

    record_id: str
    project_name: str
    developer: str
    customer_name: str
    customer_phone: str  # masked
    unit_label: str  # 1-1203（1号楼 · 89.5㎡）or "待定"
    signing_slot: str  # "2026-11-25 10:30" or ""
    desk: str  # "2 号签约台" or ""
    consultant_name: str
    consultant_phone: str
    profile_summary: str
    pack_label: str  # 通用签约资料规则（默认） · 2026.1
    printed_at: str
    stages: tuple[ChecklistStage, ...]
    warnings: tuple[str, ...]
    flow: tuple[FlowLine, ...]
    notes: str = ""
    payment: str = ""  # 付款方式, for the flow sheet
    total_price: str = ""  # 总价, for the flow sheet


class TickBox(Flowable):  # type: ignore[misc]
    """A square the customer or the desk ticks by hand; pre-ticked when the item arrived."""

    def __init__(self, checked: bool, size: float = 3.6 * mm) -> None:
        super().__init__()
        self.checked = checked
        self.size = size
        self.width = self.height = size

    def draw(self) -> None:
        self.draw_at(self.canv, 0, 0)

    def draw_at(self, c: Any, x: float, y: float) -> None:
        """Draw with the lower left corner at (x, y), leaving stroke colour and width set: a
        table draws its boxes this way, without a saved graphics state per box."""
        c.setStrokeColor(INK)
        c.setLineWidth(0.8)
        c.rect(x, y, self.size, self.size)
        if self.checked:
            c.setStrokeColor(ACCENT)
            c.setLineWidth(1.3)
            s = self.size
            p = c.beginPath()
            p.moveTo(x + 0.18 * s, y + 0.52 * s)
            p.lineTo(x + 0.42 * s, y + 0.22 * s)
            p.lineTo(x + 0.86 * s, y + 0.84 * s)
            c.drawPath(p, stroke=1, fill=0)


class QrFlowable(Flowable):  # type: ignore[misc]
    """A QR code encoded by reportlab's ``QrCodeWidget`` and painted as one filled path.

    The id is encoded upper-case: hex digits and dashes then fit QR's alphanumeric mode, a
    smaller symbol (version 2) that is quicker to make and to scan. The widget's own drawing
    builds a shape per dark run and renders them one by one, which costs more than the rest of
    the page; the matrix is the same either way.

    The mask is fixed: choosing the "best" of the eight masks lays the symbol out nine times
    (most of the page's time). Any mask is valid QR and every reader decodes it; the choice
    only evens out dark areas, which a short code printed this large does not need."""

    def __init__(self, value: str, size: float = 26 * mm, border: int = 2) -> None:
        super().__init__()
        self.widget = QrCodeWidget(value, barLevel="L", barWidth=size, barHeight=size,
                                   barBorder=border)
        self.width = self.height = size
        self.border = border

    def draw(self) -> None:
        qr = self.widget.qr
        if qr.version is None:
            qr.version = qr.calculate_version()
        qr.makeImpl(False, QR_MASK)
        count = qr.getModuleCount()
        box = self.width / (count + 2 * self.border)
        c = self.canv
        c.setFillColor(colors.black)
        path = c.beginPath()
        for r, row in enumerate(qr.modules):
            y = self.height - (r + self.border + 1) * box
            start = None
            for col, dark in enumerate([*row, False]):
                if dark and start is None:
                    start = col
                elif not dark and start is not None:
                    path.rect((start + self.border) * box, y, (col - start) * box, box)
                    start = None
        c.drawPath(path, stroke=0, fill=1)


def header_block(data: SigningDocData, st: Styles, *, with_qr: bool = True) -> LabelBlock:
    """Customer, unit, slot, desk, consultant on the left; the record's QR code on the right."""
    pairs = [
        (HEADER_LABELS[0], f"{data.customer_name}　{data.customer_phone}"),
        (HEADER_LABELS[1], data.unit_label),
        (HEADER_LABELS[2], data.signing_slot or "待预约（预约后置业顾问将通知您）"),
        (HEADER_LABELS[3], data.desk or "—"),
        (HEADER_LABELS[4], f"{data.consultant_name}　{data.consultant_phone}".strip()),
    ]
    return LabelBlock(pairs, PAGE[0] - 2 * MARGIN, font=st.body.fontName, label_width=20 * mm,
                      ink=INK, muted=MUTED, rule=RULE,
                      side=QrFlowable(data.record_id.upper()) if with_qr else None,
                      caption=f"记录号 {data.record_id[:8]}")


class ShadedBox(Flowable):  # type: ignore[misc]
    """Paragraphs in a shaded, ruled box: what a one-cell ``Table`` with BACKGROUND, BOX and
    padding draws (same places, same strokes), without the table's per-cell style machinery.
    Like that table it does not split: a box too tall for the rest of a page moves on."""

    def __init__(self, parts: list[Flowable], width: float, *, background: Any, line: Any,
                 line_width: float, pad_x: float = 6, pad_top: float = 4,
                 pad_bottom: float = 4) -> None:
        super().__init__()
        self.parts = parts
        self.width = width
        self.hAlign = "CENTER"  # as a Table is placed (the box is wider than the frame's text)
        self.background, self.line, self.line_width = background, line, line_width
        self.pad_x, self.pad_top, self.pad_bottom = pad_x, pad_top, pad_bottom
        self.height = 0.0
        self._sizes: list[float] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        inner = self.width - 2 * self.pad_x
        self._sizes = [p.wrapOn(getattr(self, "canv", None), inner,
                                72000 - self.pad_top - self.pad_bottom)[1] for p in self.parts]
        # Table._listCellGeom: every part with its space before and after, less the first
        # part's space before and the last part's space after.
        total = sum(h + p.getSpaceBefore() + p.getSpaceAfter()
                    for p, h in zip(self.parts, self._sizes, strict=True))
        if self.parts:
            total -= self.parts[0].getSpaceBefore() + self.parts[-1].getSpaceAfter()
        self.height = total + self.pad_top + self.pad_bottom
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        w, h = self.width, self.height
        c.setFillColor(self.background)
        c.rect(0, 0, w, h, stroke=0, fill=1)
        y = h - self.pad_top  # the content fills the box, so bottom-aligned is top-aligned
        for part, ph in zip(self.parts, self._sizes, strict=True):
            y -= part.getSpaceBefore() if part is not self.parts[0] else 0
            y -= ph
            part.drawOn(c, self.pad_x, y)
            y -= part.getSpaceAfter()
        c.saveState()
        c.setLineCap(1)  # a table's rules have round caps
        c.setStrokeColor(self.line)
        c.setLineWidth(self.line_width)
        c.lines([(0, 0, w, 0), (0, h, w, h), (0, 0, 0, h), (w, 0, w, h)])
        c.restoreState()


def warning_box(warnings: tuple[str, ...], st: Styles) -> Flowable:
    width = PAGE[0] - 2 * MARGIN
    paras = [para("购房资格预检（仅供参考，以住建部门及银行审核结果为准）", st.cell)]
    paras += [para("· " + w, st.body) for w in warnings]
    return ShadedBox(paras, width, background=WARN_BG, line=WARN_LINE, line_width=0.8)


def stage_table(stage: ChecklistStage, st: Styles, start: int) -> LightTable:
    """One stage's materials: tick, number, material, original / copies, note, received."""
    rows: list[list[Any]] = []
    for i, line in enumerate(stage.lines, start=start):
        # Only the two columns that can wrap are Paragraphs; short cells stay plain strings.
        rows.append([TickBox(bool(line.received)), str(i), para(line.name, st.cell),
                     line.form, para(line.note, st.cell) if line.note else "",
                     line.received])
    return LightTable(("", *TABLE_HEAD), rows, [w * mm for w in (8, 8, 56, 31, 51, 24)],
                      font=st.cell.fontName, ink=INK, head_bg=ACCENT, stripe=SHADE, rule=RULE)


def page_header(data: SigningDocData, title: str) -> str:
    """Every page names the customer and the unit, so a loose page finds its owner."""
    unit = data.unit_label.split("（")[0]
    return f"{data.project_name} · {title} · {data.customer_name} · {unit}"


def build_signing_document(out: Path, title: str, data: SigningDocData,
                           story: list[Any]) -> Path:
    return build_document(out, story, header=page_header(data, title),
                          footer=f"{data.pack_label} · 打印于 {data.printed_at}",
                          title=f"{title} · {data.customer_name}", subject=title,
                          author=data.developer or data.project_name)


def build_checklist(data: SigningDocData, out: Path) -> Path:
    st = styles()
    title = "签约资料清单"
    story: list[Any] = [
        para(title, st.title),
        para(f"{data.project_name}　·　请按清单准备资料，签约当日带齐原件及复印件", st.subtitle),
        header_block(data, st),
        Spacer(1, 3 * mm),
    ]
    if data.warnings:
        story += [warning_box(data.warnings, st), Spacer(1, 2 * mm)]
    n = 1
    for stage in data.stages:
        # keepWithNext: never orphan a heading at a page foot
        story.append(para(f"{stage.title}资料（{len(stage.lines)} 项）", st.h2_keep))
        story.append(stage_table(stage, st, n))
        n += len(stage.lines)
    story.append(para("温馨提示", st.h2))
    tips = list(TIPS)
    if data.notes:
        tips.insert(0, data.notes)
    story += [para(f"{i}. {t}", st.body) for i, t in enumerate(tips, start=1)]
    story.append(para(f"资料依据：{data.pack_label}。购房人情况：{data.profile_summary}。",
                      st.small))
    return build_signing_document(out, title, data, story)
