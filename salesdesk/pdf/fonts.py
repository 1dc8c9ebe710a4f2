"""The bundled CJK font, registered once with reportlab so every PDF embeds it."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_FILE = FONT_DIR / "wqy-microhei.ttc"
CJK_FONT = "WenQuanYiMicroHei"


@cache
def register_cjk_font() -> str:
    """Register WenQuanYi Micro Hei (TrueType outlines, so reportlab can embed a subset)."""
    pdfmetrics.registerFont(TTFont(CJK_FONT, str(FONT_FILE), subfontIndex=0))
    return CJK_FONT
