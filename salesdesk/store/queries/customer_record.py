"""The customer record (客户档案): everything held about one customer, each list in one query.

``ids`` is the customer and every duplicate merged into them (``customer_alias``), so a merged
customer's history reads as one. Rows come back newest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, func, inspect, or_, select

from salesdesk.store.models.appointments import Appointment
from salesdesk.store.models.base import Synced
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


M = TypeVar("M", bound=Synced)


def _newest_first(uow: UnitOfWork, model: type[M], ids: Sequence[str],
                  *order: ColumnElement[Any]) -> list[M]:
    """The live rows of ``model`` for these customers, newest first, at most LIMIT."""
    customer_id = inspect(model).columns["customer_id"]
    return list(uow.session.scalars(select(model).where(
        customer_id.in_(ids), model.deleted.is_(False)).order_by(*order).limit(LIMIT)))


def attribution(uow: UnitOfWork, ids: Sequence[str]) -> list[AttributionChange]:
    return _newest_first(uow, AttributionChange, ids, AttributionChange.created_at.desc())


def visits(uow: UnitOfWork, ids: Sequence[str]) -> list[Visit]:
    return _newest_first(uow, Visit, ids, Visit.checked_in_at.desc())


def disclosure_rounds(uow: UnitOfWork, ids: Sequence[str]) -> list[DisclosureRecord]:
    return _newest_first(uow, DisclosureRecord, ids, DisclosureRecord.recorded_at.desc())


def subscriptions(uow: UnitOfWork, ids: Sequence[str]) -> list[Subscription]:
    return _newest_first(uow, Subscription, ids, Subscription.subscribed_on.desc(),
                         Subscription.created_at.desc())


def appointments(uow: UnitOfWork, ids: Sequence[str]) -> list[Appointment]:
    return _newest_first(uow, Appointment, ids, Appointment.starts_at.desc())


def material_checklists(uow: UnitOfWork, ids: Sequence[str]) -> list[MaterialChecklist]:
    return _newest_first(uow, MaterialChecklist, ids, MaterialChecklist.created_at.desc())


def follow_up_tasks(uow: UnitOfWork, ids: Sequence[str]) -> list[FollowUpTask]:
    return _newest_first(uow, FollowUpTask, ids, FollowUpTask.due_on.desc())


def score_cards(uow: UnitOfWork, ids: Sequence[str]) -> list[ScoreCard]:
    return _newest_first(uow, ScoreCard, ids, ScoreCard.scored_on.desc())


def complaints(uow: UnitOfWork, ids: Sequence[str]) -> list[Complaint]:
    return _newest_first(uow, Complaint, ids, Complaint.received_at.desc())
