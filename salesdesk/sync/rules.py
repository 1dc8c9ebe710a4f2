"""Rules per kind of record (SYNC.md, "Rules per kind of record"), keyed by table name.

The server looks up each incoming change's table here and merges it into the row it holds.
These functions are pure (dicts in, dicts out) so they can be property-tested without a
database; the server supplies what needs one (how many bookings a slot already holds).

The registry is filled in ``_defaults()`` below: configuration read-only, the disclosure
ledger and audit log append-only, attribution first-wins, queue tickets forward-only, signing
desks capacity-limited, one active subscription per unit; every other table is field-level
last-writer-wins.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from salesdesk.sync.hlc import Hlc

# Columns the sync machinery owns; never compared or merged as content.
SYNC_COLUMNS = frozenset({"server_seq", "row_version"})
STAMP_COLUMNS = frozenset({
    "created_at", "updated_at", "created_by_device", "updated_by_device",
    "created_by_staff", "updated_by_staff",
})
IDENTITY_COLUMNS = frozenset({"id", "sales_centre_id"})
NOT_MERGED = SYNC_COLUMNS | STAMP_COLUMNS | IDENTITY_COLUMNS

CONFLICT_ENTITY = "sync_conflict"


@dataclass(frozen=True)
class Rule:
    kind: str = "lww"


@dataclass(frozen=True)
class LastWriterWins(Rule):
    """Field-level last-writer-wins by hybrid logical clock; concurrent losers are kept."""

    kind: str = "lww"


@dataclass(frozen=True)
class AppendOnly(Rule):
    """Same id again is a no-op; same id with other content is a tamper alarm; no updates."""

    kind: str = "append_only"


@dataclass(frozen=True)
class ReadOnly(Rule):
    """Written by head office only (project configuration, staff)."""

    kind: str = "read_only"


@dataclass(frozen=True)
class FirstWins(Rule):
    """``fields`` keep the first non-empty value in server order (判客); others are LWW."""

    kind: str = "first_wins"
    fields: frozenset[str] = frozenset()


@dataclass(frozen=True)
class QueuedOnce(Rule):
    """Rows whose id derives from what they are (a message to a customer, a follow-up task
    made by an event): two devices that made the same row offline made it once. The first
    insert the server applies stands and a later one from another device is refused (the
    device gets the row back); ``final`` values of ``status_column`` never move back (a sent
    message stays sent, so nobody sends it again). Other changes are last-writer-wins."""

    kind: str = "queued_once"
    status_column: str = "status"
    final: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ForwardOnly(Rule):
    """Per-device records (queue tickets): only the creating device changes them, and
    ``status_column`` only moves forward along ``order``."""

    kind: str = "forward_only"
    status_column: str = "status"
    order: tuple[str, ...] = ()


@dataclass(frozen=True)
class Capacity(Rule):
    """Bookings of a limited slot (signing desks). The server checks ``booked < capacity`` in
    its transaction; the losing booking is kept with ``conflict_status``.

    ``capacity`` is a number, the name of a column of the booking row, or a function of it."""

    kind: str = "capacity"
    slot_columns: tuple[str, ...] = ()
    capacity: int | str | Callable[[Mapping[str, Any]], int] = 1
    status_column: str = "status"
    counted: frozenset[str] = frozenset({"pending", "confirmed"})
    pending_status: str = "pending"
    confirmed_status: str = "confirmed"
    conflict_status: str = "conflict"
    cancelled_status: str = "cancelled"
    # Where free alternatives come from: a table whose rows are the slots (same column names
    # as ``slot_columns``); without one, the slots other bookings already use.
    slot_table: str | None = None

    def slot_key(self, row: Mapping[str, Any]) -> str:
        return json.dumps([row.get(c) for c in self.slot_columns], ensure_ascii=False)

    def capacity_of(self, row: Mapping[str, Any]) -> int:
        if isinstance(self.capacity, int):
            return self.capacity
        if isinstance(self.capacity, str):
            return int(row.get(self.capacity) or 0)
        return int(self.capacity(row))

    def counts(self, row: Mapping[str, Any] | None) -> bool:
        return (row is not None and not row.get("deleted")
                and row.get(self.status_column) in self.counted)


@dataclass(frozen=True)
class UniqueActive(Capacity):
    """At most one row per key in an active status (one active subscription per unit, rule
    13): a capacity of one whose first holder, in server order, keeps it. A later claim is kept
    with ``conflict_status`` (never dropped: it carries a deposit) and a conflict of
    ``conflict_kind`` names both rows by ``detail_columns``; ``labels`` are looked up by the
    server for people to read (column -> (table, column of that table's row))."""

    kind: str = "unique_active"
    capacity: int | str | Callable[[Mapping[str, Any]], int] = 1
    conflict_kind: str = "unique"
    detail_columns: tuple[str, ...] = ()
    labels: tuple[tuple[str, str, str], ...] = ()


CONFIG_TABLES = (
    "company", "sales_centre", "staff", "project", "building", "unit", "certificate",
    "sunshine_declaration", "contract_template", "adverse_factor",
)

_REGISTRY: dict[str, Rule] = {}


def register(entity: str, rule: Rule) -> None:
    _REGISTRY[entity] = rule


def unregister(entity: str) -> None:
    _REGISTRY.pop(entity, None)


def rule_for(entity: str) -> Rule:
    return _REGISTRY.get(entity, LastWriterWins())


def registry() -> dict[str, Rule]:
    return dict(_REGISTRY)


def _defaults() -> None:
    for table in CONFIG_TABLES:
        register(table, ReadOnly())
    register("audit_log", AppendOnly())
    # Names the disclosure capability uses; harmless while those tables do not exist.
    for table in ("disclosure_record", "disclosure_checklist", "disclosure_signature"):
        register(table, AppendOnly())
    register("customer", FirstWins(fields=frozenset({"owner_staff_id"})))
    # A signing appointment holds one desk of one slot; the server lets the first booking it
    # applies keep a desk and keeps any later one for the same desk as `conflict` (devices
    # hand out the lowest free desk, so two offline bookings of the last desk collide here).
    # Visits share the table but hold no desk: they are never limited.
    register("appointment", Capacity(
        slot_columns=("kind", "starts_at", "desk_no"),
        capacity=lambda row: 1 if row.get("kind") == "signing" else 1_000_000,
        counted=frozenset({"booked", "confirmed", "arrived", "completed", "no_show"}),
        pending_status="", confirmed_status="", conflict_status="conflict",
        cancelled_status="cancelled", slot_table=None))
    # One unit, one sale: the first active subscription of a unit to reach head office holds
    # it; another device's offline sale of the same unit is kept as `conflict` for supervisors.
    register("subscription", UniqueActive(
        slot_columns=("unit_id",), counted=frozenset({"active"}), pending_status="",
        confirmed_status="", conflict_status="conflict", cancelled_status="cancelled",
        conflict_kind="subscription",
        detail_columns=("customer_id", "consultant_id", "price", "deposit", "subscribed_on",
                        "created_by_device"),
        labels=(("unit_id", "unit", "number"),)))
    register("reminder_message", QueuedOnce(final=frozenset({"sent"})))
    register("follow_up_task", QueuedOnce(final=frozenset({"done", "cancelled"})))
    register("queue_ticket", ForwardOnly(order=("waiting", "called", "serving", "done",
                                                "no_show", "cancelled")))


_defaults()


# ---------------------------------------------------------------------------------------------
# Merging one change into the server's row


@dataclass(frozen=True)
class Change:
    seq: int
    change_id: str
    entity: str
    row_id: str
    operation: str  # insert | update | tombstone
    base_version: int
    fields: tuple[str, ...]
    payload: Mapping[str, Any]
    hlc: Hlc
    device_id: str


@dataclass
class RowState:
    data: dict[str, Any]
    version: int
    field_meta: dict[str, dict[str, Any]]


@dataclass(frozen=True)
class KeptLoser:
    """A value that lost a conflict, kept for a person to review (CouchDB's rule)."""

    kind: str  # field | attribution | slot | tamper | rejected
    field: str
    kept_value: Any  # the value that lost
    current_value: Any  # the value the row has now
    losing_device: str
    detail: Mapping[str, Any] = dc_field(default_factory=dict)


@dataclass
class Outcome:
    status: str  # applied | conflict | rejected | duplicate
    reason: str = ""
    state: RowState | None = None
    losers: list[KeptLoser] = dc_field(default_factory=list)
    alarm: bool = False

    @property
    def changed(self) -> bool:
        return self.status in ("applied", "conflict") and self.state is not None


def content(row: Mapping[str, Any]) -> dict[str, Any]:
    """What a row says, without the numbers sync keeps on it."""
    return {k: v for k, v in row.items() if k not in SYNC_COLUMNS}


def _meta(change: Change, version: int) -> dict[str, Any]:
    return {"v": version, "d": change.device_id, "h": change.hlc.encode(), "c": change.change_id}


def _stamp(data: dict[str, Any], change: Change, version: int) -> None:
    for col in ("updated_at", "updated_by_device", "updated_by_staff"):
        if col in change.payload:
            data[col] = change.payload[col]
    data["row_version"] = version


def _new_row(change: Change) -> RowState:
    data = content(change.payload)
    data["row_version"] = 1
    # "*": who wrote every field not listed on its own (all of them, for a new row).
    return RowState(data, 1, {"*": _meta(change, 1)})


def merge_lww(current: RowState | None, change: Change, *,
              first_wins: frozenset[str] = frozenset()) -> Outcome:
    if current is None:
        return Outcome("applied", state=_new_row(change))
    if change.operation == "insert":
        fields = [f for f in change.payload if f not in NOT_MERGED]
    else:
        fields = [f for f in change.fields if f not in NOT_MERGED and f in change.payload]
    data = dict(current.data)
    meta = {k: dict(v) for k, v in current.field_meta.items()}
    version = current.version + 1
    won: list[str] = []
    losers: list[KeptLoser] = []
    for f in fields:
        m = meta.get(f) or meta.get("*")
        new_value = change.payload[f]
        if m is not None and m.get("c") == change.change_id:
            continue  # this very change already wrote the field: a replay has no effect
        seen = m is None or m.get("d") == change.device_id or change.base_version >= m["v"]
        # First valid registration wins against a *concurrent* claim; a device that had seen
        # the current owner and changed it on purpose (a supervisor's decision, a handover
        # when a consultant leaves) is not a rival claim and goes through.
        if (f in first_wins and not seen and data.get(f) not in (None, "")
                and data.get(f) != new_value):
            losers.append(KeptLoser("attribution", f, new_value, data.get(f), change.device_id))
            continue
        if (m is None or m.get("d") == change.device_id or change.base_version >= m["v"]
                or f in first_wins):
            wins = True  # nothing concurrent: the device had seen the value it replaced
        else:
            wins = change.hlc > Hlc.decode(m["h"])
            if data.get(f) != new_value:
                if wins:
                    losers.append(KeptLoser("field", f, data.get(f), new_value, m["d"]))
                else:
                    losers.append(KeptLoser("field", f, new_value, data.get(f),
                                            change.device_id))
        if wins:
            data[f] = new_value
            meta[f] = _meta(change, version)
            won.append(f)
    if not won:
        return Outcome("conflict" if losers else "duplicate",
                       state=current if losers else None, losers=losers)
    _stamp(data, change, version)
    return Outcome("conflict" if losers else "applied", state=RowState(data, version, meta),
                   losers=losers)


def merge_append_only(current: RowState | None, change: Change) -> Outcome:
    if current is None:
        if change.operation != "insert":
            return Outcome("rejected", "append_only: records are never changed")
        return Outcome("applied", state=_new_row(change))
    if content(current.data) == content(change.payload):
        return Outcome("duplicate")
    return Outcome("rejected", "tamper: same id with different content", alarm=True,
                   losers=[KeptLoser("tamper", "", content(change.payload),
                                     content(current.data), change.device_id)])


def merge_forward_only(rule: ForwardOnly, current: RowState | None, change: Change) -> Outcome:
    if current is None:
        return Outcome("applied", state=_new_row(change))
    if current.data.get("created_by_device") != change.payload.get("created_by_device"):
        return Outcome("rejected", "forward_only: only the issuing device changes it")
    col = rule.status_column
    old, new = current.data.get(col), change.payload.get(col)
    if (col in change.fields and old in rule.order and new in rule.order
            and rule.order.index(new) < rule.order.index(old)):
        return Outcome("rejected", f"forward_only: {col} may not move back from {old} to {new}")
    return merge_lww(current, change)


def merge_queued_once(rule: QueuedOnce, current: RowState | None, change: Change) -> Outcome:
    if current is None:
        return merge_lww(current, change)
    meta = current.field_meta.get("*") or {}
    if change.operation == "insert" and meta.get("d") != change.device_id:
        return Outcome("rejected", "queued_once: another device already made this row")
    col = rule.status_column
    old, new = current.data.get(col), change.payload.get(col)
    if col in change.fields and old in rule.final and new != old:
        return Outcome("rejected", f"queued_once: {col} stays {old}")
    return merge_lww(current, change)


def merge(rule: Rule, current: RowState | None, change: Change) -> Outcome:
    """Everything but capacity, which needs the server's count (see ``decide_capacity``)."""
    if isinstance(rule, ReadOnly):
        return Outcome("rejected", "read_only: written by head office only")
    if isinstance(rule, AppendOnly):
        return merge_append_only(current, change)
    if isinstance(rule, ForwardOnly):
        return merge_forward_only(rule, current, change)
    if isinstance(rule, QueuedOnce):
        return merge_queued_once(rule, current, change)
    if isinstance(rule, FirstWins):
        return merge_lww(current, change, first_wins=rule.fields)
    return merge_lww(current, change)


def claims_slot(rule: Capacity, before: Mapping[str, Any] | None,
                after: Mapping[str, Any]) -> bool:
    """Does this change take a place it did not hold before (new booking, other slot, revived)?"""
    if not rule.counts(after):
        return False
    return not (rule.counts(before) and before is not None
                and rule.slot_key(before) == rule.slot_key(after))


def decide_unique(rule: UniqueActive, outcome: Outcome, before: Mapping[str, Any] | None,
                  holders: Sequence[Mapping[str, Any]], change: Change,
                  labels: Mapping[str, Any] | None = None) -> Outcome:
    """Arbitrate one claim on a key: ``holders`` are the other rows holding it now. The
    claimant loses to any holder: its row is kept with the conflict status, and a kept loser
    names both sides (their ``detail_columns``) for the conflict inbox."""
    if outcome.state is None or outcome.status == "rejected":
        return outcome
    data = outcome.state.data
    col = rule.status_column
    if not (claims_slot(rule, before, data) and holders):
        return outcome
    claimed = data.get(col)
    data[col] = rule.conflict_status
    holder = holders[0]

    def side(row: Mapping[str, Any], status: Any) -> dict[str, Any]:
        return {"id": row.get("id"), "status": status,
                **{c: row.get(c) for c in rule.detail_columns}}

    detail: dict[str, Any] = {c: data.get(c) for c in rule.slot_columns}
    detail.update(labels or {})
    detail["holder"] = side(holder, holder.get(col))
    detail["loser"] = side(data, claimed)
    outcome.losers.append(KeptLoser(rule.conflict_kind, col, claimed, rule.conflict_status,
                                    change.device_id, detail))
    outcome.status = "conflict"
    return outcome


def decide_capacity(rule: Capacity, outcome: Outcome, before: Mapping[str, Any] | None,
                    booked_elsewhere: int, change: Change) -> Outcome:
    """Arbitrate one booking: ``booked_elsewhere`` is how many other bookings hold the slot."""
    if outcome.state is None or outcome.status == "rejected":
        return outcome
    data = outcome.state.data
    col = rule.status_column
    if claims_slot(rule, before, data) and booked_elsewhere >= rule.capacity_of(data):
        data[col] = rule.conflict_status
        outcome.losers.append(KeptLoser(
            "slot", col, rule.slot_key(data), rule.conflict_status, change.device_id,
            {"slot": [data.get(c) for c in rule.slot_columns],
             "capacity": rule.capacity_of(data), "booked": booked_elsewhere}))
        outcome.status = "conflict"
        return outcome
    if data.get(col) == rule.pending_status and rule.counts(data):
        data[col] = rule.confirmed_status
    return outcome
