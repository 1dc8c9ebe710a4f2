"""The project as head office configures it, and the rules that read it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class CertificateKind(StrEnum):
    """The five certificates (五证), in the order the notice board shows them."""

    LAND_USE = "land_use"  # 国有土地使用证 (today: 不动产权证书)
    LAND_PLANNING = "land_planning"  # 建设用地规划许可证
    WORKS_PLANNING = "works_planning"  # 建设工程规划许可证
    CONSTRUCTION = "construction"  # 建筑工程施工许可证
    PRESALE = "presale"  # 商品房预售许可证 (completed housing: 现售备案)


CERTIFICATE_LABELS_ZH: dict[CertificateKind, str] = {
    CertificateKind.LAND_USE: "国有土地使用证（不动产权证书）",
    CertificateKind.LAND_PLANNING: "建设用地规划许可证",
    CertificateKind.WORKS_PLANNING: "建设工程规划许可证",
    CertificateKind.CONSTRUCTION: "建筑工程施工许可证",
    CertificateKind.PRESALE: "商品房预售许可证",
}
CERTIFICATE_LABELS_EN: dict[CertificateKind, str] = {
    CertificateKind.LAND_USE: "State land use certificate (real estate title)",
    CertificateKind.LAND_PLANNING: "Land-use planning permit",
    CertificateKind.WORKS_PLANNING: "Construction works planning permit",
    CertificateKind.CONSTRUCTION: "Construction permit",
    CertificateKind.PRESALE: "Pre-sale permit",
}


class FactorSide(StrEnum):
    INSIDE = "inside"  # 红线内
    OUTSIDE = "outside"  # 红线外


FACTOR_SIDE_ZH = {FactorSide.INSIDE: "红线内", FactorSide.OUTSIDE: "红线外"}

FACTOR_CATEGORIES_ZH: dict[str, str] = {
    "substation": "变电站 / 配电房",
    "refuse": "垃圾站 / 垃圾收集点",
    "garage_ramp": "地库出入口坡道",
    "high_voltage": "高压线",
    "elevated_road": "高架路 / 快速路",
    "railway": "铁路 / 轨道交通",
    "flight_path": "航线",
    "factory": "工厂 / 厂房",
    "smell": "异味",
    "planned_road": "规划道路",
    "noise": "噪音（学校 / 医院 / 市场）",
    "pump_room": "水泵房 / 设备房",
    "spacing": "楼间距",
    "ac_units": "空调外机位",
    "contamination": "污染地块",
    "other": "其他",
}


class UnitStatus(StrEnum):
    AVAILABLE = "available"  # 可售
    RESERVED = "reserved"  # 已认筹 / 保留
    SUBSCRIBED = "subscribed"  # 已认购
    SIGNED = "signed"  # 已签约
    WITHHELD = "withheld"  # 不可售 (e.g. outside every presale permit)


UNIT_STATUS_ZH = {
    UnitStatus.AVAILABLE: "可售",
    UnitStatus.RESERVED: "保留",
    UnitStatus.SUBSCRIBED: "已认购",
    UnitStatus.SIGNED: "已签约",
    UnitStatus.WITHHELD: "不可售",
}


def content_hash(content: Any) -> str:
    """SHA-256 of a canonical JSON form: the identity of a text version in the ledger."""
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class BuildingSpec:
    code: str
    name: str
    floors: int
    description: str = ""


@dataclass(frozen=True)
class UnitSpec:
    building: str
    number: str
    floor: int
    layout: str
    orientation: str
    build_area: float
    inner_area: float
    unit_price: int
    total_price: int
    status: UnitStatus = UnitStatus.AVAILABLE


@dataclass(frozen=True)
class CertificateSpec:
    kind: CertificateKind
    number: str
    issuer: str
    issued_on: date
    valid_until: date | None
    buildings: tuple[str, ...]

    def hash(self) -> str:
        return content_hash(
            [self.kind.value, self.number, self.issuer, self.issued_on.isoformat(),
             self.valid_until.isoformat() if self.valid_until else None, sorted(self.buildings)]
        )


@dataclass(frozen=True)
class TextVersionSpec:
    version: str
    title: str
    text: str
    file_name: str = ""
    file_data: bytes | None = None

    def hash(self) -> str:
        file_digest = hashlib.sha256(self.file_data).hexdigest() if self.file_data else None
        return content_hash([self.version, self.title, self.text, self.file_name, file_digest])


@dataclass(frozen=True)
class AdverseFactorSpec:
    code: str
    side: FactorSide
    category: str
    title: str
    description: str
    direction: str
    distance_m: float | None
    project_wide: bool
    buildings: tuple[str, ...]
    units: tuple[str, ...]
    contract_annex: bool

    def hash(self) -> str:
        return content_hash(
            [self.side.value, self.category, self.title, self.description, self.direction,
             self.distance_m, self.project_wide, sorted(self.buildings), sorted(self.units),
             self.contract_annex]
        )


@dataclass(frozen=True)
class StaffSpec:
    code: str
    name: str
    role: str
    agency: str
    senior: bool
    phone: str
    pin: str | None
    pin_hash: str | None
    active: bool = True


@dataclass(frozen=True)
class ProjectConfig:
    """A validated project file."""

    config_version: str
    company_code: str
    company_name: str
    centre_code: str
    centre_name: str
    centre_address: str
    code: str
    name: str
    city: str
    district: str
    address: str
    developer: str
    price_complaint_phone: str
    buildings: tuple[BuildingSpec, ...]
    units: tuple[UnitSpec, ...]
    certificates: tuple[CertificateSpec, ...]
    sunshine_declaration: TextVersionSpec
    contract_template: TextVersionSpec
    adverse_factors: tuple[AdverseFactorSpec, ...]
    staff: tuple[StaffSpec, ...] = field(default=())
    extras: dict[str, Any] = field(default_factory=dict)


# ---- rules ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FactorScope:
    """Where a factor applies: the whole project, some buildings, some units."""

    project_wide: bool
    building_ids: frozenset[str]
    unit_ids: frozenset[str]


def factor_applies(scope: FactorScope, unit_id: str, building_id: str) -> bool:
    return scope.project_wide or building_id in scope.building_ids or unit_id in scope.unit_ids


def presale_covers(building_id: str, presale_scopes: Iterable[Sequence[str]]) -> bool:
    """A unit is sellable only inside some presale permit's scope (PRODUCT.md, 五证)."""
    return any(building_id in scope for scope in presale_scopes)
