"""Declarative base and the columns every synced table carries (SYNC.md, "Data")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from salesdesk.domain.ids import new_id
from salesdesk.store.types import UTCDateTime

# Named constraints, so SQLite batch migrations can find and alter them later.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Synced:
    """Mixin for tables that sync with head office.

    The unit of work fills the who/when/which-device columns and writes the outbox entry; code
    never sets them by hand and never deletes a row (``deleted`` is the tombstone)."""

    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    sales_centre_id: Mapped[str] = mapped_column(String(36), index=True)
    server_seq: Mapped[int] = mapped_column(Integer, default=0)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    row_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by_device: Mapped[str] = mapped_column(String(36))
    updated_by_device: Mapped[str] = mapped_column(String(36))
    created_by_staff: Mapped[str | None] = mapped_column(String(36), nullable=True)
    updated_by_staff: Mapped[str | None] = mapped_column(String(36), nullable=True)


def is_synced(obj: object) -> bool:
    return bool(getattr(type(obj), "__synced__", False))
