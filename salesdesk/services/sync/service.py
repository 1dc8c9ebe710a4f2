"""Sync as the rest of the app sees it: status for the top bar, the conflict inbox a
supervisor works through, enrolment, and one round on demand (run off the GUI thread)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.roles import Actor, Permission
from salesdesk.paths import key_dir
from salesdesk.services.sync.inbox import ConflictInbox
from salesdesk.services.sync.results import ConflictInfo, RoundSummary, SlotOption, SyncStatus
from salesdesk.store.queries import sync as queries
from salesdesk.store.uow import UnitOfWork
from salesdesk.sync.hlc import CLOCK_WARN_MS

if TYPE_CHECKING:  # the HTTP client loads with the first sync, not at start-up
    from salesdesk.store.database import Database
    from salesdesk.store.queries.sync import SyncedTable
    from salesdesk.sync.client.engine import RoundResult, SyncClient


class SyncService:
    def __init__(self, db: Database, key_dir: Path | None = None,
                 extra_models: tuple[Any, ...] = ()) -> None:
        self._db = db
        self._key_dir = key_dir
        self._client: SyncClient | None = None
        # Models of tables outside Base (tests); looked up by table name like Base's.
        self._extra = {m.__tablename__: m for m in extra_models}
        self._inbox = ConflictInbox(db, self.client, self._extra)

    # -- the client (own SQLite connection; call from a worker thread) ------------------------

    def key_dir(self) -> Path:
        # Read on first use, not when built: the key folder's variable may be set after start.
        if self._key_dir is None:
            self._key_dir = key_dir()
        return self._key_dir

    def client(self) -> SyncClient:
        if self._client is None:
            from salesdesk.sync.client.engine import SyncClient

            self._client = SyncClient(
                self._db.path, self.key_dir(), local_device_id=self._db.device_id,
                clock=self._db.clock, phones=self._db.phones,
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
            st = queries.sync_state(uow)
            pending = queries.pending_changes(uow)
            open_ = queries.open_inbox_count(uow)
            offset = st.clock_offset_ms if st else 0
            return SyncStatus(
                enrolled=bool(st and st.device_id), server_url=st.server_url if st else "",
                last_sync_at=st.last_sync_at if st else None, pending=pending,
                conflicts_open=open_, clock_offset_s=offset / 1000,
                clock_warning=abs(offset) > CLOCK_WARN_MS,
                last_error=st.last_error if st else "",
                needs_reenrol=bool(st and st.needs_reenrol))

    # -- the conflict inbox (inbox.py) --------------------------------------------------------

    def conflicts(self, actor: Actor, *, include_resolved: bool = False) -> list[ConflictInfo]:
        return self._inbox.conflicts(actor, include_resolved=include_resolved)

    def retry_set_aside(self, actor: Actor, conflict_id: str) -> None:
        """A supervisor asks to apply a set-aside row again now (each sync round does it
        anyway). Raises ValidationError with the reason when it still cannot be applied."""
        self._inbox.retry_set_aside(actor, conflict_id)

    def free_slots(self, uow: UnitOfWork, entity: str, exclude_row: str = ""
                   ) -> list[SlotOption]:
        """Slots of a capacity-ruled table with places left, as this device knows them."""
        return self._inbox.free_slots(uow, entity, exclude_row)

    def resolve(self, actor: Actor, conflict_id: str, choice: str,
                slot: tuple[Any, ...] | None = None) -> None:
        """``choice``: keep_current | use_kept (field) | rebook | cancel (slot) | acknowledge
        | retry (a set-aside row)."""
        self._inbox.resolve(actor, conflict_id, choice, slot)

    def _table(self, name: str) -> SyncedTable | None:
        return self._inbox.table(name)
