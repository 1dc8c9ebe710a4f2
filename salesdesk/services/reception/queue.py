"""The consultant's queue: their parties and notices, and what they do with a party (call,
recall, start, finish, no-show, transfer, park). Every end of a reception dispatches the
waiting parties again."""

from __future__ import annotations

from datetime import timedelta

from salesdesk.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from salesdesk.domain.local_time import day_bounds, local_day
from salesdesk.domain.queue import Intent
from salesdesk.domain.roles import Actor, Permission
from salesdesk.domain.rotation import (
    AssignReason,
    DutyStatus,
    EventKind,
    RotationEvent,
    direct,
)
from salesdesk.services import audit
from salesdesk.services.reception.context import (
    ReceptionContext,
    load_settings,
    open_visits,
    queue_entry,
    set_ticket_status,
    staff_map,
    v_day,
    visit_for,
)
from salesdesk.services.reception.dispatch import assign, dispatch
from salesdesk.services.reception.results import MyQueue, QueueEntry
from salesdesk.store.queries import reception as q


def my_queue(ctx: ReceptionContext, actor: Actor) -> MyQueue:
    actor.require(Permission.VIEW_QUEUE)
    now = ctx.db.now()
    day = local_day(now)
    with ctx.db.reader(actor) as uow:
        rot = ctx.rotation(uow, day)
        staff = staff_map(uow)
        mine = [queue_entry(v, staff, now) for v in open_visits(uow, day)
                if v.consultant_id == actor.staff_id]
        notices = tuple(q.unread_notice_texts(uow, actor.staff_id, day_bounds(day)[0], 10))
        m = rot.state.member(actor.staff_id)
        status = m.status if m is not None else DutyStatus.OFF
        return MyQueue(
            status.value,
            m is not None and m.status is not DutyStatus.OFF,
            next((e for e in mine if e.status == "receiving"), None),
            tuple(e for e in mine if e.status in ("called", "waiting")),
            tuple(e for e in mine if e.status == "parked"), notices)


def call_next(ctx: ReceptionContext, actor: Actor) -> QueueEntry | None:
    """Call my next party to the board (the oldest assigned to me)."""
    actor.require(Permission.RECEIVE_CUSTOMER)
    now = ctx.db.now()
    with ctx.db.uow(actor) as uow:
        rot = ctx.rotation(uow, local_day(now))
        if rot.state.available(actor.staff_id):
            dispatch(uow, rot, load_settings(uow), ctx.db.now())
            uow.flush()
        mine = [v for v in open_visits(uow, local_day(now))
                if v.consultant_id == actor.staff_id and v.status in ("called", "waiting")]
        if not mine:
            uow.commit()
            rot.committed()
            return None
        v = mine[0]
        if v.status == "waiting":
            if not rot.state.available(actor.staff_id):
                raise Conflict("请先结束当前接待", en="Finish your current reception first")
            reason = AssignReason.APPOINTMENT if v.route == "appointment" else (
                AssignReason.OWNER_BACKUP if v.route == "backup"
                else AssignReason.RETURNING_OWNER)
            assign(rot, v, actor.staff_id, (direct(rot.state, actor.staff_id, reason),), now)
        else:
            v.called_at = now
        set_ticket_status(uow, v.id, "called")
        uow.flush()
        entry = queue_entry(v, staff_map(uow), now)
        uow.commit()
        rot.committed()
        return entry


def recall(ctx: ReceptionContext, actor: Actor, visit_id: str) -> None:
    actor.require(Permission.RECEIVE_CUSTOMER)
    with ctx.db.uow(actor) as uow:
        v = visit_for(uow, actor, visit_id)
        if v.status != "called":
            raise Conflict("只有已叫号的客户可以重新叫号", en="Only a called party can be recalled")
        v.called_at = ctx.db.now()
        v.recalls += 1
        set_ticket_status(uow, v.id, "called")
        uow.commit()


def start(ctx: ReceptionContext, actor: Actor, visit_id: str) -> None:
    actor.require(Permission.RECEIVE_CUSTOMER)
    with ctx.db.uow(actor) as uow:
        v = visit_for(uow, actor, visit_id)
        if v.status not in ("called", "parked"):
            raise Conflict("这组客户不在待接待状态", en="This party is not waiting to be received")
        rot = ctx.rotation(uow, v_day(v))
        if v.status == "parked":
            if not rot.state.available(v.consultant_id or ""):
                raise Conflict("请先结束当前接待", en="Finish your current reception first")
            rot.record(direct(rot.state, v.consultant_id or "", AssignReason.RESUME, v.id))
        now = ctx.db.now()
        v.status = "receiving"
        if v.started_at is None:
            v.started_at = now
        if v.called_at is None:
            v.called_at = now
        set_ticket_status(uow, v.id, "serving")
        uow.commit()
        rot.committed()


