"""The care commands, run as a separate process on a real data folder."""

from __future__ import annotations

from pathlib import Path

from tests.integration.test_cli import run
from tests.pdfcheck import assert_cjk_embedded, compact, pdf_text


def test_daily_run_and_report(tmp_path: Path) -> None:
    data, keys = tmp_path / "data", tmp_path / "keys"
    assert run(data, keys, "demo").returncode == 0
    first = run(data, keys, "care-daily", "--staff", "S001", pin="8001")
    assert first.returncode == 0, first.stderr
    again = run(data, keys, "care-daily", "--staff", "S001", pin="8001")
    assert "回访任务新增 0 项" in again.stdout  # idempotent
    refused = run(data, keys, "care-report", "--out", str(tmp_path / "r.pdf"), "--staff", "S001")
    assert refused.returncode == 2 and "PIN" in refused.stderr
    assert not (tmp_path / "r.pdf").exists()
    ok = run(data, keys, "care-report", "--out", str(tmp_path / "r.pdf"), "--staff", "S001",
             pin="8001")
    assert ok.returncode == 0, ok.stderr
    assert "客户满意度报告" in compact(pdf_text(tmp_path / "r.pdf"))
    assert_cjk_embedded(tmp_path / "r.pdf")
