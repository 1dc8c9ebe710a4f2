"""One sync round: push the outbox in batches, then pull the feed (SYNC.md, "Protocol").

The client has its own SQLite connection (never the GUI's), so it can run on a worker thread.
Pulled rows are written with ``applying_remote`` set (they must not echo back into the outbox),
in one transaction with the new cursor; the device's still-pending edits are then laid on top
again, so a pull never hides something the user did and head office has not seen yet."""

from __future__ import annotations

import base64
import binascii
import gc
import json
import logging
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Dialect,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    delete,
    func,
    select,
    text,
    update,
)
from sqlalchemy.exc import DataError, IntegrityError, InterfaceError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from salesdesk.domain.ids import derived_id, new_id
from salesdesk.domain.ledger import ACK_KEY
from salesdesk.store import erasure, phone_sealing
from salesdesk.store.crypto import IdCipher, PhoneSeal, load_or_create_key
from salesdesk.store.database import make_engine
from salesdesk.store.models import Base
from salesdesk.store.models.local import LocalMeta, OutboxEntry
from salesdesk.store.models.sync import SyncConflict, SyncSetAside, SyncState
from salesdesk.store.outbox import row_payload
from salesdesk.sync import rules
from salesdesk.sync.client.credentials import load_secret, save_secret
from salesdesk.sync.client.errors import SyncNeedsReenrol, SyncNotEnrolled
from salesdesk.sync.client.transport import Transport
from salesdesk.sync.hlc import CLOCK_WARN_MS, Hlc

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RoundResult:
    pushed: int
    rejected: int
    conflicts: int
    pulled: int
    clock_offset_ms: int
    seconds: float

    @property
    def clock_warning(self) -> bool:
        return abs(self.clock_offset_ms) > CLOCK_WARN_MS


def _ms(dt: datetime) -> int:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return int(dt.timestamp() * 1000)


