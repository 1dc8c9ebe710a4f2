"""The customer record (客户档案, issue 14 §2): find a customer by phone (whole or last four),
name or ticket, and read everything held about them in one place; add a second number
(a spouse's: 判客 then knows it too).

Codes, not labels: statuses and kinds are returned as the stored codes and the UI names them."""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING

from salesdesk.domain.errors import Conflict, NotFound, ValidationError
from salesdesk.domain.phone import mask_phone, normalise_phone
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.services.customers.lookup import customer_info
from salesdesk.services.customers.results import (
    AppointmentEntry,
    AttributionEntry,
    ComplaintEntry,
    CustomerInfo,
    CustomerRecord,
    MaterialsEntry,
    RoundEntry,
    ScoreEntry,
    SubscriptionEntry,
    TaskEntry,
    VisitEntry,
)
from salesdesk.services.customers.service import CustomerService
from salesdesk.store.database import Database
from salesdesk.store.queries import common
from salesdesk.store.queries import customer_record as q
from salesdesk.store.queries import customers as customers_q
from salesdesk.store.queries.customers import find_customer_id_by_phone, merged_ids
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.customer import Customer

log = logging.getLogger(__name__)

# Who opens a customer's whole record: the people who serve, supervise or audit them. Reception
# finds customers at check-in without seeing prices, deposits or complaints.
READERS = (Permission.RECEIVE_CUSTOMER, Permission.MANAGE_ROTATION, Permission.VIEW_AUDIT,
           Permission.RECORD_FOLLOW_UP_ANSWER)
PHONE_LABELS = ("self", "spouse", "other")


def require_reader(actor: Actor) -> None:
    if not any(actor.can(p) for p in READERS):
        actor.require(READERS[0])


