"""The disclosure ledger anchored outside the file: each chain's head and the head head office
acknowledged (printed on the audit report as a paper anchor), the comparison of this file's
chains with head office's copy (``db verify --online``), and the ledger alarms head office
raised (forks, records whose hash or link it refused), which reach every device.

The offline half lives in ``disclosure_ledger.check_ledger`` (the acknowledged head). Its
limit is honest: someone who rewrites the chain, the local head *and* the acknowledged head in
the same file passes it; only the online comparison catches that."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select

from salesdesk.domain.errors import DomainError
from salesdesk.domain.ledger import (
    HASH_FIELDS,
    ChainHead,
    ChainProblem,
    LocalEntry,
    ServerEntry,
    compare_with_server,
)
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services.disclosure_ledger import LEDGER_TABLES, MAX_PROBLEMS_LISTED, _acks
from salesdesk.services.maintenance import Finding
from salesdesk.services.sync import SyncService
from salesdesk.store.database import Database
from salesdesk.store.models.sync import SyncConflict

Progress = Callable[[int, int, str], None]
LEDGER_ALARM_KINDS = ("ledger_fork", "ledger_hash", "ledger_link")
ALARM_LABELS_ZH = {
    "ledger_fork": "告知记录链分叉：同一设备同一序号出现另一条记录，总部已拒收",
    "ledger_hash": "告知记录内容与其哈希不符，总部已拒收",
    "ledger_link": "告知记录与链中前一条不衔接，总部已拒收",
    "tamper": "同一告知记录再次上传时内容不同（疑似篡改），总部已拒收",
}
PAGE = 5000


@dataclass(frozen=True)
class ChainSummary:
    """One device's chain as this file holds it, and what head office acknowledged of it."""

    device_id: str
    records: int
    head_seq: int
    head_hash: str
    ack_seq: int
    ack_hash: str
    own: bool


