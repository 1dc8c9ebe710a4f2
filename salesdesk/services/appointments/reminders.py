"""Reminders for tomorrow's appointments, through the message outbox (services/messages.py)
and its pluggable gateway.

A reminder is queued once per appointment and time (``dedupe_key`` is unique in the file);
sending claims it first, so it is never sent twice, and failures stay visible until retried."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from salesdesk.domain.appointments import OPEN_STATUSES, AppointmentKind, format_local
from salesdesk.domain.errors import Conflict, NotFound
from salesdesk.domain.local_time import day_bounds, local_day
from salesdesk.domain.roles import Actor, Permission, Role
from salesdesk.domain.signing_slots import DEFAULT_MATERIALS, desk_label
from salesdesk.services.appointments.centre import centre_place, load_settings
from salesdesk.services.appointments.infos import appointment_infos
from salesdesk.services.appointments.results import DUE, AppointmentInfo, ReminderItem
from salesdesk.services.hooks import MaterialsSource
from salesdesk.services.messages import (
    APPOINTMENT_REMINDER,
    FAILED,
    PENDING,
    SENDING,
    SENT,
    MessageGateway,
    MessageOutbox,
    OutgoingMessage,
    find,
    find_many,
)
from salesdesk.store.queries import appointments as q
from salesdesk.store.queries.common import staff_names, staff_row
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.database import Database
    from salesdesk.store.models.appointments import Appointment, ReminderMessage

_OPEN = [s.value for s in OPEN_STATUSES]

# The gateway types belong to the message outbox; the old names stay for callers.
OutgoingReminder = OutgoingMessage
ReminderGateway = MessageGateway


class DefaultMaterials:
    """The project's default list, until the signing-materials capability is wired in."""

    def materials_to_bring(self, customer_id: str, unit_id: str | None) -> list[str]:
        return list(DEFAULT_MATERIALS)


def withdraw_unsent(uow: UnitOfWork, appointment_id: str) -> int:
    """Withdraw the booking's reminders not sent yet (waiting or failed), as it is cancelled
    or moved: left in the outbox they would still go out with the old date, beside the new
    booking's own. Sent ones stay as history, and one being sent is not touched."""
    unsent = [m for m in q.reminder_messages_for(uow, [appointment_id])
              if m.status in (PENDING, FAILED)]
    for m in unsent:
        m.deleted = True
    return len(unsent)


def reminder_key(info: AppointmentInfo) -> str:
    return row_reminder_key(info.id, info.starts_at)


def row_reminder_key(appointment_id: str, starts_at: datetime) -> str:
    """The key from the row alone: a caller that only needs the key (the care plan asks once
    per due message) need not load names, phones and escalations for it."""
    return f"{appointment_id}@{starts_at:%Y%m%dT%H%MZ}"


def compose(uow: UnitOfWork, info: AppointmentInfo, materials: list[str]) -> str:
    """The message text: date, time, place, consultant's contact; materials for signing."""
    centre, _ = load_settings(uow)
    project = q.first_project(uow)
    consultant = staff_row(uow, info.consultant_id)
    head = f"【{project.name}】" if project else ""
    place = centre_place(uow, centre, info.kind)
    what = "办理签约" if info.kind == AppointmentKind.SIGNING else "到访洽谈"
    lines = [f"{head}{info.customer_salutation}您好，温馨提醒：您预约了"
             f"{format_local(info.starts_at)} 到{place}{what}。"]
    if info.kind == AppointmentKind.SIGNING and info.desk_no:
        lines.append(f"签约台：{desk_label(info.desk_no)}。")
    if info.kind == AppointmentKind.SIGNING and info.unit_number:
        lines.append(f"房号：{info.unit_number}。")
    if consultant is not None:
        contact = f"置业顾问：{consultant.name}"
        if consultant.phone:
            contact += f"，电话 {consultant.phone}"
        lines.append(contact + "。")
    if info.kind == AppointmentKind.SIGNING and materials:
        lines.append("请携带以下材料：")
        lines += [f"{n}. {m}" for n, m in enumerate(materials, 1)]
        # The care plan's day-before text said this; it is now folded into this one message.
        lines.append("按揭所需材料请一并准备。")
    lines.append("如需改期请提前联系置业顾问，期待您的到来！")
    return "\n".join(lines)


