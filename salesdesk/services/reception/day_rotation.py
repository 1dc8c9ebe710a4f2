"""The day's rotation: the fold of its event log, cached between use cases, and the one way to
add a decision to it (applied to the state and stored in the same transaction)."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

from salesdesk.domain.rotation import RotationEvent, RotationState, apply, replay
from salesdesk.store.queries import reception as q
from salesdesk.store.uow import UnitOfWork


class RotationCache:
    """The last folded state per day, reused while the day's event count is unchanged.

    Events are only ever appended (locally or pulled from head office), so an unchanged count
    means an unchanged log; any other count refolds the whole day from the rows."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._days: dict[str, tuple[int, RotationState]] = {}

    def get(self, day: date, count: int) -> RotationState | None:
        with self._lock:
            hit = self._days.get(day.isoformat())
        return hit[1] if hit is not None and hit[0] == count else None

    def put(self, day: date, count: int, state: RotationState) -> None:
        with self._lock:
            self._days = {day.isoformat(): (count, state)}


class DayRotation:
    """The day's rotation inside one unit of work: the folded state, and ``record`` to add
    events (applied to the state and written as rows in the same transaction). Call
    ``committed()`` after the unit of work commits so the cache learns the new state."""

    def __init__(self, uow: UnitOfWork, day: date, cache: RotationCache | None = None,
                 count: int | None = None) -> None:
        """``count``: the day's event count when the caller has read it already (check-in
        reads it with its other reads, in one statement)."""
        self._uow = uow
        self.day = day
        self._cache = cache
        # Where ``record`` puts new event rows instead of the unit of work (``collect_into``).
        self._collect: list[Any] | None = None
        cached = None
        n = 0
        if cache is not None:
            n = q.count_events(uow, day) if count is None else count
            cached = cache.get(day, n)
        if cached is not None:
            self.state: RotationState = cached
            self._seq = n
        else:
            stored = q.events_of_day(uow, day)
            self.state = replay(s.event for s in stored)
            self._seq = len(stored)
            if cache is not None and self._seq == n:
                cache.put(day, n, self.state)

    def committed(self) -> None:
        if self._cache is not None:
            self._cache.put(self.day, self._seq, self.state)

    def collect_into(self, rows: list[Any]) -> None:
        """From now on, append the rows of recorded events to ``rows`` (for the caller to
        write with its own, ``q.write_new``) rather than adding them to the unit of work."""
        self._collect = rows

    def record(self, *events: RotationEvent) -> None:
        now = self._uow.now()
        for e in events:
            self.state = apply(self.state, e)
            self._seq += 1
            if self._collect is not None:
                self._collect.append(q.new_event(self.day, now, self._seq, e))
            else:
                q.add_event(self._uow, self.day, now, self._seq, e)
