"""The kinds of record a device may push, and the check every pushed row passes before the
server stores it (SYNC.md, "Peers are untrusted; nothing wedges").

A device is a peer, not an authority: the server accepts only the synced tables the app
defines (``kinds_data``, generated from the SQLAlchemy models by ``kinds_gen`` and checked
against them by a test), never a device-local table, and checks each row's fields against its
kind. Plain data and functions only, so the server needs neither SQLAlchemy nor the models."""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from typing import Any

from salesdesk.sync import kinds_data

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
# Unbounded text columns still have a ceiling: one row must never fill the server.
MAX_TEXT = 1_000_000
MAX_BLOB_B64 = 8_000_000
MAX_FIELDS = 500
# Ids are UUIDs made on the device (or stable ids made by head office): no spaces, no quotes.
ROW_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z._:-]{0,63}")
ENTITY_NAME = re.compile(r"[a-z_][a-z0-9_]{0,63}")

TYPES = ("str", "text", "int", "bool", "float", "datetime", "date", "blob")
_TEXTS = frozenset(("str", "text"))
_NUMBERS = frozenset(("int", "float"))


@dataclass(frozen=True)
class ColumnSpec:
    type: str
    nullable: bool
    has_default: bool
    max_length: int  # 0: no declared length (MAX_TEXT applies to text)

    @property
    def required(self) -> bool:
        """Must be present, and not null, in a new row."""
        return not self.nullable and not self.has_default


@dataclass(frozen=True)
class KindSpec:
    name: str
    columns: Mapping[str, ColumnSpec]

    @cached_property
    def required(self) -> frozenset[str]:
        # Asked once per pushed insert: worked out once per kind.
        return frozenset(n for n, c in self.columns.items() if c.required)


class BadValue:
    """What the server's JSON reader puts in place of a value no column can hold (a number
    outside 64 bits or not finite, text with NUL or an unpaired surrogate): it fails every type
    check below with its own reason, and it can never reach PostgreSQL."""

    def __init__(self, why: str) -> None:
        self.why = why

    def __repr__(self) -> str:
        return f"BadValue({self.why})"


def _spec(name: str, cols: Mapping[str, tuple[str, bool, bool, int]]) -> KindSpec:
    return KindSpec(name, {c: ColumnSpec(*v) for c, v in cols.items()})


_KINDS: dict[str, KindSpec] = {n: _spec(n, c) for n, c in kinds_data.KINDS.items()}
LOCAL_TABLES: frozenset[str] = kinds_data.LOCAL_TABLES


def kind(name: str) -> KindSpec | None:
    return _KINDS.get(name)


def kinds() -> dict[str, KindSpec]:
    return dict(_KINDS)


def register_kind(name: str, columns: Mapping[str, tuple[str, bool, bool, int]]) -> None:
    """A kind outside the app's models (test tables); the app's own come from ``kinds_data``."""
    _KINDS[name] = _spec(name, columns)


def unregister_kind(name: str) -> None:
    if name not in kinds_data.KINDS:
        _KINDS.pop(name, None)


def shown(name: object, limit: int = 60) -> str:
    """A name taken from a request, safe to put in a reason (ASCII, no NUL, short)."""
    text = json.dumps(name if isinstance(name, str) else repr(name))
    return text if len(text) <= limit else text[:limit] + "…\""


def unknown_kind_reason(entity: str) -> str:
    if entity in LOCAL_TABLES:
        return (f"local_only: {shown(entity)} is a device-local table and never travels")
    return (f"unknown_kind: {shown(entity)} is not a kind of record head office knows "
            "(a newer app version?)")


def _datetime_ok(value: str) -> bool:
    if len(value) > 40:
        return False
    try:
        dt = datetime.fromisoformat(value)
        if dt.tzinfo is not None:
            dt.astimezone(UTC)  # as devices store it: out of range near year 1 or 9999
    except (ValueError, OverflowError):
        return False
    return True


def _date_ok(value: str) -> bool:
    if len(value) > 40:
        return False
    try:
        date.fromisoformat(value[:10])
        if len(value) > 10:
            datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _blob_ok(value: Any) -> bool:
    if not isinstance(value, dict) or set(value) != {"b64"}:
        return False
    text = value["b64"]
    if not isinstance(text, str) or len(text) > MAX_BLOB_B64:
        return False
    try:
        base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def check_value(col: ColumnSpec, value: Any) -> str:
    """Why ``value`` cannot go into ``col`` ("" when it can). ``value`` is not None."""
    if isinstance(value, BadValue):
        return value.why
    t = col.type
    if t in ("str", "text"):
        if not isinstance(value, str):
            return "must be text"
        limit = col.max_length or MAX_TEXT
        if len(value) > limit:
            return f"longer than {limit} characters"
        return ""
    if t == "int":
        if type(value) is not int:
            return "must be a whole number"
        if not INT64_MIN <= value <= INT64_MAX:
            return "out of range"
        return ""
    if t == "bool":
        return "" if isinstance(value, bool) else "must be true or false"
    if t == "float":
        if type(value) not in (int, float):
            return "must be a number"
        return "" if math.isfinite(value) else "must be a finite number"
    if t == "datetime":
        return "" if isinstance(value, str) and _datetime_ok(value) \
            else "must be an ISO date and time"
    if t == "date":
        return "" if isinstance(value, str) and _date_ok(value) else "must be an ISO date"
    if t == "blob":
        return "" if _blob_ok(value) else 'must be {"b64": base64 text}'
    return f"has an unknown column type {t}"


def check_row(spec: KindSpec, payload: Mapping[str, Any], operation: str,
              fields: tuple[str, ...]) -> str:
    """Why this row cannot be stored as a row of ``spec`` ("" when it can): every field
    known, of its column's type and length, not null where the column is not nullable, and a
    new row carries every required column."""
    cols = spec.columns
    if len(payload) > MAX_FIELDS:
        return "bad_row: too many fields"
    for name, value in payload.items():
        col = cols.get(name)
        if col is None:
            return (f"unknown_field: {shown(name)} is not a column of {spec.name} that head "
                    "office knows (a newer app version?)")
        if value is None:
            if not col.nullable:
                return f"bad_value: {spec.name}.{name} may not be null"
            continue
        # The usual values, plainly fine, skip the full check (a push checks some fifteen
        # values per row); anything else gets check_value's verdict and reason.
        t = type(value)
        if t is str and col.type in _TEXTS and len(value) <= (col.max_length or MAX_TEXT):
            continue
        if t is bool and col.type == "bool":
            continue
        if t is int and col.type in _NUMBERS and INT64_MIN <= value <= INT64_MAX:
            continue
        why = check_value(col, value)
        if why:
            return f"bad_value: {spec.name}.{name} {why}"
    for name in fields:
        if name not in cols:
            return f"unknown_field: changed field {shown(name)} is not a column of {spec.name}"
    if operation == "insert":
        missing = sorted(spec.required - payload.keys())
        if missing:
            return f"missing_field: a new {spec.name} needs {', '.join(missing)}"
    return ""
