"""The command line, run as a user would run it: a separate process on a real data folder."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from salesdesk.services.project import DEMO_PATH
from tests.pdfcheck import assert_cjk_embedded, compact, pdf_text

ROOT = Path(__file__).resolve().parents[2]


def run(data: Path, keys: Path, *args: str, pin: str | None = None
        ) -> subprocess.CompletedProcess[str]:
    """Runs the command line with no terminal (stdin is /dev/null), as a scheduled task would;
    ``pin`` goes in SALESDESK_PIN, never inherited from the environment running the tests."""
    env = {**os.environ, "SALESDESK_KEY_DIR": str(keys), "SALESDESK_NO_KEYRING": "1",
           "PYTHONPATH": str(ROOT)}
    env.pop("SALESDESK_PIN", None)
    if pin is not None:
        env["SALESDESK_PIN"] = pin
    return subprocess.run([sys.executable, "-m", "salesdesk", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
                          stdin=subprocess.DEVNULL)


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "data", tmp_path / "keys"


def _table_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    counts = {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    conn.close()
    return counts


def test_demo_notice_verify_backup(folders: tuple[Path, Path], tmp_path: Path) -> None:
    data, keys = folders
    first = run(data, keys, "demo")
    assert first.returncode == 0, first.stderr
    counts = _table_counts(data / "salesdesk.sqlite3")
    again = run(data, keys, "demo")
    assert again.returncode == 0, again.stderr
    after = _table_counts(data / "salesdesk.sqlite3")
    # Idempotent: the second load adds only its own audit entry (and that entry's outbox row).
    assert {k: v for k, v in after.items() if k not in ("audit_log", "outbox")} == \
        {k: v for k, v in counts.items() if k not in ("audit_log", "outbox")}
    out = tmp_path / "notice.pdf"
    notice = run(data, keys, "print-notice", "--out", str(out))
    assert notice.returncode == 0, notice.stderr
    assert_cjk_embedded(out)
    assert "杭售许字(2026)第000123号" in compact(pdf_text(out))
    verify = run(data, keys, "db", "verify")
    assert verify.returncode == 0 and "verification passed" in verify.stdout
    backup = run(data, keys, "db", "backup")
    assert backup.returncode == 0
    assert list((data / "backups").glob("salesdesk-manual-*.sqlite3"))


def test_malformed_project_file_exit_2_and_nothing_changes(folders: tuple[Path, Path],
                                                           tmp_path: Path) -> None:
    data, keys = folders
    assert run(data, keys, "demo").returncode == 0
    before = _table_counts(data / "salesdesk.sqlite3")
    bad = json.loads(DEMO_PATH.read_text(encoding="utf-8"))
    bad["certificates"][4]["issued_on"] = "2026-13-45"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    result = run(data, keys, "import-project", str(path))
    assert result.returncode == 2
    assert "$.certificates[4].issued_on" in result.stderr
    assert _table_counts(data / "salesdesk.sqlite3") == before


def test_db_verify_fails_on_a_damaged_schema_revision(folders: tuple[Path, Path]) -> None:
    data, keys = folders
    assert run(data, keys, "demo").returncode == 0
    conn = sqlite3.connect(data / "salesdesk.sqlite3")
    conn.execute("UPDATE alembic_version SET version_num = 'bogus_revision'")
    conn.commit()
    conn.close()
    result = run(data, keys, "db", "verify")
    assert result.returncode == 2  # refused at open: newer/unknown revision
    assert "bogus_revision" in result.stderr


def test_logs_never_hold_phone_or_id_numbers(folders: tuple[Path, Path]) -> None:
    data, keys = folders
    assert run(data, keys, "demo").returncode == 0
    script = (
        "from pathlib import Path\n"
        "from salesdesk.bootstrap import open_services\n"
        "from salesdesk.demo import demo_actor\n"
        "import logging\n"
        f"s = open_services(Path({str(data)!r}))\n"
        "a = demo_actor(s, 'C102')\n"
        "s.customers.register(a, phone='13612345678', id_number='11010519491231002X',"
        " consent=True)\n"
        "try:\n"
        "    s.customers.register(a, phone='13612345678', consent=True)\n"
        "except Exception as exc:\n"
        "    logging.getLogger('t').exception('register failed for 13612345678: %s', exc)\n"
        "logging.getLogger('t').warning('id 11010519491231002X and +8613612345678')\n"
    )
    env = {**os.environ, "SALESDESK_KEY_DIR": str(keys), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", script], check=True, env=env, cwd=ROOT, timeout=120)
    logs = "".join(p.read_text(encoding="utf-8") for p in (data / "logs").glob("*.log*"))
    assert "registered" in logs and "register failed" in logs
    assert "13612345678" not in logs, logs
    # Any other mobile number standing on its own (a record id's hex digits may contain eleven
    # digits that look like one: about one run in twenty did, so ids are not matched).
    assert not re.search(r"(?<![0-9A-Za-z-])(?:\+?86)?1[3-9]\d{9}(?![0-9A-Za-z])", logs), logs
    assert "11010519491231002X" not in logs


def test_db_verify_names_its_sqlite_check_and_thorough_runs_the_full_one(
        folders: tuple[Path, Path]) -> None:
    data, keys = folders
    assert run(data, keys, "demo").returncode == 0
    quick = run(data, keys, "db", "verify")
    assert quick.returncode == 0 and "integrity: quick_check: ok" in quick.stdout
    thorough = run(data, keys, "db", "verify", "--thorough")
    assert thorough.returncode == 0 and "integrity: integrity_check: ok" in thorough.stdout
    assert "disclosure_ledger" in thorough.stdout
