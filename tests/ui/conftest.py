"""UI tests run in Simplified Chinese, the product's default language, with the bundled font."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from salesdesk.paths import FONT_FILE
from salesdesk.ui.i18n import install_translations


@pytest.fixture(autouse=True)
def chinese_ui(qapp: QApplication) -> Iterator[None]:
    if not getattr(qapp, "_salesdesk_font", False):
        QFontDatabase.addApplicationFont(str(FONT_FILE))
        qapp._salesdesk_font = True  # type: ignore[attr-defined]
    install_translations(qapp, "zh_CN")
    yield
    # A finished test's widgets caught in reference cycles are freed now, on the GUI thread,
    # not by whichever background task of a later test happens to trigger a collection.
    gc.collect()
