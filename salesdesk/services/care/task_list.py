"""The consultant's follow-up list: tasks as the screen shows them, and closing one with what
happened (only its owner or a supervisor, on a plausible day)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from salesdesk.domain.care.plan import (
    CareEventKind,
    Channel,
    is_overdue,
)
from salesdesk.domain.care.templates import customer_label
from salesdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.services.care.results import TaskInfo
from salesdesk.store.queries import care as q
from salesdesk.store.queries.common import staff_names
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.care import FollowUpTask


def live_task(uow: UnitOfWork, task_id: str) -> FollowUpTask:
    task = q.task_row(uow, task_id)
    if task is None or task.deleted:
        raise NotFound("没有这个回访任务", en="No such follow-up task")
    return task


def close_task(uow: UnitOfWork, actor: Actor, task_id: str, text: str, done_on: date | None,
               today: date) -> FollowUpTask:
    task = live_task(uow, task_id)
    if task.owner_staff_id != actor.staff_id and \
            not actor.can(Permission.HANDOVER_CUSTOMERS):
        raise PermissionDenied("这不是您的回访任务", en="This is not your task")
    if task.status != "open":
        raise ValidationError("该任务已完成", en="The task is already closed",
                              field="outcome")
    if done_on is not None and not task.starts_on - timedelta(days=3) <= done_on <= today:
        raise ValidationError("完成日期不合理（不能是将来，也不能早于任务开始）",
                              en="Implausible completion date", field="done_on")
    task.status = "done"
    task.outcome = text
    task.done_on = done_on or today
    task.done_by_staff = actor.staff_id
    audit.record(uow, "care.task_done", "follow_up_task", task.id,
                 f"{task.event} on_time={task.done_on <= task.due_on}")
    return task


def task_infos(uow: UnitOfWork, ids: list[str], today: date) -> list[TaskInfo]:
    names = staff_names(uow)
    out = []
    for tid in ids:
        t = q.task_row(uow, tid)
        if t is None:
            continue
        c = q.customer_row(uow, t.customer_id)
        profile = q.profile_of(uow, t.customer_id)
        event, channel = CareEventKind(t.event), Channel(t.channel)
        out.append(TaskInfo(
            t.id, t.customer_id, customer_label(c), profile.unit_label if profile else "",
            t.owner_staff_id, names.get(t.owner_staff_id or "", "（未分配）"), event,
            channel, t.purpose,
            t.starts_on, t.due_on, t.status,
            t.status == "open" and is_overdue(t.due_on, t.done_on, today), t.outcome,
            t.done_on, t.message_id, t.escalation_id,
            profile.birthday if profile else None))
    return out
