"""Reception's reads and writes: visits, queue tickets, the rotation event log (and its JSON
payload, the storage form of a ``RotationEvent``), settings, backups, notices, attribution.

No permission checks and no rules here: which visit is open, who is next, what a status may
move to is decided by ``services/reception`` and ``domain``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, bindparam, exists, func, literal, or_, select
from sqlalchemy.orm import aliased

from salesdesk.domain.rotation import EventKind, RotationEvent
from salesdesk.store import outbox
from salesdesk.store.models.customer import Customer, CustomerPhone
from salesdesk.store.models.org import Staff
from salesdesk.store.models.reception import (
    ConsultantBackup,
    QueueTicket,
    ReceptionSettings,
    RotationEventRow,
    StaffNotice,
    Visit,
)
from salesdesk.store.queries import audit as _audit
from salesdesk.store.queries import common
from salesdesk.store.queries import customers as _customers
from salesdesk.store.uow import UnitOfWork

add_attribution_change = _customers.add_attribution_change
new_audit_event = _audit.new_event

# Lookups every capability shares, written once in common.py.
customer = common.customer_row

# --- staff and customers ---------------------------------------------------------------------

StaffRow = tuple[str, str, str, str, str, bool, bool]  # id, code, name, role, agency, senior, active


def live_staff(uow: UnitOfWork) -> list[StaffRow]:
    """Every staff member not deleted, with what the rotation needs to know of them."""
    rows = uow.session.execute(select(
        Staff.id, Staff.code, Staff.name, Staff.role, Staff.agency, Staff.senior, Staff.active
    ).where(Staff.deleted.is_(False))).all()
    return [(i, c, n, r, a, s, act) for i, c, n, r, a, s, act in rows]


_LAST_VISIT_ID = select(Visit.id).where(
    Visit.customer_id == Customer.id, Visit.deleted.is_(False)) \
    .order_by(Visit.checked_in_at.desc()).limit(1).correlate(Customer).scalar_subquery()
_WALK_IN = select(Customer.id, Customer.name, Customer.salutation, Customer.owner_staff_id,
                  Visit.id, Visit.checked_in_at, Visit.status) \
    .select_from(CustomerPhone).join(Customer, Customer.id == CustomerPhone.customer_id) \
    .outerjoin(Visit, Visit.id == _LAST_VISIT_ID) \
    .where(CustomerPhone.e164_hash == bindparam("e164_hash"), CustomerPhone.deleted.is_(False),
           Customer.deleted.is_(False))

LastVisit = tuple[str, datetime, str]  # id, checked in at, status


@dataclass(frozen=True)
class WalkIn:
    """What check-in needs of a customer holding the number (the row itself is loaded only
    to change it: ``customer``)."""

    id: str
    name: str
    salutation: str
    owner_staff_id: str | None


def walk_in(uow: UnitOfWork, e164: str) -> dict[str, tuple[WalkIn, LastVisit | None]]:
    """Every live customer holding this number (one, but for a duplicate registered offline
    and not merged yet), with their latest live visit, as ``last_visit_of_customer``: one
    statement where check-in used to ask three (the phone, the row, the last visit). Columns,
    not ORM rows, on the connection (no autoflush): check-in asks it before it writes
    anything, and loading a whole customer row cost more than SQLite takes to find it."""
    out: dict[str, tuple[WalkIn, LastVisit | None]] = {}
    found = uow.session.connection().execute(
        _WALK_IN, {"e164_hash": uow.phones.number_hash(e164)})
    for cid, name, salutation, owner, vid, at, status in found:
        out[cid] = (WalkIn(cid, name, salutation, owner),
                    None if vid is None else (vid, at, status))
    return out


# --- settings --------------------------------------------------------------------------------

SettingsRow = tuple[str, str, int, int]  # important_mode, joint_mode, no-show, duplicate minutes


def latest_settings(uow: UnitOfWork) -> SettingsRow | None:
    row = uow.session.execute(select(
        ReceptionSettings.important_mode, ReceptionSettings.joint_mode,
        ReceptionSettings.no_show_minutes, ReceptionSettings.duplicate_minutes,
    ).where(ReceptionSettings.deleted.is_(False))
        .order_by(ReceptionSettings.updated_at.desc()).limit(1)).first()
    return None if row is None else (row[0], row[1], row[2], row[3])


_LATEST_SETTINGS = select(ReceptionSettings.id).where(
    ReceptionSettings.deleted.is_(False)).order_by(ReceptionSettings.updated_at.desc()) \
    .limit(1).scalar_subquery()
_ONE = select(literal(1).label("one")).subquery()
# Built once: check-in is the busiest write of the day, and building the statement costs more
# than SQLite takes to answer it. The settings join on ``(SELECT 1)`` keeps the row when no
# settings were saved yet.
_CHECKIN_READS = select(
    ReceptionSettings.important_mode, ReceptionSettings.joint_mode,
    ReceptionSettings.no_show_minutes, ReceptionSettings.duplicate_minutes,
    select(func.max(QueueTicket.number)).where(
        QueueTicket.day == bindparam("day"), QueueTicket.prefix == bindparam("prefix"))
    .scalar_subquery(),
    select(func.json_group_object(Staff.id, Staff.name)).scalar_subquery(),
    select(func.count()).select_from(RotationEventRow)
    .where(RotationEventRow.day == bindparam("day")).scalar_subquery(),
).select_from(_ONE.outerjoin(ReceptionSettings, ReceptionSettings.id == _LATEST_SETTINGS))


@dataclass(frozen=True)
class CheckInReads:
    settings: SettingsRow | None  # as latest_settings
    last_ticket_number: int  # as last_ticket_number
    staff_names: dict[str, str]  # id → name of every staff member, as common.staff_names
    event_count: int  # the day's rotation events, as count_events


def checkin_reads(uow: UnitOfWork, day: date, prefix: str) -> CheckInReads:
    """What a check-in reads whoever the party is, in one statement: the settings, the day's
    last ticket number of this prefix, the staff's names (the consultant is only known
    after routing, and a read then would flush the new rows early) and the count of the
    day's rotation events (the rotation cache's check)."""
    row = uow.session.connection().execute(
        _CHECKIN_READS, {"day": day.isoformat(), "prefix": prefix}).one()
    settings = None if row[0] is None else (row[0], row[1], row[2], row[3])
    names = json.loads(row[5]) if row[5] else {}
    return CheckInReads(settings, row[4] or 0, names, row[6] or 0)


def settings_row_for_update(uow: UnitOfWork) -> ReceptionSettings:
    """The live settings row to overwrite, added to the unit of work when there is none yet."""
    row = uow.session.scalar(select(ReceptionSettings).where(
        ReceptionSettings.deleted.is_(False)).limit(1))
    if row is None:
        row = ReceptionSettings()
        uow.add(row)
    return row


# --- the rotation event log ------------------------------------------------------------------


# A kind of entry this code does not know (written by a newer version on another device) is
# left out of the replay rather than stopping the floor from loading.
_KNOWN = frozenset(k.value for k in EventKind)


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


def count_events(uow: UnitOfWork, day: date) -> int:
    return uow.session.scalar(select(func.count()).select_from(RotationEventRow).where(
        RotationEventRow.day == day.isoformat())) or 0


def events_of_day(uow: UnitOfWork, day: date) -> list[StoredEvent]:
    rows = uow.session.execute(select(
        RotationEventRow.at, RotationEventRow.kind, RotationEventRow.staff_id,
        RotationEventRow.reason, RotationEventRow.note, RotationEventRow.visit_id,
        RotationEventRow.payload,
    ).where(RotationEventRow.day == day.isoformat(), RotationEventRow.deleted.is_(False))
        .order_by(RotationEventRow.at, RotationEventRow.seq)).all()
    return [StoredEvent(r[0], _event(*r[1:])) for r in rows if r[1] in _KNOWN]


def events_between(uow: UnitOfWork, start: date, end: date) -> list[RotationEvent]:
    rows = uow.session.execute(select(
        RotationEventRow.kind, RotationEventRow.staff_id, RotationEventRow.reason,
        RotationEventRow.note, RotationEventRow.visit_id, RotationEventRow.payload,
    ).where(RotationEventRow.day >= start.isoformat(), RotationEventRow.day <= end.isoformat(),
            RotationEventRow.deleted.is_(False))
        .order_by(RotationEventRow.day, RotationEventRow.at, RotationEventRow.seq)).all()
    return [_event(*r) for r in rows if r[0] in _KNOWN]


def add_event(uow: UnitOfWork, day: date, at: datetime, seq: int, e: RotationEvent) -> None:
    uow.add(new_event(day, at, seq, e))


def new_event(day: date, at: datetime, seq: int, e: RotationEvent) -> RotationEventRow:
    """The event's row, not yet in the unit of work (``add_event`` adds it)."""
    payload: dict[str, object] = {}
    if e.status:
        payload["status"] = e.status
    if e.order:
        payload["order"] = list(e.order)
    if e.kind is EventKind.JOIN:
        payload.update(name=e.name, agency=e.agency, senior=e.senior, manager=e.manager)
    return RotationEventRow(
        day=day.isoformat(), at=at, seq=seq, kind=e.kind.value,
        staff_id=e.staff_id, reason=e.reason, note=e.note[:200], visit_id=e.visit_id,
        payload=json.dumps(payload, ensure_ascii=False) if payload else "{}",
    )


