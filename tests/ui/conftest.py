"""UI tests run in Simplified Chinese, the product's default language, with the bundled font."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from salesdesk.paths import FONT_FILE
from salesdesk.ui import gc_guard
from salesdesk.ui.i18n import install_translations


@pytest.fixture(autouse=True)
def chinese_ui(qapp: QApplication) -> None:
    gc_guard.install(qapp)  # as the app does: widgets are never freed by a worker thread
    if not getattr(qapp, "_salesdesk_font", False):
        QFontDatabase.addApplicationFont(str(FONT_FILE))
        qapp._salesdesk_font = True  # type: ignore[attr-defined]
    install_translations(qapp, "zh_CN")
