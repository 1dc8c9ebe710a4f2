"""Core statements for the few hot paths (a signing booking and its follow-up plan) where the
ORM cost more than the SQL: new synced rows written without a flush, and plain reads that skip
the session when it has nothing to flush.

New rows are written by ``outbox.insert_new`` (the one writer of new synced rows outside a
flush: the hook's stamps, defaults and ``insert`` entries), in the caller's transaction. An update of a row read that way
(a care profile's new signing day) gets the hook's ``update`` entry the same way."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, CursorResult, Executable, Table, insert, inspect, update

from salesdesk.domain.ids import new_id
from salesdesk.store import outbox
from salesdesk.store.models.base import Base
from salesdesk.store.models.local import OutboxEntry
from salesdesk.store.outbox import row_payload
from salesdesk.store.uow import UnitOfWork

_OUTBOX = insert(Base.metadata.tables[OutboxEntry.__tablename__])
# model -> (its insert, [(attribute key, column key, scalar default or None)])
_PLANS: dict[type[Base], tuple[Any, list[tuple[str, str, Any]]]] = {}


def _plan(model: type[Base]) -> tuple[Any, list[tuple[str, str, Any]]]:
    plan = _PLANS.get(model)
    if plan is None:
        table = model.__table__
        assert isinstance(table, Table)
        cols = []
        for attr in inspect(model).column_attrs:
            col = attr.columns[0]
            default = col.default
            scalar = default.arg if default is not None and default.is_scalar else None
            cols.append((attr.key, col.key, scalar))
        plan = _PLANS[model] = (insert(table), cols)
    return plan


def read(uow: UnitOfWork, statement: Executable, params: dict[str, Any] | None = None
         ) -> CursorResult[*tuple[Any, ...]]:
    """A plain (column) read, on the connection when the session holds no pending change (its
    autoflush would do nothing), through the session otherwise, so pending rows are seen."""
    session = uow.session
    if session.new or session.dirty or session.deleted:
        return cast("CursorResult[*tuple[Any, ...]]", session.execute(statement, params))
    return session.connection().execute(statement, params)


@dataclass(frozen=True)
class RowUpdate:
    """A change to one stored row: ``current`` is every column of it as read (by attribute
    name, ``select(*columns)`` of the model), ``changes`` the new values of some."""

    model: type[Base]
    current: dict[str, Any]
    changes: dict[str, Any]


def insert_batches(uow: UnitOfWork, batches: Sequence[tuple[type[Base], Sequence[dict[str, Any]]]],
                   updates: Sequence[RowUpdate] = ()) -> list[Base]:
    """New rows of several models (a booking and its first history step), in
    order (through ``outbox.insert_new``), then ``updates`` with their entries.

    An update is what the hook makes of a changed entity: only values that differ count
    (none: nothing is written), the row's version goes up by one with its who/when stamps,
    and its ``update`` entry names the changed columns and carries the row after the change.
    The caller makes sure the session does not hold the row (it would overwrite it)."""
    objs: list[Base] = [model(**rows_values) for model, rows in batches
                        for rows_values in rows]
    # The one writer of new synced rows (store/outbox.py): the same stamps, defaults, payloads
    # and entry order as a flush, pending session changes flushed first.
    outbox.insert_new(uow.session, objs, fill=True)
    now = uow.context.now()
    conn = uow.session.connection()
    entries = [e for u in updates if (e := _update(conn, uow, u, now)) is not None]
    if entries:
        conn.execute(_OUTBOX, entries)
    return objs


def _update(conn: Connection, uow: UnitOfWork, u: RowUpdate, now: datetime
            ) -> dict[str, Any] | None:
    ctx = uow.context
    changed = {k: v for k, v in u.changes.items() if u.current[k] != v}
    if not changed:
        return None
    _, cols = _plan(u.model)
    base = u.current["row_version"]
    values = {**u.current, **changed, "updated_at": now, "updated_by_device": ctx.device_id,
              "updated_by_staff": ctx.staff_id, "row_version": base + 1}
    written = {*changed, "updated_at", "updated_by_device", "updated_by_staff", "row_version"}
    table = u.model.__table__
    assert isinstance(table, Table)
    conn.execute(update(table).where(table.c.id == values["id"]).values(
        {col: values[key] for key, col, _ in cols if key in written}))
    fields = [col for key, col, _ in cols if key in changed]
    deleted = "deleted" in changed and bool(values["deleted"])
    return {
        "change_id": new_id(), "entity": u.model.__tablename__, "row_id": values["id"],
        "operation": "tombstone" if deleted else "update", "base_version": base,
        "payload": json.dumps(row_payload(u.model(**values)), ensure_ascii=False,
                              sort_keys=True),
        "fields": json.dumps(fields), "created_at": now, "staff_id": ctx.staff_id,
    }