# --- queue tickets ---------------------------------------------------------------------------


def last_ticket_number(uow: UnitOfWork, day: date, prefix: str) -> int:
    """The highest number this prefix has drawn that day (0: none yet)."""
    return uow.session.scalar(select(func.max(QueueTicket.number)).where(
        QueueTicket.day == day.isoformat(), QueueTicket.prefix == prefix)) or 0


def ticket_of_visit(uow: UnitOfWork, visit_id: str) -> QueueTicket | None:
    return uow.session.scalar(select(QueueTicket).where(
        QueueTicket.visit_id == visit_id, QueueTicket.deleted.is_(False)).limit(1))


def new_ticket(**fields: Any) -> QueueTicket:
    """A ticket row not yet in the unit of work: check-in writes it with ``write_new``."""
    return QueueTicket(**fields)


# --- visits ----------------------------------------------------------------------------------


def new_visit(**fields: Any) -> Visit:
    """A visit row not yet in the unit of work: check-in routes it first (its rotation events
    and notices refer to its id) and writes it once, in one single INSERT."""
    return Visit(**fields)


def write_new(uow: UnitOfWork, rows: list[Any]) -> None:
    """Write rows made by the ``new_*`` functions here (not added to the unit of work), with
    their outbox entries, as Core INSERTs (``outbox.insert_new``): check-in's rows, the
    busiest write of the day. The row objects stay outside the session; read the rows back
    with a query if needed."""
    outbox.insert_new(uow.session, rows)


