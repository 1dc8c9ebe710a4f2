"""The follow-up plan's events become tasks: one set per event whichever device hears it, a
customer's care profile kept up to date, and tasks cancelled when their event no longer holds.
Every function runs inside the caller's unit of work."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from salesdesk.domain.care.plan import (
    CareEvent,
    CareEventKind,
    Channel,
    TaskDraft,
    scheduled_events,
    tasks_for_event,
)
from salesdesk.domain.errors import NotFound
from salesdesk.domain.ids import derived_id
from salesdesk.services import audit
from salesdesk.services.care.support import load_plan
from salesdesk.store.queries import care as q
from salesdesk.store.uow import UnitOfWork

LOOKAHEAD_DAYS = 14  # greetings and the month's news show up two weeks ahead

# The events that bring a customer into care; others only update a profile already there.
_OPENS_PROFILE = (CareEventKind.SUBSCRIBED, CareEventKind.DAY_BEFORE_SIGNING,
                  CareEventKind.SIGNED, CareEventKind.LOW_SCORE)


def tasks_for(uow: UnitOfWork, event: CareEvent, day: date) -> tuple[list[str], list[str]]:
    """Store the plan's tasks for the event (idempotent). Returns their ids, and those of
    them that may be message tasks due on ``day`` (the rest need no look in the outbox).

    Everything is read first (the plan, the customer's profile, which of the event's keys
    already have a task, in one query) and only then written: the new tasks as one Core
    executemany with their outbox entries."""
    customer = q.customer_owner(uow, event.customer_id)
    if customer is None or customer[0]:
        raise NotFound("没有这个客户", en="No such customer")
    plan = load_plan(uow)
    drafts = tasks_for_event(plan, event, customer[1])
    existing = q.task_ids_by_keys(uow, [d.dedupe_key for d in drafts])
    profile = q.profile_values(uow, event.customer_id)
    ids: list[str] = []
    # A task made earlier is asked about as before: its state is only known to the file.
    maybe_due = list(existing.values())
    new_rows = []
    for draft in drafts:
        known = existing.get(draft.dedupe_key)
        if known is None:
            fields = task_fields(draft, event)
            known = existing[draft.dedupe_key] = fields["id"]
            new_rows.append(fields)
            if draft.channel is Channel.MESSAGE and draft.starts_on <= day \
                    and draft.due_on >= day - timedelta(days=1):
                maybe_due.append(known)
        ids.append(known)
    changes = _profile_changes(event)
    new_profile = {"customer_id": event.customer_id, **changes} \
        if profile is None and event.kind in _OPENS_PROFILE else None
    q.insert_plan_rows(uow, new_profile, new_rows,
                       (profile, changes) if profile is not None else None)
    return ids, maybe_due


def cancel_event(uow: UnitOfWork, kind: CareEventKind, customer_id: str, ref: str,
                 reason: str) -> int:
    prefix = f"{kind.value}:{customer_id}:{ref}:"
    # A task done by folding into the booking's reminder is undone with it: the booking
    # withdraws that unsent text as it is moved or cancelled (appointments' reminders).
    tasks = q.open_tasks_with_key_prefix(uow, prefix) + q.tasks_of_withdrawn_messages(uow,
                                                                                    prefix)
    for task in tasks:
        task.status = "cancelled"
        task.outcome = f"已取消：{reason.strip() or '事件取消'}"
    if tasks:
        audit.record(uow, "care.tasks_cancelled", "follow_up_task", customer_id,
                     f"{kind.value} n={len(tasks)}")
    return len(tasks)


def _profile_changes(event: CareEvent) -> dict[str, object]:
    out: dict[str, object] = {}
    if event.unit:
        out["unit_label"] = event.unit
    if event.kind is CareEventKind.SUBSCRIBED:
        out["subscribed_on"] = event.on
    if event.signing_on is not None:
        out["signing_on"] = event.signing_on
    if event.kind is CareEventKind.DAY_BEFORE_SIGNING:
        out["signing_on"] = event.on
    if event.kind is CareEventKind.SIGNED:
        out["signed_on"] = event.on
    return out


def store_task(uow: UnitOfWork, draft: TaskDraft, event: CareEvent) -> str:
    existing = q.task_id_by_key(uow, draft.dedupe_key)
    if existing is not None:
        return existing
    task_id = add_task(uow, draft, event)
    uow.flush()
    return task_id


def add_task(uow: UnitOfWork, draft: TaskDraft, event: CareEvent) -> str:
    """The draft's task, not yet flushed; its id is known without the database."""
    fields = task_fields(draft, event)
    q.add_task(uow, **fields)
    return str(fields["id"])


def task_fields(draft: TaskDraft, event: CareEvent) -> dict[str, Any]:
    """The draft's task row. Made once per event whichever device hears it: the id is the
    dedupe key's."""
    return dict(
        id=derived_id("follow_up_task", draft.dedupe_key),
        customer_id=draft.customer_id, owner_staff_id=draft.owner_staff_id,
        event=draft.event.value, channel=draft.channel.value, template=draft.template,
        purpose=draft.purpose + (f"（{event.note}）" if event.note else ""),
        note=event.note,
        starts_on=draft.starts_on, due_on=draft.due_on, dedupe_key=draft.dedupe_key,
        source_id=event.ref[:36] if event.ref else "")


def scheduled_tasks(uow: UnitOfWork, day: date) -> int:
    """Birthday, holiday and monthly-news tasks for everyone in care, up to the lookahead;
    returns how many were made (a task ever made, even removed since, is not made again)."""
    plan = load_plan(uow)
    created = 0
    for p in q.live_profiles(uow):
        customer = q.customer_row(uow, p.customer_id)
        if customer is None or customer.deleted:
            continue
        for ev in scheduled_events(plan, p.customer_id, p.birthday, day,
                                   day + timedelta(days=LOOKAHEAD_DAYS)):
            for draft in tasks_for_event(plan, ev, customer.owner_staff_id):
                if q.task_id_by_key(uow, draft.dedupe_key, live_only=False) is None:
                    store_task(uow, draft, ev)
                    created += 1
    return created
