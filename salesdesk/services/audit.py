"""Writing and reading the audit log. Details never carry phone or ID numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from salesdesk.domain.roles import Actor, Permission
from salesdesk.store.database import Database
from salesdesk.store.queries import audit as q
from salesdesk.store.uow import UnitOfWork


def record(uow: UnitOfWork, action: str, entity: str = "", row_id: str = "",
           detail: str = "") -> None:
    """Append an audit event to the unit of work (committed, or not, with the change itself)."""
    q.add_event(uow, action=action, entity=entity, row_id=row_id, detail=detail)


def record_now(uow: UnitOfWork, action: str, entity: str = "", row_id: str = "",
               detail: str = "") -> None:
    """``record``, written at once rather than at the commit's flush (a signing booking: the
    ORM flush of this one row cost about a sixth of the booking)."""
    q.write_event(uow, action=action, entity=entity, row_id=row_id, detail=detail)


EXPORT_ACTION = "export"


def log_export(uow: UnitOfWork, what: str, fmt: str, customers: int, row_id: str = "") -> None:
    """Every PDF or CSV with customer data that leaves the application (printed, saved,
    exported) is logged: who and when (the row's own columns), what, in which format and how
    many customers it names (PIPL: log every export)."""
    record(uow, EXPORT_ACTION, what, row_id, f"{fmt} customers={customers}")


def export_count(detail: str) -> int:
    """How many customers an export entry names (0 when the detail is not one of ours)."""
    for part in detail.split():
        if part.startswith("customers="):
            try:
                return int(part.removeprefix("customers="))
            except ValueError:
                return 0
    return 0


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    action: str
    entity: str
    row_id: str
    detail: str
    staff_id: str | None
    device_id: str


class AuditService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def log_command(self, actor: Actor, command: str) -> None:
        """Records that ``actor`` ran a command-line ``command`` (its name only: arguments may
        hold a customer's phone number)."""
        with self._db.uow(actor) as uow:
            record(uow, "cli.run", "command", "", command)
            uow.commit()

    def exports(self, actor: Actor, limit: int = 200) -> list[AuditEntry]:
        """The export log (newest first): every file with customer data that left the app."""
        return self.recent(actor, limit, action=EXPORT_ACTION)

    def recent(self, actor: Actor, limit: int = 200, *, action: str | None = None
               ) -> list[AuditEntry]:
        actor.require(Permission.VIEW_AUDIT)
        with self._db.reader(actor) as uow:
            rows = q.recent(uow, limit, action)
            return [
                AuditEntry(r.created_at, r.action, r.entity, r.row_id, r.detail,
                           r.created_by_staff, r.created_by_device)
                for r in rows
            ]