def visit(uow: UnitOfWork, visit_id: str) -> Visit | None:
    return uow.session.get(Visit, visit_id)


def visits_of_day_in(uow: UnitOfWork, day: date, statuses: Iterable[str]) -> list[Visit]:
    """The day's live visits in these statuses, by check-in time."""
    return list(uow.session.scalars(select(Visit).where(
        Visit.day == day.isoformat(), Visit.status.in_(tuple(statuses)),
        Visit.deleted.is_(False)).order_by(Visit.checked_in_at)))


def count_visits_in(uow: UnitOfWork, day: date, status: str) -> int:
    return uow.session.scalar(select(func.count()).select_from(Visit).where(
        Visit.day == day.isoformat(), Visit.status == status,
        Visit.deleted.is_(False))) or 0


def consultants_of_visits_in(uow: UnitOfWork, day: date,
                             statuses: Iterable[str]) -> list[str | None]:
    """One consultant id per live visit of the day in these statuses (for counting)."""
    return list(uow.session.scalars(select(Visit.consultant_id).where(
        Visit.day == day.isoformat(), Visit.status.in_(tuple(statuses)),
        Visit.deleted.is_(False))))


def last_called(uow: UnitOfWork, day: date, limit: int) -> list[Visit]:
    return list(uow.session.scalars(select(Visit).where(
        Visit.day == day.isoformat(), Visit.called_at.is_not(None),
        Visit.deleted.is_(False)).order_by(Visit.called_at.desc()).limit(limit)))


def latest_receptions(uow: UnitOfWork, day: date,
                      limit: int) -> list[tuple[datetime | None, datetime | None]]:
    """(started, finished) of the day's latest finished receptions, the latest first."""
    rows = uow.session.execute(select(Visit.started_at, Visit.finished_at).where(
        Visit.day == day.isoformat(), Visit.status == "finished",
        Visit.started_at.is_not(None), Visit.deleted.is_(False),
    ).order_by(Visit.finished_at.desc()).limit(limit)).all()
    return [(s, f) for s, f in rows]


def visits_of_customer(uow: UnitOfWork, customer_id: str) -> list[tuple[str, str, str]]:
    """(day, status, ticket label) of every live visit of the customer, the latest first."""
    rows = uow.session.execute(select(Visit.day, Visit.status, Visit.ticket_label).where(
        Visit.customer_id == customer_id, Visit.deleted.is_(False))
        .order_by(Visit.checked_in_at.desc())).all()
    return [(d, s, t) for d, s, t in rows]


