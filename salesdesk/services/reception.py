"""Reception: check-in, returning-customer attribution (判客), the rotation, the waiting queue
and the consultant's actions. Every rotation decision is stored as an event with its reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from salesdesk.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from salesdesk.domain.ids import new_id
from salesdesk.domain.local_time import PROJECT_TZ, local_day
from salesdesk.domain.phone import mask_phone, normalise_phone
from salesdesk.domain.queue import (
    SOURCE_ZH,
    Intent,
    Source,
    check_party_size,
    check_source,
    estimated_wait_minutes,
    is_duplicate,
    public_name,
)
from salesdesk.domain.roles import Actor, Permission
from salesdesk.domain.rotation import (
    DUTY_STATUS_ZH,
    AssignReason,
    DutyStatus,
    EventKind,
    RotationEvent,
    direct,
    next_up,
)
from salesdesk.services import audit
from salesdesk.services.customers import add_customer
from salesdesk.services.hooks import AppointmentArrivals, ArrivingAppointment
from salesdesk.services.reception_store import (
    DayRotation,
    RotationCache,
    Settings,
    StaffBrief,
    load_settings,
    next_ticket,
    recent_durations,
    set_ticket_status,
    staff_map,
)
from salesdesk.store.database import Database, get_local_meta
from salesdesk.store.models.customer import Customer
from salesdesk.store.models.org import Staff
from salesdesk.store.models.reception import (
    AttributionChange,
    ConsultantBackup,
    QueueTicket,
    ReceptionSettings,
    StaffNotice,
    Visit,
)
from salesdesk.store.queries.customers import find_customer_id_by_phone
from salesdesk.store.uow import UnitOfWork

OPEN_STATUSES = ("waiting", "called", "receiving", "parked")


class OwnerChoice:
    WAIT = "wait"
    BACKUP = "backup"
    ROTATION = "rotation"


@dataclass(frozen=True)
class CheckInRequest:
    phone: str
    party_size: int = 1
    source: str = Source.WALK_IN.value
    agency_name: str = ""
    agent_name: str = ""
    name: str = ""
    salutation: str = ""
    important: bool = False
    very_important: bool = False  # the second tier: the sales manager receives (tiered mode)
    group_tour: bool = False
    consent: bool = False  # needed only to register a new customer
    owner_choice: str | None = None  # when the owner is not free: wait | backup | rotation


@dataclass(frozen=True)
class CheckInResult:
    visit_id: str
    ticket: str
    display_name: str  # 王先生, for the screen
    masked_phone: str
    first_visit: bool
    route: str
    status: str
    consultant_id: str | None
    consultant_name: str
    wait_minutes: int  # estimated, when the party waits
    duplicate: bool
    appointment_label: str = ""


@dataclass(frozen=True)
class OwnerInfo:
    staff_id: str
    name: str
    status: str  # a DutyStatus value, or "" when not on today's list
    status_label: str
    backup_id: str | None
    backup_name: str

    @property
    def available(self) -> bool:
        return self.status == DutyStatus.AVAILABLE.value


@dataclass(frozen=True)
class Lookup:
    customer_id: str | None
    display_name: str
    masked_phone: str
    visits: int
    last_visit_day: str
    owner: OwnerInfo | None
    appointments: tuple[ArrivingAppointment, ...]
    open_visit_ticket: str  # checked in already today and still open


@dataclass(frozen=True)
class RotationEntry:
    staff_id: str
    name: str
    agency: str
    senior: bool
    manager: bool
    status: str
    status_label: str
    note: str
    position: int  # 1 = next up; 0 = not in the walk-in cycle
    receptions_today: int
    current_ticket: str


@dataclass(frozen=True)
class QueueEntry:
    visit_id: str
    ticket: str
    display_name: str
    party_size: int
    source_label: str
    status: str
    route: str
    consultant_id: str | None
    consultant_name: str
    checked_in_at: datetime
    waited_minutes: int
    important: bool
    group_tour: bool
    customer_id: str
    first_visit: bool
    recalls: int
    called_at: datetime | None
    very_important: bool = False


@dataclass(frozen=True)
class Floor:
    day: date
    rotation: tuple[RotationEntry, ...]
    waiting: tuple[QueueEntry, ...]  # not yet received (waiting or called), oldest first
    receiving: tuple[QueueEntry, ...]
    parked: tuple[QueueEntry, ...]
    estimated_wait_minutes: int  # for a party checking in now


@dataclass(frozen=True)
class MyQueue:
    status: str
    status_label: str
    on_duty: bool
    current: QueueEntry | None  # being received
    next: tuple[QueueEntry, ...]  # assigned to me, not started (called or waiting for me)
    parked: tuple[QueueEntry, ...]
    notices: tuple[str, ...]


@dataclass(frozen=True)
class BoardCall:
    ticket: str
    display_name: str
    consultant_name: str
    at: datetime | None


@dataclass(frozen=True)
class Board:
    now_receiving: tuple[BoardCall, ...]
    last_called: tuple[BoardCall, ...]
    waiting_count: int
    estimated_wait_minutes: int


@dataclass(frozen=True)
class LogEntry:
    at: datetime
    kind: str
    staff_name: str
    reason: str  # code
    note: str
    ticket: str


def _minutes(delta: timedelta) -> int:
    return max(0, int(delta.total_seconds() // 60))


class ReceptionService:
    def __init__(self, db: Database, arrivals: AppointmentArrivals | None = None) -> None:
        self._db = db
        self.arrivals = arrivals
        self._prefix: str | None = None
        self._rotations = RotationCache()

    # --- helpers -----------------------------------------------------------------------

    def today(self) -> date:
        return local_day(self._db.now())

    def ticket_prefix(self) -> str:
        if self._prefix is None:
            self._prefix = get_local_meta(self._db, "ticket_prefix") or "A"
        return self._prefix

    def _queue_entry(self, v: Visit, staff: dict[str, StaffBrief], now: datetime) -> QueueEntry:
        end = v.started_at or now
        consultant = staff.get(v.consultant_id or "")
        return QueueEntry(
            v.id, v.ticket_label, public_name(v.salutation, "") or "访客", v.party_size,
            SOURCE_ZH.get(Source(v.source), v.source) if v.source in Source._value2member_map_
            else v.source,
            v.status, v.route, v.consultant_id, consultant.name if consultant else "",
            v.checked_in_at, _minutes(end - v.checked_in_at), v.important, v.group_tour,
            v.customer_id, v.first_visit, v.recalls, v.called_at, bool(v.very_important),
        )

    def _open_visits(self, uow: UnitOfWork, day: date) -> list[Visit]:
        return list(uow.session.scalars(select(Visit).where(
            Visit.day == day.isoformat(), Visit.status.in_(OPEN_STATUSES),
            Visit.deleted.is_(False)).order_by(Visit.checked_in_at)))

    def _wait_estimate(self, uow: UnitOfWork, day: date, rot: DayRotation,
                       position: int) -> int:
        on_duty = sum(1 for s in rot.state.order if rot.state.on_duty(s))
        return estimated_wait_minutes(position, on_duty, recent_durations(uow, day))

    def _owner_info(self, uow: UnitOfWork, rot: DayRotation, staff: dict[str, StaffBrief],
                    owner_id: str) -> OwnerInfo:
        m = rot.state.member(owner_id)
        status = m.status.value if m is not None else ""
        label = DUTY_STATUS_ZH[m.status] if m is not None else "今日未在岗"
        backup_id = uow.session.scalar(select(ConsultantBackup.backup_staff_id).where(
            ConsultantBackup.staff_id == owner_id, ConsultantBackup.deleted.is_(False))
            .order_by(ConsultantBackup.updated_at.desc()).limit(1))
        owner = staff.get(owner_id)
        backup = staff.get(backup_id or "")
        return OwnerInfo(owner_id, owner.name if owner else "", status, label, backup_id,
                         backup.name if backup else "")

    def _assign(self, rot: DayRotation, v: Visit, staff_id: str, events: tuple[RotationEvent,
                ...], now: datetime) -> None:
        rot.record(*(RotationEvent(e.kind, e.staff_id, e.reason, e.note, v.id, e.status,
                                   e.order) for e in events))
        v.consultant_id = staff_id
        v.status = "called"
        v.called_at = now

    def _dispatch(self, uow: UnitOfWork, rot: DayRotation, settings: Settings) -> None:
        """Give waiting parties to consultants who are free: first those waiting for a named
        consultant (owner, backup, appointment), then the rest by the rotation, oldest first."""
        now = self._db.now()
        waiting = [v for v in self._open_visits(uow, rot.day) if v.status == "waiting"]
        for v in waiting:
            if v.consultant_id and rot.state.available(v.consultant_id):
                reason = {"backup": AssignReason.OWNER_BACKUP,
                          "appointment": AssignReason.APPOINTMENT}.get(
                    v.route, AssignReason.RETURNING_OWNER)
                self._assign(rot, v, v.consultant_id, (direct(rot.state, v.consultant_id,
                                                              reason),), now)
                set_ticket_status(uow, v.id, "called")
        for v in waiting:
            if v.status != "waiting" or v.consultant_id:
                continue
            d = next_up(rot.state, settings.rules, important=v.important,
                        very_important=bool(v.very_important))
            if d.staff_id is not None:
                self._assign(rot, v, d.staff_id, d.events, now)
                set_ticket_status(uow, v.id, "called")

    def _visit_for(self, uow: UnitOfWork, actor: Actor, visit_id: str) -> Visit:
        v = uow.session.get(Visit, visit_id)
        if v is None or v.deleted:
            raise NotFound("没有这个来访记录", en="No such visit")
        if v.consultant_id != actor.staff_id and not actor.can(Permission.MANAGE_ROTATION):
            raise PermissionDenied("这组客户不是分给您的", en="This party is not assigned to you")
        return v

    # --- check-in ----------------------------------------------------------------------

    def lookup(self, actor: Actor, phone: str) -> Lookup:
        """What reception sees while typing the phone: the customer (masked), their owner and
        the owner's status, today's appointments."""
        actor.require(Permission.VIEW_QUEUE)
        e164 = normalise_phone(phone)
        with self._db.reader(actor) as uow:
            cid = find_customer_id_by_phone(uow, e164)
            if cid is None:
                return Lookup(None, "", mask_phone(e164), 0, "", None, (), "")
            c = uow.session.get(Customer, cid)
            if c is None or c.deleted:
                return Lookup(None, "", mask_phone(e164), 0, "", None, (), "")
            day = self.today()
            rot = DayRotation(uow, day, self._rotations)
            staff = staff_map(uow)
            owner = (self._owner_info(uow, rot, staff, c.owner_staff_id)
                     if c.owner_staff_id else None)
            rows = uow.session.execute(select(Visit.day, Visit.status, Visit.ticket_label).where(
                Visit.customer_id == cid, Visit.deleted.is_(False))
                .order_by(Visit.checked_in_at.desc())).all()
            open_ticket = next((t for d, s, t in rows if d == day.isoformat()
                                and s in OPEN_STATUSES), "")
            appts: tuple[ArrivingAppointment, ...] = ()
            if self.arrivals is not None:
                appts = tuple(self.arrivals.todays_for_customer(uow, cid, self._db.now()))
            return Lookup(cid, public_name(c.salutation, c.name) or "客户", mask_phone(e164),
                          len(rows), rows[0][0] if rows else "", owner, appts, open_ticket)

    def check_in(self, actor: Actor, req: CheckInRequest) -> CheckInResult:
        """Check a party in: phone lookup, attribution, appointment, rotation and ticket, in one
        transaction. Bad input raises before anything is written."""
        actor.require(Permission.CHECK_IN)
        e164 = normalise_phone(req.phone)
        check_party_size(req.party_size)
        source = check_source(req.source, req.agency_name, req.agent_name)
        if req.owner_choice not in (None, OwnerChoice.WAIT, OwnerChoice.BACKUP,
                                    OwnerChoice.ROTATION):
            raise ValidationError("请选择接待方式", en="Choose how to route the party",
                                  field="owner_choice")
        now = self._db.now()
        day = local_day(now)
        with self._db.uow(actor) as uow:
            settings = load_settings(uow)
            cid = find_customer_id_by_phone(uow, e164)
            customer = uow.session.get(Customer, cid) if cid else None
            if customer is not None and customer.deleted:
                customer = None
            been_before = False
            if customer is not None:
                last = uow.session.execute(select(
                    Visit.id, Visit.checked_in_at, Visit.status).where(
                    Visit.customer_id == customer.id, Visit.deleted.is_(False))
                    .order_by(Visit.checked_in_at.desc()).limit(1)).first()
                been_before = last is not None
                if last is not None and is_duplicate(
                        last[1], now, settings.duplicate_minutes, last[2] not in OPEN_STATUSES):
                    previous = uow.session.get(Visit, last[0])
                    assert previous is not None
                    staff = staff_map(uow)
                    cons = staff.get(previous.consultant_id or "")
                    return CheckInResult(
                        previous.id, previous.ticket_label,
                        public_name(previous.salutation, customer.name) or "访客",
                        mask_phone(e164), previous.first_visit, previous.route, previous.status,
                        previous.consultant_id, cons.name if cons else "", 0, True)
            if customer is None:
                if not req.consent:
                    raise ValidationError(
                        "新客户：请先征得客户同意登记手机号", field="consent",
                        en="New customer: ask for their consent to record the phone number")
                customer = add_customer(uow, e164=e164, name=req.name, salutation=req.salutation,
                                        consent_at=now)
            elif req.salutation.strip() and not customer.salutation:
                customer.salutation = req.salutation.strip()
            salutation = req.salutation.strip() or customer.salutation
            rot = DayRotation(uow, day, self._rotations)
            number, label = next_ticket(uow, day, self.ticket_prefix())
            # The id is made here (as the column default would) so the route, its rotation
            # events and the ticket can refer to the visit before one single INSERT.
            v = Visit(id=new_id(), day=day.isoformat(), customer_id=customer.id,
                      first_visit=not been_before, party_size=req.party_size,
                      source=source.value, agency_name=req.agency_name.strip(),
                      agent_name=req.agent_name.strip(), salutation=salutation,
                      important=req.important or req.very_important,
                      very_important=req.very_important, group_tour=req.group_tour,
                      checked_in_at=now, status="waiting", route="rotation",
                      ticket_label=label)
            appointment = self._route(uow, rot, settings, v, customer, req)
            uow.add(v)
            uow.add(QueueTicket(day=day.isoformat(), prefix=self.ticket_prefix(), number=number,
                                label=label, visit_id=v.id,
                                status="called" if v.status == "called" else "waiting"))
            audit.record(uow, "reception.check_in", "visit", v.id,
                         f"route={v.route} ticket={v.ticket_label} party={v.party_size}")
            wait = 0
            if v.status == "waiting":
                ahead = uow.session.scalar(select(func.count()).select_from(Visit).where(
                    Visit.day == day.isoformat(), Visit.status == "waiting",
                    Visit.deleted.is_(False))) or 1
                wait = self._wait_estimate(uow, day, rot, ahead)
            consultant_name = ""
            if v.consultant_id:
                consultant_name = uow.session.scalar(select(Staff.name).where(
                    Staff.id == v.consultant_id)) or ""
            result = CheckInResult(
                v.id, v.ticket_label, public_name(salutation, customer.name) or "访客",
                mask_phone(e164), v.first_visit, v.route, v.status, v.consultant_id,
                consultant_name, wait, False, appointment.label if appointment else "")
            uow.commit()
            rot.committed()
            return result

    def _route(self, uow: UnitOfWork, rot: DayRotation, settings: Settings, v: Visit,
               customer: Customer, req: CheckInRequest) -> ArrivingAppointment | None:
        now = self._db.now()
        # 1. An arriving appointment goes to its consultant (or the signing desk) directly.
        if self.arrivals is not None:
            appts = self.arrivals.todays_for_customer(uow, customer.id, now)
            if appts:
                a = sorted(appts, key=lambda x: x.starts_at)[0]
                self.arrivals.mark_arrived(uow, a.appointment_id)
                v.appointment_id = a.appointment_id
                if a.kind == "signing":
                    v.route, v.status = "signing", "signing"
                    v.consultant_id = a.consultant_id
                    return a
                v.route = "appointment"
                if a.consultant_id:
                    v.consultant_id = a.consultant_id
                    if rot.state.available(a.consultant_id):
                        self._assign(rot, v, a.consultant_id, (direct(
                            rot.state, a.consultant_id, AssignReason.APPOINTMENT),), now)
                    return a
        # 2. A returning customer goes back to their owner (判客).
        owner_id = customer.owner_staff_id
        if owner_id and not v.appointment_id:
            if rot.state.available(owner_id):
                v.route = "owner"
                self._assign(rot, v, owner_id, (direct(rot.state, owner_id,
                                                       AssignReason.RETURNING_OWNER),), now)
                return None
            staff = staff_map(uow)
            owner = self._owner_info(uow, rot, staff, owner_id)
            choice = req.owner_choice
            if choice is None:
                raise Conflict(
                    f"老客户，原顾问{owner.name}{owner.status_label}：请选择等待、由备岗接待或按轮序接待",
                    en=f"Returning customer; their consultant {owner.name} is not free "
                       f"({owner.status or 'not on duty'}): choose wait, backup or rotation",
                    field="owner_choice")
            if choice == OwnerChoice.WAIT:
                v.route, v.consultant_id = "wait_owner", owner_id
                return None
            if choice == OwnerChoice.BACKUP:
                if owner.backup_id is None:
                    raise ValidationError(f"{owner.name}未指定备岗同事", field="owner_choice",
                                          en=f"{owner.name} has named no backup")
                v.route, v.consultant_id = "backup", owner.backup_id
                if rot.state.available(owner.backup_id):
                    self._assign(rot, v, owner.backup_id, (direct(
                        rot.state, owner.backup_id, AssignReason.OWNER_BACKUP),), now)
                self._notify(uow, owner_id, v, f"您的客户{v.salutation or ''}今日到访，"
                             f"由备岗{owner.backup_name}接待（归属不变）")
                return None
            # Rotation: the owner is told; ownership only moves by a supervisor's decision.
            self._notify(uow, owner_id, v, f"您的客户{v.salutation or ''}今日到访，您不在，"
                         "已按轮序接待（归属不变）")
        # 3. Everyone else: the rotation (important visitors by the senior/manager rule).
        d = next_up(rot.state, settings.rules, important=v.important,
                    very_important=bool(v.very_important), visit_id=v.id)
        if d.staff_id is not None:
            self._assign(rot, v, d.staff_id, d.events, now)
        return None

    def _notify(self, uow: UnitOfWork, staff_id: str, v: Visit, text: str) -> None:
        uow.add(StaffNotice(staff_id=staff_id, visit_id=v.id, text=text[:400]))

    # --- the floor (reception's view) ----------------------------------------------------

    def floor(self, actor: Actor) -> Floor:
        actor.require(Permission.VIEW_QUEUE)
        now = self._db.now()
        day = local_day(now)
        with self._db.reader(actor) as uow:
            rot = DayRotation(uow, day, self._rotations)
            staff = staff_map(uow)
            visits = self._open_visits(uow, day)
            counts: dict[str, int] = {}
            for sid in uow.session.scalars(select(Visit.consultant_id).where(
                    Visit.day == day.isoformat(), Visit.status.in_(
                        ("receiving", "finished", "parked")), Visit.deleted.is_(False))):
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
                    DUTY_STATUS_ZH[m.status], m.note, pos, counts.get(m.staff_id, 0),
                    tickets.get(m.staff_id, "")))
            q = [self._queue_entry(v, staff, now) for v in visits]
            waiting = tuple(e for e in q if e.status in ("waiting", "called"))
            unassigned = sum(1 for e in q if e.status == "waiting" and not e.consultant_id)
            est = self._wait_estimate(uow, day, rot, unassigned + 1) if not any(
                rot.state.available(s) for s in rot.state.order) else 0
            return Floor(day, tuple(entries), waiting,
                         tuple(e for e in q if e.status == "receiving"),
                         tuple(e for e in q if e.status == "parked"), est)

    def board(self, actor: Actor) -> Board:
        """The display board: tickets and consultants, 王先生 at most, no phone numbers."""
        actor.require(Permission.VIEW_QUEUE)
        now = self._db.now()
        day = local_day(now)
        with self._db.reader(actor) as uow:
            rot = DayRotation(uow, day, self._rotations)
            staff = staff_map(uow)
            visits = self._open_visits(uow, day)

            def call(v: Visit) -> BoardCall:
                cons = staff.get(v.consultant_id or "")
                return BoardCall(v.ticket_label, public_name(v.salutation, ""),
                                 cons.name if cons else "", v.called_at)

            now_ = [v for v in visits if v.status in ("called", "receiving") and v.consultant_id]
            now_.sort(key=lambda v: v.called_at or v.checked_in_at, reverse=True)
            receiving = tuple(call(v) for v in now_)  # the latest call first
            called = uow.session.scalars(select(Visit).where(
                Visit.day == day.isoformat(), Visit.called_at.is_not(None),
                Visit.deleted.is_(False)).order_by(Visit.called_at.desc()).limit(5)).all()
            waiting = [v for v in visits if v.status == "waiting"]
            est = self._wait_estimate(uow, day, rot, len(waiting) + 1) if not any(
                rot.state.available(s) for s in rot.state.order) else 0
            return Board(receiving, tuple(call(v) for v in called), len(waiting), est)

    # --- the rotation --------------------------------------------------------------------

    def _may_manage(self, actor: Actor, staff_id: str) -> None:
        if staff_id == actor.staff_id and actor.can(Permission.RECEIVE_CUSTOMER):
            return
        if actor.can(Permission.CHECK_IN) or actor.can(Permission.MANAGE_ROTATION):
            return
        raise PermissionDenied("只能更改自己的在岗状态", en="You may only change your own status")

    def join(self, actor: Actor, staff_ids: list[str]) -> None:
        """Put consultants on today's list (at the back, in the order given)."""
        for sid in staff_ids:
            self._may_manage(actor, sid)
        with self._db.uow(actor) as uow:
            staff = staff_map(uow)
            rot = DayRotation(uow, self.today(), self._rotations)
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
            self._dispatch(uow, rot, settings)
            uow.commit()
            rot.committed()

    def set_status(self, actor: Actor, staff_id: str, status: str, note: str = "") -> None:
        """Break, meeting, off, or back to available, with a typed reason."""
        self._may_manage(actor, staff_id)
        try:
            st = DutyStatus(status)
        except ValueError:
            raise ValidationError("状态不正确", en="Unknown status", field="status") from None
        if st is DutyStatus.RECEIVING:
            raise ValidationError("接待状态由系统设置", en="Receiving is set by a reception",
                                  field="status")
        with self._db.uow(actor) as uow:
            rot = DayRotation(uow, self.today(), self._rotations)
            m = rot.state.member(staff_id)
            if m is None:
                raise Conflict("不在今日轮序名单中", en="Not on today's list")
            if m.status is DutyStatus.RECEIVING:
                raise Conflict("正在接待，请先结束接待", en="Finish the reception first")
            rot.record(RotationEvent(EventKind.STATUS, staff_id, st.value, note.strip(),
                                     status=st.value))
            audit.record(uow, "rotation.status", "staff", staff_id, st.value)
            self._dispatch(uow, rot, load_settings(uow))
            uow.commit()
            rot.committed()

    def reorder(self, actor: Actor, order: list[str], reason: str) -> None:
        actor.require(Permission.MANAGE_ROTATION)
        if not reason.strip():
            raise ValidationError("调整轮序须填写原因", en="A reorder needs a reason",
                                  field="reason")
        with self._db.uow(actor) as uow:
            rot = DayRotation(uow, self.today(), self._rotations)
            if sorted(order) != sorted(rot.state.order):
                raise Conflict("名单已变化，请刷新后再调整", en="The list changed; refresh first")
            rot.record(RotationEvent(EventKind.REORDER, actor.staff_id, "manual",
                                     reason.strip(), order=tuple(order)))
            audit.record(uow, "rotation.reorder", "rotation", "", reason.strip()[:200])
            uow.commit()
            rot.committed()

    def set_backup(self, actor: Actor, staff_id: str, backup_staff_id: str) -> None:
        if staff_id != actor.staff_id:
            actor.require(Permission.MANAGE_ROTATION)
        else:
            actor.require(Permission.RECEIVE_CUSTOMER)
        if staff_id == backup_staff_id:
            raise ValidationError("备岗不能是本人", en="Choose a colleague", field="backup")
        with self._db.uow(actor) as uow:
            if backup_staff_id not in staff_map(uow):
                raise NotFound("没有这位员工", en="No such staff member")
            for row in uow.session.scalars(select(ConsultantBackup).where(
                    ConsultantBackup.staff_id == staff_id, ConsultantBackup.deleted.is_(False))):
                row.deleted = True
            uow.add(ConsultantBackup(staff_id=staff_id, backup_staff_id=backup_staff_id))
            uow.commit()

    def reassign_owner(self, actor: Actor, customer_id: str, to_staff_id: str,
                       reason: str) -> None:
        """Ownership (判客) moves only by a supervisor's logged decision."""
        actor.require(Permission.MANAGE_ROTATION)
        if not reason.strip():
            raise ValidationError("请填写原因", en="Give a reason", field="reason")
        with self._db.uow(actor) as uow:
            c = uow.session.get(Customer, customer_id)
            if c is None or c.deleted:
                raise NotFound("没有这个客户", en="No such customer")
            if to_staff_id not in staff_map(uow):
                raise NotFound("没有这位员工", en="No such staff member")
            uow.add(AttributionChange(customer_id=c.id, from_staff_id=c.owner_staff_id,
                                      to_staff_id=to_staff_id, reason=reason.strip()[:200]))
            c.owner_staff_id = to_staff_id
            audit.record(uow, "customer.reassign_owner", "customer", c.id, reason.strip()[:200])
            uow.commit()

    def settings(self, actor: Actor) -> Settings:
        actor.require(Permission.VIEW_QUEUE)
        with self._db.reader(actor) as uow:
            return load_settings(uow)

    def save_settings(self, actor: Actor, new: Settings) -> None:
        actor.require(Permission.MANAGE_SETTINGS)
        if not (1 <= new.no_show_minutes <= 120 and 1 <= new.duplicate_minutes <= 120):
            raise ValidationError("分钟数应在 1–120 之间", en="Minutes must be 1–120",
                                  field="minutes")
        with self._db.uow(actor) as uow:
            row = uow.session.scalar(select(ReceptionSettings).where(
                ReceptionSettings.deleted.is_(False)).limit(1))
            if row is None:
                row = ReceptionSettings()
                uow.add(row)
            row.important_mode = new.important_mode.value
            row.joint_mode = new.joint_mode.value
            row.no_show_minutes = new.no_show_minutes
            row.duplicate_minutes = new.duplicate_minutes
            audit.record(uow, "reception.settings", "reception_settings", "")
            uow.commit()

    def day_log(self, actor: Actor, day: date) -> list[LogEntry]:
        """Replay a day: every rotation decision with its reason."""
        if not actor.can(Permission.VIEW_AUDIT):
            actor.require(Permission.MANAGE_ROTATION)
        from salesdesk.services.reception_store import load_events

        with self._db.reader(actor) as uow:
            staff = staff_map(uow)
            stored = load_events(uow, day)
            tickets = dict(uow.session.execute(select(Visit.id, Visit.ticket_label).where(
                Visit.day == day.isoformat())).all())
            out = []
            for s in stored:
                e = s.event
                who = staff.get(e.staff_id)
                out.append(LogEntry(s.at, e.kind.value, who.name if who else e.name,
                                    e.reason, e.note, tickets.get(e.visit_id, "")))
            return out

    # --- the consultant's side -------------------------------------------------------------

    def my_queue(self, actor: Actor) -> MyQueue:
        actor.require(Permission.VIEW_QUEUE)
        now = self._db.now()
        day = local_day(now)
        with self._db.reader(actor) as uow:
            rot = DayRotation(uow, day, self._rotations)
            staff = staff_map(uow)
            mine = [self._queue_entry(v, staff, now) for v in self._open_visits(uow, day)
                    if v.consultant_id == actor.staff_id]
            day_start = datetime.combine(day, time(0, 0), PROJECT_TZ).astimezone(UTC)
            notices = tuple(uow.session.scalars(select(StaffNotice.text).where(
                StaffNotice.staff_id == actor.staff_id, StaffNotice.read.is_(False),
                StaffNotice.created_at >= day_start,
                StaffNotice.deleted.is_(False)).order_by(StaffNotice.created_at.desc())
                .limit(10)))
            m = rot.state.member(actor.staff_id)
            status = m.status if m is not None else DutyStatus.OFF
            return MyQueue(
                status.value, DUTY_STATUS_ZH[status] if m is not None else "今日未在岗",
                m is not None and m.status is not DutyStatus.OFF,
                next((e for e in mine if e.status == "receiving"), None),
                tuple(e for e in mine if e.status in ("called", "waiting")),
                tuple(e for e in mine if e.status == "parked"), notices)

    def call_next(self, actor: Actor) -> QueueEntry | None:
        """Call my next party to the board (the oldest assigned to me)."""
        actor.require(Permission.RECEIVE_CUSTOMER)
        now = self._db.now()
        with self._db.uow(actor) as uow:
            rot = DayRotation(uow, local_day(now), self._rotations)
            if rot.state.available(actor.staff_id):
                self._dispatch(uow, rot, load_settings(uow))
                uow.flush()
            mine = [v for v in self._open_visits(uow, local_day(now))
                    if v.consultant_id == actor.staff_id and v.status in ("called", "waiting")]
            if not mine:
                uow.commit()
                rot.committed()
                return None
            v = mine[0]
            if v.status == "waiting":
                if not rot.state.available(actor.staff_id):
                    raise Conflict("请先结束当前接待", en="Finish your current reception first")
                reason = AssignReason.APPOINTMENT if v.route == "appointment" else (
                    AssignReason.OWNER_BACKUP if v.route == "backup"
                    else AssignReason.RETURNING_OWNER)
                self._assign(rot, v, actor.staff_id, (direct(rot.state, actor.staff_id,
                                                             reason),), now)
            else:
                v.called_at = now
            set_ticket_status(uow, v.id, "called")
            uow.flush()
            entry = self._queue_entry(v, staff_map(uow), now)
            uow.commit()
            rot.committed()
            return entry

    def recall(self, actor: Actor, visit_id: str) -> None:
        actor.require(Permission.RECEIVE_CUSTOMER)
        with self._db.uow(actor) as uow:
            v = self._visit_for(uow, actor, visit_id)
            if v.status != "called":
                raise Conflict("只有已叫号的客户可以重新叫号", en="Only a called party can be recalled")
            v.called_at = self._db.now()
            v.recalls += 1
            set_ticket_status(uow, v.id, "called")
            uow.commit()

    def start(self, actor: Actor, visit_id: str) -> None:
        actor.require(Permission.RECEIVE_CUSTOMER)
        with self._db.uow(actor) as uow:
            v = self._visit_for(uow, actor, visit_id)
            if v.status not in ("called", "parked"):
                raise Conflict("这组客户不在待接待状态", en="This party is not waiting to be received")
            rot = DayRotation(uow, v_day(v), self._rotations)
            if v.status == "parked":
                if not rot.state.available(v.consultant_id or ""):
                    raise Conflict("请先结束当前接待", en="Finish your current reception first")
                rot.record(direct(rot.state, v.consultant_id or "", AssignReason.RESUME,
                                  v.id))
            now = self._db.now()
            v.status = "receiving"
            if v.started_at is None:
                v.started_at = now
            if v.called_at is None:
                v.called_at = now
            set_ticket_status(uow, v.id, "serving")
            uow.commit()
            rot.committed()

    def finish(self, actor: Actor, visit_id: str, *, intent: str = "", units: str = "",
               notes: str = "", invalid_reason: str = "") -> None:
        """End a reception. A valid first reception makes the consultant the customer's owner
        (first valid registration wins); an invalid one gives the turn back (补位)."""
        actor.require(Permission.RECEIVE_CUSTOMER)
        invalid = invalid_reason.strip()
        if not invalid and intent not in {i.value for i in Intent}:
            raise ValidationError("请选择意向等级 A/B/C", en="Choose the intent A, B or C",
                                  field="intent")
        with self._db.uow(actor) as uow:
            v = self._visit_for(uow, actor, visit_id)
            if v.status not in ("receiving", "called"):
                raise Conflict("这组客户不在接待中", en="This party is not being received")
            now = self._db.now()
            v.status = "finished"
            v.finished_at = now
            if v.started_at is None:
                v.started_at = now
            v.intent = "" if invalid else intent
            v.units_of_interest = units.strip()[:400]
            v.notes = notes.strip()
            v.invalid_reason = invalid[:200]
            set_ticket_status(uow, v.id, "done")
            rot = DayRotation(uow, v_day(v), self._rotations)
            sid = v.consultant_id or ""
            if invalid:
                rot.record(RotationEvent(EventKind.RESTORE, sid, "invalid", invalid, v.id))
            else:
                rot.record(RotationEvent(EventKind.FINISH, sid, visit_id=v.id))
                c = uow.session.get(Customer, v.customer_id)
                if c is not None and c.owner_staff_id is None and sid:
                    c.owner_staff_id = sid
                    audit.record(uow, "customer.attributed", "customer", c.id, "first reception")
            audit.record(uow, "reception.finish", "visit", v.id,
                         "invalid" if invalid else f"intent={intent}")
            self._dispatch(uow, rot, load_settings(uow))
            uow.commit()
            rot.committed()

    def no_show(self, actor: Actor, visit_id: str) -> None:
        """A called party did not come forward within the configured minutes."""
        actor.require(Permission.RECEIVE_CUSTOMER)
        with self._db.uow(actor) as uow:
            v = self._visit_for(uow, actor, visit_id)
            if v.status != "called" or v.called_at is None:
                raise Conflict("只有已叫号的客户可以标记未到", en="Only a called party can be a no-show")
            settings = load_settings(uow)
            now = self._db.now()
            if now - v.called_at < timedelta(minutes=settings.no_show_minutes):
                raise Conflict(f"叫号后 {settings.no_show_minutes} 分钟才能标记未到",
                               en=f"Wait {settings.no_show_minutes} minutes after calling")
            v.status = "no_show"
            v.finished_at = now
            set_ticket_status(uow, v.id, "no_show")
            rot = DayRotation(uow, v_day(v), self._rotations)
            if v.consultant_id:
                rot.record(RotationEvent(EventKind.RESTORE, v.consultant_id, "no_show",
                                         visit_id=v.id))
            audit.record(uow, "reception.no_show", "visit", v.id)
            self._dispatch(uow, rot, settings)
            uow.commit()
            rot.committed()

    def transfer(self, actor: Actor, visit_id: str, to_staff_id: str, reason: str = "") -> None:
        actor.require(Permission.RECEIVE_CUSTOMER)
        with self._db.uow(actor) as uow:
            v = self._visit_for(uow, actor, visit_id)
            if v.status not in ("called", "receiving", "parked", "waiting"):
                raise Conflict("这组客户已结束", en="This party is closed")
            if to_staff_id == v.consultant_id:
                raise ValidationError("请选择其他同事", en="Choose another colleague",
                                      field="to_staff")
            rot = DayRotation(uow, v_day(v), self._rotations)
            if not rot.state.on_duty(to_staff_id):
                raise Conflict("该同事今日不在岗", en="That colleague is not on duty",
                               field="to_staff")
            now = self._db.now()
            if v.consultant_id and v.status in ("called", "receiving"):
                rot.record(RotationEvent(EventKind.FINISH, v.consultant_id, "transfer",
                                         reason.strip(), v.id))
            v.consultant_id = to_staff_id
            v.route = "transfer" if v.route == "rotation" else v.route
            if rot.state.available(to_staff_id):
                rot.record(RotationEvent(EventKind.ASSIGN, to_staff_id,
                                         AssignReason.TRANSFER.value, reason.strip(), v.id))
                v.status, v.called_at = "called", now
                set_ticket_status(uow, v.id, "called")
            else:
                v.status = "waiting"
            audit.record(uow, "reception.transfer", "visit", v.id, reason.strip()[:200])
            self._dispatch(uow, rot, load_settings(uow))
            uow.commit()
            rot.committed()

    def park(self, actor: Actor, visit_id: str, note: str = "") -> None:
        """Set a party aside (gone to see the show flat, waiting for a spouse): the consultant
        is free meanwhile; ``start`` resumes it."""
        actor.require(Permission.RECEIVE_CUSTOMER)
        with self._db.uow(actor) as uow:
            v = self._visit_for(uow, actor, visit_id)
            if v.status not in ("called", "receiving"):
                raise Conflict("这组客户不在接待中", en="This party is not being received")
            v.status = "parked"
            if note.strip():
                v.notes = (v.notes + "\n" + note.strip()).strip()
            rot = DayRotation(uow, v_day(v), self._rotations)
            if v.consultant_id:
                rot.record(RotationEvent(EventKind.FINISH, v.consultant_id, "parked",
                                         note.strip(), v.id))
            self._dispatch(uow, rot, load_settings(uow))
            uow.commit()
            rot.committed()

    def mark_notices_read(self, actor: Actor) -> None:
        actor.require(Permission.VIEW_QUEUE)
        with self._db.uow(actor) as uow:
            for n in uow.session.scalars(select(StaffNotice).where(
                    StaffNotice.staff_id == actor.staff_id, StaffNotice.read.is_(False))):
                n.read = True
            uow.commit()

    def on_duty_staff(self, actor: Actor) -> list[StaffBrief]:
        """Consultants who may be put on the list (for the roster dialog)."""
        actor.require(Permission.VIEW_QUEUE)
        with self._db.reader(actor) as uow:
            return sorted((s for s in staff_map(uow).values() if s.active and s.role in (
                "consultant", "senior_consultant", "supervisor")), key=lambda s: s.code)


def v_day(v: Visit) -> date:
    return date.fromisoformat(v.day)
