"""One customer per phone, inside the push transaction (see ``sync/customer_phone.py``).

Every push that claims a number first takes an advisory transaction lock on that number, so of
two concurrent pushes of the same number one waits for the other's COMMIT and then sees its row:
both cannot think they are first. The lookup uses the functional index of migration 0004."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from salesdesk.sync import customer_phone as cp
from salesdesk.sync.rules import Change, KeptLoser, Outcome, RowState

if TYPE_CHECKING:
    from salesdesk.sync.server.push import Push


# Per push: number -> {phone row id: (row, id of the change that made it)}, read once under the
# locks and kept up to date as the push applies phone changes, so a batch of many registrations
# costs one lookup rather than one per row (and never rescans the batch's rows).
_HELD: WeakKeyDictionary[Push, dict[str, dict[str, tuple[dict[str, Any], str]]]] = \
    WeakKeyDictionary()


def _first_change(meta: Any) -> str:
    star = meta.get("*") if isinstance(meta, dict) else None
    return str(star.get("c", "")) if isinstance(star, dict) else ""


def lock_numbers(push: Push, changes: Iterable[Change]) -> None:
    """Take the per-number locks of a batch, in sorted order (like the slots: no deadlock),
    then read who already holds those numbers."""
    numbers = sorted({str(c.payload["e164"]) for c in changes
                      if c.entity == cp.PHONE_ENTITY and isinstance(c.payload.get("e164"), str)
                      and c.payload.get("e164")})
    held: dict[str, dict[str, tuple[dict[str, Any], str]]] = {n: {} for n in numbers}
    _HELD[push] = held
    if not numbers:
        return
    keys = sorted(cp.lock_key(push.device.company_id, n) for n in numbers)
    # One statement; the locks are taken row by row in the subquery's (sorted) order.
    push.conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) "
                      "FROM (SELECT unnest(%s::text[]) AS k ORDER BY 1) AS s", (keys,))
    for row_id, data, meta in push.conn.execute(
            "SELECT row_id, data, field_meta FROM entity_row WHERE entity = %s "
            "AND company_id = %s AND sales_centre_id = %s AND data->>'e164' = ANY(%s)",
            (cp.PHONE_ENTITY, push.device.company_id, push.device.sales_centre_id, numbers)):
        if isinstance(data, dict) and data.get("e164") in held:
            held[str(data["e164"])][row_id] = (data, _first_change(meta))


def _remember(push: Push, change: Change, before: RowState | None, after: RowState) -> None:
    held = _HELD.setdefault(push, {})
    old = before.data.get("e164") if before is not None else None
    if isinstance(old, str):
        held.get(old, {}).pop(change.row_id, None)
    new = after.data.get("e164")
    if isinstance(new, str) and new:
        held.setdefault(new, {})[change.row_id] = (after.data, _first_change(after.field_meta))


def _customer(push: Push, customer_id: str) -> dict[str, Any] | None:
    state = push.rows.get((cp.CUSTOMER_ENTITY, customer_id))
    if state is not None:
        return state.data
    row = push.conn.execute("SELECT data FROM entity_row WHERE entity = %s AND row_id = %s",
                            (cp.CUSTOMER_ENTITY, customer_id)).fetchone()
    return dict(row[0]) if row is not None and isinstance(row[0], dict) else None


def _registration(push: Push, phone: dict[str, Any]) -> cp.Registration | None:
    cid = phone.get("customer_id")
    if not isinstance(cid, str):
        return None
    customer = _customer(push, cid)
    if not cp.is_live(customer):
        return None
    assert customer is not None
    owner = customer.get("owner_staff_id")
    by = phone.get("created_by_staff")
    at = phone.get("created_at")
    return cp.Registration(cid, str(phone.get("id")), owner if isinstance(owner, str) else None,
                           by if isinstance(by, str) else None,
                           at if isinstance(at, str) else None)


def _holders(push: Push, change: Change, number: str) -> list[tuple[int, cp.Registration]]:
    """Other live customers of this sales centre holding the number, with the feed number of
    their phone row's first change (rows of this very push: after every numbered one)."""
    found = {rid: v for rid, v in _HELD.get(push, {}).get(number, {}).items()
             if rid != change.row_id}
    live = [(data, first) for data, first in found.values()
            if cp.is_live(data) and data.get("customer_id") != change.payload.get("customer_id")]
    if not live:
        return []
    logged = {r[0]: int(r[1]) for r in push.conn.execute(
        "SELECT change_id, feed_seq FROM change_log WHERE change_id = ANY(%s)",
        ([c for _, c in live if c],))}
    # Rows made earlier in this very push have no feed number yet: they come after every
    # numbered row, in the order this push applied them.
    in_push = {e["change_id"]: i for i, e in enumerate(push.log)} \
        if any(c not in logged for _, c in live) else {}
    holders: list[tuple[int, cp.Registration]] = []
    for data, first_change in live:
        reg = _registration(push, data)
        if reg is not None:
            number_ = logged.get(first_change, 2**62 + in_push.get(first_change, 2**30))
            holders.append((number_, reg))
    return holders


