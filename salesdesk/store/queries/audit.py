"""The audit log: appended in the caller's unit of work, read newest first."""

from __future__ import annotations

from sqlalchemy import literal_column, select

from salesdesk.store.models.audit import AuditEvent
from salesdesk.store.uow import UnitOfWork


def add_event(uow: UnitOfWork, *, action: str, entity: str, row_id: str,
              detail: str) -> AuditEvent:
    event = AuditEvent(action=action, entity=entity, row_id=row_id, detail=detail)
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
