"""What the sync service hands the top bar, the conflict inbox and the command line: frozen
values, never rows."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import datetime
from typing import Any

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
    kind: str  # field | attribution | slot | tamper | setaside | ledger_* | ...; the screen names it
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
