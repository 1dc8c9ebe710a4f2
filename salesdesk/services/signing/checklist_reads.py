"""Reading materials checklists: one checklist as the desk shows it, a customer's checklists,
the recent ones, and what a customer still has to bring (for the reminders)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from salesdesk.domain.buyer_profile import profile_from_dict
from salesdesk.domain.errors import NotFound
from salesdesk.domain.phone import mask_phone, normalise_phone
from salesdesk.domain.roles import Actor, Permission
from salesdesk.domain.rule_pack import Material, Stage, evaluate
from salesdesk.services.care import escalation_notes
from salesdesk.services.signing.results import (
    ChecklistItemView,
    ChecklistSummary,
    ChecklistView,
    CustomerChecklists,
)
from salesdesk.services.signing.rule_packs import RulePacks
from salesdesk.store.database import Database
from salesdesk.store.queries import signing as q
from salesdesk.store.queries.customers import find_customer_id_by_phone
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.customer import Customer
    from salesdesk.store.models.signing import MaterialChecklist


def customer_name(c: Customer) -> str:
    return c.name or c.salutation or "客户"


def get_customer(uow: UnitOfWork, customer_id: str) -> Customer:
    c = q.customer_row(uow, customer_id)
    if c is None or c.deleted:
        raise NotFound("没有这个客户", en="No such customer", field="customer")
    return c


def get_checklist(uow: UnitOfWork, checklist_id: str) -> MaterialChecklist:
    c = q.checklist_row(uow, checklist_id)
    if c is None or c.deleted:
        raise NotFound("没有这份资料清单", en="No such checklist")
    return c


def get_checklist_with_context(uow: UnitOfWork, checklist_id: str
                               ) -> tuple[MaterialChecklist, q.ChecklistContext]:
    """``get_checklist`` and the rows its view needs, in one query."""
    found = q.checklist_with_context(uow, checklist_id)
    if found is None or found[0].deleted:
        raise NotFound("没有这份资料清单", en="No such checklist")
    return found


def masked_phone(uow: UnitOfWork, customer_id: str) -> str:
    e164 = q.first_phone(uow, customer_id)
    return mask_phone(e164) if e164 else ""


def latest_for(uow: UnitOfWork, customer_id: str,
               unit_id: str | None) -> MaterialChecklist | None:
    """The checklist for this unit, else the customer's newest one."""
    if unit_id is not None:
        exact = q.checklist_for_unit(uow, customer_id, unit_id)
        if exact is not None:
            return exact
    return q.newest_checklist(uow, customer_id)


