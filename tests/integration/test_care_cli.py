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


def test_daily_run_moves_an_overdue_escalation_up(tmp_path: Path) -> None:
    """The scheduled care-daily run is one of the checks that move an overdue escalation up
    (issue 15 §2). The task here was opened in 2000, so every level's deadline has passed
    whatever the machine's date."""
    import sqlite3

    data, keys = tmp_path / "data", tmp_path / "keys"
    assert run(data, keys, "demo").returncode == 0
    conn = sqlite3.connect(data / "salesdesk.sqlite3")
    centre = conn.execute("SELECT sales_centre_id FROM escalation_task LIMIT 1").fetchone()[0]
    conn.execute(
        "INSERT INTO escalation_task (id, sales_centre_id, server_seq, deleted, row_version, "
        "created_at, updated_at, created_by_device, updated_by_device, follow_up_id, "
        "customer_id, consultant_id, level, status, opened_at, history, outcome, closed_by) "
        "VALUES ('old-esc', ?, 0, 0, 1, '2000-01-01 00:00:00', '2000-01-01 00:00:00', 'd', "
        "'d', '', 'c-old', '', 'consultant', 'open', '2000-01-01 00:00:00', '', '', '')",
        (centre,))
    conn.commit()
    done = run(data, keys, "care-daily", "--staff", "S001", pin="8001")
    assert done.returncode == 0, done.stderr
    assert "逾期升级任务" in done.stdout
    level, history = conn.execute(
        "SELECT level, history FROM escalation_task WHERE id = 'old-esc'").fetchone()
    conn.close()
    assert level == "customer_service" and "自动升级至客服中心" in history
