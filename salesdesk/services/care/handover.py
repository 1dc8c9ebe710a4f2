"""Handover when a consultant leaves (seeds: 离职交接管理): every customer they received, their
open follow-up tasks, open complaints, open escalations, unsent messages (rewritten with the
successor's name and phone) and open appointments move to a named active successor in one
transaction with a recorded reason; each customer gets a message introducing the successor.
The check lists anything of any kind still pointing at a disabled account."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from salesdesk.domain.care.templates import customer_label, render
from salesdesk.domain.errors import NotFound, ValidationError
from salesdesk.domain.local_time import PROJECT_TZ, local_day
from salesdesk.domain.roles import Actor, Permission, Role
from salesdesk.services import audit
from salesdesk.services.care.results import HandoverPreview, HandoverResult, OwnedItem
from salesdesk.services.care.service import CareService
from salesdesk.services.care.support import template_texts
from salesdesk.services.messages import FAILED, PENDING
from salesdesk.store.database import Database
from salesdesk.store.queries import care_handover as q
from salesdesk.store.queries.care import customer_row, open_tasks_owned_by
from salesdesk.store.queries.care_complaints import open_complaints_owned_by
from salesdesk.store.queries.care_escalations import open_escalations_of_consultants
from salesdesk.store.queries.common import staff_row
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.customer import Customer
    from salesdesk.store.models.org import Staff

SERVING_ROLES = {Role.CONSULTANT.value, Role.SENIOR_CONSULTANT.value, Role.SUPERVISOR.value}

# (uow, from_staff_id, to_staff_id) -> how many rows moved. Other capabilities' rows (the
# appointments) move through these, in the handover's own transaction.
Mover = Callable[[UnitOfWork, str, str], int]


# (uow, inactive staff ids) -> items they still own. For hooked capabilities (appointments).
Checker = Callable[[UnitOfWork, dict[str, str]], list[OwnedItem]]


class HandoverService:
    def __init__(self, db: Database, care: CareService) -> None:
        self._db = db
        self._care = care
        self.movers: list[Mover] = []
        self.checkers: list[Checker] = []

    def preview(self, actor: Actor, from_staff_id: str) -> HandoverPreview:
        actor.require(Permission.HANDOVER_CUSTOMERS)
        with self._db.reader(actor) as uow:
            leaver = staff_row(uow, from_staff_id)
            owner = {from_staff_id: leaver.name if leaver else ""}
            return HandoverPreview(
                len(q.customers_owned_by(uow, [from_staff_id])),
                len(open_tasks_owned_by(uow, [from_staff_id])),
                len(open_complaints_owned_by(uow, [from_staff_id])),
                sum(len(check(uow, owner)) for check in self.checkers),
                len(open_escalations_of_consultants(uow, [from_staff_id])),
                len(q.messages_of_staff(uow, [from_staff_id], (PENDING, FAILED))))

    def hand_over(self, actor: Actor, from_staff_id: str, to_staff_id: str,
                  reason: str) -> HandoverResult:
        actor.require(Permission.HANDOVER_CUSTOMERS)
        why = reason.strip()
        if len(why) < 2:
            raise ValidationError("请填写交接原因", en="Give the reason for the handover",
                                  field="reason")
        if from_staff_id == to_staff_id:
            raise ValidationError("接替人不能是离职人本人",
                                  en="The successor must be someone else", field="successor")
        with self._db.uow(actor) as uow:
            leaver = staff_row(uow, from_staff_id)
            successor = staff_row(uow, to_staff_id)
            if leaver is None or leaver.deleted:
                raise NotFound("没有这位员工", en="No such staff member")
            if successor is None or successor.deleted or not successor.active:
                raise ValidationError(
                    "接替人须为在职员工（该账号已停用）",
                    en="The successor must be an active staff member (this account is "
                    "disabled)", field="successor")
            if successor.role not in SERVING_ROLES:
                raise ValidationError("接替人须为置业顾问或销售主管",
                                      en="The successor must be a consultant or supervisor",
                                      field="successor")
            customers = q.customers_owned_by(uow, [from_staff_id])
            tasks = open_tasks_owned_by(uow, [from_staff_id])
            complaints = open_complaints_owned_by(uow, [from_staff_id])
            for c in customers:
                # The customer's attribution history (判客) shows the move and its reason.
                q.add_attribution_change(uow, customer_id=c.id, from_staff_id=from_staff_id,
                                         to_staff_id=to_staff_id,
                                         reason=f"离职交接：{why}"[:200])
                c.owner_staff_id = to_staff_id
            for t in tasks:
                t.owner_staff_id = to_staff_id
            for k in complaints:
                k.owner_staff_id = to_staff_id
            other = len(complaints) + sum(m(uow, from_staff_id, to_staff_id)
                                          for m in self.movers)
            escalations = open_escalations_of_consultants(uow, [from_staff_id])
            for e in escalations:
                e.consultant_id = to_staff_id
                e.history += f"\n{uow.now().astimezone(PROJECT_TZ):%Y-%m-%d %H:%M} 离职交接：" \
                             f"{leaver.name} → {successor.name}"
            # After the movers: an appointment's reminder was rewritten from its booking there;
            # what is left (care messages) still names the leaver and gives their phone.
            uow.flush()
            rewritten = self._rewrite_unsent(uow, leaver, successor)
            # Colleagues who named the leaver as their backup now have the successor; the
            # leaver's own backup choice goes with them.
            for b in q.backups_involving(uow, from_staff_id):
                if b.staff_id == from_staff_id or b.staff_id == to_staff_id:
                    b.deleted = True
                else:
                    b.backup_staff_id = to_staff_id
            row = q.add_handover(uow, from_staff_id=from_staff_id, to_staff_id=to_staff_id,
                                 reason=why, customers_moved=len(customers),
                                 tasks_moved=len(tasks), other_moved=other,
                                 customer_ids=json.dumps([c.id for c in customers]))
            uow.flush()
            queued = self._introduce(uow, row.id, customers, successor)
            audit.record(uow, "care.handover", "care_handover", row.id,
                         f"customers={len(customers)} tasks={len(tasks)} other={other} "
                         f"escalations={len(escalations)} messages={rewritten}")
            result = HandoverResult(row.id, leaver.name, successor.name, len(customers),
                                    len(tasks), other, queued, len(escalations), rewritten)
            uow.commit()
        return result

    def _introduce(self, uow: UnitOfWork, handover_id: str, customers: list[Customer],
                   successor: Staff) -> int:
        text = template_texts(uow).get("handover", ("", "", False))[1]
        if not text:
            return 0
        for c in customers:
            values = self._care.values_for(uow, c.id, successor.id)
            values.update(successor=successor.name, successor_phone=successor.phone)
            self._care.sink.queue_message(
                uow, customer_id=c.id, staff_id=successor.id, kind="care.handover",
                text=render(text, values), dedupe_key=f"care:handover:{handover_id}:{c.id}")
        return len(customers)

    def _rewrite_unsent(self, uow: UnitOfWork, leaver: Staff, successor: Staff) -> int:
        """The leaver's messages not yet sent go to the successor, their name and phone in the
        text replaced by the successor's: the customer must be told whom to call now."""
        rows = q.messages_of_staff(uow, [leaver.id], (PENDING, FAILED))
        for m in rows:
            text = m.text
            if leaver.name:
                text = text.replace(leaver.name, successor.name)
            if leaver.phone and successor.phone:
                text = text.replace(leaver.phone, successor.phone)
            if text != m.text:
                m.text = text
            m.staff_id = successor.id
        return len(rows)

    def inactive_owner_check(self, actor: Actor) -> list[OwnedItem]:
        """Anything still owned by a disabled account: empty means every handover is done."""
        actor.require(Permission.VIEW_AUDIT)
        with self._db.reader(actor) as uow:
            inactive = q.inactive_staff_names(uow)
            if not inactive:
                return []
            ids = list(inactive)
            items: list[OwnedItem] = []
            for c in q.customers_owned_by(uow, ids):
                owner = c.owner_staff_id or ""
                items.append(OwnedItem("customer", c.id, customer_label(c), owner,
                                       inactive[owner]))
            for t in open_tasks_owned_by(uow, ids):
                owner = t.owner_staff_id or ""
                who = customer_row(uow, t.customer_id)
                items.append(OwnedItem("follow_up_task", t.id,
                                       f"{customer_label(who)} · {t.purpose}", owner,
                                       inactive[owner]))
            for k in open_complaints_owned_by(uow, ids):
                owner = k.owner_staff_id or ""
                who = customer_row(uow, k.customer_id)
                items.append(OwnedItem("complaint", k.id,
                                       f"{customer_label(who)} · {k.summary[:20]}", owner,
                                       inactive[owner]))
            for e in open_escalations_of_consultants(uow, ids):
                who = customer_row(uow, e.customer_id)
                items.append(OwnedItem("escalation_task", e.id, customer_label(who),
                                       e.consultant_id, inactive[e.consultant_id], (e.level,)))
            for m in q.messages_of_staff(uow, ids, (PENDING, FAILED)):
                owner = m.staff_id or ""
                who = customer_row(uow, m.customer_id) if m.customer_id else None
                items.append(OwnedItem("message", m.id, customer_label(who), owner,
                                       inactive[owner], (m.kind,)))
            for b in q.backups_naming(uow, ids):
                named_by = staff_row(uow, b.staff_id)
                items.append(OwnedItem("consultant_backup", b.id,
                                       named_by.name if named_by else "?",
                                       b.backup_staff_id, inactive[b.backup_staff_id]))
            today = local_day(uow.now())
            for r in q.rosters_from(uow, ids, today):
                items.append(OwnedItem("desk_roster", r.id, f"{r.day:%m-%d}",
                                       r.staff_id, inactive[r.staff_id],
                                       (str(r.desk_no), f"{r.from_time}–{r.to_time}")))
            for check in self.checkers:
                items.extend(check(uow, inactive))
            return items
