"""Customer queries: who holds a phone number, a customer's numbers, and the merge aliases that
every lookup of a survivor's records follows. Other capabilities (reception, disclosure,
signing, care) ask these too, so each is written once here."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import func, inspect, select

from salesdesk.domain.phone import last_four
from salesdesk.store import erasure
from salesdesk.store.erasure import PERSONAL_FIELDS
from salesdesk.store.models.appointments import Appointment
from salesdesk.store.models.base import Base
from salesdesk.store.models.care import ComplaintGroup
from salesdesk.store.models.customer import Customer, CustomerAlias, CustomerPhone
from salesdesk.store.models.disclosure import Subscription
from salesdesk.store.models.reception import AttributionChange, Visit
from salesdesk.store.models.sync import SyncConflict
from salesdesk.store.queries import common
from salesdesk.store.uow import UnitOfWork
from salesdesk.sync import erased_texts
from salesdesk.sync.customer_phone import DUPLICATE_KIND

# Lookups every capability shares, written once in common.py.
customer_row = common.customer_row
first_phone = common.first_phone
phone_number = common.phone_number


def find_customer_id_by_phone(uow: UnitOfWork, e164: str) -> str | None:
    """The live customer holding this number. When two do (registered on two devices offline,
    not merged yet), the first registration (判客), the same on every device: not the one head
    office flagged as the later duplicate, then the phone row head office numbered first
    (server_seq; rows not synced yet last), then the earliest created."""
    rows = uow.session.execute(
        select(CustomerPhone.customer_id, CustomerPhone.server_seq, CustomerPhone.created_at)
        .join(Customer, Customer.id == CustomerPhone.customer_id)
        .where(CustomerPhone.e164_hash == uow.phones.number_hash(e164),
               CustomerPhone.deleted.is_(False),
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


# --- customer rows and their numbers ---------------------------------------------------------


def live_customers(uow: UnitOfWork, ids: list[str]) -> dict[str, Customer]:
    if not ids:
        return {}
    return {c.id: c for c in uow.session.scalars(select(Customer).where(
        Customer.id.in_(ids), Customer.deleted.is_(False)))}


def live_phones(uow: UnitOfWork, ids: list[str]) -> list[CustomerPhone]:
    """The live numbers of these customers, oldest first (the first is the one a screen shows
    masked)."""
    if not ids:
        return []
    return list(uow.session.scalars(select(CustomerPhone).where(
        CustomerPhone.customer_id.in_(ids), CustomerPhone.deleted.is_(False))
        .order_by(CustomerPhone.created_at)))


def customer_rows(uow: UnitOfWork, ids: Iterable[str]) -> dict[str, Customer]:
    """Customers by id, tombstoned ones included (a record keeps pointing at a merged one)."""
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return {c.id: c for c in uow.session.scalars(select(Customer).where(Customer.id.in_(wanted)))}


def first_phones(uow: UnitOfWork, ids: Iterable[str], label: str | None = None
                 ) -> dict[str, str]:
    """Customer id -> oldest live number (of that ``label`` only, when given), for lists of
    customers in one query per thousand."""
    wanted = sorted({i for i in ids if i})
    out: dict[str, str] = {}
    for start in range(0, len(wanted), 1000):  # SQLite's bound-parameter limit
        q = select(CustomerPhone.customer_id, CustomerPhone.e164_enc).where(
            CustomerPhone.customer_id.in_(wanted[start:start + 1000]),
            CustomerPhone.deleted.is_(False)).order_by(CustomerPhone.created_at)
        if label is not None:
            q = q.where(CustomerPhone.label == label)
        for cid, sealed in uow.session.execute(q):
            if str(cid) not in out:
                out[str(cid)] = uow.phones.reveal(sealed)
    return out


def phones_by_last4(uow: UnitOfWork, digits: str, limit: int) -> list[CustomerPhone]:
    """Live numbers ending in ``digits``, whoever holds them (callers filter the customers)."""
    return list(uow.session.scalars(select(CustomerPhone).where(
        CustomerPhone.last4_hash == uow.phones.last4_hash(digits),
        CustomerPhone.deleted.is_(False)).limit(limit)))


def customer_ids_by_last4(uow: UnitOfWork, digits: str, limit: int) -> list[str]:
    """Customers holding a number ending in ``digits``, restricted and erased ones left out
    (search never shows them); one id per matching number, so an id may repeat."""
    return list(uow.session.scalars(select(CustomerPhone.customer_id).join(
        Customer, Customer.id == CustomerPhone.customer_id).where(
        CustomerPhone.last4_hash == uow.phones.last4_hash(digits),
        CustomerPhone.deleted.is_(False), Customer.restricted_at.is_(None), Customer.erased_at.is_(None),
    ).limit(limit)))


def add_customer(uow: UnitOfWork, **fields: Any) -> Customer:
    """A new customer row, flushed so its id can be given to the phone rows."""
    c = Customer(**fields)
    uow.add(c)
    uow.flush()
    return c


def add_phone(uow: UnitOfWork, *, customer_id: str, e164: str, label: str = "self"
              ) -> CustomerPhone:
    """A new number of the customer, sealed (issue 15): the file keeps no clear copy."""
    enc, number_hash, last4_hash = uow.phones.seal(e164, last_four(e164))
    p = CustomerPhone(customer_id=customer_id, e164_enc=enc, e164_hash=number_hash,
                      last4_hash=last4_hash, label=label)
    uow.add(p)
    return p


# --- merging duplicates ----------------------------------------------------------------------


@cache
def _models() -> dict[str, Any]:
    return {m.class_.__tablename__: m.class_ for m in Base.registry.mappers
            if hasattr(m.class_, "__tablename__")}


def _model(table: str) -> Any:
    return _models()[table]


def rows_of_customer(uow: UnitOfWork, table: str, customer_id: str) -> list[Any]:
    """The live rows of ``table`` (a synced table with a ``customer_id``) of this customer."""
    model = _model(table)
    return list(uow.session.scalars(select(model).where(
        model.customer_id == customer_id, model.deleted.is_(False))))


def has_row_of_customer(uow: UnitOfWork, table: str, customer_id: str) -> bool:
    model = _model(table)
    return uow.session.scalar(select(model.id).where(
        model.customer_id == customer_id, model.deleted.is_(False)).limit(1)) is not None


def complaint_groups_led_by(uow: UnitOfWork, customer_id: str) -> list[ComplaintGroup]:
    return list(uow.session.scalars(select(ComplaintGroup).where(
        ComplaintGroup.leader_customer_id == customer_id, ComplaintGroup.deleted.is_(False))))


def aliases_into(uow: UnitOfWork, customer_id: str) -> list[CustomerAlias]:
    """The live alias rows mapping earlier duplicates onto this customer."""
    return list(uow.session.scalars(select(CustomerAlias).where(
        CustomerAlias.customer_id == customer_id, CustomerAlias.deleted.is_(False))))


def add_alias(uow: UnitOfWork, customer_id: str, alias_id: str) -> CustomerAlias:
    a = CustomerAlias(customer_id=customer_id, alias_id=alias_id)
    uow.add(a)
    return a


def add_attribution_change(uow: UnitOfWork, **fields: Any) -> AttributionChange:
    change = AttributionChange(**fields)
    uow.add(change)
    return change


def conflict_row(uow: UnitOfWork, conflict_id: str) -> SyncConflict | None:
    return uow.session.get(SyncConflict, conflict_id) if conflict_id else None


def open_duplicate_conflicts(uow: UnitOfWork) -> list[SyncConflict]:
    """Every open ``duplicate_customer`` conflict (their values name the two customers)."""
    return list(uow.session.scalars(select(SyncConflict).where(
        SyncConflict.kind == DUPLICATE_KIND, SyncConflict.status == "open",
        SyncConflict.deleted.is_(False))))


# --- the customer's rights: export, erasure, retention ---------------------------------------


def column_values(row: object) -> dict[str, Any]:
    """A row's columns by column name (the export's view of it)."""
    return {a.columns[0].name: getattr(row, a.key) for a in inspect(type(row)).column_attrs}


def records_of_customers(uow: UnitOfWork, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Every live row of every synced table with a ``customer_id`` (numbers and aliases apart),
    by table, oldest first; tables with none left out. Reading the metadata means a new
    capability's table is in the export without anyone remembering to add it."""
    records: dict[str, list[dict[str, Any]]] = {}
    for t in Base.metadata.sorted_tables:
        if "customer_id" not in t.c or t.name in ("customer_phone", "customer_alias"):
            continue
        rows = uow.session.execute(select(t).where(
            t.c.customer_id.in_(ids), t.c.deleted.is_(False)).order_by(t.c.created_at)
        ).mappings().all()
        if rows:
            records[t.name] = [dict(r) for r in rows]
    return records


