"""The hash chain: the fast hash equals the canonical one, and verify names edited, deleted and
reordered records."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.ledger import (
    GENESIS,
    HASH_FIELDS,
    INT_FIELDS,
    ChainHead,
    F,
    fast_record_hash,
    record_hash,
    verify_chain,
)

TEXT = st.text(max_size=12)


def make_values(i: int, device: str = "dev-a", prev: str = GENESIS) -> list[Any]:
    out: list[Any] = []
    for name in HASH_FIELDS:
        if name in INT_FIELDS:
            out.append(i if name == "chain_seq" else 1)
        elif name == "id":
            out.append(f"rec-{device}-{i}")
        elif name == "created_by_device":
            out.append(device)
        elif name == "prev_hash":
            out.append(prev)
        elif name in ("started_at", "recorded_at"):
            out.append(f"2026-11-24 02:{i % 60:02d}:00.000000")
        elif name == "reason":
            out.append("客户说\"知道了\"" if i % 2 else "")
        else:
            out.append(f"{name}-{i}")
    return out


def chain(n: int, device: str = "dev-a") -> list[list[Any]]:
    rows, prev = [], GENESIS
    for i in range(1, n + 1):
        values = make_values(i, device, prev)
        h = record_hash(values)
        rows.append([*values, h])
        prev = h
    return rows


@given(st.lists(st.one_of(TEXT, st.integers(-5, 10**6), st.none()),
                min_size=len(HASH_FIELDS), max_size=len(HASH_FIELDS)))
def test_fast_hash_is_the_canonical_hash_for_any_values(values: list[Any]) -> None:
    assert fast_record_hash(values) == record_hash(values)


def test_intact_chains_verify() -> None:
    rows = chain(5) + chain(3, "dev-b")
    heads = {"dev-a": ChainHead(5, rows[4][-1]), "dev-b": ChainHead(3, rows[-1][-1])}
    assert list(verify_chain(rows, heads)) == []


def test_edited_record_is_named() -> None:
    rows = chain(5)
    rows[2][F["n_covered"]] = 0
    problems = list(verify_chain(rows))
    assert [(p.record_id, p.problem) for p in problems] == [("rec-dev-a-3", "altered")]


def test_edit_with_recomputed_hash_breaks_the_next_link() -> None:
    rows = chain(5)
    rows[2][F["consultant_id"]] = "someone-else"
    rows[2][-1] = record_hash(rows[2][:-1])
    problems = list(verify_chain(rows))
    assert [(p.record_id, p.problem) for p in problems] == [("rec-dev-a-4", "broken_link")]


def test_deleted_record_leaves_a_named_gap() -> None:
    rows = chain(5)
    del rows[1]
    problems = list(verify_chain(rows))
    assert [(p.record_id, p.problem) for p in problems] == [("rec-dev-a-3", "missing_before")]
    assert "第 2 条" in problems[0].detail_zh


def test_deleted_last_record_is_caught_by_the_chain_head() -> None:
    rows = chain(5)
    heads = {"dev-a": ChainHead(5, rows[4][-1])}
    problems = list(verify_chain(rows[:4], heads))
    assert [p.problem for p in problems] == ["tail_missing"]


def test_swapped_records_are_both_named() -> None:
    rows = chain(5)
    rows[1][F["chain_seq"]], rows[2][F["chain_seq"]] = 3, 2
    rows[1], rows[2] = rows[2], rows[1]  # read back in sequence order
    problems = list(verify_chain(rows))
    named = {p.record_id for p in problems}
    assert {"rec-dev-a-2", "rec-dev-a-3"} <= named
    assert all(p.problem in ("altered", "broken_link") for p in problems)
