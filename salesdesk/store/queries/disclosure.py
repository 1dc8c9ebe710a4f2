"""The disclosure capability's questions: rounds of a customer and unit, the rows a record points
at, and the audit's period scans (sized for millions of records: indexed range scans, raw rows,
times compared as the text SQLite stores). The ledger's own chain rows are in store/ledger.py."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, bindparam, or_, select, text

from salesdesk.store.models.audit import AuditEvent
from salesdesk.store.models.customer import Customer, CustomerPhone
from salesdesk.store.models.disclosure import (
    DisclosureChecklist,
    DisclosureRecord,
    DisclosureSignature,
    FollowUpCall,
    Subscription,
)
from salesdesk.store.models.org import Staff
from salesdesk.store.models.project import Building, Project
from salesdesk.store.models.sync import SyncConflict
from salesdesk.store.queries import common
from salesdesk.store.uow import UnitOfWork

# Lookups every capability shares, written once in common.py.
customer = common.customer_row
first_phone = common.first_phone
unit_numbers = common.unit_numbers
unit = common.unit_row

# ---- rows by id -------------------------------------------------------------------------------


def building(uow: UnitOfWork, building_id: str) -> Building | None:
    return uow.session.get(Building, building_id)


def project(uow: UnitOfWork, project_id: str) -> Project | None:
    return uow.session.get(Project, project_id)


def record(uow: UnitOfWork, record_id: str) -> DisclosureRecord | None:
    return uow.session.get(DisclosureRecord, record_id)


def checklist(uow: UnitOfWork, checklist_id: str) -> DisclosureChecklist | None:
    return uow.session.get(DisclosureChecklist, checklist_id)


def signature(uow: UnitOfWork, signature_id: str) -> DisclosureSignature | None:
    return uow.session.get(DisclosureSignature, signature_id)


# ---- rounds ---------------------------------------------------------------------------------


def records_of(uow: UnitOfWork, customer_ids: Iterable[str], unit_id: str,
               record_type: str | None = None) -> Sequence[DisclosureRecord]:
    """The records of these customers (one customer and its merged duplicates) for a unit,
    newest first."""
    q = select(DisclosureRecord).where(DisclosureRecord.customer_id.in_(customer_ids),
                                       DisclosureRecord.unit_id == unit_id)
    if record_type is not None:
        q = q.where(DisclosureRecord.record_type == record_type)
    return uow.session.scalars(q.order_by(DisclosureRecord.recorded_at.desc(),
                                          DisclosureRecord.chain_seq.desc())).all()


def recent_pairs(uow: UnitOfWork, consultant_id: str, limit: int) -> list[tuple[str, str]]:
    """(customer id, unit id) of a consultant's latest records, newest first, repeats kept."""
    rows = uow.session.execute(
        select(DisclosureRecord.customer_id, DisclosureRecord.unit_id)
        .where(DisclosureRecord.consultant_id == consultant_id)
        .order_by(DisclosureRecord.recorded_at.desc()).limit(limit)).all()
    return [(a, b) for a, b in rows]


# ---- the audit ------------------------------------------------------------------------------


def earliest_phones(uow: UnitOfWork, customer_ids: list[str]) -> list[tuple[str, str]]:
    """(customer id, number) of the earliest live number of each customer. Numbers are sealed:
    only the one a report shows is decrypted, not every number a customer has."""
    earliest: dict[str, bytes | None] = {}
    for c, e in uow.session.execute(
            select(CustomerPhone.customer_id, CustomerPhone.e164_enc).where(
                CustomerPhone.customer_id.in_(customer_ids), CustomerPhone.deleted.is_(False))
            .order_by(CustomerPhone.created_at.desc())):
        earliest[c] = e
    return [(c, uow.phones.reveal(e)) for c, e in earliest.items()]


def customer_names(uow: UnitOfWork, customer_ids: list[str]) -> list[tuple[str, str, str]]:
    """(id, name, salutation) of these customers."""
    return [(i, n, s) for i, n, s in uow.session.execute(
        select(Customer.id, Customer.name, Customer.salutation).where(
            Customer.id.in_(customer_ids)))]


def customer_owners(uow: UnitOfWork, customer_ids: list[str]) -> dict[str, str]:
    return {cid: owner or "" for cid, owner in uow.session.execute(
        select(Customer.id, Customer.owner_staff_id).where(Customer.id.in_(customer_ids)))}


def staff_roles(uow: UnitOfWork) -> list[tuple[str, str, str]]:
    """(id, name, role) of all staff."""
    return [(i, n, r) for i, n, r in uow.session.execute(
        select(Staff.id, Staff.name, Staff.role))]


def all_staff(uow: UnitOfWork) -> Sequence[Staff]:
    return uow.session.scalars(select(Staff)).all()


