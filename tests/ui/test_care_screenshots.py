"""The screens people ask to see render from a fresh demo, in Chinese: every page for every
demo role, and the care screens: the consultant's
follow-up list, the messages to send, the supervisor's satisfaction page with its chart, the
score card on the kiosk, and the satisfaction PDF (``make screenshots``). The tool runs in its
own process, as ``make screenshots`` runs it: it builds its own application and demo."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.pdfcheck import pdf_text

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.ui


def test_the_care_screenshots_render(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "SALESDESK_KEY_DIR": str(tmp_path / "keys")}
    out = tmp_path / "shots"
    done = subprocess.run([sys.executable, "-m", "salesdesk.devtools.screenshots", str(out)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    made = {Path(line).name: Path(line) for line in done.stdout.split()}
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
    # Every page of the main window for every demo role, at a laptop's size less a taskbar.
    pages = {p.name for p in made.values() if p.parent.name == "pages"}
    for name in ("reception-reception.png", "consultant-disclosure.png",
                 "consultant-signing.png", "supervisor-audit.png", "supervisor-conflicts.png",
                 "admin-settings.png"):
        assert name in pages, name
    assert "reception-audit.png" not in pages  # reception has no audit page
    image = QImage(str(made["supervisor-audit.png"]))
    assert (image.width(), image.height()) == (1366, 728)


def test_the_screenshot_tool_refuses_a_bad_size(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "salesdesk.devtools.screenshots",
                           str(tmp_path / "shots"), "--size", "huge"],
                          capture_output=True, text=True, cwd=ROOT, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 2 and "--size takes WxH" in done.stderr
    assert not (tmp_path / "shots").exists()
