"""Two devices sold the same unit offline (rule 13): head office kept the first subscription to
reach it and the other as ``conflict``, with a conflict row naming both. A supervisor decides
here: cancel the losing subscription (its consultant gets a task to refund the deposit) or move
that customer to another unit that is for sale. Both are ordinary synced edits, and the conflict
row records who decided what, and when."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from salesdesk.domain.care.plan import CareEventKind, Channel
from salesdesk.domain.errors import Conflict, NotFound, ValidationError
from salesdesk.domain.ids import derived_id
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.domain.project import presale_covers
from salesdesk.domain.roles import Actor, Permission
from salesdesk.domain.unit_sale import UnitSaleFacts, can_subscribe
from salesdesk.services import audit
from salesdesk.services.disclosure import customer_ref
from salesdesk.services.signing.results import SaleConflictView, SaleSide, UnitChoice
from salesdesk.services.signing.subscriptions import SubscriptionService
from salesdesk.services.signing.unit_sale import CONFLICT
from salesdesk.store.database import Database
from salesdesk.store.queries import signing as q
from salesdesk.store.queries.common import staff_names
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.disclosure import Subscription
    from salesdesk.store.models.sync import SyncConflict

KIND = "subscription"  # the sync_conflict kind the server writes (rules.py, "subscription")
REFUND_DUE_DAYS = 1  # the customer is waiting for their money: call today or tomorrow


class SaleConflictService:
    def __init__(self, db: Database, subscriptions: SubscriptionService) -> None:
        self._db = db
        self._subscriptions = subscriptions

    # -- reading ------------------------------------------------------------------------------

    def conflicts(self, actor: Actor, *, include_resolved: bool = False
                  ) -> list[SaleConflictView]:
        """Sale conflicts this device knows, oldest first. Whoever may open the conflict inbox
        sees them; only a supervisor may resolve one (``can_resolve``)."""
        actor.require(Permission.RESOLVE_CONFLICTS)
        with self._db.reader(actor) as uow:
            rows = q.sync_conflicts(uow, KIND, include_resolved=include_resolved)
            names = staff_names(uow)
            return [self._view(uow, actor, c, names) for c in rows]

    def get(self, actor: Actor, conflict_id: str) -> SaleConflictView:
        actor.require(Permission.RESOLVE_CONFLICTS)
        with self._db.reader(actor) as uow:
            return self._view(uow, actor, self._conflict(uow, conflict_id), staff_names(uow))

    def units_for_move(self, actor: Actor) -> list[UnitChoice]:
        """Units a deposit may be taken on now (the same rule as a new subscription)."""
        actor.require(Permission.RESOLVE_CONFLICTS)
        with self._db.reader(actor) as uow:
            units = q.live_units(uow)
            held: dict[str, list[str]] = {}
            for unit_id, customer_id in q.active_holdings(uow):
                held.setdefault(unit_id, []).append(customer_id)
            scopes: dict[str, list[list[str]]] = {}
            out = []
            for u in units:
                if u.project_id not in scopes:
                    scopes[u.project_id] = q.presale_scopes(uow, u.project_id)
                facts = UnitSaleFacts(u.number, u.status,
                                      presale_covers(u.building_id, scopes[u.project_id]),
                                      tuple(held.get(u.id, ())))
                if can_subscribe(facts).ok:
                    out.append(UnitChoice(u.id, u.number, u.total_price))
        return sorted(out, key=lambda c: c.number)

    # -- deciding -----------------------------------------------------------------------------

    def cancel_losing(self, actor: Actor, conflict_id: str, reason: str = "") -> SaleConflictView:
        """Withdraw the subscription that lost the unit; its consultant gets a follow-up task
        to refund the deposit. Nothing changes if the conflict is already decided or the
        losing subscription is no longer in conflict."""
        actor.require(Permission.RESOLVE_SALE_CONFLICT)
        note = reason.strip() or "同一房号已由他人先认购"
        with self._db.uow(actor) as uow:
            c, sub, unit_number = self._open(uow, conflict_id)
            self._subscriptions.cancel_in(uow, sub, f"认购冲突：{note}")
            self._refund_task(uow, sub, unit_number)
            self._resolved(uow, actor, c, "cancel_refund", note)
            uow.flush()
            view = self._view(uow, actor, c, staff_names(uow))
            uow.commit()
            return view

    def move_losing(self, actor: Actor, conflict_id: str, unit_id: str, *,
                    price: int | None = None, override_reason: str = "") -> SaleConflictView:
        """Move the customer whose subscription lost the unit to another unit that is for sale
        (checked by the same rule as a new deposit); the deposit stays with the subscription.
        The new unit's pre-deposit disclosure must be complete, unless the supervisor overrides
        with a reason (recorded in the ledger, as at the deposit desk)."""
        actor.require(Permission.RESOLVE_SALE_CONFLICT)
        if not unit_id:
            raise ValidationError("请选择要换到的房号", en="Pick the unit to move to", field="unit")
        reason = override_reason.strip()
        if reason and len(reason) < 4:
            raise ValidationError("主管放行须填写原因（至少 4 个字）",
                                  en="A supervisor override needs a reason (4+ characters)",
                                  field="reason")
        with self._db.uow(actor) as uow:
            c, sub, unit_number = self._open(uow, conflict_id)
            unit = self._subscriptions.move_in(uow, sub, unit_id, price=price,
                                               override_by=actor if reason else None,
                                               reason=reason)
            self._resolved(uow, actor, c, "move", f"{unit_number} → {unit.number}")
            uow.flush()
            view = self._view(uow, actor, c, staff_names(uow))
            uow.commit()
            return view

    # -- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _conflict(uow: UnitOfWork, conflict_id: str) -> SyncConflict:
        c = q.sync_conflict(uow, conflict_id)
        if c is None or c.deleted or c.kind != KIND:
            raise NotFound("找不到该认购冲突", en="No such subscription conflict")
        return c

    def _open(self, uow: UnitOfWork, conflict_id: str) -> tuple[SyncConflict, Subscription, str]:
        c = self._conflict(uow, conflict_id)
        if c.status != "open":
            raise ValidationError("该冲突已处理", en="This conflict was already resolved")
        sub = q.subscription_row(uow, c.row_id)
        if sub is None or sub.deleted:
            raise NotFound("找不到冲突涉及的认购（尚未同步到本机）",
                           en="The subscription in conflict has not reached this device yet")
        if sub.status != CONFLICT:
            raise Conflict("该认购已不处于冲突状态（可能已在其他设备处理），请先同步",
                           en="That subscription is no longer in conflict (decided on another "
                              "device?): sync first")
        unit = q.unit_row(uow, sub.unit_id)
        return c, sub, unit.number if unit else str(_detail(c).get("unit_number", "?"))

    @staticmethod
    def _resolved(uow: UnitOfWork, actor: Actor, c: SyncConflict, how: str, note: str) -> None:
        c.status = "resolved"
        c.resolution = how
        c.resolved_by_staff = actor.staff_id
        c.resolved_at = uow.now()
        audit.record(uow, "sync.resolve_conflict", c.entity, c.row_id,
                     f"kind={c.kind} choice={how} {note}"[:200])

    @staticmethod
    def _refund_task(uow: UnitOfWork, sub: Subscription, unit_number: str) -> None:
        # One refund per subscription whichever device decides: the id is the key's.
        key = f"{CareEventKind.REFUND.value}:{sub.customer_id}:{sub.id}:"
        if q.follow_up_task(uow, derived_id("follow_up_task", key)) is not None:
            return
        today = uow.now().astimezone(PROJECT_TZ).date()
        q.add_follow_up_task(
            uow, id=derived_id("follow_up_task", key), customer_id=sub.customer_id,
            owner_staff_id=sub.consultant_id, event=CareEventKind.REFUND.value,
            channel=Channel.CALL.value, template="refund",
            purpose=f"{unit_number} 已由他人先认购，本认购已退订：联系客户退还定金 ¥{sub.deposit:,}",
            starts_on=today, due_on=today + timedelta(days=REFUND_DUE_DAYS), dedupe_key=key,
            source_id=sub.id)

    def _view(self, uow: UnitOfWork, actor: Actor, c: SyncConflict,
              names: dict[str, str]) -> SaleConflictView:
        d = _detail(c)

        def side(raw: Any) -> SaleSide:
            info: dict[str, Any] = raw if isinstance(raw, dict) else {}
            sid = str(info.get("id") or "")
            row = q.subscription_row(uow, sid) if sid else None
            customer_id = row.customer_id if row else str(info.get("customer_id") or "")
            try:
                customer = customer_ref(uow, customer_id).label
            except NotFound:
                customer = "（客户资料尚未同步）"
            consultant_id = row.consultant_id if row else str(info.get("consultant_id") or "")
            on = row.subscribed_on if row else _day(info.get("subscribed_on"))
            return SaleSide(sid, customer_id, customer, names.get(consultant_id, "?"),
                            row.price if row else _int(info.get("price")),
                            row.deposit if row else _int(info.get("deposit")), on,
                            row.status if row else str(info.get("status") or ""))

        unit_id = str(d.get("unit_id") or "")
        unit = q.unit_row(uow, unit_id) if unit_id else None
        return SaleConflictView(
            c.id, unit_id, unit.number if unit else str(d.get("unit_number") or "?"),
            side(d.get("holder")), side(d.get("loser")), c.status, c.resolution,
            names.get(c.resolved_by_staff or "", ""), c.resolved_at,
            actor.can(Permission.RESOLVE_SALE_CONFLICT) and c.status == "open")


def _detail(c: SyncConflict) -> dict[str, Any]:
    try:
        d = json.loads(c.detail or "{}")
    except ValueError:
        return {}
    return d if isinstance(d, dict) else {}


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
