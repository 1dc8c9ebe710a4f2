"""Chinese line breaking for every document: no line starts with closing punctuation (避头尾),
no line ends with opening punctuation, and numbers, masked phones, amounts, unit numbers and
certificate numbers (浙(2025)杭州市不动产权第0123456号) stay on one line.

reportlab's ``wordWrap='CJK'`` cuts between any two characters and knows only a few Japanese
closing marks, so a line can start with "，" or split "138****5678". ``Para`` keeps reportlab's
Paragraph (drawing, splitting across pages, markup) and replaces only the choice of break
points. Lines are found with prefix sums and a binary search per line rather than reportlab's
loop per character, and glyph widths are cached per font and size, so wrapping costs less than
reportlab's own."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from itertools import accumulate
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import (
    ParaLines,
    _handleBulletWidth,
    cjkU,
    cleanBlockQuotedText,
    makeCJKParaLine,
)
from reportlab.platypus.paraparser import ParaParser
from reportlab.rl_config import _FUZZ

# A line never starts with these (closing marks, stops, marks that hang on what precedes them).
NO_START = frozenset(
    "，。、；：？！）」』》〉】〕］｝〗〙”’…‥·・—–～％‰℃°′″々〻ー"
    ",.;:?!)]}%"
    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)
# ... and never ends with these (opening marks, currency signs that belong to the amount).
NO_END = frozenset("（「『《〈【〔［｛〖〘“‘([{¥￥$£#＃")

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_OPEN = "(（〔［\\[【"
_CLOSE = ")）〕］\\]】"
# Runs that must stay on one line. Certificate numbers first, so their CJK prefix and the
# (year) join the number: 浙(2025)杭州市不动产权第0123456号, 杭售许字(2026)第000123号,
# 地字第330110202500017号, 第0123号. Then anything numeric or Latin: 2-1502, 138****5678,
# ¥1,234,567.00, 89.5㎡, 2026-11-25, 10:30, F01, 110kV. Then runs of ellipsis / dashes.
# ``pre`` is the part of a certificate's prefix that may be words before the number ("土地证"
# in 土地证浙(2025)...): kept with it when there is room, the first thing given up when not.
UNBREAKABLE = re.compile(
    rf"(?P<pa>[{_CJK}]{{0,6}}?)[{_CJK}]?[{_OPEN}]\d{{4}}[{_CLOSE}][{_CJK}]{{0,8}}?第?"
    r"[0-9A-Za-z\-]+号"
    rf"|(?P<pb>[{_CJK}]{{0,3}}?)[{_CJK}]字第[0-9A-Za-z\-]+号"
    r"|第[0-9A-Za-z\-]+号"
    r"|[¥￥$£]?[0-9A-Za-z*#@]+(?:[.,:/\-+_~][0-9A-Za-z*#@]+)*[㎡%％‰℃]?"
    r"|…+|—+|‥+"
)
HARD, WEAK = 1, 2


class _Widths(dict[str, float]):
    """Glyph widths of one font at one size, measured once per character."""

    def __init__(self, font: str, size: float) -> None:
        super().__init__()
        self.font, self.size = font, size

    def __missing__(self, ch: str) -> float:
        w = float(stringWidth(ch, self.font, self.size))
        self[ch] = w
        return w


@cache
def glyph_widths(font: str, size: float) -> _Widths:
    return _Widths(font, size)


def protected(text: str) -> tuple[bytearray, dict[int, int]]:
    """``inside[i]`` is HARD when a break before character i would split a number, WEAK when
    it would only part a certificate number from the words before it; ``run_end[i]`` is where
    the run around a WEAK position ends."""
    inside = bytearray(len(text) + 1)
    run_end: dict[int, int] = {}
    for m in UNBREAKABLE.finditer(text):
        a, b = m.span()
        core = a + len(m.group("pa") or m.group("pb") or "")
        for i in range(a + 1, core + 1):
            inside[i] = WEAK
            run_end[i] = b
        if b - core > 1:
            inside[core + 1:b] = bytes([HARD]) * (b - core - 1)
    return inside, run_end


def marks_allow(text: str, i: int) -> bool:
    """Would a break before character i keep closing marks off the start of the next line and
    opening marks off the end of this one? Spaces at a break vanish, so the marks either side
    of them count."""
    j = i
    while text[j] == " " and j + 1 < len(text):
        j += 1
    k = i - 1
    while text[k] == " " and k > 0:
        k -= 1
    return text[j] not in NO_START and text[k] not in NO_END


def can_break(text: str, inside: bytearray, i: int) -> bool:
    """May a line start at character ``i`` (0 < i < len(text))?"""
    return not inside[i] and marks_allow(text, i)


def break_lines(text: str, widths: Sequence[float],
                max_widths: Sequence[float]) -> list[tuple[int, int, float]]:
    """Greedy line breaking of ``text``: ``(start, end, width)`` per line, leading and trailing
    spaces left out. When a number and the marks that must follow it do not fit, the marks
    hang past the line's end (as Chinese typesetting hangs a full stop); a run wider than the
    whole line is cut where it overflows (nothing else fits), still never before closing
    punctuation."""
    n = len(text)
    cum = [0.0, *accumulate(widths)]
    inside, run_end = protected(text)
    lines: list[tuple[int, int, float]] = []
    start = 0
    while start < n and text[start] == " ":
        start += 1
    while start < n:
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        # the first character that does not fit on this line
        over = bisect_right(cum, cum[start] + limit + _FUZZ) - 1
        if over >= n:
            end = brk = n
        else:
            over = max(over, start + 1)  # a glyph wider than the line still goes somewhere
            brk = over
            while brk > start and not can_break(text, inside, brk):
                brk -= 1
            if brk == start:
                brk = _weak_break(text, inside, run_end, cum, start, over, limit)
            if brk == start:  # a number and its marks fill the line: let the marks hang
                hang = over
                while hang < n and (text[hang] == " " or text[hang] in NO_START):
                    hang += 1
                if hang > over and (hang == n or can_break(text, inside, hang)):
                    brk = hang
            if brk == start:  # one run longer than the line: cut it, punctuation rules hold
                brk = over
                while brk > start + 1 and not marks_allow(text, brk):
                    brk -= 1
                if not marks_allow(text, brk):
                    brk = over
                    while brk < n and not marks_allow(text, brk):
                        brk += 1
            end = brk
        while end > start and text[end - 1] == " ":
            end -= 1
        lines.append((start, end, cum[end] - cum[start]))
        start = brk
        while start < n and text[start] == " ":
            start += 1
    return lines


def _weak_break(text: str, inside: bytearray, run_end: dict[int, int], cum: list[float],
                start: int, over: int, limit: float) -> int:
    """Where to part a certificate number too long for a line from its leading words: the
    earliest place after which the rest fits a line (keeping as much together as can be), else
    the last place before the number; ``start`` when there is none."""
    weak = [i for i in range(start + 1, over + 1)
            if inside[i] == WEAK and marks_allow(text, i)]
    for i in weak:
        if cum[run_end[i]] - cum[i] <= limit + _FUZZ:
            return i
    return weak[-1] if weak else start


def longest_run(text: str, font: str, size: float) -> float:
    """Width of the widest unbreakable run, to size a column or a cell's font."""
    w = glyph_widths(font, size)
    return max((sum(w[c] for c in m.group()[len(m.group("pa") or m.group("pb") or ""):])
                for m in UNBREAKABLE.finditer(text)), default=0.0)


