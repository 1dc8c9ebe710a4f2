"""Check-in: the phone lookup reception sees while typing, and checking a party in (returning
customer attribution 判客, arriving appointment, rotation, ticket) in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from salesdesk.domain.errors import Conflict, ValidationError
from salesdesk.domain.ids import new_id
from salesdesk.domain.local_time import local_day
from salesdesk.domain.phone import mask_phone, normalise_phone
from salesdesk.domain.queue import (
    Source,
    check_party_size,
    check_source,
    is_duplicate,
    public_name,
    ticket_label,
)
from salesdesk.domain.roles import Actor, Permission
from salesdesk.domain.rotation import DUTY_STATUS_ZH, AssignReason, direct, next_up
from salesdesk.services.customers import add_customer
from salesdesk.services.hooks import ArrivingAppointment
from salesdesk.services.reception.context import (
    OPEN_STATUSES,
    ReceptionContext,
    settings_of,
    staff_map,
    wait_estimate,
)
from salesdesk.services.reception.day_rotation import DayRotation
from salesdesk.services.reception.dispatch import assign
from salesdesk.services.reception.results import (
    CheckInResult,
    Lookup,
    OwnerInfo,
    Settings,
    StaffBrief,
)
from salesdesk.store.queries import reception as q
from salesdesk.store.queries.customers import find_customer_id_by_phone
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.reception import Visit


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


def owner_info(uow: UnitOfWork, rot: DayRotation, staff: dict[str, StaffBrief],
               owner_id: str) -> OwnerInfo:
    m = rot.state.member(owner_id)
    status = m.status.value if m is not None else ""
    label = DUTY_STATUS_ZH[m.status] if m is not None else "今日未在岗"
    backup_id = q.backup_of(uow, owner_id)
    owner = staff.get(owner_id)
    backup = staff.get(backup_id or "")
    return OwnerInfo(owner_id, owner.name if owner else "", status, label, backup_id,
                     backup.name if backup else "")


def lookup(ctx: ReceptionContext, actor: Actor, phone: str) -> Lookup:
    """What reception sees while typing the phone: the customer (masked), their owner and
    the owner's status, today's appointments."""
    actor.require(Permission.VIEW_QUEUE)
    e164 = normalise_phone(phone)
    with ctx.db.reader(actor) as uow:
        cid = find_customer_id_by_phone(uow, e164)
        if cid is None:
            return Lookup(None, "", mask_phone(e164), 0, "", None, (), "")
        c = q.customer(uow, cid)
        if c is None or c.deleted:
            return Lookup(None, "", mask_phone(e164), 0, "", None, (), "")
        day = ctx.today()
        rot = ctx.rotation(uow, day)
        staff = staff_map(uow)
        owner = (owner_info(uow, rot, staff, c.owner_staff_id)
                 if c.owner_staff_id else None)
        rows = q.visits_of_customer(uow, cid)
        open_ticket = next((t for d, s, t in rows if d == day.isoformat()
                            and s in OPEN_STATUSES), "")
        appts: tuple[ArrivingAppointment, ...] = ()
        if ctx.arrivals is not None:
            appts = tuple(ctx.arrivals.todays_for_customer(uow, cid, ctx.db.now()))
        # "来访 N 次" counts this visit too, unless they are checked in already (then it is
        # among the rows): the same count whether the desk looks before or after.
        visits = len(rows) + (0 if open_ticket else 1)
        return Lookup(cid, public_name(c.salutation, c.name) or "客户", mask_phone(e164),
                      visits, rows[0][0] if rows else "", owner, appts, open_ticket)


def check_in(ctx: ReceptionContext, actor: Actor, req: CheckInRequest) -> CheckInResult:
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
    now = ctx.db.now()
    day = local_day(now)
    with ctx.db.uow(actor) as uow:
        reads = q.checkin_reads(uow, day, ctx.ticket_prefix())
        settings = settings_of(reads.settings)
        holders = q.walk_in(uow, e164)
        customer: q.WalkIn | None = None
        last: q.LastVisit | None = None
        if len(holders) > 1:  # two registrations of one number: the same choice as anywhere
            customer, last = holders[find_customer_id_by_phone(uow, e164) or ""]
        elif holders:
            customer, last = next(iter(holders.values()))
        been_before = False
        if customer is not None:
            been_before = last is not None
            if last is not None and is_duplicate(
                    last[1], now, settings.duplicate_minutes, last[2] not in OPEN_STATUSES):
                previous = q.visit(uow, last[0])
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
            c = add_customer(uow, e164=e164, name=req.name, salutation=req.salutation,
                             consent_at=now)
            customer = q.WalkIn(c.id, c.name, c.salutation, c.owner_staff_id)
        elif req.salutation.strip() and not customer.salutation:
            row = q.customer(uow, customer.id)
            assert row is not None
            row.salutation = req.salutation.strip()
        salutation = req.salutation.strip() or customer.salutation
        rot = ctx.rotation(uow, day, reads.event_count)
        # The check-in's own rows (rotation events, notices, the visit, its ticket and audit
        # entry) are gathered in the order they are made and written at once, as plain INSERTs
        # with their outbox entries (q.write_new): the ORM's unit of work cost more than SQLite
        # takes to store them.
        rows: list[object] = []
        rot.collect_into(rows)
        number = reads.last_ticket_number + 1
        label = ticket_label(ctx.ticket_prefix(), number)
        # The id is made here (as the column default would) so the route, its rotation
        # events and the ticket can refer to the visit before one single INSERT.
        v = q.new_visit(id=new_id(), day=day.isoformat(), customer_id=customer.id,
                        first_visit=not been_before, party_size=req.party_size,
                        source=source.value, agency_name=req.agency_name.strip(),
                        agent_name=req.agent_name.strip(), salutation=salutation,
                        important=req.important or req.very_important,
                        very_important=req.very_important, group_tour=req.group_tour,
                        checked_in_at=now, status="waiting", route="rotation",
                        ticket_label=label)
        appointment = _route(ctx, uow, rot, settings, v, customer, req, rows)
        rows.append(v)
        rows.append(q.new_ticket(day=day.isoformat(), prefix=ctx.ticket_prefix(),
                                 number=number, label=label, visit_id=v.id,
                                 status="called" if v.status == "called" else "waiting"))
        rows.append(q.new_audit_event(
            action="reception.check_in", entity="visit", row_id=v.id,
            detail=f"route={v.route} ticket={v.ticket_label} party={v.party_size}"))
        q.write_new(uow, rows)
        wait = 0
        if v.status == "waiting":
            ahead = q.count_visits_in(uow, day, "waiting") or 1
            wait = wait_estimate(uow, day, rot, ahead)
        consultant_name = reads.staff_names.get(v.consultant_id, "") if v.consultant_id else ""
        result = CheckInResult(
            v.id, v.ticket_label, public_name(salutation, customer.name) or "访客",
            mask_phone(e164), v.first_visit, v.route, v.status, v.consultant_id,
            consultant_name, wait, False, appointment)
        uow.commit()
        rot.committed()
        return result


def _route(ctx: ReceptionContext, uow: UnitOfWork, rot: DayRotation, settings: Settings,
           v: Visit, customer: q.WalkIn, req: CheckInRequest,
           rows: list[object]) -> ArrivingAppointment | None:
    now = ctx.db.now()
    # 1. An arriving appointment goes to its consultant (or the signing desk) directly.
    if ctx.arrivals is not None:
        appts = ctx.arrivals.todays_for_customer(uow, customer.id, now)
        if appts:
            a = sorted(appts, key=lambda x: x.starts_at)[0]
            ctx.arrivals.mark_arrived(uow, a.appointment_id)
            v.appointment_id = a.appointment_id
            if a.kind == "signing":
                v.route, v.status = "signing", "signing"
                v.consultant_id = a.consultant_id
                return a
            v.route = "appointment"
            if a.consultant_id:
                v.consultant_id = a.consultant_id
                if rot.state.available(a.consultant_id):
                    assign(rot, v, a.consultant_id, (direct(
                        rot.state, a.consultant_id, AssignReason.APPOINTMENT),), now)
                return a
    # 2. A returning customer goes back to their owner (判客).
    owner_id = customer.owner_staff_id
    if owner_id and not v.appointment_id:
        if rot.state.available(owner_id):
            v.route = "owner"
            assign(rot, v, owner_id, (direct(rot.state, owner_id,
                                             AssignReason.RETURNING_OWNER),), now)
            return None
        staff = staff_map(uow)
        owner = owner_info(uow, rot, staff, owner_id)
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
                assign(rot, v, owner.backup_id, (direct(
                    rot.state, owner.backup_id, AssignReason.OWNER_BACKUP),), now)
            _notify(rows, owner_id, v, f"您的客户{v.salutation or ''}今日到访，"
                    f"由备岗{owner.backup_name}接待（归属不变）")
            return None
        # Rotation: the owner is told; ownership only moves by a supervisor's decision.
        _notify(rows, owner_id, v, f"您的客户{v.salutation or ''}今日到访，您不在，"
                "已按轮序接待（归属不变）")
    # 3. Everyone else: the rotation (important visitors by the senior/manager rule).
    d = next_up(rot.state, settings.rules, important=v.important,
                very_important=bool(v.very_important), visit_id=v.id)
    if d.staff_id is not None:
        assign(rot, v, d.staff_id, d.events, now)
    return None


def _notify(rows: list[object], staff_id: str, v: Visit, text: str) -> None:
    rows.append(q.new_notice(staff_id, v.id, text[:400]))
