"""The audit log: who did what, when, on which device. Never holds phone or ID numbers."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from salesdesk.store.models.base import Base, Synced


class AuditEvent(Synced, Base):
    __tablename__ = "audit_log"
    action: Mapped[str] = mapped_column(String(64), index=True)
    entity: Mapped[str] = mapped_column(String(64), default="")
    row_id: Mapped[str] = mapped_column(String(36), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
