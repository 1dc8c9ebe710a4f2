"""Messages to customers (the outbox every capability queues into)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import or_, select

from salesdesk.store.models.appointments import ReminderMessage
from salesdesk.store.uow import UnitOfWork


def message(uow: UnitOfWork, message_id: str) -> ReminderMessage | None:
    return uow.session.get(ReminderMessage, message_id)


def by_key(uow: UnitOfWork, dedupe_key: str) -> ReminderMessage | None:
    return uow.session.scalar(select(ReminderMessage).where(
        ReminderMessage.dedupe_key == dedupe_key))


def by_keys(uow: UnitOfWork, dedupe_keys: Collection[str]) -> list[ReminderMessage]:
    if not dedupe_keys:
        return []
    return list(uow.session.scalars(select(ReminderMessage).where(
        ReminderMessage.dedupe_key.in_(list(dedupe_keys)))))


def add_message(uow: UnitOfWork, **fields: object) -> ReminderMessage:
    m = ReminderMessage(**fields)
    uow.add(m)
    uow.flush()
    return m


def outgoing(uow: UnitOfWork, statuses_done: str, since: datetime,
             staff_id: str | None = None) -> list[ReminderMessage]:
    """Every message not yet ``statuses_done`` (sent), and those done since ``since``; only one
    consultant's when ``staff_id`` is given."""
    q = select(ReminderMessage).where(
        ReminderMessage.deleted.is_(False),
        or_(ReminderMessage.status != statuses_done, ReminderMessage.sent_at >= since))
    if staff_id is not None:
        q = q.where(ReminderMessage.staff_id == staff_id)
    return list(uow.session.scalars(q))


def of_customer(uow: UnitOfWork, customer_id: str) -> list[ReminderMessage]:
    return list(uow.session.scalars(select(ReminderMessage).where(
        ReminderMessage.customer_id == customer_id,
        ReminderMessage.deleted.is_(False)).order_by(ReminderMessage.created_at)))
