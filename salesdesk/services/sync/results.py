"""What the sync service hands the top bar, the conflict inbox and the command line: frozen
values, never rows."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import datetime
from typing import Any

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
