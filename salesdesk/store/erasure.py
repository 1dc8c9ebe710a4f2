"""Removing an erased customer's personal data from the bytes of the database files.

An erasure is an ordinary synced edit (fields blanked, a pseudonym for the name), but SQLite
keeps old copies where no query looks: freed pages and cells, the write-ahead log, outbox
payloads not pushed yet, rows set aside by a pull, the conflict inbox's kept values, and the
backups made before each upgrade. Every connection runs with ``secure_delete`` on (database.py),
so freed cells and pages are zeroed when they are freed; this module clears the remaining copies
and truncates the WAL.

Backups are *scrubbed*, not deleted or re-made: a backup is the way back from a failed upgrade
and must stay at the revision it was taken at, so the same blanking is applied to it (whatever
its revision's columns) and it is VACUUMed so no page keeps the old text."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from salesdesk.store import erasure_texts
from salesdesk.sync.erased_texts import erase_texts

log = logging.getLogger(__name__)

# Tables whose rows belong to one customer (``customer_id``) and the columns an erasure blanks
# (column -> value): the numbers, the birthday, message texts (and the follow-up outcome that
# quotes them), and the free-text notes staff typed about the customer. Ids, dates, statuses,
# prices and the disclosure ledger stay: the figures, audits and the chain stay whole.
PERSONAL_FIELDS: dict[str, dict[str, object]] = {
    # Sealed since 0015_sealed_phones; the clear columns are those of older backups.
    "customer_phone": {"e164_enc": None, "e164_hash": "", "last4_hash": "", "e164": "",
                       "last4": ""},
    "care_profile": {"birthday": None},
    "reminder_message": {"text": ""},
    "follow_up_task": {"outcome": ""},
    "follow_up_call": {"notes": ""},
    "appointment": {"notes": ""},
    "visit": {"salutation": "", "notes": ""},
    "material_checklist": {"notes": ""},
    "care_fallback_message": {"text": ""},  # before 0009_message_outbox (backups)
}
_PERSONAL = PERSONAL_FIELDS


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")')}


def _marks(n: int) -> str:
    return ",".join("?" * n)


def scrub_file_rows(conn: sqlite3.Connection, names: dict[str, str]) -> None:
    """Blank the personal fields of the customers ``names`` (id -> pseudonym) in an open
    SQLite file of any revision: tables or columns it lacks are skipped."""
    ids = list(names)
    if not ids:
        return
    tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    row_ids = set(ids)
    if "customer" in tables:
        cols = _columns(conn, "customer")
        for cid, alias in names.items():
            sets = {"name": alias, "salutation": "", "id_number_enc": None, "notes": ""}
            sets = {k: v for k, v in sets.items() if k in cols}
            conn.execute(f"UPDATE customer SET {', '.join(f'{k} = ?' for k in sets)} "
                         "WHERE id = ?", [*sets.values(), cid])
    for table, blank in _PERSONAL.items():
        if table not in tables:
            continue
        cols = _columns(conn, table)
        if "customer_id" in cols:
            where, args = f"customer_id IN ({_marks(len(ids))})", ids
        elif table == "reminder_message" and "appointment_id" in cols and "appointment" in tables:
            where = (f"appointment_id IN (SELECT id FROM appointment WHERE customer_id IN "
                     f"({_marks(len(ids))}))")
            args = ids
        else:
            continue
        if "id" in cols:
            row_ids |= {str(r[0]) for r in conn.execute(f"SELECT id FROM {table} WHERE {where}",
                                                        args)}
        blanks = {k: v for k, v in blank.items() if k in cols}
        if blanks:
            conn.execute(f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in blanks)} "
                         f"WHERE {where}", [*blanks.values(), *args])
    row_ids |= erasure_texts.text_row_ids(conn, tables, ids)
    erasure_texts.scrub_file_texts(conn, tables, ids)
    _scrub_copies(conn, tables, sorted(row_ids), names)


def _scrub_copies(conn: sqlite3.Connection, tables: set[str], row_ids: list[str],
                  names: dict[str, str]) -> None:
    """Copies of those rows held outside the rows themselves."""
    if "outbox" in tables:
        # A pending entry is pushed later: it must carry blanked values, not the old ones.
        # Patched in place, so its values keep the types the server checks.
        for seq, entity, payload in conn.execute(
                f"SELECT seq, entity, payload FROM outbox WHERE row_id IN "
                f"({_marks(len(row_ids))})", row_ids).fetchall():
            conn.execute("UPDATE outbox SET payload = ? WHERE seq = ?",
                         (_patched(str(entity), str(payload), names), seq))
    if "sync_setaside" in tables:
        conn.execute(f"UPDATE sync_setaside SET row = '{{}}' WHERE row_id IN "
                     f"({_marks(len(row_ids))})", row_ids)
    if "sync_conflict" in tables:
        # A duplicate-customer conflict's values are the two customers' ids, which merging
        # needs; every other kind may hold a losing name or a refused payload.
        conn.execute(f"UPDATE sync_conflict SET detail = '{{}}', kept_value = CASE WHEN kind = "
                     f"'duplicate_customer' THEN kept_value ELSE 'null' END, current_value = "
                     f"CASE WHEN kind = 'duplicate_customer' THEN current_value ELSE 'null' END "
                     f"WHERE row_id IN ({_marks(len(row_ids))})", row_ids)


def _patched(entity: str, payload: str, names: dict[str, str]) -> str:
    try:
        row = json.loads(payload)
    except ValueError:
        row = None
    if not isinstance(row, dict):
        return "{}"
    if entity == "customer":
        row.update(name=names.get(str(row.get("id")), ""), salutation="", id_number_enc=None,
                   notes="")
    else:
        row.update({k: v for k, v in PERSONAL_FIELDS.get(entity, {}).items() if k in row})
        erase_texts(entity, row)
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


def scrub_local_copies(session: Session, names: dict[str, str]) -> None:
    """Inside the erasing (or pulling) transaction: the device-local copies of the customers'
    rows (outbox payloads, set-aside rows, conflict values). The rows themselves are the
    caller's synced edits."""
    conn = session.connection().connection.dbapi_connection
    assert conn is not None
    ids = list(names)
    tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    row_ids = set(ids)
    for table in _PERSONAL:
        if table in tables and "customer_id" in _columns(conn, table):  # type: ignore[arg-type]
            row_ids |= {str(r[0]) for r in conn.execute(
                f"SELECT id FROM {table} WHERE customer_id IN ({_marks(len(ids))})", ids)}
    row_ids |= erasure_texts.text_row_ids(conn, tables, ids)  # type: ignore[arg-type]
    _scrub_copies(conn, tables, sorted(row_ids), names)  # type: ignore[arg-type]


