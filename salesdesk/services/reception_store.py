"""Reading and writing the reception tables inside a unit of work: the day's rotation events,
settings, staff names, tickets. Shared by the reception services; no permission checks here."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from salesdesk.domain.roles import Role
from salesdesk.domain.rotation import (
    EventKind,
    ImportantMode,
    JointMode,
    RotationEvent,
    RotationRules,
    RotationState,
    apply,
    replay,
)
from salesdesk.store.models.org import Staff
from salesdesk.store.models.reception import (
    QueueTicket,
    ReceptionSettings,
    RotationEventRow,
    Visit,
)
from salesdesk.store.uow import UnitOfWork


@dataclass(frozen=True)
class Settings:
    important_mode: ImportantMode
    joint_mode: JointMode
    no_show_minutes: int
    duplicate_minutes: int

    @property
    def rules(self) -> RotationRules:
        return RotationRules(self.important_mode, self.joint_mode)


# The source rules' two tiers by default: important → 熟手, very important → the sales manager.
DEFAULT_SETTINGS = Settings(ImportantMode.TIERED, JointMode.ONE_LIST, 10, 10)


def load_settings(uow: UnitOfWork) -> Settings:
    row = uow.session.execute(select(
        ReceptionSettings.important_mode, ReceptionSettings.joint_mode,
        ReceptionSettings.no_show_minutes, ReceptionSettings.duplicate_minutes,
    ).where(ReceptionSettings.deleted.is_(False))
        .order_by(ReceptionSettings.updated_at.desc()).limit(1)).first()
    if row is None:
        return DEFAULT_SETTINGS
    return Settings(ImportantMode(row[0]), JointMode(row[1]), row[2], row[3])


@dataclass(frozen=True)
class StaffBrief:
    id: str
    code: str
    name: str
    role: str
    agency: str
    senior: bool
    active: bool

    @property
    def manager(self) -> bool:
        return self.role == Role.SUPERVISOR.value


def staff_map(uow: UnitOfWork) -> dict[str, StaffBrief]:
    rows = uow.session.execute(select(
        Staff.id, Staff.code, Staff.name, Staff.role, Staff.agency, Staff.senior, Staff.active
    ).where(Staff.deleted.is_(False))).all()
    return {r[0]: StaffBrief(*r) for r in rows}


def _event(kind: str, staff_id: str, reason: str, note: str, visit_id: str,
           payload: str) -> RotationEvent:
    extra = json.loads(payload) if payload and payload != "{}" else {}
    return RotationEvent(
        EventKind(kind), staff_id, reason, note, visit_id,
        status=extra.get("status", ""), order=tuple(extra.get("order", ())),
        name=extra.get("name", ""), agency=extra.get("agency", ""),
        senior=bool(extra.get("senior", False)), manager=bool(extra.get("manager", False)),
    )


@dataclass(frozen=True)
class StoredEvent:
    at: datetime
    event: RotationEvent


def load_events(uow: UnitOfWork, day: date) -> list[StoredEvent]:
    rows = uow.session.execute(select(
        RotationEventRow.at, RotationEventRow.kind, RotationEventRow.staff_id,
        RotationEventRow.reason, RotationEventRow.note, RotationEventRow.visit_id,
        RotationEventRow.payload,
    ).where(RotationEventRow.day == day.isoformat(), RotationEventRow.deleted.is_(False))
        .order_by(RotationEventRow.at, RotationEventRow.seq)).all()
    return [StoredEvent(r[0], _event(*r[1:])) for r in rows]


def load_events_range(uow: UnitOfWork, start: date, end: date) -> list[RotationEvent]:
    rows = uow.session.execute(select(
        RotationEventRow.kind, RotationEventRow.staff_id, RotationEventRow.reason,
        RotationEventRow.note, RotationEventRow.visit_id, RotationEventRow.payload,
    ).where(RotationEventRow.day >= start.isoformat(), RotationEventRow.day <= end.isoformat(),
            RotationEventRow.deleted.is_(False))
        .order_by(RotationEventRow.day, RotationEventRow.at, RotationEventRow.seq)).all()
    return [_event(*r) for r in rows]


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

    def __init__(self, uow: UnitOfWork, day: date, cache: RotationCache | None = None) -> None:
        self._uow = uow
        self.day = day
        self._cache = cache
        cached = None
        count = 0
        if cache is not None:
            count = uow.session.scalar(select(func.count()).select_from(RotationEventRow).where(
                RotationEventRow.day == day.isoformat())) or 0
            cached = cache.get(day, count)
        if cached is not None:
            self.state: RotationState = cached
            self._seq = count
        else:
            stored = load_events(uow, day)
            self.state = replay(s.event for s in stored)
            self._seq = len(stored)
            if cache is not None and self._seq == count:
                cache.put(day, count, self.state)

    def committed(self) -> None:
        if self._cache is not None:
            self._cache.put(self.day, self._seq, self.state)

    def record(self, *events: RotationEvent) -> None:
        now = self._uow.now()
        for e in events:
            self.state = apply(self.state, e)
            self._seq += 1
            payload: dict[str, object] = {}
            if e.status:
                payload["status"] = e.status
            if e.order:
                payload["order"] = list(e.order)
            if e.kind is EventKind.JOIN:
                payload.update(name=e.name, agency=e.agency, senior=e.senior,
                               manager=e.manager)
            self._uow.add(RotationEventRow(
                day=self.day.isoformat(), at=now, seq=self._seq, kind=e.kind.value,
                staff_id=e.staff_id, reason=e.reason, note=e.note[:200], visit_id=e.visit_id,
                payload=json.dumps(payload, ensure_ascii=False) if payload else "{}",
            ))


def next_ticket(uow: UnitOfWork, day: date, prefix: str) -> tuple[int, str]:
    """The next number of this device today, and its label (A031)."""
    from salesdesk.domain.queue import ticket_label

    last = uow.session.scalar(select(func.max(QueueTicket.number)).where(
        QueueTicket.day == day.isoformat(), QueueTicket.prefix == prefix))
    number = (last or 0) + 1
    return number, ticket_label(prefix, number)


def set_ticket_status(uow: UnitOfWork, visit_id: str, status: str) -> None:
    from salesdesk.domain.queue import TicketStatus, can_move

    ticket = uow.session.scalar(select(QueueTicket).where(
        QueueTicket.visit_id == visit_id, QueueTicket.deleted.is_(False)).limit(1))
    if ticket is not None and can_move(TicketStatus(ticket.status), TicketStatus(status)) \
            and ticket.status != status:
        ticket.status = status


def recent_durations(uow: UnitOfWork, day: date, limit: int = 30) -> list[float]:
    rows = uow.session.execute(select(Visit.started_at, Visit.finished_at).where(
        Visit.day == day.isoformat(), Visit.status == "finished",
        Visit.started_at.is_not(None), Visit.deleted.is_(False),
    ).order_by(Visit.finished_at.desc()).limit(limit)).all()
    return [(f - s).total_seconds() / 60 for s, f in rows if s is not None and f is not None]
