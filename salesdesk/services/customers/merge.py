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
  rounds (the deposit gate, the audit reports) follow that mapping
  (``store.queries.customers.merged_ids``);
- the attribution history (``attribution_change``) records the merge, who and why; the survivor
  keeps its owner (the first registration), or takes the duplicate's when it had none;
- the conflict(s) naming the pair are resolved.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING

from salesdesk.domain.errors import NotFound, ValidationError
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.services.customers.results import MergeResult
from salesdesk.store.database import Database
from salesdesk.store.queries import customers as q
from salesdesk.store.uow import UnitOfWork
from salesdesk.sync.customer_phone import DUPLICATE_KIND

if TYPE_CHECKING:
    from salesdesk.store.models.customer import Customer
    from salesdesk.store.models.sync import SyncConflict

log = logging.getLogger(__name__)

# Tables whose rows simply follow the customer (any number per customer).
MOVED: tuple[str, ...] = (
    "visit", "subscription", "appointment", "follow_up_task", "reminder_message", "complaint",
    "score_card", "follow_up_call", "escalation_task", "material_checklist",
)
# At most one per customer: moved only when the survivor has none.
PROFILES: tuple[str, ...] = ("care_profile", "buyer_profile")
DEFAULT_REASON = "同一手机号重复登记，合并至先登记的客户（判客）"


def _live_customer(uow: UnitOfWork, customer_id: str) -> Customer:
    c = q.customer_row(uow, customer_id)
    if c is None or c.deleted:
        raise NotFound("没有这个客户（或已被合并）", en="No such customer (or already merged)")
    return c


def _pair_conflicts(uow: UnitOfWork, a: str, b: str) -> list[SyncConflict]:
    """Open duplicate conflicts naming both customers (either way round)."""
    return [c for c in q.open_duplicate_conflicts(uow)
            if {json.loads(c.kept_value), json.loads(c.current_value)} == {a, b}]


def _check_role(actor: Actor) -> None:
    # A merge settles attribution (判客): a supervisor's decision, like reassigning owners.
    actor.require(Permission.RESOLVE_CONFLICTS)
    actor.require(Permission.MANAGE_ROTATION)


def merge_conflict(db: Database, actor: Actor, conflict_id: str, reason: str = "") -> MergeResult:
    """Merge the later registration a ``duplicate_customer`` conflict names into the first
    (head office decided which was first)."""
    _check_role(actor)
    with db.reader(actor) as uow:
        c = q.conflict_row(uow, conflict_id)
        if c is None or c.deleted or c.kind != DUPLICATE_KIND:
            raise NotFound("找不到该重复客户记录", en="No such duplicate-customer conflict")
        if c.status != "open":
            raise ValidationError("该冲突已处理", en="This conflict was already resolved")
        survivor, duplicate = json.loads(c.current_value), json.loads(c.kept_value)
    if not isinstance(survivor, str) or not isinstance(duplicate, str):
        raise ValidationError("冲突记录不完整", en="The conflict does not name two customers")
    return merge(db, actor, survivor, duplicate, reason=reason)


def merge(db: Database, actor: Actor, survivor_id: str, duplicate_id: str, *,
          reason: str = "") -> MergeResult:
    """Move everything of ``duplicate_id`` to ``survivor_id`` and retire the duplicate, in
    one transaction. Refuses (changing nothing) unknown or merged customers, the same
    customer twice, and two customers who share no phone number."""
    _check_role(actor)
    if survivor_id == duplicate_id:
        raise ValidationError("不能把客户与自己合并", en="Pick two different customers",
                              field="customer")
    why = reason.strip()[:150] or DEFAULT_REASON
    with db.uow(actor) as uow:
        survivor = _live_customer(uow, survivor_id)
        duplicate = _live_customer(uow, duplicate_id)
        kept = q.live_phones(uow, [survivor.id])
        theirs = q.live_phones(uow, [duplicate.id])
        # Keyed hashes of the numbers (stored sealed): equal numbers, equal hashes.
        if not {p.e164_hash for p in kept} & {p.e164_hash for p in theirs}:
            raise ValidationError(
                "两位客户没有相同的手机号，不是重复登记",
                en="These customers share no phone number: not a duplicate",
                field="customer")
        moved: dict[str, int] = {}
        for table in MOVED:
            for row in q.rows_of_customer(uow, table, duplicate.id):
                row.customer_id = survivor.id
                moved[table] = moved.get(table, 0) + 1
        for table in PROFILES:
            if not q.has_row_of_customer(uow, table, survivor.id):
                for row in q.rows_of_customer(uow, table, duplicate.id):
                    row.customer_id = survivor.id
                    moved[table] = moved.get(table, 0) + 1
        for group in q.complaint_groups_led_by(uow, duplicate.id):
            group.leader_customer_id = survivor.id
            moved["complaint_group"] = moved.get("complaint_group", 0) + 1
        have = {p.e164_hash for p in kept}
        for p in theirs:
            if p.e164_hash in have:
                p.deleted = True  # the survivor already holds this number
            else:
                p.customer_id = survivor.id
                have.add(p.e164_hash)
                moved["customer_phone"] = moved.get("customer_phone", 0) + 1
        # Earlier merges into the duplicate now lead to the survivor (one hop for lookups).
        for older in q.aliases_into(uow, duplicate.id):
            older.customer_id = survivor.id
        before = survivor.owner_staff_id
        if survivor.owner_staff_id is None and duplicate.owner_staff_id:
            survivor.owner_staff_id = duplicate.owner_staff_id
        note = f"合并重复客户 {duplicate.id[:8]} → {survivor.id[:8]}：{why}"[:200]
        q.add_attribution_change(uow, customer_id=survivor.id,
                                 from_staff_id=duplicate.owner_staff_id or before,
                                 to_staff_id=survivor.owner_staff_id or "", reason=note)
        q.add_alias(uow, survivor.id, duplicate.id)
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