def has_active_subscription(uow: UnitOfWork, ids: list[str]) -> bool:
    return bool(uow.session.scalar(select(func.count()).select_from(Subscription).where(
        Subscription.customer_id.in_(ids), Subscription.status == "active",
        Subscription.deleted.is_(False))))


def has_signing_in(uow: UnitOfWork, ids: list[str], statuses: Iterable[str]) -> bool:
    """Whether any of these customers has a live signing appointment in one of ``statuses``."""
    return bool(uow.session.scalar(select(func.count()).select_from(Appointment).where(
        Appointment.customer_id.in_(ids), Appointment.kind == "signing",
        Appointment.status.in_(list(statuses)), Appointment.deleted.is_(False))))


def blank_personal_fields(uow: UnitOfWork, ids: list[str]) -> None:
    """Blank the personal columns (store/erasure.py) of every row of these customers, live or
    tombstoned, and tombstone their numbers; flushed, so the local copies can be scrubbed."""
    for table, blank in PERSONAL_FIELDS.items():
        try:
            model = _model(table)
        except KeyError:  # a table only old backups have
            continue
        for row in uow.session.scalars(select(model).where(model.customer_id.in_(ids))):
            for column, value in blank.items():
                if hasattr(model, column):  # the columns of older revisions are for backups
                    setattr(row, column, value)
            if table == "customer_phone":
                row.deleted = True
    uow.flush()


