"""Two lean flowables for documents printed in batches: a striped table and a label/value block.

reportlab's ``Table`` resolves a style for every cell and measures every cell twice; a checklist
has a fixed look, so these draw rows, stripes and rules straight on the canvas and only wrap
the cells that really wrap (Paragraphs). They split across pages like a table (header
repeated)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.platypus import Flowable, Paragraph

Cell = Any  # a str or a Flowable (reportlab is untyped)


class LightTable(Flowable):  # type: ignore[misc]
    def __init__(self, head: Sequence[str], rows: Sequence[Sequence[Cell]],
                 widths: Sequence[float], *, font: str, size: float = 9, pad_x: float = 4,
                 pad_y: float = 3.5, ink: Any = colors.black, head_bg: Any = colors.navy,
                 stripe: Any = colors.whitesmoke, rule: Any = colors.lightgrey) -> None:
        super().__init__()
        self.head = list(head)
        self.rows = [list(r) for r in rows]
        self.widths = list(widths)
        self.font, self.size, self.pad_x, self.pad_y = font, size, pad_x, pad_y
        self.ink, self.head_bg, self.stripe, self.rule = ink, head_bg, stripe, rule
        self.head_h = size + 2 * pad_y + 2
        self._heights: list[float] | None = None
        self.width = sum(self.widths)
        self.height = 0.0

    def _cell_height(self, cell: Cell, width: float) -> float:
        if isinstance(cell, str):
            return self.size * 1.25
        if isinstance(cell, Paragraph):
            return float(cell.wrap(width - 2 * self.pad_x, 1e6)[1])
        return float(cell.wrap(width, 1e6)[1])

    def _row_heights(self) -> list[float]:
        if self._heights is None:
            self._heights = [
                max(self._cell_height(c, w) for c, w in zip(row, self.widths, strict=True))
                + 2 * self.pad_y
                for row in self.rows]
        return self._heights

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.height = self.head_h + sum(self._row_heights())
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        heights = self._row_heights()
        room = avail_height - self.head_h
        k = 0
        while k < len(heights) and heights[k] <= room:
            room -= heights[k]
            k += 1
        if k == 0:
            return []
        if k == len(heights):
            return [self]
        return [self._part(self.rows[:k]), self._part(self.rows[k:])]

    def _part(self, rows: list[list[Cell]]) -> LightTable:
        return LightTable(self.head, rows, self.widths, font=self.font, size=self.size,
                          pad_x=self.pad_x, pad_y=self.pad_y, ink=self.ink,
                          head_bg=self.head_bg, stripe=self.stripe, rule=self.rule)

    def _plain_lines(self, cell: Paragraph) -> list[str] | None:
        """The wrapped lines of a cell paragraph that the table can set itself, in its own
        font, size and colour, left aligned and with no line squeezed; None for any other
        (markup, another style, an overfull line): that one draws itself."""
        st = cell.style
        bl = getattr(cell, "blPara", None)
        if (bl is None or bl.kind != 0 or st.alignment != TA_LEFT or st.fontName != self.font
                or st.fontSize != self.size or st.textColor != self.ink or st.leftIndent
                or st.firstLineIndent or st.backColor or cell.bulletText
                or getattr(bl, "ascent", None) != bl.fontSize):
            return None
        if any(extra < -1e-8 or len(words) != 1 for extra, words in bl.lines):
            return None
        return [words[0] for _, words in bl.lines]

    def draw(self) -> None:
        c = self.canv
        heights = self._row_heights()
        top = self.height
        c.setFillColor(self.head_bg)
        c.rect(0, top - self.head_h, self.width, self.head_h, stroke=0, fill=1)
        # All of the table's own text goes into two text objects (head, body) instead of one
        # per string and a saved graphics state per paragraph: the same glyphs at the same
        # places, a third of the drawing time.
        c.setFillColor(colors.white)
        tx = c.beginText()
        tx.setFont(self.font, self.size)
        x = 0.0
        base = top - self.head_h / 2 - self.size * 0.35
        for text, w in zip(self.head, self.widths, strict=True):
            if text:
                tx.setTextOrigin(x + self.pad_x, base)
                tx._textOut(text)
            x += w
        c.drawText(tx)
        y = top - self.head_h
        for i, h in enumerate(heights):
            if i % 2:
                c.setFillColor(self.stripe)
                c.rect(0, y - h, self.width, h, stroke=0, fill=1)
            y -= h
        c.setFillColor(self.ink)
        tx = c.beginText()
        tx.setFont(self.font, self.size)
        y = top - self.head_h
        for row, h in zip(self.rows, heights, strict=True):
            mid = y - h / 2
            x = 0.0
            for cell, w in zip(row, self.widths, strict=True):
                if isinstance(cell, str):
                    if cell:
                        tx.setTextOrigin(x + self.pad_x, mid - self.size * 0.35)
                        tx._textOut(cell)
                elif isinstance(cell, Paragraph):
                    ph = cell.height
                    wrapped = self._plain_lines(cell)
                    if wrapped is None:
                        cell.drawOn(c, x + self.pad_x, mid - ph / 2)
                        c.setFillColor(self.ink)
                    else:  # as Paragraph.drawPara places them: first baseline an ascent down
                        first = mid + ph / 2 - self.size
                        for k, text in enumerate(wrapped):
                            tx.setTextOrigin(x + self.pad_x, first - k * cell.style.leading)
                            tx._textOut(text)
                elif hasattr(cell, "draw_at"):  # draws at an offset: no saved state each
                    cell.draw_at(c, x + (w - cell.width) / 2, mid - cell.height / 2)
                else:
                    cell.drawOn(c, x + (w - cell.width) / 2, mid - cell.height / 2)
                x += w
            y -= h
        c.drawText(tx)
        c.setStrokeColor(self.rule)
        c.setLineWidth(0.5)
        y = top
        lines = [(0.0, top, self.width, top), (0.0, top - self.head_h, self.width,
                                                top - self.head_h)]
        y = top - self.head_h
        for h in heights:
            y -= h
            lines.append((0.0, y, self.width, y))
        x = 0.0
        for w in [0.0, *self.widths]:
            x += w
            lines.append((x, 0.0, x, top))
        c.lines(lines)


class LabelBlock(Flowable):  # type: ignore[misc]
    """Label / value lines with a rule under each, and an optional flowable (a QR code) with a
    caption on the right."""

    def __init__(self, pairs: Sequence[tuple[str, str]], width: float, *, font: str,
                 label_width: float, size: float = 10, line_h: float = 19,
                 ink: Any = colors.black, muted: Any = colors.grey,
                 rule: Any = colors.lightgrey, side: Flowable | None = None,
                 caption: str = "") -> None:
        super().__init__()
        self.pairs = list(pairs)
        self.width = width
        self.font, self.label_width, self.size, self.line_h = font, label_width, size, line_h
        self.ink, self.muted, self.rule = ink, muted, rule
        self.side, self.caption = side, caption
        side_h = (side.height + 12) if side is not None else 0
        self.height = max(len(self.pairs) * line_h, side_h)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        side_w = (self.side.width + 16) if self.side is not None else 0
        text_w = self.width - side_w - 8
        # Labels in one text object, values in another, the rules in one path.
        labels, values = c.beginText(), c.beginText()
        labels.setFont(self.font, self.size - 1)
        values.setFont(self.font, self.size)
        rules = []
        y = self.height
        for label, value in self.pairs:
            base = y - self.line_h + 6
            labels.setTextOrigin(2, base)
            labels._textOut(label)
            values.setTextOrigin(self.label_width, base)
            values._textOut(value)
            y -= self.line_h
            rules.append((0, y, text_w, y))
        c.setFillColor(self.muted)
        c.drawText(labels)
        c.setFillColor(self.ink)
        c.drawText(values)
        c.setStrokeColor(self.rule)
        c.setLineWidth(0.4)
        c.lines(rules)
        if self.side is not None:
            sx = self.width - self.side.width - 8
            self.side.drawOn(c, sx, self.height - self.side.height)
            c.setFillColor(self.muted)
            c.setFont(self.font, 8)
            c.drawCentredString(sx + self.side.width / 2, self.height - self.side.height - 10,
                                self.caption)
