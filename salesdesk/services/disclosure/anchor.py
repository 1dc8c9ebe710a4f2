"""The disclosure ledger anchored outside the file: each chain's head and the head head office
acknowledged (printed on the audit report as a paper anchor), the comparison of this file's
chains with head office's copy (``db verify --online``), and the ledger alarms head office
raised (forks, records whose hash or link it refused), which reach every device.

The offline half lives in ``verify.check_ledger`` (the acknowledged head). Its limit is honest:
someone who rewrites the chain, the local head *and* the acknowledged head in the same file
passes it; only the online comparison catches that."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from salesdesk.domain.errors import DomainError
from salesdesk.domain.ledger import (
    ChainHead,
    ChainProblem,
    ChainSummary,
    LocalEntry,
    ServerEntry,
    compare_with_server,
)
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services.disclosure.results import LedgerAlarm, OnlineCheck
from salesdesk.services.disclosure.verify import MAX_PROBLEMS_LISTED
from salesdesk.services.maintenance import Finding
from salesdesk.services.sync import SyncService
from salesdesk.store import ledger as store
from salesdesk.store.database import Database
from salesdesk.store.queries import disclosure as queries

if TYPE_CHECKING:
    import sqlite3

    from salesdesk.store.models.sync import SyncConflict

Progress = Callable[[int, int, str], None]
LEDGER_ALARM_KINDS = ("ledger_fork", "ledger_hash", "ledger_link")
PAGE = 5000


class LedgerAnchorService:
    def __init__(self, db: Database, sync: SyncService) -> None:
        self._db = db
        self._sync = sync

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
        with store.read_only(self._db.path) as conn:
            chains = self._chains(conn)
            pending = store.pending_record_ids(conn)
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

    @staticmethod
    def _local(conn: sqlite3.Connection, device: str,
               pending: set[str]) -> Iterator[LocalEntry]:
        for seq, rid, stored, computed, at in store.chain_entries(conn, device):
            yield LocalEntry(seq, rid, stored, computed, at, rid in pending)

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
            rows = queries.ledger_alarms(uow, LEDGER_ALARM_KINDS, store.LEDGER_TABLES)
            return [_alarm(c) for c in rows]


def _summaries(conn: sqlite3.Connection, own: str) -> list[ChainSummary]:
    # One pass over the (device, seq) index for the counts; one lookup per chain for its head.
    counts = store.chain_counts(conn)
    acks = store.acks(conn)
    out = []
    for device in sorted(set(counts) | set(acks) | {own}, key=lambda d: (d != own, d)):
        n, last = counts.get(device, (0, 0))
        row = store.record_at(conn, device, last) if last else None
        ack = acks.get(device, ChainHead(0, ""))
        out.append(ChainSummary(device, n, last, row[1] if row else "", ack.chain_seq,
                                ack.hash, device == own))
    return out


def chain_summaries(db: Database) -> list[ChainSummary]:
    """Each chain's head and record count, and the head head office acknowledged (the audit
    report prints them: a paper anchor)."""
    with store.read_only(db.path) as conn:
        return _summaries(conn, db.device_id)


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
    return LedgerAlarm(c.id, c.kind, c.row_id,
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
