"""Reading request bodies so that no body can make the service fail (SYNC.md, "Peers are
untrusted"): a size limit, JSON only, nesting bounded, and every value either something
PostgreSQL can store or a ``BadValue`` that fails the checks after it with a reason.

Python's JSON reader turns ``1e999`` into infinity and accepts ``NaN``, numbers of thousands
of digits, ``\\u0000`` and unpaired surrogates; PostgreSQL's jsonb refuses the first and the
last two, psycopg cannot encode a surrogate, and a bigint holds 64 bits. Each is replaced here
(numbers while parsing; text only when the raw body holds such an escape at all, so the usual
body is not walked)."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from salesdesk.sync.kinds import INT64_MAX, INT64_MIN, BadValue

MAX_BODY = 64 * 1024 * 1024
MAX_DEPTH = 64
# Where a NUL or a lone surrogate could come from: JSON text may carry them only as escapes.
_SUSPECT = re.compile(rb"\\u(?:0000|[dD][89a-fA-F])")
_BAD_TEXT = re.compile("[\x00\ud800-\udfff]")


class BadBody(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _int(text: str) -> Any:
    if len(text.lstrip("-")) > 19:
        return BadValue("is a number out of range")
    value = int(text)
    return value if INT64_MIN <= value <= INT64_MAX else BadValue("is a number out of range")


def _float(text: str) -> Any:
    value = float(text)
    return value if math.isfinite(value) else BadValue("is not a finite number")


def _constant(text: str) -> Any:
    return BadValue("is not a finite number")  # NaN, Infinity, -Infinity


def parse(raw: bytes) -> Any:
    """The body as JSON values, or BadBody."""
    if len(raw) > MAX_BODY:
        raise BadBody(f"body larger than {MAX_BODY} bytes", 413)
    try:
        value = json.loads(raw, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except RecursionError as exc:
        raise BadBody("body nested too deeply") from exc
    except ValueError as exc:  # includes bad UTF-8
        raise BadBody("body is not JSON") from exc
    if _depth_exceeds(value, MAX_DEPTH):
        raise BadBody(f"body nested deeper than {MAX_DEPTH} levels")
    if _SUSPECT.search(raw):
        value = _clean(value)
    return value


def _depth_exceeds(value: Any, limit: int) -> bool:
    # Only containers are stacked: a push body holds some ten scalars per container, and
    # walking each of them was most of the time spent reading a body.
    if not isinstance(value, (dict, list)):
        return False
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if d > limit:
            return True
        inner = v.values() if isinstance(v, dict) else v
        stack.extend([(x, d + 1) for x in inner if isinstance(x, (dict, list))])
    return False


def _text(s: str) -> Any:
    if _BAD_TEXT.search(s) is None:
        return s
    return BadValue("contains a NUL character or an unpaired surrogate")


def _key(s: str) -> str:
    # A key cannot be a BadValue: it becomes a name no column has (refused as unknown).
    return _BAD_TEXT.sub("\ufffd", s)


def _clean(value: Any) -> Any:
    """``value`` with bad text replaced (depth is bounded by MAX_DEPTH already)."""
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {_key(k): _clean(v) for k, v in value.items()}
    return value


def text_field(body: dict[str, Any], key: str, *, limit: int, required: bool = False,
               default: str = "") -> str:
    value = body.get(key)
    if value is None and not required:
        return default
    if not isinstance(value, str) or (required and not value.strip()):
        raise BadBody(f"{key} must be text")
    if len(value) > limit:
        raise BadBody(f"{key} longer than {limit} characters")
    return value


def int_field(body: dict[str, Any], key: str, *, default: int, low: int,
              high: int = INT64_MAX) -> int:
    value = body.get(key)
    if value is None:
        return default
    if type(value) is not int or not low <= value <= high:
        raise BadBody(f"{key} must be a whole number from {low} to {high}")
    return value


def query_int(params: Any, key: str, *, default: int, low: int,
              high: int = INT64_MAX) -> int:
    text = params.get(key)
    if text is None:
        return default
    if not (text.isascii() and text.lstrip("-").isdigit()) or len(text) > 20:
        raise BadBody(f"{key} must be a whole number")
    value = int(text)
    if not low <= value <= high:
        raise BadBody(f"{key} must be from {low} to {high}")
    return value
