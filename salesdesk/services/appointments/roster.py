"""Who staffs which signing desk on a day, and the staff the booking dialogs may choose."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from salesdesk.domain.errors import NotFound, ValidationError
from salesdesk.domain.roles import Actor, Permission, Role
from salesdesk.domain.signing_slots import Slot, desk_label, parse_hhmm
from salesdesk.services import audit
from salesdesk.services.appointments.centre import load_plan, wall_clock
from salesdesk.services.appointments.results import RosterEntry, StaffChoice
from salesdesk.store.queries import appointments as q
from salesdesk.store.queries.common import staff_names, staff_row
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.database import Database

BOOKABLE_ROLES = {Role.CONSULTANT.value, Role.SENIOR_CONSULTANT.value, Role.SUPERVISOR.value}


def roster(uow: UnitOfWork, day: date, desk_no: int | None = None) -> list[RosterEntry]:
    rows = q.roster_of(uow, day, desk_no)
    names = staff_names(uow, (r.staff_id for r in rows))
    return [RosterEntry(r.id, r.desk_no, r.staff_id, names.get(r.staff_id, ""),
                        r.from_time, r.to_time) for r in rows]


def staffed_by(entries: list[RosterEntry], desk_no: int, slot: Slot) -> str:
    """Who is rostered on the desk for the whole slot ("" = nobody)."""
    start, end = wall_clock(slot)
    names = [r.staff_name for r in entries
             if r.desk_no == desk_no and r.from_time <= start and end <= r.to_time]
    return "、".join(names)


def set_roster(db: Database, actor: Actor, day: date, desk_no: int, staff_id: str,
               from_time: str, to_time: str) -> RosterEntry:
    actor.require(Permission.MANAGE_SIGNING_CENTRE)
    start, end = parse_hhmm(from_time), parse_hhmm(to_time)
    if end <= start:
        raise ValidationError("值班结束须晚于开始", en="The shift must end after it starts",
                              field="to_time")
    with db.uow(actor) as uow:
        plan = load_plan(uow, day)[2]
        if not plan.open:
            raise ValidationError(f"签约中心 {day} 不开放", en=f"The centre is closed on {day}",
                                  field="day")
        if not 1 <= desk_no <= plan.desks:
            raise ValidationError(f"当天只有 {plan.desks} 个签约台",
                                  en=f"That day has {plan.desks} desks", field="desk_no")
        staff = staff_row(uow, staff_id)
        if staff is None or staff.deleted or not staff.active:
            raise NotFound("没有这位员工", en="No such staff member", field="staff_id")
        row = q.add_roster(uow, day=day, desk_no=desk_no, staff_id=staff_id,
                           from_time=f"{start:%H:%M}", to_time=f"{end:%H:%M}")
        audit.record(uow, "signing_centre.roster", "desk_roster", row.id,
                     f"{day} {desk_label(desk_no)} {staff.code}")
        uow.commit()
        return RosterEntry(row.id, desk_no, staff_id, staff.name, row.from_time, row.to_time)


def remove_roster(db: Database, actor: Actor, roster_id: str) -> None:
    actor.require(Permission.MANAGE_SIGNING_CENTRE)
    with db.uow(actor) as uow:
        row = q.roster_entry(uow, roster_id)
        if row is None or row.deleted:
            raise NotFound("没有这条值班安排", en="No such roster entry")
        row.deleted = True
        audit.record(uow, "signing_centre.unroster", "desk_roster", roster_id)
        uow.commit()


def consultants(db: Database, actor: Actor) -> list[StaffChoice]:
    actor.require(Permission.BOOK_APPOINTMENT)
    with db.reader(actor) as uow:
        return [StaffChoice(s.id, s.code, s.name, s.phone)
                for s in q.active_staff(uow, roles=BOOKABLE_ROLES)]


def staff_for_roster(db: Database, actor: Actor) -> list[StaffChoice]:
    actor.require(Permission.BOOK_APPOINTMENT)
    with db.reader(actor) as uow:
        return [StaffChoice(s.id, s.code, s.name, s.phone)
                for s in q.active_staff(uow, not_role=Role.ADMIN.value)]
