"""One customer per phone, inside the push transaction (see ``sync/customer_phone.py``).

Every push that claims a number first takes an advisory transaction lock on that number, so of
two concurrent pushes of the same number one waits for the other's COMMIT and then sees its row:
both cannot think they are first. The lookup uses the functional index of migration 0004."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from salesdesk.sync import customer_phone as cp
from salesdesk.sync.rules import Change, KeptLoser, Outcome, RowState

if TYPE_CHECKING:
    from salesdesk.sync.server.push import Push


def lock_numbers(push: Push, changes: Iterable[Change]) -> None:
    """Take the per-number locks of a batch, in sorted order (like the slots: no deadlock)."""
    keys = sorted({cp.lock_key(push.device.company_id, c.payload["e164"]) for c in changes
                   if c.entity == cp.PHONE_ENTITY and isinstance(c.payload.get("e164"), str)
                   and c.payload.get("e164")})
    for key in keys:
        push.conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (key,))


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
    found: dict[str, tuple[dict[str, Any], str]] = {}
    for row_id, data, meta in push.conn.execute(
            "SELECT row_id, data, field_meta FROM entity_row WHERE entity = %s "
            "AND company_id = %s AND data->>'e164' = %s AND sales_centre_id = %s "
            "AND row_id <> %s",
            (cp.PHONE_ENTITY, push.device.company_id, number, push.device.sales_centre_id,
             change.row_id)):
        first_change = (meta or {}).get("*", {}).get("c", "") if isinstance(meta, dict) else ""
        found[row_id] = (data, str(first_change))
    for (entity, row_id), state in push.rows.items():
        if entity == cp.PHONE_ENTITY and row_id != change.row_id \
                and state.data.get("e164") == number:
            meta = state.field_meta.get("*") or {}
            found[row_id] = (state.data, str(meta.get("c", "")))
    if not found:
        return []
    logged = {r[0]: int(r[1]) for r in push.conn.execute(
        "SELECT change_id, feed_seq FROM change_log WHERE change_id = ANY(%s)",
        ([c for _, c in found.values() if c],))}
    holders: list[tuple[int, cp.Registration]] = []
    for data, first_change in found.values():
        if not cp.is_live(data) or data.get("customer_id") == change.payload.get("customer_id"):
            continue
        reg = _registration(push, data)
        if reg is not None:
            holders.append((logged.get(first_change, 2**62), reg))
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
    # Dated like the registration it is about, so it shows on that device's list of the day.
    at = later.registered_at or now_iso
    _server_row(push, "staff_notice", {
        "id": str(uuid.uuid4()), "sales_centre_id": after.get("sales_centre_id"),
        "server_seq": 0, "deleted": False, "row_version": 1, "created_at": at,
        "updated_at": at, "created_by_device": "server", "updated_by_device": "server",
        "created_by_staff": None, "updated_by_staff": None, "staff_id": told, "visit_id": "",
        "text": cp.notice_text(number, _staff_name(
            push, first.owner_staff_id or first.registered_by_staff))[:400],
        "read": False,
    })
