"""The bundled CJK font, registered once with reportlab so every PDF embeds it."""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from salesdesk.paths import FONT_FILE

__all__ = ["CJK_FONT", "FONT_FILE", "register_cjk_font"]
CJK_FONT = "WenQuanYiMicroHei"


@cache
def register_cjk_font() -> str:
    """Register WenQuanYi Micro Hei (TrueType outlines, so reportlab can embed a subset)."""
    pdfmetrics.registerFont(TTFont(CJK_FONT, str(FONT_FILE), subfontIndex=0))
    return CJK_FONT
