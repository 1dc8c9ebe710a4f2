"""Shared helpers of the care services: the follow-up plan, its templates, dates in words."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from salesdesk.domain.care.plan import FollowUpPlan, parse_plan
from salesdesk.paths import RESOURCES
from salesdesk.store.models.care import CareProfile, CareSetting
from salesdesk.store.models.project import Project
from salesdesk.store.uow import UnitOfWork

PLAN_FILE: Path = RESOURCES / "defaults" / "follow_up_plan.json"
PLAN_KEY = "follow_up_plan"
TEMPLATE_PREFIX = "template:"


def default_plan_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(PLAN_FILE.read_text(encoding="utf-8"))
    return data


def setting_row(uow: UnitOfWork, key: str) -> CareSetting | None:
    return uow.session.scalar(select(CareSetting).where(
        CareSetting.key == key, CareSetting.deleted.is_(False)
    ).order_by(CareSetting.created_at.desc()).limit(1))


def plan_data(uow: UnitOfWork) -> dict[str, Any]:
    row = setting_row(uow, PLAN_KEY)
    if row is None:
        return default_plan_data()
    data: dict[str, Any] = json.loads(row.value)
    return data


def load_plan(uow: UnitOfWork) -> FollowUpPlan:
    return parse_plan(plan_data(uow))


def template_texts(uow: UnitOfWork) -> dict[str, tuple[str, str, bool]]:
    """key -> (title, text, edited): the plan's defaults with the project's edits on top."""
    out = {k: (str(v.get("title", k)), str(v["text"]), False)
           for k, v in plan_data(uow).get("templates", {}).items()}
    rows = uow.session.scalars(select(CareSetting).where(
        CareSetting.key.startswith(TEMPLATE_PREFIX), CareSetting.deleted.is_(False)
    ).order_by(CareSetting.created_at)).all()
    for row in rows:
        key = row.key[len(TEMPLATE_PREFIX):]
        value = json.loads(row.value)
        out[key] = (str(value.get("title", out.get(key, (key,))[0])), str(value["text"]), True)
    return out


def profile_of(uow: UnitOfWork, customer_id: str) -> CareProfile | None:
    return uow.session.scalar(select(CareProfile).where(
        CareProfile.customer_id == customer_id, CareProfile.deleted.is_(False)).limit(1))


def project_name(uow: UnitOfWork) -> str:
    name = uow.session.scalar(select(Project.name).where(Project.deleted.is_(False))
                              .order_by(Project.created_at).limit(1))
    return name or ""


def zh_date(day: date | None) -> str:
    return "" if day is None else f"{day.month}月{day.day}日"
