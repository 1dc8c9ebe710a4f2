"""Device-local tables: never synced as rows (the outbox is what sync reads)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from salesdesk.store.models.base import Base
from salesdesk.store.types import UTCDateTime


class LocalMeta(Base):
    """Key/value facts about this database file: device id, encryption key id, ticket prefix."""

    __tablename__ = "local_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OutboxEntry(Base):
    """One local change waiting for head office, written in the same transaction as the change.

    ``seq`` is the device's sequential change number (SYNC.md lesson 3); pending counts are
    derived from this table, never kept separately."""

    __tablename__ = "outbox"
    # AUTOINCREMENT: numbers are never reused after acknowledged rows are deleted (sync).
    __table_args__ = {"sqlite_autoincrement": True}
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    operation: Mapped[str] = mapped_column(String(16))  # insert | update | tombstone
    base_version: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)  # JSON of the row after the change
    fields: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of changed columns
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    staff_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class SigninLock(Base):
    """Wrong-PIN counter per staff member on this device (not synced: a lock is local)."""

    __tablename__ = "signin_lock"
    staff_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
