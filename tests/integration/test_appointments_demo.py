"""The demo sales centre has a realistic week of appointments."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services

TODAY = date(2026, 11, 24)  # the fixtures' clock


def test_demo_has_a_busy_realistic_week(demo: Services, supervisor: Actor) -> None:
    week = demo.appointments.agenda(supervisor, None, TODAY - timedelta(days=5), 12)
    kinds = Counter(a.kind.value for a in week)
    assert kinds["visit"] > 80 and kinds["signing"] > 40
    assert len({a.consultant_id for a in week if a.kind.value == "visit"}) >= 6
    past = [a for a in week if a.starts_at < demo.db.now()]
    statuses = Counter(a.status.value for a in past)
    assert statuses["completed"] > 30 and statuses["no_show"] >= 2 and statuses["cancelled"] >= 2
    assert not any(a.status.value in ("booked", "confirmed") for a in past
                   if a.starts_at < demo.db.now() - timedelta(days=1))
    board = demo.appointments.day_board(supervisor, TODAY)
    assert board.plan.open and board.roster
    cells = [c for r in board.rows for c in r.cells]
    booked = sum(1 for c in cells if c.appointment)
    assert 0 < booked < len(cells)  # partly filled
    figures = demo.appointments.no_show_figures(supervisor, TODAY, weeks=2)
    assert sum(f.no_shows for f in figures) >= 2
    reminders = demo.reminders.due(supervisor)
    assert reminders and any(i.status == "sent" for i in reminders)
