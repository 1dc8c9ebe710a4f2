"""What care's messages to a customer say and when they go: the template filled with the
customer's facts, and the message-channel tasks whose day has come queued in the outbox."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date, timedelta
from typing import TYPE_CHECKING

from salesdesk.domain.care.plan import CareEventKind, Channel
from salesdesk.domain.care.templates import customer_label, render
from salesdesk.services.care.support import template_texts, zh_date
from salesdesk.services.hooks import MaterialsSource, MessageSink
from salesdesk.store.queries import care as q
from salesdesk.store.queries.common import staff_row
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.care import FollowUpTask

DEFAULT_MATERIALS = ("身份证原件及复印件", "户口簿", "认购书及定金收据", "婚姻状况证明")

# (uow, signing appointment ids) -> for each, the booking's own day-before text's id, "" while
# not yet queued, None without an open booking.
DayBeforeText = Callable[[UnitOfWork, Collection[str]], dict[str, str | None]]


def values_for(uow: UnitOfWork, customer_id: str, owner_staff_id: str | None,
               materials_source: MaterialsSource | None, day: date | None = None,
               holiday: str = "") -> dict[str, str]:
    customer = q.customer_row(uow, customer_id)
    profile = q.profile_of(uow, customer_id)
    owner = staff_row(uow, owner_staff_id)
    materials = list(DEFAULT_MATERIALS)
    if materials_source is not None:
        # The customer's own checklist: what is still missing. Empty means nothing is
        # missing (or no checklist yet), so only the originals every signing needs.
        materials = materials_source.materials_to_bring(customer_id, None) or [
            "身份证原件", "认购书原件（其他资料以签约资料清单为准）"]
    return {
        "salutation": customer_label(customer),
        "unit": profile.unit_label if profile else "",
        "date": zh_date(day),
        "signing_date": zh_date(profile.signing_on if profile else None) or "另行约定",
        "materials": "、".join(materials),
        "consultant": owner.name if owner else "",
        "consultant_phone": owner.phone if owner else "",
        "project": q.project_name(uow),
        "holiday": holiday,
    }


def render_task(uow: UnitOfWork, task: FollowUpTask,
                materials_source: MaterialsSource | None) -> str:
    title_text = template_texts(uow).get(task.template)
    if title_text is None:
        return task.purpose
    values = values_for(uow, task.customer_id, task.owner_staff_id, materials_source,
                        task.due_on, task.note)
    return render(title_text[1], values)


def send_due_messages(uow: UnitOfWork, day: date, sink: MessageSink,
                      materials_source: MaterialsSource | None,
                      day_before: DayBeforeText | None,
                      only: Collection[str] | None = None) -> int:
    """Message-channel tasks whose day has come go to the message outbox and close with
    that as their outcome (the template text is the record of what was said; whether it
    went out is the message's own status, on the consultant's list of messages). ``only``
    limits it to those tasks (an event's own)."""
    count = 0
    tasks = q.open_tasks_starting_by(uow, Channel.MESSAGE.value, day, only)
    # Every booking runs this for the whole centre: the bookings behind the day-before tasks
    # are asked about at once, not one by one.
    joined_texts = day_before(uow, {
        t.source_id for t in tasks
        if t.event == CareEventKind.DAY_BEFORE_SIGNING.value and t.source_id}) \
        if day_before is not None else {}
    for task in tasks:
        if task.due_on < day - timedelta(days=1):
            continue  # a greeting days late is worse than none: the consultant decides
        if task.event == CareEventKind.DAY_BEFORE_SIGNING.value and task.source_id \
                and day_before is not None:
            joined = joined_texts.get(task.source_id)
            if joined == "":
                continue  # the booking's reminder is the text; it is not queued yet
            if joined is not None:
                # The booking's reminder already says when, where and what to bring.
                task.message_id, task.status, task.done_on = joined, "done", day
                task.outcome = "已并入签约预约提醒短信（同一条短信）"
                count += 1
                continue
        text = render_task(uow, task, materials_source)
        task.message_id = sink.queue_message(
            uow, customer_id=task.customer_id, staff_id=task.owner_staff_id,
            kind=f"care.{task.template}", text=text, dedupe_key=f"care:{task.dedupe_key}")
        task.status = "done"
        task.done_on = day
        task.outcome = f"短信已排入发送队列：{text}"
        count += 1
    return count
