"""Subscriptions (认购) behind the deposit gate (rule 4): no subscription while the pre-deposit
round for that customer and unit misses any item, unless a supervisor overrides with a reason —
and the override is itself a ledger record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from salesdesk.domain.disclosure import (
    RecordType,
    encode_coverage,
    gate_message,
    gate_message_en,
    missing_for_gate,
    summarise,
)
from salesdesk.domain.errors import Conflict, NotFound, ValidationError
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.domain.roles import Actor, Permission
from salesdesk.domain.unit_sale import can_subscribe
from salesdesk.services import audit
from salesdesk.services.disclosure import (
    NewRecord,
    append,
    checklist_row,
    covered_items,
    current_checklist,
    customer_ref,
    effective_pre_deposit,
)
from salesdesk.services.signing.results import GateStatus, SubscriptionInfo
from salesdesk.services.signing.unit_sale import get_unit, require_subscribable, sale_facts
from salesdesk.store.database import Database
from salesdesk.store.queries import signing as q
from salesdesk.store.queries.common import staff_names
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.disclosure import Subscription
    from salesdesk.store.models.project import Unit

MIN_REASON = 4


def _info(uow: UnitOfWork, s: Subscription, names: dict[str, str]) -> SubscriptionInfo:
    unit = q.unit_row(uow, s.unit_id)
    return SubscriptionInfo(s.id, customer_ref(uow, s.customer_id), s.unit_id,
                            unit.number if unit else "?", names.get(s.consultant_id, "?"),
                            s.price, s.deposit, s.subscribed_on, s.status,
                            s.disclosure_complete, s.disclosure_record_id, s.override_record_id,
                            s.created_at)


class SubscriptionService:
    def __init__(self, db: Database) -> None:
        self._db = db
        # (uow, what, subscription, unit number) after a subscription is recorded ("created")
        # or withdrawn ("cancelled"): wired to customer care in services/container.py.
        self.listeners: list[Callable[[UnitOfWork, str, Subscription, str], None]] = []

    def _gate(self, uow: UnitOfWork, customer_id: str, unit_id: str) -> GateStatus:
        customer_ref(uow, customer_id)
        unit = get_unit(uow, unit_id)
        cl = current_checklist(uow, unit)
        rec = effective_pre_deposit(uow, customer_id, unit_id)
        missing = missing_for_gate(cl.items, covered_items(uow, rec) if rec else None)
        active = q.active_subscription_on(uow, unit_id)
        verdict = can_subscribe(sale_facts(uow, unit))
        return GateStatus(cl.sellable, rec is None, tuple(missing), rec.id if rec else "",
                          active.id if active else "", verdict.message)

    def gate(self, actor: Actor, customer_id: str, unit_id: str) -> GateStatus:
        """What the deposit gate says right now for this customer and unit."""
        actor.require(Permission.RECORD_SUBSCRIPTION)
        with self._db.reader(actor) as uow:
            return self._gate(uow, customer_id, unit_id)

    def subscribe(
        self,
        actor: Actor,
        *,
        customer_id: str,
        unit_id: str,
        price: int,
        deposit: int,
        subscribed_on: date | None = None,
        override_by: Actor | None = None,
        override_reason: str = "",
    ) -> SubscriptionInfo:
        """Record a subscription. Refused (nothing saved) while the pre-deposit round misses
        any item — the message lists each one — unless ``override_by`` is a supervisor who gives
        a reason; then an override record is appended to the ledger in the same transaction.
        A unit that is not for sale (outside every presale permit; signed, withheld or reserved
        by the developer; another active subscription on it) is refused, override or not, with
        a message naming the unit and why."""
        actor.require(Permission.RECORD_SUBSCRIPTION)
        if price <= 0:
            raise ValidationError("请输入成交总价", en="Enter the price", field="price")
        if deposit <= 0:
            raise ValidationError("请输入定金金额", en="Enter the deposit", field="deposit")
        if deposit > price:
            raise ValidationError("定金不能超过总价", en="The deposit exceeds the price",
                                  field="deposit")
        reason = override_reason.strip()
        if override_by is not None:
            override_by.require(Permission.OVERRIDE_DEPOSIT_GATE)
            if len(reason) < MIN_REASON:
                raise ValidationError("主管放行须填写原因（至少 4 个字）",
                                      en="A supervisor override needs a reason (4+ characters)",
                                      field="reason")
        now = self._db.now()
        on = subscribed_on or now.astimezone(PROJECT_TZ).date()
        with self._db.uow(actor) as uow:
            gate = self._gate(uow, customer_id, unit_id)
            # Rule 13 before the disclosure gate: no override makes an unsellable unit sellable.
            unit = require_subscribable(uow, unit_id)
            override_id = self._pass_gate(uow, gate, customer_id, unit, actor.staff_id,
                                          override_by, reason)
            sub = q.add_subscription(uow, customer_id=customer_id, unit_id=unit_id,
                                     consultant_id=actor.staff_id, price=price,
                                     deposit=deposit, subscribed_on=on, status="active",
                                     disclosure_record_id=gate.pre_deposit_record_id,
                                     override_record_id=override_id,
                                     disclosure_complete=not gate.missing)
            try:
                q.flush_subscriptions(uow)
            except q.SubscriptionRefused as exc:  # another device's subscription arrived first
                raise Conflict(f"{unit.number} 已有有效认购，不能重复认购",
                               en=f"{unit.number} already has an active subscription",
                               field="unit") from exc
            audit.record(uow, "subscription.create", "subscription", sub.id,
                         "override" if override_id else "complete disclosure")
            for listener in self.listeners:
                listener(uow, "created", sub, unit.number)
            info = _info(uow, sub, staff_names(uow))
            uow.commit()
            return info

    def _pass_gate(self, uow: UnitOfWork, gate: GateStatus, customer_id: str, unit: Unit,
                   consultant_id: str, override_by: Actor | None, reason: str) -> str:
        """Through the deposit gate: nothing to do when the pre-deposit round is complete;
        otherwise refused unless a supervisor overrides, which appends an override record to
        the ledger. Returns that record's id ("" without one)."""
        if not gate.missing:
            return ""
        if override_by is None:
            raise Conflict(gate_message(gate.missing, gate.no_round),
                           en=gate_message_en(gate.missing, gate.no_round), field="disclosure")
        now = uow.now()
        cl = current_checklist(uow, unit)
        missing_codes = {i.code for i in gate.missing}
        ticks = {i.code: now for i in cl.items if i.code not in missing_codes}
        covered = [i.code not in missing_codes for i in cl.items]
        rec = append(uow, NewRecord(
            RecordType.GATE_OVERRIDE, "", customer_id, unit.id, consultant_id,
            override_by.staff_id, now, now, checklist_row(uow, cl),
            encode_coverage(cl.items, ticks, now), summarise(cl.items, covered),
            reason=reason, supersedes_id=""))
        audit.record(uow, "disclosure.gate_override", "disclosure_record", rec.id,
                     f"{len(gate.missing)} missing")
        return rec.id

    def move_in(self, uow: UnitOfWork, sub: Subscription, unit_id: str, *, price: int | None,
                override_by: Actor | None, reason: str) -> Unit:
        """Inside the caller's unit of work: this subscription (its deposit kept) now holds
        another unit, which must be for sale (rule 13) and pass the deposit gate for this
        customer (rule 4; a supervisor may override with a reason). Returns the new unit."""
        gate = self._gate(uow, sub.customer_id, unit_id)
        unit = require_subscribable(uow, unit_id, exclude_subscription=sub.id)
        new_price = unit.total_price if price is None else price
        if new_price < sub.deposit:
            raise ValidationError("定金不能超过总价", en="The deposit exceeds the price",
                                  field="price")
        override_id = self._pass_gate(uow, gate, sub.customer_id, unit, sub.consultant_id,
                                      override_by, reason)
        sub.unit_id = unit.id
        sub.price = new_price
        sub.status = "active"
        sub.disclosure_record_id = gate.pre_deposit_record_id
        sub.override_record_id = override_id
        sub.disclosure_complete = not gate.missing
        try:
            q.flush_subscriptions(uow)
        except q.SubscriptionRefused as exc:
            raise Conflict(f"{unit.number} 已有有效认购，不能重复认购",
                           en=f"{unit.number} already has an active subscription",
                           field="unit") from exc
        audit.record(uow, "subscription.move", "subscription", sub.id, unit.number)
        return unit

    def cancel_in(self, uow: UnitOfWork, sub: Subscription, reason: str) -> None:
        """Inside the caller's unit of work: withdraw the subscription (its follow-ups go)."""
        sub.status = "cancelled"
        audit.record(uow, "subscription.cancel", "subscription", sub.id, reason.strip()[:200])
        for listener in self.listeners:
            listener(uow, "cancelled", sub, reason.strip())

    def cancel(self, actor: Actor, subscription_id: str, reason: str) -> SubscriptionInfo:
        actor.require(Permission.RECORD_SUBSCRIPTION)
        if not reason.strip():
            raise ValidationError("请填写退订原因", en="Give a reason", field="reason")
        with self._db.uow(actor) as uow:
            s = q.subscription_row(uow, subscription_id)
            if s is None or s.deleted:
                raise NotFound("没有这条认购", en="No such subscription")
            if s.status != "active":
                raise Conflict("该认购已退订", en="Already cancelled")
            self.cancel_in(uow, s, reason)
            uow.flush()
            info = _info(uow, s, staff_names(uow))
            uow.commit()
            return info

    def list(self, actor: Actor, customer_id: str | None = None) -> list[SubscriptionInfo]:
        actor.require(Permission.RECORD_SUBSCRIPTION)
        with self._db.reader(actor) as uow:
            names = staff_names(uow)
            return [_info(uow, s, names) for s in q.subscriptions(uow, customer_id)]
