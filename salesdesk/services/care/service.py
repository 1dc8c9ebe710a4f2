"""Customer care's facade: the follow-up plan (回访计划表) as the container and the screens use
it. Events in, tasks out (plan_tasks.py), messages queued when due (texts.py), outcomes recorded
on the consultant's list (task_list.py); each method here is one unit of work.

The subscription and signing code call ``add_event(uow, event)`` in their own unit of work (or
``on_event(actor, event)`` on its own); ``run_daily`` makes the birthday, holiday and
monthly-news tasks and sends the messages that are due."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date
from typing import Any

from salesdesk.domain.care.plan import CareEvent, CareEventKind, parse_plan, require_outcome
from salesdesk.domain.care.templates import validate_template
from salesdesk.domain.errors import NotFound, ValidationError
from salesdesk.domain.local_time import local_day
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.services.care import plan_tasks, task_list, texts
from salesdesk.services.care.results import DailyRun, TaskInfo, TemplateInfo
from salesdesk.services.care.support import (
    PLAN_KEY,
    TEMPLATE_PREFIX,
    plan_data,
    save_setting,
    template_texts,
)
from salesdesk.services.hooks import MaterialsSource, MessageSink
from salesdesk.services.messages import MessageOutbox
from salesdesk.store.database import Database
from salesdesk.store.queries import care as q
from salesdesk.store.uow import UnitOfWork


class CareService:
    def __init__(self, db: Database, *, sink: MessageSink | None = None,
                 materials: MaterialsSource | None = None) -> None:
        self._db = db
        # Every message to a customer goes through the one message outbox (sent from there).
        self.sink: MessageSink = sink if sink is not None else MessageOutbox(db)
        self.materials = materials
        # Wired to the appointment reminders (services/container.py) so one signing gets one
        # day-before text.
        self.signing_day_before: texts.DayBeforeText | None = None

    def today(self) -> date:
        return local_day(self._db.now())

    # --- events -> tasks ---------------------------------------------------------------

    def on_event(self, actor: Actor | None, event: CareEvent) -> list[TaskInfo]:
        """Make the plan's tasks for one event (idempotent) in a unit of work of its own."""
        if actor is not None:
            actor.require(Permission.RECORD_FOLLOW_UP)
        with self._db.uow(actor) as uow:
            ids = self.add_event(uow, event)
            uow.flush()
            infos = task_list.task_infos(uow, ids, self.today())
            uow.commit()
        return infos

    def add_event(self, uow: UnitOfWork, event: CareEvent) -> list[str]:
        """Inside the caller's unit of work (the subscription or signing itself): the tasks
        commit, or not, with it. Returns the ids of the event's tasks."""
        today = self.today()
        ids, maybe_due = plan_tasks.tasks_for(uow, event, today)
        # Only this event's own tasks are looked at: a booking is not the place to sweep the
        # whole centre's due messages (run_daily does that). A booking weeks ahead makes no
        # task due today, and then the outbox is not asked at all.
        if maybe_due:
            self.send_due_messages(uow, today, only=maybe_due)
        return ids

    def cancel_event(self, uow: UnitOfWork, kind: CareEventKind, customer_id: str, ref: str,
                     reason: str) -> int:
        """The event no longer holds (a signing moved to another day, a subscription
        withdrawn): its open tasks are cancelled with the reason, in the caller's unit of
        work. Done tasks stay as they are. Returns how many were cancelled."""
        return plan_tasks.cancel_event(uow, kind, customer_id, ref, reason)

    def run_daily(self, actor: Actor | None, today: date | None = None) -> DailyRun:
        """Birthday, holiday and monthly-news tasks for everyone in care (two weeks ahead),
        then the messages that are due. Safe to run many times a day."""
        day = today or self.today()
        with self._db.uow(actor) as uow:
            created = plan_tasks.scheduled_tasks(uow, day)
            uow.flush()
            queued = self.send_due_messages(uow, day)
            if created or queued:
                audit.record(uow, "care.daily", "follow_up_task", "",
                             f"tasks={created} messages={queued}")
            uow.commit()
        return DailyRun(created, queued)

    def send_due_messages(self, uow: UnitOfWork, day: date,
                          only: Collection[str] | None = None) -> int:
        """See texts.send_due_messages: due message tasks queued and closed."""
        return texts.send_due_messages(uow, day, self.sink, self.materials,
                                       self.signing_day_before, only)

    # --- messages ------------------------------------------------------------------------

    def values_for(self, uow: UnitOfWork, customer_id: str, owner_staff_id: str | None,
                   day: date | None = None, holiday: str = "") -> dict[str, str]:
        return texts.values_for(uow, customer_id, owner_staff_id, self.materials, day, holiday)

    def message_preview(self, actor: Actor, task_id: str) -> str:
        actor.require(Permission.RECORD_FOLLOW_UP)
        with self._db.reader(actor) as uow:
            task = task_list.live_task(uow, task_id)
            return texts.render_task(uow, task, self.materials)

    def templates(self, actor: Actor) -> list[TemplateInfo]:
        actor.require(Permission.RECORD_FOLLOW_UP)
        with self._db.reader(actor) as uow:
            return [TemplateInfo(k, t, x, e) for k, (t, x, e) in template_texts(uow).items()]

    def set_template(self, actor: Actor, key: str, text: str) -> TemplateInfo:
        actor.require(Permission.MANAGE_SETTINGS)
        body = validate_template(text)
        with self._db.uow(actor) as uow:
            known = template_texts(uow)
            if key not in known:
                raise NotFound(f"没有模板 {key}", en=f"No template {key}")
            title = known[key][0]
            save_setting(uow, TEMPLATE_PREFIX + key,
                         json.dumps({"title": title, "text": body}, ensure_ascii=False))
            audit.record(uow, "care.template", "care_setting", key)
            uow.commit()
        return TemplateInfo(key, title, body, True)

    def plan(self, actor: Actor) -> dict[str, Any]:
        actor.require(Permission.RECORD_FOLLOW_UP)
        with self._db.reader(actor) as uow:
            return plan_data(uow)

    def set_plan(self, actor: Actor, data: dict[str, Any]) -> None:
        """Replace the project's follow-up plan (checked first: a bad plan changes nothing)."""
        actor.require(Permission.MANAGE_SETTINGS)
        parse_plan(data)
        for key, tpl in data.get("templates", {}).items():
            try:
                validate_template(str(tpl["text"]))
            except (KeyError, TypeError) as exc:
                raise ValidationError(f"模板 {key} 格式不正确", en=f"Template {key} malformed",
                                      field="plan") from exc
        with self._db.uow(actor) as uow:
            save_setting(uow, PLAN_KEY, json.dumps(data, ensure_ascii=False))
            audit.record(uow, "care.plan", "care_setting", PLAN_KEY, str(data.get("version")))
            uow.commit()

    def set_birthday(self, actor: Actor, customer_id: str, birthday: date | None) -> None:
        actor.require(Permission.RECORD_FOLLOW_UP)
        if birthday is not None and not date(1900, 1, 1) <= birthday <= self.today():
            raise ValidationError("生日不合理", en="Implausible birthday", field="birthday")
        with self._db.uow(actor) as uow:
            if q.customer_row(uow, customer_id) is None:
                raise NotFound("没有这个客户", en="No such customer")
            profile = q.profile_of(uow, customer_id) or q.add_profile(uow, customer_id)
            profile.birthday = birthday
            audit.record(uow, "care.birthday", "care_profile", customer_id)
            uow.commit()

    # --- the consultant's list -------------------------------------------------------------

    def tasks(self, actor: Actor, *, everyone: bool = False, include_done: bool = False,
              limit: int = 500) -> list[TaskInfo]:
        """Own tasks (serve who you received); a supervisor may ask for everyone's. Overdue
        first, then by due day."""
        actor.require(Permission.RECORD_FOLLOW_UP)
        if everyone:
            actor.require(Permission.VIEW_SATISFACTION)
        with self._db.reader(actor) as uow:
            ids = q.task_ids(uow, owner_staff_id=None if everyone else actor.staff_id,
                             include_done=include_done, limit=limit)
            infos = task_list.task_infos(uow, ids, self.today())
        return sorted(infos, key=lambda t: (not t.overdue, not t.is_open, t.due_on))

    def record_outcome(self, actor: Actor, task_id: str, outcome: str,
                       done_on: date | None = None) -> TaskInfo:
        """Close a task with what happened. Only its owner or a supervisor. ``done_on`` is for
        a call made yesterday and written down today."""
        actor.require(Permission.RECORD_FOLLOW_UP)
        text = require_outcome(outcome)
        today = self.today()
        with self._db.uow(actor) as uow:
            task = task_list.close_task(uow, actor, task_id, text, done_on, today)
            uow.flush()
            info = task_list.task_infos(uow, [task.id], self.today())[0]
            uow.commit()
        return info
