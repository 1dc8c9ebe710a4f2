"""Project configuration from head office: buildings, units, certificates, versioned texts,
adverse factors. Texts a disclosure record may point at are versioned rows, never rewritten."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Float, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from salesdesk.store.models.base import Base, Synced


class Project(Synced, Base):
    __tablename__ = "project"
    code: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(64))
    district: Mapped[str] = mapped_column(String(64), default="")
    address: Mapped[str] = mapped_column(String(400), default="")
    developer: Mapped[str] = mapped_column(String(200), default="")
    price_complaint_phone: Mapped[str] = mapped_column(String(32), default="12358")
    config_version: Mapped[str] = mapped_column(String(64), default="")


class Building(Synced, Base):
    __tablename__ = "building"
    project_id: Mapped[str] = mapped_column(String(36), index=True)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    floors: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="")


class Unit(Synced, Base):
    __tablename__ = "unit"
    project_id: Mapped[str] = mapped_column(String(36), index=True)
    building_id: Mapped[str] = mapped_column(String(36), index=True)
    number: Mapped[str] = mapped_column(String(32), index=True)  # 房号, e.g. 1-1203
    floor: Mapped[int] = mapped_column(Integer)
    layout: Mapped[str] = mapped_column(String(64), default="")
    orientation: Mapped[str] = mapped_column(String(32), default="")
    build_area: Mapped[float] = mapped_column(Float)  # 建筑面积 m²
    inner_area: Mapped[float] = mapped_column(Float)  # 套内面积 m²
    unit_price: Mapped[int] = mapped_column(Integer)  # 单价 元/m² (建筑面积)
    total_price: Mapped[int] = mapped_column(Integer)  # 总价 元, one price per unit (一套一标)
    status: Mapped[str] = mapped_column(String(16), default="available")


class Certificate(Synced, Base):
    """One of the five certificates (五证). ``building_ids`` is the scope (JSON list)."""

    __tablename__ = "certificate"
    project_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    number: Mapped[str] = mapped_column(String(100))
    issuer: Mapped[str] = mapped_column(String(200))
    issued_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    building_ids: Mapped[str] = mapped_column(Text, default="[]")
    content_hash: Mapped[str] = mapped_column(String(64))
    current: Mapped[bool] = mapped_column(Boolean, default=True)


class SunshineDeclaration(Synced, Base):
    """阳光宣言, one row per version."""

    __tablename__ = "sunshine_declaration"
    project_id: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    current: Mapped[bool] = mapped_column(Boolean, default=True)


class ContractTemplate(Synced, Base):
    """合同范本, one row per version, with the attached file (e.g. the official PDF)."""

    __tablename__ = "contract_template"
    project_id: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text, default="")
    file_name: Mapped[str] = mapped_column(String(200), default="")
    file_data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    current: Mapped[bool] = mapped_column(Boolean, default=True)


class AdverseFactor(Synced, Base):
    """红线内外不利因素, one row per version of a factor (``code`` is stable across versions)."""

    __tablename__ = "adverse_factor"
    project_id: Mapped[str] = mapped_column(String(36), index=True)
    code: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer, default=1)
    side: Mapped[str] = mapped_column(String(16))  # inside | outside the red line
    category: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    direction: Mapped[str] = mapped_column(String(32), default="")
    distance_m: Mapped[float | None] = mapped_column(Float, nullable=True)
    project_wide: Mapped[bool] = mapped_column(Boolean, default=False)
    building_ids: Mapped[str] = mapped_column(Text, default="[]")
    unit_ids: Mapped[str] = mapped_column(Text, default="[]")
    contract_annex: Mapped[bool] = mapped_column(Boolean, default=False)
    content_hash: Mapped[str] = mapped_column(String(64))
    current: Mapped[bool] = mapped_column(Boolean, default=True)
