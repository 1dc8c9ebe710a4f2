"""Signing materials: buyer profiles, imported rule-pack versions, and per customer and unit
the material checklist whose items are ticked off as they arrive (who, when)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from salesdesk.store.models.base import Base, Synced
from salesdesk.store.types import UTCDateTime


class BuyerProfileRecord(Synced, Base):
    """The interview answers of one customer (one live row per customer, JSON answers)."""

    __tablename__ = "buyer_profile"
    customer_id: Mapped[str] = mapped_column(String(36), index=True)
    answers: Mapped[str] = mapped_column(Text)


class RulePackVersion(Synced, Base):
    """One imported version of a rule pack. Never rewritten: checklists point at it."""

    __tablename__ = "rule_pack_version"
    pack_id: Mapped[str] = mapped_column(String(64), index=True)
    city: Mapped[str] = mapped_column(String(64))
    project: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)  # the pack's JSON, as imported
    content_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(32), default="import")  # default | import


class MaterialChecklist(Synced, Base):
    """The materials one customer brings for one unit, built from a profile and a pack."""

    __tablename__ = "material_checklist"
    customer_id: Mapped[str] = mapped_column(String(36), index=True)
    unit_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    rule_pack_version_id: Mapped[str] = mapped_column(String(36))
    profile_answers: Mapped[str] = mapped_column(Text)  # the answers it was built from
    consultant_staff_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    warnings: Mapped[str] = mapped_column(Text, default="[]")  # restriction pre-check, JSON
    notes: Mapped[str] = mapped_column(Text, default="")


class ChecklistItem(Synced, Base):
    """One material on a checklist. A refresh that no longer needs it sets the tombstone."""

    __tablename__ = "checklist_item"
    checklist_id: Mapped[str] = mapped_column(String(36), index=True)
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(100))
    stage: Mapped[str] = mapped_column(String(16))
    original: Mapped[bool] = mapped_column(Boolean, default=True)
    copies: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    received_by_staff: Mapped[str | None] = mapped_column(String(36), nullable=True)
