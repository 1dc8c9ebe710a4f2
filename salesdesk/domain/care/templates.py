"""Message templates: plain text with {placeholders} the care service fills per customer."""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Protocol

from salesdesk.domain.errors import ValidationError

PLACEHOLDERS: dict[str, str] = {
    "salutation": "客户称呼（王先生）",
    "unit": "房号",
    "date": "任务日期",
    "signing_date": "签约日期",
    "materials": "需携带的资料",
    "consultant": "置业顾问",
    "consultant_phone": "顾问工作电话",
    "project": "项目名称",
    "holiday": "节日名称",
    "successor": "接替的置业顾问",
    "successor_phone": "接替顾问工作电话",
}


def fields_of(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        raise ValidationError("模板中的花括号不成对", en=f"Unbalanced braces: {exc}",
                              field="text") from exc


def validate_template(text: str) -> str:
    body = text.strip()
    if not body:
        raise ValidationError("模板内容不能为空", en="The template is empty", field="text")
    if len(body) > 500:
        raise ValidationError("短信模板不超过 500 字", en="At most 500 characters",
                              field="text")
    unknown = sorted(n for n in fields_of(body) if n not in PLACEHOLDERS)
    if unknown:
        raise ValidationError(f"模板中有未知的占位符：{'、'.join(unknown)}",
                              en=f"Unknown placeholders: {', '.join(unknown)}", field="text")
    return body


def render(text: str, values: Mapping[str, str]) -> str:
    """Fill a validated template; a placeholder without a value becomes empty, never an error
    (a customer without a unit yet still gets the greeting)."""
    full = {name: values.get(name, "") for name in PLACEHOLDERS}
    return text.format_map(full).replace("  ", " ").strip()


class Addressee(Protocol):
    """A customer as a message addresses them (the store's customer row fits)."""

    @property
    def salutation(self) -> str: ...

    @property
    def name(self) -> str: ...


def customer_label(c: Addressee | None) -> str:
    """How a message or a care list names the customer: the salutation reception typed, else
    the surname with the neutral title; never the phone number."""
    if c is None:
        return "（已删除）"
    return c.salutation or (c.name[:1] + "先生/女士" if c.name else "客户")
