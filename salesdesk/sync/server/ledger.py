"""Head office's copy of every device's disclosure-ledger chain (table ``ledger_chain``).

A new disclosure record is admitted only if its hash is the hash of its content, it links to
the record before it as head office holds it, and its place in its chain (device, number) is
free. A second record claiming a place already held is a fork: refused, raised as an alarm,
and sent to every device of the centre as a conflict row for supervisors — never forwarded as
a record, so no device's pull ever has to deal with two records in one place. The push reply
acknowledges each record's hash; devices keep the acknowledged head and compare with
``GET /v1/ledger`` (``db verify --online``)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import psycopg

from salesdesk.domain.ledger import GENESIS, payload_hash
from salesdesk.sync.rules import Change, KeptLoser, Outcome, content
from salesdesk.sync.server.auth import DeviceAuth

ENTITY = "disclosure_record"
MAX_PAGE = 5000
# Chain numbers are JSON numbers from an untrusted peer: beyond this they are not a ledger's
# (and would not fit PostgreSQL's bigint, which must never become a 5xx).
MAX_SEQ = 2**53


def _place(payload: Mapping[str, Any]) -> tuple[str, int, str, str] | None:
    """(chain, number, claimed hash, previous hash), or None when the row is malformed."""
    chain, seq = payload.get("created_by_device"), payload.get("chain_seq")
    claimed, prev = payload.get("hash"), payload.get("prev_hash")
    if (not isinstance(chain, str) or not chain or type(seq) is not int
            or not 1 <= seq < MAX_SEQ or not isinstance(claimed, str)
            or not isinstance(prev, str)):
        return None
    return chain, seq, claimed, prev


def _refuse(conn: psycopg.Connection, device: DeviceAuth, change: Change, kind: str,
            reason: str, held: Mapping[str, Any] | None) -> Outcome:
    detail = {"chain": change.payload.get("created_by_device"),
              "chain_seq": change.payload.get("chain_seq"), "reason": reason}
    conn.execute(
        "INSERT INTO alarm (company_id, kind, entity, row_id, device_id, change_id, detail) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s)",
        (device.company_id, kind, change.entity, change.row_id, change.device_id,
         change.change_id, json.dumps({**detail, "held": held, "payload": dict(change.payload)},
                                      ensure_ascii=False)))
    # The refused record is kept (CouchDB's rule) inside a conflict row that reaches every
    # device, so supervisors see the alarm on each audit page.
    loser = KeptLoser(kind, "", content(change.payload), held, change.device_id, detail)
    return Outcome("rejected", reason, losers=[loser])


def admit(conn: psycopg.Connection, device: DeviceAuth, change: Change,
          outcome: Outcome) -> Outcome:
    """A new disclosure record the table's rule would apply: take its place in head office's
    copy of its chain, or refuse it. Same-id repeats never get here (the append-only rule
    answers them first)."""
    place = _place(change.payload)
    try:
        computed = payload_hash(change.payload)
    except (KeyError, ValueError, TypeError):
        place = None
    if place is None:
        return Outcome("rejected", "ledger: not a ledger record (fields missing or malformed)")
    chain, seq, claimed, prev = place
    if computed != claimed:
        return _refuse(conn, device, change, "ledger_hash",
                       "ledger: the hash does not match the record's content", None)
    key = (device.company_id, chain)
    # One round trip on the usual path: the link is checked and the place taken in the same
    # statement. The primary key decides between two pushes claiming one place at the same
    # time: the second waits for the first to commit and then finds the place taken.
    prev_held, took = conn.execute(
        "WITH prev AS (SELECT hash FROM ledger_chain WHERE company_id = %(co)s "
        "  AND device_id = %(chain)s AND chain_seq = %(seq)s - 1), "
        "ins AS (INSERT INTO ledger_chain (company_id, device_id, chain_seq, hash, prev_hash, "
        "  record_id, sales_centre_id, pushed_by) "
        "  SELECT %(co)s, %(chain)s, %(seq)s, %(hash)s, %(prev)s, %(rid)s, %(centre)s, %(by)s "
        "  WHERE CASE WHEN %(seq)s = 1 THEN %(prev)s = %(genesis)s "
        "             ELSE coalesce((SELECT hash FROM prev), %(prev)s) = %(prev)s END "
        "  ON CONFLICT DO NOTHING RETURNING 1) "
        "SELECT (SELECT hash FROM prev), EXISTS (SELECT 1 FROM ins)",
        {"co": key[0], "chain": chain, "seq": seq, "hash": claimed, "prev": prev,
         "rid": change.row_id, "centre": change.payload.get("sales_centre_id"),
         "by": change.device_id, "genesis": GENESIS}).fetchone() or (None, False)
    if (seq == 1 and prev != GENESIS) or (prev_held is not None and prev_held != prev):
        return _refuse(conn, device, change, "ledger_link",
                       f"ledger: does not link to record {seq - 1} of its chain as head office "
                       "holds it", {"chain_seq": seq - 1, "hash": prev_held})
    if not took:
        held = conn.execute("SELECT hash, record_id FROM ledger_chain WHERE company_id = %s "
                            "AND device_id = %s AND chain_seq = %s", (*key, seq)).fetchone()
        if held is not None and held[0] == claimed and held[1] == change.row_id:
            return outcome  # the same record, sent twice at once
        return _refuse(conn, device, change, "ledger_fork",
                       f"ledger fork: record {seq} of this chain is already held with another "
                       "hash", {"chain_seq": seq, "hash": held[0] if held else None,
                                "record_id": held[1] if held else None})
    return outcome


def acknowledge(conn: psycopg.Connection, company_id: str, changes: Sequence[Change],
                results: list[dict[str, Any]]) -> None:
    """Add to each applied or duplicate disclosure record's result the (chain, number, hash)
    head office holds for it — only when that is the very record sent."""
    wanted: dict[tuple[str, int], tuple[str, str, dict[str, Any]]] = {}
    by_seq = {r["seq"]: r for r in results}
    for c in changes:
        r = by_seq.get(c.seq)
        if c.entity != ENTITY or r is None or r["status"] not in ("applied", "duplicate"):
            continue
        place = _place(c.payload)
        if place is not None:
            wanted[(place[0], place[1])] = (c.row_id, place[2], r)
    if not wanted:
        return
    keys = sorted(wanted)
    for chain, seq, h, rid in conn.execute(
            "SELECT device_id, chain_seq, hash, record_id FROM ledger_chain WHERE company_id = %s "
            "AND (device_id, chain_seq) IN (SELECT * FROM unnest(%s::text[], %s::bigint[]))",
            (company_id, [k[0] for k in keys], [k[1] for k in keys])):
        row_id, claimed, result = wanted[(chain, int(seq))]
        if rid == row_id and h == claimed:
            result["ledger"] = {"device": chain, "chain_seq": int(seq), "hash": h}


def chain_page(conn: psycopg.Connection, device: DeviceAuth, chain: str, after: int,
               limit: int) -> dict[str, Any]:
    """One page of a chain as head office holds it, for ``db verify --online``."""
    limit = max(1, min(limit, MAX_PAGE))
    rows = conn.execute(
        "SELECT chain_seq, hash, record_id FROM ledger_chain WHERE company_id = %s "
        "AND device_id = %s AND chain_seq > %s ORDER BY chain_seq LIMIT %s",
        (device.company_id, chain, after, limit)).fetchall()
    conn.rollback()
    entries = [[int(s), h, rid] for s, h, rid in rows]
    return {"device": chain, "after": after, "entries": entries,
            "next_after": entries[-1][0] if entries else after,
            "has_more": len(entries) == limit}
