"""Appending to the disclosure ledger and verifying it (``python -m salesdesk db verify``).

The only code that writes ledger rows. A record's chain position (sequence, previous hash) is
read and written inside the caller's write transaction, which holds SQLite's write lock from
BEGIN IMMEDIATE, so two rounds saved at once cannot take the same place in the chain."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from salesdesk.domain.disclosure import Checklist, ChecklistItem, CoverageSummary, RecordType
from salesdesk.domain.ids import new_id
from salesdesk.domain.ledger import (
    ACK_KEY,
    GENESIS,
    HASH_FIELDS,
    TIME_FORMAT,
    ChainHead,
    ChainProblem,
    SuspectRow,
    ack_problems,
    classify,
    fast_record_hash,
    record_hash,
    tail_problems,
)
from salesdesk.services.maintenance import Finding
from salesdesk.store.database import Database
from salesdesk.store.models.disclosure import (
    DisclosureChecklist,
    DisclosureRecord,
    DisclosureSignature,
)
from salesdesk.store.models.local import LocalMeta
from salesdesk.store.uow import UnitOfWork

HEAD_KEY = "ledger_head."  # + device id -> "seq:hash"
LEDGER_TABLES = ("disclosure_record", "disclosure_checklist", "disclosure_signature")
MAX_PROBLEMS_LISTED = 200


def time_text(at: datetime) -> str:
    """A time as the ledger hashes it: the UTC text SQLite stores."""
    return at.astimezone(UTC).replace(tzinfo=None).strftime(TIME_FORMAT)


def checklist_row(uow: UnitOfWork, checklist: Checklist) -> DisclosureChecklist:
    """The stored checklist with these items, made once per distinct content."""
    h = checklist.hash
    row = uow.session.scalar(select(DisclosureChecklist).where(
        DisclosureChecklist.checklist_hash == h).limit(1))
    if row is None:
        items_json = json.dumps([i.as_json() for i in checklist.items], ensure_ascii=False,
                                separators=(",", ":"))
        row = DisclosureChecklist(checklist_hash=h, items_json=items_json,
                                  n_items=len(checklist.items))
        uow.add(row)
        uow.flush()
    return row


def checklist_items(row: DisclosureChecklist) -> list[ChecklistItem]:
    return [ChecklistItem.from_json(r) for r in json.loads(row.items_json)]


def add_signature(uow: UnitOfWork, png: bytes) -> DisclosureSignature:
    sig = DisclosureSignature(png=png, sha256=hashlib.sha256(png).hexdigest())
    uow.add(sig)
    uow.flush()
    return sig


@dataclass(frozen=True)
class NewRecord:
    record_type: RecordType
    round_kind: str
    customer_id: str
    unit_id: str
    consultant_id: str
    recorded_by: str
    started_at: datetime
    recorded_at: datetime
    checklist: DisclosureChecklist
    coverage: str
    summary: CoverageSummary
    signature: DisclosureSignature | None = None
    paper_form: bool = False
    supersedes_id: str = ""
    reason: str = ""


def _head(uow: UnitOfWork, device_id: str) -> tuple[int, str]:
    last = uow.session.execute(
        select(DisclosureRecord.chain_seq, DisclosureRecord.hash)
        .where(DisclosureRecord.created_by_device == device_id)
        .order_by(DisclosureRecord.chain_seq.desc()).limit(1)).first()
    return (0, GENESIS) if last is None else (int(last[0]), str(last[1]))


def append(uow: UnitOfWork, new: NewRecord) -> DisclosureRecord:
    """Append one record at the end of this device's chain, in the caller's transaction."""
    ctx = uow.context
    device = ctx.device_id
    seq, prev = _head(uow, device)
    s = new.summary
    rec = DisclosureRecord(
        sales_centre_id=ctx.sales_centre_id, chain_seq=seq + 1, prev_hash=prev,
        record_type=new.record_type.value, round_kind=new.round_kind,
        customer_id=new.customer_id, unit_id=new.unit_id, consultant_id=new.consultant_id,
        recorded_by=new.recorded_by, started_at=new.started_at, recorded_at=new.recorded_at,
        checklist_id=new.checklist.id, checklist_hash=new.checklist.checklist_hash,
        coverage=new.coverage, n_items=s.n_items, n_covered=s.n_covered,
        sunshine_ok=int(s.sunshine_ok), certificates_ok=int(s.certificates_ok),
        contract_ok=int(s.contract_ok), factors_ok=int(s.factors_ok),
        signature_id=new.signature.id if new.signature else "",
        signature_hash=new.signature.sha256 if new.signature else "",
        paper_form=int(new.paper_form), supersedes_id=new.supersedes_id, reason=new.reason,
    )
    rec.id = new_id()  # the id is part of the hashed content, so it is made before flush
    values = hashed_values(rec, device)
    rec.hash = record_hash(values)
    uow.add(rec)
    uow.flush()
    head = f"{rec.chain_seq}:{rec.hash}"
    uow.session.execute(sqlite_insert(LocalMeta).values(key=HEAD_KEY + device, value=head)
                        .on_conflict_do_update(index_elements=["key"], set_={"value": head}))
    return rec


def hashed_values(rec: DisclosureRecord, device: str) -> list[Any]:
    out: list[Any] = []
    for name in HASH_FIELDS:
        if name == "created_by_device":
            out.append(device)
        elif name in ("started_at", "recorded_at"):
            out.append(time_text(getattr(rec, name)))
        else:
            out.append(getattr(rec, name))
    return out


# ---- verification ---------------------------------------------------------------------------


def _heads(conn: sqlite3.Connection) -> dict[str, ChainHead]:
    heads = {}
    for key, value in conn.execute("SELECT key, value FROM local_meta WHERE key LIKE ?",
                                   (HEAD_KEY + "%",)):
        seq, _, h = str(value).partition(":")
        heads[str(key)[len(HEAD_KEY):]] = ChainHead(int(seq), h)
    return heads


def _acks(conn: sqlite3.Connection) -> dict[str, ChainHead]:
    acks = {}
    for key, value in conn.execute("SELECT key, value FROM local_meta WHERE key LIKE ?",
                                   (ACK_KEY + "%",)):
        seq, _, h = str(value).partition(":")
        try:
            acks[str(key)[len(ACK_KEY):]] = ChainHead(int(seq), h)
        except ValueError:
            acks[str(key)[len(ACK_KEY):]] = ChainHead(1, "?")  # garbled: nothing will match
    return acks


def _ack_problems(conn: sqlite3.Connection, acks: dict[str, ChainHead]) -> list[ChainProblem]:
    """Each chain against the head head office acknowledged: recomputing every hash and the
    local head after an edit, or deleting acknowledged records, no longer passes."""
    out: list[ChainProblem] = []
    for device, ack in acks.items():
        at = conn.execute("SELECT id, hash FROM disclosure_record WHERE created_by_device = ? "
                          "AND chain_seq = ?", (device, ack.chain_seq)).fetchone()
        last = conn.execute("SELECT MAX(chain_seq) FROM disclosure_record "
                            "WHERE created_by_device = ?", (device,)).fetchone()[0]
        out += ack_problems(device, ack, str(at[0]) if at else None,
                            str(at[1]) if at else None, int(last or 0))
    return out


def _checklists(conn: sqlite3.Connection, problems: list[str]) -> dict[str, str]:
    out = {}
    for cid, h, items in conn.execute(
            "SELECT id, checklist_hash, items_json FROM disclosure_checklist"):
        actual = hashlib.sha256(_canonical_items(items).encode("utf-8")).hexdigest()
        if actual != h:
            problems.append(f"清单 {cid}：内容与哈希不符（被改动） / checklist {cid} was edited")
            continue
        out[str(cid)] = str(h)
    return out


def _canonical_items(items_json: str) -> str:
    try:
        return json.dumps(json.loads(items_json), ensure_ascii=False, sort_keys=True,
                          separators=(",", ":"))
    except ValueError:
        return "\x00invalid"


def _signatures(conn: sqlite3.Connection, problems: list[str]) -> dict[str, str]:
    out = {}
    for sid, h, png in conn.execute("SELECT id, sha256, png FROM disclosure_signature"):
        if hashlib.sha256(png or b"").hexdigest() != h:
            problems.append(f"签名 {sid}：图像与哈希不符（被改动） / signature {sid} was edited")
            continue
        out[str(sid)] = str(h)
    return out


def _hash_ok(content: bytes | None, stored: str | None) -> int:
    return int(hashlib.sha256(content or b"").hexdigest() == stored)


# The chain checked inside SQLite in one sequential pass: SQLite builds each record's canonical
# JSON (json_array gives byte for byte what ledger.canonical gives — a test holds them to it),
# Python only hashes it, each link is one lookup in the (device, seq) index, and only suspect
# rows come back. Millions of records are verified without a Python object per row.
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


def _suspects(conn: sqlite3.Connection, bad_checklists: set[str],
              bad_signatures: set[str]) -> list[ChainProblem]:
    out: list[ChainProblem] = []
    fields = ", ".join(HASH_FIELDS)
    for rid, dev, seq, at, stored, prev, p_seq, p_hash, cl_ok, sig_ok in \
            conn.execute(_SUSPECTS).fetchall():
        values = conn.execute(f"SELECT {fields} FROM disclosure_record WHERE id = ?",
                              (rid,)).fetchone()
        if p_seq is None and seq != 1:
            # The record before it is gone: find the nearest one still there.
            found = conn.execute(
                "SELECT chain_seq, hash FROM disclosure_record WHERE created_by_device = ? "
                "AND chain_seq < ? ORDER BY chain_seq DESC LIMIT 1", (dev, seq)).fetchone()
            p_seq, p_hash = (found[0], found[1]) if found else (None, None)
        out += classify(SuspectRow(str(rid), str(dev), seq, str(at or ""), str(stored),
                                   fast_record_hash(list(values)), str(prev), p_seq, p_hash,
                                   bool(cl_ok), bool(sig_ok)))
    # Records pointing at evidence that was itself edited (its stored hash left as it was).
    for column, bad, kind, zh, en in (
            ("checklist_id", bad_checklists, "checklist", "所指清单被改动",
             "its checklist was edited"),
            ("signature_id", bad_signatures, "signature", "客户签名图像被改动",
             "the customer's signature image was edited")):
        ids = sorted(bad)
        for chunk in [ids[i:i + 500] for i in range(0, len(ids), 500)]:
            marks = ",".join("?" * len(chunk))
            for rid, dev, seq, at in conn.execute(
                    f"SELECT id, created_by_device, chain_seq, recorded_at FROM disclosure_record "
                    f"WHERE {column} IN ({marks})", chunk):
                out.append(ChainProblem(str(rid), str(dev), int(seq or 0), str(at or ""), kind,
                                        zh, en))
    return out


def _device_count(conn: sqlite3.Connection) -> int:
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


def _tails(conn: sqlite3.Connection, heads: dict[str, ChainHead]) -> list[ChainProblem]:
    out: list[ChainProblem] = []
    for device, head in heads.items():
        last = conn.execute("SELECT chain_seq, hash FROM disclosure_record WHERE "
                            "created_by_device = ? ORDER BY chain_seq DESC LIMIT 1",
                            (device,)).fetchone()
        seq, h = (0, GENESIS) if last is None else (int(last[0]), str(last[1]))
        out += tail_problems(device, seq, h, head)
    return out


def _missing_triggers(conn: sqlite3.Connection) -> list[str]:
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    want = [f"{t}_{w}" for t in LEDGER_TABLES for w in ("no_update", "no_delete")]
    return [t for t in want if t not in have]


@dataclass
class LedgerCheck:
    records: int
    devices: int
    chain_problems: list[ChainProblem]
    other_problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.chain_problems and not self.other_problems


def check_ledger(db: Database) -> LedgerCheck:
    """Verify every record of every device chain, read-only, naming each bad record."""
    conn = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
    conn.create_function("sd_hash_ok", 2, _hash_ok, deterministic=True)
    try:
        other: list[str] = []
        missing = _missing_triggers(conn)
        if missing:
            other.append("防篡改触发器被删除：" + "、".join(missing)
                         + " / ledger protection triggers removed")
        checklists = _checklists(conn, other)
        signatures = _signatures(conn, other)
        all_cl = {str(r[0]) for r in conn.execute("SELECT id FROM disclosure_checklist")}
        all_sig = {str(r[0]) for r in conn.execute("SELECT id FROM disclosure_signature")}
        problems = _suspects(conn, all_cl - set(checklists), all_sig - set(signatures))
        problems += _tails(conn, _heads(conn))
        problems += _ack_problems(conn, _acks(conn))
        records = int(conn.execute("SELECT COUNT(*) FROM disclosure_record").fetchone()[0])
        devices = _device_count(conn)
        return LedgerCheck(records, devices, problems, other)
    finally:
        conn.close()


def ledger_verifier(db: Database) -> list[Finding]:
    """The ``db verify`` check: one finding per problem, naming the record."""
    check = check_ledger(db)
    findings = [Finding("disclosure_ledger", False, p) for p in check.other_problems]
    for p in check.chain_problems[:MAX_PROBLEMS_LISTED]:
        findings.append(Finding("disclosure_ledger", False, p.text()))
    if len(check.chain_problems) > MAX_PROBLEMS_LISTED:
        findings.append(Finding("disclosure_ledger", False,
                                f"……另有 {len(check.chain_problems) - MAX_PROBLEMS_LISTED} 处问题"))
    if check.ok:
        findings.append(Finding("disclosure_ledger", True,
                                f"{check.records} 条告知记录，{check.devices} 台设备的哈希链完整 / "
                                f"{check.records} records, {check.devices} device chain(s) intact"))
    return findings
