"""Head office's side of a customer's erasure (issue 15 §1).

The erasure arrives as ordinary edits (the customer row with a pseudonym and ``erased_at``, the
phone rows blanked and tombstoned, message texts and notes blanked), so ``entity_row`` — the
only place the server keeps a synced row's state — holds the erased values once they are
applied. What this module clears are the *other* copies the server keeps of those rows:

- ``change_log.row_state``: the row after each change, kept for entries written before the feed
  switched to sending current states (migration 0002); the feed no longer reads it;
- the kept losing values of the conflict inbox (``sync_conflict`` rows about the customer);
- a tamper alarm's copy of the payload.

``change_log.raw_payload`` is kept only for append-only kinds (audit log, disclosure ledger),
whose rows carry ids and hashes, never a name or number, and must stay byte-exact to verify.
The free texts staff typed about the customer (complaints, escalations; sync/erased_texts.py)
arrive erased the same way; a text row written by a device that had not heard of the erasure
yet is erased as it is applied (``erased_text_rows``), like a late edit of the customer.
Run inside the push transaction, before the change log is written (the counter row stays the
last statement before COMMIT)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import psycopg

from salesdesk.domain.customer_rights import pseudonym
from salesdesk.sync.customer_phone import DUPLICATE_KIND
from salesdesk.sync.erased_texts import CHILD_TEXTS, CUSTOMER_TEXTS, erase_texts
from salesdesk.sync.rules import CONFLICT_ENTITY, Change, RowState

CUSTOMER_ENTITY = "customer"
# What ``vacuum-erased`` rewrites: the tables that can have held an erased customer's data.
TABLES = ("entity_row", "change_log", "alarm")


def keep_erased(row_id: str, data: dict[str, Any]) -> None:
    """An erased customer stays erased: an edit made offline before the device heard of the
    erasure (its clock later than the erasure's) must not bring a name or number back."""
    if not data.get("erased_at"):
        return
    data.update(name=pseudonym(row_id), salutation="", notes="", id_number_enc=None)


_PARENTS = frozenset(parent for _, parent, _ in CHILD_TEXTS.values())


def _texts_of(key: tuple[str, str], change: Change,
              before: RowState | None) -> tuple[str, str] | None:
    """Whose texts a row holds: ("customer", customer id), or (parent table, parent id) for a
    row reaching the customer through its parent; None when the change does not say."""
    entity = key[0]
    column = "customer_id" if entity in CUSTOMER_TEXTS else CHILD_TEXTS[entity][0]
    value = change.payload.get(column) or (before.data.get(column) if before else None)
    if not value:
        return None
    return ("customer", str(value)) if entity in CUSTOMER_TEXTS \
        else (CHILD_TEXTS[entity][1], str(value))


def erased_text_rows(conn: psycopg.Connection, company_id: str, changes: Iterable[Change],
                     rows: Mapping[tuple[str, str], RowState]) -> set[tuple[str, str]]:
    """The rows of this batch holding free texts (sync/erased_texts.py) about a customer head
    office already holds as erased: a device that had not heard of the erasure (a complaint
    step written offline) must not bring what was said back. Their texts are erased as they are
    applied. At most two queries, and none for a batch without such rows."""
    owners: dict[tuple[str, str], tuple[str, str]] = {}
    in_batch: dict[tuple[str, str], str] = {}
    for c in changes:
        key = (c.entity, c.row_id)
        if c.entity in _PARENTS and c.payload.get("customer_id"):
            in_batch[key] = str(c.payload["customer_id"])  # a parent written in this batch
        if c.entity in CUSTOMER_TEXTS or c.entity in CHILD_TEXTS:
            owner = _texts_of(key, c, rows.get(key))
            if owner is not None:
                owners[key] = owner
    if not owners:
        return set()
    parents = {o for o in owners.values() if o[0] != "customer"}
    customer_of = {p: in_batch[p] for p in parents if p in in_batch}
    missing = sorted(p for p in parents if p not in customer_of)
    if missing:
        customer_of |= {(e, r): str(cid) for e, r, cid in conn.execute(
            "SELECT entity, row_id, data->>'customer_id' FROM entity_row WHERE company_id = %s "
            "AND (entity, row_id) IN (SELECT * FROM unnest(%s::text[], %s::text[]))",
            (company_id, [p[0] for p in missing], [p[1] for p in missing])) if cid}
    customer = {key: o[1] if o[0] == "customer" else customer_of.get(o)
                for key, o in owners.items()}
    erased = {r[0] for r in conn.execute(
        "SELECT row_id FROM entity_row WHERE entity = 'customer' AND company_id = %s "
        "AND row_id = ANY(%s) AND data->>'erased_at' IS NOT NULL",
        (company_id, sorted({cid for cid in customer.values() if cid})))}
    return {key for key, cid in customer.items() if cid in erased}


def keep_texts_erased(entity: str, data: dict[str, Any]) -> None:
    """A row of ``erased_text_rows`` as it is applied: its texts stay erased."""
    erase_texts(entity, data)


def purge(conn: psycopg.Connection, company_id: str, customer_ids: list[str]) -> None:
    if not customer_ids:
        return
    ids = sorted(set(customer_ids))
    # The customer's rows: the customer itself, every row pointing at it, and the rows holding
    # texts about it through a parent (a complaint's steps, an appointment's events).
    children = " OR ".join(
        f"(c.entity = '{table}' AND c.data->>'{fk}' = p.row_id AND p.entity = '{parent}')"
        for table, (fk, parent, _) in CHILD_TEXTS.items())
    related = ("SELECT unnest(%(ids)s::text[]) UNION SELECT row_id FROM entity_row "
               "WHERE company_id = %(co)s AND data->>'customer_id' = ANY(%(ids)s) "
               "UNION SELECT c.row_id FROM entity_row c JOIN entity_row p ON p.company_id = "
               "c.company_id AND p.data->>'customer_id' = ANY(%(ids)s) WHERE c.company_id = "
               f"%(co)s AND ({children})")
    args = {"ids": ids, "co": company_id}
    conn.execute(f"UPDATE change_log SET row_state = NULL WHERE company_id = %(co)s "
                 f"AND row_state IS NOT NULL AND row_id IN ({related})", args)
    # A duplicate-customer conflict's values are the two customers' ids (merging needs them).
    conn.execute(
        f"UPDATE entity_row SET data = data || jsonb_build_object('detail', '{{}}') || CASE "
        f"WHEN data->>'kind' = '{DUPLICATE_KIND}' THEN '{{}}'::jsonb ELSE jsonb_build_object("
        f"'kept_value', 'null', 'current_value', 'null') END WHERE entity = "
        f"'{CONFLICT_ENTITY}' AND company_id = %(co)s AND data->>'row_id' IN ({related})", args)
    conn.execute(f"UPDATE alarm SET detail = '{{}}'::jsonb WHERE company_id = %(co)s "
                 f"AND row_id IN ({related})", args)
