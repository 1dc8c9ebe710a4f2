"""Merging a duplicate customer into the first registration (判客, SYNC.md "one customer per
phone"): the same new phone registered on two devices offline became two customers; head office
flagged the later one (``duplicate_customer`` conflict) and a supervisor merges it here.

What the merge does, in one unit of work (so every edit is an ordinary synced edit in the
outbox):
- visits, subscriptions, appointments, follow-up tasks, messages, complaints, score cards,
  follow-up calls, escalations and material checklists move to the survivor (``customer_id``);
  one-per-customer profiles (care, buyer) move only when the survivor has none;
- the duplicate's numbers move to the survivor, except a number the survivor already has,
  whose duplicate row is tombstoned;
- disclosure records are append-only hashed evidence and are never edited: the duplicate is
  tombstoned and a ``customer_alias`` row maps it to the survivor; lookups of the survivor's
  rounds (the deposit gate, the audit reports) follow that mapping (``store.queries.customers.merged_ids``);
- the attribution history (``attribution_change``) records the merge, who and why; the survivor
  keeps its owner (the first registration), or takes the duplicate's when it had none;
- the conflict(s) naming the pair are resolved.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from salesdesk.domain.errors import NotFound, ValidationError
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.store.database import Database
from salesdesk.store.models.appointments import Appointment, ReminderMessage
from salesdesk.store.models.care import (
    CareProfile,
    Complaint,
    ComplaintGroup,
    FollowUpTask,
    ScoreCard,
)
from salesdesk.store.models.customer import Customer, CustomerAlias, CustomerPhone
from salesdesk.store.models.disclosure import EscalationTask, FollowUpCall, Subscription
from salesdesk.store.models.reception import AttributionChange, Visit
from salesdesk.store.models.signing import BuyerProfileRecord, MaterialChecklist
from salesdesk.store.models.sync import SyncConflict
from salesdesk.store.uow import UnitOfWork
from salesdesk.sync.customer_phone import DUPLICATE_KIND

log = logging.getLogger(__name__)

# Rows that simply follow the customer (any number per customer).
MOVED: tuple[tuple[str, Any], ...] = (
    ("visit", Visit), ("subscription", Subscription), ("appointment", Appointment),
    ("follow_up_task", FollowUpTask), ("reminder_message", ReminderMessage),
    ("complaint", Complaint), ("score_card", ScoreCard), ("follow_up_call", FollowUpCall),
    ("escalation_task", EscalationTask), ("material_checklist", MaterialChecklist),
)
# At most one per customer: moved only when the survivor has none.
PROFILES: tuple[tuple[str, Any], ...] = (
    ("care_profile", CareProfile), ("buyer_profile", BuyerProfileRecord),
)
DEFAULT_REASON = "同一手机号重复登记，合并至先登记的客户（判客）"


@dataclass(frozen=True)
class MergeResult:
    survivor_id: str
    merged_id: str
    owner_staff_id: str | None
    moved: tuple[tuple[str, int], ...]  # (table, rows moved), tables with none left out
    conflicts_resolved: tuple[str, ...]

    def count(self, table: str) -> int:
        return dict(self.moved).get(table, 0)


def _live_customer(uow: UnitOfWork, customer_id: str) -> Customer:
    c = uow.session.get(Customer, customer_id) if customer_id else None
    if c is None or c.deleted:
        raise NotFound("没有这个客户（或已被合并）", en="No such customer (or already merged)")
    return c


def _numbers(uow: UnitOfWork, customer_id: str) -> list[CustomerPhone]:
    return list(uow.session.scalars(select(CustomerPhone).where(
        CustomerPhone.customer_id == customer_id, CustomerPhone.deleted.is_(False))
        .order_by(CustomerPhone.created_at)))


def _pair_conflicts(uow: UnitOfWork, a: str, b: str) -> list[SyncConflict]:
    """Open duplicate conflicts naming both customers (either way round)."""
    out = []
    for c in uow.session.scalars(select(SyncConflict).where(
            SyncConflict.kind == DUPLICATE_KIND, SyncConflict.status == "open",
            SyncConflict.deleted.is_(False))):
        if {json.loads(c.kept_value), json.loads(c.current_value)} == {a, b}:
            out.append(c)
    return out


class CustomerMergeService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def merge_conflict(self, actor: Actor, conflict_id: str, reason: str = "") -> MergeResult:
        """Merge the later registration a ``duplicate_customer`` conflict names into the first
        (head office decided which was first)."""
        self._check_role(actor)
        with self._db.reader(actor) as uow:
            c = uow.session.get(SyncConflict, conflict_id) if conflict_id else None
            if c is None or c.deleted or c.kind != DUPLICATE_KIND:
                raise NotFound("找不到该重复客户记录", en="No such duplicate-customer conflict")
            if c.status != "open":
                raise ValidationError("该冲突已处理", en="This conflict was already resolved")
            survivor, duplicate = json.loads(c.current_value), json.loads(c.kept_value)
        if not isinstance(survivor, str) or not isinstance(duplicate, str):
            raise ValidationError("冲突记录不完整", en="The conflict does not name two customers")
        return self.merge(actor, survivor, duplicate, reason=reason)

    def merge(self, actor: Actor, survivor_id: str, duplicate_id: str, *,
              reason: str = "") -> MergeResult:
        """Move everything of ``duplicate_id`` to ``survivor_id`` and retire the duplicate, in
        one transaction. Refuses (changing nothing) unknown or merged customers, the same
        customer twice, and two customers who share no phone number."""
        self._check_role(actor)
        if survivor_id == duplicate_id:
            raise ValidationError("不能把客户与自己合并", en="Pick two different customers",
                                  field="customer")
        why = reason.strip()[:150] or DEFAULT_REASON
        with self._db.uow(actor) as uow:
            survivor = _live_customer(uow, survivor_id)
            duplicate = _live_customer(uow, duplicate_id)
            kept = _numbers(uow, survivor.id)
            theirs = _numbers(uow, duplicate.id)
            if not {p.e164 for p in kept} & {p.e164 for p in theirs}:
                raise ValidationError(
                    "两位客户没有相同的手机号，不是重复登记",
                    en="These customers share no phone number: not a duplicate",
                    field="customer")
            moved: dict[str, int] = {}
            for table, model in MOVED:
                for row in uow.session.scalars(select(model).where(
                        model.customer_id == duplicate.id, model.deleted.is_(False))):
                    row.customer_id = survivor.id
                    moved[table] = moved.get(table, 0) + 1
            for table, model in PROFILES:
                has = uow.session.scalar(select(model.id).where(
                    model.customer_id == survivor.id, model.deleted.is_(False)).limit(1))
                if has is None:
                    for row in uow.session.scalars(select(model).where(
                            model.customer_id == duplicate.id, model.deleted.is_(False))):
                        row.customer_id = survivor.id
                        moved[table] = moved.get(table, 0) + 1
            for group in uow.session.scalars(select(ComplaintGroup).where(
                    ComplaintGroup.leader_customer_id == duplicate.id,
                    ComplaintGroup.deleted.is_(False))):
                group.leader_customer_id = survivor.id
                moved["complaint_group"] = moved.get("complaint_group", 0) + 1
            have = {p.e164 for p in kept}
            for p in theirs:
                if p.e164 in have:
                    p.deleted = True  # the survivor already holds this number
                else:
                    p.customer_id = survivor.id
                    have.add(p.e164)
                    moved["customer_phone"] = moved.get("customer_phone", 0) + 1
            # Earlier merges into the duplicate now lead to the survivor (one hop for lookups).
            for older in uow.session.scalars(select(CustomerAlias).where(
                    CustomerAlias.customer_id == duplicate.id, CustomerAlias.deleted.is_(False))):
                older.customer_id = survivor.id
            before = survivor.owner_staff_id
            if survivor.owner_staff_id is None and duplicate.owner_staff_id:
                survivor.owner_staff_id = duplicate.owner_staff_id
            note = f"合并重复客户 {duplicate.id[:8]} → {survivor.id[:8]}：{why}"[:200]
            uow.add(AttributionChange(customer_id=survivor.id,
                                      from_staff_id=duplicate.owner_staff_id or before,
                                      to_staff_id=survivor.owner_staff_id or "", reason=note))
            uow.add(CustomerAlias(customer_id=survivor.id, alias_id=duplicate.id))
            duplicate.deleted = True
            resolved = []
            for c in _pair_conflicts(uow, survivor.id, duplicate.id):
                c.status = "resolved"
                c.resolution = "merge"
                c.resolved_by_staff = actor.staff_id
                c.resolved_at = uow.now()
                resolved.append(c.id)
            audit.record(uow, "customer.merge", "customer", survivor.id,
                         f"merged={duplicate.id} moved={sum(moved.values())}")
            result = MergeResult(survivor.id, duplicate.id, survivor.owner_staff_id,
                                 tuple(sorted(moved.items())), tuple(resolved))
            uow.commit()
        log.info("customer %s merged into %s (%d rows moved)", duplicate_id, survivor_id,
                 sum(moved.values()))
        return result

    @staticmethod
    def _check_role(actor: Actor) -> None:
        # A merge settles attribution (判客): a supervisor's decision, like reassigning owners.
        actor.require(Permission.RESOLVE_CONFLICTS)
        actor.require(Permission.MANAGE_ROTATION)