@dataclass(frozen=True)
class OnlineCheck:
    chains: tuple[ChainSummary, ...]
    compared: int  # records head office holds that were compared
    problems: tuple[ChainProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class LedgerAlarm:
    id: str
    kind: str
    label: str
    record_id: str
    chain_device: str
    chain_seq: int | None
    reason: str
    sent_by: str  # the enrolled device whose push was refused
    created_at: datetime
    status: str


def _sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class LedgerAnchorService:
    def __init__(self, db: Database, sync: SyncService) -> None:
        self._db = db
        self._sync = sync

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(f"file:{self._db.path}?mode=ro", uri=True)
        conn.create_function("sd_sha", 1, _sha, deterministic=True)
        return conn

    # ---- the paper anchor ------------------------------------------------------------------

    def chains(self, actor: Actor | None = None) -> list[ChainSummary]:
        """Every chain this file holds or head office acknowledged, this device's first."""
        if actor is not None:
            actor.require(Permission.VIEW_AUDIT)
        return chain_summaries(self._db)

    def _chains(self, conn: sqlite3.Connection) -> list[ChainSummary]:
        return _summaries(conn, self._db.device_id)

    # ---- head office's copy ----------------------------------------------------------------

    def check_online(self, actor: Actor | None = None,
                     progress: Progress | None = None) -> OnlineCheck:
        """Compare every chain of this file with head office's copy, record by record; every
        rewritten, deleted, forked or inserted record is named with its number. Read-only on
        both sides. Network errors raise (a sync error with a clear message)."""
        if actor is not None:
            actor.require(Permission.VERIFY_LEDGER)
        step = progress or (lambda done, total, what: None)
        client = self._sync.client()
        conn = self._connect()
        try:
            chains = self._chains(conn)
            pending = {str(r[0]) for r in conn.execute(
                "SELECT row_id FROM outbox WHERE entity = 'disclosure_record'")}
            total = sum(max(c.records, c.ack_seq) for c in chains) or 1
            done = 0
            problems: list[ChainProblem] = []
            compared = 0
            for chain in chains:
                step(min(done, total), total, f"设备 {chain.device_id[:8]}")

                def server(device: str = chain.device_id) -> Iterator[ServerEntry]:
                    nonlocal done, compared
                    after = 0
                    while True:
                        page = client.ledger_page(device, after, PAGE)
                        entries = _entries(page, device, after)
                        yield from entries
                        compared += len(entries)
                        done += len(entries)
                        step(min(done, total), total, f"设备 {device[:8]}")
                        if not entries or not page.get("has_more"):
                            return
                        after = entries[-1].chain_seq

                problems += compare_with_server(
                    chain.device_id, self._local(conn, chain.device_id, pending), server(),
                    own=chain.own, local_last=chain.head_seq, ack_seq=chain.ack_seq)
            step(total, total, "完成")
            return OnlineCheck(tuple(chains), compared, tuple(problems))
        finally:
            conn.close()

    @staticmethod
    def _local(conn: sqlite3.Connection, device: str,
               pending: set[str]) -> Iterator[LocalEntry]:
        cols = ", ".join(HASH_FIELDS)
        # The content's hash is recomputed in SQLite (json_array is the canonical JSON, see
        # disclosure_ledger): a record edited with its hash left as it was differs too.
        for seq, rid, stored, computed, at in conn.execute(
                f"SELECT chain_seq, id, hash, sd_sha(CAST(json_array({cols}) AS BLOB)), "
                f"recorded_at FROM disclosure_record WHERE created_by_device = ? "
                f"ORDER BY chain_seq", (device,)):
            yield LocalEntry(int(seq), str(rid), str(stored), str(computed), str(at or ""),
                             str(rid) in pending)

    def online_findings(self, actor: Actor | None = None,
                        progress: Progress | None = None) -> list[Finding]:
        """``db verify --online``: one finding per problem, naming the record."""
        try:
            check = self.check_online(actor, progress)
        except DomainError as exc:
            return [Finding("ledger_online", False, f"{exc.message} / {exc.en}")]
        findings = [Finding("ledger_online", False, p.text())
                    for p in check.problems[:MAX_PROBLEMS_LISTED]]
        if len(check.problems) > MAX_PROBLEMS_LISTED:
            findings.append(Finding("ledger_online", False,
                                    f"……另有 {len(check.problems) - MAX_PROBLEMS_LISTED} 处问题"))
        if check.ok:
            findings.append(Finding(
                "ledger_online", True,
                f"与总部副本一致：{len(check.chains)} 条链，比对 {check.compared} 条记录 / "
                f"matches head office: {len(check.chains)} chain(s), {check.compared} records"))
        return findings

    # ---- alarms head office raised ---------------------------------------------------------

    def alarms(self, actor: Actor) -> list[LedgerAlarm]:
        """Ledger records head office refused (forks, wrong hash, broken link), newest first,
        as they reached this device through the feed."""
        actor.require(Permission.VIEW_AUDIT)
        with self._db.reader(actor) as uow:
            # Besides head office's ledger alarms, the append-only rule's own: a ledger record
            # sent again under its id with other content.
            rows = uow.session.scalars(select(SyncConflict).where(
                or_(SyncConflict.kind.in_(LEDGER_ALARM_KINDS),
                    and_(SyncConflict.kind == "tamper",
                         SyncConflict.entity.in_(LEDGER_TABLES))),
                SyncConflict.deleted.is_(False))
                .order_by(SyncConflict.created_at.desc())).all()
            return [_alarm(c) for c in rows]


def _summaries(conn: sqlite3.Connection, own: str) -> list[ChainSummary]:
    # One pass over the (device, seq) index for the counts; one lookup per chain for its head.
    counts = {str(d): (int(n), int(m)) for d, n, m in conn.execute(
        "SELECT created_by_device, COUNT(*), MAX(chain_seq) FROM disclosure_record "
        "GROUP BY created_by_device")}
    acks = _acks(conn)
    out = []
    for device in sorted(set(counts) | set(acks) | {own}, key=lambda d: (d != own, d)):
        n, last = counts.get(device, (0, 0))
        row = conn.execute("SELECT hash FROM disclosure_record WHERE created_by_device = ? "
                           "AND chain_seq = ?", (device, last)).fetchone() if last else None
        ack = acks.get(device, ChainHead(0, ""))
        out.append(ChainSummary(device, n, last, str(row[0]) if row else "", ack.chain_seq,
                                ack.hash, device == own))
    return out


def chain_summaries(db: Database) -> list[ChainSummary]:
    """Each chain's head and record count, and the head head office acknowledged (the audit
    report prints them: a paper anchor)."""
    conn = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
    try:
        return _summaries(conn, db.device_id)
    finally:
        conn.close()


def _alarm(c: SyncConflict) -> LedgerAlarm:
    try:
        detail: Any = json.loads(c.detail)
    except ValueError:
        detail = {}
    detail = detail if isinstance(detail, dict) else {}
    if "chain" not in detail:  # a tamper alarm: the refused content says where it was
        try:
            kept = json.loads(c.kept_value)
        except ValueError:
            kept = {}
        kept = kept if isinstance(kept, dict) else {}
        detail = {"chain": kept.get("created_by_device"), "chain_seq": kept.get("chain_seq")}
    seq = detail.get("chain_seq")
    return LedgerAlarm(c.id, c.kind, ALARM_LABELS_ZH.get(c.kind, c.kind), c.row_id,
                       str(detail.get("chain") or ""), seq if type(seq) is int else None,
                       str(detail.get("reason") or ""), c.losing_device, c.created_at, c.status)


def _entries(page: Any, device: str, after: int) -> list[ServerEntry]:
    """A page of head office's reply, checked: a malformed one is an error, never a pass."""
    bad = DomainError("总部返回的告知记录链数据无效", en="Head office's ledger reply is malformed")
    if not isinstance(page, dict) or page.get("device") != device:
        raise bad
    raw = page.get("entries")
    if not isinstance(raw, list):
        raise bad
    out: list[ServerEntry] = []
    last = after
    for e in raw:
        if (not isinstance(e, list) or len(e) != 3 or type(e[0]) is not int or e[0] <= last
                or not isinstance(e[1], str) or not isinstance(e[2], str)):
            raise bad
        out.append(ServerEntry(e[0], e[2], e[1]))
        last = e[0]
    return out
