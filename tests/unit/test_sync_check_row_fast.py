"""``kinds.check_row`` lets plainly valid values (text within its length, whole numbers within
64 bits, true/false) skip ``check_value``: its verdict must stay what ``check_value`` says for
every value, the edges included."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from salesdesk.sync import kinds

_KIND = "test_fast_checks"
_COLUMNS = {
    "s": ("str", True, False, 4), "t": ("text", True, False, 0), "i": ("int", True, False, 0),
    "b": ("bool", True, False, 0), "f": ("float", True, False, 0),
    "d": ("datetime", True, False, 0),
}
_VALUES: list[Any] = [
    "", "abcd", "abcde", "x" * kinds.MAX_TEXT, "x" * (kinds.MAX_TEXT + 1), 0, 1, -1,
    kinds.INT64_MAX, kinds.INT64_MIN, kinds.INT64_MAX + 1, kinds.INT64_MIN - 1, True, False,
    1.5, float("inf"), [], {}, "2026-01-02T03:04:05+00:00", kinds.BadValue("is bad"),
]


@pytest.fixture(autouse=True)
def _kind() -> Iterator[None]:
    kinds.register_kind(_KIND, _COLUMNS)
    yield
    kinds.unregister_kind(_KIND)


@pytest.mark.parametrize("column", sorted(_COLUMNS))
def test_the_verdict_is_check_values(column: str) -> None:
    spec = kinds.kind(_KIND)
    assert spec is not None
    for value in _VALUES:
        why = kinds.check_value(spec.columns[column], value)
        expected = f"bad_value: {_KIND}.{column} {why}" if why else ""
        assert kinds.check_row(spec, {column: value}, "update", (column,)) == expected, value
