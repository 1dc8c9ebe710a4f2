"""What a public screen (the display board, the kiosk, the signing centre's board) may show of
how reception addresses a customer: the surname and a title, 王先生 / 欧阳女士, or nothing, in
which case the screen shows the ticket alone.

Reception types the 称呼 freely, and what it holds varies: 王先生, a full name (王小明), a full
name with a title (王小明先生), 小王, a phone number, an English name. Only the surname and a
gendered title are safe to show, so the rule keeps exactly those and nothing typed after or
around them:

- the text must be Chinese characters ending in a title: 先生 (shown as 先生), or 女士, 小姐,
  太太 or 夫人 (all shown as 女士, the neutral polite form);
- the characters before the title (1 to 4: surname and given name) must be Chinese; a compound
  surname (欧阳, 诸葛, 司马 …) is kept whole, otherwise the first character is the surname;
- anything else — no title (王小明: the gender is unknown, and 王先生/女士 on a big screen reads
  oddly), digits (a phone number typed into the field), Latin letters, punctuation, a second
  title, or nothing before the title — gives ``None``: the ticket alone.
The text is never echoed: the answer is built only from the surname and one of two titles."""

from __future__ import annotations

import re

# Compound surnames (复姓), simplified and traditional forms. Longest match first does not
# matter: none is a prefix of another.
COMPOUND_SURNAMES: frozenset[str] = frozenset({
    "欧阳", "诸葛", "司马", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
    "司徒", "夏侯", "令狐", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠",
    "轩辕", "钟离", "闻人", "赫连", "万俟", "端木", "百里", "呼延", "南宫", "西门", "独孤",
    "拓跋", "司空", "东郭", "公羊", "左丘", "乐正", "谷梁", "第五", "闾丘", "巫马", "亓官",
    "歐陽", "諸葛", "司馬", "東方", "尉遲", "公孫", "長孫", "軒轅", "鍾離", "聞人", "單于",
    "赫連", "萬俟", "東郭", "樂正", "閭丘", "巫馬",
})

MALE, FEMALE = "先生", "女士"
_TITLES: dict[str, str] = {"先生": MALE, "女士": FEMALE, "小姐": FEMALE, "太太": FEMALE,
                           "夫人": FEMALE}
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_MAX_NAME = 4  # surname + given name before the title; longer is not a salutation
_SPACES = re.compile(r"[\s\u3000]+")


def surname(name: str) -> str | None:
    """The surname of a Chinese name (compound surnames whole), or None if ``name`` is not
    made of Chinese characters only."""
    text = _SPACES.sub("", name)
    if not text or not _HAN.fullmatch(text):
        return None
    if len(text) >= 2 and text[:2] in COMPOUND_SURNAMES:
        return text[:2]
    return text[:1]


def public_salutation(text: str) -> str | None:
    """``text`` as a public screen may show it (surname + 先生/女士), or None: show the ticket
    alone. See the module docstring for the rule."""
    compact = _SPACES.sub("", text)
    for title, shown in _TITLES.items():
        if not compact.endswith(title):
            continue
        before = compact[: -len(title)]
        if not 1 <= len(before) <= _MAX_NAME or any(t in before for t in _TITLES):
            return None
        family = surname(before)
        return family + shown if family else None
    return None


def public_name(salutation: str, name: str) -> str | None:
    """The safe form of the salutation; failing that, the surname of the registered name with
    the neutral 先生/女士 (the name, unlike a free salutation, is known to be a name)."""
    safe = public_salutation(salutation)
    if safe:
        return safe
    family = surname(name)
    return f"{family}先生/女士" if family else None