_PER_CONSULTANT = text("""
SELECT consultant_id,
       SUM(record_type = 'round' AND round_kind = 'reception'),
       SUM(record_type = 'round'),
       SUM(record_type = 'round' AND n_covered = n_items),
       SUM(CASE WHEN record_type = 'round' THEN n_items - n_covered ELSE 0 END),
       SUM(record_type = 'gate_override')
FROM disclosure_record INDEXED BY ix_disclosure_record_recorded_at
WHERE recorded_at >= :start AND recorded_at < :end
GROUP BY consultant_id
""")
# Raw rows (times as stored text, compared as text): these read tens of thousands of records.
_HISTORY = text("""
SELECT customer_id, unit_id, recorded_at, consultant_id, sunshine_ok, certificates_ok,
       contract_ok, factors_ok
FROM disclosure_record
WHERE customer_id IN :ids AND record_type = 'round' AND recorded_at < :end
""").bindparams(bindparam("ids", expanding=True))
_COVERAGE = text("""
SELECT customer_id, unit_id, checklist_id, coverage, recorded_at, consultant_id
FROM disclosure_record
WHERE customer_id IN :ids AND record_type = 'round'
""").bindparams(bindparam("ids", expanding=True))
_PAIRS = text("""
SELECT customer_id, unit_id, COUNT(*), SUM(round_kind = 'pre_deposit')
FROM disclosure_record INDEXED BY ix_disclosure_record_recorded_at
WHERE record_type = 'round' AND recorded_at >= :start AND recorded_at < :end
GROUP BY customer_id, unit_id""")


def consultant_figures(uow: UnitOfWork, start: str, end: str) -> list[Any]:
    """Per consultant over [start, end) (stored time text): reception rounds, rounds, complete
    rounds, items missed, gate overrides."""
    return list(uow.session.execute(_PER_CONSULTANT, {"start": start, "end": end}))


def round_history(uow: UnitOfWork, customer_ids: list[str], end: str) -> Iterator[Any]:
    """(customer, unit, recorded at, consultant, the four kinds' ok flags) of rounds before
    ``end``, streamed: the audit folds tens of thousands of rows into a dict as they come
    (a list of them all made the month's report half as slow again)."""
    return iter(uow.session.execute(_HISTORY, {"ids": customer_ids, "end": end}))


def round_coverage(uow: UnitOfWork, customer_ids: list[str]) -> list[Any]:
    """(customer, unit, checklist id, coverage, recorded at, consultant) of every round."""
    return list(uow.session.execute(_COVERAGE, {"ids": customer_ids}))


def round_pairs(uow: UnitOfWork, start: str, end: str) -> list[Any]:
    """(customer, unit, rounds, pre-deposit rounds) of the rounds recorded in [start, end)."""
    return list(uow.session.execute(_PAIRS, {"start": start, "end": end}).all())


def subscription_completeness(uow: UnitOfWork, date_from: date,
                              date_to: date) -> list[tuple[str, bool]]:
    """(consultant, disclosure complete) of each subscription of the period."""
    return [(s, c) for s, c in uow.session.execute(
        select(Subscription.consultant_id, Subscription.disclosure_complete).where(
            Subscription.subscribed_on >= date_from, Subscription.subscribed_on <= date_to,
            Subscription.deleted.is_(False)))]


def incomplete_subscriptions(uow: UnitOfWork, date_from: date,
                             date_to: date) -> Sequence[Subscription]:
    return uow.session.scalars(select(Subscription).where(
        Subscription.subscribed_on >= date_from, Subscription.subscribed_on <= date_to,
        Subscription.disclosure_complete.is_(False), Subscription.deleted.is_(False))
        .order_by(Subscription.subscribed_on)).all()


def active_subscription_pairs(uow: UnitOfWork) -> set[tuple[str, str]]:
    return {(c, u) for c, u in uow.session.execute(
        select(Subscription.customer_id, Subscription.unit_id).where(
            Subscription.status == "active", Subscription.deleted.is_(False)))}


def calls_between(uow: UnitOfWork, start: datetime, end: datetime) -> Sequence[FollowUpCall]:
    return uow.session.scalars(select(FollowUpCall).where(
        FollowUpCall.called_at >= start, FollowUpCall.called_at < end,
        FollowUpCall.deleted.is_(False)).order_by(FollowUpCall.called_at)).all()


def calls_of(uow: UnitOfWork, customer_ids: list[str]) -> Sequence[FollowUpCall]:
    return uow.session.scalars(select(FollowUpCall).where(
        FollowUpCall.customer_id.in_(customer_ids), FollowUpCall.deleted.is_(False))).all()


# ---- alarms ---------------------------------------------------------------------------------


def ledger_alarms(uow: UnitOfWork, kinds: Iterable[str],
                  tables: Iterable[str]) -> Sequence[SyncConflict]:
    """Head office's ledger alarms, and the append-only rule's own: a ledger record sent again
    under its id with other content. Newest first."""
    return uow.session.scalars(select(SyncConflict).where(
        or_(SyncConflict.kind.in_(kinds),
            and_(SyncConflict.kind == "tamper", SyncConflict.entity.in_(tables))),
        SyncConflict.deleted.is_(False))
        .order_by(SyncConflict.created_at.desc())).all()


# ---- the paper form ---------------------------------------------------------------------------


def paper_collected_ids(uow: UnitOfWork, action: str, record_ids: Iterable[str]) -> set[str]:
    """Which of these records have a "paper form collected" audit event: the ledger row is
    hashed and immutable, so a form collected after the save is recorded beside it."""
    ids = list(record_ids)
    if not ids:
        return set()
    q = select(AuditEvent.row_id).where(AuditEvent.action == action, AuditEvent.row_id.in_(ids))
    return set(uow.session.scalars(q))
