"""Generated forms match their .ui sources; every user-visible string has a zh_CN translation;
the bundled CJK font is what Qt uses for Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontDatabase

from salesdesk.devtools import forms, translations

pytestmark = pytest.mark.ui


def test_generated_forms_have_not_drifted() -> None:
    drift = [f.name for f in sorted(forms.FORMS.glob("*.ui"))
             if not forms.target(f).exists()
             or forms.target(f).read_text(encoding="utf-8") != forms.compile_form(f)]
    assert not drift, f"run `make forms`: {drift}"


@pytest.mark.parametrize("area", translations.areas())
def test_every_string_has_a_chinese_translation(area: str) -> None:
    missing = translations.missing(area)
    assert not missing, f"{area}: {len(missing)} untranslated, e.g. {missing[:5]}"


def test_bundled_font_is_registered(qapp) -> None:
    families = QFontDatabase.families()
    assert any("WenQuanYi" in f for f in families), families[:20]
