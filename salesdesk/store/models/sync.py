"""Sync state on the device, and the conflict inbox (SYNC.md, "Data").

``sync_state`` is device-local (one row). ``sync_conflict`` rows are made by the server when it
keeps a losing value (CouchDB's rule) and reach every device of the sales centre through the
feed; a supervisor resolving one is an ordinary synced edit."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from salesdesk.store.models.base import Base, Synced
from salesdesk.store.types import UTCDateTime


class SyncState(Base):
    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str] = mapped_column(String(400), default="")
    device_id: Mapped[str | None] = mapped_column(String(36), nullable=True)  # server-issued
    server_centre_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    cursor: Mapped[int] = mapped_column(Integer, default=0)
    clock_offset_ms: Mapped[int] = mapped_column(Integer, default=0)  # server − device
    hlc: Mapped[str] = mapped_column(String(80), default="")
    enrolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    needs_reenrol: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncConflict(Synced, Base):
    """A kept loser (field, attribution), a booking that lost its slot, or a tamper alarm."""

    __tablename__ = "sync_conflict"
    # field | attribution | slot | tamper | duplicate_customer
    kind: Mapped[str] = mapped_column(String(32), index=True)
    entity: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64), default="")
    kept_value: Mapped[str] = mapped_column(Text, default="null")  # JSON: the value that lost
    current_value: Mapped[str] = mapped_column(Text, default="null")  # JSON: the row's value
    losing_device: Mapped[str] = mapped_column(String(36), default="")
    losing_staff: Mapped[str | None] = mapped_column(String(36), nullable=True)
    change_id: Mapped[str] = mapped_column(String(36), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    resolution: Mapped[str] = mapped_column(String(32), default="")
    resolved_by_staff: Mapped[str | None] = mapped_column(String(36), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
