"""Customer queries: who holds a phone number, a customer's numbers, and the merge aliases that
every lookup of a survivor's records follows. Other capabilities (reception, disclosure,
signing, care) ask these too, so each is written once here."""

from __future__ import annotations

import json

from sqlalchemy import select

from salesdesk.store.models.customer import Customer, CustomerAlias, CustomerPhone
from salesdesk.store.models.sync import SyncConflict
from salesdesk.store.uow import UnitOfWork
from salesdesk.sync.customer_phone import DUPLICATE_KIND


def find_customer_id_by_phone(uow: UnitOfWork, e164: str) -> str | None:
    """The live customer holding this number. When two do (registered on two devices offline,
    not merged yet), the first registration (判客), the same on every device: not the one head
    office flagged as the later duplicate, then the phone row head office numbered first
    (server_seq; rows not synced yet last), then the earliest created."""
    rows = uow.session.execute(
        select(CustomerPhone.customer_id, CustomerPhone.server_seq, CustomerPhone.created_at)
        .join(Customer, Customer.id == CustomerPhone.customer_id)
        .where(CustomerPhone.e164 == e164, CustomerPhone.deleted.is_(False),
               Customer.deleted.is_(False))).all()
    if len({r[0] for r in rows}) <= 1:
        return str(rows[0][0]) if rows else None
    later = {json.loads(v) for v in uow.session.scalars(select(SyncConflict.kept_value).where(
        SyncConflict.kind == DUPLICATE_KIND, SyncConflict.deleted.is_(False),
        SyncConflict.kept_value.in_([json.dumps(r[0]) for r in rows])))}
    best = min(rows, key=lambda r: (r[0] in later, r[1] == 0, r[1], r[2], r[0]))
    return str(best[0])


def merged_ids(uow: UnitOfWork, customer_id: str) -> list[str]:
    """The customer and every duplicate merged into them (``customer_alias``): records that
    can never be edited, the disclosure ledger above all, keep the duplicate's id, and every
    lookup of the survivor's records follows this list."""
    ids = [customer_id]
    frontier = [customer_id]
    while frontier:
        more = [i for i in uow.session.scalars(select(CustomerAlias.alias_id).where(
            CustomerAlias.customer_id.in_(frontier), CustomerAlias.deleted.is_(False)))
            if i not in ids]
        ids += more
        frontier = more
    return ids


def merge_map(uow: UnitOfWork) -> dict[str, str]:
    """Every merged customer's id -> the live customer it now belongs to (chains followed).
    Batched reports read the ledger by customer id; they fold these ids into the survivor."""
    into: dict[str, str] = {str(cid): str(target) for cid, target in uow.session.execute(
        select(CustomerAlias.alias_id, CustomerAlias.customer_id).where(
            CustomerAlias.deleted.is_(False)))}
    out: dict[str, str] = {}
    for cid in into:
        target, seen = into[cid], {cid}
        while target in into and target not in seen:
            seen.add(target)
            target = into[target]
        out[cid] = str(target)
    return out
