"""The disclosure ledger's storage: its rows written in the caller's unit of work, and the
read-only scans ``db verify`` and the anchors make straight on the SQLite file.

A record's chain position (sequence, previous hash) is read and written inside the caller's
write transaction, which holds SQLite's write lock from BEGIN IMMEDIATE, so two rounds saved at
once cannot take the same place in the chain. The scans use a plain read-only ``sqlite3``
connection: millions of records are checked without a Python object per row."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from salesdesk.domain.ledger import ACK_KEY, GENESIS, HASH_FIELDS, ChainHead
from salesdesk.store.models.disclosure import (
    DisclosureChecklist,
    DisclosureRecord,
    DisclosureSignature,
)
from salesdesk.store.models.local import LocalMeta
from salesdesk.store.uow import UnitOfWork

HEAD_KEY = "ledger_head."  # + device id -> "seq:hash"
LEDGER_TABLES = ("disclosure_record", "disclosure_checklist", "disclosure_signature")

# ---- writes, in the caller's unit of work -----------------------------------------------------


def checklist_by_hash(uow: UnitOfWork, checklist_hash: str) -> DisclosureChecklist | None:
    return uow.session.scalar(select(DisclosureChecklist).where(
        DisclosureChecklist.checklist_hash == checklist_hash).limit(1))


def add_checklist(uow: UnitOfWork, checklist_hash: str, items_json: str,
                  n_items: int) -> DisclosureChecklist:
    row = DisclosureChecklist(checklist_hash=checklist_hash, items_json=items_json,
                              n_items=n_items)
    uow.add(row)
    uow.flush()
    return row


def add_signature(uow: UnitOfWork, png: bytes, sha256: str) -> DisclosureSignature:
    sig = DisclosureSignature(png=png, sha256=sha256)
    uow.add(sig)
    uow.flush()
    return sig


def chain_end(uow: UnitOfWork, device_id: str) -> tuple[int, str] | None:
    """The last record of a device's chain: (sequence, hash), None for an empty chain."""
    last = uow.session.execute(
        select(DisclosureRecord.chain_seq, DisclosureRecord.hash)
        .where(DisclosureRecord.created_by_device == device_id)
        .order_by(DisclosureRecord.chain_seq.desc()).limit(1)).first()
    return None if last is None else (int(last[0]), str(last[1]))


def new_record(**fields: Any) -> DisclosureRecord:
    """A record not yet stored: its hash is computed from these values before it is added."""
    return DisclosureRecord(**fields)


def add_record(uow: UnitOfWork, rec: DisclosureRecord, device_id: str) -> None:
    """Store a hashed record and move this device's head to it."""
    uow.add(rec)
    uow.flush()
    head = f"{rec.chain_seq}:{rec.hash}"
    uow.session.execute(sqlite_insert(LocalMeta).values(key=HEAD_KEY + device_id, value=head)
                        .on_conflict_do_update(index_elements=["key"], set_={"value": head}))


# ---- read-only scans of the file --------------------------------------------------------------


def _sha(content: bytes | None) -> str:
    return hashlib.sha256(content or b"").hexdigest()


def _hash_ok(content: bytes | None, stored: str | None) -> int:
    return int(_sha(content) == stored)


@contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """The database file opened read-only, with the hash functions the scans below use."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.create_function("sd_hash_ok", 2, _hash_ok, deterministic=True)
    conn.create_function("sd_sha", 1, _sha, deterministic=True)
    try:
        yield conn
    finally:
        conn.close()


def _meta_heads(conn: sqlite3.Connection, prefix: str) -> Iterator[tuple[str, str, str]]:
    for key, value in conn.execute("SELECT key, value FROM local_meta WHERE key LIKE ?",
                                   (prefix + "%",)):
        seq, _, h = str(value).partition(":")
        yield str(key)[len(prefix):], seq, h


def heads(conn: sqlite3.Connection) -> dict[str, ChainHead]:
    """Each device's head as this file last wrote it."""
    return {device: ChainHead(int(seq), h) for device, seq, h in _meta_heads(conn, HEAD_KEY)}


