"""Browsing the project: units and prices, the five certificates, adverse factors, texts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from salesdesk.domain.errors import NotFound
from salesdesk.domain.project import (
    CERTIFICATE_LABELS_ZH,
    CertificateKind,
    FactorScope,
    FactorSide,
    UnitStatus,
    factor_applies,
    presale_covers,
)
from salesdesk.domain.roles import Actor, Permission
from salesdesk.store.database import Database
from salesdesk.store.models.disclosure import Subscription
from salesdesk.store.models.project import (
    AdverseFactor,
    Building,
    Certificate,
    ContractTemplate,
    Project,
    SunshineDeclaration,
    Unit,
)
from salesdesk.store.uow import UnitOfWork


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


def no_project() -> NotFound:
    return NotFound("尚未导入项目资料，请在“设置”中导入项目文件或加载演示项目",
                    en="No project yet: import a project file in Settings, or load the demo")


class ProjectService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # All reads go through these helpers so other services (disclosure, notice) share them.

    @staticmethod
    def current_project(uow: UnitOfWork) -> Project:
        project = uow.session.scalar(
            select(Project).where(Project.deleted.is_(False)).order_by(Project.created_at).limit(1)
        )
        if project is None:
            raise no_project()
        return project

    @staticmethod
    def load_certificates(uow: UnitOfWork, project_id: str,
                          building_names: dict[str, str]) -> list[CertificateInfo]:
        order = {k: i for i, k in enumerate(CertificateKind)}
        rows = uow.session.scalars(select(Certificate).where(
            Certificate.project_id == project_id, Certificate.current.is_(True)))
        out = []
        for c in rows:
            ids = tuple(json.loads(c.building_ids))
            kind = CertificateKind(c.kind)
            out.append(CertificateInfo(
                c.id, kind, CERTIFICATE_LABELS_ZH[kind], c.number, c.issuer, c.issued_on,
                c.valid_until, ids, tuple(building_names.get(i, "?") for i in ids),
                c.content_hash))
        return sorted(out, key=lambda c: (order[c.kind], c.number))

    @staticmethod
    def load_factors(uow: UnitOfWork, project_id: str, building_names: dict[str, str],
                     unit_numbers: dict[str, str]) -> list[FactorInfo]:
        rows = uow.session.scalars(select(AdverseFactor).where(
            AdverseFactor.project_id == project_id, AdverseFactor.current.is_(True)
        ).order_by(AdverseFactor.side, AdverseFactor.code))
        out = []
        for f in rows:
            b_ids = tuple(json.loads(f.building_ids))
            u_ids = tuple(json.loads(f.unit_ids))
            if f.project_wide:
                scope = "全项目"
            else:
                parts = sorted(building_names.get(b, "?") for b in b_ids)
                parts += sorted(unit_numbers.get(u, "?") for u in u_ids)
                scope = "、".join(parts)
            out.append(FactorInfo(
                f.id, f.code, f.version, FactorSide(f.side), f.category, f.title, f.description,
                f.direction, f.distance_m, f.project_wide, b_ids, u_ids, scope, f.contract_annex,
                f.content_hash))
        return out

    @staticmethod
    def load_text(uow: UnitOfWork,
                  model: type[SunshineDeclaration] | type[ContractTemplate],
                  project_id: str) -> TextInfo | None:
        row: Any = uow.session.scalar(select(model).where(
            model.project_id == project_id, model.current.is_(True)))
        if row is None:
            return None
        file_name = row.file_name if isinstance(row, ContractTemplate) else ""
        return TextInfo(row.id, row.version, row.title, row.text, row.content_hash, file_name)

    @staticmethod
    def subscribed_units(uow: UnitOfWork) -> set[str]:
        """Units held by an active subscription (认购). The unit rows are head office's
        configuration (read-only on devices), so the sale status is derived, not stored."""
        return set(uow.session.scalars(select(Subscription.unit_id).where(
            Subscription.status == "active", Subscription.deleted.is_(False))))

    @staticmethod
    def building_names(uow: UnitOfWork, project_id: str) -> dict[str, str]:
        rows = uow.session.execute(
            select(Building.id, Building.name).where(Building.project_id == project_id))
        return {building_id: name for building_id, name in rows}

    @staticmethod
    def unit_numbers(uow: UnitOfWork, project_id: str) -> dict[str, str]:
        rows = uow.session.execute(
            select(Unit.id, Unit.number).where(Unit.project_id == project_id))
        return {unit_id: number for unit_id, number in rows}

    # ---- use cases ---------------------------------------------------------------------

    def has_project(self) -> bool:
        with self._db.reader() as uow:
            return uow.session.scalar(select(Project.id).limit(1)) is not None

    def overview(self, actor: Actor) -> ProjectOverview:
        actor.require(Permission.VIEW_PROJECT)
        with self._db.reader(actor) as uow:
            p = self.current_project(uow)
            names = self.building_names(uow, p.id)
            numbers = self.unit_numbers(uow, p.id)
            certs = self.load_certificates(uow, p.id, names)
            presale = [c.building_ids for c in certs if c.kind is CertificateKind.PRESALE]
            units = uow.session.execute(
                select(Unit.id, Unit.building_id, Unit.status).where(Unit.project_id == p.id)
            ).all()
            subscribed = self.subscribed_units(uow)
            counts: dict[str, int] = {}
            per_building: dict[str, int] = {}
            for unit_id, building_id, stored in units:
                status = UnitStatus.SUBSCRIBED.value if unit_id in subscribed else stored
                counts[status] = counts.get(status, 0) + 1
                per_building[building_id] = per_building.get(building_id, 0) + 1
            buildings = tuple(
                BuildingInfo(b.id, b.code, b.name, b.floors, b.description,
                             per_building.get(b.id, 0), presale_covers(b.id, presale))
                for b in uow.session.scalars(
                    select(Building).where(Building.project_id == p.id).order_by(Building.code))
            )
            return ProjectOverview(
                project=_project_info(p), buildings=buildings, certificates=tuple(certs),
                factors=tuple(self.load_factors(uow, p.id, names, numbers)),
                sunshine=self.load_text(uow, SunshineDeclaration, p.id),
                contract=self.load_text(uow, ContractTemplate, p.id),
                unit_counts=counts,
            )

    def units(self, actor: Actor, building_id: str | None = None) -> list[UnitInfo]:
        actor.require(Permission.VIEW_PROJECT)
        with self._db.reader(actor) as uow:
            p = self.current_project(uow)
            names = self.building_names(uow, p.id)
            presale = [c.building_ids for c in self.load_certificates(uow, p.id, names)
                       if c.kind is CertificateKind.PRESALE]
            q = select(Unit).where(Unit.project_id == p.id, Unit.deleted.is_(False))
            if building_id:
                q = q.where(Unit.building_id == building_id)
            rows = uow.session.scalars(q).all()
            subscribed = self.subscribed_units(uow)
            out = [_unit_info(u, names, presale, u.id in subscribed) for u in rows]
        return sorted(out, key=lambda u: (u.building_name, -u.floor, u.number))

    def unit(self, actor: Actor, unit_id: str) -> UnitInfo:
        actor.require(Permission.VIEW_PROJECT)
        with self._db.reader(actor) as uow:
            u = uow.session.get(Unit, unit_id)
            if u is None:
                raise NotFound("没有这个房号", en="No such unit")
            names = self.building_names(uow, u.project_id)
            presale = [c.building_ids for c in self.load_certificates(uow, u.project_id, names)
                       if c.kind is CertificateKind.PRESALE]
            return _unit_info(u, names, presale, u.id in self.subscribed_units(uow))

    def factors_for_unit(self, actor: Actor, unit_id: str) -> list[FactorInfo]:
        """Every current adverse factor that applies to this unit (its building, itself, or
        project-wide)."""
        actor.require(Permission.VIEW_PROJECT)
        with self._db.reader(actor) as uow:
            u = uow.session.get(Unit, unit_id)
            if u is None:
                raise NotFound("没有这个房号", en="No such unit")
            factors = self.load_factors(uow, u.project_id, self.building_names(uow, u.project_id),
                                        self.unit_numbers(uow, u.project_id))
            return [f for f in factors if factor_applies(f.scope, u.id, u.building_id)]


def _project_info(p: Project) -> ProjectInfo:
    return ProjectInfo(p.id, p.code, p.name, p.city, p.district, p.address, p.developer,
                       p.price_complaint_phone, p.config_version)


def _unit_info(u: Unit, names: dict[str, str], presale: list[tuple[str, ...]],
               subscribed: bool) -> UnitInfo:
    # A signed unit stays signed; otherwise an active subscription makes it subscribed.
    status = UnitStatus(u.status)
    if subscribed and status is not UnitStatus.SIGNED:
        status = UnitStatus.SUBSCRIBED
    return UnitInfo(u.id, u.building_id, names.get(u.building_id, "?"), u.number, u.floor,
                    u.layout, u.orientation, u.build_area, u.inner_area, u.unit_price,
                    u.total_price, status, presale_covers(u.building_id, presale))
