"""Reading bookings: one booking and its history, a consultant's agenda, the signing centre's
day board, and a booking as an .ics file."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING

from salesdesk.domain.appointments import HOLDING_STATUSES, AppointmentKind, AppointmentStatus
from salesdesk.domain.errors import NotFound
from salesdesk.domain.ics import CalendarEvent, to_ics
from salesdesk.domain.local_time import day_bounds
from salesdesk.domain.roles import Actor, Permission
from salesdesk.domain.signing_slots import desk_label
from salesdesk.services import audit
from salesdesk.services.appointments.centre import (
    centre_place,
    load_plan,
    load_settings,
    wall_clock,
)
from salesdesk.services.appointments.infos import appointment_infos
from salesdesk.services.appointments.results import (
    AppointmentInfo,
    BoardCell,
    BoardRow,
    DayBoard,
    HistoryEntry,
    RosterEntry,
)
from salesdesk.services.appointments.roster import roster
from salesdesk.store.queries import appointments as q
from salesdesk.store.queries.common import staff_names
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.database import Database
    from salesdesk.store.models.appointments import Appointment

S = AppointmentStatus
K = AppointmentKind
_HOLDING = [s.value for s in HOLDING_STATUSES]


def _live(uow: UnitOfWork, appointment_id: str) -> Appointment:
    row = q.appointment(uow, appointment_id)
    if row is None or row.deleted:
        raise NotFound("没有这个预约", en="No such appointment")
    return row


def get(db: Database, actor: Actor, appointment_id: str) -> AppointmentInfo:
    actor.require(Permission.BOOK_APPOINTMENT)
    with db.reader(actor) as uow:
        return appointment_infos(uow, [_live(uow, appointment_id)])[0]


def history(db: Database, actor: Actor, appointment_id: str) -> list[HistoryEntry]:
    """Every step, following reschedules back to the first booking."""
    actor.require(Permission.BOOK_APPOINTMENT)
    with db.reader(actor) as uow:
        chain: list[str] = []
        current: str | None = appointment_id
        while current and current not in chain:
            row = q.appointment(uow, current)
            if row is None:
                break
            chain.append(current)
            current = row.rescheduled_from_id
        position = {a: n for n, a in enumerate(reversed(chain))}  # oldest booking first
        events = sorted(q.events_of(uow, chain),
                        key=lambda e: (position[e.appointment_id], e.step))
        names = staff_names(uow, (e.created_by_staff for e in events))
        return [HistoryEntry(e.created_at, e.from_status, e.to_status, e.reason, e.detail,
                             names.get(e.created_by_staff or "", ""), e.appointment_id)
                for e in events]


def agenda(db: Database, actor: Actor, consultant_id: str | None, first_day: date,
           days: int = 1) -> list[AppointmentInfo]:
    """A consultant's day (days=1) or week (days=7); None = everyone (supervisor)."""
    actor.require(Permission.BOOK_APPOINTMENT)
    start = day_bounds(first_day)[0]
    end = day_bounds(first_day + timedelta(days=days - 1))[1]
    with db.reader(actor) as uow:
        rows = q.appointments_between(uow, start, end, not_status=S.RESCHEDULED.value,
                                      consultant_id=consultant_id)
        return appointment_infos(uow, rows)


def day_board(db: Database, actor: Actor, day: date) -> DayBoard:
    actor.require(Permission.BOOK_APPOINTMENT)
    with db.reader(actor) as uow:
        centre, _, plan = load_plan(uow, day)
        start, end = day_bounds(day)
        rows = q.signings_between(uow, start, end, _HOLDING)
        infos = {(i.starts_at, i.desk_no): i for i in appointment_infos(uow, rows)}
        entries = roster(uow, day)
        desks = max([plan.desks] + [i.desk_no or 0 for i in infos.values()])
        board_rows = []
        by_desk: dict[int, list[RosterEntry]] = defaultdict(list)
        for entry in entries:
            by_desk[entry.desk_no].append(entry)
        for slot in plan.slots:
            from_hhmm, to_hhmm = wall_clock(slot)
            cells = []
            for desk in range(1, desks + 1):
                info = infos.get((slot.starts_at, desk))
                staff = "、".join(r.staff_name for r in by_desk.get(desk, ())
                                 if r.from_time <= from_hhmm and to_hhmm <= r.to_time)
                cells.append(BoardCell(desk, info.status.value if info else "free", info,
                                       staff))
            board_rows.append(BoardRow(slot, tuple(cells)))
        return DayBoard(plan, tuple(board_rows), tuple(entries),
                        centre_place(uow, centre, K.SIGNING))


def ics(db: Database, actor: Actor, appointment_id: str) -> str:
    """An .ics file for the consultant's own calendar (no phone numbers in it). It names the
    customer by salutation and leaves the application, so it is logged as an export."""
    actor.require(Permission.BOOK_APPOINTMENT)
    with db.uow(actor) as uow:
        info = appointment_infos(uow, [_live(uow, appointment_id)])[0]
        centre, _ = load_settings(uow)
        place = centre_place(uow, centre, info.kind)
        summary = f"{info.kind_label}：{info.customer_salutation}"
        lines = [f"客户：{info.customer_salutation}", f"置业顾问：{info.consultant_name}"]
        if info.unit_number:
            lines.append(f"房号：{info.unit_number}")
        if info.desk_no:
            summary += f" · {desk_label(info.desk_no)}"
            lines.append(desk_label(info.desk_no))
        if info.notes:
            lines.append(f"备注：{info.notes}")
        text = to_ics(CalendarEvent(
            uid=f"{info.id}@salesdesk", starts_at=info.starts_at, ends_at=info.ends_at,
            summary=summary, location=place, description="\n".join(lines),
            cancelled=info.status in (S.CANCELLED, S.RESCHEDULED), stamp=uow.now()))
        audit.log_export(uow, "appointment_ics", "ics", 1, info.id)
        uow.commit()
        return text