_LAST_VISIT = select(Visit.id, Visit.checked_in_at, Visit.status).where(
    Visit.customer_id == bindparam("customer_id"), Visit.deleted.is_(False)) \
    .order_by(Visit.checked_in_at.desc()).limit(1)


def last_visit_of_customer(uow: UnitOfWork,
                           customer_id: str) -> tuple[str, datetime, str] | None:
    """(id, checked in at, status) of the customer's latest live visit."""
    # The statement is built once and run on the connection: check-in asks this every time.
    row = uow.session.connection().execute(_LAST_VISIT, {"customer_id": customer_id}).first()
    return None if row is None else (row[0], row[1], row[2])


def ticket_labels_of_day(uow: UnitOfWork, day: date) -> dict[str, str]:
    """visit id → ticket label, every visit of the day (deleted ones too: the log names them)."""
    return {i: t for i, t in uow.session.execute(select(Visit.id, Visit.ticket_label).where(
        Visit.day == day.isoformat()))}


VisitFigureRow = tuple[bool, int, str, str, str | None, datetime, datetime | None,
                       datetime | None, datetime | None, str, str]


def visit_figure_rows(uow: UnitOfWork, start: date, end: date) -> list[VisitFigureRow]:
    """first visit, party size, source, status, consultant, checked in, called, started,
    finished, intent, invalid reason of every live visit from ``start`` to ``end``.

    A visit is a first visit when the customer has no earlier live visit, read from the
    history rather than the flag stored at check-in: the flag cannot know of a duplicate
    merged later (its visits move to the survivor, each still marked first) nor of a visit
    checked in offline on another desk."""
    earlier = aliased(Visit)
    rows = uow.session.execute(select(
        ~exists().where(
            earlier.customer_id == Visit.customer_id, earlier.deleted.is_(False),
            or_(earlier.checked_in_at < Visit.checked_in_at,
                and_(earlier.checked_in_at == Visit.checked_in_at, earlier.id < Visit.id))),
        Visit.party_size, Visit.source, Visit.status,
        Visit.consultant_id, Visit.checked_in_at, Visit.called_at, Visit.started_at,
        Visit.finished_at, Visit.intent, Visit.invalid_reason,
    ).where(Visit.day >= start.isoformat(), Visit.day <= end.isoformat(),
            Visit.deleted.is_(False))).all()
    return [(a, b, c, d, e, f, g, h, i, j, k) for a, b, c, d, e, f, g, h, i, j, k in rows]


# --- backups, notices, attribution -----------------------------------------------------------


def backup_of(uow: UnitOfWork, staff_id: str | None) -> str | None:
    """The colleague this consultant named last as their backup."""
    if not staff_id:
        return None
    return uow.session.scalar(select(ConsultantBackup.backup_staff_id).where(
        ConsultantBackup.staff_id == staff_id, ConsultantBackup.deleted.is_(False))
        .order_by(ConsultantBackup.updated_at.desc()).limit(1))


def live_backups(uow: UnitOfWork, staff_id: str) -> list[ConsultantBackup]:
    return list(uow.session.scalars(select(ConsultantBackup).where(
        ConsultantBackup.staff_id == staff_id, ConsultantBackup.deleted.is_(False))))


def add_backup(uow: UnitOfWork, staff_id: str, backup_staff_id: str) -> ConsultantBackup:
    row = ConsultantBackup(staff_id=staff_id, backup_staff_id=backup_staff_id)
    uow.add(row)
    return row


def new_notice(staff_id: str, visit_id: str, text: str) -> StaffNotice:
    """A notice row not yet in the unit of work: check-in writes it with ``write_new``."""
    return StaffNotice(staff_id=staff_id, visit_id=visit_id, text=text)


def unread_notice_texts(uow: UnitOfWork, staff_id: str, since: datetime,
                        limit: int) -> list[str]:
    """The staff member's unread notices made since ``since``, the latest first."""
    return list(uow.session.scalars(select(StaffNotice.text).where(
        StaffNotice.staff_id == staff_id, StaffNotice.read.is_(False),
        StaffNotice.created_at >= since,
        StaffNotice.deleted.is_(False)).order_by(StaffNotice.created_at.desc())
        .limit(limit)))


def unread_notices(uow: UnitOfWork, staff_id: str) -> list[StaffNotice]:
    return list(uow.session.scalars(select(StaffNotice).where(
        StaffNotice.staff_id == staff_id, StaffNotice.read.is_(False))))
