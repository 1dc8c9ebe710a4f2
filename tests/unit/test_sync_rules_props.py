"""Property tests for the pure parts of sync: the hybrid logical clock and the merge rules."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from salesdesk.sync import rules
from salesdesk.sync.hlc import Hlc
from salesdesk.sync.rules import Change, RowState

times = st.integers(min_value=0, max_value=2**42)


@given(st.lists(st.tuples(st.booleans(), times, times, st.integers(0, 50)), max_size=60))
def test_the_clock_never_runs_backwards(events: list[tuple[bool, int, int, int]]) -> None:
    clock = Hlc.zero("device-a")
    for is_recv, now, remote_ms, remote_logical in events:
        before = clock
        if is_recv:
            remote = Hlc(remote_ms, remote_logical, "device-b")
            clock = clock.recv(remote, now)
            assert (clock.ms, clock.logical) > (remote.ms, remote.logical)
        else:
            clock = clock.tick(now)
        assert (clock.ms, clock.logical) > (before.ms, before.logical)
        assert clock.ms >= now
        assert Hlc.decode(clock.encode()) == clock


@given(times, times)
def test_clamping_never_moves_a_stamp_past_the_receive_time(device_ms: int, receive_ms: int
                                                            ) -> None:
    stamp = Hlc(device_ms, 3, "kiosk").clamp(receive_ms)
    assert stamp.ms <= receive_ms or stamp.ms == device_ms <= receive_ms
    assert stamp.ms == min(device_ms, receive_ms)


def _payload(row_id: str, **values: Any) -> dict[str, Any]:
    base = {"id": row_id, "sales_centre_id": "c", "server_seq": 0, "deleted": False,
            "row_version": 1, "created_at": "t", "updated_at": "t", "created_by_device": "d",
            "updated_by_device": "d", "created_by_staff": None, "updated_by_staff": None,
            "name": "", "notes": ""}
    base.update(values)
    return base


names = st.text(alphabet="甲乙丙丁abc", max_size=4)


@st.composite
def edits(draw: st.DrawFn) -> Change:
    device = draw(st.sampled_from(["a", "b", "c"]))
    field = draw(st.sampled_from(["name", "notes"]))
    value = draw(names)
    return Change(seq=draw(st.integers(1, 99)), change_id=draw(st.uuids()).hex, entity="t",
                  row_id="r1", operation="update", base_version=draw(st.integers(0, 3)),
                  fields=(field,), payload=_payload("r1", **{field: value}),
                  hlc=Hlc(draw(times), draw(st.integers(0, 5)), device), device_id=device)


def _apply(state: RowState | None, change: Change) -> RowState | None:
    out = rules.merge(rules.LastWriterWins(), state, change)
    return out.state if out.state is not None else state


@given(st.lists(edits(), max_size=8), edits())
def test_the_same_change_twice_gives_the_same_state(history: list[Change], change: Change
                                                    ) -> None:
    state: RowState | None = _apply(None, Change(0, "c0", "t", "r1", "insert", 0, (),
                                                 _payload("r1"), Hlc(1, 0, "a"), "a"))
    for h in history:
        state = _apply(state, h)
    once = _apply(state, change)
    twice = _apply(once, change)
    assert once is not None and twice is not None
    assert rules.content(once.data) == rules.content(twice.data)
    assert once.field_meta == twice.field_meta


@given(edits(), edits())
def test_concurrent_edits_converge_in_either_order(x: Change, y: Change) -> None:
    start = _apply(None, Change(0, "c0", "t", "r1", "insert", 0, (), _payload("r1"),
                                Hlc(1, 0, "z"), "z"))
    # Both edited from the same base, on different devices: truly concurrent.
    x = Change(x.seq, x.change_id, "t", "r1", "update", 0, x.fields, x.payload,
               Hlc(x.hlc.ms, x.hlc.logical, "a"), "a")
    y = Change(y.seq, y.change_id, "t", "r1", "update", 0, y.fields, y.payload,
               Hlc(y.hlc.ms, y.hlc.logical, "b"), "b")
    xy = _apply(_apply(start, x), y)
    yx = _apply(_apply(start, y), x)
    assert xy is not None and yx is not None
    assert {k: xy.data[k] for k in ("name", "notes")} == {k: yx.data[k] for k in ("name",
                                                                                  "notes")}


@given(st.lists(st.tuples(st.booleans(), st.sampled_from(["pending", "confirmed", "conflict",
                                                           "cancelled"])), max_size=6),
       st.integers(0, 4), st.integers(1, 3))
def test_a_slot_is_never_given_past_its_capacity(others: list[tuple[bool, str]], extra: int,
                                                 capacity: int) -> None:
    rule = rules.Capacity(slot_columns=("slot",), capacity=capacity)
    booked = 0
    for i in range(len(others) + extra):
        change = Change(i + 1, f"c{i}", "booking", f"b{i}", "insert", 0, (),
                        _payload(f"b{i}", slot="10:00", status="pending"),
                        Hlc(i, 0, "d"), "d")
        outcome = rules.decide_capacity(rule, rules.merge(rule, None, change), None, booked,
                                        change)
        assert outcome.state is not None
        if outcome.state.data["status"] == "confirmed":
            booked += 1
        else:
            assert outcome.state.data["status"] == "conflict" and booked >= capacity
    assert booked == min(capacity, len(others) + extra)


def test_append_only_same_content_is_a_no_op_and_other_content_an_alarm() -> None:
    row = _payload("d1", name="第1轮")
    first = Change(1, "c1", "disclosure_record", "d1", "insert", 0, (), row, Hlc(1, 0, "a"), "a")
    state = rules.merge(rules.AppendOnly(), None, first).state
    same = rules.merge(rules.AppendOnly(), state, Change(2, "c2", "disclosure_record", "d1",
                                                         "insert", 0, (), {**row, "server_seq": 9},
                                                         Hlc(2, 0, "b"), "b"))
    forged = rules.merge(rules.AppendOnly(), state, Change(3, "c3", "disclosure_record", "d1",
                                                           "insert", 0, (),
                                                           {**row, "name": "改过"},
                                                           Hlc(3, 0, "b"), "b"))
    update = rules.merge(rules.AppendOnly(), None, Change(4, "c4", "disclosure_record", "d9",
                                                          "update", 1, ("name",), row,
                                                          Hlc(4, 0, "b"), "b"))
    assert same.status == "duplicate" and not same.alarm
    assert forged.status == "rejected" and forged.alarm and forged.losers[0].kind == "tamper"
    assert update.status == "rejected"


def test_tickets_only_move_forward() -> None:
    rule = rules.rule_for("queue_ticket")
    assert isinstance(rule, rules.ForwardOnly)
    row = _payload("t1", status="called")
    state = rules.merge(rule, None, Change(1, "c1", "queue_ticket", "t1", "insert", 0, (), row,
                                           Hlc(1, 0, "d"), "d"))
    back = rules.merge(rule, state.state, Change(2, "c2", "queue_ticket", "t1", "update", 1,
                                                 ("status",), {**row, "status": "waiting"},
                                                 Hlc(2, 0, "d"), "d"))
    assert back.status == "rejected"


def test_the_registry_is_keyed_by_table_and_configurable() -> None:
    assert isinstance(rules.rule_for("disclosure_record"), rules.AppendOnly)
    assert isinstance(rules.rule_for("unit"), rules.ReadOnly)
    assert isinstance(rules.rule_for("anything_else"), rules.LastWriterWins)
    rules.register("signing_booking_x", rules.Capacity(slot_columns=("slot_id",)))
    try:
        assert isinstance(rules.rule_for("signing_booking_x"), rules.Capacity)
    finally:
        rules.unregister("signing_booking_x")


def _queued(device: str, op: str, status: str, *, seq: int = 1, change_id: str = "",
            fields: tuple[str, ...] = ()) -> Change:
    return Change(seq=seq, change_id=change_id or f"{device}-{seq}", entity="reminder_message",
                  row_id="m1", operation=op, base_version=0 if op == "insert" else 1,
                  fields=fields, payload=_payload("m1", status=status, text="您好"),
                  hlc=Hlc(1000 + seq, 0, device), device_id=device)


def test_a_row_queued_once_stands_and_a_sent_message_stays_sent() -> None:
    rule = rules.rule_for("reminder_message")
    assert isinstance(rule, rules.QueuedOnce)
    first = rules.merge(rule, None, _queued("a", "insert", "pending"))
    assert first.status == "applied" and first.state is not None
    # The same message queued offline on another device: refused, the device gets it back.
    other = rules.merge(rule, first.state, _queued("b", "insert", "pending", seq=2))
    assert other.status == "rejected" and "another device" in other.reason
    # The first device's replay of its own insert is no new effect.
    replay = rules.merge(rule, first.state, _queued("a", "insert", "pending",
                                                    change_id="a-1"))
    assert replay.status == "duplicate"
    sent = rules.merge(rule, first.state, _queued("b", "update", "sent", seq=3,
                                                  fields=("status",)))
    assert sent.status == "applied" and sent.state is not None
    assert sent.state.data["status"] == "sent"
    back = rules.merge(rule, sent.state, _queued("a", "update", "failed", seq=4,
                                                 fields=("status",)))
    assert back.status == "rejected" and "stays sent" in back.reason
