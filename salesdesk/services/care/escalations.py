"""The escalation chain of a low follow-up score (rule 10): each level's deadline (a project
setting), moving overdue tasks up, who received the customer, and a task as the owners' pages
show it. Runs inside the caller's unit of work."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from salesdesk.domain.disclosure import (
    ESCALATION_CHAIN,
    ESCALATION_LEVEL_ZH,
    EscalationLevel,
    RecordType,
    overdue_steps,
    parse_escalation_hours,
)
from salesdesk.domain.errors import NotFound
from salesdesk.services import audit
from salesdesk.services.care.results import EscalationInfo
from salesdesk.services.disclosure import CustomerRef, customer_ref, local_text
from salesdesk.store.queries import care_escalations as q
from salesdesk.store.queries.care import customer_row, setting_row
from salesdesk.store.queries.common import staff_names
from salesdesk.store.queries.customers import merged_ids
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.disclosure import EscalationTask

HOURS_KEY = "escalation_hours"


def escalation_hours(uow: UnitOfWork) -> dict[EscalationLevel, int]:
    """The project's deadline per level; a setting synced in that this version cannot read
    falls back to the defaults rather than stopping escalations."""
    row = setting_row(uow, HOURS_KEY)
    try:
        return parse_escalation_hours(json.loads(row.value) if row else {})
    except ValueError:
        return parse_escalation_hours({})


def level_due(uow: UnitOfWork, level: EscalationLevel, since: datetime) -> datetime:
    return since + timedelta(hours=escalation_hours(uow)[level])


def escalate_overdue(uow: UnitOfWork) -> list[str]:
    """Move every open task whose level's time is up to the next level (several, if several
    deadlines have passed), in the caller's unit of work. Returns the ids it moved."""
    now = uow.now()
    hours = escalation_hours(uow)
    moved: list[str] = []
    candidates = q.open_escalations(uow, below_level=ESCALATION_CHAIN[-1].value)
    for t in candidates:
        level = EscalationLevel(t.level)
        due = t.due_at or t.opened_at + timedelta(
            hours=sum(hours[lv] for lv in ESCALATION_CHAIN[:ESCALATION_CHAIN.index(level) + 1]))
        steps = overdue_steps(level, due, now, hours)
        if not steps:
            continue
        for up, _ in steps:
            t.history += (f"\n{local_text(now)} {ESCALATION_LEVEL_ZH[level]}逾期未处理，"
                          f"自动升级至{ESCALATION_LEVEL_ZH[up]}")
            level = up
        t.level, t.due_at = level.value, steps[-1][1]
        audit.record(uow, "follow_up.overdue", "escalation_task", t.id, level.value)
        moved.append(t.id)
    return moved


def responsible_consultant(uow: UnitOfWork, customer_id: str) -> str:
    """Who received the customer: the consultant of their latest disclosure round, or else
    the customer's attributed owner (serve who you received, strategy 7)."""
    sid = q.latest_consultant(uow, merged_ids(uow, customer_id), RecordType.ROUND.value)
    if sid:
        return str(sid)
    c = customer_row(uow, customer_id)
    return (c.owner_staff_id or "") if c else ""


def escalation_info(uow: UnitOfWork, t: EscalationTask, names: dict[str, str]) -> EscalationInfo:
    call = q.call_row(uow, t.follow_up_id)
    overdue = t.status == "open" and t.due_at is not None and t.due_at <= uow.now()
    try:
        customer = customer_ref(uow, t.customer_id)
    except NotFound:
        # The customer row has not arrived yet (or was removed): the task still lists, so one
        # row never hides every other escalation from the owners' pages.
        customer = CustomerRef(t.customer_id, "", "（客户资料不在本机）", "")
    return EscalationInfo(t.id, customer,
                          names.get(t.consultant_id, "—"), EscalationLevel(t.level), t.status,
                          t.opened_at, call.score if call else 0, t.history, t.outcome,
                          t.due_at, overdue, t.consultant_id)


def open_escalations_of(uow: UnitOfWork, customer_ids: list[str]) -> list[EscalationInfo]:
    """The open escalations of these customers (a signing booking and its checklist show them:
    resolve before signing)."""
    if not customer_ids:
        return []
    names = staff_names(uow)
    return [escalation_info(uow, t, names) for t in q.open_escalations_of_customers(uow, customer_ids)]
