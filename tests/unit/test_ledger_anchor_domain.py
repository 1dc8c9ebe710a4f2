"""The pure rules of the ledger's anchor at head office (domain/ledger.py)."""

from __future__ import annotations

import pytest

from salesdesk.domain.ledger import (
    HASH_FIELDS,
    ChainHead,
    LocalEntry,
    ServerEntry,
    ack_problems,
    compare_with_server,
    payload_values,
)


def _payload(**over: object) -> dict[str, object]:
    p: dict[str, object] = {f: "x" for f in HASH_FIELDS}
    p.update(chain_seq=1, n_items=3, n_covered=2, sunshine_ok=1, certificates_ok=1,
             contract_ok=1, factors_ok=0, paper_form=1,
             started_at="2026-11-24T10:00:00+08:00", recorded_at="2026-11-24T02:05:00.5+00:00")
    p.update(over)
    return p


def test_payload_times_become_the_stored_utc_text() -> None:
    values = payload_values(_payload())
    assert values[HASH_FIELDS.index("started_at")] == "2026-11-24 02:00:00.000000"
    assert values[HASH_FIELDS.index("recorded_at")] == "2026-11-24 02:05:00.500000"
    naive = payload_values(_payload(started_at="2026-11-24T02:00:00"))
    assert naive[HASH_FIELDS.index("started_at")] == "2026-11-24 02:00:00.000000"


@pytest.mark.parametrize("over", [{"started_at": "soon"}, {"recorded_at": 5}])
def test_bad_times_are_refused(over: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        payload_values(_payload(**over))


def test_missing_field_is_refused() -> None:
    p = _payload()
    del p["coverage"]
    with pytest.raises(KeyError):
        payload_values(p)


def test_ack_problems() -> None:
    ack = ChainHead(5, "h5")
    assert ack_problems("d", ack, "r5", "h5", 7) == []
    assert ack_problems("d", ChainHead(0, ""), None, None, 0) == []
    (gone,) = ack_problems("d", ack, None, None, 3)
    assert (gone.problem, gone.chain_seq) == ("ack_missing", 5) and "第 4–5 条" in gone.detail_zh
    (one,) = ack_problems("d", ack, None, None, 4)
    assert "第 5 条" in one.detail_zh
    (hole,) = ack_problems("d", ack, None, None, 9)  # the record itself deleted, later kept
    assert hole.problem == "ack_missing" and "第 5 条" in hole.detail_zh
    (changed,) = ack_problems("d", ack, "r5", "other", 5)
    assert (changed.problem, changed.record_id) == ("ack_altered", "r5")


def L(seq: int, h: str = "", rid: str = "", computed: str = "", pending: bool = False
      ) -> LocalEntry:
    h = h or f"h{seq}"
    return LocalEntry(seq, rid or f"r{seq}", h, computed or h, "", pending)


def S(seq: int, h: str = "", rid: str = "") -> ServerEntry:
    return ServerEntry(seq, rid or f"r{seq}", h or f"h{seq}")


def kinds(local: list[LocalEntry], server: list[ServerEntry], *, own: bool = True,
          ack_seq: int = 0) -> list[tuple[str, int]]:
    last = max([e.chain_seq for e in local], default=0)
    return [(p.problem, p.chain_seq) for p in compare_with_server(
        "d", local, server, own=own, local_last=last, ack_seq=ack_seq)]


def test_identical_chains_agree() -> None:
    assert kinds([L(1), L(2)], [S(1), S(2)]) == []


def test_each_difference_is_named_with_its_number() -> None:
    local = [L(1), L(2, computed="edited"), L(3, h="x"), L(4, rid="other"), L(6), L(7)]
    server = [S(1), S(2), S(3), S(4), S(5), S(6)]
    assert kinds(local, server) == [("altered", 2), ("altered", 3), ("forked", 4),
                                    ("deleted", 5), ("extra", 7)]


def test_pending_records_are_not_extra() -> None:
    assert kinds([L(1), L(2, pending=True)], [S(1)]) == []


def test_another_devices_records_not_pulled_yet_are_not_deleted() -> None:
    assert kinds([L(1)], [S(1), S(2)], own=False) == []
    assert kinds([L(1)], [S(1), S(2)], own=False, ack_seq=2) == [("deleted", 2)]
    assert kinds([L(1), L(3)], [S(1), S(2), S(3)], own=False) == [("deleted", 2)]
    assert kinds([], [S(1)], own=True) == [("deleted", 1)]
