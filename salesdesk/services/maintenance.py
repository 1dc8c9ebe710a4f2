"""Database checks and backups (``python -m salesdesk db verify | db backup``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from salesdesk.store import migrate
from salesdesk.store.database import Database, backup
from salesdesk.store.integrity import integrity_problems


@dataclass(frozen=True)
class Finding:
    check: str
    ok: bool
    detail: str


@dataclass
class VerifyReport:
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.findings)


# Other capabilities add their own checks here (the disclosure ledger's hash chain, ...).
Verifier = Callable[[Database], list[Finding]]


class MaintenanceService:
    def __init__(self, db: Database, verifiers: list[Verifier] | None = None) -> None:
        self._db = db
        self.verifiers: list[Verifier] = list(verifiers or [])

    def verify(self) -> VerifyReport:
        report = VerifyReport()
        result, broken = integrity_problems(self._db.path)
        report.findings.append(Finding("integrity", result == ["ok"], "; ".join(result)))
        report.findings.append(Finding("foreign_keys", not broken,
                                       f"{broken} broken references" if broken else "ok"))
        rev = migrate.file_revision(self._db.path)
        head = migrate.head_revision()
        report.findings.append(Finding("schema_revision", rev == head,
                                       f"file {rev}, code {head}"))
        for verifier in self.verifiers:
            report.findings.extend(verifier(self._db))
        return report

    def backup(self, dest_dir: Path | None = None) -> Path:
        return backup(self._db.path, dest_dir or self._db.path.parent / "backups", "manual")
