"""0008_care upgrades an older file without losing its data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from salesdesk.store import migrate
from salesdesk.store.database import DB_FILE_NAME, open_database
from salesdesk.store.models.customer import Customer


def test_an_older_file_gains_the_care_tables_and_keeps_its_customers(tmp_path: Path) -> None:
    prev = migrate.script_directory().get_revision("0008_care").down_revision
    assert isinstance(prev, str)
    data = tmp_path / "d"
    open_database(data, tmp_path / "k", migrate_to=prev).close()
    conn = sqlite3.connect(data / DB_FILE_NAME)
    conn.execute(
        "INSERT INTO customer (id, sales_centre_id, server_seq, deleted, row_version, created_at,"
        " updated_at, created_by_device, updated_by_device, name, salutation, consent_version,"
        " notes, owner_staff_id) VALUES ('c1', 's1', 0, 0, 1, '2026-01-01 00:00:00',"
        " '2026-01-01 00:00:00', 'd1', 'd1', '王建国', '王先生', '2026.1', '', 'st1')")
    conn.commit()
    conn.close()
    db = open_database(data, tmp_path / "k")
    assert migrate.file_revision(db.path) == migrate.head_revision()
    with db.reader() as uow:
        c = uow.session.get(Customer, "c1")
        assert c is not None and c.owner_staff_id == "st1"
    raw = sqlite3.connect(db.path)
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"follow_up_task", "score_card", "complaint", "complaint_step", "complaint_group",
            "care_handover", "care_profile", "care_setting"} <= tables
    raw.execute(
        "INSERT INTO score_card (id, sales_centre_id, server_seq, deleted, row_version,"
        " created_at, updated_at, created_by_device, updated_by_device, customer_id, occasion,"
        " scores, score100, low, scored_on, escalation_id) VALUES ('k1', 's1', 0, 0, 1,"
        " '2026-01-01 00:00:00', '2026-01-01 00:00:00', 'd1', 'd1', 'c1', 'signing', '{}',"
        " 90, 0, '2026-01-01', '')")
    raw.commit()
    with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
        raw.execute("DELETE FROM score_card")
    raw.close()
    db.close()


def test_every_synced_care_table_refuses_delete(tmp_path: Path) -> None:
    from salesdesk.store.models import care
    from salesdesk.store.models.base import Synced

    db = open_database(tmp_path / "d", tmp_path / "k")
    synced = {m.__tablename__ for m in vars(care).values()
              if isinstance(m, type) and issubclass(m, Synced) and hasattr(m, "__tablename__")}
    raw = sqlite3.connect(db.path)
    triggers = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    raw.close()
    db.close()
    assert len(synced) == 8
    assert {f"{t}_no_delete" for t in synced} <= triggers