class _U(cjkU):  # type: ignore[misc]
    """reportlab's per-character unit, with the width taken from the cache."""

    def __new__(cls, value: str, frag: Any, width: float) -> _U:
        self = str.__new__(cls, value)
        self._frag = frag
        self._width = width
        return self


class Para(Paragraph):  # type: ignore[misc]
    """A Paragraph whose CJK wrapping follows the rules above (style.wordWrap must be 'CJK')."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        style = self.style
        self.height = 0
        _handleBulletWidth(self.bulletText, style, maxWidths)
        frags = self.frags
        if style.endDots or any(hasattr(f, "cbDefn") for f in frags):
            return super().breakLinesCJK(maxWidths)  # inline images: reportlab's own way
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara if len(frags) != 1 else frags[0].clone(
                kind=0, lines=self.blPara.lines)
        if not frags:
            return ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName,
                             textColor=style.textColor, lines=[], ascent=style.fontSize,
                             descent=-0.2 * style.fontSize)
        if len(frags) == 1:
            f = frags[0]
            text = f.text if hasattr(f, "text") else "".join(getattr(f, "words", []))
            cw = glyph_widths(f.fontName, f.fontSize)
            lines = [(limit_of(maxWidths, k) - width, [text[a:b]])
                     for k, (a, b, width) in enumerate(
                         break_lines(text, [cw[c] for c in text], maxWidths))]
            return f.clone(kind=0, lines=lines, ascent=f.fontSize, descent=-0.2 * f.fontSize)
        return self._frag_lines(frags, maxWidths)

    def _frag_lines(self, frags: Any, maxWidths: Sequence[float]) -> Any:
        """Several fragments (markup, <br/>): break each hard line of the text on its own."""
        autoleading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        bounds = autoleading not in ("", "off")
        units: list[_U] = []
        for f in frags:
            cw = glyph_widths(f.fontName, f.fontSize)
            if f.text:
                units += [_U(c, f, cw[c]) for c in f.text]
            else:
                units.append(_U("", f, 0.0))
        out: list[Any] = []
        seg_start = 0
        for i, u in enumerate([*units, None]):
            hard = u is not None and hasattr(u.frag, "lineBreak")
            if u is not None and not hard:
                continue
            seg = units[seg_start:i]
            text = "".join(seg)
            breaks = break_lines(text, [s.width for s in seg], maxWidths[len(out):] or
                                 maxWidths[-1:])
            for k, (a, b, width) in enumerate(breaks):
                last = k == len(breaks) - 1
                part = seg[a:b] + ([units[i]] if hard and last else [])
                limit = limit_of(maxWidths, len(out))
                out.append(makeCJKParaLine(part, limit, width, limit - width, hard and last,
                                           bounds))
            if hard and not breaks:  # an empty line between two <br/>
                limit = limit_of(maxWidths, len(out))
                out.append(makeCJKParaLine([units[i]], limit, 0.0, limit, True, bounds))
            seg_start = i + 1
        return ParaLines(kind=1, lines=out)


def limit_of(max_widths: Sequence[float], line: int) -> float:
    return float(max_widths[min(line, len(max_widths) - 1)])


def _template_frag(style: ParagraphStyle) -> Any:
    # Kept on the style itself: a cache keyed by style would keep every style ever made alive.
    # A style made with ``parent=`` starts with a copy of its parent's attributes, this one
    # included: the entry names the style it was made for, so a smaller child style (a
    # certificate number set smaller to stay on one line) never prints at its parent's size.
    owner, frag = style.__dict__.get("_plain_frag", (None, None))
    if owner != id(style):
        _, frags, _ = ParaParser().parse("x", style)
        frag = frags[0]
        style.__dict__["_plain_frag"] = (id(style), frag)
    return frag


def para(text: str, style: ParagraphStyle) -> Para:
    """A paragraph of plain text (no markup, no escaping needed). Plain text skips reportlab's
    markup parser: the fragment is the one the parser makes for the style, with this text."""
    if "\n" in text:
        return Para("<br/>".join(_escape(line) for line in text.split("\n")), style)
    text = cleanBlockQuotedText(text)  # what Paragraph does to its text before parsing
    return Para(text, style, frags=[_template_frag(style).clone(text=text)])


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
