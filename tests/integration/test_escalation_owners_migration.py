"""0013_escalation_owners upgrades a file made by 0012_sync_setaside: an escalation opened before
deadlines existed keeps its level and history, gains an empty deadline, and its level's time then
counts from when it was opened, so it still moves up by itself; an earlier visit is not of the
second importance tier."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from salesdesk.domain.roles import Actor, Role
from salesdesk.services.care import FollowUpService
from salesdesk.store import migrate
from salesdesk.store.database import DB_FILE_NAME, open_database
from tests.conftest import FakeClock

SYNCED = ("sales_centre_id, server_seq, deleted, row_version, created_at, updated_at, "
          "created_by_device, updated_by_device")
STAMP = "'s1', 0, 0, 1, '2026-11-20 02:00:00', '2026-11-20 02:00:00', 'd1', 'd1'"


def _older_file(tmp_path: Path) -> Path:
    prev = migrate.script_directory().get_revision("0013_escalation_owners").down_revision
    assert prev == "0012_sync_setaside"
    data = tmp_path / "d"
    open_database(data, tmp_path / "k", migrate_to=prev).close()
    conn = sqlite3.connect(data / DB_FILE_NAME)
    conn.execute("INSERT OR REPLACE INTO local_meta (key, value) VALUES ('sales_centre_id', 's1')")
    for task_id, opened in (("e1", "2026-11-20 02:00:00"), ("e2", "2026-11-23 20:00:00")):
        conn.execute(
            f"INSERT INTO escalation_task (id, {SYNCED}, follow_up_id, customer_id, "
            f"consultant_id, level, status, opened_at, history, outcome, closed_at, closed_by) "
            f"VALUES ('{task_id}', {STAMP}, 'f1', 'c1', 'st1', 'consultant', 'open', "
            f"'{opened}', '回访评分 2 分，转置业顾问跟进', '', NULL, '')")
    # A visit of the old file, every column filled by its declared type.
    cols = conn.execute("PRAGMA table_info(visit)").fetchall()
    values = {c[1]: {"INTEGER": 0, "BOOLEAN": 0, "DATETIME": "2026-11-20 02:00:00"}.get(
        str(c[2]).upper(), "") for c in cols}
    values.update(id="v1", customer_id="c1", important=1, day="2026-11-20")
    conn.execute(f"INSERT INTO visit ({', '.join(values)}) VALUES "
                 f"({', '.join('?' for _ in values)})", list(values.values()))
    conn.commit()
    conn.close()
    return data


def test_old_escalations_gain_a_deadline_counted_from_when_they_opened(tmp_path: Path) -> None:
    data = _older_file(tmp_path)
    clock = FakeClock()  # 2026-11-24 02:00 UTC
    db = open_database(data, tmp_path / "k", clock=clock)
    try:
        assert migrate.file_revision(db.path) == migrate.head_revision()
        raw = sqlite3.connect(db.path)
        rows = raw.execute("SELECT id, level, due_at, history FROM escalation_task "
                           "ORDER BY id").fetchall()
        # Earlier visits are not of the second tier.
        assert raw.execute("SELECT important, very_important FROM visit WHERE id = 'v1'"
                           ).fetchone() == (1, 0)
        raw.close()
        assert [(r[0], r[1], r[2]) for r in rows] == [("e1", "consultant", None),
                                                     ("e2", "consultant", None)]
        manager = Actor("m1", "经理", Role.SUPERVISOR, "s1", db.device_id)
        moved = FollowUpService(db).escalate_overdue(manager)
        # e1 opened four days ago: consultant 24 h and manager 48 h both passed; e2 six hours
        # ago is still within the consultant's day.
        assert moved == ["e1"]
        by_id = {e.id: e for e in FollowUpService(db).open_escalations(manager)}
        assert by_id["e1"].level.value == "sales_director"
        assert by_id["e1"].due_at == datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
        assert by_id["e2"].level.value == "consultant" and by_id["e2"].due_at is None
        assert "回访评分 2 分" in by_id["e1"].history
    finally:
        db.close()
