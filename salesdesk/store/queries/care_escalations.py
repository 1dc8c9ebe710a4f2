"""The developer's follow-up calls and the escalation chain a low score opens."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, Protocol, cast

from sqlalchemy import bindparam, select

from salesdesk.store.models.disclosure import DisclosureRecord, EscalationTask, FollowUpCall
from salesdesk.store.queries import synced
from salesdesk.store.uow import UnitOfWork


def escalation_row(uow: UnitOfWork, task_id: str) -> EscalationTask | None:
    return uow.session.get(EscalationTask, task_id)


def add_escalation(uow: UnitOfWork, **fields: Any) -> EscalationTask:
    row = EscalationTask(**fields)
    uow.add(row)
    return row


def open_escalations(uow: UnitOfWork, *, below_level: str | None = None) -> list[EscalationTask]:
    """Oldest first; ``below_level``: leave out those already at that level (the top)."""
    q = select(EscalationTask).where(
        EscalationTask.status == "open", EscalationTask.deleted.is_(False))
    if below_level is not None:
        q = q.where(EscalationTask.level != below_level)
    return list(uow.session.scalars(q.order_by(EscalationTask.opened_at)))


_OF_CUSTOMERS = select(EscalationTask).where(
    EscalationTask.customer_id.in_(bindparam("ids", expanding=True)),
    EscalationTask.status == "open", EscalationTask.deleted.is_(False)).order_by(
    EscalationTask.opened_at)


def open_escalations_of_customers(uow: UnitOfWork,
                                  customer_ids: Iterable[str]) -> list[EscalationTask]:
    """Oldest first, one query for the whole batch (every signing booking asks it)."""
    return list(uow.session.scalars(_OF_CUSTOMERS, {"ids": list(customer_ids)}))


_NOTES_OF_CUSTOMERS = select(
    EscalationTask.customer_id, EscalationTask.level, EscalationTask.opened_at,
    EscalationTask.due_at).where(
    EscalationTask.customer_id.in_(bindparam("ids", expanding=True)),
    EscalationTask.status == "open", EscalationTask.deleted.is_(False)).order_by(
    EscalationTask.opened_at)


# One booking asks for one customer: a plain parameter (an expanding IN is rewritten on
# every run).
_NOTES_OF_CUSTOMER = select(
    EscalationTask.customer_id, EscalationTask.level, EscalationTask.opened_at,
    EscalationTask.due_at).where(
    EscalationTask.customer_id == bindparam("id"),
    EscalationTask.status == "open", EscalationTask.deleted.is_(False)).order_by(
    EscalationTask.opened_at)


class EscalationValues(Protocol):
    """What a signing booking says about an open escalation."""

    customer_id: str
    level: str
    opened_at: datetime
    due_at: datetime | None


def open_escalation_values(uow: UnitOfWork, customer_ids: Iterable[str]
                           ) -> list[EscalationValues]:
    """``open_escalations_of_customers``, only the values a booking shows (oldest first)."""
    ids = list(customer_ids)
    rows = synced.read(uow, _NOTES_OF_CUSTOMER, {"id": ids[0]}) if len(ids) == 1 \
        else synced.read(uow, _NOTES_OF_CUSTOMERS, {"ids": ids})
    return cast(list[EscalationValues], list(rows))


def open_escalations_of_consultants(uow: UnitOfWork,
                                    staff_ids: list[str]) -> list[EscalationTask]:
    return list(uow.session.scalars(select(EscalationTask).where(
        EscalationTask.consultant_id.in_(staff_ids), EscalationTask.status == "open",
        EscalationTask.deleted.is_(False))))


def escalation_id_of_call(uow: UnitOfWork, call_id: str) -> str | None:
    return uow.session.scalar(select(EscalationTask.id).where(
        EscalationTask.follow_up_id == call_id).limit(1))


def call_row(uow: UnitOfWork, call_id: str) -> FollowUpCall | None:
    return uow.session.get(FollowUpCall, call_id)


def add_call(uow: UnitOfWork, **fields: Any) -> FollowUpCall:
    row = FollowUpCall(**fields)
    uow.add(row)
    return row


def calls_of(uow: UnitOfWork, customer_id: str) -> list[FollowUpCall]:
    return list(uow.session.scalars(select(FollowUpCall).where(
        FollowUpCall.customer_id == customer_id).order_by(FollowUpCall.called_at)))


def latest_consultant(uow: UnitOfWork, customer_ids: Iterable[str],
                      record_type: str) -> str | None:
    """The consultant of the customers' latest disclosure record of this type."""
    return uow.session.scalar(select(DisclosureRecord.consultant_id).where(
        DisclosureRecord.customer_id.in_(list(customer_ids)),
        DisclosureRecord.record_type == record_type)
        .order_by(DisclosureRecord.recorded_at.desc()).limit(1))
