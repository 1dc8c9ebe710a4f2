"""The follow-up plan (回访计划表) as data, and the pure function that turns an event into tasks.

Seeds (000, 回访计划表): after subscription, within three days, call about the signing materials
and time; the day before signing, message the materials; after signing, within five days, follow
the loan; birthdays and holidays, greetings; every month, construction progress and news; a score
below 4 starts the escalation chain. "Serve who you received" (策略七): the consultant who
received the customer owns every task."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from salesdesk.domain.errors import ValidationError


class CareEventKind(StrEnum):
    SUBSCRIBED = "subscribed"
    DAY_BEFORE_SIGNING = "day_before_signing"
    SIGNED = "signed"
    BIRTHDAY = "birthday"
    HOLIDAY = "holiday"
    MONTHLY_NEWS = "monthly_news"
    LOW_SCORE = "low_score"
    REFUND = "refund"  # a subscription that lost its unit to another device's sale


EVENT_LABELS_ZH: dict[CareEventKind, str] = {
    CareEventKind.SUBSCRIBED: "认购后",
    CareEventKind.DAY_BEFORE_SIGNING: "签约前一日",
    CareEventKind.SIGNED: "签约后",
    CareEventKind.BIRTHDAY: "生日",
    CareEventKind.HOLIDAY: "节日",
    CareEventKind.MONTHLY_NEWS: "每月工程进度",
    CareEventKind.LOW_SCORE: "低分补救",
    CareEventKind.REFUND: "退订退款",
}


class Channel(StrEnum):
    CALL = "call"
    MESSAGE = "message"
    VISIT = "visit"


CHANNEL_LABELS_ZH: dict[Channel, str] = {
    Channel.CALL: "电话回访",
    Channel.MESSAGE: "短信",
    Channel.VISIT: "上门/到访",
}


@dataclass(frozen=True)
class PlanRule:
    """One row of the plan: an event makes a task that starts ``offset_days`` after the event's
    date and is due ``due_within_days`` after it starts."""

    event: CareEventKind
    channel: Channel
    template: str
    purpose: str
    offset_days: int = 0
    due_within_days: int = 0


@dataclass(frozen=True)
class FollowUpPlan:
    version: str
    target_score: float
    rules: tuple[PlanRule, ...]
    holidays: dict[int, tuple[tuple[str, date], ...]] = field(default_factory=dict)
    monthly_news_day: int = 1

    def rules_for(self, kind: CareEventKind) -> tuple[PlanRule, ...]:
        return tuple(r for r in self.rules if r.event == kind)

    def holidays_between(self, start: date, end: date) -> list[tuple[str, date]]:
        """Holidays with start <= day <= end, in date order (dates are data per year)."""
        found = [(name, day) for year in range(start.year, end.year + 1)
                 for name, day in self.holidays.get(year, ()) if start <= day <= end]
        return sorted(found, key=lambda h: h[1])


def _bad(msg: str, en: str) -> ValidationError:
    return ValidationError(f"回访计划有误：{msg}", en=f"Follow-up plan: {en}", field="plan")


def parse_plan(data: dict[str, Any]) -> FollowUpPlan:
    """Read the plan from its JSON form, refusing anything a task could not be made from."""
    try:
        raw_rules = data["rules"]
        rules = []
        for i, r in enumerate(raw_rules):
            try:
                kind = CareEventKind(r["event"])
                channel = Channel(r["channel"])
            except ValueError as exc:
                raise _bad(f"第 {i + 1} 条的事件或方式不认识", f"rule {i + 1}: {exc}") from exc
            offset, within = int(r.get("offset_days", 0)), int(r.get("due_within_days", 0))
            if within < 0 or not -60 <= offset <= 60:
                raise _bad(f"第 {i + 1} 条的天数不合理", f"rule {i + 1}: bad day counts")
            template = str(r["template"]).strip()
            if not template:
                raise _bad(f"第 {i + 1} 条缺少模板", f"rule {i + 1}: no template")
            rules.append(PlanRule(kind, channel, template, str(r.get("purpose", "")), offset,
                                  within))
        holidays: dict[int, tuple[tuple[str, date], ...]] = {}
        for year, days in data.get("holidays", {}).items():
            holidays[int(year)] = tuple(
                (str(name), date.fromisoformat(str(day))) for name, day in days.items())
        target = float(data.get("target_score", 90))
        news_day = int(data.get("monthly_news_day", 1))
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, ValidationError):
            raise
        raise _bad("格式不正确", f"malformed ({exc})") from exc
    if not 0 < target <= 100:
        raise _bad("目标分须在 1–100 之间", "the target must be within 1-100")
    if not 1 <= news_day <= 28:
        raise _bad("每月新闻日须在 1–28 之间", "the monthly news day must be within 1-28")
    return FollowUpPlan(str(data.get("version", "")), target, tuple(rules), holidays, news_day)


@dataclass(frozen=True)
class CareEvent:
    """Something that happened to a customer after the deposit.

    ``on`` is the event's own day (Asia/Shanghai): the subscription day, the signing day (for
    DAY_BEFORE_SIGNING too), the birthday this year, the holiday, the month's news day.
    ``ref`` tells two events of one kind apart (a subscription id, "2026-春节", "2026-11")."""

    kind: CareEventKind
    customer_id: str
    on: date
    ref: str = ""
    unit: str = ""
    signing_on: date | None = None
    materials: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class TaskDraft:
    customer_id: str
    owner_staff_id: str | None
    event: CareEventKind
    channel: Channel
    template: str
    purpose: str
    starts_on: date
    due_on: date
    dedupe_key: str  # the same event twice makes the task once


def tasks_for_event(plan: FollowUpPlan, event: CareEvent,
                    owner_staff_id: str | None) -> list[TaskDraft]:
    """The tasks the plan asks for after ``event``, owned by the consultant who received the
    customer. Pure: the caller stores them (once per dedupe key)."""
    drafts = []
    for i, rule in enumerate(plan.rules_for(event.kind)):
        starts = event.on + timedelta(days=rule.offset_days)
        due = starts + timedelta(days=rule.due_within_days)
        key = f"{event.kind.value}:{event.customer_id}:{event.ref or event.on.isoformat()}:{i}"
        drafts.append(TaskDraft(event.customer_id, owner_staff_id, event.kind, rule.channel,
                                rule.template, rule.purpose, starts, due, key))
    return drafts


def birthday_in(year: int, birthday: date) -> date:
    """This year's birthday; 29 February falls on 28 February in other years."""
    try:
        return birthday.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


