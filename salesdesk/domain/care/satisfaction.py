"""The on-site satisfaction score card and the figures supervisors read.

Items and order follow the seeds' survey (000, 柏翠园满意度调查): the centre's layout and order,
the consultant understood my needs, the subscription / signing / mortgage steps, care after the
sale, trust in the developer. Each is scored 1-5. On a 100 scale a score is 感受值 / 期望值
(004's satisfaction formula) with the expectation at the top mark: 5 -> 100, 4 -> 80. The seeds'
plan targets 90. A score below 4 opens the escalation chain (策略九)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from salesdesk.domain.errors import ValidationError

MIN_SCORE, MAX_SCORE = 1, 5
ESCALATE_BELOW = 4
DEFAULT_TARGET = 90.0


class SatisfactionItem(StrEnum):
    LAYOUT = "layout"
    NEEDS = "needs"
    PROCESS = "process"
    AFTER_SALE = "after_sale"
    TRUST = "trust"


ITEMS: tuple[SatisfactionItem, ...] = tuple(SatisfactionItem)

ITEM_LABELS_ZH: dict[SatisfactionItem, str] = {
    SatisfactionItem.LAYOUT: "销售现场布置舒适，管理有序",
    SatisfactionItem.NEEDS: "销售人员能理解购房需求，并提供合理的建议",
    SatisfactionItem.PROCESS: "签约、付款、按揭等购房手续规范、便捷",
    SatisfactionItem.AFTER_SALE: "售后持续关心和关注",
    SatisfactionItem.TRUST: "在整个买房过程中，开发商是值得信任的",
}

ITEM_SHORT_ZH: dict[SatisfactionItem, str] = {
    SatisfactionItem.LAYOUT: "现场布置",
    SatisfactionItem.NEEDS: "理解需求",
    SatisfactionItem.PROCESS: "手续便捷",
    SatisfactionItem.AFTER_SALE: "售后关心",
    SatisfactionItem.TRUST: "值得信任",
}


class Occasion(StrEnum):
    OPENING = "opening"  # 开盘当天
    SIGNING = "signing"  # 签约后
    FOLLOW_UP = "follow_up"


OCCASION_LABELS_ZH = {Occasion.OPENING: "开盘当天", Occasion.SIGNING: "签约后",
                      Occasion.FOLLOW_UP: "回访"}


def to_100(score: float) -> float:
    return round(score / MAX_SCORE * 100, 1)


@dataclass(frozen=True)
class CardResult:
    scores: dict[SatisfactionItem, int]
    score100: float
    low_items: tuple[SatisfactionItem, ...]

    @property
    def needs_escalation(self) -> bool:
        return bool(self.low_items)


def score_card(scores: Mapping[str, int]) -> CardResult:
    """Check a card (every item, each 1-5) and score it. Raises before anything is stored."""
    clean: dict[SatisfactionItem, int] = {}
    for item in ITEMS:
        if item.value not in scores:
            raise ValidationError(f"请为“{ITEM_LABELS_ZH[item]}”打分",
                                  en=f"Score the item '{item.value}'", field=item.value)
        value = scores[item.value]
        if isinstance(value, bool) or not isinstance(value, int) or \
                not MIN_SCORE <= value <= MAX_SCORE:
            raise ValidationError(
                f"“{ITEM_SHORT_ZH[item]}”的分数须为 1–5 分（收到 {value!r}）",
                en=f"'{item.value}' must be scored 1-5 (got {value!r})", field=item.value)
        clean[item] = value
    extra = set(scores) - {i.value for i in ITEMS}
    if extra:
        raise ValidationError("评分卡中有未知的项目", en=f"Unknown items: {sorted(extra)}",
                              field="scores")
    mean = sum(clean.values()) / len(clean)
    low = tuple(i for i in ITEMS if clean[i] < ESCALATE_BELOW)
    return CardResult(clean, to_100(mean), low)


@dataclass(frozen=True)
class CardFact:
    """One stored card, as the figures need it."""

    consultant_id: str | None
    on: date
    scores: Mapping[SatisfactionItem, int]


@dataclass(frozen=True)
class Figure:
    label: str
    key: str
    cards: int
    score100: float | None
    low_cards: int  # cards with at least one item below 4
    meets_target: bool


def _figure(label: str, key: str, cards: list[CardFact], target: float,
            item: SatisfactionItem | None = None) -> Figure:
    if item is None:
        values = [sum(c.scores.values()) / len(c.scores) for c in cards if c.scores]
    else:
        values = [float(c.scores[item]) for c in cards if item in c.scores]
    score = to_100(sum(values) / len(values)) if values else None
    low = sum(1 for c in cards if any(v < ESCALATE_BELOW for v in c.scores.values()))
    return Figure(label, key, len(cards), score, low, score is not None and score >= target)


@dataclass(frozen=True)
class SatisfactionFigures:
    target: float
    overall: Figure
    by_item: tuple[Figure, ...]
    by_consultant: tuple[Figure, ...]
    by_month: tuple[Figure, ...]


def satisfaction_figures(cards: Iterable[CardFact], target: float,
                         consultant_names: Mapping[str, str]) -> SatisfactionFigures:
    """Per item, per consultant and per month, each on the 100 scale against the target."""
    facts = list(cards)
    by_item = tuple(_figure(ITEM_SHORT_ZH[i], i.value, facts, target, i) for i in ITEMS)
    per_consultant: dict[str, list[CardFact]] = defaultdict(list)
    per_month: dict[str, list[CardFact]] = defaultdict(list)
    for c in facts:
        per_consultant[c.consultant_id or ""].append(c)
        per_month[f"{c.on.year}-{c.on.month:02d}"].append(c)
    consultants = sorted(
        (_figure(consultant_names.get(k, "（未分配）") if k else "（未分配）", k, v, target)
         for k, v in per_consultant.items()),
        key=lambda f: (f.score100 is None, -(f.score100 or 0), f.label))
    months = tuple(_figure(k, k, per_month[k], target) for k in sorted(per_month))
    return SatisfactionFigures(target, _figure("全部", "all", facts, target), by_item,
                               tuple(consultants), months)


@dataclass(frozen=True)
class TaskFact:
    owner_staff_id: str | None
    due_on: date
    done_on: date | None


@dataclass(frozen=True)
class OnTimeFigure:
    owner_staff_id: str
    label: str
    done: int
    done_on_time: int
    open: int
    overdue: int

    @property
    def on_time_rate(self) -> float | None:
        return round(self.done_on_time / self.done * 100, 1) if self.done else None


def on_time_figures(tasks: Iterable[TaskFact], today: date,
                    names: Mapping[str, str]) -> list[OnTimeFigure]:
    """Per consultant: tasks done, done on time, still open, overdue."""
    acc: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for t in tasks:
        row = acc[t.owner_staff_id or ""]
        if t.done_on is not None:
            row[0] += 1
            row[1] += int(t.done_on <= t.due_on)
        else:
            row[2] += 1
            row[3] += int(today > t.due_on)
    return sorted(
        (OnTimeFigure(k, names.get(k, "（未分配）") if k else "（未分配）", *v)
         for k, v in acc.items()),
        key=lambda f: (-f.overdue, f.label))