def finish(ctx: ReceptionContext, actor: Actor, visit_id: str, *, intent: str = "",
           units: str = "", notes: str = "", invalid_reason: str = "") -> None:
    """End a reception. A valid first reception makes the consultant the customer's owner
    (first valid registration wins); an invalid one gives the turn back (补位)."""
    actor.require(Permission.RECEIVE_CUSTOMER)
    invalid = invalid_reason.strip()
    if not invalid and intent not in {i.value for i in Intent}:
        raise ValidationError("请选择意向等级 A/B/C", en="Choose the intent A, B or C",
                              field="intent")
    with ctx.db.uow(actor) as uow:
        v = visit_for(uow, actor, visit_id)
        if v.status not in ("receiving", "called"):
            raise Conflict("这组客户不在接待中", en="This party is not being received")
        now = ctx.db.now()
        v.status = "finished"
        v.finished_at = now
        if v.started_at is None:
            v.started_at = now
        v.intent = "" if invalid else intent
        v.units_of_interest = units.strip()[:400]
        v.notes = notes.strip()
        v.invalid_reason = invalid[:200]
        set_ticket_status(uow, v.id, "done")
        rot = ctx.rotation(uow, v_day(v))
        sid = v.consultant_id or ""
        if invalid:
            rot.record(RotationEvent(EventKind.RESTORE, sid, "invalid", invalid, v.id))
        else:
            rot.record(RotationEvent(EventKind.FINISH, sid, visit_id=v.id))
            c = q.customer(uow, v.customer_id)
            if c is not None and c.owner_staff_id is None and sid:
                c.owner_staff_id = sid
                audit.record(uow, "customer.attributed", "customer", c.id, "first reception")
        audit.record(uow, "reception.finish", "visit", v.id,
                     "invalid" if invalid else f"intent={intent}")
        dispatch(uow, rot, load_settings(uow), ctx.db.now())
        uow.commit()
        rot.committed()


def no_show(ctx: ReceptionContext, actor: Actor, visit_id: str) -> None:
    """A called party did not come forward within the configured minutes."""
    actor.require(Permission.RECEIVE_CUSTOMER)
    with ctx.db.uow(actor) as uow:
        v = visit_for(uow, actor, visit_id)
        if v.status != "called" or v.called_at is None:
            raise Conflict("只有已叫号的客户可以标记未到", en="Only a called party can be a no-show")
        settings = load_settings(uow)
        now = ctx.db.now()
        if now - v.called_at < timedelta(minutes=settings.no_show_minutes):
            raise Conflict(f"叫号后 {settings.no_show_minutes} 分钟才能标记未到",
                           en=f"Wait {settings.no_show_minutes} minutes after calling")
        v.status = "no_show"
        v.finished_at = now
        set_ticket_status(uow, v.id, "no_show")
        rot = ctx.rotation(uow, v_day(v))
        if v.consultant_id:
            rot.record(RotationEvent(EventKind.RESTORE, v.consultant_id, "no_show",
                                     visit_id=v.id))
        audit.record(uow, "reception.no_show", "visit", v.id)
        dispatch(uow, rot, settings, ctx.db.now())
        uow.commit()
        rot.committed()


def transfer(ctx: ReceptionContext, actor: Actor, visit_id: str, to_staff_id: str,
             reason: str = "") -> None:
    actor.require(Permission.RECEIVE_CUSTOMER)
    if not reason.strip():
        raise ValidationError("转交须填写原因", en="A transfer needs a reason", field="reason")
    with ctx.db.uow(actor) as uow:
        v = visit_for(uow, actor, visit_id)
        if v.status not in ("called", "receiving", "parked", "waiting"):
            raise Conflict("这组客户已结束", en="This party is closed")
        if to_staff_id == v.consultant_id:
            raise ValidationError("请选择其他同事", en="Choose another colleague",
                                  field="to_staff")
        rot = ctx.rotation(uow, v_day(v))
        if not rot.state.on_duty(to_staff_id):
            raise Conflict("该同事今日不在岗", en="That colleague is not on duty",
                           field="to_staff")
        now = ctx.db.now()
        if v.consultant_id and v.status in ("called", "receiving"):
            rot.record(RotationEvent(EventKind.FINISH, v.consultant_id, "transfer",
                                     reason.strip(), v.id))
        v.consultant_id = to_staff_id
        v.route = "transfer" if v.route == "rotation" else v.route
        if rot.state.available(to_staff_id):
            rot.record(RotationEvent(EventKind.ASSIGN, to_staff_id,
                                     AssignReason.TRANSFER.value, reason.strip(), v.id))
            v.status, v.called_at = "called", now
            set_ticket_status(uow, v.id, "called")
        else:
            v.status = "waiting"
        audit.record(uow, "reception.transfer", "visit", v.id, reason.strip()[:200])
        dispatch(uow, rot, load_settings(uow), ctx.db.now())
        uow.commit()
        rot.committed()


