"""What a public screen may show of the 称呼 reception typed: surname + 先生/女士, or nothing."""

from __future__ import annotations

import pytest

from salesdesk.domain.queue import public_name as queue_public_name
from salesdesk.domain.salutation import (
    COMPOUND_SURNAMES,
    public_name,
    public_salutation,
    surname,
)


@pytest.mark.parametrize(("typed", "shown"), [
    ("王先生", "王先生"),
    ("李女士", "李女士"),
    ("张小姐", "张女士"),
    ("陈太太", "陈女士"),
    ("刘夫人", "刘女士"),
    ("王小明先生", "王先生"),  # a full name with a title: the surname only
    ("王 小明 先生", "王先生"),
    ("　赵先生　", "赵先生"),  # full-width spaces around
    ("欧阳先生", "欧阳先生"),
    ("欧阳娜娜女士", "欧阳女士"),  # compound surnames are kept whole
    ("诸葛亮先生", "诸葛先生"),
    ("司马光先生", "司马先生"),
    ("上官婉儿女士", "上官女士"),
    ("东方小姐", "东方女士"),
    ("皇甫先生", "皇甫先生"),
    ("尉迟恭先生", "尉迟先生"),
    ("公孙先生", "公孙先生"),
    ("慕容复先生", "慕容先生"),
    ("长孙女士", "长孙女士"),
    ("宇文先生", "宇文先生"),
    ("司徒小姐", "司徒女士"),
    ("夏侯先生", "夏侯先生"),
    ("令狐冲先生", "令狐先生"),
    ("歐陽先生", "歐陽先生"),  # traditional characters
    ("欧先生", "欧先生"),  # 欧 alone is a surname too
])
def test_surname_and_title_are_kept(typed: str, shown: str) -> None:
    assert public_salutation(typed) == shown


@pytest.mark.parametrize("typed", [
    "",
    "   ",
    "\t\n",
    "王小明",  # a full name without a title: the gender is unknown, the name must not show
    "王",
    "小王",
    "欧阳娜娜",
    "先生",  # a title without a surname
    "女士",
    "13812345678",  # a phone typed as the salutation
    "138 1234 5678",
    "+8613812345678",
    "13812345678先生",
    "王13812345678先生",
    "王先生13812345678",  # the phone after the title
    "王先生 138",
    "Mr Wang",
    "Wang先生",
    "John Smith",
    "王先生（VIP）",
    "王先生/女士",
    "王先生和王太太",  # two people
    "王先生王女士",
    "王小明的爸爸先生",  # too long to be a name
    "王老师",  # not a gendered title
    "王总",
])
def test_anything_else_shows_the_ticket_alone(typed: str) -> None:
    assert public_salutation(typed) is None


def test_nothing_typed_is_echoed() -> None:
    """Whatever goes in, what comes out is a surname and one of two titles."""
    for typed in ("王小明先生", "诸葛孔明先生", "欧阳娜娜小姐", "陈美玲太太"):
        shown = public_salutation(typed)
        assert shown is not None
        assert shown.endswith(("先生", "女士"))
        assert len(shown) - 2 in (1, 2)
        assert "明" not in shown and "娜" not in shown and "玲" not in shown


def test_surname_of_a_registered_name() -> None:
    assert surname("王小明") == "王"
    assert surname("欧阳娜娜") == "欧阳"
    assert surname(" 诸葛 亮 ") == "诸葛"
    assert surname("John") is None
    assert surname("王2") is None
    assert surname("") is None
    assert all(len(s) == 2 for s in COMPOUND_SURNAMES)


def test_public_name_falls_back_to_the_registered_name() -> None:
    assert public_name("王先生", "王小明") == "王先生"
    assert public_name("王小明", "王小明") == "王先生/女士"  # typed unsafe: the name's surname
    assert public_name("13812345678", "欧阳娜娜") == "欧阳先生/女士"
    assert public_name("", "") is None
    assert public_name("13812345678", "") is None
    assert public_name("", "Smith") is None
    # The queue's helper (kiosk, floor, board) answers "" rather than None.
    assert queue_public_name("13812345678", "") == ""
    assert queue_public_name("欧阳女士", "") == "欧阳女士"
