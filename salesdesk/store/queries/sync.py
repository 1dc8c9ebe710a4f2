"""The sync service's questions: the device's sync state, what waits in the outbox, the
conflict inbox (conflicts made by the server, rows this device set aside), and the rows of a
synced table named by the server."""

from __future__ import annotations

from typing import Any, TypeAlias

from sqlalchemy import Table, func, select

from salesdesk.store.models import Base
from salesdesk.store.models.local import OutboxEntry
from salesdesk.store.models.sync import SyncConflict, SyncSetAside, SyncState
from salesdesk.store.uow import UnitOfWork

SyncedTable: TypeAlias = Table


def sync_state(uow: UnitOfWork) -> SyncState | None:
    return uow.session.get(SyncState, 1)


def pending_changes(uow: UnitOfWork) -> int:
    """Local changes not yet taken by head office."""
    return int(uow.session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


def open_inbox_count(uow: UnitOfWork) -> int:
    """Open conflicts plus set-aside rows not yet applied: what the inbox shows."""
    s = uow.session
    conflicts = s.scalar(select(func.count()).select_from(SyncConflict).where(
        SyncConflict.status == "open", SyncConflict.deleted.is_(False)))
    aside = s.scalar(select(func.count()).select_from(SyncSetAside).where(
        SyncSetAside.resolved_at.is_(None)))
    return int(conflicts or 0) + int(aside or 0)


def conflicts(uow: UnitOfWork, *, include_resolved: bool) -> list[SyncConflict]:
    """Oldest first."""
    q = select(SyncConflict).where(SyncConflict.deleted.is_(False))
    if not include_resolved:
        q = q.where(SyncConflict.status == "open")
    return list(uow.session.scalars(q.order_by(SyncConflict.created_at)))


def conflict(uow: UnitOfWork, conflict_id: str) -> SyncConflict | None:
    return uow.session.get(SyncConflict, conflict_id)


def set_asides(uow: UnitOfWork, *, include_resolved: bool) -> list[SyncSetAside]:
    """In the order the feed brought them."""
    q = select(SyncSetAside)
    if not include_resolved:
        q = q.where(SyncSetAside.resolved_at.is_(None))
    return list(uow.session.scalars(q.order_by(SyncSetAside.feed_seq)))


def set_aside(uow: UnitOfWork, aside_id: int) -> SyncSetAside | None:
    return uow.session.get(SyncSetAside, aside_id)


def model_for(table: str) -> Any:
    """The mapped class of a table of ours, or None (a table of a newer version)."""
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_
    return None


def table_named(name: str) -> SyncedTable | None:
    return Base.metadata.tables.get(name)


def table_rows(uow: UnitOfWork, table: SyncedTable) -> list[dict[str, Any]]:
    """Every row of the table as a plain dict (column name → value)."""
    return [dict(r._mapping) for r in uow.session.execute(select(table))]


def row(uow: UnitOfWork, model: Any, row_id: str) -> Any:
    return uow.session.get(model, row_id)

