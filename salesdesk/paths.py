"""Where the bundled resources are (fonts, icons, translations, defaults, schemas)."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
