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

from sqlalchemy import bindparam, event, insert, inspect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Mapper, Session, UOWTransaction
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from salesdesk.domain.errors import DomainError
from salesdesk.domain.ids import new_id
from salesdesk.store.models.base import Base, is_synced
from salesdesk.store.models.local import OutboxEntry

_OUTBOX = Base.metadata.tables[OutboxEntry.__tablename__]
_INSERT_OUTBOX = insert(_OUTBOX)


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


# What every new synced row gets from ``_stamp``, for rows written by ``insert_new``.
_STAMPED = frozenset({"id", "sales_centre_id", "created_at", "updated_at", "created_by_device",
                      "updated_by_device", "created_by_staff", "updated_by_staff",
                      "row_version", "server_seq", "deleted"})
_NO_DEFAULT = object()
# Values ``_json_value`` hands back unchanged: most columns, so they skip the call.
_AS_IS = frozenset({str, int, float, bool, type(None)})
_AT_INSERT = object()  # a default computed by the INSERT: insert_new needs the value given
# Per mapped class: (attribute key, column name, scalar default, _NO_DEFAULT or _AT_INSERT).
_COLUMNS: dict[type, list[tuple[str, str, Any]]] = {}
# Per table, dialect and columns given: the INSERT's SQL and its bind processors, in order.
_INSERTS: dict[tuple[str, str, tuple[str, ...]], tuple[str, list[tuple[str, Any]]]] = {}


def _columns_of(cls: type) -> list[tuple[str, str, Any]]:
    cols = _COLUMNS.get(cls)
    if cols is None:
        cols = []
        mapper: Mapper[Any] = inspect(cls)
        for attr in mapper.column_attrs:
            column = attr.columns[0]
            default = column.default
            if isinstance(default, ScalarElementColumnDefault):
                value: Any = default.arg
            elif attr.key in _STAMPED or (default is None and column.server_default is None):
                value = _NO_DEFAULT
            else:
                value = _AT_INSERT
            cols.append((attr.key, column.name, value))
        _COLUMNS[cls] = cols
    return cols


def _new_row(obj: Any, ctx: Any, now: datetime) -> dict[str, Any]:
    """Every column of a transient row (by column name) as a flush would INSERT it: stamped as
    ``_stamp`` stamps it, else the value set, else the column's scalar default, else None."""
    given = inspect(obj).dict
    values: dict[str, Any] = {}
    for key, name, default in _columns_of(type(obj)):
        if key in given:
            values[name] = given[key]
        elif default is _NO_DEFAULT:
            values[name] = None
        elif default is _AT_INSERT:
            raise ValueError(f"{type(obj).__name__}.{key} has no value and a default computed "
                             "at INSERT: set it before insert_new")
        else:
            values[name] = default
    if values["id"] is None:
        obj.id = values["id"] = new_id()  # the caller may need the id it was given
    if values["sales_centre_id"] is None:
        values["sales_centre_id"] = ctx.sales_centre_id
    values["created_at"] = values["updated_at"] = now
    values["created_by_device"] = values["updated_by_device"] = ctx.device_id
    values["created_by_staff"] = values["updated_by_staff"] = ctx.staff_id
    values["row_version"] = 1
    values["server_seq"] = values["server_seq"] or 0
    values["deleted"] = bool(values["deleted"])
    return values


def _execute_insert(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """One executemany of ``rows`` (dicts with the same keys, column names) into ``table``,
    with the SQL rendered once per table and run on the driver's connection, inside the
    session's transaction: compiling and executing through SQLAlchemy each time cost more than
    SQLite takes to store the row. The columns' own bind processing (UTC datetimes, booleans)
    is applied as the compiled statement would, and a driver error is raised as SQLAlchemy
    raises it."""
    dialect = conn.dialect
    names = tuple(rows[0])
    key = (table.name, dialect.name, names)
    cached = _INSERTS.get(key)
    if cached is None:
        compiled = insert(table).values({n: bindparam(n) for n in names}).compile(
            dialect=dialect)
        order = list(compiled.positiontup or ())
        assert sorted(order) == sorted(names), "a positional dialect (SQLite)"
        cached = (compiled.string, [
            (n, table.c[n].type.dialect_impl(dialect).bind_processor(dialect)) for n in order])
        _INSERTS[key] = cached
    sql, procs = cached
    params = [tuple(row[n] if p is None else p(row[n]) for n, p in procs) for row in rows]
    driver = conn.connection.driver_connection
    try:
        driver.executemany(sql, params)
    except dialect.loaded_dbapi.Error as exc:
        raise DBAPIError.instance(sql, params, exc, dialect.loaded_dbapi.Error,
                                  dialect=dialect) from exc


def insert_new(session: Session, objs: Sequence[Any], *, fill: bool = False) -> None:
    """Write new synced rows with plain INSERTs (one executemany per table) and their outbox
    entries (one executemany), as a flush would write them, bit for bit: the same stamps,
    columns, payloads and outbox order (``objs`` is the order they would have been added in).

    For the busiest write of the day (check-in): the ORM's unit of work costs more than
    SQLite takes to store the rows. Anything pending in the session is flushed first, so the
    outbox keeps the order a single flush gives (changes to loaded rows first, then new rows
    in the order they were added). The objects are values here, never added to the session
    (only a missing id is filled in on them): a query in the same transaction reads the rows
    back from the database, so no object in the identity map can go stale. Only plain rows:
    no relationships, no column default computed at INSERT time. ``fill`` also leaves every
    column value written (stamps, defaults) on the objects, for callers that read them."""
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
        values = _new_row(obj, ctx, now)
        if fill:
            # Straight into the instance's dict: the object is transient and stays so.
            vars(obj).update({key: values[name] for key, name, _ in _columns_of(type(obj))})
        by_table.setdefault(type(obj).__table__, []).append(values)
        entries.append({
            "change_id": new_id(),
            "entity": type(obj).__tablename__,
            "row_id": values["id"],
            "operation": "insert",
            "base_version": 0,
            "payload": json.dumps({k: v if type(v) in _AS_IS else _json_value(v)
                                   for k, v in values.items()},
                                  ensure_ascii=False, sort_keys=True),
            "fields": "[]",
            "created_at": now,
            "staff_id": ctx.staff_id,
        })
    conn = session.connection()
    for table, rows in by_table.items():
        _execute_insert(conn, table, rows)
    _execute_insert(conn, _OUTBOX, entries)


def install(session_factory: Any) -> None:
    """Attach the hooks to a sessionmaker (every session it makes gets them)."""
    event.listen(session_factory, "before_flush", _stamp)
    event.listen(session_factory, "after_flush", _write_outbox)


def _clear_pending(session: Session, *args: Any) -> None:
    session.info.pop("_outbox_pending", None)


def install_cleanup(session_factory: Any) -> None:
    event.listen(session_factory, "after_rollback", _clear_pending)