def scheduled_events(plan: FollowUpPlan, customer_id: str, birthday: date | None,
                     start: date, end: date) -> list[CareEvent]:
    """Birthday, holiday and monthly-news events of one customer in care between start and end
    (inclusive): what the daily run turns into tasks."""
    events: list[CareEvent] = []
    if birthday is not None:
        for year in range(start.year, end.year + 1):
            day = birthday_in(year, birthday)
            if start <= day <= end:
                events.append(CareEvent(CareEventKind.BIRTHDAY, customer_id, day, ref=str(year)))
    for name, day in plan.holidays_between(start, end):
        events.append(CareEvent(CareEventKind.HOLIDAY, customer_id, day,
                                ref=f"{day.year}-{name}", note=name))
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        day = date(y, m, plan.monthly_news_day)
        if start <= day <= end:
            events.append(CareEvent(CareEventKind.MONTHLY_NEWS, customer_id, day,
                                    ref=f"{y}-{m:02d}"))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return sorted(events, key=lambda e: e.on)


def is_overdue(due_on: date, done_on: date | None, today: date) -> bool:
    """Open past its due day. A task done late is not overdue any more, but not on time."""
    return done_on is None and today > due_on


def on_time(due_on: date, done_on: date | None) -> bool:
    return done_on is not None and done_on <= due_on


def require_outcome(outcome: str) -> str:
    """A task closes only with what actually happened written down."""
    text = outcome.strip()
    if len(text) < 2:
        raise ValidationError("请填写回访结果（至少两个字）再完成任务",
                              en="Write down the outcome before closing the task",
                              field="outcome")
    return text