def erase_free_texts(uow: UnitOfWork, ids: list[str]) -> None:
    """Erase the free texts staff typed about these customers (sync/erased_texts.py) on
    every row of theirs, live or tombstoned, as synced edits; flushed, like the fields above."""
    for table in erased_texts.CUSTOMER_TEXTS:
        model = _model(table)
        for row in uow.session.scalars(select(model).where(model.customer_id.in_(ids))):
            erased_texts.erase_row_texts(table, row)
    for table, (fk, parent_table, _) in erased_texts.CHILD_TEXTS.items():
        model, parent = _model(table), _model(parent_table)
        parents = select(parent.id).where(parent.customer_id.in_(ids))
        for row in uow.session.scalars(select(model).where(getattr(model, fk).in_(parents))):
            erased_texts.erase_row_texts(table, row)
    uow.flush()


def scrub_local_copies(uow: UnitOfWork, names: dict[str, str]) -> None:
    """The device-local copies (outbox payloads, set-aside rows, conflict values) of the
    customers being erased, inside the erasing transaction."""
    erasure.scrub_local_copies(uow.session, names)


def idle_prospects(uow: UnitOfWork, cutoff: datetime
                   ) -> list[tuple[Customer, datetime | None]]:
    """Customers created before ``cutoff``, neither erased nor subscribed, each with their last
    check-in (None: never came)."""
    last_visit = (select(Visit.customer_id, func.max(Visit.checked_in_at).label("at"))
                  .where(Visit.deleted.is_(False)).group_by(Visit.customer_id).subquery())
    subscribed = select(Subscription.customer_id).where(Subscription.deleted.is_(False))
    rows = uow.session.execute(
        select(Customer, last_visit.c.at).outerjoin(
            last_visit, last_visit.c.customer_id == Customer.id).where(
            Customer.deleted.is_(False), Customer.erased_at.is_(None),
            Customer.created_at < cutoff, Customer.id.not_in(subscribed))).all()
    return [(c, at) for c, at in rows]
