"""Sync as the rest of the app sees it: status for the top bar, the conflict inbox a
supervisor works through, enrolment, and one round on demand (run off the GUI thread)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, func, select

from salesdesk.domain.errors import NotFound, ValidationError
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.store.database import Database
from salesdesk.store.models import Base
from salesdesk.store.models.local import OutboxEntry
from salesdesk.store.models.org import Staff
from salesdesk.store.models.sync import SyncConflict, SyncSetAside, SyncState
from salesdesk.sync import rules
from salesdesk.sync.hlc import CLOCK_WARN_MS

if TYPE_CHECKING:  # the HTTP client loads with the first sync, not at start-up
    from salesdesk.sync.client.engine import RoundResult, SyncClient

CONFLICT_LABELS_ZH = {
    "field": "同一字段被两台设备同时修改",
    "attribution": "判客：以先登记者为准",
    "slot": "签约时段已满",
    "tamper": "披露记录内容不一致（疑似篡改）",
    "setaside": "本机无法应用的同步数据（已暂存，每次同步自动重试）",
    "ledger_fork": "告知记录链分叉（总部已拒收）",
    "ledger_hash": "告知记录哈希不符（总部已拒收）",
    "ledger_link": "告知记录链不衔接（总部已拒收）",
    "duplicate_customer": "同一手机号重复登记：待合并至先登记的客户",
    "rejected": "总部拒收的本机修改（数据不合规，未同步）",
    "subscription": "同一房号两处认购：以总部先收到者为准",
}
# Set-aside rows are device-local (sync_setaside) and show in the same inbox under this prefix.
SETASIDE_PREFIX = "setaside:"


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str
    last_sync_at: datetime | None
    pending: int
    conflicts_open: int
    clock_offset_s: float
    clock_warning: bool
    last_error: str
    needs_reenrol: bool


@dataclass(frozen=True)
class SlotOption:
    slot: tuple[Any, ...]
    free: int


@dataclass(frozen=True)
class ConflictInfo:
    id: str
    kind: str
    label: str
    entity: str
    row_id: str
    field: str
    kept_value: Any
    current_value: Any
    losing_device: str
    created_at: datetime
    alternatives: tuple[SlotOption, ...]
    # What the server said about it (a duplicate customer: both customers and consultants,
    # the number masked); empty for older kinds.
    detail: dict[str, Any] = dc_field(default_factory=dict)
    summary: str = ""  # one line for the inbox (a duplicate: number masked, who came first)


@dataclass(frozen=True)
class RoundSummary:
    pushed: int
    rejected: int
    conflicts: int
    pulled: int
    clock_warning: bool
    seconds: float


def _detail(raw: str) -> dict[str, Any]:
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _summary(session: Any, kind: str, detail: dict[str, Any]) -> str:
    if kind == "rejected":
        return str(detail.get("reason", ""))
    if kind != "duplicate_customer":
        return ""
    ids = [detail.get("first_owner_staff_id"), detail.get("later_owner_staff_id")]
    names = dict(session.execute(select(Staff.id, Staff.name).where(
        Staff.id.in_([i for i in ids if isinstance(i, str)]))).all())
    first, later = (names.get(i, "—") if isinstance(i, str) else "—" for i in ids)
    return f"{detail.get('phone', '')}：{first} 先登记，{later} 后登记"


def _model_for(table: str) -> Any:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_
    return None


def _aside_info(a: SyncSetAside) -> ConflictInfo:
    try:
        row = json.loads(a.row)
    except ValueError:
        row = a.row
    device = row.get("updated_by_device", "") if isinstance(row, dict) else ""
    reason = a.reason if a.attempts <= 1 else f"{a.reason} (×{a.attempts})"
    return ConflictInfo(f"{SETASIDE_PREFIX}{a.id}", "setaside", CONFLICT_LABELS_ZH["setaside"],
                        a.entity, a.row_id, "", row, None, str(device or ""), a.first_seen, (),
                        {"reason": a.reason, "attempts": a.attempts}, reason)


class SyncService:
    def __init__(self, db: Database, key_dir: Path | None = None,
                 extra_models: tuple[Any, ...] = ()) -> None:
        self._db = db
        self._key_dir = key_dir
        self._client: SyncClient | None = None
        # Models of tables outside Base (tests); looked up by table name like Base's.
        self._extra = {m.__tablename__: m for m in extra_models}

    # -- the client (own SQLite connection; call from a worker thread) ------------------------

    def key_dir(self) -> Path:
        if self._key_dir is None:
            from salesdesk.paths import key_dir

            self._key_dir = key_dir()
        return self._key_dir

    def client(self) -> SyncClient:
        if self._client is None:
            from salesdesk.sync.client.engine import SyncClient

            self._client = SyncClient(
                self._db.path, self.key_dir(), local_device_id=self._db.device_id,
                clock=self._db.clock,
                extra_metadata=tuple({m.metadata for m in self._extra.values()}))
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def enrol(self, actor: Actor | None, server_url: str, code: str, label: str = "") -> str:
        if actor is not None:
            actor.require(Permission.MANAGE_SETTINGS)
        if not server_url.startswith(("http://", "https://")):
            raise ValidationError("同步服务地址须以 https:// 开头",
                                  en="The sync address must start with https://",
                                  field="server_url")
        if not code.strip():
            raise ValidationError("请输入总部提供的登记码", en="Enter the enrolment code",
                                  field="code")
        device_id = self.client().enrol(server_url, code.strip(), label)
        state = self.client().state()
        if self._db.sales_centre_id is None and state is not None:
            self._db.sales_centre_id = state.server_centre_id
        return device_id

    def run_round(self, actor: Actor | None = None) -> RoundSummary:
        if actor is not None:
            actor.require(Permission.SYNC)
        r: RoundResult = self.client().sync_round()
        return RoundSummary(r.pushed, r.rejected, r.conflicts, r.pulled, r.clock_warning,
                            r.seconds)

    # -- status -------------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        with self._db.reader() as uow:
            s = uow.session
            st = s.get(SyncState, 1)
            pending = int(s.scalar(select(func.count()).select_from(OutboxEntry)) or 0)
            open_ = int(s.scalar(select(func.count()).select_from(SyncConflict).where(
                SyncConflict.status == "open", SyncConflict.deleted.is_(False))) or 0)
            open_ += int(s.scalar(select(func.count()).select_from(SyncSetAside).where(
                SyncSetAside.resolved_at.is_(None))) or 0)
            offset = st.clock_offset_ms if st else 0
            return SyncStatus(
                enrolled=bool(st and st.device_id), server_url=st.server_url if st else "",
                last_sync_at=st.last_sync_at if st else None, pending=pending,
                conflicts_open=open_, clock_offset_s=offset / 1000,
                clock_warning=abs(offset) > CLOCK_WARN_MS,
                last_error=st.last_error if st else "",
                needs_reenrol=bool(st and st.needs_reenrol))

    # -- the conflict inbox -------------------------------------------------------------------

    def conflicts(self, actor: Actor, *, include_resolved: bool = False) -> list[ConflictInfo]:
        actor.require(Permission.RESOLVE_CONFLICTS)
        with self._db.reader(actor) as uow:
            q = select(SyncConflict).where(SyncConflict.deleted.is_(False))
            if not include_resolved:
                q = q.where(SyncConflict.status == "open")
            rows = uow.session.scalars(q.order_by(SyncConflict.created_at)).all()
            out = [self._info(uow.session, c) for c in rows]
            aside = select(SyncSetAside)
            if not include_resolved:
                aside = aside.where(SyncSetAside.resolved_at.is_(None))
            for a in uow.session.scalars(aside.order_by(SyncSetAside.feed_seq)):
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
            found = uow.session.get(SyncSetAside, aside_id)
            if found is None:
                raise NotFound("找不到该冲突记录", en="No such conflict")
            if found.resolved_at is not None:
                raise ValidationError("该冲突已处理", en="This conflict was already resolved")
        applied, _still = self.client().retry_set_aside(ids=[aside_id])
        with self._db.reader(actor) as uow:
            after = uow.session.get(SyncSetAside, aside_id)
            if not applied or after is None or after.resolved_at is None:
                reason = after.reason if after is not None else ""
                raise ValidationError(f"仍无法应用：{reason}",
                                      en=f"Still cannot be applied: {reason}")
        with self._db.uow(actor) as w:
            audit.record(w, "sync.retry_set_aside", found.entity, found.row_id, "applied")
            w.commit()

    def _table(self, name: str) -> Table | None:
        if name in self._extra:
            table: Table = self._extra[name].__table__
            return table
        return Base.metadata.tables.get(name)

    def _model(self, name: str) -> Any:
        return self._extra.get(name) or _model_for(name)

    def _info(self, session: Any, c: SyncConflict) -> ConflictInfo:
        alternatives: tuple[SlotOption, ...] = ()
        detail = _detail(c.detail)
        if c.kind == "slot":
            alternatives = tuple(self.free_slots(session, c.entity, exclude_row=c.row_id))
        return ConflictInfo(c.id, c.kind, CONFLICT_LABELS_ZH.get(c.kind, c.kind), c.entity,
                            c.row_id, c.field, json.loads(c.kept_value),
                            json.loads(c.current_value), c.losing_device, c.created_at,
                            alternatives, detail, _summary(session, c.kind, detail))

    def free_slots(self, session: Any, entity: str, exclude_row: str = "") -> list[SlotOption]:
        """Slots of a capacity-ruled table with places left, as this device knows them."""
        rule = rules.rule_for(entity)
        table = self._table(entity)
        if not isinstance(rule, rules.Capacity) or table is None:
            return []
        cols = rule.slot_columns
        bookings = [dict(r._mapping) for r in session.execute(select(table))]
        used: dict[tuple[Any, ...], int] = {}
        capacity: dict[tuple[Any, ...], int] = {}
        for b in bookings:
            key = tuple(b.get(col) for col in cols)
            capacity.setdefault(key, rule.capacity_of(b))
            if b["id"] != exclude_row and rule.counts(b):
                used[key] = used.get(key, 0) + 1
        slot_table = self._table(rule.slot_table) if rule.slot_table else None
        if slot_table is not None:
            capacity = {}
            for r in session.execute(select(slot_table)):
                row = dict(r._mapping)
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
            s = uow.session
            c = s.get(SyncConflict, conflict_id)
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
            row = s.get(model, c.row_id) if model is not None else None
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
                    free = {o.slot for o in self.free_slots(s, c.entity, exclude_row=c.row_id)}
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
