"""The customer record (客户档案): everything held about one customer, each list in one query.

``ids`` is the customer and every duplicate merged into them (``customer_alias``), so a merged
customer's history reads as one. Rows come back newest first."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, or_, select

from salesdesk.store.models.appointments import Appointment
from salesdesk.store.models.care import Complaint, FollowUpTask, ScoreCard
from salesdesk.store.models.customer import Customer
from salesdesk.store.models.disclosure import DisclosureRecord, Subscription
from salesdesk.store.models.reception import AttributionChange, Visit
from salesdesk.store.models.signing import MaterialChecklist
from salesdesk.store.queries import common, reception
from salesdesk.store.uow import UnitOfWork

unit_numbers = common.unit_numbers
backup_of = reception.backup_of

LIMIT = 200  # per list: a record with more than this is shown newest first, cut


def search_names(uow: UnitOfWork, text: str, limit: int = 20) -> list[str]:
    """Live, searchable customers whose name or salutation contains ``text``."""
    pattern = f"%{text}%"
    return list(uow.session.scalars(select(Customer.id).where(
        Customer.deleted.is_(False), Customer.restricted_at.is_(None),
        Customer.erased_at.is_(None),
        or_(Customer.name.like(pattern), Customer.salutation.like(pattern)))
        .order_by(Customer.created_at.desc()).limit(limit)))


def customers_by_ticket(uow: UnitOfWork, label: str, limit: int = 20) -> list[str]:
    """Customers whose visit carried this ticket label (A031), most recent visit first."""
    return list(dict.fromkeys(uow.session.scalars(select(Visit.customer_id).where(
        Visit.deleted.is_(False), func.upper(Visit.ticket_label) == label.upper())
        .order_by(Visit.checked_in_at.desc()).limit(limit))))


def attribution(uow: UnitOfWork, ids: Sequence[str]) -> list[AttributionChange]:
    return list(uow.session.scalars(select(AttributionChange).where(
        AttributionChange.customer_id.in_(ids), AttributionChange.deleted.is_(False))
        .order_by(AttributionChange.created_at.desc()).limit(LIMIT)))


def visits(uow: UnitOfWork, ids: Sequence[str]) -> list[Visit]:
    return list(uow.session.scalars(select(Visit).where(
        Visit.customer_id.in_(ids), Visit.deleted.is_(False))
        .order_by(Visit.checked_in_at.desc()).limit(LIMIT)))


def disclosure_rounds(uow: UnitOfWork, ids: Sequence[str]) -> list[DisclosureRecord]:
    return list(uow.session.scalars(select(DisclosureRecord).where(
        DisclosureRecord.customer_id.in_(ids), DisclosureRecord.deleted.is_(False))
        .order_by(DisclosureRecord.recorded_at.desc()).limit(LIMIT)))


def subscriptions(uow: UnitOfWork, ids: Sequence[str]) -> list[Subscription]:
    return list(uow.session.scalars(select(Subscription).where(
        Subscription.customer_id.in_(ids), Subscription.deleted.is_(False))
        .order_by(Subscription.subscribed_on.desc(), Subscription.created_at.desc())
        .limit(LIMIT)))


def appointments(uow: UnitOfWork, ids: Sequence[str]) -> list[Appointment]:
    return list(uow.session.scalars(select(Appointment).where(
        Appointment.customer_id.in_(ids), Appointment.deleted.is_(False))
        .order_by(Appointment.starts_at.desc()).limit(LIMIT)))


def material_checklists(uow: UnitOfWork, ids: Sequence[str]) -> list[MaterialChecklist]:
    return list(uow.session.scalars(select(MaterialChecklist).where(
        MaterialChecklist.customer_id.in_(ids), MaterialChecklist.deleted.is_(False))
        .order_by(MaterialChecklist.created_at.desc()).limit(LIMIT)))


def follow_up_tasks(uow: UnitOfWork, ids: Sequence[str]) -> list[FollowUpTask]:
    return list(uow.session.scalars(select(FollowUpTask).where(
        FollowUpTask.customer_id.in_(ids), FollowUpTask.deleted.is_(False))
        .order_by(FollowUpTask.due_on.desc()).limit(LIMIT)))


def score_cards(uow: UnitOfWork, ids: Sequence[str]) -> list[ScoreCard]:
    return list(uow.session.scalars(select(ScoreCard).where(
        ScoreCard.customer_id.in_(ids), ScoreCard.deleted.is_(False))
        .order_by(ScoreCard.scored_on.desc()).limit(LIMIT)))


def complaints(uow: UnitOfWork, ids: Sequence[str]) -> list[Complaint]:
    return list(uow.session.scalars(select(Complaint).where(
        Complaint.customer_id.in_(ids), Complaint.deleted.is_(False))
        .order_by(Complaint.received_at.desc()).limit(LIMIT)))
