"""What the project use cases return: frozen values, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from salesdesk.domain.project import CertificateKind, FactorScope, FactorSide, UnitStatus


@dataclass(frozen=True)
class ProjectInfo:
    id: str
    code: str
    name: str
    city: str
    district: str
    address: str
    developer: str
    price_complaint_phone: str
    config_version: str


@dataclass(frozen=True)
class BuildingInfo:
    id: str
    code: str
    name: str
    floors: int
    description: str
    unit_count: int
    sellable: bool  # inside some presale permit's scope


@dataclass(frozen=True)
class UnitInfo:
    id: str
    building_id: str
    building_name: str
    number: str
    floor: int
    layout: str
    orientation: str
    build_area: float
    inner_area: float
    unit_price: int
    total_price: int
    status: UnitStatus
    sellable: bool


@dataclass(frozen=True)
class CertificateInfo:
    id: str
    kind: CertificateKind
    label: str
    number: str
    issuer: str
    issued_on: date
    valid_until: date | None
    building_ids: tuple[str, ...]
    building_names: tuple[str, ...]
    content_hash: str


@dataclass(frozen=True)
class FactorInfo:
    id: str
    code: str
    version: int
    side: FactorSide
    category: str
    title: str
    description: str
    direction: str
    distance_m: float | None
    project_wide: bool
    building_ids: tuple[str, ...]
    unit_ids: tuple[str, ...]
    scope_text: str  # 全项目 / 2号楼 / 2-201、2-202
    contract_annex: bool
    content_hash: str

    @property
    def scope(self) -> FactorScope:
        return FactorScope(self.project_wide, frozenset(self.building_ids),
                           frozenset(self.unit_ids))


@dataclass(frozen=True)
class TextInfo:
    id: str
    version: str
    title: str
    text: str
    content_hash: str
    file_name: str = ""


@dataclass(frozen=True)
class ProjectOverview:
    project: ProjectInfo
    buildings: tuple[BuildingInfo, ...]
    certificates: tuple[CertificateInfo, ...]
    factors: tuple[FactorInfo, ...]
    sunshine: TextInfo | None
    contract: TextInfo | None
    unit_counts: dict[str, int]  # by status


@dataclass(frozen=True)
class ImportSummary:
    project_id: str
    project_name: str
    buildings: int
    units_added: int
    units_changed: int
    new_text_versions: int
    staff_added: int

    @property
    def changed_anything(self) -> bool:
        return bool(self.units_added or self.units_changed or self.new_text_versions
                    or self.staff_added)
