"""The floor as reception sees it (the rotation list and every open party) and the public
display board (tickets and consultants, 王先生 at most, no phone numbers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from salesdesk.domain.local_time import local_day
from salesdesk.domain.queue import public_name
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services.reception.context import (
    ReceptionContext,
    open_visits,
    queue_entry,
    staff_map,
    wait_estimate,
)
from salesdesk.services.reception.results import Board, BoardCall, Floor, RotationEntry
from salesdesk.store.queries import reception as q

if TYPE_CHECKING:
    from salesdesk.store.models.reception import Visit


def floor(ctx: ReceptionContext, actor: Actor) -> Floor:
    actor.require(Permission.VIEW_QUEUE)
    now = ctx.db.now()
    day = local_day(now)
    with ctx.db.reader(actor) as uow:
        rot = ctx.rotation(uow, day)
        staff = staff_map(uow)
        visits = open_visits(uow, day)
        counts: dict[str, int] = {}
        for sid in q.consultants_of_visits_in(uow, day, ("receiving", "finished", "parked")):
            if sid:
                counts[sid] = counts.get(sid, 0) + 1
        tickets = {v.consultant_id: v.ticket_label for v in visits
                   if v.status in ("receiving", "called") and v.consultant_id}
        entries = []
        for m in rot.state.listed():
            pos = rot.state.order.index(m.staff_id) + 1 if m.staff_id in rot.state.order \
                else 0
            entries.append(RotationEntry(
                m.staff_id, m.name, m.agency, m.senior, m.manager, m.status.value,
                m.note, pos, counts.get(m.staff_id, 0),
                tickets.get(m.staff_id, "")))
        entries_q = [queue_entry(v, staff, now) for v in visits]
        waiting = tuple(e for e in entries_q if e.status in ("waiting", "called"))
        unassigned = sum(1 for e in entries_q if e.status == "waiting" and not e.consultant_id)
        est = wait_estimate(uow, day, rot, unassigned + 1) if not any(
            rot.state.available(s) for s in rot.state.order) else 0
        return Floor(day, tuple(entries), waiting,
                     tuple(e for e in entries_q if e.status == "receiving"),
                     tuple(e for e in entries_q if e.status == "parked"), est)


def board(ctx: ReceptionContext, actor: Actor) -> Board:
    """The display board: tickets and consultants, 王先生 at most, no phone numbers."""
    actor.require(Permission.VIEW_QUEUE)
    now = ctx.db.now()
    day = local_day(now)
    with ctx.db.reader(actor) as uow:
        rot = ctx.rotation(uow, day)
        staff = staff_map(uow)
        visits = open_visits(uow, day)

        def call(v: Visit) -> BoardCall:
            cons = staff.get(v.consultant_id or "")
            return BoardCall(v.ticket_label, public_name(v.salutation, ""),
                             cons.name if cons else "", v.called_at)

        now_ = [v for v in visits if v.status in ("called", "receiving") and v.consultant_id]
        now_.sort(key=lambda v: v.called_at or v.checked_in_at, reverse=True)
        receiving = tuple(call(v) for v in now_)  # the latest call first
        called = q.last_called(uow, day, 5)
        waiting = sorted((v for v in visits if v.status == "waiting"),
                         key=lambda v: v.checked_in_at)
        est = wait_estimate(uow, day, rot, len(waiting) + 1) if not any(
            rot.state.available(s) for s in rot.state.order) else 0
        return Board(receiving, tuple(call(v) for v in called), len(waiting), est,
                     tuple(v.ticket_label for v in waiting))