class CustomerRecordService:
    def __init__(self, db: Database, customers: CustomerService) -> None:
        self._db = db
        self._customers = customers

    def search(self, actor: Actor, text: str) -> list[CustomerInfo]:
        """Whole phone number, last four digits, a ticket (A031) or part of a name."""
        require_reader(actor)
        text = text.strip()
        if not text:
            raise ValidationError("请输入手机号、后四位、姓名或排队号",
                                  en="Enter a phone number, its last four digits, a name or a "
                                     "ticket", field="search")
        digits = text.replace(" ", "").replace("-", "")
        if len(digits) == 4 and digits.isdigit():
            return self._customers.search_last4(actor, digits)
        if digits.lstrip("+").isdigit() and len(digits) >= 7:
            found = self._customers.find_by_phone(actor, digits)
            return [found] if found is not None else []
        with self._db.reader(actor) as uow:
            ids = q.customers_by_ticket(uow, text) if _looks_like_ticket(text) else []
            ids += [i for i in q.search_names(uow, text) if i not in ids]
            out: list[CustomerInfo] = []
            for cid in ids:
                c = _live(uow, cid)
                if c is not None and c.restricted_at is None and c.erased_at is None:
                    out.append(customer_info(uow, c))
            return out

    def record(self, actor: Actor, customer_id: str, *, log_view: bool = True
               ) -> CustomerRecord:
        """The whole record. Opening it is logged (``log_view``); re-reading a record already
        open, after a change, is not a new viewing."""
        require_reader(actor)
        with self._db.reader(actor) as uow:
            c = _live(uow, customer_id)
            if c is None:
                raise NotFound("没有这个客户", en="No such customer")
            info = customer_info(uow, c)
            ids = merged_ids(uow, c.id)
            attribution = q.attribution(uow, ids)
            visits = q.visits(uow, ids)
            rounds = q.disclosure_rounds(uow, ids)
            subs = q.subscriptions(uow, ids)
            appts = q.appointments(uow, ids)
            materials = q.material_checklists(uow, ids)
            tasks = q.follow_up_tasks(uow, ids)
            cards = q.score_cards(uow, ids)
            complaints = q.complaints(uow, ids)
            backup_id = q.backup_of(uow, c.owner_staff_id)
            names = common.staff_names(uow, [
                c.owner_staff_id, backup_id,
                *(a.from_staff_id for a in attribution), *(a.to_staff_id for a in attribution),
                *(v.consultant_id for v in visits), *(r.consultant_id for r in rounds),
                *(s.consultant_id for s in subs), *(a.consultant_id for a in appts),
                *(m.consultant_staff_id for m in materials),
                *(t.owner_staff_id for t in tasks), *(s.consultant_id for s in cards),
                *(x.owner_staff_id for x in complaints)])
            units = q.unit_numbers(uow, [*(r.unit_id for r in rounds), *(s.unit_id for s in subs),
                                         *(a.unit_id for a in appts),
                                         *(m.unit_id for m in materials)])

            def name(staff_id: str | None) -> str:
                return names.get(staff_id or "", "")

            record = CustomerRecord(
                info=info, owner=name(c.owner_staff_id), backup=name(backup_id),
                attribution=tuple(AttributionEntry(a.created_at, name(a.from_staff_id),
                                                   name(a.to_staff_id), a.reason)
                                  for a in attribution),
                visits=tuple(VisitEntry(v.day, v.ticket_label, name(v.consultant_id), v.status,
                                        v.first_visit, v.intent, v.units_of_interest)
                             for v in visits),
                rounds=tuple(RoundEntry(r.recorded_at, r.record_type, r.round_kind,
                                        units.get(r.unit_id, ""), name(r.consultant_id),
                                        r.n_covered, r.n_items) for r in rounds),
                subscriptions=tuple(SubscriptionEntry(s.subscribed_on, units.get(s.unit_id, ""),
                                                      s.unit_id, s.price, s.deposit, s.status,
                                                      name(s.consultant_id)) for s in subs),
                appointments=tuple(AppointmentEntry(a.starts_at, a.kind, a.status,
                                                    units.get(a.unit_id or "", ""),
                                                    name(a.consultant_id), a.desk_no)
                                   for a in appts),
                materials=tuple(MaterialsEntry(m.id, m.created_at, units.get(m.unit_id or "", ""),
                                               name(m.consultant_staff_id),
                                               len(json.loads(m.warnings or "[]")))
                                for m in materials),
                tasks=tuple(TaskEntry(t.due_on, t.event, t.status, name(t.owner_staff_id),
                                      t.outcome) for t in tasks),
                score_cards=tuple(ScoreEntry(s.scored_on, s.occasion, s.score100, s.low,
                                             name(s.consultant_id)) for s in cards),
                complaints=tuple(ComplaintEntry(x.received_at, x.channel, x.summary, x.status,
                                                name(x.owner_staff_id)) for x in complaints),
            )
        if not log_view:
            return record
        # Opening a customer's whole record is itself a use of their personal data: logged.
        with self._db.uow(actor) as writer:
            audit.record(writer, "customer.view_record", "customer", customer_id)
            writer.commit()
        return record

    def add_phone(self, actor: Actor, customer_id: str, phone: str,
                  label: str = "spouse") -> CustomerInfo:
        """Another number for the customer (a spouse's, a second phone): from now on a visitor
        giving that number is this customer's, for 判客 as for everything else."""
        if not (actor.can(Permission.RECEIVE_CUSTOMER) or actor.can(Permission.MANAGE_ROTATION)):
            actor.require(Permission.RECEIVE_CUSTOMER)
        if label not in PHONE_LABELS:
            raise ValidationError("号码类型不对", en=f"Unknown number type {label!r}",
                                  field="label")
        e164 = normalise_phone(phone)
        with self._db.uow(actor) as uow:
            c = _live(uow, customer_id)
            if c is None:
                raise NotFound("没有这个客户", en="No such customer")
            holder = find_customer_id_by_phone(uow, e164)
            if holder == c.id:
                raise Conflict("该号码已是本客户的号码", en="The customer already has this number",
                               field="phone")
            if holder is not None:
                raise Conflict(f"号码 {mask_phone(e164)} 已登记为其他客户",
                               en=f"{mask_phone(e164)} already belongs to another customer",
                               field="phone")
            customers_q.add_phone(uow, customer_id=c.id, e164=e164, label=label)
            audit.record(uow, "customer.add_phone", "customer", c.id, label)
            uow.flush()
            info = customer_info(uow, c)
            uow.commit()
        log.info("customer %s: a %s number added", customer_id, label)
        return info


def _live(uow: UnitOfWork, customer_id: str) -> Customer | None:
    c = customers_q.customer_row(uow, customer_id)
    return None if c is None or c.deleted else c


def _looks_like_ticket(text: str) -> bool:
    """A031, B7: a letter or two then digits, as the kiosk prints them."""
    head = text.rstrip("0123456789")
    return 0 < len(head) <= 2 and head.isalpha() and head.isascii() and len(text) > len(head)
