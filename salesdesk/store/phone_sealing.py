"""Phone rows between their sealed form in the file and their clear form on the wire (issue 15).

In the device's file a ``customer_phone`` row holds ``e164_enc``/``e164_hash``/``last4_hash``
(store/crypto.py PhoneSeal); head office and older devices know ``e164``/``last4``. The sync
client converts each row at the boundary: sealed -> wire when pushing an outbox entry, wire ->
sealed when applying a pulled row, before anything (the set-aside list included) stores it.

``seal_upgraded_file`` is the second half of migration 0015: the migration cannot read the key,
so it leaves the clear numbers in ``customer_phone_unsealed``; the first open with the key seals
them (and the outbox and set-aside copies written before the upgrade), drops that table and
truncates the WAL, in which the freed pages' old contents would otherwise linger."""

from __future__ import annotations

import base64
import json
import logging
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from salesdesk.domain.phone import last_four
from salesdesk.store.crypto import PhoneSeal

log = logging.getLogger(__name__)

ENTITY = "customer_phone"
UNSEALED_TABLE = "customer_phone_unsealed"
# Wire column -> the file's columns that hold it. kinds_gen describes the wire with this.
WIRE_COLUMNS: dict[str, tuple[str, ...]] = {"e164": ("e164_enc", "e164_hash"),
                                            "last4": ("last4_hash",)}
SEALED_COLUMNS = frozenset(c for cols in WIRE_COLUMNS.values() for c in cols)


def _blob(value: Any) -> bytes | None:
    if isinstance(value, dict) and isinstance(value.get("b64"), str):
        return base64.b64decode(value["b64"])
    if isinstance(value, bytes):
        return value
    return None


def sealed_row(seal: PhoneSeal, row: dict[str, Any]) -> dict[str, Any]:
    """A wire-form row (JSON-ready values) in the file's form; a row without ``e164`` (a partial
    one, or already sealed) keeps what it has. A value that is not text (head office checks
    types, so only a damaged row) is stored blank rather than in clear."""
    if "e164" not in row and "last4" not in row:
        return row
    out = {k: v for k, v in row.items() if k not in WIRE_COLUMNS}
    number = row.get("e164")
    number = number if isinstance(number, str) else ""
    last4 = row.get("last4")
    last4 = last4 if isinstance(last4, str) and last4 else last_four(number) if number else ""
    enc, number_hash, last4_hash = seal.seal(number, last4)
    out["e164_enc"] = None if enc is None else {"b64": base64.b64encode(enc).decode("ascii")}
    out["e164_hash"] = number_hash
    out["last4_hash"] = last4_hash
    return out


def wire_row(seal: PhoneSeal, row: dict[str, Any]) -> dict[str, Any]:
    """A sealed row (an outbox payload) as head office expects it."""
    if not SEALED_COLUMNS & set(row):
        return row
    out = {k: v for k, v in row.items() if k not in SEALED_COLUMNS}
    number = seal.reveal(_blob(row.get("e164_enc")))
    out["e164"] = number
    out["last4"] = last_four(number) if number else ""
    return out


def wire_fields(fields: Iterable[str]) -> list[str]:
    """The changed columns of an outbox entry, named as on the wire."""
    out: list[str] = []
    for f in fields:
        names = [w for w, cols in WIRE_COLUMNS.items() if f in cols] or [f]
        out += [n for n in names if n not in out]
    return out


def sealed_fields(fields: Iterable[str]) -> list[str]:
    out: list[str] = []
    for f in fields:
        out += [n for n in WIRE_COLUMNS.get(f, (f,)) if n not in out]
    return out


def _tables(conn: Any) -> set[str]:
    return {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def seal_upgraded_file(engine: Engine, seal: PhoneSeal) -> int | None:
    """Seal what migration 0015 left in clear; nothing to do (one cheap query) once done.
    Returns how many numbers were sealed, None when there was nothing left to seal."""
    raw = engine.raw_connection()
    try:
        conn: Any = raw.driver_connection
        if UNSEALED_TABLE not in _tables(conn):
            return None
        conn.execute("BEGIN IMMEDIATE")
        try:
            rows = conn.execute(f"SELECT id, e164, last4 FROM {UNSEALED_TABLE}").fetchall()
            conn.executemany(
                "UPDATE customer_phone SET e164_enc = ?, e164_hash = ?, last4_hash = ? "
                "WHERE id = ?", [(*seal.seal(str(e164), str(last4)), str(pid))
                                 for pid, e164, last4 in rows])
            _seal_copies(conn, seal)
            conn.execute(f"DROP TABLE {UNSEALED_TABLE}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        # secure_delete zeroed the freed pages in the file; the WAL still holds their old
        # images until it is checkpointed and truncated.
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy and busy[0]:
            log.warning("WAL checkpoint after sealing phone numbers was blocked; the next "
                        "checkpoint overwrites the frames")
        log.info("sealed %d phone numbers after the upgrade", len(rows))
        return len(rows)
    finally:
        raw.close()


def holds_clear_numbers(path: Path) -> bool:
    """Whether a database file (a backup) is from before 0015: its phone table has the clear
    number column."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        columns = {str(r[1]) for r in conn.execute("PRAGMA table_info(customer_phone)")}
    except sqlite3.DatabaseError:
        return False  # not a database we can read: not ours to judge or delete
    finally:
        conn.close()
    return "e164" in columns


def _seal_copies(conn: Any, seal: PhoneSeal) -> None:
    """Phone rows the outbox and the set-aside list kept in the wire form before 0015."""
    tables = _tables(conn)
    if "outbox" in tables:
        for seq, payload, fields in conn.execute(
                "SELECT seq, payload, fields FROM outbox WHERE entity = ?", (ENTITY,)).fetchall():
            row, names = _json(payload), _json(fields)
            if isinstance(row, dict) and ("e164" in row or "last4" in row):
                conn.execute("UPDATE outbox SET payload = ?, fields = ? WHERE seq = ?", (
                    json.dumps(sealed_row(seal, row), ensure_ascii=False, sort_keys=True),
                    json.dumps(sealed_fields(names) if isinstance(names, list) else []), seq))
    if "sync_setaside" in tables:
        for sid, text in conn.execute(
                "SELECT id, row FROM sync_setaside WHERE entity = ?", (ENTITY,)).fetchall():
            row = _json(text)
            if isinstance(row, dict) and ("e164" in row or "last4" in row):
                conn.execute("UPDATE sync_setaside SET row = ? WHERE id = ?",
                             (json.dumps(sealed_row(seal, row), ensure_ascii=False), sid))


def _json(text: Any) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return None
