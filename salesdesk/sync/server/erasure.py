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
Run inside the push transaction, before the change log is written (the counter row stays the
last statement before COMMIT)."""

from __future__ import annotations

from typing import Any

import psycopg

from salesdesk.domain.customer_rights import pseudonym
from salesdesk.sync.customer_phone import DUPLICATE_KIND
from salesdesk.sync.rules import CONFLICT_ENTITY

CUSTOMER_ENTITY = "customer"
# What ``vacuum-erased`` rewrites: the tables that can have held an erased customer's data.
TABLES = ("entity_row", "change_log", "alarm")


def keep_erased(row_id: str, data: dict[str, Any]) -> None:
    """An erased customer stays erased: an edit made offline before the device heard of the
    erasure (its clock later than the erasure's) must not bring a name or number back."""
    if not data.get("erased_at"):
        return
    data.update(name=pseudonym(row_id), salutation="", notes="", id_number_enc=None)


def purge(conn: psycopg.Connection, company_id: str, customer_ids: list[str]) -> None:
    if not customer_ids:
        return
    ids = sorted(set(customer_ids))
    # The customer's rows: the customer itself and every row pointing at it.
    related = ("SELECT unnest(%(ids)s::text[]) UNION SELECT row_id FROM entity_row "
               "WHERE company_id = %(co)s AND data->>'customer_id' = ANY(%(ids)s)")
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
