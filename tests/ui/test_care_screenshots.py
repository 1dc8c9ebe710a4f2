"""The care screens people ask to see render from a fresh demo, in Chinese: the consultant's
follow-up list, the messages to send, the supervisor's satisfaction page with its chart, the
score card on the kiosk, and the satisfaction PDF (``make screenshots``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from salesdesk.devtools.screenshots import render
from tests.pdfcheck import pdf_text

pytestmark = pytest.mark.ui


def test_the_care_screenshots_render(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    made = {p.name: p for p in render(tmp_path)}
    for name in ("care_tasks_consultant.png", "care_messages_consultant.png",
                 "care_satisfaction_supervisor.png", "care_kiosk_score_card.png"):
        image = QImage(str(made[name]))
        assert image.width() >= 1200 and image.height() >= 700, name
        # Not a blank grab: a rendered page has many distinct colours.
        colours = {image.pixel(x, y) for x in range(0, image.width(), 23)
                   for y in range(0, image.height(), 23)}
        assert len(colours) > 8, name
    text = pdf_text(made["satisfaction.pdf"])
    assert "客户满意度报告" in text and "目标" in text
