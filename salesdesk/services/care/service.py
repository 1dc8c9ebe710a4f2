"""Follow-up tasks from the plan (回访计划表): events in, tasks out, outcomes recorded.

The lead calls ``CareService.add_event(uow, event)`` from the subscription and signing code (in
their own unit of work) or ``on_event(actor, event)`` on its own; ``run_daily`` makes the
birthday, holiday and monthly-news tasks and sends the messages that are due."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from salesdesk.domain.care.plan import (
    CHANNEL_LABELS_ZH,
    EVENT_LABELS_ZH,
    CareEvent,
    CareEventKind,
    Channel,
    TaskDraft,
    is_overdue,
    parse_plan,
    require_outcome,
    scheduled_events,
    tasks_for_event,
)
from salesdesk.domain.care.templates import customer_label, render, validate_template
from salesdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from salesdesk.domain.ids import derived_id
from salesdesk.domain.local_time import local_day
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.services.care.results import DailyRun, TaskInfo, TemplateInfo
from salesdesk.services.care.support import (
    PLAN_KEY,
    TEMPLATE_PREFIX,
    load_plan,
    plan_data,
    save_setting,
    template_texts,
    zh_date,
)
from salesdesk.services.hooks import MaterialsSource, MessageSink
from salesdesk.services.messages import MessageOutbox
from salesdesk.store.database import Database
from salesdesk.store.queries import care as q
from salesdesk.store.queries.common import staff_names, staff_row
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.care import FollowUpTask

DEFAULT_MATERIALS = ("身份证原件及复印件", "户口簿", "认购书及定金收据", "婚姻状况证明")
LOOKAHEAD_DAYS = 14  # greetings and the month's news show up two weeks ahead


class CareService:
    def __init__(self, db: Database, *, sink: MessageSink | None = None,
                 materials: MaterialsSource | None = None) -> None:
        self._db = db
        # Every message to a customer goes through the one message outbox (sent from there).
        self.sink: MessageSink = sink if sink is not None else MessageOutbox(db)
        self.materials = materials
        # (uow, signing appointment id) -> the booking's own day-before text's id, "" while not
        # yet queued, None without an open booking. Wired
        # to the appointment reminders (services/container.py) so one signing gets one text.
        self.signing_day_before: Callable[[UnitOfWork, str], str | None] | None = None

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
            infos = self._infos(uow, ids)
            uow.commit()
        return infos

    def add_event(self, uow: UnitOfWork, event: CareEvent) -> list[str]:
        """Inside the caller's unit of work (the subscription or signing itself): the tasks
        commit, or not, with it. Returns the ids of the event's tasks."""
        customer = q.customer_row(uow, event.customer_id)
        if customer is None or customer.deleted:
            raise NotFound("没有这个客户", en="No such customer")
        self._note_profile(uow, event)
        plan = load_plan(uow)
        ids = []
        for draft in tasks_for_event(plan, event, customer.owner_staff_id):
            ids.append(self._store_task(uow, draft, event))
        uow.flush()
        self.send_due_messages(uow, self.today())
        return ids

    def cancel_event(self, uow: UnitOfWork, kind: CareEventKind, customer_id: str, ref: str,
                     reason: str) -> int:
        """The event no longer holds (a signing moved to another day, a subscription
        withdrawn): its open tasks are cancelled with the reason, in the caller's unit of
        work. Done tasks stay as they are. Returns how many were cancelled."""
        prefix = f"{kind.value}:{customer_id}:{ref}:"
        tasks = q.open_tasks_with_key_prefix(uow, prefix)
        for task in tasks:
            task.status = "cancelled"
            task.outcome = f"已取消：{reason.strip() or '事件取消'}"
        if tasks:
            audit.record(uow, "care.tasks_cancelled", "follow_up_task", customer_id,
                         f"{kind.value} n={len(tasks)}")
        return len(tasks)

    def _note_profile(self, uow: UnitOfWork, event: CareEvent) -> None:
        profile = q.profile_of(uow, event.customer_id)
        if profile is None:
            if event.kind not in (CareEventKind.SUBSCRIBED, CareEventKind.DAY_BEFORE_SIGNING,
                                  CareEventKind.SIGNED, CareEventKind.LOW_SCORE):
                return
            profile = q.add_profile(uow, event.customer_id)
        if event.unit:
            profile.unit_label = event.unit
        if event.kind is CareEventKind.SUBSCRIBED:
            profile.subscribed_on = event.on
        if event.signing_on is not None:
            profile.signing_on = event.signing_on
        if event.kind is CareEventKind.DAY_BEFORE_SIGNING:
            profile.signing_on = event.on
        if event.kind is CareEventKind.SIGNED:
            profile.signed_on = event.on

    def _store_task(self, uow: UnitOfWork, draft: TaskDraft, event: CareEvent) -> str:
        existing = q.task_id_by_key(uow, draft.dedupe_key)
        if existing is not None:
            return existing
        # Made once per event whichever device hears it: the id is the dedupe key's.
        task = q.add_task(
            uow, id=derived_id("follow_up_task", draft.dedupe_key),
            customer_id=draft.customer_id, owner_staff_id=draft.owner_staff_id,
            event=draft.event.value, channel=draft.channel.value, template=draft.template,
            purpose=draft.purpose + (f"（{event.note}）" if event.note else ""),
            note=event.note,
            starts_on=draft.starts_on, due_on=draft.due_on, dedupe_key=draft.dedupe_key,
            source_id=event.ref[:36] if event.ref else "")
        uow.flush()
        return task.id

    def run_daily(self, actor: Actor | None, today: date | None = None) -> DailyRun:
        """Birthday, holiday and monthly-news tasks for everyone in care (a week ahead), then
        the messages that are due. Safe to run many times a day."""
        day = today or self.today()
        with self._db.uow(actor) as uow:
            plan = load_plan(uow)
            profiles = q.live_profiles(uow)
            created = 0
            for p in profiles:
                customer = q.customer_row(uow, p.customer_id)
                if customer is None or customer.deleted:
                    continue
                for ev in scheduled_events(plan, p.customer_id, p.birthday, day,
                                           day + timedelta(days=LOOKAHEAD_DAYS)):
                    for draft in tasks_for_event(plan, ev, customer.owner_staff_id):
                        if q.task_id_by_key(uow, draft.dedupe_key, live_only=False) is None:
                            self._store_task(uow, draft, ev)
                            created += 1
            uow.flush()
            queued = self.send_due_messages(uow, day)
            if created or queued:
                audit.record(uow, "care.daily", "follow_up_task", "",
                             f"tasks={created} messages={queued}")
            uow.commit()
        return DailyRun(created, queued)

    def send_due_messages(self, uow: UnitOfWork, day: date) -> int:
        """Message-channel tasks whose day has come go to the message outbox and close with
        that as their outcome (the template text is the record of what was said; whether it
        went out is the message's own status, on the consultant's list of messages)."""
        due = q.open_tasks_starting_by(uow, Channel.MESSAGE.value, day)
        count = 0
        for task in due:
            if task.due_on < day - timedelta(days=1):
                continue  # a greeting days late is worse than none: the consultant decides
            if task.event == CareEventKind.DAY_BEFORE_SIGNING.value and task.source_id \
                    and self.signing_day_before is not None:
                joined = self.signing_day_before(uow, task.source_id)
                if joined == "":
                    continue  # the booking's reminder is the text; it is not queued yet
                if joined is not None:
                    # The booking's reminder already says when, where and what to bring.
                    task.message_id, task.status, task.done_on = joined, "done", day
                    task.outcome = "已并入签约预约提醒短信（同一条短信）"
                    count += 1
                    continue
            text = self._render_task(uow, task)
            task.message_id = self.sink.queue_message(
                uow, customer_id=task.customer_id, staff_id=task.owner_staff_id,
                kind=f"care.{task.template}", text=text, dedupe_key=f"care:{task.dedupe_key}")
            task.status = "done"
            task.done_on = day
            task.outcome = f"短信已排入发送队列：{text}"
            count += 1
        return count

    # --- messages ------------------------------------------------------------------------

    def values_for(self, uow: UnitOfWork, customer_id: str, owner_staff_id: str | None,
                   day: date | None = None, holiday: str = "") -> dict[str, str]:
        customer = q.customer_row(uow, customer_id)
        profile = q.profile_of(uow, customer_id)
        owner = staff_row(uow, owner_staff_id)
        materials = list(DEFAULT_MATERIALS)
        if self.materials is not None:
            # The customer's own checklist: what is still missing. Empty means nothing is
            # missing (or no checklist yet), so only the originals every signing needs.
            materials = self.materials.materials_to_bring(customer_id, None) or [
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

    def _render_task(self, uow: UnitOfWork, task: FollowUpTask) -> str:
        texts = template_texts(uow)
        title_text = texts.get(task.template)
        if title_text is None:
            return task.purpose
        values = self.values_for(uow, task.customer_id, task.owner_staff_id, task.due_on,
                                 task.note)
        return render(title_text[1], values)

    def message_preview(self, actor: Actor, task_id: str) -> str:
        actor.require(Permission.RECORD_FOLLOW_UP)
        with self._db.reader(actor) as uow:
            task = self._task(uow, task_id)
            return self._render_task(uow, task)

    def templates(self, actor: Actor) -> list[TemplateInfo]:
        actor.require(Permission.RECORD_FOLLOW_UP)
        with self._db.reader(actor) as uow:
            return [TemplateInfo(k, t, x, e) for k, (t, x, e) in template_texts(uow).items()]

    def set_template(self, actor: Actor, key: str, text: str) -> TemplateInfo:
        actor.require(Permission.MANAGE_SETTINGS)
        body = validate_template(text)
        with self._db.uow(actor) as uow:
            texts = template_texts(uow)
            if key not in texts:
                raise NotFound(f"没有模板 {key}", en=f"No template {key}")
            title = texts[key][0]
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
            infos = self._infos(uow, ids)
        return sorted(infos, key=lambda t: (not t.overdue, not t.is_open, t.due_on))

    def record_outcome(self, actor: Actor, task_id: str, outcome: str,
                       done_on: date | None = None) -> TaskInfo:
        """Close a task with what happened. Only its owner or a supervisor. ``done_on`` is for
        a call made yesterday and written down today."""
        actor.require(Permission.RECORD_FOLLOW_UP)
        text = require_outcome(outcome)
        today = self.today()
        with self._db.uow(actor) as uow:
            task = self._task(uow, task_id)
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
            uow.flush()
            info = self._infos(uow, [task.id])[0]
            uow.commit()
        return info

    def _task(self, uow: UnitOfWork, task_id: str) -> FollowUpTask:
        task = q.task_row(uow, task_id)
        if task is None or task.deleted:
            raise NotFound("没有这个回访任务", en="No such follow-up task")
        return task

    def _infos(self, uow: UnitOfWork, ids: list[str]) -> list[TaskInfo]:
        names = staff_names(uow)
        today = self.today()
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
                EVENT_LABELS_ZH[event], channel, CHANNEL_LABELS_ZH[channel], t.purpose,
                t.starts_on, t.due_on, t.status,
                t.status == "open" and is_overdue(t.due_on, t.done_on, today), t.outcome,
                t.done_on, t.message_id, t.escalation_id,
                profile.birthday if profile else None))
        return out
