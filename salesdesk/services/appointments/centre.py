"""The signing centre's set-up: its settings and booking rules, and the calendar of days that
differ from them (holidays, other hours, more desks)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import TYPE_CHECKING

from salesdesk.domain.appointments import OPEN_STATUSES, AppointmentKind, BookingRules
from salesdesk.domain.errors import Conflict, ValidationError
from salesdesk.domain.local_time import day_bounds, local
from salesdesk.domain.roles import Actor, Permission
from salesdesk.domain.signing_slots import (
    CentreSettings,
    DayOverride,
    DayPlan,
    Slot,
    parse_hhmm,
    plan_for,
    validate_settings,
)
from salesdesk.services import audit
from salesdesk.services.appointments.results import CalendarDay, SettingsInfo
from salesdesk.store.queries import appointments as q
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.database import Database
    from salesdesk.store.queries.appointments import CentreDayValues

_OPEN = [s.value for s in OPEN_STATUSES]


def load_settings(uow: UnitOfWork) -> tuple[CentreSettings, BookingRules]:
    row = q.centre_settings_values(uow)
    if row is None:
        return CentreSettings(), BookingRules()
    centre = CentreSettings(
        opens=parse_hhmm(row.opens), closes=parse_hhmm(row.closes),
        slot_minutes=row.slot_minutes, desks=row.desks,
        closed_weekdays=frozenset(int(d) for d in json.loads(row.closed_weekdays or "[]")),
        place=row.place,
    )
    rules = BookingRules(row.min_notice_minutes, row.window_days, row.buffer_minutes,
                         parse_hhmm(row.visit_opens), parse_hhmm(row.visit_closes))
    return centre, rules


def _override(row: CentreDayValues | None) -> DayOverride | None:
    if row is None:
        return None
    return DayOverride(row.day, row.closed, row.desks,
                       parse_hhmm(row.opens) if row.opens else None,
                       parse_hhmm(row.closes) if row.closes else None, row.note)


def load_plans(uow: UnitOfWork, first: date, last: date,
               centre: CentreSettings) -> list[DayPlan]:
    by_day = {r.day: r for r in q.centre_days(uow, first, last)}  # the latest edit wins
    out = []
    d = first
    while d <= last:
        out.append(plan_for(d, centre, _override(by_day.get(d))))
        d += timedelta(days=1)
    return out


def load_plan(uow: UnitOfWork, day: date) -> tuple[CentreSettings, BookingRules, DayPlan]:
    centre, rules = load_settings(uow)
    return centre, rules, load_plans(uow, day, day, centre)[0]


def centre_place(uow: UnitOfWork, centre: CentreSettings, kind: AppointmentKind) -> str:
    sc = q.first_sales_centre(uow)
    address = sc.address if sc else ""
    name = sc.name if sc else ""
    if kind == AppointmentKind.SIGNING:
        return f"{centre.place}（{address}）" if address else centre.place
    return f"{name}（{address}）" if address else (name or "售楼处")


def wall_clock(slot: Slot) -> tuple[str, str]:
    """A slot's local "HH:MM" bounds, comparable with roster hours (midnight ends at 24:00)."""
    start, end = f"{local(slot.starts_at):%H:%M}", f"{local(slot.ends_at):%H:%M}"
    return start, "24:00" if end == "00:00" else end


def settings(db: Database, actor: Actor) -> SettingsInfo:
    actor.require(Permission.BOOK_APPOINTMENT)
    with db.reader(actor) as uow:
        centre, rules = load_settings(uow)
        return SettingsInfo(centre, rules)


def update_settings(db: Database, actor: Actor, centre: CentreSettings,
                    rules: BookingRules) -> None:
    actor.require(Permission.MANAGE_SIGNING_CENTRE)
    validate_settings(centre)
    if rules.min_notice_minutes < 0 or rules.window_days < 1 or rules.buffer_minutes < 0:
        raise ValidationError("预约规则数值无效", en="Invalid booking rule values")
    if rules.visit_closes <= rules.visit_opens:
        raise ValidationError("营业结束时间须晚于开始时间",
                              en="Closing must be after opening", field="visit_closes")
    with db.uow(actor) as uow:
        row = q.centre_settings(uow) or q.add_centre_settings(uow)
        row.opens, row.closes = f"{centre.opens:%H:%M}", f"{centre.closes:%H:%M}"
        row.slot_minutes, row.desks, row.place = centre.slot_minutes, centre.desks, centre.place
        row.closed_weekdays = json.dumps(sorted(centre.closed_weekdays))
        row.min_notice_minutes = rules.min_notice_minutes
        row.window_days = rules.window_days
        row.buffer_minutes = rules.buffer_minutes
        row.visit_opens = f"{rules.visit_opens:%H:%M}"
        row.visit_closes = f"{rules.visit_closes:%H:%M}"
        audit.record(uow, "signing_centre.settings", "signing_centre_settings", "")
        uow.commit()


def set_day(db: Database, actor: Actor, day: date, *, closed: bool = False,
            desks: int | None = None, opens: str = "", closes: str = "",
            note: str = "") -> CalendarDay:
    """A holiday (closed) or a day with other hours or more desks (e.g. opening day)."""
    actor.require(Permission.MANAGE_SIGNING_CENTRE)
    if desks is not None and not 0 <= desks <= 50:
        raise ValidationError("签约台数须在 0 到 50 之间", en="Desks must be 0 to 50",
                              field="desks")
    if opens and closes and parse_hhmm(closes) <= parse_hhmm(opens):
        raise ValidationError("关门时间须晚于开门时间", en="Closing must be after opening",
                              field="closes")
    with db.uow(actor) as uow:
        start, end = day_bounds(day)
        taken = [d or 0 for d in q.signing_desks_between(uow, start, end, _OPEN)]
        # Bookings are never silently orphaned: move or cancel them first.
        if taken and (closed or (desks is not None and desks < max(taken))):
            raise Conflict(
                f"{day} 已有 {len(taken)} 个签约预约，请先改期或取消后再关闭或减少签约台",
                en=f"{day} has {len(taken)} signing bookings; reschedule or cancel them "
                   "before closing the day or removing desks", field="closed")
        row = q.centre_day(uow, day) or q.add_centre_day(uow, day)
        row.closed, row.desks, row.opens, row.closes, row.note = (closed, desks, opens,
                                                                  closes, note.strip())
        audit.record(uow, "signing_centre.day", "signing_centre_day", "", f"{day}")
        uow.commit()
        return CalendarDay(day, closed, desks, opens, closes, note.strip())


def day_plan(db: Database, actor: Actor, day: date) -> DayPlan:
    actor.require(Permission.BOOK_APPOINTMENT)
    with db.reader(actor) as uow:
        return load_plan(uow, day)[2]