def seal(engine: Engine, data_dir: Path, names: dict[str, str]) -> list[Path]:
    """After the erasing transaction committed: truncate the WAL (its frames still hold the
    old pages) and scrub every backup in ``data_dir/backups``. Returns the backups scrubbed."""
    # The raw connection: the engine's "begin" hook would wrap the pragma in a transaction,
    # inside which a checkpoint cannot run.
    raw = engine.raw_connection()
    try:
        busy = raw.driver_connection.execute(  # type: ignore[union-attr]
            "PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy and busy[0]:
            log.warning("WAL checkpoint after an erasure was blocked by a reader; the next "
                        "checkpoint overwrites the frames")
    finally:
        raw.close()
    return scrub_backups(data_dir / "backups", names)


def scrub_backups(folder: Path, names: dict[str, str]) -> list[Path]:
    done: list[Path] = []
    if not folder.is_dir() or not names:
        return done
    for path in sorted(folder.glob("*.sqlite3")):
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("PRAGMA secure_delete=ON")
            conn.execute("BEGIN IMMEDIATE")
            scrub_file_rows(conn, names)
            conn.execute("COMMIT")
            # VACUUM rewrites the file from the live rows only: no page keeps the old text.
            conn.execute("VACUUM")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.DatabaseError:
            log.exception("could not scrub backup %s", path.name)
            continue
        finally:
            conn.close()
        done.append(path)
    return done


__all__ = ["PERSONAL_FIELDS", "scrub_backups", "scrub_file_rows", "scrub_local_copies", "seal"]
