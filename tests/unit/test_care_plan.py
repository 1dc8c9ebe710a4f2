"""The follow-up plan: each event makes the seeds' tasks, owned by who received the customer."""

from __future__ import annotations

import json
from datetime import date

import pytest

from salesdesk.domain.care.plan import (
    CareEvent,
    CareEventKind,
    Channel,
    birthday_in,
    is_overdue,
    on_time,
    parse_plan,
    require_outcome,
    scheduled_events,
    tasks_for_event,
)
from salesdesk.domain.care.templates import render, validate_template
from salesdesk.domain.errors import ValidationError
from salesdesk.paths import RESOURCES

PLAN = parse_plan(json.loads((RESOURCES / "defaults" / "follow_up_plan.json").read_text("utf-8")))
DAY = date(2026, 11, 24)


def _tasks(kind: CareEventKind, on: date = DAY, **kw: object):  # type: ignore[no-untyped-def]
    return tasks_for_event(PLAN, CareEvent(kind, "cust-1", on, **kw), "consultant-1")  # type: ignore[arg-type]


def test_after_subscription_a_call_within_three_days() -> None:
    (task,) = _tasks(CareEventKind.SUBSCRIBED, ref="sub-1")
    assert (task.channel, task.starts_on, task.due_on) == (Channel.CALL, DAY, date(2026, 11, 27))
    assert task.owner_staff_id == "consultant-1"  # serve who you received
    assert "签约资料" in task.purpose


def test_day_before_signing_a_message_on_the_eve() -> None:
    (task,) = _tasks(CareEventKind.DAY_BEFORE_SIGNING, on=date(2026, 12, 1))
    assert task.channel is Channel.MESSAGE
    assert task.starts_on == task.due_on == date(2026, 11, 30)
    assert task.template == "signing_reminder"


def test_after_signing_congratulations_and_a_loan_call_within_five_days() -> None:
    tasks = _tasks(CareEventKind.SIGNED)
    assert {(t.channel, t.due_on) for t in tasks} == {
        (Channel.MESSAGE, DAY), (Channel.CALL, date(2026, 11, 29))}
    assert any("贷款" in t.purpose for t in tasks)


def test_birthday_holiday_monthly_and_low_score() -> None:
    (b,) = _tasks(CareEventKind.BIRTHDAY)
    (h,) = _tasks(CareEventKind.HOLIDAY, on=date(2027, 2, 6), note="春节")
    (m,) = _tasks(CareEventKind.MONTHLY_NEWS)
    (low,) = _tasks(CareEventKind.LOW_SCORE)
    assert (b.channel, b.due_on) == (Channel.MESSAGE, DAY)
    assert (h.template, h.due_on) == ("holiday", date(2027, 2, 6))
    assert (m.channel, m.due_on) == (Channel.CALL, date(2026, 12, 1))
    assert (low.channel, low.due_on) == (Channel.CALL, date(2026, 11, 25))


def test_the_same_event_twice_has_the_same_keys_and_different_events_do_not() -> None:
    a = _tasks(CareEventKind.SUBSCRIBED, ref="sub-1")
    assert [t.dedupe_key for t in a] == [t.dedupe_key for t in _tasks(CareEventKind.SUBSCRIBED,
                                                                         ref="sub-1")]
    assert a[0].dedupe_key != _tasks(CareEventKind.SUBSCRIBED, ref="sub-2")[0].dedupe_key


def test_holidays_are_data_per_year() -> None:
    names = [n for n, _ in PLAN.holidays_between(date(2026, 1, 1), date(2026, 12, 31))]
    assert names == ["春节", "元宵节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]
    assert PLAN.holidays_between(date(2027, 2, 1), date(2027, 2, 10)) == [
        ("春节", date(2027, 2, 6))]


def test_scheduled_events_in_a_window() -> None:
    events = scheduled_events(PLAN, "c", date(1980, 9, 28), date(2026, 9, 20), date(2026, 10, 6))
    kinds = [(e.kind, e.on) for e in events]
    assert (CareEventKind.HOLIDAY, date(2026, 9, 25)) in kinds  # 中秋
    assert (CareEventKind.BIRTHDAY, date(2026, 9, 28)) in kinds
    assert (CareEventKind.HOLIDAY, date(2026, 10, 1)) in kinds  # 国庆
    assert (CareEventKind.MONTHLY_NEWS, date(2026, 10, 5)) in kinds
    assert birthday_in(2026, date(2000, 2, 29)) == date(2026, 2, 28)


def test_overdue_and_on_time() -> None:
    assert is_overdue(date(2026, 11, 23), None, DAY)
    assert not is_overdue(DAY, None, DAY)
    assert not is_overdue(date(2026, 11, 1), date(2026, 11, 5), DAY)
    assert on_time(DAY, DAY) and not on_time(date(2026, 11, 23), DAY)


def test_an_outcome_needs_words() -> None:
    with pytest.raises(ValidationError) as err:
        require_outcome("  ")
    assert err.value.field == "outcome"
    assert require_outcome(" 已联系客户 ") == "已联系客户"


def test_a_bad_plan_is_refused() -> None:
    bad = {"rules": [{"event": "party", "channel": "call", "template": "x"}]}
    with pytest.raises(ValidationError):
        parse_plan(bad)
    with pytest.raises(ValidationError):
        parse_plan({"rules": [], "target_score": 120})


def test_templates_fill_and_refuse_unknown_placeholders() -> None:
    text = validate_template("{salutation}您好，{unit}签约日{signing_date}，请带{materials}")
    assert render(text, {"salutation": "王先生", "unit": "1-1203", "signing_date": "12月1日",
                         "materials": "身份证"}) == "王先生您好，1-1203签约日12月1日，请带身份证"
    with pytest.raises(ValidationError):
        validate_template("{phone_number}")
    with pytest.raises(ValidationError):
        validate_template("{salutation")
