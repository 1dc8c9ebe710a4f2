"""The audit log: appended in the caller's unit of work, read newest first."""

from __future__ import annotations

from sqlalchemy import literal_column, select

from salesdesk.store import outbox
from salesdesk.store.models.audit import AuditEvent
from salesdesk.store.uow import UnitOfWork


def new_event(*, action: str, entity: str, row_id: str, detail: str) -> AuditEvent:
    """An audit row not yet in the unit of work (for a caller that writes its rows at once)."""
    return AuditEvent(action=action, entity=entity, row_id=row_id, detail=detail)


def write_event(uow: UnitOfWork, *, action: str, entity: str, row_id: str,
                detail: str) -> None:
    """An audit row written at once, with its outbox entry, as a plain INSERT
    (``outbox.insert_new``): for a hot path that leaves nothing else for the commit to flush."""
    outbox.insert_new(uow.session, [new_event(action=action, entity=entity, row_id=row_id,
                                              detail=detail)])


def add_event(uow: UnitOfWork, *, action: str, entity: str, row_id: str,
              detail: str) -> AuditEvent:
    event = new_event(action=action, entity=entity, row_id=row_id, detail=detail)
    uow.add(event)
    return event


def recent(uow: UnitOfWork, limit: int, action: str | None = None) -> list[AuditEvent]:
    q = select(AuditEvent)
    if action is not None:
        q = q.where(AuditEvent.action == action)
    # Same-instant entries (one transaction) newest-inserted first.
    return list(uow.session.scalars(
        q.order_by(AuditEvent.created_at.desc(), literal_column("audit_log.rowid").desc())
        .limit(limit)))
