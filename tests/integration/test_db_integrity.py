"""SQLite's own checks in ``db verify``: the default quick check finds a damaged page; only
``--thorough`` also finds an index that no longer matches its table."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from salesdesk.services.container import Services
from salesdesk.store.integrity import integrity_problems

PAGE = 4096


def _small_file(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA page_size = {PAGE}")
    conn.execute("CREATE TABLE visitor (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    conn.execute("CREATE INDEX visitor_name ON visitor (name)")
    conn.execute("INSERT INTO visitor (name) VALUES ('wangxiansheng')")
    conn.commit()
    conn.close()


def _patch(path: Path, offset: int, data: bytes) -> None:
    with path.open("r+b") as f:
        f.seek(offset)
        f.write(data)


def test_a_sound_file_passes_both_checks(tmp_path: Path) -> None:
    path = tmp_path / "sound.sqlite3"
    _small_file(path)
    assert integrity_problems(path) == (["ok"], 0)
    assert integrity_problems(path, thorough=True) == (["ok"], 0)


def test_a_damaged_page_is_found_by_the_quick_check(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    _small_file(path)
    _patch(path, PAGE, b"\xff")  # page 2 (the table's root): no such page type
    quick, _ = integrity_problems(path)
    thorough, _ = integrity_problems(path, thorough=True)
    assert quick != ["ok"] and thorough != ["ok"]


def test_an_index_out_of_step_with_its_table_needs_the_thorough_check(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    _small_file(path)
    raw = path.read_bytes()
    first = raw.index(b"wangxiansheng")
    assert first // PAGE == 1, "the table's copy comes first (page 2), the index's after"
    assert raw.index(b"wangxiansheng", first + 1) // PAGE == 2
    _patch(path, first, b"lixiansheng__")  # the table's row only, same length
    quick, _ = integrity_problems(path)
    thorough, _ = integrity_problems(path, thorough=True)
    assert quick == ["ok"]  # every page and record is well formed...
    assert thorough != ["ok"] and any("visitor_name" in line for line in thorough)


def test_db_verify_reports_a_damaged_ledger_page_instead_of_crashing(demo: Services) -> None:
    path = demo.db.path
    conn = sqlite3.connect(path)
    root, size = conn.execute(
        "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_master "
        "WHERE name = 'disclosure_record'").fetchone()
    count = conn.execute("SELECT count(*) FROM disclosure_record").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the page is in the file, not the WAL
    conn.close()
    assert count > 0 and demo.maintenance.verify().ok
    _patch(path, (root - 1) * size, b"\xff")
    report = demo.maintenance.verify()
    failed = {f.check: f.detail for f in report.findings if not f.ok}
    assert not report.ok
    assert failed["integrity"].startswith("quick_check:")
    assert failed["ledger"].startswith("could not be checked:")
