"""Writes the outbox entry for every synced row a session flushes, in the same transaction.

Hooked on the session itself, so no write through the ORM can bypass it: services never call
this. A session that applies changes pulled from head office sets ``info["applying_remote"]``
so that those changes are not echoed back."""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from salesdesk.domain.errors import DomainError
from salesdesk.domain.ids import new_id
from salesdesk.store.models.base import Base, is_synced
from salesdesk.store.models.local import OutboxEntry

_INSERT_OUTBOX = insert(Base.metadata.tables[OutboxEntry.__tablename__])


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return {"b64": base64.b64encode(value).decode("ascii")}
    return value


def row_payload(obj: object) -> dict[str, Any]:
    """The row's column values as JSON-ready data (column names, not attribute names)."""
    mapper = inspect(type(obj))
    return {
        attr.columns[0].name: _json_value(getattr(obj, attr.key))
        for attr in mapper.column_attrs
    }


def _changed_columns(obj: object) -> list[str]:
    state = inspect(obj)
    mapper = state.mapper
    changed: list[str] = []
    for attr in mapper.column_attrs:
        if state.attrs[attr.key].history.has_changes():
            changed.append(attr.columns[0].name)
    return changed


def _stamp(session: Session, flush_context: UOWTransaction, instances: object) -> None:
    """Fill who/when/which-device before the rows are written."""
    if session.info.get("applying_remote"):
        return
    ctx = session.info["context"]
    now = ctx.now()
    for obj in session.deleted:
        if is_synced(obj):
            raise DomainError(
                "同步数据不可删除，请作废（标记删除）",
                en=f"{type(obj).__name__} rows are never deleted; set the tombstone instead",
            )
    for obj in session.new:
        if not is_synced(obj):
            continue
        o: Any = obj
        if o.id is None:
            o.id = new_id()
        if o.sales_centre_id is None:
            o.sales_centre_id = ctx.sales_centre_id
        o.created_at = o.updated_at = now
        o.created_by_device = o.updated_by_device = ctx.device_id
        o.created_by_staff = o.updated_by_staff = ctx.staff_id
        o.row_version = 1
        o.server_seq = 0 if o.server_seq is None else o.server_seq
        o.deleted = bool(o.deleted)
    pending: list[tuple[object, str, int, list[str]]] = []
    for obj in session.dirty:
        if not is_synced(obj) or not session.is_modified(obj, include_collections=False):
            continue
        o = obj
        fields = _changed_columns(obj)
        base = o.row_version
        o.updated_at = now
        o.updated_by_device = ctx.device_id
        o.updated_by_staff = ctx.staff_id
        o.row_version = base + 1
        op = "tombstone" if "deleted" in fields and o.deleted else "update"
        pending.append((obj, op, base, fields))
    for obj in session.new:
        if is_synced(obj):
            pending.append((obj, "insert", 0, []))
    session.info.setdefault("_outbox_pending", []).extend(pending)


def _write_outbox(session: Session, flush_context: UOWTransaction) -> None:
    pending: list[tuple[Any, str, int, list[str]]] = session.info.pop("_outbox_pending", [])
    if not pending or session.info.get("applying_remote"):
        return
    ctx = session.info["context"]
    now = ctx.now()
    rows = [
        {
            "change_id": new_id(),
            "entity": type(obj).__tablename__,
            "row_id": obj.id,
            "operation": op,
            "base_version": base,
            "payload": json.dumps(row_payload(obj), ensure_ascii=False, sort_keys=True),
            "fields": json.dumps(fields),
            "created_at": now,
            "staff_id": ctx.staff_id,
        }
        for obj, op, base, fields in pending
    ]
    # Core, not the ORM's bulk path: the rows are plain dicts, one executemany either way, and
    # every write in the app pays this.
    session.connection().execute(_INSERT_OUTBOX, rows)


def _stamp_new(o: Any, ctx: Any, now: datetime) -> None:
    """What ``_stamp`` fills on a new synced row, for rows written by ``insert_new``."""
    if o.id is None:
        o.id = new_id()
    if o.sales_centre_id is None:
        o.sales_centre_id = ctx.sales_centre_id
    o.created_at = o.updated_at = now
    o.created_by_device = o.updated_by_device = ctx.device_id
    o.created_by_staff = o.updated_by_staff = ctx.staff_id
    o.row_version = 1
    o.server_seq = 0 if o.server_seq is None else o.server_seq
    o.deleted = bool(o.deleted)


def _column_values(obj: Any) -> dict[str, Any]:
    """Every column of a transient row, as the INSERT of a flush would write it: the value
    set, else the column's scalar default (else None). The defaults are set on the object too,
    so it reads as a flushed one would."""
    state = inspect(obj)
    given = state.dict
    values: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        column = attr.columns[0]
        if attr.key in given:
            value = given[attr.key]
        else:
            default = column.default
            if isinstance(default, ScalarElementColumnDefault):
                value = default.arg
            elif default is not None or column.server_default is not None:
                raise ValueError(f"{type(obj).__name__}.{attr.key} has no value and a "
                                 "default computed at INSERT: set it before insert_new")
            else:
                value = None
            setattr(obj, attr.key, value)
        values[column.name] = value
    return values


def insert_new(session: Session, objs: Sequence[Any]) -> None:
    """Write new synced rows with Core INSERTs (one executemany per table) and their outbox
    entries (one executemany), as a flush would write them, bit for bit: the same stamps,
    columns, payloads and outbox order (``objs`` is the order they would have been added in).

    For the busiest write of the day (check-in): the ORM's unit of work costs more than
    SQLite takes to store the rows. Anything pending in the session is flushed first, so the
    outbox keeps the order a single flush gives (changes to loaded rows first, then new rows
    in the order they were added). The objects stay outside the session (transient, ids and
    defaults filled in): a query in the same transaction reads the rows back from the
    database, so no object in the identity map can go stale. Only plain rows: no
    relationships, no column default computed at INSERT time."""
    if session.info.get("applying_remote"):
        raise ValueError("insert_new writes local changes, not rows pulled from head office")
    session.flush()
    if not objs:
        return
    ctx = session.info["context"]
    now = ctx.now()
    by_table: dict[Any, list[dict[str, Any]]] = {}
    entries: list[dict[str, Any]] = []
    for obj in objs:
        if not is_synced(obj) or not inspect(obj).transient:
            raise ValueError(f"insert_new takes new synced rows, not {obj!r}")
        _stamp_new(obj, ctx, now)
        values = _column_values(obj)
        by_table.setdefault(type(obj).__table__, []).append(values)
        entries.append({
            "change_id": new_id(),
            "entity": type(obj).__tablename__,
            "row_id": obj.id,
            "operation": "insert",
            "base_version": 0,
            "payload": json.dumps({k: _json_value(v) for k, v in values.items()},
                                  ensure_ascii=False, sort_keys=True),
            "fields": "[]",
            "created_at": now,
            "staff_id": ctx.staff_id,
        })
    conn = session.connection()
    for table, rows in by_table.items():
        conn.execute(insert(table), rows)
    conn.execute(_INSERT_OUTBOX, entries)


def install(session_factory: Any) -> None:
    """Attach the hooks to a sessionmaker (every session it makes gets them)."""
    event.listen(session_factory, "before_flush", _stamp)
    event.listen(session_factory, "after_flush", _write_outbox)


def _clear_pending(session: Session, *args: Any) -> None:
    session.info.pop("_outbox_pending", None)


def install_cleanup(session_factory: Any) -> None:
    event.listen(session_factory, "after_rollback", _clear_pending)
