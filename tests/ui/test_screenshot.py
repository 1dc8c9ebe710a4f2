"""`python main.py --screenshot FILE --page NAME` renders a page of the demo as a PNG."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.ui


def _main(data: Path, keys: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SALESDESK_KEY_DIR": str(keys), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "main.py", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=180)


def test_screenshot_of_pages(tmp_path: Path) -> None:
    data, keys = tmp_path / "data", tmp_path / "keys"
    refused = _main(data, keys, "--screenshot", str(tmp_path / "x.png"), "--page", "project")
    assert refused.returncode == 2 and "demo" in refused.stderr
    for page in ("project", "signin"):
        out = tmp_path / f"{page}.png"
        args = ["--screenshot", str(out), "--page", page]
        result = _main(data, keys, "--demo", *args) if page == "project" else _main(data, keys,
                                                                                   *args)
        assert result.returncode == 0, result.stderr
        image = QImage(str(out))
        assert image.width() >= 1200 and image.height() >= 700
    unknown = _main(data, keys, "--screenshot", str(tmp_path / "y.png"), "--page", "nowhere")
    assert unknown.returncode == 2 and "project" in unknown.stderr
