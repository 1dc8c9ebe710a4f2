"""Shared helpers of the care services: the follow-up plan, its templates, dates in words."""

from __future__ import annotations

import functools
import json
from datetime import date
from pathlib import Path
from typing import Any

from salesdesk.domain.care.plan import FollowUpPlan, parse_plan
from salesdesk.paths import RESOURCES
from salesdesk.store.queries import care as q
from salesdesk.store.uow import UnitOfWork

PLAN_FILE: Path = RESOURCES / "defaults" / "follow_up_plan.json"
PLAN_KEY = "follow_up_plan"
TEMPLATE_PREFIX = "template:"


def default_plan_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(PLAN_FILE.read_text(encoding="utf-8"))
    return data


def plan_data(uow: UnitOfWork) -> dict[str, Any]:
    row = q.setting_row(uow, PLAN_KEY)
    if row is None:
        return default_plan_data()
    data: dict[str, Any] = json.loads(row.value)
    return data


def load_plan(uow: UnitOfWork) -> FollowUpPlan:
    """The plan, parsed once per saved text: every signing booking asks for it."""
    text = q.setting_value(uow, PLAN_KEY)
    return _parsed(text if text is not None else _default_text())


@functools.lru_cache(maxsize=1)
def _default_text() -> str:
    return PLAN_FILE.read_text(encoding="utf-8")


@functools.lru_cache(maxsize=8)
def _parsed(text: str) -> FollowUpPlan:
    # A FollowUpPlan is frozen, so one parsed value can serve every caller.
    return parse_plan(json.loads(text))


def save_setting(uow: UnitOfWork, key: str, value: str) -> None:
    """A setting is one row per key: saved again, the newest live row is overwritten."""
    row = q.setting_row(uow, key)
    if row is None:
        q.add_setting(uow, key, value)
    else:
        row.value = value


def template_texts(uow: UnitOfWork) -> dict[str, tuple[str, str, bool]]:
    """key -> (title, text, edited): the plan's defaults with the project's edits on top."""
    out = {k: (str(v.get("title", k)), str(v["text"]), False)
           for k, v in plan_data(uow).get("templates", {}).items()}
    for row in q.settings_with_prefix(uow, TEMPLATE_PREFIX):
        key = row.key[len(TEMPLATE_PREFIX):]
        value = json.loads(row.value)
        out[key] = (str(value.get("title", out.get(key, (key,))[0])), str(value["text"]), True)
    return out


def zh_date(day: date | None) -> str:
    return "" if day is None else f"{day.month}月{day.day}日"