def reassign(ctx: ReceptionContext, actor: Actor, visit_id: str, to_staff_id: str,
             reason: str) -> None:
    """Reception takes a party from a consultant who has not started on it (away, not coming
    forward) and gives it to a colleague, or back to the rotation when ``to_staff_id`` is
    empty. Logged in the rotation with the reason; the absent consultant is put on a break."""
    if not (actor.can(Permission.CHECK_IN) or actor.can(Permission.MANAGE_ROTATION)):
        raise PermissionDenied("只有前台或主管可以改派", en="Only reception may reassign")
    why = reason.strip()
    if not why:
        raise ValidationError("改派须填写原因", en="A reassignment needs a reason",
                              field="reason")
    with ctx.db.uow(actor) as uow:
        v = q.visit(uow, visit_id)
        if v is None or v.deleted:
            raise NotFound("没有这个来访记录", en="No such visit")
        if v.status not in ("called", "waiting") or v.started_at is not None:
            raise Conflict("顾问已开始接待，不能改派", en="The reception has started; it cannot "
                           "be reassigned")
        old = v.consultant_id or ""
        if not old:
            raise Conflict("这组客户还没有分给顾问", en="This party has no consultant yet")
        if to_staff_id == old:
            raise ValidationError("请选择其他同事", en="Choose another colleague",
                                  field="to_staff")
        rot = ctx.rotation(uow, v_day(v))
        if to_staff_id and not rot.state.on_duty(to_staff_id):
            raise Conflict("该同事今日不在岗", en="That colleague is not on duty",
                           field="to_staff")
        rot.record(RotationEvent(EventKind.REASSIGN, old, "reassigned", why[:200], v.id))
        if to_staff_id:
            v.consultant_id = to_staff_id
            v.route = "transfer" if v.route == "rotation" else v.route
            if rot.state.available(to_staff_id):
                rot.record(RotationEvent(EventKind.ASSIGN, to_staff_id,
                                         AssignReason.TRANSFER.value, why[:200], v.id))
                v.status, v.called_at = "called", ctx.db.now()
                set_ticket_status(uow, v.id, "called")
            else:
                v.status = "waiting"
        else:
            # Back to the rotation as a new party: the next consultant up takes it.
            v.consultant_id, v.route, v.status, v.called_at = None, "rotation", "waiting", None
        audit.record(uow, "reception.reassign", "visit", v.id, why[:200])
        uow.flush()
        dispatch(uow, rot, load_settings(uow), ctx.db.now())
        uow.commit()
        rot.committed()


def park(ctx: ReceptionContext, actor: Actor, visit_id: str, note: str = "") -> None:
    """Set a party aside (gone to see the show flat, waiting for a spouse): the consultant
    is free meanwhile; ``start`` resumes it."""
    actor.require(Permission.RECEIVE_CUSTOMER)
    with ctx.db.uow(actor) as uow:
        v = visit_for(uow, actor, visit_id)
        if v.status not in ("called", "receiving"):
            raise Conflict("这组客户不在接待中", en="This party is not being received")
        v.status = "parked"
        if note.strip():
            v.notes = (v.notes + "\n" + note.strip()).strip()
        rot = ctx.rotation(uow, v_day(v))
        if v.consultant_id:
            rot.record(RotationEvent(EventKind.FINISH, v.consultant_id, "parked",
                                     note.strip(), v.id))
        dispatch(uow, rot, load_settings(uow), ctx.db.now())
        uow.commit()
        rot.committed()


def mark_notices_read(ctx: ReceptionContext, actor: Actor) -> None:
    actor.require(Permission.VIEW_QUEUE)
    with ctx.db.uow(actor) as uow:
        for n in q.unread_notices(uow, actor.staff_id):
            n.read = True
        uow.commit()
