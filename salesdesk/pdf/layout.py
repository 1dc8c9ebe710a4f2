"""Shared page furniture: A4 page, paragraph styles with CJK line breaking, header/footer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from salesdesk.pdf.fonts import register_cjk_font

PAGE = A4
MARGIN = 16 * mm
INK = colors.HexColor("#1f2933")
ACCENT = colors.HexColor("#0b5cab")
RULE = colors.HexColor("#c9d2dc")
SHADE = colors.HexColor("#eef3f8")


class Styles:
    def __init__(self) -> None:
        font = register_cjk_font()
        base = dict(fontName=font, textColor=INK, wordWrap="CJK")
        self.title = ParagraphStyle("title", fontSize=20, leading=26, alignment=TA_CENTER,
                                    spaceAfter=4, **base)
        self.subtitle = ParagraphStyle("subtitle", fontSize=10.5, leading=15,
                                       alignment=TA_CENTER, textColor=colors.HexColor("#52606d"),
                                       fontName=font, wordWrap="CJK", spaceAfter=8)
        self.h2 = ParagraphStyle("h2", fontSize=13.5, leading=19, spaceBefore=10, spaceAfter=5,
                                 fontName=font, textColor=ACCENT, wordWrap="CJK")
        self.body = ParagraphStyle("body", fontSize=10, leading=15.5, spaceAfter=3, **base)
        self.small = ParagraphStyle("small", fontSize=8.5, leading=12, **base)
        self.cell = ParagraphStyle("cell", fontSize=9, leading=12.5, **base)
        self.cell_head = ParagraphStyle("cell_head", fontSize=9, leading=12.5, fontName=font,
                                        textColor=colors.white, wordWrap="CJK")


def esc(text: str) -> str:
    """Escape for reportlab's mini-markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def grid(rows: list[list[Any]], widths: list[float], styles: Styles,
         head_rows: int = 1) -> Table:
    """A table with a coloured header row, wrapping CJK text in every cell."""
    data = [
        [Paragraph(esc(str(c)).replace("\n", "<br/>"),
                   styles.cell_head if r < head_rows else styles.cell)
         if isinstance(c, str) else c for c in row]
        for r, row in enumerate(rows)
    ]
    t = Table(data, colWidths=widths, repeatRows=head_rows)
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, head_rows - 1), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("ROWBACKGROUNDS", (0, head_rows), (-1, -1), [colors.white, SHADE]),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return t


def page_decorator(header: str, footer: str) -> Callable[[Canvas, Any], None]:
    """Draw a running header and "footer · page N" on every page."""
    font = register_cjk_font()

    def draw(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        width, height = PAGE
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, height - MARGIN + 4 * mm, width - MARGIN, height - MARGIN + 4 * mm)
        canvas.setFont(font, 8.5)
        canvas.setFillColor(colors.HexColor("#52606d"))
        canvas.drawString(MARGIN, height - MARGIN + 6 * mm, header)
        canvas.line(MARGIN, MARGIN - 5 * mm, width - MARGIN, MARGIN - 5 * mm)
        canvas.drawString(MARGIN, MARGIN - 9 * mm, footer)
        canvas.drawRightString(width - MARGIN, MARGIN - 9 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    return draw