class ChecklistReads:
    def __init__(self, db: Database, packs: RulePacks) -> None:
        self._db = db
        self._packs = packs

    def checklist(self, actor: Actor, checklist_id: str) -> ChecklistView:
        actor.require(Permission.PRINT_CHECKLIST)
        with self._db.reader(actor) as uow:
            return self.view(uow, get_checklist(uow, checklist_id))

    def for_customer(self, actor: Actor, customer_id: str) -> CustomerChecklists:
        actor.require(Permission.PRINT_CHECKLIST)
        with self._db.reader(actor) as uow:
            customer = get_customer(uow, customer_id)
            return self.customer_checklists(uow, customer)

    def recent(self, actor: Actor, limit: int = 30) -> list[ChecklistSummary]:
        """The checklists worked on last, so the desk can reopen one without typing a number."""
        actor.require(Permission.PRINT_CHECKLIST)
        with self._db.reader(actor) as uow:
            out = []
            for c in q.recent_checklists(uow, limit):
                customer = q.customer_row(uow, c.customer_id)
                unit = q.unit_row(uow, c.unit_id) if c.unit_id else None
                received = q.item_receipts(uow, c.id)
                out.append(ChecklistSummary(
                    c.id, c.customer_id, customer_name(customer) if customer else "?",
                    masked_phone(uow, c.customer_id), unit.number if unit else "",
                    sum(1 for at in received if at is None), len(received), c.updated_at))
            return out

    def find_by_phone(self, actor: Actor, phone: str) -> CustomerChecklists:
        actor.require(Permission.PRINT_CHECKLIST)
        e164 = normalise_phone(phone)
        with self._db.reader(actor) as uow:
            cid = find_customer_id_by_phone(uow, e164)
            if cid is None:
                raise NotFound("没有使用这个手机号的客户", en="No customer has this phone number",
                               field="phone")
            return self.customer_checklists(uow, get_customer(uow, cid))

    def materials_to_bring(self, customer_id: str, unit_id: str | None) -> list[str]:
        """MaterialsSource for the reminders: the items not yet received, one line each."""
        with self._db.reader() as uow:
            checklist = latest_for(uow, customer_id, unit_id)
            if checklist is None:
                return []
            items = self.items(uow, checklist.id)
        return [f"{i.name}（{i.form}）" for i in items if not i.received]

    def customer_checklists(self, uow: UnitOfWork, customer: Customer) -> CustomerChecklists:
        record = q.buyer_profile(uow, customer.id)
        rows = q.customer_checklists(uow, customer.id)
        return CustomerChecklists(
            customer.id, customer_name(customer), masked_phone(uow, customer.id),
            profile_from_dict(json.loads(record.answers)) if record else None,
            tuple(self.view(uow, c) for c in rows))

    def items(self, uow: UnitOfWork, checklist_id: str) -> list[ChecklistItemView]:
        out = []
        for r, receiver in q.checklist_items_with_receivers(uow, checklist_id):
            form = Material(r.code, r.name, Stage(r.stage), r.original, r.copies, r.note).form_zh
            out.append(ChecklistItemView(r.id, r.code, r.name, Stage(r.stage), r.original,
                                         r.copies, r.note, form, r.received_at,
                                         receiver or ""))
        order = {s: i for i, s in enumerate(Stage)}
        return sorted(out, key=lambda i: order[i.stage])

    def view(self, uow: UnitOfWork, c: MaterialChecklist, *, escalations: bool = True,
             context: q.ChecklistContext | None = None) -> ChecklistView:
        """The checklist as the desk shows it. ``escalations=False`` leaves out the open
        escalations (the printed documents do not show them), one query fewer; ``context``:
        the rows around it when the caller read them with the checklist."""
        ctx = context if context is not None else q.checklist_context(uow, c)
        customer = ctx.customer
        if customer is None or customer.deleted:
            raise NotFound("没有这个客户", en="No such customer", field="customer")
        unit_label = "待定"
        if c.unit_id and ctx.unit is not None:
            unit_label = f"{ctx.unit.number}（{ctx.building_name or ''} · " \
                         f"建筑面积 {ctx.unit.build_area:g}㎡）"
        # The customer's owner when there is one, else the consultant who built the checklist.
        staff = ctx.owner if ctx.owner is not None else ctx.consultant
        pack_row = ctx.pack
        if pack_row is None:
            raise NotFound("清单引用的规则包版本不存在", en="The checklist's rule pack is missing")
        profile = profile_from_dict(json.loads(c.profile_answers))
        flow = evaluate(self._packs.parsed(pack_row), profile).flow
        return ChecklistView(
            id=c.id, customer_id=customer.id, customer_name=customer_name(customer),
            customer_phone=mask_phone(ctx.phone) if ctx.phone else "", unit_id=c.unit_id,
            unit_label=unit_label, consultant_name=staff.name if staff else "",
            consultant_phone=staff.phone if staff else "", pack_version_id=pack_row.id,
            pack_label=f"{pack_row.title} · {pack_row.version}", profile=profile,
            warnings=tuple(json.loads(c.warnings)), flow=flow,
            items=tuple(self.items(uow, c.id)), updated_at=c.updated_at, notes=c.notes,
            open_escalations=escalation_notes(uow, [customer.id]).get(customer.id, ())
            if escalations else ())