def acks(conn: sqlite3.Connection) -> dict[str, ChainHead]:
    """Each device's head as head office acknowledged it."""
    out = {}
    for device, seq, h in _meta_heads(conn, ACK_KEY):
        try:
            out[device] = ChainHead(int(seq), h)
        except ValueError:
            out[device] = ChainHead(1, "?")  # garbled: nothing will match
    return out


def record_at(conn: sqlite3.Connection, device: str, seq: int) -> tuple[str, str] | None:
    """(id, hash) of a device's record at a sequence number."""
    at = conn.execute("SELECT id, hash FROM disclosure_record WHERE created_by_device = ? "
                      "AND chain_seq = ?", (device, seq)).fetchone()
    return None if at is None else (str(at[0]), str(at[1]))


def last_seq(conn: sqlite3.Connection, device: str) -> int:
    last = conn.execute("SELECT MAX(chain_seq) FROM disclosure_record "
                        "WHERE created_by_device = ?", (device,)).fetchone()[0]
    return int(last or 0)


def last_record(conn: sqlite3.Connection, device: str,
                before: int | None = None) -> tuple[int, str] | None:
    """(sequence, hash) of a device's last record (before a sequence number, if given)."""
    if before is None:
        row = conn.execute("SELECT chain_seq, hash FROM disclosure_record WHERE "
                           "created_by_device = ? ORDER BY chain_seq DESC LIMIT 1",
                           (device,)).fetchone()
    else:
        row = conn.execute(
            "SELECT chain_seq, hash FROM disclosure_record WHERE created_by_device = ? "
            "AND chain_seq < ? ORDER BY chain_seq DESC LIMIT 1", (device, before)).fetchone()
    return None if row is None else (row[0], row[1])


