"""The push transaction (SYNC.md, "Protocol"): one PostgreSQL transaction per batch.

Lock the device row; skip numbers already applied, checking they match what was logged (a
mismatch means the device was restored from an old backup: 409); stop at a gap; lock the rows
the batch touches in sorted order (and the slots a booking claims); apply each change by its
table's rule; write the rows; advance the device's number, rejected changes included; and, as
the very last statement, take feed numbers from the company's counter row while inserting the
change log, so feed numbers are handed out in commit order."""

from __future__ import annotations

import contextlib
import json
import random
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import psycopg

from salesdesk.sync import kinds, rules
from salesdesk.sync.hlc import Hlc
from salesdesk.sync.rules import Capacity, Change, KeptLoser, Outcome, RowState, UniqueActive
from salesdesk.sync.server import erasure, ledger, phones
from salesdesk.sync.server.auth import DeviceAuth, centre_ids

OPERATIONS = ("insert", "update", "tombstone")
MAX_BATCH = 1000


class PushRefused(Exception):
    def __init__(self, code: str, message: str, status: int) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


@dataclass(frozen=True)
class ServerOptions:
    """Switches for the negative controls of the chaos test only (never in production)."""

    dedupe: bool = True
    bigserial_feed: bool = False
    commit_delay_s: float = 0.0


def _id(value: Any) -> str | None:
    return value if isinstance(value, str) and kinds.ROW_ID.fullmatch(value) else None


def _parse(raw: Any, device_id: str) -> tuple[Change, str]:
    """One change of a batch, and why it is refused ("" when it is not).

    Its number and change id are what the reply and the change log name it by: without them
    the body is not the protocol's (400, nothing stored). Anything else malformed refuses only
    this change; the number still advances (SYNC.md lesson 3)."""
    if not isinstance(raw, dict):
        raise PushRefused("bad_request", "each change must be an object", 400)
    seq, change_id = raw.get("seq"), _id(raw.get("change_id"))
    if type(seq) is not int or not 1 <= seq <= kinds.INT64_MAX:
        raise PushRefused("bad_request", "each change needs its number (seq >= 1)", 400)
    if change_id is None:
        raise PushRefused("bad_request", f"change {seq}: change_id must be an id", 400)
    entity, row_id, operation = raw.get("entity"), _id(raw.get("row_id")), raw.get("operation")
    base_version, fields, payload = raw.get("base_version"), raw.get("fields"), raw.get("payload")
    entity = entity if isinstance(entity, str) and kinds.ENTITY_NAME.fullmatch(entity) else ""
    reason = ""
    hlc = Hlc(0, 0, device_id)
    if not entity:
        reason = "bad_change: entity is not a table name"
    elif row_id is None:
        reason = "bad_change: row_id is not an id"
    elif operation not in OPERATIONS:
        reason = "bad_change: operation is not insert, update or tombstone"
    elif base_version is not None and (type(base_version) is not int
                                       or not 0 <= base_version <= kinds.INT64_MAX):
        reason = "bad_change: base_version is not a whole number >= 0"
    elif fields is not None and not (
            isinstance(fields, list) and len(fields) <= kinds.MAX_FIELDS
            and all(isinstance(f, str) and len(f) <= 64 for f in fields)):
        reason = "bad_change: fields is not a list of column names"
    elif not isinstance(payload, dict):
        reason = "bad_change: payload is not an object"
    else:
        stamp = _hlc(raw.get("hlc"), device_id)
        if stamp is None:
            reason = "bad_change: hlc is not a clock stamp"
        else:
            hlc = stamp
    if reason:
        return Change(seq=seq, change_id=change_id, entity=entity, row_id=row_id or "",
                      operation="", base_version=0, fields=(), payload={},
                      hlc=hlc, device_id=device_id), reason
    return Change(seq=seq, change_id=change_id, entity=entity, row_id=str(row_id),
                  operation=str(operation), base_version=int(base_version or 0),
                  fields=tuple(fields or ()), payload=dict(payload or {}), hlc=hlc,
                  device_id=device_id), ""


def _hlc(value: Any, device_id: str) -> Hlc | None:
    if not isinstance(value, str) or len(value) > 200:
        return None
    try:
        hlc = Hlc.decode(value)
    except ValueError:
        return None
    if not (0 <= hlc.ms <= kinds.INT64_MAX and 0 <= hlc.logical < 2**31):
        return None
    return Hlc(hlc.ms, hlc.logical, device_id)


