"""Score cards: 1-5 per item, 100 scale against the target, below 4 escalates; complaints."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.care.complaints import (
    GroupKind,
    Step,
    check_group,
    check_step_order,
    next_step,
    parse_demands,
)
from salesdesk.domain.care.satisfaction import (
    ITEMS,
    CardFact,
    SatisfactionItem,
    TaskFact,
    on_time_figures,
    satisfaction_figures,
    score_card,
)
from salesdesk.domain.errors import ValidationError

KEYS = [i.value for i in ITEMS]


def card(*values: int) -> dict[str, int]:
    return dict(zip(KEYS, values, strict=True))


def test_items_follow_the_seeds_survey() -> None:
    assert KEYS == ["layout", "needs", "process", "after_sale", "trust"]


def test_all_fives_is_100_and_fours_are_80() -> None:
    assert score_card(card(5, 5, 5, 5, 5)).score100 == 100
    r = score_card(card(4, 4, 4, 4, 4))
    assert r.score100 == 80 and not r.needs_escalation


def test_a_three_escalates_naming_the_item() -> None:
    r = score_card(card(5, 5, 3, 5, 5))
    assert r.low_items == (SatisfactionItem.PROCESS,) and r.needs_escalation
    assert r.score100 == 92.0


@pytest.mark.parametrize("bad", [0, 6, -1, 4.5, "5", True])
def test_out_of_range_scores_are_refused(bad: object) -> None:
    scores: dict[str, object] = card(5, 5, 5, 5, 5)
    scores["needs"] = bad
    with pytest.raises(ValidationError) as err:
        score_card(scores)  # type: ignore[arg-type]
    assert err.value.field == "needs"


def test_every_item_must_be_scored() -> None:
    scores = card(5, 5, 5, 5, 5)
    del scores["trust"]
    with pytest.raises(ValidationError) as err:
        score_card(scores)
    assert err.value.field == "trust"


@given(st.lists(st.integers(1, 5), min_size=5, max_size=5))
def test_score_is_within_scale_and_escalates_exactly_below_four(values: list[int]) -> None:
    r = score_card(card(*values))
    assert 20 <= r.score100 <= 100
    assert r.needs_escalation == (min(values) < 4)


def test_figures_per_item_consultant_month_against_target() -> None:
    full = dict.fromkeys(ITEMS, 5)
    weak = {**full, SatisfactionItem.PROCESS: 3}
    cards = [CardFact("a", date(2026, 10, 3), full), CardFact("a", date(2026, 11, 3), weak),
             CardFact("b", date(2026, 11, 9), dict.fromkeys(ITEMS, 4))]
    f = satisfaction_figures(cards, 90, {"a": "王磊", "b": "李娜"})
    process = next(x for x in f.by_item if x.key == "process")
    assert process.score100 == pytest.approx(round((5 + 3 + 4) / 3 / 5 * 100, 1))
    assert not process.meets_target
    assert [(x.label, x.score100, x.low_cards) for x in f.by_consultant] == [
        ("王磊", 96.0, 1), ("李娜", 80.0, 0)]
    assert [(m.key, m.cards) for m in f.by_month] == [("2026-10", 1), ("2026-11", 2)]
    assert f.overall.cards == 3


def test_on_time_figures() -> None:
    tasks = [TaskFact("a", date(2026, 11, 20), date(2026, 11, 20)),
             TaskFact("a", date(2026, 11, 20), date(2026, 11, 22)),
             TaskFact("a", date(2026, 11, 20), None), TaskFact("b", date(2026, 11, 30), None)]
    rows = {r.owner_staff_id: r for r in on_time_figures(tasks, date(2026, 11, 24), {})}
    a = rows["a"]
    assert (a.done, a.done_on_time, a.open, a.overdue, a.on_time_rate) == (2, 1, 1, 1, 50.0)
    assert (rows["b"].overdue, rows["b"].on_time_rate) == (0, None)


def test_complaint_steps_in_order_and_groups() -> None:
    assert next_step([]) is Step.LISTEN
    check_step_order(Step.LISTEN, [])
    with pytest.raises(ValidationError):
        check_step_order(Step.PROPOSAL, [Step.LISTEN])
    assert next_step(list(Step)) is None
    assert parse_demands(["fix", "respect", "fix"]) == (parse_demands(["respect"])[0],
                                                         parse_demands(["fix"])[0])
    with pytest.raises(ValidationError):
        parse_demands([])
    with pytest.raises(ValidationError):
        check_group(GroupKind.CORE, None, ["c1", "c2"])
    with pytest.raises(ValidationError):
        check_group(GroupKind.TEAM, "c9", ["c1", "c2"])
    check_group(GroupKind.SCATTERED, None, ["c1", "c2"])
