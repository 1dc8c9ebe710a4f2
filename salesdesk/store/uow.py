"""The unit of work: one SQLite transaction, rolled back unless committed.

Services open one per use case (``with db.uow(actor) as uow: ...; uow.commit()``). Every
synced row written through ``uow.session`` gets its outbox entry in the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from sqlalchemy.orm import Session, sessionmaker

from salesdesk.domain.roles import Actor

if TYPE_CHECKING:
    from salesdesk.store.crypto import PhoneSeal


@dataclass(frozen=True)
class WriteContext:
    """What the outbox hook stamps on every row: which device, which staff, which centre."""

    device_id: str
    sales_centre_id: str | None
    staff_id: str | None
    now: Callable[[], datetime]
    # The file's phone seal (issue 15): queries hash numbers to find them and decrypt them to
    # show them. None only for a unit of work outside an opened database.
    phones: PhoneSeal | None = None


class UnitOfWork:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        context: WriteContext,
        on_commit: Callable[[], None] | None = None,
    ) -> None:
        self._factory = session_factory
        self.context = context
        self._on_commit = on_commit
        self._session: Session | None = None
        self._committed = False

    @property
    def session(self) -> Session:
        assert self._session is not None, "use the unit of work in a with-block"
        return self._session

    def now(self) -> datetime:
        return self.context.now()

    @property
    def phones(self) -> PhoneSeal:
        assert self.context.phones is not None, "a unit of work of an opened database"
        return self.context.phones

    def __enter__(self) -> Self:
        self._session = self._factory()
        self._session.info["context"] = self.context
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._session is not None
        try:
            if not self._committed:
                self._session.rollback()
        finally:
            self._session.close()
            self._session = None

    def use_sales_centre(self, sales_centre_id: str) -> None:
        """For the one case where the centre is made in this transaction (first set-up)."""
        self.context = WriteContext(self.context.device_id, sales_centre_id,
                                    self.context.staff_id, self.context.now,
                                    self.context.phones)
        self.session.info["context"] = self.context

    def commit(self) -> None:
        self.session.commit()
        self._committed = True
        if self._on_commit is not None:
            self._on_commit()

    def rollback(self) -> None:
        self.session.rollback()

    def add(self, obj: Any) -> None:
        self.session.add(obj)

    def flush(self) -> None:
        self.session.flush()


def context_for(actor: Actor | None, device_id: str, sales_centre_id: str | None,
                now: Callable[[], datetime], phones: PhoneSeal | None = None) -> WriteContext:
    if actor is None:
        return WriteContext(device_id, sales_centre_id, None, now, phones)
    return WriteContext(device_id, actor.sales_centre_id, actor.staff_id, now, phones)
