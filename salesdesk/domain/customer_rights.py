"""The customer's rights over their data (PIPL; issue 15 §1): the pseudonym an erased customer
keeps, and when a prospect has been idle long enough to be anonymised."""

from __future__ import annotations

import hashlib
import re
from datetime import date

PSEUDONYM_PREFIX = "客户#"
DEFAULT_RETENTION_MONTHS = 24
# The wording of the consent the reception asks for; a new wording gets a new version, and the
# version a customer agreed to is kept with the time.
CONSENT_TEXT_VERSION = "2026.1"
# What a free text staff typed about an erased customer becomes. Not "": a figure may count the
# rows whose text is set (an invalid visit has a reason), and the reader sees it was erased.
ERASED_TEXT = "[已删除]"

_STAMP = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"
# The lines of an escalation's history that the program wrote (a score, an overdue move): they
# hold levels, scores and item names, never what anyone said, so they stay as they are.
_PROGRAM_LINES = tuple(re.compile(_STAMP + p) for p in (
    r" 回访评分 \d+ 分，转[^：\n]+跟进",
    r" [^：\n]+逾期未处理，自动升级至[^：\n]+",
    r" 满意度评分低于\d分：[^（）：\n]*（\w+），转[^：\n]+跟进",
))
# A step a staff member recorded: "<time> <staff>：<what was said>（已解决）".
_STAFF_LINE = re.compile(r"(" + _STAMP + r" [^：\n]{1,40})：.*?"
                         r"(（已解决）|（未解决，升级至[^（）：\n]*）)?")
_LINE_STAMP = re.compile(_STAMP)


def pseudonym(customer_id: str) -> str:
    """客户#3F2A: the same on every device (derived from the id, which the ledger keeps), and
    saying nothing about the person."""
    return PSEUDONYM_PREFIX + hashlib.sha256(customer_id.encode("utf-8")).hexdigest()[:4].upper()


def erased_text(text: str) -> str:
    """A free text about an erased customer: empty stays empty, anything else is erased."""
    return text if text == "" else ERASED_TEXT


def erased_history(history: str) -> str:
    """An escalation's history with what people said erased and its shape kept: every line keeps
    its time, a staff step keeps who and whether it was resolved or moved up, and the lines the
    program wrote (scores, overdue moves) stay whole, so the levels it went through still read."""
    out = []
    for line in history.split("\n"):
        if not line or any(p.fullmatch(line) for p in _PROGRAM_LINES):
            out.append(line)
        elif (m := _STAFF_LINE.fullmatch(line)) is not None:
            out.append(f"{m[1]}：{ERASED_TEXT}{m[2] or ''}")
        elif (stamp := _LINE_STAMP.match(line)) is not None:
            out.append(f"{stamp[0]} {ERASED_TEXT}")
        else:
            out.append(ERASED_TEXT)
    return "\n".join(out)


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day when it has fewer days)."""
    if months < 0:
        raise ValueError("months must not be negative")
    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")
