"""The message outbox: every text to a customer (appointment reminders, follow-up greetings,
the successor's introduction after a handover) is queued here and sent through one gateway.

Queueing happens inside the caller's unit of work and is idempotent on ``dedupe_key`` (unique
in the file), so an event that fires twice queues one message. Sending claims the message first
(``sending``, committed) and only then calls the gateway: two people pressing "send" at once, or
a retry after a crash, can never send it twice. A message stuck in ``sending`` is "result
unknown" until a person resolves it; a failure stays visible with its error until retried."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from salesdesk.domain.care.templates import customer_label
from salesdesk.domain.errors import Conflict, NotFound
from salesdesk.domain.ids import derived_id
from salesdesk.domain.local_time import local_day
from salesdesk.domain.roles import Actor, Permission, Role
from salesdesk.services import audit
from salesdesk.store.database import Database
from salesdesk.store.queries import messages as q
from salesdesk.store.queries.common import staff_names
from salesdesk.store.queries.customers import customer_row, customer_rows
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.appointments import ReminderMessage

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
APPOINTMENT_REMINDER = "appointment.reminder"


@dataclass(frozen=True)
class OutgoingMessage:
    message_id: str
    kind: str
    appointment_id: str | None
    customer_id: str | None
    staff_id: str | None
    text: str


@dataclass(frozen=True)
class Delivery:
    sent_by_staff: str | None
    note: str = ""


class GatewayError(Exception):
    """The gateway could not deliver; the message is marked failed with this text."""


class MessageGateway(Protocol):
    name: str

    def deliver(self, message: OutgoingMessage, actor: Actor) -> Delivery:
        """Deliver or raise GatewayError. Called outside any database transaction."""
        ...


class HandToConsultant:
    """The default gateway: the consultant copies or prints the text and sends it from their
    own phone; pressing "mark sent" records it as sent by them."""

    name = "hand_to_consultant"

    def deliver(self, message: OutgoingMessage, actor: Actor) -> Delivery:
        return Delivery(actor.staff_id, "由置业顾问发送")


@dataclass(frozen=True)
class MessageItem:
    id: str
    kind: str  # e.g. "care.birthday"; the screen names it
    customer_id: str | None
    customer: str  # the salutation, never the phone number
    staff_id: str | None
    staff: str
    text: str
    status: str
    attempts: int
    last_error: str
    created_at: datetime
    sent_at: datetime | None
    sent_by: str

    @property
    def can_send(self) -> bool:
        return self.status in (PENDING, FAILED)


class MessageOutbox:
    """The MessageSink every capability queues into, and the sending side."""

    def __init__(self, db: Database, gateway: MessageGateway | None = None) -> None:
        self._db = db
        self.gateway: MessageGateway = gateway or HandToConsultant()

    # --- queueing (inside the caller's unit of work) ---------------------------------------

    def queue_message(self, uow: UnitOfWork, *, customer_id: str, staff_id: str | None,
                      kind: str, text: str, dedupe_key: str) -> str:
        """The message's id, or "" when the customer may not be messaged (consent withdrawn,
        processing restricted, erased): nothing is queued for them."""
        existing = find(uow, dedupe_key)
        if existing is not None:
            return existing.id
        if blocked_reason(uow, customer_id):
            return ""
        return self.add(uow, kind=kind, customer_id=customer_id, staff_id=staff_id, text=text,
                        dedupe_key=dedupe_key, for_day=local_day(uow.now())).id

    def add(self, uow: UnitOfWork, *, kind: str, customer_id: str | None,
            staff_id: str | None, text: str, dedupe_key: str, for_day: date,
            appointment_id: str | None = None) -> ReminderMessage:
        # The id is the dedupe key's: two devices queueing the same message offline queue
        # one row, which sync merges (rule QueuedOnce) instead of colliding on the key.
        why = blocked_reason(uow, customer_id)
        # Blocked: kept (an appointment's reminder is looked up by its key), never sendable.
        return q.add_message(
            uow, id=derived_id("reminder_message", dedupe_key), kind=kind,
            appointment_id=appointment_id, customer_id=customer_id, staff_id=staff_id,
            dedupe_key=dedupe_key, for_day=for_day, gateway=self.gateway.name,
            text="" if why else text, status=FAILED if why else PENDING, attempts=0,
            last_error=why)

    # --- sending ---------------------------------------------------------------------------

    def send(self, actor: Actor, message_id: str) -> MessageItem:
        """Send one message through the gateway: at most once, failures kept visible."""
        actor.require(Permission.RECORD_FOLLOW_UP)
        self.deliver(actor, message_id)
        return self.item(actor, message_id)

    def deliver(self, actor: Actor, message_id: str) -> None:
        """Claim, call the gateway outside any transaction, record the result."""
        with self._db.uow(actor) as uow:
            m = q.message(uow, message_id)
            if m is None or m.deleted:
                raise NotFound("没有这条短信", en="No such message")
            if m.status == SENT:
                raise Conflict("该短信已发送过，不会重复发送",
                               en="This message was already sent; it is not sent twice")
            if m.status == SENDING:
                raise Conflict("该短信正在发送或结果未知，请先核实",
                               en="This message is being sent or its result is unknown")
            why = blocked_reason(uow, m.customer_id)
            if why:
                raise Conflict(why, en="This customer may not be messaged (consent withdrawn, "
                                       "processing restricted or data erased); nothing was sent")
            m.status = SENDING
            m.attempts += 1
            m.gateway = self.gateway.name
            outgoing = OutgoingMessage(m.id, m.kind, m.appointment_id, m.customer_id,
                                       m.staff_id, m.text)
            uow.commit()
        try:
            delivery = self.gateway.deliver(outgoing, actor)
        except GatewayError as exc:
            self._finish(actor, message_id, None, str(exc) or type(exc).__name__)
        else:
            self._finish(actor, message_id, delivery, "")

    def _finish(self, actor: Actor, message_id: str, delivery: Delivery | None,
                error: str) -> None:
        with self._db.uow(actor) as uow:
            m = q.message(uow, message_id)
            assert m is not None
            if delivery is None:
                m.status, m.last_error = FAILED, error
                audit.record(uow, "message.failed", "reminder_message", m.id, m.kind)
            else:
                m.status, m.last_error = SENT, ""
                m.sent_at = uow.now()
                m.sent_by_staff = delivery.sent_by_staff
                audit.record(uow, "message.sent", "reminder_message", m.id,
                             f"{m.kind} {self.gateway.name}")
            uow.commit()

    def resolve_unknown(self, actor: Actor, message_id: str, delivered: bool) -> None:
        """A person checked a message stuck in ``sending``: it went out, or it did not."""
        actor.require(Permission.RECORD_FOLLOW_UP)
        with self._db.uow(actor) as uow:
            m = q.message(uow, message_id)
            if m is None or m.status != SENDING:
                raise Conflict("该短信不在待核实状态", en="That message is not awaiting a check")
            if delivered:
                m.status, m.sent_at, m.sent_by_staff = SENT, uow.now(), actor.staff_id
            else:
                m.status, m.last_error = FAILED, "发送结果未知，经核实未送达"
            audit.record(uow, "message.resolved", "reminder_message", m.id,
                         "sent" if delivered else "failed")
            uow.commit()

    # --- reading -----------------------------------------------------------------------------

    def outgoing(self, actor: Actor, *, sent_within_days: int = 7) -> list[MessageItem]:
        """What the actor has to send (consultants: their own customers'; supervisors: all):
        waiting and failed first, then what went out recently."""
        actor.require(Permission.RECORD_FOLLOW_UP)
        with self._db.reader(actor) as uow:
            since = uow.now() - timedelta(days=sent_within_days)
            own = actor.role in (Role.CONSULTANT, Role.SENIOR_CONSULTANT)
            rows = q.outgoing(uow, SENT, since, actor.staff_id if own else None)
            items = _items(uow, rows)
        order = {FAILED: 0, SENDING: 1, PENDING: 2, SENT: 3}
        return sorted(items, key=lambda i: (order.get(i.status, 4), i.created_at))

    def item(self, actor: Actor, message_id: str) -> MessageItem:
        actor.require(Permission.RECORD_FOLLOW_UP)
        with self._db.reader(actor) as uow:
            m = q.message(uow, message_id)
            if m is None or m.deleted:
                raise NotFound("没有这条短信", en="No such message")
            return _items(uow, [m])[0]

    def for_customer(self, actor: Actor, customer_id: str) -> list[MessageItem]:
        actor.require(Permission.RECORD_FOLLOW_UP)
        with self._db.reader(actor) as uow:
            return _items(uow, q.of_customer(uow, customer_id))


def blocked_reason(uow: UnitOfWork, customer_id: str | None) -> str:
    """Why no message may go to this customer ("" when it may): withdrawn consent stops every
    message, and so do a restriction of processing and an erasure (issue 15 §1)."""
    if not customer_id:
        return ""
    c = customer_row(uow, customer_id)
    if c is None:
        return ""
    if c.erased_at is not None:
        return "客户个人信息已删除，不再发送短信"
    if c.restricted_at is not None:
        return "客户信息已限制处理，不发送短信"
    if c.consent_withdrawn_at is not None:
        return "客户已撤回同意，不再发送短信"
    return ""


def find(uow: UnitOfWork, dedupe_key: str) -> ReminderMessage | None:
    return q.by_key(uow, dedupe_key)


def find_many(uow: UnitOfWork, dedupe_keys: Collection[str]) -> dict[str, ReminderMessage]:
    """dedupe key -> message, for the keys that have one (one query)."""
    return {m.dedupe_key: m for m in q.by_keys(uow, dedupe_keys)}


def _items(uow: UnitOfWork, rows: list[ReminderMessage]) -> list[MessageItem]:
    names = staff_names(uow, [*(r.staff_id for r in rows), *(r.sent_by_staff for r in rows)])
    customers = customer_rows(uow, {r.customer_id for r in rows if r.customer_id})
    out = []
    for m in rows:
        c = customers.get(m.customer_id or "")
        who = "" if c is None else customer_label(c)
        out.append(MessageItem(
            m.id, m.kind, m.customer_id, who, m.staff_id,
            names.get(m.staff_id or "", ""), m.text, m.status, m.attempts, m.last_error,
            m.created_at, m.sent_at, names.get(m.sent_by_staff or "", "")))
    return out
