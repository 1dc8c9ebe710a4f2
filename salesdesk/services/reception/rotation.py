"""The rotation and its rules: who is on today's list and in what order, duty statuses,
backups, the supervisor's decisions (reorder, ownership 判客, settings) and the day's log."""

from __future__ import annotations

from datetime import date

from salesdesk.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from salesdesk.domain.roles import Actor, Permission
from salesdesk.domain.rotation import DutyStatus, EventKind, RotationEvent
from salesdesk.services import audit
from salesdesk.services.reception.context import ReceptionContext, load_settings, staff_map
from salesdesk.services.reception.dispatch import dispatch
from salesdesk.services.reception.results import LogEntry, Settings, StaffBrief
from salesdesk.store.queries import reception as q


def _may_manage(actor: Actor, staff_id: str) -> None:
    if staff_id == actor.staff_id and actor.can(Permission.RECEIVE_CUSTOMER):
        return
    if actor.can(Permission.CHECK_IN) or actor.can(Permission.MANAGE_ROTATION):
        return
    raise PermissionDenied("只能更改自己的在岗状态", en="You may only change your own status")


def join(ctx: ReceptionContext, actor: Actor, staff_ids: list[str]) -> None:
    """Put consultants on today's list (at the back, in the order given)."""
    for sid in staff_ids:
        _may_manage(actor, sid)
    with ctx.db.uow(actor) as uow:
        staff = staff_map(uow)
        rot = ctx.rotation(uow, ctx.today())
        settings = load_settings(uow)
        for sid in staff_ids:
            s = staff.get(sid)
            if s is None or not s.active:
                raise NotFound("没有这位员工", en="No such staff member")
            m = rot.state.member(sid)
            if m is not None and m.status is not DutyStatus.OFF:
                continue
            if m is None:
                rot.record(RotationEvent(EventKind.JOIN, sid, name=s.name, agency=s.agency,
                                         senior=s.senior, manager=s.manager))
            else:
                rot.record(RotationEvent(EventKind.STATUS, sid, "available",
                                         status="available"))
        dispatch(uow, rot, settings, ctx.db.now())
        uow.commit()
        rot.committed()


def set_status(ctx: ReceptionContext, actor: Actor, staff_id: str, status: str,
               note: str = "") -> None:
    """Break, meeting, off, or back to available, with a typed reason."""
    _may_manage(actor, staff_id)
    try:
        st = DutyStatus(status)
    except ValueError:
        raise ValidationError("状态不正确", en="Unknown status", field="status") from None
    if st is DutyStatus.RECEIVING:
        raise ValidationError("接待状态由系统设置", en="Receiving is set by a reception",
                              field="status")
    with ctx.db.uow(actor) as uow:
        rot = ctx.rotation(uow, ctx.today())
        m = rot.state.member(staff_id)
        if m is None:
            raise Conflict("不在今日轮序名单中", en="Not on today's list")
        if m.status is DutyStatus.RECEIVING:
            raise Conflict("正在接待，请先结束接待", en="Finish the reception first")
        rot.record(RotationEvent(EventKind.STATUS, staff_id, st.value, note.strip(),
                                 status=st.value))
        audit.record(uow, "rotation.status", "staff", staff_id, st.value)
        dispatch(uow, rot, load_settings(uow), ctx.db.now())
        uow.commit()
        rot.committed()


def reorder(ctx: ReceptionContext, actor: Actor, order: list[str], reason: str) -> None:
    actor.require(Permission.MANAGE_ROTATION)
    if not reason.strip():
        raise ValidationError("调整轮序须填写原因", en="A reorder needs a reason",
                              field="reason")
    with ctx.db.uow(actor) as uow:
        rot = ctx.rotation(uow, ctx.today())
        if sorted(order) != sorted(rot.state.order):
            raise Conflict("名单已变化，请刷新后再调整", en="The list changed; refresh first")
        rot.record(RotationEvent(EventKind.REORDER, actor.staff_id, "manual",
                                 reason.strip(), order=tuple(order)))
        audit.record(uow, "rotation.reorder", "rotation", "", reason.strip()[:200])
        uow.commit()
        rot.committed()