def checklists(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(id, stored hash, items JSON) of every stored checklist."""
    return [(str(c), str(h), items) for c, h, items in conn.execute(
        "SELECT id, checklist_hash, items_json FROM disclosure_checklist")]


def signatures(conn: sqlite3.Connection) -> list[tuple[str, str, bytes | None]]:
    """(id, stored hash, image) of every stored signature."""
    return [(str(s), str(h), png) for s, h, png in conn.execute(
        "SELECT id, sha256, png FROM disclosure_signature")]


def checklist_ids(conn: sqlite3.Connection) -> set[str]:
    return {str(r[0]) for r in conn.execute("SELECT id FROM disclosure_checklist")}


def signature_ids(conn: sqlite3.Connection) -> set[str]:
    return {str(r[0]) for r in conn.execute("SELECT id FROM disclosure_signature")}


# The chain checked inside SQLite in one sequential pass: SQLite builds each record's canonical
# JSON (json_array gives byte for byte what ledger.canonical gives — a test holds them to it),
# Python only hashes it, each link is one lookup in the (device, seq) index, and only suspect
# rows come back.
_COLS = ", ".join("r." + f for f in HASH_FIELDS)
_SUSPECTS = f"""
SELECT r.id, r.created_by_device, r.chain_seq, r.recorded_at, r.hash, r.prev_hash,
       p.chain_seq, p.hash,
       EXISTS (SELECT 1 FROM disclosure_checklist c WHERE c.id = r.checklist_id
               AND c.checklist_hash = r.checklist_hash),
       (r.signature_id = '' OR EXISTS (SELECT 1 FROM disclosure_signature s
               WHERE s.id = r.signature_id AND s.sha256 = r.signature_hash))
FROM disclosure_record r
LEFT JOIN disclosure_record p
       ON p.created_by_device = r.created_by_device AND p.chain_seq = r.chain_seq - 1
WHERE NOT sd_hash_ok(CAST(json_array({_COLS}) AS BLOB), r.hash)
   OR r.prev_hash IS NOT COALESCE(p.hash, CASE WHEN r.chain_seq = 1 THEN '{GENESIS}' END)
   OR NOT EXISTS (SELECT 1 FROM disclosure_checklist c WHERE c.id = r.checklist_id
                  AND c.checklist_hash = r.checklist_hash)
   OR (r.signature_id != '' AND NOT EXISTS (SELECT 1 FROM disclosure_signature s
                  WHERE s.id = r.signature_id AND s.sha256 = r.signature_hash))
"""


def suspects(conn: sqlite3.Connection) -> list[Any]:
    """Records whose hash, link, checklist or signature does not hold: (id, device, seq,
    recorded at, hash, previous hash, previous record's seq and hash, checklist ok, signature
    ok)."""
    return conn.execute(_SUSPECTS).fetchall()


def hashed_values(conn: sqlite3.Connection, record_id: str) -> list[Any]:
    """A stored record's values in HASH_FIELDS order."""
    fields = ", ".join(HASH_FIELDS)
    return list(conn.execute(f"SELECT {fields} FROM disclosure_record WHERE id = ?",
                             (record_id,)).fetchone())


def records_pointing_at(conn: sqlite3.Connection, column: str,
                        ids: Iterable[str]) -> Iterator[tuple[str, str, int, str]]:
    """(id, device, seq, recorded at) of the records whose checklist_id or signature_id is one
    of ``ids``."""
    assert column in ("checklist_id", "signature_id")
    wanted = sorted(ids)
    for chunk in [wanted[i:i + 500] for i in range(0, len(wanted), 500)]:
        marks = ",".join("?" * len(chunk))
        for rid, dev, seq, at in conn.execute(
                f"SELECT id, created_by_device, chain_seq, recorded_at FROM disclosure_record "
                f"WHERE {column} IN ({marks})", chunk):
            yield str(rid), str(dev), int(seq or 0), str(at or "")


def device_count(conn: sqlite3.Connection) -> int:
    """Distinct devices by skipping through the (device, seq) index: a few lookups, not a scan
    of millions of index entries."""
    count, last = 0, ""
    while True:
        row = conn.execute("SELECT created_by_device FROM disclosure_record "
                           "WHERE created_by_device > ? ORDER BY created_by_device LIMIT 1",
                           (last,)).fetchone()
        if row is None:
            return count
        count, last = count + 1, str(row[0])


def record_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM disclosure_record").fetchone()[0])


def trigger_names(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}


def chain_counts(conn: sqlite3.Connection) -> dict[str, tuple[int, int]]:
    """Device -> (records, last sequence), in one pass over the (device, seq) index."""
    return {str(d): (int(n), int(m)) for d, n, m in conn.execute(
        "SELECT created_by_device, COUNT(*), MAX(chain_seq) FROM disclosure_record "
        "GROUP BY created_by_device")}


def pending_record_ids(conn: sqlite3.Connection) -> set[str]:
    """Ledger records still waiting in the outbox (head office cannot have them yet)."""
    return {str(r[0]) for r in conn.execute(
        "SELECT row_id FROM outbox WHERE entity = 'disclosure_record'")}


def chain_entries(conn: sqlite3.Connection, device: str) -> Iterator[tuple[int, str, str, str, str]]:
    """(seq, id, stored hash, hash of the content as stored, recorded at) of a device's chain in
    order. The content's hash is recomputed in SQLite (json_array is the canonical JSON): a
    record edited with its hash left as it was differs too."""
    cols = ", ".join(HASH_FIELDS)
    for seq, rid, stored, computed, at in conn.execute(
            f"SELECT chain_seq, id, hash, sd_sha(CAST(json_array({cols}) AS BLOB)), "
            f"recorded_at FROM disclosure_record WHERE created_by_device = ? "
            f"ORDER BY chain_seq", (device,)):
        yield int(seq), str(rid), str(stored), str(computed), str(at or "")
