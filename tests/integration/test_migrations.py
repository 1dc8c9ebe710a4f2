"""Alembic owns the schema: new files are made by migrations, older files are backed up and
upgraded on start, newer files are refused and left untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect as sa_inspect

from salesdesk.store import migrate
from salesdesk.store.database import DB_FILE_NAME, DatabaseTooNew, open_database
from salesdesk.store.models import Base


def test_new_file_matches_the_models(tmp_path: Path) -> None:
    db = open_database(tmp_path / "d", tmp_path / "k")
    tables = set(sa_inspect(db.write_engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert migrate.file_revision(db.path) == migrate.head_revision()
    with db.write_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.close()


def test_revisions_form_one_line() -> None:
    heads = migrate.script_directory().get_heads()
    assert len(heads) == 1, f"several heads: {heads}"


def test_older_file_is_backed_up_and_upgraded_with_its_data(tmp_path: Path) -> None:
    data = tmp_path / "d"
    old = open_database(data, tmp_path / "k", migrate_to="0001_foundation")
    old.close()
    conn = sqlite3.connect(data / DB_FILE_NAME)
    conn.execute(
        "INSERT INTO customer (id, sales_centre_id, server_seq, deleted, row_version, created_at,"
        " updated_at, created_by_device, updated_by_device, name, salutation, consent_version,"
        " notes) VALUES ('c1', 's1', 0, 0, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00',"
        " 'd1', 'd1', '王建国', '王先生', '2026.1', '')")
    conn.commit()
    conn.close()
    upgraded = open_database(data, tmp_path / "k")
    assert migrate.file_revision(upgraded.path) == migrate.head_revision()
    with upgraded.reader() as uow:
        from salesdesk.store.models.customer import Customer

        c = uow.session.get(Customer, "c1")
        assert c is not None and (c.name, c.salutation) == ("王建国", "王先生")
    backups = list((data / "backups").glob("salesdesk-before-upgrade-0001_foundation-*.sqlite3"))
    assert len(backups) == 1
    check = sqlite3.connect(backups[0])
    assert check.execute("SELECT version_num FROM alembic_version").fetchone()[0] == \
        "0001_foundation"
    assert check.execute("SELECT name FROM customer").fetchone()[0] == "王建国"
    check.close()
    upgraded.close()


def test_newer_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    data = tmp_path / "d"
    db = open_database(data, tmp_path / "k")
    db.close()
    conn = sqlite3.connect(data / DB_FILE_NAME)
    conn.execute("PRAGMA journal_mode=DELETE")  # fold the WAL so the file alone is the state
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = hashlib.sha256((data / DB_FILE_NAME).read_bytes()).hexdigest()
    listing = sorted(p.name for p in data.iterdir())
    with pytest.raises(DatabaseTooNew) as info:
        open_database(data, tmp_path / "k")
    assert "9999_from_the_future" in info.value.message and "未作任何改动" in info.value.message
    assert hashlib.sha256((data / DB_FILE_NAME).read_bytes()).hexdigest() == before
    assert sorted(p.name for p in data.iterdir()) == listing


def test_fast_revision_reading_agrees_with_alembic() -> None:
    assert migrate.fast_head() == migrate.head_revision()
    assert migrate.known_revisions() == {
        r.revision for r in migrate.script_directory().walk_revisions()}


def test_every_synced_table_refuses_deletes_after_all_migrations(tmp_path: Path) -> None:
    """A batch copy of a table (SQLite's ALTER) drops its triggers: every revision that copies
    a synced table must lay its no-delete trigger again."""
    db = open_database(tmp_path / "d", tmp_path / "k")
    db.close()
    conn = sqlite3.connect(tmp_path / "d" / DB_FILE_NAME)
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    conn.close()
    synced = {m.class_.__tablename__ for m in Base.registry.mappers
              if getattr(m.class_, "__synced__", False)}
    assert synced and not [t for t in sorted(synced) if f"{t}_no_delete" not in triggers]