class ReminderService:
    def __init__(self, db: Database, materials: MaterialsSource | None = None,
                 gateway: MessageGateway | None = None,
                 outbox: MessageOutbox | None = None) -> None:
        self._db = db
        # The signing-materials capability's source is wired here (services/container.py).
        self.materials: MaterialsSource = materials or DefaultMaterials()
        self.outbox = outbox or MessageOutbox(db, gateway)
        if gateway is not None:
            self.outbox.gateway = gateway

    @property
    def gateway(self) -> MessageGateway:
        return self.outbox.gateway

    @gateway.setter
    def gateway(self, value: MessageGateway) -> None:
        self.outbox.gateway = value

    def tomorrow(self) -> date:
        return local_day(self._db.now()) + timedelta(days=1)

    @staticmethod
    def _appointments(uow: UnitOfWork, actor: Actor, day: date) -> list[Appointment]:
        start, end = day_bounds(day)
        own = actor.role in (Role.CONSULTANT, Role.SENIOR_CONSULTANT)
        return q.appointments_between(uow, start, end, statuses=_OPEN,
                                      consultant_id=actor.staff_id if own else None)

    def text_for(self, uow: UnitOfWork, info: AppointmentInfo) -> str:
        materials: list[str] = []
        if info.kind == AppointmentKind.SIGNING:
            # No list from the source (no checklist yet for this customer) falls back to the
            # project's default list: a signing reminder always says what to bring.
            materials = (self.materials.materials_to_bring(info.customer_id, info.unit_id)
                         or list(DEFAULT_MATERIALS))
        return compose(uow, info, materials)

    def due(self, actor: Actor, day: date | None = None) -> list[ReminderItem]:
        """Tomorrow's (or ``day``'s) open appointments with their message and its state."""
        actor.require(Permission.BOOK_APPOINTMENT)
        day = day or self.tomorrow()
        with self._db.reader(actor) as uow:
            rows = self._appointments(uow, actor, day)
            infos = appointment_infos(uow, rows)
            msgs = {m.appointment_id: m for m in q.reminder_messages_for(
                uow, [r.id for r in rows])} if rows else {}
            senders = staff_names(uow, (m.sent_by_staff for m in msgs.values()))
            out = []
            for info in infos:
                m = msgs.get(info.id)
                if m is None or m.dedupe_key != reminder_key(info):
                    out.append(ReminderItem(info, self.text_for(uow, info), DUE, None, 0, "",
                                            None, ""))
                else:
                    out.append(ReminderItem(info, m.text, m.status, m.id, m.attempts,
                                            m.last_error, m.sent_at,
                                            senders.get(m.sent_by_staff or "", "")))
            return out

    def queue(self, actor: Actor, day: date | None = None) -> int:
        """Put every due reminder of the day in the outbox (the evening run); returns how many
        were new. Running it again adds nothing."""
        actor.require(Permission.BOOK_APPOINTMENT)
        day = day or self.tomorrow()
        with self._db.uow(actor) as uow:
            rows = self._appointments(uow, actor, day)
            added = 0
            for info in appointment_infos(uow, rows):
                if find(uow, reminder_key(info)) is None:
                    self._new_message(uow, info, day)
                    added += 1
            uow.commit()
            return added

    def signing_day_before(self, uow: UnitOfWork, appointment_ids: Collection[str]
                           ) -> dict[str, str | None]:
        """The one day-before text of each signing booking (issue 15 §3), for the care plan's
        materials reminder, which must not send a second text: the reminder's message id once
        queued; "" while the booking is open but its reminder not yet queued (the evening run
        queues it with the checklist as it is then, so it is not frozen early here); None when
        the booking is gone or no longer open, so the care plan sends its own text.
        All asked at once (two queries), as the care plan checks every due task at each
        booking."""
        out: dict[str, str | None] = dict.fromkeys(appointment_ids)
        keys = {row.id: row_reminder_key(row.id, row.starts_at)
                for row in q.appointments_by_ids(uow, list(out))
                if not row.deleted and row.kind == AppointmentKind.SIGNING.value
                and row.status in _OPEN}
        messages = find_many(uow, keys.values())
        for appointment_id, key in keys.items():
            message = messages.get(key)
            out[appointment_id] = message.id if message is not None else ""
        return out

    def _new_message(self, uow: UnitOfWork, info: AppointmentInfo, day: date
                     ) -> ReminderMessage:
        return self.outbox.add(uow, kind=APPOINTMENT_REMINDER, customer_id=info.customer_id,
                               staff_id=info.consultant_id, text=self.text_for(uow, info),
                               dedupe_key=reminder_key(info), for_day=day, appointment_id=info.id)

    def send(self, actor: Actor, appointment_id: str) -> ReminderItem:
        """Send one reminder through the gateway: at most once, failures kept visible."""
        actor.require(Permission.BOOK_APPOINTMENT)
        with self._db.uow(actor) as uow:
            row = q.appointment(uow, appointment_id)
            if row is None or row.deleted:
                raise NotFound("没有这个预约", en="No such appointment")
            info = appointment_infos(uow, [row])[0]
            if not info.is_open:
                raise Conflict(f"预约已{info.status_label}，无需提醒",
                               en=f"The appointment is {info.status.value}; no reminder needed")
            m = (find(uow, reminder_key(info))
                 or self._new_message(uow, info, local_day(info.starts_at)))
            if m.status == SENT:
                raise Conflict("该提醒已发送过，不会重复发送",
                               en="This reminder was already sent; it is not sent twice")
            if m.status == SENDING:
                raise Conflict("该提醒正在发送或结果未知，请先核实",
                               en="This reminder is being sent or its result is unknown")
            message_id = m.id
            uow.commit()
        self.outbox.deliver(actor, message_id)
        return self._item(actor, appointment_id)

    def resolve_unknown(self, actor: Actor, message_id: str, delivered: bool) -> None:
        """A person checked a message stuck in ``sending``: it went out, or it did not."""
        actor.require(Permission.BOOK_APPOINTMENT)
        self.outbox.resolve_unknown(actor, message_id, delivered)

    def _item(self, actor: Actor, appointment_id: str) -> ReminderItem:
        with self._db.reader(actor) as uow:
            row = q.appointment(uow, appointment_id)
            assert row is not None
            info = appointment_infos(uow, [row])[0]
            m = find(uow, reminder_key(info))
            assert m is not None
            who = staff_names(uow, [m.sent_by_staff]).get(m.sent_by_staff or "", "")
            return ReminderItem(info, m.text, m.status, m.id, m.attempts, m.last_error,
                                m.sent_at, who)

    def failures(self, actor: Actor) -> list[ReminderItem]:
        """Every failed or unresolved message (kept visible until dealt with)."""
        actor.require(Permission.BOOK_APPOINTMENT)
        with self._db.reader(actor) as uow:
            msgs = q.reminder_messages_in(uow, APPOINTMENT_REMINDER, [FAILED, SENDING])
            rows = q.appointments_by_ids(uow, [m.appointment_id for m in msgs
                                               if m.appointment_id])
            infos = {i.id: i for i in appointment_infos(uow, rows)}
            return [ReminderItem(infos[m.appointment_id], m.text, m.status, m.id, m.attempts,
                                 m.last_error, m.sent_at, "")
                    for m in msgs if m.appointment_id and m.appointment_id in infos]
