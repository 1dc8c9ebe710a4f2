"""The rotation rules, without Qt or a database."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.rotation import (
    AssignReason,
    DutyStatus,
    EventKind,
    ImportantMode,
    JointMode,
    RotationEvent,
    RotationRules,
    RotationState,
    apply,
    direct,
    fairness,
    next_up,
    replay,
)

ONE = RotationRules()


def join(sid: str, agency: str = "万家行", senior: bool = False,
         manager: bool = False) -> RotationEvent:
    return RotationEvent(EventKind.JOIN, sid, name=sid, agency=agency, senior=senior,
                         manager=manager)


def run(state: RotationState, events: tuple[RotationEvent, ...]) -> RotationState:
    for e in events:
        state = apply(state, e)
    return state


def test_walk_ins_go_round_and_the_receiver_goes_to_the_back() -> None:
    s = replay([join("a"), join("b"), join("c")])
    d = next_up(s, ONE, visit_id="v1")
    assert d.staff_id == "a" and d.reason == "next_up"
    s = run(s, d.events)
    assert s.order == ("b", "c", "a")
    assert s.members["a"].status is DutyStatus.RECEIVING
    d = next_up(s, ONE)
    assert d.staff_id == "b"


def test_busy_and_break_are_skipped_with_their_reason() -> None:
    s = replay([join("a"), join("b"), join("c"),
                RotationEvent(EventKind.STATUS, "a", "break", status="break", note="午饭")])
    d = next_up(s, ONE)
    assert d.staff_id == "b"
    assert [(e.kind, e.staff_id, e.reason) for e in d.events] == [
        (EventKind.SKIP, "a", "break"), (EventKind.ASSIGN, "b", "next_up")]
    s = run(s, d.events)
    assert s.order == ("c", "a", "b")


def test_nobody_free_means_the_party_waits_and_nobody_loses_a_turn() -> None:
    s = replay([join("a"), direct(RotationState(), "a", AssignReason.NEXT_UP)])
    d = next_up(s, ONE)
    assert d.staff_id is None and d.events == ()


def test_important_visitor_goes_to_a_senior_only() -> None:
    s = replay([join("a"), join("b", senior=True), join("c", senior=True)])
    d = next_up(s, ONE, important=True)
    assert d.staff_id == "b" and d.reason == "senior_rule"
    assert all(e.kind is not EventKind.SKIP for e in d.events)  # a is not eligible, not skipped
    s = run(s, d.events)
    assert s.order == ("a", "c", "b")


def test_important_visitor_in_manager_mode_goes_to_the_manager() -> None:
    s = replay([join("a"), join("m", manager=True)])
    assert "m" not in s.order  # managers are not in the walk-in cycle
    rules = RotationRules(important_mode=ImportantMode.MANAGER)
    assert next_up(s, rules, important=True).staff_id == "m"
    assert next_up(s, rules).staff_id == "a"


def test_restore_gives_the_place_back() -> None:
    s = replay([join("a"), join("b")])
    s = run(s, next_up(s, ONE).events)
    assert s.order == ("b", "a")
    s = apply(s, RotationEvent(EventKind.RESTORE, "a", "invalid", note="问路"))
    assert s.order == ("a", "b") and s.members["a"].status is DutyStatus.AVAILABLE


def test_joint_agencies_alternate() -> None:
    s = replay([join("a1", "甲"), join("a2", "甲"), join("b1", "乙"), join("b2", "乙")])
    rules = RotationRules(joint_mode=JointMode.ALTERNATE)
    got = []
    for _ in range(4):
        d = next_up(s, rules)
        got.append(d.staff_id)
        s = run(s, d.events)
        assert d.staff_id is not None
        s = apply(s, RotationEvent(EventKind.FINISH, d.staff_id))
    assert got == ["a1", "b1", "a2", "b2"]


def test_manual_reorder_and_returning_owner_keeps_the_turn() -> None:
    s = replay([join("a"), join("b"), join("c")])
    s = apply(s, RotationEvent(EventKind.REORDER, order=("c", "a", "b"), note="c 先到岗"))
    assert s.order == ("c", "a", "b")
    s = apply(s, direct(s, "a", AssignReason.RETURNING_OWNER))
    assert s.order == ("c", "a", "b") and s.members["a"].status is DutyStatus.RECEIVING


def test_fairness_report_counts_everything() -> None:
    s = replay([join("a", "甲"), join("b", "乙")])
    events: list[RotationEvent] = [join("a", "甲"), join("b", "乙")]
    d = next_up(s, ONE)
    events += d.events
    events.append(RotationEvent(EventKind.RESTORE, "a", "invalid"))
    events.append(RotationEvent(EventKind.REORDER, order=("b", "a"), note="x"))
    events.append(direct(s, "b", AssignReason.APPOINTMENT))
    rep = fairness(events)
    rows = {r.staff_id: r for r in rep.rows}
    assert rows["a"].receptions == 1 and rows["a"].restores == 1 and rows["a"].turns == 0
    assert rows["b"].direct == 1 and rep.manual_changes == 1
    assert dict(rep.by_agency) == {"甲": 1, "乙": 1}


# --- property: ordinary walk-ins, finishes and breaks with the same consultants on duty ---

STAFF = ["a", "b", "c", "d"]
action = st.one_of(
    st.just(("walk_in", "")),
    st.tuples(st.just("finish"), st.sampled_from(STAFF)),
    st.tuples(st.just("break"), st.sampled_from(STAFF)),
    st.tuples(st.just("back"), st.sampled_from(STAFF)),
)


@settings(max_examples=300, deadline=None)
@given(n=st.integers(2, 4), actions=st.lists(action, max_size=80))
def test_turns_never_differ_by_more_than_one(n: int, actions: list[tuple[str, str]]) -> None:
    staff = STAFF[:n]
    events = [join(s) for s in staff]
    state = replay(events)
    never_passed = set(staff)
    for kind, who in actions:
        if who and who not in staff:
            continue
        if kind == "walk_in":
            d = next_up(state, ONE)
            if d.staff_id is not None:
                assert state.members[d.staff_id].status is DutyStatus.AVAILABLE
            else:
                assert not any(state.available(s) for s in staff)
            never_passed -= {e.staff_id for e in d.events if e.kind is EventKind.SKIP}
            new = list(d.events)
        elif kind == "finish":
            new = [RotationEvent(EventKind.FINISH, who)]
        elif kind == "break" and state.available(who):
            new = [RotationEvent(EventKind.STATUS, who, "break", status="break")]
        elif kind == "back" and state.members[who].status is DutyStatus.BREAK:
            new = [RotationEvent(EventKind.STATUS, who, "available", status="available")]
        else:
            new = []
        events += new
        state = run(state, tuple(new))
        rep = fairness(events)
        turns = [r.turns + r.skips for r in rep.rows]
        assert max(turns) - min(turns) <= 1
        # Consultants who were free whenever their turn came: receptions differ by <= 1.
        received = [r.receptions for r in rep.rows if r.staff_id in never_passed]
        if received:
            assert max(received) - min(received) <= 1
    # Replaying the stored events rebuilds the same state.
    assert replay(events) == state


def test_two_tiers_important_to_a_senior_very_important_to_the_manager() -> None:
    """Issue 15 §2, as the source rules have it (the tiered mode, the default)."""
    s = replay([join("a"), join("b", senior=True), join("m", manager=True)])
    assert ONE.important_mode is ImportantMode.TIERED
    assert next_up(s, ONE, important=True).staff_id == "b"
    d = next_up(s, ONE, important=True, very_important=True)
    assert d.staff_id == "m" and d.reason == "manager_rule"
    # The project may send both tiers to seniors instead.
    seniors = RotationRules(important_mode=ImportantMode.SENIOR)
    assert next_up(s, seniors, very_important=True).staff_id == "b"
    # No manager free: a senior receives the very important visitor rather than nobody.
    busy = run(s, (direct(s, "m", AssignReason.MANAGER_RULE),))
    assert next_up(busy, ONE, very_important=True).staff_id == "b"


def test_a_consultant_on_their_own_customer_is_owed_a_turn_and_keeps_their_place() -> None:
    """Issue 14 §3: passed over while serving a party that cost no turn, they are not sent to
    the back; the pass is logged once as a turn owed and they take the next party when free."""
    s = replay([join("a"), join("b"), join("c")])
    s = run(s, (direct(s, "a", AssignReason.RETURNING_OWNER, "own"),))
    d = next_up(s, ONE, visit_id="w1")
    assert d.staff_id == "b"
    assert [(e.kind, e.staff_id, e.reason) for e in d.events] == [
        (EventKind.OWE, "a", "owed"), (EventKind.ASSIGN, "b", "next_up")]
    s = run(s, d.events)
    assert s.order == ("a", "c", "b") and s.members["a"].owed
    # A second walk-in while a is still busy: no second owed entry, a still keeps the head.
    d = next_up(s, ONE, visit_id="w2")
    assert d.staff_id == "c" and [e.kind for e in d.events] == [EventKind.ASSIGN]
    s = run(s, d.events)
    assert s.order == ("a", "b", "c")
    s = run(s, (RotationEvent(EventKind.FINISH, "a"),))
    d = next_up(s, ONE, visit_id="w3")
    assert d.staff_id == "a"
    s = run(s, d.events)
    assert not s.members["a"].owed and s.order == ("b", "c", "a")
    rows = {r.staff_id: r for r in fairness(
        [join("a"), join("b"), join("c"), direct(s, "a", AssignReason.RETURNING_OWNER),
         RotationEvent(EventKind.OWE, "a", "owed"),
         RotationEvent(EventKind.ASSIGN, "b", "next_up")]).rows}
    assert rows["a"].owed == 1 and rows["a"].skips == 0 and rows["b"].owed == 0


def test_a_backup_is_owed_but_a_turn_party_or_a_break_still_costs_the_place() -> None:
    s = replay([join("a"), join("b"), join("c")])
    s = run(s, (direct(s, "a", AssignReason.OWNER_BACKUP, "x"),))
    assert next_up(s, ONE).events[0].kind is EventKind.OWE
    # Receiving a rotation party (e.g. after a reorder put them first): an ordinary skip.
    t = replay([join("a"), join("b"),
                RotationEvent(EventKind.ASSIGN, "a", "next_up", visit_id="v"),
                RotationEvent(EventKind.REORDER, "s", "manual", order=("a", "b"))])
    d = next_up(t, ONE)
    assert [(e.kind, e.staff_id) for e in d.events] == [
        (EventKind.SKIP, "a"), (EventKind.ASSIGN, "b")]
    # An owed consultant who then goes on a break is skipped as usual and loses the place.
    s = run(s, next_up(s, ONE).events)
    s = run(s, (RotationEvent(EventKind.FINISH, "a"),
                RotationEvent(EventKind.STATUS, "a", "break", status="break")))
    d = next_up(s, ONE)
    assert d.events[0].kind is EventKind.SKIP and d.staff_id == "c"
    s = run(s, d.events)
    assert not s.members["a"].owed and s.order[-2:] == ("a", "c")


def test_a_reassigned_party_leaves_its_absent_consultant_on_a_break() -> None:
    s = replay([join("a"), join("b")])
    s = run(s, next_up(s, ONE, visit_id="v1").events)
    s = run(s, (RotationEvent(EventKind.REASSIGN, "a", "reassigned", "不在岗", "v1"),))
    a = s.members["a"]
    assert a.status is DutyStatus.BREAK and a.visit_id == "" and a.note == "不在岗"
    # The next walk-in passes a by (on a break) rather than calling them again.
    assert next_up(s, ONE).staff_id == "b"
    # An entry about another party leaves a consultant's current reception alone.
    t = run(s, (RotationEvent(EventKind.ASSIGN, "b", "next_up", visit_id="v2"),
                RotationEvent(EventKind.REASSIGN, "b", "reassigned", "x", "v9")))
    assert t.members["b"].status is DutyStatus.RECEIVING
