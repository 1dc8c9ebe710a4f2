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
    # As in the app (salesdesk.ui.gc_guard): no cycle collection in a pool thread while the
    # test runs, where it could free a widget or a signal receiver off the GUI thread...
    gc.disable()
    try:
        yield
    finally:
        # ...the test's cycles are freed here, on the GUI thread (a workspace built ahead froze
        # what it held: given back first, so nothing of one test outlives it).
        gc.unfreeze()
        gc.collect()
        gc.enable()
