"""0011_customer_merge upgrades a file made by 0009_message_outbox: customers and conflicts keep
their data, merges can be recorded (``customer_alias``), a conflict can be of the longer kind
``duplicate_customer``, and neither conflicts nor aliases can be deleted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from salesdesk.store import migrate
from salesdesk.store.database import DB_FILE_NAME, open_database

SYNCED = ("sales_centre_id, server_seq, deleted, row_version, created_at, updated_at, "
          "created_by_device, updated_by_device")
STAMP = "'s1', 7, 0, 1, '2026-11-20 02:00:00', '2026-11-20 02:00:00', 'd1', 'd1'"


def test_customers_and_conflicts_survive_and_learn_merges(tmp_path: Path) -> None:
    prev = migrate.script_directory().get_revision("0011_customer_merge").down_revision
    assert prev == "0009_message_outbox"
    data = tmp_path / "d"
    open_database(data, tmp_path / "k", migrate_to=prev).close()
    conn = sqlite3.connect(data / DB_FILE_NAME)
    conn.execute(f"INSERT INTO customer (id, {SYNCED}, name, salutation, consent_version, "
                 f"owner_staff_id, notes) VALUES ('c1', {STAMP}, '王五', '王先生', '2026.1', "
                 f"'st1', '预算 300 万')")
    conn.execute(f"INSERT INTO sync_conflict (id, {SYNCED}, kind, entity, row_id, field, "
                 f"kept_value, current_value, losing_device, change_id, detail, status, "
                 f"resolution) VALUES ('k1', {STAMP}, 'field', 'customer', 'c1', 'notes', "
                 f"'\"a\"', '\"b\"', 'd2', 'ch1', '{{}}', 'open', '')")
    conn.commit()
    conn.close()

    db = open_database(data, tmp_path / "k")
    assert migrate.file_revision(db.path) == migrate.head_revision()
    db.close()
    raw = sqlite3.connect(data / DB_FILE_NAME)
    raw.row_factory = sqlite3.Row
    c1 = raw.execute("SELECT * FROM customer WHERE id = 'c1'").fetchone()
    assert (c1["name"], c1["owner_staff_id"], c1["server_seq"]) == ("王五", "st1", 7)
    k1 = raw.execute("SELECT * FROM sync_conflict WHERE id = 'k1'").fetchone()
    assert (k1["kind"], k1["row_id"], k1["kept_value"], k1["status"], k1["server_seq"]) == (
        "field", "c1", '"a"', "open", 7)
    indexes = {r[1] for r in raw.execute("PRAGMA index_list('customer_alias')")}
    assert {"ix_customer_alias_alias_id", "ix_customer_alias_customer_id"} <= indexes
    conflict_indexes = {r[1] for r in raw.execute("PRAGMA index_list('sync_conflict')")}
    assert {"ix_sync_conflict_kind", "ix_sync_conflict_status"} <= conflict_indexes
    raw.execute(f"INSERT INTO customer_alias (id, {SYNCED}, customer_id, alias_id) VALUES "
                f"('a1', {STAMP}, 'c0', 'c1')")
    with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
        raw.execute("DELETE FROM customer_alias")
    with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
        raw.execute("DELETE FROM sync_conflict")
    with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
        raw.execute("DELETE FROM customer")
    raw.close()
