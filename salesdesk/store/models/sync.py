"""Sync state on the device, and the conflict inbox (SYNC.md, "Data").

``sync_state`` is device-local (one row). ``sync_conflict`` rows are made by the server when it
keeps a losing value (CouchDB's rule) and reach every device of the sales centre through the
feed; a supervisor resolving one is an ordinary synced edit."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, String, Text
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


class SyncSetAside(Base):
    """A pulled row this device could not apply (a local constraint, a value its column cannot
    hold, a table or column of a newer version), kept with the reason instead of stopping the
    pull (SYNC.md, "nothing wedges"). Device-local: each device keeps its own and retries them
    each sync round; ``partial`` rows were applied without the columns this version lacks.
    One entry per row: a later state of the row replaces it, or resolves it once applied."""

    __tablename__ = "sync_setaside"
    __table_args__ = (Index("uq_sync_setaside_row", "entity", "row_id", unique=True),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(64))
    feed_seq: Mapped[int] = mapped_column(Integer)
    row: Mapped[str] = mapped_column(Text)  # JSON, as pulled
    reason: Mapped[str] = mapped_column(Text)
    partial: Mapped[bool] = mapped_column(Boolean, default=False)
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    last_tried: Mapped[datetime] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    resolution: Mapped[str] = mapped_column(String(16), default="")  # applied | superseded
