"""The pseudonym an erased customer keeps, what the free texts about them become, and the
retention period's arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from salesdesk.domain.customer_rights import (
    ERASED_TEXT,
    erased_history,
    erased_text,
    months_before,
    pseudonym,
)


def test_pseudonym_is_stable_short_and_says_nothing() -> None:
    a = pseudonym("11810e10-e7a9-4433-9607-e7205923459f")
    assert a == pseudonym("11810e10-e7a9-4433-9607-e7205923459f")
    assert a.startswith("客户#") and len(a) == 7
    assert all(ch in "0123456789ABCDEF" for ch in a[3:])
    assert pseudonym("another-id") != a


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 11, 24), 24, date(2024, 11, 24)),
    (date(2026, 3, 31), 1, date(2026, 2, 28)),
    (date(2024, 3, 31), 1, date(2024, 2, 29)),
    (date(2026, 1, 15), 13, date(2024, 12, 15)),
    (date(2026, 5, 31), 0, date(2026, 5, 31)),
])
def test_months_before(day: date, months: int, expected: date) -> None:
    assert months_before(day, months) == expected


def test_months_before_refuses_a_negative_period() -> None:
    with pytest.raises(ValueError):
        months_before(date(2026, 1, 1), -1)


def test_an_erased_text_stays_empty_when_it_was_empty() -> None:
    assert erased_text("") == ""
    assert erased_text("欧阳娜娜投诉渗水") == ERASED_TEXT
    assert erased_text(ERASED_TEXT) == ERASED_TEXT


def test_an_erased_history_keeps_times_staff_levels_and_the_program_lines() -> None:
    history = "\n".join((
        "2026-12-01 10:00 回访评分 2 分，转置业顾问跟进",
        "2026-12-02 10:00 置业顾问逾期未处理，自动升级至销售主管",
        "2026-12-02 11:00 陈经理：欧阳娜娜说13911112222打不通（未解决，升级至营销总监）",
        "2026-12-03 09:30 李总监：上门致歉：欧阳娜娜接受（已解决）",
        "2026-12-04 09:00 满意度评分低于4分：讲解、服务（score_card），转置业顾问跟进",
        "2026-12-04 09:10 王五：欧阳娜娜（又来了）",
        "2026-12-05 08:00 没有冒号的一行，提到欧阳娜娜",
        "欧阳娜娜 without a time",
    ))
    erased = erased_history(history)
    assert "欧阳娜娜" not in erased and "13911112222" not in erased
    assert erased.split("\n") == [
        "2026-12-01 10:00 回访评分 2 分，转置业顾问跟进",
        "2026-12-02 10:00 置业顾问逾期未处理，自动升级至销售主管",
        f"2026-12-02 11:00 陈经理：{ERASED_TEXT}（未解决，升级至营销总监）",
        f"2026-12-03 09:30 李总监：{ERASED_TEXT}（已解决）",
        "2026-12-04 09:00 满意度评分低于4分：讲解、服务（score_card），转置业顾问跟进",
        f"2026-12-04 09:10 王五：{ERASED_TEXT}",
        f"2026-12-05 08:00 {ERASED_TEXT}",
        ERASED_TEXT,
    ]
    assert erased_history(erased) == erased  # erasing twice changes nothing more
    assert erased_history("") == ""
