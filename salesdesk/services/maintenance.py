"""Database checks and backups (``python -m salesdesk db verify | db backup``)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from salesdesk.store import migrate
from salesdesk.store.database import Database, backup
from salesdesk.store.integrity import integrity_problems

log = logging.getLogger(__name__)


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

    def verify(self, thorough: bool = False) -> VerifyReport:
        """SQLite's checks of the file, its schema revision, then every capability's own
        checks (the ledger's chains). ``thorough`` also checks every index against its
        table (``db verify --thorough``)."""
        report = VerifyReport()
        with ThreadPoolExecutor(1) as pool:
            # SQLite checks its pages in C without holding the GIL, so on a large file they
            # run beside the ledger's chain scan instead of before it.
            sqlite_checks = pool.submit(integrity_problems, self._db.path, thorough)
            theirs = [f for verifier in self.verifiers for f in _run(verifier, self._db)]
            result, broken = sqlite_checks.result()
        name = "integrity_check" if thorough else "quick_check"
        report.findings.append(Finding("integrity", result == ["ok"],
                                       f"{name}: " + "; ".join(result)))
        report.findings.append(Finding("foreign_keys", not broken,
                                       f"{broken} broken references" if broken else "ok"))
        rev = migrate.file_revision(self._db.path)
        head = migrate.head_revision()
        report.findings.append(Finding("schema_revision", rev == head,
                                       f"file {rev}, code {head}"))
        report.findings.extend(theirs)
        return report

    def backup(self, dest_dir: Path | None = None) -> Path:
        return backup(self._db.path, dest_dir or self._db.path.parent / "backups", "manual")


def _run(verifier: Verifier, db: Database) -> list[Finding]:
    """A check that cannot read the file (a damaged page under the ledger) is a failed finding,
    not a crash of ``db verify``: the rest of the report is still worth having."""
    try:
        return verifier(db)
    except Exception as exc:  # whatever stopped it is what the user must see
        log.warning("a db verify check could not run", exc_info=True)
        name = getattr(verifier, "__name__", "check").removesuffix("_verifier")
        return [Finding(name, False, f"could not be checked: {exc}")]
