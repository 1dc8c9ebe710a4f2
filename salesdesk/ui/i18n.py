"""Installing the translation catalogues (Simplified Chinese by default, English source)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

log = logging.getLogger(__name__)
TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
_installed: list[QTranslator] = []


def install_translations(app: QCoreApplication, lang: str) -> None:
    """Load every area's zh_CN catalogue, or none for English (the source language)."""
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    if lang.startswith("zh"):
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        for qm in sorted(TRANSLATIONS.glob("*_zh_CN.qm")):
            tr = QTranslator(app)
            if tr.load(str(qm)):
                app.installTranslator(tr)
                _installed.append(tr)
            else:
                log.warning("could not load translation %s", qm.name)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