def _staff_name(push: Push, staff_id: str | None) -> str:
    if not staff_id:
        return ""
    row = push.conn.execute("SELECT data->>'name' FROM entity_row WHERE entity = 'staff' "
                            "AND row_id = %s", (staff_id,)).fetchone()
    return str(row[0]) if row is not None and row[0] else ""


def _server_row(push: Push, entity: str, row: dict[str, Any]) -> None:
    key = (entity, row["id"])
    push.rows[key] = RowState(row, 1, {})
    push.touched.add(key)
    push.centres[key] = push.device.sales_centre_id
    push.log.append({
        "change_id": str(uuid.uuid4()), "device_id": None, "local_seq": None,
        "entity": entity, "row_id": row["id"], "operation": "insert", "status": "applied",
        "reason": "", "sends_row": True, "verbatim": False, "raw_payload": None,
        "sales_centre_id": push.device.sales_centre_id})


def flag_duplicate(push: Push, change: Change, before: RowState | None, outcome: Outcome,
                   now_iso: str) -> None:
    """If this change gives its customer a number another live customer already holds, keep
    the row (nothing lost) and add a ``duplicate_customer`` conflict to the outcome; the
    consultant of the later registration gets a notice naming who registered first."""
    if change.entity != cp.PHONE_ENTITY or outcome.state is None \
            or outcome.status not in ("applied", "conflict"):
        return
    try:
        _flag(push, change, before, outcome, now_iso)
    finally:
        _remember(push, change, before, outcome.state)


def _flag(push: Push, change: Change, before: RowState | None, outcome: Outcome,
          now_iso: str) -> None:
    assert outcome.state is not None
    after = outcome.state.data
    number = cp.claimed_number(before.data if before else None, after)
    if number is None:
        return
    later = _registration(push, after)
    holders = _holders(push, change, number)
    if later is None or not holders:
        return
    first = cp.first_of(holders)
    detail = cp.duplicate_detail(number, first, later)
    outcome.losers.append(KeptLoser(cp.DUPLICATE_KIND, "customer_id", later.customer_id,
                                    first.customer_id, change.device_id, detail))
    told = later.owner_staff_id or later.registered_by_staff
    if not told:
        return
    # Dated when head office decided, not when the device registered: a device offline for
    # days would otherwise get a notice dated days ago, off the consultant's list of the day.
    at = now_iso
    _server_row(push, "staff_notice", {
        "id": str(uuid.uuid4()), "sales_centre_id": after.get("sales_centre_id"),
        "server_seq": 0, "deleted": False, "row_version": 1, "created_at": at,
        "updated_at": at, "created_by_device": "server", "updated_by_device": "server",
        "created_by_staff": None, "updated_by_staff": None, "staff_id": told, "visit_id": "",
        "text": cp.notice_text(number, _staff_name(
            push, first.owner_staff_id or first.registered_by_staff))[:400],
        "read": False,
    })
