"""The conflict inbox a supervisor works through: the server's conflicts (a field edited on two
devices, a slot over capacity, a tamper alarm, a duplicate customer, ...) and the rows this
device set aside, each resolved the one way its kind allows."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from salesdesk.domain.errors import NotFound, ValidationError
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.services.sync.results import (
    SETASIDE_PREFIX,
    ConflictInfo,
    SlotOption,
)
from salesdesk.store.queries import common
from salesdesk.store.queries import sync as queries
from salesdesk.store.uow import UnitOfWork
from salesdesk.sync import rules

if TYPE_CHECKING:
    from salesdesk.store.database import Database
    from salesdesk.store.models.sync import SyncConflict, SyncSetAside
    from salesdesk.store.queries.sync import SyncedTable
    from salesdesk.sync.client.engine import SyncClient


def _detail(raw: str) -> dict[str, Any]:
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _summary(uow: UnitOfWork, kind: str, detail: dict[str, Any]) -> str:
    if kind == "rejected":
        return str(detail.get("reason", ""))
    if kind != "duplicate_customer":
        return ""
    ids = [detail.get("first_owner_staff_id"), detail.get("later_owner_staff_id")]
    names = common.staff_names(uow, [i for i in ids if isinstance(i, str)])
    first, later = (names.get(i, "—") if isinstance(i, str) else "—" for i in ids)
    return f"{detail.get('phone', '')}：{first} 先登记，{later} 后登记"


def _aside_info(a: SyncSetAside) -> ConflictInfo:
    try:
        row = json.loads(a.row)
    except ValueError:
        row = a.row
    device = row.get("updated_by_device", "") if isinstance(row, dict) else ""
    reason = a.reason if a.attempts <= 1 else f"{a.reason} (×{a.attempts})"
    return ConflictInfo(f"{SETASIDE_PREFIX}{a.id}", "setaside", a.entity, a.row_id, "", row, None, str(device or ""), a.first_seen, (),
                        {"reason": a.reason, "attempts": a.attempts}, reason)


class ConflictInbox:
    """``client`` gives the sync client (opened on first use) for retrying set-aside rows;
    ``extra_models`` are models of tables outside Base (tests), looked up by table name."""

    def __init__(self, db: Database, client: Callable[[], SyncClient],
                 extra_models: dict[str, Any]) -> None:
        self._db = db
        self._client = client
        self._extra = extra_models

    def table(self, name: str) -> SyncedTable | None:
        if name in self._extra:
            table: SyncedTable = self._extra[name].__table__
            return table
        return queries.table_named(name)

    def _model(self, name: str) -> Any:
        return self._extra.get(name) or queries.model_for(name)

    def conflicts(self, actor: Actor, *, include_resolved: bool = False) -> list[ConflictInfo]:
        actor.require(Permission.RESOLVE_CONFLICTS)
        with self._db.reader(actor) as uow:
            rows = queries.conflicts(uow, include_resolved=include_resolved)
            out = [self._info(uow, c) for c in rows]
            for a in queries.set_asides(uow, include_resolved=include_resolved):
                out.append(_aside_info(a))
            return out

    def retry_set_aside(self, actor: Actor, conflict_id: str) -> None:
        """A supervisor asks to apply a set-aside row again now (each sync round does it
        anyway). Raises ValidationError with the reason when it still cannot be applied."""
        actor.require(Permission.RESOLVE_CONFLICTS)
        try:
            aside_id = int(conflict_id.removeprefix(SETASIDE_PREFIX))
        except ValueError:
            raise NotFound("找不到该冲突记录", en="No such conflict") from None
        with self._db.reader(actor) as uow:
            found = queries.set_aside(uow, aside_id)
            if found is None:
                raise NotFound("找不到该冲突记录", en="No such conflict")
            if found.resolved_at is not None:
                raise ValidationError("该冲突已处理", en="This conflict was already resolved")
        applied, _still = self._client().retry_set_aside(ids=[aside_id])
        with self._db.reader(actor) as uow:
            after = queries.set_aside(uow, aside_id)
            if not applied or after is None or after.resolved_at is None:
                reason = after.reason if after is not None else ""
                raise ValidationError(f"仍无法应用：{reason}",
                                      en=f"Still cannot be applied: {reason}")
        with self._db.uow(actor) as w:
            audit.record(w, "sync.retry_set_aside", found.entity, found.row_id, "applied")
            w.commit()

    def _info(self, uow: UnitOfWork, c: SyncConflict) -> ConflictInfo:
        alternatives: tuple[SlotOption, ...] = ()
        detail = _detail(c.detail)
        if c.kind == "slot":
            alternatives = tuple(self.free_slots(uow, c.entity, exclude_row=c.row_id))
        return ConflictInfo(c.id, c.kind, c.entity,
                            c.row_id, c.field, json.loads(c.kept_value),
                            json.loads(c.current_value), c.losing_device, c.created_at,
                            alternatives, detail, _summary(uow, c.kind, detail))

    def free_slots(self, uow: UnitOfWork, entity: str, exclude_row: str = ""
                   ) -> list[SlotOption]:
        """Slots of a capacity-ruled table with places left, as this device knows them."""
        rule = rules.rule_for(entity)
        table = self.table(entity)
        if not isinstance(rule, rules.Capacity) or table is None:
            return []
        cols = rule.slot_columns
        used: dict[tuple[Any, ...], int] = {}
        capacity: dict[tuple[Any, ...], int] = {}
        for b in queries.table_rows(uow, table):
            key = tuple(b.get(col) for col in cols)
            capacity.setdefault(key, rule.capacity_of(b))
            if b["id"] != exclude_row and rule.counts(b):
                used[key] = used.get(key, 0) + 1
        slot_table = self.table(rule.slot_table) if rule.slot_table else None
        if slot_table is not None:
            capacity = {}
            for row in queries.table_rows(uow, slot_table):
                if row.get("deleted"):
                    continue
                capacity[tuple(row.get(col) for col in cols)] = rule.capacity_of(row)
        options = [SlotOption(k, cap - used.get(k, 0)) for k, cap in capacity.items()
                   if cap - used.get(k, 0) > 0]
        return sorted(options, key=lambda o: tuple(str(v) for v in o.slot))

    def resolve(self, actor: Actor, conflict_id: str, choice: str,
                slot: tuple[Any, ...] | None = None) -> None:
        """``choice``: keep_current | use_kept (field) | rebook | cancel (slot) | acknowledge
        | retry (a set-aside row)."""
        actor.require(Permission.RESOLVE_CONFLICTS)
        if conflict_id.startswith(SETASIDE_PREFIX) or choice == "retry":
            if choice != "retry" or not conflict_id.startswith(SETASIDE_PREFIX):
                raise ValidationError("此类冲突不能这样处理",
                                      en=f"{choice} is not a way to resolve this conflict",
                                      field="choice")
            self.retry_set_aside(actor, conflict_id)
            return
        with self._db.uow(actor) as uow:
            c = queries.conflict(uow, conflict_id)
            if c is None or c.deleted:
                raise NotFound("找不到该冲突记录", en="No such conflict")
            if c.status != "open":
                raise ValidationError("该冲突已处理", en="This conflict was already resolved")
            allowed = {"field": {"keep_current", "use_kept"},
                       "attribution": {"acknowledge"},
                       "slot": {"rebook", "cancel"},
                       "tamper": {"acknowledge"},
                       # A sale conflict is decided by refund or move (sale_conflicts.py),
                       # never closed by acknowledging it: a deposit is waiting.
                       "subscription": set()}.get(c.kind, {"acknowledge"})
            if choice not in allowed:
                raise ValidationError("此类冲突不能这样处理",
                                      en=f"{choice} is not a way to resolve a {c.kind} conflict",
                                      field="choice")
            model = self._model(c.entity)
            row = queries.row(uow, model, c.row_id) if model is not None else None
            if choice in ("use_kept", "rebook", "cancel") and row is None:
                raise NotFound("找不到冲突涉及的记录", en="The record in conflict is missing")
            if choice == "use_kept":
                setattr(row, c.field, json.loads(c.kept_value))
            elif choice in ("rebook", "cancel"):
                rule = rules.rule_for(c.entity)
                assert isinstance(rule, rules.Capacity)
                if choice == "cancel":
                    setattr(row, rule.status_column, rule.cancelled_status)
                else:
                    free = {o.slot for o in self.free_slots(uow, c.entity, exclude_row=c.row_id)}
                    if slot is None or tuple(slot) not in free:
                        raise ValidationError("所选时段已无空位，请另选",
                                              en="That slot has no free place; pick another",
                                              field="slot")
                    for col, value in zip(rule.slot_columns, slot, strict=True):
                        setattr(row, col, value)
                    # Offline it shows as "pending confirmation" until the server confirms.
                    setattr(row, rule.status_column, rule.pending_status)
            c.status = "resolved"
            c.resolution = choice
            c.resolved_by_staff = actor.staff_id
            c.resolved_at = uow.now()
            audit.record(uow, "sync.resolve_conflict", c.entity, c.row_id,
                         f"kind={c.kind} choice={choice}")
            uow.commit()
