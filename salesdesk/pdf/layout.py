"""Shared page furniture: A4 page, paragraph styles with CJK line breaking, header/footer with
"第 N 页 / 共 M 页", and the one way every document is built."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from salesdesk.pdf.fonts import register_cjk_font
from salesdesk.pdf.linebreak import Para, longest_run, para

PAGE = A4
MARGIN = 16 * mm
INK = colors.HexColor("#1f2933")
ACCENT = colors.HexColor("#0b5cab")
RULE = colors.HexColor("#c9d2dc")
SHADE = colors.HexColor("#eef3f8")
MUTED = colors.HexColor("#52606d")
CELL_PAD = 6  # reportlab Table's default left and right cell padding
MIN_CELL_SIZE = 6.5  # a cell's font shrinks to this at most to keep a number on one line


class Styles:
    """The paragraph styles of every document. Build them once with ``styles()``."""

    def __init__(self) -> None:
        font = register_cjk_font()
        base = dict(fontName=font, textColor=INK, wordWrap="CJK")
        self.title = ParagraphStyle("title", fontSize=20, leading=26, alignment=TA_CENTER,
                                    spaceAfter=4, **base)
        self.subtitle = ParagraphStyle("subtitle", fontSize=10.5, leading=15,
                                       alignment=TA_CENTER, textColor=MUTED,
                                       fontName=font, wordWrap="CJK", spaceAfter=8)
        self.h2 = ParagraphStyle("h2", fontSize=13.5, leading=19, spaceBefore=10, spaceAfter=5,
                                 fontName=font, textColor=ACCENT, wordWrap="CJK")
        self.h2_keep = ParagraphStyle("h2_keep", parent=self.h2, keepWithNext=1)
        self.body = ParagraphStyle("body", fontSize=10, leading=15.5, spaceAfter=3, **base)
        self.small = ParagraphStyle("small", fontSize=8.5, leading=12, **base)
        self.cell = ParagraphStyle("cell", fontSize=9, leading=12.5, **base)
        self.cell_head = ParagraphStyle("cell_head", fontSize=9, leading=12.5, fontName=font,
                                        textColor=colors.white, wordWrap="CJK")
        self._shrunk: dict[tuple[str, float], ParagraphStyle] = {}

    def fitted(self, style: ParagraphStyle, text: str, width: float) -> ParagraphStyle:
        """``style``, or a smaller size of it when a number in ``text`` (an unbreakable run)
        is wider than ``width``: a certificate number shrinks rather than splits."""
        run = longest_run(text, style.fontName, style.fontSize)
        if run <= width:
            return style
        size = max(MIN_CELL_SIZE, int(style.fontSize * width / run * 4) / 4)
        key = (style.name, size)
        if key not in self._shrunk:
            self._shrunk[key] = ParagraphStyle(f"{style.name}_{size}", parent=style,
                                               fontSize=size,
                                               leading=style.leading * size / style.fontSize)
        return self._shrunk[key]


@cache
def styles() -> Styles:
    """One set of styles per process: ParagraphStyles and the parser's template fragments are
    made once, not for every document."""
    return Styles()


def esc(text: str) -> str:
    """Escape for reportlab's mini-markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def grid(rows: list[list[Any]], widths: list[float], styles: Styles,
         head_rows: int = 1) -> Table:
    """A table with a coloured header row, wrapping CJK text in every cell; a cell whose number
    would not fit its column on one line is set a little smaller."""
    data = [
        [para(c, styles.fitted(styles.cell_head if r < head_rows else styles.cell, c,
                               w - 2 * CELL_PAD))
         if isinstance(c, str) else c for c, w in zip(row, widths, strict=True)]
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


def widen_for_runs(widths: Sequence[float], col: int, texts: Sequence[str], st: Styles,
                   donors: Sequence[tuple[int, float]], size: float = 7.0) -> list[float]:
    """``widths`` with column ``col`` made wide enough for the longest unbreakable run among
    ``texts`` (a certificate number) on one line at ``size`` points, the room taken from
    ``donors`` in order, each down to no less than its floor. ``grid`` then shrinks the cell's
    type only as far as needed; without the room a long number would still have to be cut."""
    need = max((longest_run(t, st.cell.fontName, size) for t in texts), default=0.0)
    out = list(widths)
    for donor, floor in donors:
        short = need + 2 * CELL_PAD + 2 - out[col]  # 2 pt: no tie with the cell's own sum
        if short <= 0:
            break
        give = min(short, max(0.0, out[donor] - floor))
        out[col] += give
        out[donor] -= give
    return out


def sign_off(st: Styles, who: str = "审核人签字", width: float = 150 * mm) -> Flowable:
    """A line a supervisor signs and dates by hand, kept together with a little space above."""
    t = Table([[f"{who}：", "", "日期：", ""]], colWidths=[w * width / 150 for w in (24, 62, 14, 50)])
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), st.body.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), 10.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("LINEBELOW", (1, 0), (1, 0), 0.6, INK),
        ("LINEBELOW", (3, 0), (3, 0), 0.6, INK),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]))
    t.hAlign = "RIGHT"
    return KeepTogether([Spacer(1, 12 * mm), t])


def page_label(page: int, total: int) -> str:
    return f"第 {page} 页 / 共 {total} 页"


class PagedCanvas(Canvas):  # type: ignore[misc]
    """Holds each finished page until ``save`` so every page can say how many there are.

    One layout pass instead of two: the page's drawing operations are kept (a dict copy per
    page) and the page number is added when the count is known."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        font = register_cjk_font()
        for n, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            width = self._pagesize[0]
            self.saveState()
            self.setFont(font, 8.5)
            self.setFillColor(MUTED)
            self.drawRightString(width - MARGIN, MARGIN - 9 * mm, page_label(n, total))
            self.restoreState()
            super().showPage()
        super().save()


def page_decorator(header: str, footer: str) -> Callable[[Canvas, Any], None]:
    """Draw a running header and a footer on every page (the page count is PagedCanvas's)."""
    font = register_cjk_font()

    def draw(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        width, height = canvas._pagesize
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, height - MARGIN + 4 * mm, width - MARGIN, height - MARGIN + 4 * mm)
        canvas.line(MARGIN, MARGIN - 5 * mm, width - MARGIN, MARGIN - 5 * mm)
        canvas.setFont(font, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, height - MARGIN + 6 * mm, header)
        canvas.drawString(MARGIN, MARGIN - 9 * mm, footer)
        canvas.restoreState()

    return draw


def build_document(out: Path, story: Sequence[Flowable], *, header: str, footer: str,
                   title: str, subject: str, author: str = "",
                   pagesize: tuple[float, float] = PAGE) -> Path:
    """Lay out ``story`` on A4 (or ``pagesize``) with the shared header, footer and
    "第 N 页 / 共 M 页" on every page."""
    doc = SimpleDocTemplate(
        str(out), pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN + 4 * mm, bottomMargin=MARGIN, title=title, author=author,
        subject=subject, creator="SalesDesk")
    deco = page_decorator(header, footer)
    doc.build(list(story), onFirstPage=deco, onLaterPages=deco, canvasmaker=PagedCanvas)
    return out


__all__ = ["ACCENT", "INK", "MARGIN", "MUTED", "PAGE", "RULE", "SHADE", "PagedCanvas", "Para",
           "Styles", "build_document", "esc", "grid", "page_decorator", "page_label", "para",
           "sign_off", "styles", "widen_for_runs"]