def _check(change: Change) -> str:
    """The checks that need no database: a kind head office knows, and a row of that kind.
    A read-only kind is left to its rule, whose reason says so."""
    spec = kinds.kind(change.entity)
    if spec is None:
        return kinds.unknown_kind_reason(change.entity)
    if isinstance(rules.rule_for(change.entity), rules.ReadOnly):
        return ""
    if change.payload.get("id") != change.row_id:
        return "payload id differs from row id"
    return kinds.check_row(spec, change.payload, change.operation, change.fields)


def _invalid(change: Change, allowed_centres: set[str], row_centre: str | None,
             exists: bool) -> str:
    if change.payload.get("id") != change.row_id:
        return "payload id differs from row id"
    centre = change.payload.get("sales_centre_id")
    # Rows of read-only kinds reach here unchecked (their rule refuses them): any value.
    if not isinstance(centre, str) or centre not in allowed_centres:
        return "wrong_centre: the row belongs to another sales centre"
    if exists and row_centre is not None and row_centre not in allowed_centres:
        return "wrong_centre: the row belongs to another sales centre"
    return ""


def _as_sent(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The row as the device holds it, in the server's terms (which never store server_seq):
    equal to the server's row after the change means the device already has that state."""
    return {k: v for k, v in payload.items() if k != "server_seq"}


def _conflict_row(loser: KeptLoser, change: Change, now: str) -> dict[str, Any]:
    """A kept loser, as a row of the devices' conflict inbox (table ``sync_conflict``)."""
    return {
        "id": str(uuid.uuid4()), "sales_centre_id": change.payload.get("sales_centre_id"),
        "server_seq": 0, "deleted": False, "row_version": 1,
        "created_at": now, "updated_at": now,
        "created_by_device": "server", "updated_by_device": "server",
        "created_by_staff": None, "updated_by_staff": None,
        "kind": loser.kind, "entity": change.entity, "row_id": change.row_id,
        "field": loser.field,
        "kept_value": json.dumps(loser.kept_value, ensure_ascii=False, sort_keys=True),
        "current_value": json.dumps(loser.current_value, ensure_ascii=False, sort_keys=True),
        "losing_device": loser.losing_device,
        "losing_staff": change.payload.get("updated_by_staff"),
        "change_id": change.change_id,
        "detail": json.dumps(dict(loser.detail), ensure_ascii=False, sort_keys=True),
        "status": "open", "resolution": "", "resolved_by_staff": None, "resolved_at": None,
    }


class Push:
    def __init__(self, conn: psycopg.Connection, device: DeviceAuth,
                 options: ServerOptions) -> None:
        self.conn = conn
        self.device = device
        self.options = options
        self.rows: dict[tuple[str, str], RowState] = {}
        self.centres: dict[tuple[str, str], str | None] = {}
        self.touched: set[tuple[str, str]] = set()
        self.log: list[dict[str, Any]] = []
        self.reserved: list[int] = []
        # Changes refused before any rule saw them, by change id, with the reason.
        self.refused: dict[str, str] = {}
        # Customers this push left erased: their other copies are purged (erasure.py).
        self.erased: set[str] = set()
        # Rows of this batch holding texts about a customer erased before it (erasure.py).
        self.erased_texts: set[tuple[str, str]] = set()

    # -- reading and locking ------------------------------------------------------------------

    def _lock_rows(self, keys: list[tuple[str, str]]) -> None:
        if not keys:
            return
        cur = self.conn.execute(
            "SELECT entity, row_id, data, version, field_meta, sales_centre_id FROM entity_row "
            "WHERE (entity, row_id) IN (SELECT * FROM unnest(%s::text[], %s::text[])) "
            "ORDER BY entity, row_id FOR UPDATE",
            ([k[0] for k in keys], [k[1] for k in keys]))
        for entity, row_id, data, version, meta, centre in cur:
            self.rows[(entity, row_id)] = RowState(data, version, meta)
            self.centres[(entity, row_id)] = centre

    def _lock_slots(self, changes: list[Change]) -> None:
        slots: set[str] = set()
        for c in changes:
            if c.change_id in self.refused:
                continue
            rule = rules.rule_for(c.entity)
            if isinstance(rule, Capacity):
                slots.add(f"{c.entity}|{rule.slot_key(c.payload)}")
                before = self.rows.get((c.entity, c.row_id))
                if before is not None:
                    slots.add(f"{c.entity}|{rule.slot_key(before.data)}")
        for key in sorted(slots):
            self.conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (key,))

    def _booked_elsewhere(self, rule: Capacity, change: Change, data: Mapping[str, Any]) -> int:
        key = rule.slot_key(data)
        in_batch = [rid for (ent, rid) in self.rows if ent == change.entity]
        row = self.conn.execute(
            "SELECT count(*) FROM entity_row WHERE entity = %s AND company_id = %s "
            "AND match_key = %s AND NOT (row_id = ANY(%s)) "
            "AND NOT coalesce((data->>'deleted')::boolean, false) "
            "AND data->>%s = ANY(%s)",
            (change.entity, self.device.company_id, key, in_batch, rule.status_column,
             sorted(rule.counted))).fetchone()
        count = int(row[0]) if row else 0
        for (ent, rid), state in self.rows.items():
            if (ent == change.entity and rid != change.row_id and rule.counts(state.data)
                    and rule.slot_key(state.data) == key):
                count += 1
        return count

    def _holders(self, rule: UniqueActive, change: Change,
                 data: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Other rows holding the key now (normally one: the key's first claim in server
        order), stored ones before those this batch applied."""
        key = rule.slot_key(data)
        in_batch = [rid for (ent, rid) in self.rows if ent == change.entity]
        found: list[dict[str, Any]] = [r[0] for r in self.conn.execute(
            "SELECT e.data FROM entity_row e WHERE e.entity = %s AND e.company_id = %s "
            "AND e.match_key = %s AND NOT (e.row_id = ANY(%s)) "
            "AND NOT coalesce((e.data->>'deleted')::boolean, false) "
            "AND e.data->>%s = ANY(%s) ORDER BY e.row_id",
            (change.entity, self.device.company_id, key, in_batch, rule.status_column,
             sorted(rule.counted)))]
        for (ent, rid), state in self.rows.items():
            if (ent == change.entity and rid != change.row_id and rule.counts(state.data)
                    and rule.slot_key(state.data) == key):
                found.append(state.data)
        return found

    def _labels(self, rule: UniqueActive, data: Mapping[str, Any]) -> dict[str, Any]:
        """What people call the key (a unit's number), from head office's rows, if it has them."""
        out: dict[str, Any] = {}
        for column, entity, field in rule.labels:
            row = self.conn.execute(
                "SELECT data->>%s FROM entity_row WHERE entity = %s AND row_id = %s",
                (field, entity, str(data.get(column)))).fetchone()
            if row is not None and row[0] is not None:
                out[f"{column.removesuffix('_id')}_{field}"] = row[0]
        return out

    # -- the transaction ----------------------------------------------------------------------

    def run(self, body: Mapping[str, Any]) -> dict[str, Any]:
        batch_id = body.get("batch_id")
        if batch_id is None:
            batch_id = ""
        if not isinstance(batch_id, str) or len(batch_id) > 100:
            raise PushRefused("bad_request", "batch_id must be text of at most 100", 400)
        raw = body.get("changes")
        if not isinstance(raw, list) or len(raw) > MAX_BATCH:
            raise PushRefused("bad_request", "changes must be a list of at most 1000", 400)
        parsed = [_parse(r, self.device.device_id) for r in raw]
        if (len({c.seq for c, _ in parsed}) < len(parsed)
                or len({c.change_id for c, _ in parsed}) < len(parsed)):
            # The change log keys changes by both: a batch naming one twice is not a device's.
            raise PushRefused("bad_request", "a seq or change_id appears twice in the batch",
                              400)
        changes = []
        for c, reason in parsed:
            reason = reason or _check(c)
            if reason:
                self.refused[c.change_id] = reason
                # Nothing of a refused change reaches a rule, a lock or the database.
                c = Change(c.seq, c.change_id, c.entity, c.row_id, c.operation, 0, (), {},
                           c.hlc, c.device_id)
            changes.append(c)
        changes.sort(key=lambda c: c.seq)
        receive_ms = int(time.time() * 1000)
        now_iso = datetime.now(UTC).isoformat()
        results: list[dict[str, Any]] = []
        # The pipeline the writes go out in is left only after the transaction, so COMMIT
        # travels with them: PostgreSQL commits as soon as the change log is in, without
        # waiting for this process to read the replies and send COMMIT. That wait (a round trip
        # plus this thread getting the interpreter lock back in a busy worker) was spent holding
        # the company's counter row, which every push of the company queues on.
        with contextlib.ExitStack() as until_committed, self.conn.transaction():
            row = self.conn.execute(
                "SELECT last_applied, revoked FROM device WHERE id = %s FOR UPDATE",
                (self.device.device_id,)).fetchone()
            if row is None or row[1]:
                raise PushRefused("revoked", "this device was revoked by head office", 403)
            last_applied = int(row[0])
            todo = self._select(changes, last_applied, results) if self.options.dedupe \
                else changes
            if self.options.bigserial_feed:
                # The broken variant: feed numbers handed out by a sequence as the transaction
                # starts writing, like a BIGSERIAL column would, long before COMMIT.
                self.reserved = [r[0] for r in self.conn.execute(
                    "SELECT nextval('feed_bigserial') FROM generate_series(1, %s)",
                    (len(todo) * 3 + 1,))]
            seen = self._already_logged(todo)
            keys = sorted({(c.entity, c.row_id) for c in todo})
            self._lock_rows(keys)
            self._lock_slots(todo)
            phones.lock_numbers(self, todo)
            allowed = centre_ids(self.conn, self.device.sales_centre_id)
            self.erased_texts = erasure.erased_text_rows(self.conn, self.device.company_id,
                                                         todo, self.rows)
            for c in todo:
                if c.change_id in seen:
                    # Like "already applied" below: the feed number lets the device read the
                    # feed again from there, in case its pending edit hid a later one.
                    results.append({"seq": c.seq, "change_id": c.change_id,
                                    "status": "duplicate", "reason": "",
                                    "feed_seq": seen[c.change_id]})
                    continue
                outcome = self._apply(c, allowed, receive_ms, now_iso)
                results.append({"seq": c.seq, "change_id": c.change_id,
                                "status": outcome.status, "reason": outcome.reason})
            ledger.acknowledge(self.conn, self.device.company_id, changes, results)
            new_last = max([last_applied, *(c.seq for c in todo)])
            # Pipeline mode: the three writes go out without waiting for one another's replies,
            # so PostgreSQL writes the rows while Python encodes the change log. They still run
            # in this order, the counter row (in the log statement) last before COMMIT.
            pipeline = until_committed.enter_context(self.conn.pipeline())
            self._write_rows()
            erasure.purge(self.conn, self.device.company_id, sorted(self.erased))
            self.conn.execute("UPDATE device SET last_applied = %s, last_seen = now() "
                              "WHERE id = %s", (new_last, self.device.device_id))
            self._write_log()
            if self.options.commit_delay_s:
                # Test-only commit latency with jitter: commits then finish out of order,
                # which is what makes a sequence-numbered feed skip rows.
                pipeline.sync()
                time.sleep(random.random() * self.options.commit_delay_s)
        return {"batch_id": batch_id, "last_applied": new_last, "results": results,
                "server_time": now_iso}

    def _select(self, changes: list[Change], last_applied: int,
                results: list[dict[str, Any]]) -> list[Change]:
        old = [c for c in changes if c.seq <= last_applied]
        if old:
            logged: dict[int, tuple[str, int]] = {
                r[0]: (r[1], r[2]) for r in self.conn.execute(
                    "SELECT local_seq, change_id, feed_seq FROM change_log WHERE device_id = %s "
                    "AND local_seq = ANY(%s)", (self.device.device_id, [c.seq for c in old]))}
            for c in old:
                if c.seq in logged and logged[c.seq][0] != c.change_id:
                    raise PushRefused(
                        "restored_device",
                        f"change number {c.seq} was already used by another change: this "
                        "device was restored from an old backup and must re-enrol", 409)
                # The device never heard of this change's effect and may have pulled the row
                # meanwhile with its own edit laid on top (still pending then): the feed number
                # lets it read the feed again from there and take the server's row.
                results.append({"seq": c.seq, "change_id": c.change_id, "status": "duplicate",
                                "reason": "already applied",
                                "feed_seq": logged[c.seq][1] if c.seq in logged else None})
        todo: list[Change] = []
        expect = last_applied + 1
        for c in changes:
            if c.seq <= last_applied:
                continue
            if c.seq != expect:
                break  # a gap: the missing change must arrive first
            todo.append(c)
            expect += 1
        return todo

    def _already_logged(self, todo: list[Change]) -> dict[str, int]:
        """Changes this device sent under an earlier enrolment (restored, re-enrolled), with
        their feed numbers."""
        if not todo or not self.options.dedupe:
            return {}
        return {r[0]: int(r[1]) for r in self.conn.execute(
            "SELECT change_id, feed_seq FROM change_log WHERE change_id = ANY(%s)",
            ([c.change_id for c in todo],))}

    def _apply(self, c: Change, allowed: set[str], receive_ms: int, now_iso: str) -> Outcome:
        key = (c.entity, c.row_id)
        clamped = Change(c.seq, c.change_id, c.entity, c.row_id, c.operation, c.base_version,
                         c.fields, c.payload, c.hlc.clamp(receive_ms), c.device_id)
        before = self.rows.get(key)
        reason = self.refused.get(c.change_id) or _invalid(
            c, allowed, self.centres.get(key), before is not None)
        rule = rules.rule_for(c.entity)
        if reason:
            outcome = Outcome("rejected", reason)
        else:
            outcome = rules.merge(rule, before, clamped)
            if c.entity == ledger.ENTITY and outcome.status == "applied":
                outcome = ledger.admit(self.conn, self.device, c, outcome)
            if isinstance(rule, UniqueActive) and outcome.state is not None:
                holders = self._holders(rule, c, outcome.state.data)
                outcome = rules.decide_unique(
                    rule, outcome, before.data if before else None, holders, c,
                    self._labels(rule, outcome.state.data) if holders else None)
            elif isinstance(rule, Capacity) and outcome.state is not None:
                booked = self._booked_elsewhere(rule, c, outcome.state.data)
                outcome = rules.decide_capacity(rule, outcome, before.data if before else None,
                                                booked, c)
            phones.flag_duplicate(self, c, before, outcome, now_iso)
        if c.entity == erasure.CUSTOMER_ENTITY and outcome.state is not None:
            erasure.keep_erased(c.row_id, outcome.state.data)
        if key in self.erased_texts and outcome.state is not None:
            erasure.keep_texts_erased(c.entity, outcome.state.data)
        if outcome.changed and outcome.state is not None:
            self.rows[key] = outcome.state
            self.touched.add(key)
            self.centres.setdefault(key, self.device.sales_centre_id)
        state_now = self.rows.get(key)
        if c.entity == erasure.CUSTOMER_ENTITY and state_now is not None \
                and state_now.data.get("erased_at"):
            # Also when the change lost or was refused: a losing name is kept as a conflict.
            self.erased.add(c.row_id)
        if outcome.alarm:
            self.conn.execute(
                "INSERT INTO alarm (company_id, kind, entity, row_id, device_id, change_id, "
                "detail) VALUES (%s, 'tamper', %s, %s, %s, %s, %s)",
                (self.device.company_id, c.entity, c.row_id, c.device_id, c.change_id,
                 json.dumps({"payload": dict(c.payload)}, ensure_ascii=False)))
        state = self.rows.get(key)
        self.log.append({
            "change_id": c.change_id, "device_id": c.device_id, "local_seq": c.seq,
            "entity": c.entity, "row_id": c.row_id, "operation": c.operation,
            "status": outcome.status, "reason": outcome.reason,
            "sales_centre_id": self.centres.get(key, self.device.sales_centre_id),
            # Rejected and duplicate changes still send the row back (its current state), so
            # the device converges; the feed reads that state from entity_row (see pull.py).
            "sends_row": state is not None,
            "verbatim": outcome.status == "applied" and state is not None
            and state.data == _as_sent(c.payload),
            "raw_payload": json.dumps(dict(c.payload), ensure_ascii=False, sort_keys=True)
            if isinstance(rule, rules.AppendOnly) and outcome.status == "applied" else None,
        })
        for loser in outcome.losers:
            crow = _conflict_row(loser, c, now_iso)
            ckey = (rules.CONFLICT_ENTITY, crow["id"])
            self.rows[ckey] = RowState(crow, 1, {})
            self.touched.add(ckey)
            self.centres[ckey] = self.device.sales_centre_id
            self.log.append({
                "change_id": str(uuid.uuid4()), "device_id": None, "local_seq": None,
                "entity": rules.CONFLICT_ENTITY, "row_id": crow["id"], "operation": "insert",
                "status": "applied", "reason": "", "sends_row": True, "verbatim": False,
                "raw_payload": None, "sales_centre_id": self.device.sales_centre_id})
        return outcome

    # -- writing ------------------------------------------------------------------------------

    def _write_rows(self) -> None:
        if not self.touched:
            return
        out = []
        for key in sorted(self.touched):
            state = self.rows[key]
            rule = rules.rule_for(key[0])
            out.append({
                "entity": key[0], "row_id": key[1], "company_id": self.device.company_id,
                "sales_centre_id": self.centres.get(key), "data": state.data,
                "version": state.version, "field_meta": state.field_meta,
                "match_key": rule.slot_key(state.data) if isinstance(rule, Capacity) else None,
            })
        self.conn.execute(
            "INSERT INTO entity_row (entity, row_id, company_id, sales_centre_id, data, "
            "version, field_meta, match_key) "
            "SELECT r.entity, r.row_id, r.company_id, r.sales_centre_id, r.data, r.version, "
            "r.field_meta, r.match_key FROM jsonb_to_recordset(%s::jsonb) AS r(entity text, "
            "row_id text, company_id text, sales_centre_id text, data jsonb, version bigint, "
            "field_meta jsonb, match_key text) "
            "ON CONFLICT (entity, row_id) DO UPDATE SET data = EXCLUDED.data, "
            "version = EXCLUDED.version, field_meta = EXCLUDED.field_meta, "
            "match_key = EXCLUDED.match_key",
            (json.dumps(out, ensure_ascii=False),))

    def _write_log(self) -> None:
        if self.options.bigserial_feed:
            for entry, number in zip(self.log, self.reserved, strict=False):
                entry["feed_seq"] = number
        write_log(self.conn, self.device.company_id, self.log, self.options)


_LOG_COLUMNS = ("r.sales_centre_id, r.change_id, r.device_id, r.local_seq, r.entity, r.row_id, "
                "r.operation, r.status, r.reason, r.sends_row, r.verbatim, r.raw_payload")
_LOG_RECORD = ("AS r(ord bigint, sales_centre_id text, change_id text, device_id text, "
               "local_seq bigint, entity text, row_id text, operation text, status text, "
               "reason text, sends_row boolean, verbatim boolean, raw_payload text)")


def write_log(conn: psycopg.Connection, company_id: str, log: list[dict[str, Any]],
              options: ServerOptions) -> None:
    """Insert change-log entries with their feed numbers. With the counter row this is one
    statement, the last before COMMIT: its row lock is held until the commit, so whoever gets
    higher numbers commits later, and a reader never sees a hole that fills in afterwards."""
    if not log:
        return
    rows = json.dumps([{"ord": i + 1, **e} for i, e in enumerate(log)], ensure_ascii=False)
    if options.bigserial_feed:
        # The broken variant (negative control): numbers from a sequence, taken before commit.
        record = _LOG_RECORD.replace("AS r(ord bigint,", "AS r(ord bigint, feed_seq bigint,")
        conn.execute(
            f"INSERT INTO change_log (company_id, feed_seq, sales_centre_id, change_id, "
            f"device_id, local_seq, entity, row_id, operation, status, reason, sends_row, verbatim, "
            f"raw_payload) SELECT %s, coalesce(r.feed_seq, nextval('feed_bigserial')), "
            f"{_LOG_COLUMNS} FROM jsonb_to_recordset(%s::jsonb) {record} ORDER BY r.ord",
            (company_id, rows))
        return
    conn.execute(
        f"WITH c AS (UPDATE feed_counter SET last_seq = last_seq + %s WHERE company_id = %s "
        f"RETURNING last_seq) "
        f"INSERT INTO change_log (company_id, feed_seq, sales_centre_id, change_id, "
        f"device_id, local_seq, entity, row_id, operation, status, reason, sends_row, verbatim, "
        f"raw_payload) SELECT %s, c.last_seq - %s + r.ord, {_LOG_COLUMNS} "
        f"FROM c, jsonb_to_recordset(%s::jsonb) {_LOG_RECORD}",
        (len(log), company_id, company_id, len(log), rows))
