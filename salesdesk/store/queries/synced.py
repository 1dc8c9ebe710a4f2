"""Core statements for the few hot paths (a signing booking and its follow-up plan) where the
ORM cost more than the SQL: new synced rows written without a flush, and plain reads that skip
the session when it has nothing to flush.

Each row gets exactly what the session's outbox hook (store/outbox.py) would have given it:
the same who/when/which-device stamps, its column defaults, and an ``insert`` outbox entry
whose payload is ``outbox.row_payload`` of the row; the rows and their entries are written
in the caller's transaction, one executemany per table. Updates stay with the ORM."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TypeVar, cast

from sqlalchemy import CursorResult, Executable, Table, insert, inspect

from salesdesk.domain.ids import new_id
from salesdesk.store.models.base import Base
from salesdesk.store.models.local import OutboxEntry
from salesdesk.store.outbox import row_payload
from salesdesk.store.uow import UnitOfWork

M = TypeVar("M", bound=Base)

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


def insert_new(uow: UnitOfWork, model: type[M], rows: Sequence[dict[str, Any]]) -> list[M]:
    """Insert new rows of a synced model (values by attribute name) with their outbox
    entries, now. Returns each row as a transient instance holding every column value (not
    in the session: a later change to it is not saved, so callers only read it)."""
    out: list[M] = []
    for obj in insert_batches(uow, [(model, rows)]):
        assert isinstance(obj, model)
        out.append(obj)
    return out


def insert_batches(uow: UnitOfWork, batches: Sequence[tuple[type[Base], Sequence[dict[str, Any]]]]
                   ) -> list[Base]:
    """``insert_new`` for rows of several models (a booking and its first history step), in
    order, with one executemany for all their outbox entries."""
    ctx = uow.context
    now = ctx.now()
    stamps = {"sales_centre_id": ctx.sales_centre_id, "server_seq": 0, "deleted": False,
              "row_version": 1, "created_at": now, "updated_at": now,
              "created_by_device": ctx.device_id, "updated_by_device": ctx.device_id,
              "created_by_staff": ctx.staff_id, "updated_by_staff": ctx.staff_id}
    # Rows these refer to may still be pending in the session: they go first, as a flush
    # would have ordered them.
    session = uow.session
    session.flush()
    conn = session.connection()
    entries: list[dict[str, Any]] = []
    out: list[Base] = []
    for model, rows in batches:
        if not rows:
            continue
        statement, cols = _plan(model)
        params = []
        for given in rows:
            values = {key: given.get(key, default) for key, _, default in cols}
            values.update(stamps)
            if given.get("sales_centre_id") is not None:
                values["sales_centre_id"] = given["sales_centre_id"]
            values["id"] = given.get("id") or new_id()
            obj = model(**values)
            out.append(obj)
            params.append({col: values[key] for key, col, _ in cols})
            entries.append({
                "change_id": new_id(), "entity": model.__tablename__, "row_id": values["id"],
                "operation": "insert", "base_version": 0,
                "payload": json.dumps(row_payload(obj), ensure_ascii=False, sort_keys=True),
                "fields": "[]", "created_at": now, "staff_id": ctx.staff_id,
            })
        conn.execute(statement, params)
    if entries:
        conn.execute(_OUTBOX, entries)
    return out