def set_backup(ctx: ReceptionContext, actor: Actor, staff_id: str,
               backup_staff_id: str) -> None:
    if staff_id != actor.staff_id:
        actor.require(Permission.MANAGE_ROTATION)
    else:
        actor.require(Permission.RECEIVE_CUSTOMER)
    if staff_id == backup_staff_id:
        raise ValidationError("备岗不能是本人", en="Choose a colleague", field="backup")
    with ctx.db.uow(actor) as uow:
        if backup_staff_id not in staff_map(uow):
            raise NotFound("没有这位员工", en="No such staff member")
        for row in q.live_backups(uow, staff_id):
            row.deleted = True
        q.add_backup(uow, staff_id, backup_staff_id)
        uow.commit()


def reassign_owner(ctx: ReceptionContext, actor: Actor, customer_id: str, to_staff_id: str,
                   reason: str) -> None:
    """Ownership (判客) moves only by a supervisor's logged decision."""
    actor.require(Permission.MANAGE_ROTATION)
    if not reason.strip():
        raise ValidationError("请填写原因", en="Give a reason", field="reason")
    with ctx.db.uow(actor) as uow:
        c = q.customer(uow, customer_id)
        if c is None or c.deleted:
            raise NotFound("没有这个客户", en="No such customer")
        if to_staff_id not in staff_map(uow):
            raise NotFound("没有这位员工", en="No such staff member")
        q.add_attribution_change(uow, customer_id=c.id, from_staff_id=c.owner_staff_id,
                                 to_staff_id=to_staff_id, reason=reason.strip()[:200])
        c.owner_staff_id = to_staff_id
        audit.record(uow, "customer.reassign_owner", "customer", c.id, reason.strip()[:200])
        uow.commit()


def settings(ctx: ReceptionContext, actor: Actor) -> Settings:
    actor.require(Permission.VIEW_QUEUE)
    with ctx.db.reader(actor) as uow:
        return load_settings(uow)


def save_settings(ctx: ReceptionContext, actor: Actor, new: Settings) -> None:
    actor.require(Permission.MANAGE_SETTINGS)
    if not (1 <= new.no_show_minutes <= 120 and 1 <= new.duplicate_minutes <= 120):
        raise ValidationError("分钟数应在 1–120 之间", en="Minutes must be 1–120",
                              field="minutes")
    with ctx.db.uow(actor) as uow:
        row = q.settings_row_for_update(uow)
        row.important_mode = new.important_mode.value
        row.joint_mode = new.joint_mode.value
        row.no_show_minutes = new.no_show_minutes
        row.duplicate_minutes = new.duplicate_minutes
        audit.record(uow, "reception.settings", "reception_settings", "")
        uow.commit()


def day_log(ctx: ReceptionContext, actor: Actor, day: date) -> list[LogEntry]:
    """Replay a day: every rotation decision with its reason."""
    if not actor.can(Permission.VIEW_AUDIT):
        actor.require(Permission.MANAGE_ROTATION)
    with ctx.db.reader(actor) as uow:
        staff = staff_map(uow)
        stored = q.events_of_day(uow, day)
        tickets = q.ticket_labels_of_day(uow, day)
        out = []
        for s in stored:
            e = s.event
            who = staff.get(e.staff_id)
            out.append(LogEntry(s.at, e.kind.value, who.name if who else e.name,
                                e.reason, e.note, tickets.get(e.visit_id, "")))
        return out


def on_duty_staff(ctx: ReceptionContext, actor: Actor) -> list[StaffBrief]:
    """Consultants who may be put on the list (for the roster dialog)."""
    actor.require(Permission.VIEW_QUEUE)
    with ctx.db.reader(actor) as uow:
        return sorted((s for s in staff_map(uow).values() if s.active and s.role in (
            "consultant", "senior_consultant", "supervisor")), key=lambda s: s.code)
