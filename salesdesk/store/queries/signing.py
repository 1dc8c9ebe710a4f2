"""The signing capability's questions: rule pack versions, buyer profiles, materials checklists,
subscriptions and the sale conflicts between them. Rows come back as stored; what they mean (which
pack applies, whether a unit may be sold) is decided in services/signing and domain.

The customer, unit, building and project lookups below are the ones signing asks for; other
capabilities may ask the same (candidates for ``common.py``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased

from salesdesk.domain.project import CertificateKind
from salesdesk.store.models.care import FollowUpTask
from salesdesk.store.models.customer import Customer, CustomerPhone
from salesdesk.store.models.disclosure import Subscription
from salesdesk.store.models.org import Staff
from salesdesk.store.models.project import Building, Certificate, Unit
from salesdesk.store.models.signing import (
    BuyerProfileRecord,
    ChecklistItem,
    MaterialChecklist,
    RulePackVersion,
)
from salesdesk.store.models.sync import SyncConflict
from salesdesk.store.queries import common
from salesdesk.store.uow import UnitOfWork

# Lookups every capability shares, written once in common.py.
customer_row = common.customer_row
first_phone = common.first_phone
unit_row = common.unit_row
first_project = common.first_project

ACTIVE = "active"  # the one subscription status that holds a unit


class SubscriptionRefused(Exception):
    """The database refused a subscription row (the one-active-per-unit index: another
    device's subscription arrived first)."""


# ---- customers, units, project --------------------------------------------------------------

def live_units(uow: UnitOfWork) -> list[Unit]:
    return list(uow.session.scalars(select(Unit).where(Unit.deleted.is_(False))))


def building_row(uow: UnitOfWork, building_id: str) -> Building | None:
    return uow.session.get(Building, building_id)


def presale_scopes(uow: UnitOfWork, project_id: str) -> list[list[str]]:
    """The building ids each current presale permit of the project covers."""
    rows = uow.session.scalars(select(Certificate.building_ids).where(
        Certificate.project_id == project_id, Certificate.kind == CertificateKind.PRESALE.value,
        Certificate.current.is_(True), Certificate.deleted.is_(False)))
    return [list(json.loads(r)) for r in rows]


# ---- rule packs -----------------------------------------------------------------------------

def rule_pack_versions(uow: UnitOfWork) -> list[RulePackVersion]:
    """Live versions, oldest import first."""
    return list(uow.session.scalars(select(RulePackVersion).where(
        RulePackVersion.deleted.is_(False)).order_by(RulePackVersion.created_at)))


def rule_pack_version(uow: UnitOfWork, version_id: str) -> RulePackVersion | None:
    return uow.session.get(RulePackVersion, version_id)


def live_rule_pack_version(uow: UnitOfWork, pack_id: str, version: str
                           ) -> RulePackVersion | None:
    return uow.session.scalar(select(RulePackVersion).where(
        RulePackVersion.pack_id == pack_id, RulePackVersion.version == version,
        RulePackVersion.deleted.is_(False)))


def rule_pack_version_stored(uow: UnitOfWork, pack_id: str, version: str) -> bool:
    """Whether this version was ever stored, tombstoned or not."""
    return uow.session.scalar(select(RulePackVersion.id).where(
        RulePackVersion.pack_id == pack_id, RulePackVersion.version == version)) is not None


def add_rule_pack_version(uow: UnitOfWork, **fields: Any) -> RulePackVersion:
    row = RulePackVersion(**fields)
    uow.add(row)
    return row


# ---- buyer profiles and checklists ----------------------------------------------------------

def buyer_profile(uow: UnitOfWork, customer_id: str) -> BuyerProfileRecord | None:
    return uow.session.scalar(select(BuyerProfileRecord).where(
        BuyerProfileRecord.customer_id == customer_id, BuyerProfileRecord.deleted.is_(False)))


def add_buyer_profile(uow: UnitOfWork, **fields: Any) -> BuyerProfileRecord:
    row = BuyerProfileRecord(**fields)
    uow.add(row)
    return row


def checklist_row(uow: UnitOfWork, checklist_id: str) -> MaterialChecklist | None:
    return uow.session.get(MaterialChecklist, checklist_id)


def checklist_for_unit(uow: UnitOfWork, customer_id: str,
                       unit_id: str | None) -> MaterialChecklist | None:
    """The customer's live checklist for this unit (None: the one with no unit chosen yet)."""
    return uow.session.scalar(select(MaterialChecklist).where(
        MaterialChecklist.customer_id == customer_id,
        MaterialChecklist.unit_id.is_(None) if unit_id is None
        else MaterialChecklist.unit_id == unit_id,
        MaterialChecklist.deleted.is_(False)))


def newest_checklist(uow: UnitOfWork, customer_id: str) -> MaterialChecklist | None:
    return uow.session.scalar(select(MaterialChecklist).where(
        MaterialChecklist.customer_id == customer_id, MaterialChecklist.deleted.is_(False)
    ).order_by(MaterialChecklist.updated_at.desc()).limit(1))


def customer_checklists(uow: UnitOfWork, customer_id: str) -> list[MaterialChecklist]:
    """The customer's live checklists, the one worked on last first."""
    return list(uow.session.scalars(select(MaterialChecklist).where(
        MaterialChecklist.customer_id == customer_id, MaterialChecklist.deleted.is_(False)
    ).order_by(MaterialChecklist.updated_at.desc())))


def recent_checklists(uow: UnitOfWork, limit: int) -> list[MaterialChecklist]:
    return list(uow.session.scalars(select(MaterialChecklist).where(
        MaterialChecklist.deleted.is_(False)
    ).order_by(MaterialChecklist.updated_at.desc()).limit(limit)))


def add_checklist(uow: UnitOfWork, **fields: Any) -> MaterialChecklist:
    row = MaterialChecklist(**fields)
    uow.add(row)
    return row


@dataclass(frozen=True)
class ChecklistContext:
    """The rows around one checklist that its view shows: customer, unit and building, the
    customer's owner and the checklist's consultant, the rule pack version, the first phone."""

    customer: Customer | None
    unit: Unit | None
    building_name: str | None
    owner: Staff | None
    consultant: Staff | None
    pack: RulePackVersion | None
    phone: str | None  # the customer's oldest live number (E.164), as common.first_phone


def _context_statement(*, with_checklist: bool) -> Select[Any]:
    owner, consultant = aliased(Staff), aliased(Staff)
    phone = (select(CustomerPhone.e164_enc)
             .where(CustomerPhone.customer_id == MaterialChecklist.customer_id,
                    CustomerPhone.deleted.is_(False))
             .order_by(CustomerPhone.created_at).limit(1).scalar_subquery())
    first = (MaterialChecklist,) if with_checklist else ()
    return (select(*first, Customer, Unit, Building.name, owner, consultant, RulePackVersion,
                   phone)
            .select_from(MaterialChecklist)
            .outerjoin(Customer, Customer.id == MaterialChecklist.customer_id)
            .outerjoin(Unit, Unit.id == MaterialChecklist.unit_id)
            .outerjoin(Building, Building.id == Unit.building_id)
            .outerjoin(owner, owner.id == Customer.owner_staff_id)
            .outerjoin(consultant, consultant.id == MaterialChecklist.consultant_staff_id)
            .outerjoin(RulePackVersion,
                       RulePackVersion.id == MaterialChecklist.rule_pack_version_id)
            .where(MaterialChecklist.id == bindparam("checklist_id")))


# Built once: making the seven-table statement costs as much as running it.
_CONTEXT = _context_statement(with_checklist=False)
_CHECKLIST_AND_CONTEXT = _context_statement(with_checklist=True)


def checklist_context(uow: UnitOfWork, checklist: MaterialChecklist) -> ChecklistContext:
    """One query for what took seven reads a row at a time (a printed checklist made them for
    every document of a batch). Outer joins: a missing row comes back None, as a get would."""
    row = uow.session.execute(_CONTEXT, {"checklist_id": checklist.id}).one()
    return _context(uow, tuple(row))


def checklist_with_context(uow: UnitOfWork, checklist_id: str
                           ) -> tuple[MaterialChecklist, ChecklistContext] | None:
    """The checklist (tombstoned or not) and its context in one query; None: no such id."""
    row = uow.session.execute(_CHECKLIST_AND_CONTEXT, {"checklist_id": checklist_id}).first()
    return None if row is None else (row[0], _context(uow, tuple(row[1:])))


def _context(uow: UnitOfWork, row: tuple[Any, ...]) -> ChecklistContext:
    """The joined row with its sealed phone opened (stored sealed: store/crypto.py)."""
    customer, unit, building_name, owner, consultant, pack, sealed = row
    return ChecklistContext(customer, unit, building_name, owner, consultant, pack,
                            None if sealed is None else uow.phones.reveal(sealed))


_ITEMS_WITH_RECEIVERS = (
    select(ChecklistItem, Staff.name)
    .outerjoin(Staff, Staff.id == ChecklistItem.received_by_staff)
    .where(ChecklistItem.checklist_id == bindparam("checklist_id"),
           ChecklistItem.deleted.is_(False))
    .order_by(ChecklistItem.position))


def checklist_items_with_receivers(uow: UnitOfWork, checklist_id: str
                                   ) -> list[tuple[ChecklistItem, str | None]]:
    """Live items in their printed order, each with the name of the staff who received it."""
    return [(item, name) for item, name in
            uow.session.execute(_ITEMS_WITH_RECEIVERS, {"checklist_id": checklist_id})]


def checklist_items(uow: UnitOfWork, checklist_id: str) -> list[ChecklistItem]:
    """Live items in their printed order."""
    return list(uow.session.scalars(select(ChecklistItem).where(
        ChecklistItem.checklist_id == checklist_id, ChecklistItem.deleted.is_(False)
    ).order_by(ChecklistItem.position)))


def item_receipts(uow: UnitOfWork, checklist_id: str) -> list[datetime | None]:
    """When each live item arrived (None: not yet), for counting what is missing."""
    return [at for (at,) in uow.session.execute(select(ChecklistItem.received_at).where(
        ChecklistItem.checklist_id == checklist_id, ChecklistItem.deleted.is_(False)))]


def checklist_item(uow: UnitOfWork, item_id: str) -> ChecklistItem | None:
    return uow.session.get(ChecklistItem, item_id)


def add_checklist_item(uow: UnitOfWork, **fields: Any) -> ChecklistItem:
    row = ChecklistItem(**fields)
    uow.add(row)
    return row


# ---- subscriptions --------------------------------------------------------------------------

def subscription_row(uow: UnitOfWork, subscription_id: str) -> Subscription | None:
    return uow.session.get(Subscription, subscription_id)


def subscriptions(uow: UnitOfWork, customer_id: str | None = None) -> list[Subscription]:
    """Live subscriptions (of one customer when given), newest first."""
    q = select(Subscription).where(Subscription.deleted.is_(False))
    if customer_id:
        q = q.where(Subscription.customer_id == customer_id)
    return list(uow.session.scalars(q.order_by(Subscription.created_at.desc())))


def active_subscription_on(uow: UnitOfWork, unit_id: str) -> Subscription | None:
    return uow.session.scalar(select(Subscription).where(
        Subscription.unit_id == unit_id, Subscription.status == ACTIVE,
        Subscription.deleted.is_(False)).limit(1))


def active_holders(uow: UnitOfWork, unit_id: str, *, exclude: str = "") -> tuple[str, ...]:
    """Customers holding an active subscription on the unit, but for subscription ``exclude``."""
    q = select(Subscription.customer_id).where(
        Subscription.unit_id == unit_id, Subscription.status == ACTIVE,
        Subscription.deleted.is_(False))
    if exclude:
        q = q.where(Subscription.id != exclude)
    return tuple(uow.session.scalars(q))


def active_holdings(uow: UnitOfWork) -> list[tuple[str, str]]:
    """(unit id, customer id) of every active subscription."""
    return [(unit_id, customer_id) for unit_id, customer_id in uow.session.execute(
        select(Subscription.unit_id, Subscription.customer_id).where(
            Subscription.status == ACTIVE, Subscription.deleted.is_(False)))]


def add_subscription(uow: UnitOfWork, **fields: Any) -> Subscription:
    row = Subscription(**fields)
    uow.add(row)
    return row


def flush_subscriptions(uow: UnitOfWork) -> None:
    """Write pending subscription changes now; SubscriptionRefused when the database refuses."""
    try:
        uow.flush()
    except IntegrityError as exc:
        raise SubscriptionRefused(str(exc)) from exc


# ---- sale conflicts -------------------------------------------------------------------------

def sync_conflicts(uow: UnitOfWork, kind: str, *, include_resolved: bool) -> list[SyncConflict]:
    """Live conflicts of one kind (only the open ones unless asked), oldest first."""
    q = select(SyncConflict).where(SyncConflict.kind == kind, SyncConflict.deleted.is_(False))
    if not include_resolved:
        q = q.where(SyncConflict.status == "open")
    return list(uow.session.scalars(q.order_by(SyncConflict.created_at)))


def sync_conflict(uow: UnitOfWork, conflict_id: str) -> SyncConflict | None:
    return uow.session.get(SyncConflict, conflict_id)


def follow_up_task(uow: UnitOfWork, task_id: str) -> FollowUpTask | None:
    return uow.session.get(FollowUpTask, task_id)


def add_follow_up_task(uow: UnitOfWork, **fields: Any) -> FollowUpTask:
    row = FollowUpTask(**fields)
    uow.add(row)
    return row
