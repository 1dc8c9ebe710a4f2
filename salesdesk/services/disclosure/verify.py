"""Verifying the disclosure ledger (``python -m salesdesk db verify``): every record of every
device chain, read-only, each bad record named. The scans are the store's (store/ledger.py);
what counts as a problem is decided here and in domain/ledger.py."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from salesdesk.domain.ledger import (
    GENESIS,
    ChainHead,
    ChainProblem,
    SuspectRow,
    ack_problems,
    classify,
    fast_record_hash,
    tail_problems,
)
from salesdesk.services.disclosure.results import LedgerCheck
from salesdesk.services.maintenance import Finding
from salesdesk.store import ledger as store
from salesdesk.store.database import Database

if TYPE_CHECKING:
    import sqlite3

MAX_PROBLEMS_LISTED = 200


def _ack_problems(conn: sqlite3.Connection, acks: dict[str, ChainHead]) -> list[ChainProblem]:
    """Each chain against the head head office acknowledged: recomputing every hash and the
    local head after an edit, or deleting acknowledged records, no longer passes."""
    out: list[ChainProblem] = []
    for device, ack in acks.items():
        at = store.record_at(conn, device, ack.chain_seq)
        out += ack_problems(device, ack, at[0] if at else None, at[1] if at else None,
                            store.last_seq(conn, device))
    return out


def _checklists(conn: sqlite3.Connection, problems: list[str]) -> dict[str, str]:
    out = {}
    for cid, h, items in store.checklists(conn):
        actual = hashlib.sha256(_canonical_items(items).encode("utf-8")).hexdigest()
        if actual != h:
            problems.append(f"清单 {cid}：内容与哈希不符（被改动） / checklist {cid} was edited")
            continue
        out[cid] = h
    return out


def _canonical_items(items_json: str) -> str:
    try:
        return json.dumps(json.loads(items_json), ensure_ascii=False, sort_keys=True,
                          separators=(",", ":"))
    except ValueError:
        return "\x00invalid"


def _signatures(conn: sqlite3.Connection, problems: list[str]) -> dict[str, str]:
    out = {}
    for sid, h, png in store.signatures(conn):
        if hashlib.sha256(png or b"").hexdigest() != h:
            problems.append(f"签名 {sid}：图像与哈希不符（被改动） / signature {sid} was edited")
            continue
        out[sid] = h
    return out


def _suspects(conn: sqlite3.Connection, bad_checklists: set[str],
              bad_signatures: set[str]) -> list[ChainProblem]:
    out: list[ChainProblem] = []
    for rid, dev, seq, at, stored, prev, p_seq, p_hash, cl_ok, sig_ok in store.suspects(conn):
        values = store.hashed_values(conn, rid)
        if p_seq is None and seq != 1:
            # The record before it is gone: find the nearest one still there.
            found = store.last_record(conn, dev, before=seq)
            p_seq, p_hash = found if found else (None, None)
        out += classify(SuspectRow(str(rid), str(dev), seq, str(at or ""), str(stored),
                                   fast_record_hash(values), str(prev), p_seq, p_hash,
                                   bool(cl_ok), bool(sig_ok)))
    # Records pointing at evidence that was itself edited (its stored hash left as it was).
    for column, bad, kind, zh, en in (
            ("checklist_id", bad_checklists, "checklist", "所指清单被改动",
             "its checklist was edited"),
            ("signature_id", bad_signatures, "signature", "客户签名图像被改动",
             "the customer's signature image was edited")):
        for rid, dev, seq, at in store.records_pointing_at(conn, column, bad):
            out.append(ChainProblem(rid, dev, seq, at, kind, zh, en))
    return out


def _tails(conn: sqlite3.Connection, heads: dict[str, ChainHead]) -> list[ChainProblem]:
    out: list[ChainProblem] = []
    for device, head in heads.items():
        last = store.last_record(conn, device)
        seq, h = (0, GENESIS) if last is None else (int(last[0]), str(last[1]))
        out += tail_problems(device, seq, h, head)
    return out


def _missing_triggers(conn: sqlite3.Connection) -> list[str]:
    have = store.trigger_names(conn)
    want = [f"{t}_{w}" for t in store.LEDGER_TABLES for w in ("no_update", "no_delete")]
    return [t for t in want if t not in have]


def check_ledger(db: Database) -> LedgerCheck:
    """Verify every record of every device chain, read-only, naming each bad record."""
    with store.read_only(db.path) as conn:
        other: list[str] = []
        missing = _missing_triggers(conn)
        if missing:
            other.append("防篡改触发器被删除：" + "、".join(missing)
                         + " / ledger protection triggers removed")
        checklists = _checklists(conn, other)
        signatures = _signatures(conn, other)
        problems = _suspects(conn, store.checklist_ids(conn) - set(checklists),
                             store.signature_ids(conn) - set(signatures))
        problems += _tails(conn, store.heads(conn))
        problems += _ack_problems(conn, store.acks(conn))
        return LedgerCheck(store.record_count(conn), store.device_count(conn), problems, other)


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
