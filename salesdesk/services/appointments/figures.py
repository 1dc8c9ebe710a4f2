"""Figures for supervisors: how often customers do not come, per consultant and week."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING

from salesdesk.domain.appointments import AppointmentStatus, week_start
from salesdesk.domain.local_time import day_bounds, local_day
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services.appointments.results import NoShowFigure
from salesdesk.store.queries import appointments as q
from salesdesk.store.queries.common import staff_names

if TYPE_CHECKING:
    from salesdesk.store.database import Database

S = AppointmentStatus
_DUE = (S.ARRIVED.value, S.COMPLETED.value, S.NO_SHOW.value)


def no_show_figures(db: Database, actor: Actor, last_day: date, weeks: int = 4
                    ) -> list[NoShowFigure]:
    """Per consultant and week (Monday first): appointments due, no-shows, cancellations."""
    actor.require(Permission.VIEW_AUDIT)
    first = week_start(last_day) - timedelta(weeks=weeks - 1)
    start, end = day_bounds(first)[0], day_bounds(last_day)[1]
    with db.reader(actor) as uow:
        counts: dict[tuple[str, date], list[int]] = defaultdict(lambda: [0, 0, 0])
        for cid, at, status in q.consultant_statuses_between(uow, start, end):
            c = counts[(cid, week_start(local_day(at)))]
            if status in _DUE:
                c[0] += 1
            if status == S.NO_SHOW.value:
                c[1] += 1
            if status == S.CANCELLED.value:
                c[2] += 1
        names = staff_names(uow, (k[0] for k in counts))
        out = [NoShowFigure(cid, names.get(cid, ""), wk, *c) for (cid, wk), c in counts.items()]
        return sorted(out, key=lambda f: (f.week, f.consultant_name), reverse=False)