def _dt(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    dt = datetime.fromisoformat(value)
    return dt.astimezone(UTC).replace(tzinfo=None) if dt.tzinfo else dt


def _date(value: Any) -> Any:
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value


def _blob(value: Any) -> Any:
    return base64.b64decode(value["b64"]) if isinstance(value, dict) else value


def _int(value: Any) -> Any:
    return value if isinstance(value, bool) else int(value)


def _converter(column: Any) -> Callable[[Any], Any] | None:
    impl = getattr(column.type, "impl", column.type)
    if isinstance(impl, DateTime):
        return _dt
    if isinstance(impl, Date):
        return _date
    if isinstance(impl, LargeBinary):
        return _blob
    if isinstance(impl, Boolean):
        return bool
    if isinstance(impl, Integer):
        return _int
    if isinstance(impl, Float):
        return float
    return None


_CONVERTERS: dict[Table, list[tuple[str, Callable[[Any], Any] | None]]] = {}


def row_values(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """JSON values of a pulled row as the column types want them."""
    convs = _CONVERTERS.get(table)
    if convs is None:
        convs = _CONVERTERS[table] = [(c.name, _converter(c)) for c in table.columns]
    out: dict[str, Any] = {}
    for name, conv in convs:
        if name in row:
            value = row[name]
            out[name] = value if value is None or conv is None else conv(value)
    return out


_BINDERS: dict[tuple[Table, str], dict[str, Callable[[Any], Any] | None]] = {}
_UTC_SAMPLE = "2026-01-02T03:04:05.123456+00:00"


def _binders(table: Table, dialect: Dialect) -> dict[str, Callable[[Any], Any] | None]:
    """Per column, in table order: a pulled JSON value to what the database driver is handed
    (``row_values``' conversion, then the column type's bind processing, as the ORM does);
    None where the value goes through as it is."""
    key = (table, dialect.name)
    found = _BINDERS.get(key)
    if found is not None:
        return found
    out: dict[str, Callable[[Any], Any] | None] = {}
    for column in table.columns:
        conv = _converter(column)
        # The dialect's own variant of the type (what the ORM binds with): SQLite's DATETIME
        # writes microseconds always, the generic type would leave that to the driver.
        proc = column.type.dialect_impl(dialect).bind_processor(dialect)
        out[column.name] = _binder(conv, proc)
    _BINDERS[key] = out
    return out


def _binder(conv: Callable[[Any], Any] | None,
            proc: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    if conv is None and proc is None:
        return None
    if proc is None:
        assert conv is not None
        return lambda v: None if v is None else conv(v)
    if conv is None:
        return proc
    slow: Callable[[Any], Any] = lambda v: proc(None if v is None else conv(v))  # noqa: E731
    if conv is _dt and slow(_UTC_SAMPLE) == _UTC_SAMPLE[:10] + " " + _UTC_SAMPLE[11:26]:
        # Most pulled times are UTC with microseconds (what devices write): the stored text is
        # then a slice of the ISO text. Parsing and formatting each one was a third of the
        # apply; the check above proves the slice equals what the type would store.
        def fast(v: Any) -> Any:
            if isinstance(v, str) and len(v) == 32 and v.endswith("+00:00") and v[10] == "T":
                return v[:10] + " " + v[11:26]
            return slow(v)
        return fast
    return slow


def _upsert_sql(table: Table, cols: tuple[str, ...], append_only: bool, dialect: Dialect,
                force: bool = False) -> str:
    """The statement SQLAlchemy's ``on_conflict_do_update`` / ``do_nothing`` would make.
    ``force`` writes a row even at the feed number it already holds (a retried set-aside row
    that was applied without columns this version lacked)."""
    q = dialect.identifier_preparer.quote
    name = q(table.name)
    head = (f"INSERT INTO {name} ({', '.join(q(c) for c in cols)}) "
            f"VALUES ({', '.join('?' for _ in cols)}) ON CONFLICT ")
    if append_only:
        # Records are never changed, and their tables may refuse any UPDATE. Any conflict, not
        # only on the id: a file that forked its ledger chain (a copied database) holds its own
        # record where head office's is; stopping the pull there would wedge the device, and
        # the fork shows anyway (head office's alarm, the acknowledged head, verify --online).
        return head + "DO NOTHING"
    head += f"({q('id')}) "
    sets = ", ".join(f"{q(c)} = excluded.{q(c)}" for c in cols if c != "id")
    if force:
        return head + f"DO UPDATE SET {sets}"
    return (head + f"DO UPDATE SET {sets} "
            f"WHERE {name}.{q('server_seq')} != excluded.{q('server_seq')}")


# A pulled value its column's conversion refuses (a date that is not one, text for a number).
CONVERSION_ERRORS = (ValueError, TypeError, KeyError, OverflowError, AttributeError,
                     binascii.Error)
# What SQLite says about one row's data; "database is locked" and I/O errors
# (OperationalError) are not about a row and still stop the round, to be retried whole.
ROW_ERRORS = (IntegrityError, InterfaceError, ProgrammingError, DataError)


@dataclass(frozen=True)
class Aside:
    """A pulled row set aside: why, and whether it was applied without some columns."""

    entity: str
    row_id: str
    seq: int
    row: Any
    reason: str
    partial: bool = False


def _why(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text = f"{type(orig or exc).__name__}: {orig or exc}"
    return text if len(text) <= 300 else text[:300] + "…"


LEDGER_ENTITY = "disclosure_record"
ERASED_ENTITY = "customer"  # a pulled customer row with ``erased_at`` (store/erasure.py)

# Reasons head office gives when a row itself is unacceptable (its kind, fields, values or
# sales centre: sync/kinds.py, server/push.py). Such a change is refused for good and nothing
# comes back for it, so the device's row would silently never reach head office; a rule's
# refusal (read-only, forward-only, ...) instead sends head office's row back and converges.
REFUSED_FOR_GOOD = ("unknown_kind", "local_only", "unknown_field", "bad_value",
                    "missing_field", "wrong_centre", "bad_change", "bad_row")


def record_refusals(s: Session, refused: list[tuple[str, str, str, str]], device_id: str,
                    centre_id: str | None, now: datetime) -> None:
    """Keep each change head office refused for good as a conflict-inbox row (kind
    ``rejected``: entity, row, reason), written with its outbox entry so that it reaches head
    office and every device of the centre, where a supervisor sees it. The id derives from the
    change, so a reply seen twice records it once."""
    if not refused or centre_id is None:
        return
    for change_id, entity, row_id, reason in refused:
        cid = derived_id("sync.rejected", change_id)
        if s.get(SyncConflict, cid) is not None:
            continue
        c = SyncConflict(
            id=cid, sales_centre_id=centre_id, server_seq=0, deleted=False, row_version=1,
            created_at=now, updated_at=now, created_by_device=device_id,
            updated_by_device=device_id, created_by_staff=None, updated_by_staff=None,
            kind="rejected", entity=entity[:64], row_id=row_id[:36], field="",
            kept_value="null", current_value="null", losing_device=device_id,
            losing_staff=None, change_id=change_id[:36],
            detail=json.dumps({"reason": reason[:500]}, ensure_ascii=False), status="open",
            resolution="", resolved_by_staff=None, resolved_at=None)
        s.add(c)
        s.flush()
        s.add(OutboxEntry(change_id=new_id(), entity=SyncConflict.__tablename__, row_id=cid,
                          operation="insert", base_version=0,
                          payload=json.dumps(row_payload(c), ensure_ascii=False,
                                             sort_keys=True),
                          fields="[]", created_at=now, staff_id=None))


def remember_ledger_acks(s: Session, acks: list[dict[str, Any]]) -> None:
    """Keep, per chain, the highest record head office acknowledged (``db verify`` compares the
    file with it). It only moves forward; anything malformed in a reply is ignored."""
    best: dict[str, tuple[int, str]] = {}
    for a in acks:
        chain, seq, h = a.get("device"), a.get("chain_seq"), a.get("hash")
        if (isinstance(chain, str) and 0 < len(chain) <= 50 and type(seq) is int and seq > 0
                and isinstance(h, str) and len(h) == 64 and seq > best.get(chain, (0, ""))[0]):
            best[chain] = (seq, h)
    for chain, (seq, h) in best.items():
        held = s.get(LocalMeta, ACK_KEY + chain)
        if held is None:
            s.add(LocalMeta(key=ACK_KEY + chain, value=f"{seq}:{h}"))
            continue
        try:
            known = int(held.value.partition(":")[0])
        except ValueError:
            known = 0  # a garbled value (edited file): head office's word replaces it
        if known < seq:
            held.value = f"{seq}:{h}"
    s.flush()


@dataclass(frozen=True)
class _Batch:
    """One push request, ready to send."""

    entries: int
    batch_id: str
    body: bytes
    hlc: Hlc  # the clock after this batch's stamps
    sent: dict[int, str]  # change number -> change id
    entity_of: dict[int, str]
    row_of: dict[int, str]
    full: bool  # as many changes as a batch holds: the outbox may hold more


@dataclass(frozen=True)
class _Reply:
    """A push reply as read, before anything of it is written."""

    acked: set[int]
    refused: list[tuple[str, str, str, str]]
    reread: list[int]
    ledger_acks: list[dict[str, Any]]
    offset: int
    counts: tuple[int, int, int, bool]  # acknowledged, rejected, conflicts, more pending


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while one batch or page is handled. A page decodes into
    tens of thousands of objects, which set off full collections that walk the whole app's
    heap (a tenth of a second per round, measured); reference counting still frees the
    page, and the collector runs again after it. Left off if someone else turned it off."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class SyncClient:
    def __init__(self, db_path: Path, key_dir: Path, *, local_device_id: str,
                 clock: Callable[[], datetime] | None = None,
                 transport_factory: Callable[[str], Transport] = Transport,
                 batch_size: int = 1000, pull_limit: int = 5000,
                 ack_before_reply: bool = False,
                 extra_metadata: tuple[MetaData, ...] = (),
                 phones: PhoneSeal | None = None) -> None:
        self.db_path = db_path
        self.key_dir = key_dir
        self.local_device_id = local_device_id
        self.clock = clock or (lambda: datetime.now(UTC))
        self._transport_factory = transport_factory
        self.batch_size = batch_size
        self.pull_limit = pull_limit
        # Negative control for the chaos test only: forget changes before the server replied.
        self.ack_before_reply = ack_before_reply
        self._engine = make_engine(db_path, immediate=True)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        self._transport: Transport | None = None
        self._phones = phones
        # Tables by name: every synced table this build knows (tests add their own).
        self.tables: dict[str, Table] = dict(Base.metadata.tables)
        for md in extra_metadata:
            self.tables.update(md.tables)

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()
        self._engine.dispose()

    def phones(self) -> PhoneSeal:
        """The file's phone seal: phone rows are sealed in the file and clear on the wire.
        Loaded from the file's key (never made here: a missing key is an error, not a new
        key) when the app did not hand its own over."""
        if self._phones is None:
            with self._sessions() as s:
                meta = s.get(LocalMeta, "key_id")
                key_id = meta.value if meta else ""
            key = load_or_create_key(key_id, self.key_dir, may_create=False)
            self._phones = PhoneSeal(IdCipher(key), key)
        return self._phones

    # -- state --------------------------------------------------------------------------------

    def state(self) -> SyncState | None:
        with self._sessions() as s:
            return s.get(SyncState, 1)

    def _save_state(self, s: Session, **values: Any) -> None:
        st = s.get(SyncState, 1)
        if st is None:
            st = SyncState(id=1, server_url="", cursor=0, clock_offset_ms=0, hlc="",
                           last_error="", needs_reenrol=False)
            s.add(st)
        for k, v in values.items():
            setattr(st, k, v)

    def record_error(self, message: str, *, needs_reenrol: bool = False) -> None:
        with self._sessions() as s, s.begin():
            values: dict[str, Any] = {"last_error": message, "last_attempt_at": self.clock()}
            if needs_reenrol:
                values["needs_reenrol"] = True
            self._save_state(s, **values)

    def transport(self) -> Transport:
        st = self.state()
        if st is None or not st.device_id or not st.server_url:
            raise SyncNotEnrolled("本机尚未登记到总部同步服务",
                                  en="This device is not enrolled with head office sync yet")
        if self._transport is None or self._transport.base_url != st.server_url.rstrip("/"):
            self._transport = self._transport_factory(st.server_url)
            device_id = st.device_id
            key_dir = self.key_dir

            def creds() -> tuple[str, str]:
                secret = load_secret(device_id, key_dir)
                if secret is None:
                    raise SyncNotEnrolled("找不到设备密钥，请重新登记",
                                          en="The device secret is missing; enrol again")
                return device_id, secret
            self._transport.credentials = creds
        return self._transport

    # -- enrolment ----------------------------------------------------------------------------

    def next_change_number(self, s: Session) -> int:
        pending = s.scalar(select(func.min(OutboxEntry.seq)))
        if pending is not None:
            return int(pending)
        used = s.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")).scalar()
        return int(used or 0) + 1

    def enrol(self, server_url: str, code: str, label: str = "") -> str:
        transport = self._transport_factory(server_url)
        try:
            with self._sessions() as s:
                first = self.next_change_number(s)
                local_centre = s.get(LocalMeta, "sales_centre_id")
            reply = transport.enrol({
                "code": code, "label": label, "first_seq": first,
                "local_centre_id": local_centre.value if local_centre else None})
        finally:
            transport.close()
        device_id = str(reply["device_id"])
        save_secret(device_id, str(reply["secret"]), self.key_dir)
        with self._sessions() as s, s.begin():
            self._save_state(s, server_url=server_url, device_id=device_id,
                             server_centre_id=str(reply["sales_centre_id"]),
                             enrolled_at=self.clock(), needs_reenrol=False, last_error="")
            if s.get(LocalMeta, "sales_centre_id") is None:
                s.add(LocalMeta(key="sales_centre_id", value=str(reply["sales_centre_id"])))
        self._transport = None
        return device_id

    # -- push ---------------------------------------------------------------------------------

    def push_once(self) -> tuple[int, int, int, bool]:
        """Send one batch. Returns (acknowledged, rejected, conflicts, more_pending)."""
        transport = self.transport()
        batch = self._build_batch(None, None)
        if batch is None:
            return 0, 0, 0, False
        if self.ack_before_reply:
            self._forget(batch.sent, max(batch.sent))
        read = self._read_reply(batch, *self._post(transport, batch))
        if read is None:
            return 0, 0, 0, False
        self._record_reply(read, batch.hlc)
        return read.counts

    def _push_all(self, max_batches: int) -> tuple[int, int, int]:
        """Send the outbox, batch after batch, with the device's own work done while head
        office works: the next batch is read and encoded while one is in flight, and a reply
        is recorded in the file while the next batch is already on its way (its changes are
        acknowledged only by that record, so a crash in between sends them again, which the
        server answers as duplicates). One batch in flight at a time: the next starts where
        this one ends, and sent early it could reach the server first and find a gap."""
        pushed = rejected = conflicts = 0
        transport = self.transport()
        batch = self._build_batch(None, None)
        if batch is None:
            return 0, 0, 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-push") as pool:
            if self.ack_before_reply:
                self._forget(batch.sent, max(batch.sent))
            flight = pool.submit(self._post, transport, batch)
            for sent in range(1, max_batches + 1):
                with gc_paused():
                    nxt = self._build_batch(max(batch.sent), batch.hlc) \
                        if batch.full and sent < max_batches else None
                    read = self._read_reply(batch, *flight.result())
                    if read is None:
                        break
                    whole = read.counts[3] and len(read.acked) == batch.entries
                    if whole and nxt is not None:
                        if self.ack_before_reply:
                            self._forget(nxt.sent, max(nxt.sent))
                        flight = pool.submit(self._post, transport, nxt)
                    # The newest clock reading sent so far: the next round's changes tick on from
                    # it, never from below one head office has already seen.
                    self._record_reply(read, (nxt or batch).hlc)
                    n, r, c, more = read.counts
                    pushed, rejected, conflicts = pushed + n, rejected + r, conflicts + c
                    if not more or sent >= max_batches:
                        break
                    if not (whole and nxt is not None):
                        # Some of the batch is still pending (or the next was not read): start
                        # again from what the outbox still holds.
                        nxt = self._build_batch(None, None)
                        if nxt is None:
                            break
                        if self.ack_before_reply:
                            self._forget(nxt.sent, max(nxt.sent))
                        flight = pool.submit(self._post, transport, nxt)
                    batch = nxt
        return pushed, rejected, conflicts

    def _build_batch(self, after: int | None, hlc: Hlc | None) -> _Batch | None:
        """The next batch of the outbox (after change ``after``; from its start when None),
        its clock stamps ticking on from ``hlc`` (the saved clock when None)."""
        o = OutboxEntry.__table__
        q = select(o.c.seq, o.c.change_id, o.c.entity, o.c.row_id, o.c.operation,
                   o.c.base_version, o.c.fields, o.c.payload, o.c.created_at)
        if after is not None:
            q = q.where(o.c.seq > after)
        with self._sessions() as s:
            entries = s.execute(q.order_by(o.c.seq).limit(self.batch_size)).all()
            if hlc is None:
                st = s.get(SyncState, 1)
                hlc = Hlc.decode(st.hlc) if st and st.hlc else Hlc.zero(self.local_device_id)
        if not entries:
            return None
        # The body is assembled around each payload's stored JSON text, byte for byte: no
        # parsing and re-encoding of what the unit of work already wrote.
        parts = []
        for e in entries:
            hlc = hlc.tick(_ms(e.created_at))
            head = json.dumps({"seq": e.seq, "change_id": e.change_id, "entity": e.entity,
                               "row_id": e.row_id, "operation": e.operation,
                               "base_version": e.base_version, "hlc": hlc.encode()},
                              ensure_ascii=False)
            fields, payload = e.fields, e.payload
            if e.entity == phone_sealing.ENTITY:
                fields, payload = self._wire_phone(fields, payload)
            parts.append(f'{head[:-1]}, "fields": {fields}, "payload": {payload}}}')
        batch_id = str(uuid.uuid4())
        body = f'{{"batch_id": "{batch_id}", "changes": [{", ".join(parts)}]}}'
        return _Batch(
            entries=len(entries), batch_id=batch_id, body=body.encode("utf-8"), hlc=hlc,
            sent={int(e.seq): str(e.change_id) for e in entries},
            entity_of={int(e.seq): str(e.entity) for e in entries},
            row_of={int(e.seq): str(e.row_id) for e in entries},
            full=len(entries) == self.batch_size)

    def _post(self, transport: Transport, batch: _Batch
              ) -> tuple[dict[str, Any], datetime, datetime]:
        t0 = self.clock()
        reply = transport.call("POST", "/v1/push", content=batch.body)
        return reply, t0, self.clock()

    def _read_reply(self, batch: _Batch, reply: dict[str, Any], t0: datetime,
                    t1: datetime) -> _Reply | None:
        """What a push reply says, before anything is written (None: not this batch's)."""
        if reply.get("batch_id") != batch.batch_id:
            # A reply to some other batch (a proxy replaying an old answer): act on nothing.
            log.warning("ignored a push reply for a batch this device did not send")
            return None
        sent, entity_of, row_of = batch.sent, batch.entity_of, batch.row_of
        last_applied = int(reply["last_applied"])
        results = reply.get("results") or []
        acked = {int(r["seq"]) for r in results
                 if int(r["seq"]) in sent and sent[int(r["seq"])] == r.get("change_id")
                 and int(r["seq"]) <= last_applied}
        rejected = sum(1 for r in results if r.get("status") == "rejected")
        conflicts = sum(1 for r in results if r.get("status") == "conflict")
        refused: list[tuple[str, str, str, str]] = []
        for r in results:
            if r.get("status") == "rejected":
                seq, reason = int(r["seq"]), str(r.get("reason") or "")
                log.warning("server rejected change %s on %s: %s", seq,
                            entity_of.get(seq, "?"), reason)
                if seq in acked and reason.startswith(REFUSED_FOR_GOOD):
                    refused.append((sent[seq], entity_of[seq], row_of[seq], reason))
        # Changes the server had applied before (their reply was lost): a pull since then may
        # have laid them, still pending, over a later edit by someone else. Read the feed again
        # from the first of them; it sends current states, so reading twice is harmless.
        reread = [int(r["feed_seq"]) for r in results if r.get("feed_seq") is not None
                  and int(r["seq"]) in acked]
        ledger_acks = [r["ledger"] for r in results if int(r["seq"]) in acked
                       and entity_of.get(int(r["seq"])) == LEDGER_ENTITY
                       and isinstance(r.get("ledger"), dict)]
        more = batch.full or len(acked) < batch.entries
        return _Reply(acked=acked, refused=refused, reread=reread, ledger_acks=ledger_acks,
                      offset=self._offset(reply, t0, t1),
                      counts=(len(acked), rejected, conflicts, more and bool(acked)))

    def _record_reply(self, read: _Reply, hlc: Hlc) -> None:
        """Forget the acknowledged changes and keep what the reply taught, in one transaction."""
        with self._sessions() as s, s.begin():
            if read.acked:
                s.execute(delete(OutboxEntry).where(OutboxEntry.seq.in_(sorted(read.acked))))
            if read.ledger_acks:
                remember_ledger_acks(s, read.ledger_acks)
            st = s.get(SyncState, 1)
            if st is not None:
                record_refusals(s, read.refused, st.device_id or self.local_device_id,
                                st.server_centre_id, self.clock())
            values: dict[str, Any] = {"hlc": hlc.encode(), "clock_offset_ms": read.offset}
            if read.reread and st is not None and st.cursor >= min(read.reread):
                values["cursor"] = min(read.reread) - 1
            self._save_state(s, **values)

    def _wire_phone(self, fields: str, payload: str) -> tuple[str, str]:
        """A sealed phone row's outbox entry as head office reads it (the number in clear,
        only in the request body, never in the file)."""
        row, names = json.loads(payload), json.loads(fields)
        if isinstance(row, dict):
            row = phone_sealing.wire_row(self.phones(), row)
        if isinstance(names, list):
            names = phone_sealing.wire_fields(names)
        return (json.dumps(names), json.dumps(row, ensure_ascii=False, sort_keys=True))

    def _forget(self, sent: dict[int, str], upto: int) -> None:
        """The negative control's mistake: acknowledge before the server has replied."""
        with self._sessions() as s, s.begin():
            s.execute(delete(OutboxEntry).where(OutboxEntry.seq.in_(sorted(sent))))

    def _offset(self, reply: dict[str, Any], t0: datetime, t1: datetime) -> int:
        try:
            server = datetime.fromisoformat(str(reply["server_time"]))
        except (KeyError, ValueError):
            return 0
        mid = _ms(t0) + (_ms(t1) - _ms(t0)) // 2
        offset = _ms(server) - mid
        if abs(offset) > CLOCK_WARN_MS:
            log.warning("device clock is off by %.0f s from head office", -offset / 1000)
        return offset

    # -- pull ---------------------------------------------------------------------------------

    def pull_once(self) -> tuple[int, bool]:
        transport = self.transport()
        st = self.state()
        cursor = st.cursor if st else 0
        t0 = self.clock()
        reply = transport.call("GET", "/v1/pull", params={"cursor": cursor,
                                                          "limit": self.pull_limit})
        t1 = self.clock()
        if int(reply.get("cursor", -1)) != cursor:
            log.warning("ignored a pull reply for another cursor")
            return 0, False
        if st is not None and reply.get("device_id") != st.device_id:
            # The feed leaves out each device's own rows the server holds as it sent them:
            # another device's page would make this one skip those rows for good.
            log.warning("ignored a pull reply for another device")
            return 0, False
        changes = reply.get("changes") or []
        next_cursor = int(reply["next_cursor"])
        self.apply_pulled(changes, cursor, next_cursor, self._offset(reply, t0, t1))
        return len(changes), bool(reply.get("has_more"))

    def apply_pulled(self, changes: list[dict[str, Any]], cursor: int, next_cursor: int,
                     offset: int) -> None:
        """Apply one page and move the cursor past it, in one transaction. A row that cannot
        be applied is set aside with the reason (``sync_setaside``) instead of stopping the
        pull: one row must never stop a device, let alone a whole sales centre."""
        latest: dict[tuple[str, str], tuple[int, Any]] = {}
        for c in changes:
            try:
                latest[(str(c["entity"]), str(c["row_id"]))] = (int(c["seq"]), c["row"])
            except (KeyError, TypeError, ValueError):
                log.warning("ignored a malformed feed entry")
        for key, (seq, row) in latest.items():
            if key[0] == phone_sealing.ENTITY and isinstance(row, dict):
                # Sealed before anything keeps it, the set-aside list included.
                latest[key] = (seq, phone_sealing.sealed_row(self.phones(), row))
        tables = self.tables
        by_entity: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        aside: list[Aside] = []
        for (entity, row_id), (seq, row) in latest.items():
            if entity not in tables:
                aside.append(Aside(entity, row_id, seq, row, _unknown_table(entity)))
            elif not isinstance(row, dict) or row.get("id") != row_id:
                aside.append(Aside(entity, row_id, seq, row, "bad_row: not a row of this id"))
            else:
                by_entity.setdefault(entity, []).append((seq, row))
        with self._sessions() as s, s.begin():
            s.info["applying_remote"] = True
            st = s.get(SyncState, 1)
            if st is None or st.cursor != cursor:
                return  # another round moved the cursor meanwhile: its data is already in
            for entity, rows in by_entity.items():
                aside += self._upsert(s, tables[entity], rows)
            self._keep_aside(s, aside, set(latest))
            erased = {str(r["id"]): str(r.get("name") or "")
                      for _, r in by_entity.get(ERASED_ENTITY, []) if r.get("erased_at")}
            if erased:
                # Before the pending edits are re-applied: an offline edit of the customer
                # must not bring the old name back from its outbox payload.
                erasure.scrub_local_copies(s, erased)
            if LEDGER_ENTITY in by_entity:
                # Head office sends only records it admitted to their chains, so each one
                # pulled is acknowledged too.
                remember_ledger_acks(s, [{"device": r.get("created_by_device"),
                                          "chain_seq": r.get("chain_seq"), "hash": r.get("hash")}
                                         for _, r in by_entity[LEDGER_ENTITY]])
            self._reapply_pending(s, set(latest))
            st.cursor = next_cursor
            st.clock_offset_ms = offset
            st.last_sync_at = self.clock()
            st.last_error = ""
        if erased:
            # Head office erased a customer: no old copy stays in the WAL or the backups here.
            erasure.seal(self._engine, self.db_path.parent, erased)

    def _keep_aside(self, s: Session, aside: list[Aside], pulled: set[tuple[str, str]]) -> None:
        """Record this page's set-aside rows; an open entry whose row has now been applied
        in full is resolved (the feed sends current states, so that state is newer)."""
        t: Table = SyncSetAside.__table__  # type: ignore[assignment]
        now = self.clock()
        kept = {(a.entity, a.row_id) for a in aside}
        # One cheap query per page while nothing is set aside (the usual case).
        if s.scalar(select(func.count()).select_from(t).where(t.c.resolved_at.is_(None))):
            open_rows = s.execute(select(t.c.id, t.c.entity, t.c.row_id)
                                  .where(t.c.resolved_at.is_(None))).all()
            ids = [r.id for r in open_rows
                   if (r.entity, r.row_id) in pulled and (r.entity, r.row_id) not in kept]
            if ids:
                s.execute(update(t).where(t.c.id.in_(ids))
                          .values(resolved_at=now, resolution="superseded"))
        for a in aside:
            log.warning("set aside a pulled %s row (feed %s): %s", a.entity, a.seq, a.reason)
            found = s.execute(select(t.c.id, t.c.attempts).where(
                t.c.entity == a.entity[:64], t.c.row_id == a.row_id[:64])).first()
            values = {"feed_seq": a.seq, "row": json.dumps(a.row, ensure_ascii=False),
                      "reason": a.reason, "partial": a.partial, "last_tried": now,
                      "resolved_at": None, "resolution": ""}
            if found is None:
                s.execute(t.insert().values(entity=a.entity[:64], row_id=a.row_id[:64],
                                            first_seen=now, attempts=1, **values))
            else:
                s.execute(update(t).where(t.c.id == found.id)
                          .values(attempts=found.attempts + 1, **values))

    def retry_set_aside(self, ids: list[int] | None = None, limit: int = 1000
                        ) -> tuple[int, int]:
        """Try the open set-aside rows again (each sync round, and when a supervisor asks):
        after an upgrade, or once whatever refused them is gone. Rows of a table or with
        columns this version still lacks are skipped without touching the database.
        Returns (applied, still set aside)."""
        t: Table = SyncSetAside.__table__  # type: ignore[assignment]
        tables = self.tables
        with self._sessions() as s, s.begin():
            s.info["applying_remote"] = True
            q = select(t).where(t.c.resolved_at.is_(None))
            if ids is not None:
                q = q.where(t.c.id.in_(ids))
            entries = s.execute(q.order_by(t.c.feed_seq).limit(limit)).all()
            if not entries:
                return 0, 0
            by_entity: dict[str, list[tuple[int, dict[str, Any]]]] = {}
            tried: dict[tuple[str, str], Any] = {}
            skipped: list[Any] = []
            for e in entries:
                table = tables.get(e.entity)
                try:
                    row = json.loads(e.row)
                except ValueError:
                    row = None
                if table is None or not isinstance(row, dict):
                    skipped.append(e)
                    continue
                if e.partial and set(row) - set(table.c.keys()) and ids is None:
                    continue  # still a newer version's columns: nothing to gain
                by_entity.setdefault(e.entity, []).append((e.feed_seq, row))
                tried[(e.entity, e.row_id)] = e
            aside: list[Aside] = []
            for entity, rows in by_entity.items():
                aside += self._upsert(s, tables[entity], rows, force=True)
            now = self.clock()
            if ids is not None:
                # Asked for by a person: the list shows that it was tried.
                for e in skipped:
                    s.execute(update(t).where(t.c.id == e.id).values(
                        last_tried=now, attempts=e.attempts + 1))
            still = {(a.entity, a.row_id): a for a in aside}
            for key, e in tried.items():
                a = still.get(key)
                if a is None:
                    s.execute(update(t).where(t.c.id == e.id).values(
                        resolved_at=now, resolution="applied", last_tried=now,
                        attempts=e.attempts + 1))
                else:
                    s.execute(update(t).where(t.c.id == e.id).values(
                        reason=a.reason, partial=a.partial, last_tried=now,
                        attempts=e.attempts + 1,
                        **({"resolved_at": None} if a.partial else {})))
            self._reapply_pending(s, set(tried))
            applied = sum(1 for k in tried if k not in still)
            return applied, len(entries) - applied

    def _upsert(self, s: Session, table: Table, rows: list[tuple[int, dict[str, Any]]],
                force: bool = False) -> list[Aside]:
        """Write pulled rows with plain ``executemany`` on the session's own connection (same
        transaction as the cursor): the ORM's per-row statement machinery was most of the
        pull's time. Raw SQL fires no flush hooks, so nothing echoes into the outbox; values
        still pass through each column type's own bind processing, so they are stored exactly
        as an ORM write would store them.

        Returns the rows set aside. Columns this version lacks are left out of the write and
        the row is kept too (``partial``), to be applied in full after an upgrade."""
        binders = _binders(table, self._engine.dialect)
        rule = rules.rule_for(table.name)
        append_only = isinstance(rule, rules.AppendOnly)
        if isinstance(rule, rules.UniqueActive):
            self._yield_keys(s, table, rule, [r for _, r in rows])
        groups: dict[tuple[str, ...], tuple[list[tuple[Any, ...]], list[tuple[int, Any]]]] = {}
        aside: list[Aside] = []
        # The column set is nearly always the same for every row of a table: build the row
        # getter and the list of converting columns once per set.
        plans: dict[frozenset[str], tuple[tuple[str, ...], Any,
                                          list[tuple[int, Callable[[Any], Any]]], str]] = {}
        for seq, row in rows:
            full = {**row, "server_seq": seq}
            plan = plans.get(frozenset(full))
            if plan is None:
                cols = tuple(name for name in binders if name in full)
                convert: list[tuple[int, Callable[[Any], Any]]] = [
                    (i, fn) for i, c in enumerate(cols) if (fn := binders[c]) is not None]
                extra = sorted(set(full) - set(binders))
                newer = (f"newer_version: columns {', '.join(extra)} are not known to this "
                         "app version; applied without them until an upgrade") if extra else ""
                plan = plans[frozenset(full)] = (cols, itemgetter(*cols), convert, newer)
            cols, getter, convert, newer = plan
            try:
                values = list(getter(full)) if len(cols) > 1 else [getter(full)]
                for i, fn in convert:
                    values[i] = fn(values[i])
            except CONVERSION_ERRORS as exc:
                aside.append(Aside(table.name, str(row.get("id")), seq, row, _why(exc)))
                continue
            if newer:
                aside.append(Aside(table.name, str(row.get("id")), seq, row, newer, True))
            group = groups.setdefault(cols, ([], []))
            group[0].append(tuple(values))
            group[1].append((seq, row))
        conn = s.connection()
        for cols, (params, sources) in groups.items():
            sql = _upsert_sql(table, cols, append_only, self._engine.dialect, force)
            try:
                with s.begin_nested():
                    conn.exec_driver_sql(sql, params)
            except ROW_ERRORS:
                for i, why in self._upsert_in_order(s, sql, params):
                    seq, row = sources[i]
                    aside.append(Aside(table.name, str(row.get("id")), seq, row, why))
        return aside

    @staticmethod
    def _yield_keys(s: Session, table: Table, rule: rules.UniqueActive,
                    rows: list[dict[str, Any]]) -> None:
        """Head office decides who holds a key (one active subscription per unit). A local
        row holding a key that a pulled row now holds is not the server's state: the device's
        own offline sale the server has not seen, or will keep as a conflict. It yields (kept,
        with the conflict status) so the local unique index never refuses the server's row,
        which would stop every later pull for good; its own server state, when it comes,
        overwrites it (server_seq 0: whatever entry brings it applies)."""
        col = rule.status_column
        pulled = {str(r["id"]) for r in rows}
        claims = {tuple(r.get(c) for c in rule.slot_columns) for r in rows
                  if not r.get("deleted") and r.get(col) in rule.counted}
        if not claims or not all(c in table.c for c in (*rule.slot_columns, col)):
            return
        keys = [table.c[c] for c in rule.slot_columns]
        q = select(table.c.id, *keys).where(table.c[col].in_(sorted(rule.counted)),
                                             table.c.deleted.is_(False))
        if len(keys) == 1 and len(claims) <= 500:
            q = q.where(keys[0].in_([c[0] for c in claims]))
        found = s.execute(q).all()
        losing = [r[0] for r in found if r[0] not in pulled and tuple(r[1:]) in claims]
        if losing:
            log.warning("%d local %s row(s) gave way to head office's holder of the same key",
                        len(losing), table.name)
            s.execute(update(table).where(table.c.id.in_(losing))
                      .values({col: rule.conflict_status, "server_seq": 0}))

    @staticmethod
    def _upsert_in_order(s: Session, sql: str, group: list[tuple[Any, ...]]
                         ) -> list[tuple[int, str]]:
        """The server's state is consistent, but applying it row by row can pass through a
        state a local unique index refuses (another device's booking takes a desk before our
        own booking on it turns into ``conflict``). Apply the rows one at a time and retry the
        refused ones once the others are in; returns those refused for good (by position in
        ``group``) with the reason, to be set aside."""
        conn = s.connection()
        waiting = list(range(len(group)))
        reasons: dict[int, str] = {}
        while waiting:
            refused: list[int] = []
            for i in waiting:
                try:
                    with s.begin_nested():
                        conn.exec_driver_sql(sql, group[i])
                except ROW_ERRORS as exc:
                    refused.append(i)
                    reasons[i] = _why(exc)
            if len(refused) == len(waiting):
                return [(i, reasons[i]) for i in refused]
            waiting = refused
        return []

    def _reapply_pending(self, s: Session, touched: set[tuple[str, str]]) -> None:
        if not touched:
            return
        row_ids = sorted({rid for _e, rid in touched})
        pending = s.scalars(select(OutboxEntry).where(OutboxEntry.row_id.in_(row_ids))
                            .order_by(OutboxEntry.seq)).all()
        tables = self.tables
        for e in pending:
            table = tables.get(e.entity)
            if table is None or (e.entity, e.row_id) not in touched:
                continue
            payload = json.loads(e.payload)
            if e.operation == "insert":
                if isinstance(rules.rule_for(e.entity), rules.AppendOnly):
                    continue
                cols = [c for c in payload if c not in ("id", "server_seq", "row_version")]
            else:
                cols = [c for c in json.loads(e.fields) if c in payload]
            if not cols:
                continue
            values = row_values(table, {c: payload[c] for c in cols})
            # The row no longer holds the state of any feed entry: server_seq 0 makes the next
            # pull of this row apply whatever entry it comes with (even one read before).
            values["server_seq"] = 0
            rule = rules.rule_for(e.entity)
            try:
                with s.begin_nested():
                    s.execute(update(table).where(table.c.id == e.row_id).values(**values))
            except ROW_ERRORS as exc:
                if isinstance(rule, rules.UniqueActive) and isinstance(exc, IntegrityError):
                    # The pending edit claims a key head office has given to another row (an
                    # offline sale of a unit sold elsewhere): locally it waits as a conflict;
                    # the server decides when the edit arrives.
                    values[rule.status_column] = rule.conflict_status
                    s.execute(update(table).where(table.c.id == e.row_id).values(**values))
                    continue
                # Still in the outbox, so nothing is lost: the server decides when it arrives.
                log.warning("a pending %s edit could not be laid over the pulled row: %s",
                            e.entity, _why(exc))

    # -- head office's copy of the ledger ------------------------------------------------------

    def ledger_page(self, chain: str, after: int, limit: int = 5000) -> dict[str, Any]:
        """Records ``after``+1... of one chain as head office holds them (seq, hash, id)."""
        return self.transport().call("GET", "/v1/ledger", params={"device": chain,
                                                                  "after": after,
                                                                  "limit": limit})

    # -- a round ------------------------------------------------------------------------------

    def sync_round(self, *, max_batches: int = 10_000) -> RoundResult:
        started = time.perf_counter()
        pushed = rejected = conflicts = pulled = 0
        try:
            # Local only (no network): rows set aside earlier, after an upgrade or once what
            # refused them is gone. It must never be what stops a round.
            self.retry_set_aside()
        except Exception:
            log.exception("retrying set-aside rows failed")
        try:
            pushed, rejected, conflicts = self._push_all(max_batches)
            for _ in range(max_batches):
                with gc_paused():
                    n, more = self.pull_once()
                pulled += n
                if not more:
                    break
        except Exception as exc:
            self.record_error(getattr(exc, "en", None) or str(exc),
                              needs_reenrol=isinstance(exc, SyncNeedsReenrol))
            raise
        st = self.state()
        return RoundResult(pushed, rejected, conflicts, pulled,
                           st.clock_offset_ms if st else 0, time.perf_counter() - started)

    def pending_count(self) -> int:
        with self._sessions() as s:
            return int(s.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


def _unknown_table(entity: str) -> str:
    return (f"newer_version: this app version has no table {json.dumps(entity)[:70]}; "
            "kept until an upgrade")


def client_for(db_path: Path, key_dir: Path, **kwargs: Any) -> SyncClient:
    """A client for the database file at ``db_path`` (reads its device id from the file)."""
    engine = make_engine(db_path, immediate=False)
    try:
        device = sessionmaker(engine)().get(LocalMeta, "device_id")
        local_id = device.value if device else "unknown"
    finally:
        engine.dispose()
    return SyncClient(db_path, key_dir, local_device_id=local_id, **kwargs)

