"""What the customer use cases return: frozen values, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from salesdesk.domain.salutation import public_name


@dataclass(frozen=True)
class PhoneInfo:
    e164: str
    masked: str
    label: str


@dataclass(frozen=True)
class CustomerInfo:
    id: str
    name: str
    salutation: str
    phones: tuple[PhoneInfo, ...]
    owner_staff_id: str | None
    has_id_number: bool
    consent_at: datetime | None
    consent_version: str
    created_at: datetime
    # Issue 15 §1: the customer record shows these (services/customers/erasure.py, consent.py).
    restricted: bool = False
    erased: bool = False
    consent_withdrawn: bool = False

    @property
    def display_name(self) -> str:
        """What a public screen may show: surname and title (王先生), never the full name or
        what was typed as the salutation verbatim (domain.salutation)."""
        return public_name(self.salutation, self.name) or "客户"

    @property
    def masked_phone(self) -> str:
        return self.phones[0].masked if self.phones else ""


@dataclass(frozen=True)
class MergeResult:
    survivor_id: str
    merged_id: str
    owner_staff_id: str | None
    moved: tuple[tuple[str, int], ...]  # (table, rows moved), tables with none left out
    conflicts_resolved: tuple[str, ...]

    def count(self, table: str) -> int:
        return dict(self.moved).get(table, 0)


@dataclass(frozen=True)
class ExportResult:
    customer_id: str
    json_path: Path
    pdf_path: Path
    sections: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ErasureResult:
    customer_id: str
    erased: bool
    restricted: bool
    pseudonym: str
    reason: str  # why erasure was refused ("" when erased)
    backups_scrubbed: int


@dataclass(frozen=True)
class RetentionCandidate:
    customer_id: str
    label: str  # salutation or pseudonym-like label, never the number
    last_seen: date
