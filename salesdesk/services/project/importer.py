"""Importing head office's project file: all of it in one transaction, or nothing.

Texts that disclosure records point at (sunshine declaration, contract template, certificates,
adverse factors) are never rewritten: a changed text becomes a new version row and the old row
stays, marked not current."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from salesdesk.domain import pin as pin_rules
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.project import ProjectConfig, TextVersionSpec
from salesdesk.domain.roles import Actor, Permission
from salesdesk.paths import RESOURCES
from salesdesk.services import audit
from salesdesk.store.database import Database, set_local_meta
from salesdesk.store.models.org import Company, SalesCentre, Staff
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
from salesdesk.sync.stable_ids import config_id

SCHEMA_PATH = RESOURCES / "project.schema.json"
DEMO_PATH = RESOURCES / "defaults" / "demo_project.json"


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


def load_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def read_project_file(path: Path) -> ProjectConfig:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValidationError(f"无法读取文件：{path.name}", en=f"Cannot read {path.name}") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"项目文件不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）",
            en=f"The project file is not valid JSON (line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg})",
        ) from exc
    from salesdesk.domain.project_file import parse_project_file  # jsonschema: only when importing

    return parse_project_file(data, load_schema())


def _set(obj: Any, **values: Any) -> bool:
    changed = False
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)
            changed = True
    return changed


class ProjectImporter:
    def __init__(self, db: Database) -> None:
        self._db = db

    def import_file(self, actor: Actor | None, path: Path) -> ImportSummary:
        return self.import_config(actor, read_project_file(path))

    def import_config(self, actor: Actor | None, cfg: ProjectConfig) -> ImportSummary:
        """``actor`` None is the command line / demo loader run by whoever owns the machine."""
        if actor is not None:
            actor.require(Permission.IMPORT_PROJECT)
        with self._db.uow(actor) as uow:
            centre = self._centre(uow, cfg)
            summary = self._apply(uow, cfg, centre)
            audit.record(uow, "project.import", "project", summary.project_id,
                         f"config_version={cfg.config_version}")
            uow.commit()
        set_local_meta(self._db, "sales_centre_id", centre.id)
        self._db.sales_centre_id = centre.id
        return summary

    def _centre(self, uow: UnitOfWork, cfg: ProjectConfig) -> SalesCentre:
        s = uow.session
        mine = self._db.sales_centre_id
        centre = s.get(SalesCentre, mine) if mine else None
        if centre is not None and centre.code not in ("LOCAL", cfg.centre_code):
            raise ValidationError(
                f"此项目文件属于售楼处 {cfg.centre_code}，本机属于 {centre.code}，未导入",
                en=f"This file is for sales centre {cfg.centre_code}, this device belongs to "
                f"{centre.code}; nothing was imported",
                field="$.sales_centre.code",
            )
        uow.use_sales_centre(centre.id if centre is not None
                             else config_id(cfg.company_code, "sales_centre", cfg.centre_code))
        company = s.scalar(select(Company).where(Company.code == cfg.company_code))
        if company is None and centre is not None:
            company = s.get(Company, centre.company_id)
        if company is None:
            company = Company(id=config_id(cfg.company_code, "company", cfg.company_code),
                              code=cfg.company_code, name=cfg.company_name)
            s.add(company)
            s.flush()
        _set(company, code=cfg.company_code, name=cfg.company_name)
        if centre is None:
            centre = SalesCentre(id=uow.context.sales_centre_id, company_id=company.id,
                                 code=cfg.centre_code, name=cfg.centre_name,
                                 address=cfg.centre_address)
            s.add(centre)
            s.flush()
        _set(centre, code=cfg.centre_code, name=cfg.centre_name, address=cfg.centre_address,
             company_id=company.id)
        return centre

    def _apply(self, uow: UnitOfWork, cfg: ProjectConfig, centre: SalesCentre) -> ImportSummary:
        s = uow.session
        project = s.scalar(select(Project).where(Project.code == cfg.code))
        if project is None:
            project = Project(id=config_id(cfg.company_code, "project", cfg.code),
                              code=cfg.code, name=cfg.name, city=cfg.city)
            s.add(project)
            s.flush()
        _set(project, name=cfg.name, city=cfg.city, district=cfg.district, address=cfg.address,
             developer=cfg.developer, price_complaint_phone=cfg.price_complaint_phone,
             config_version=cfg.config_version)

        buildings = {b.code: b for b in s.scalars(
            select(Building).where(Building.project_id == project.id))}
        for spec in cfg.buildings:
            b = buildings.get(spec.code)
            if b is None:
                b = Building(id=config_id(cfg.company_code, "building", project.id, spec.code),
                             project_id=project.id, code=spec.code, name=spec.name,
                             floors=spec.floors, description=spec.description)
                s.add(b)
                buildings[spec.code] = b
            else:
                _set(b, name=spec.name, floors=spec.floors, description=spec.description)
        s.flush()
        bid = {code: b.id for code, b in buildings.items()}

        units = {u.number: u for u in s.scalars(select(Unit).where(Unit.project_id == project.id))}
        added = changed = 0
        for us in cfg.units:
            values = dict(building_id=bid[us.building], floor=us.floor, layout=us.layout,
                          orientation=us.orientation, build_area=us.build_area,
                          inner_area=us.inner_area, unit_price=us.unit_price,
                          total_price=us.total_price)
            u = units.get(us.number)
            if u is None:
                u = Unit(id=config_id(cfg.company_code, "unit", project.id, us.number),
                         project_id=project.id, number=us.number, status=us.status.value,
                         **values)
                s.add(u)
                units[us.number] = u
                added += 1
            elif _set(u, **values):
                changed += 1
        s.flush()
        uid = {number: u.id for number, u in units.items()}

        versions = 0
        versions += self._certificates(uow, project.id, cfg, bid)
        versions += self._text(uow, SunshineDeclaration, project.id, cfg.sunshine_declaration,
                               "阳光宣言", "sunshine declaration", cfg.company_code)
        versions += self._text(uow, ContractTemplate, project.id, cfg.contract_template,
                               "合同范本", "contract template", cfg.company_code)
        versions += self._factors(uow, project.id, cfg, bid, uid)
        staff_added = self._staff(uow, cfg)
        return ImportSummary(project.id, project.name, len(buildings), added, changed, versions,
                             staff_added)

    def _certificates(self, uow: UnitOfWork, project_id: str, cfg: ProjectConfig,
                      bid: dict[str, str]) -> int:
        s = uow.session
        existing = list(s.scalars(select(Certificate).where(Certificate.project_id == project_id)))
        by_hash = {c.content_hash: c for c in existing}
        wanted: set[str] = set()
        new = 0
        for spec in cfg.certificates:
            h = spec.hash()
            wanted.add(h)
            found = by_hash.get(h)
            if found is not None:
                _set(found, current=True)
                continue
            s.add(Certificate(
                id=config_id(cfg.company_code, "certificate", project_id, spec.kind.value,
                             spec.number, h),
                project_id=project_id, kind=spec.kind.value, number=spec.number,
                issuer=spec.issuer, issued_on=spec.issued_on, valid_until=spec.valid_until,
                building_ids=json.dumps(sorted(bid[c] for c in spec.buildings)),
                content_hash=h, current=True,
            ))
            new += 1
        for c in existing:
            if c.content_hash not in wanted:
                _set(c, current=False)
        return new

    def _text(self, uow: UnitOfWork, model: type[SunshineDeclaration] | type[ContractTemplate],
              project_id: str, spec: TextVersionSpec, zh: str, en: str,
              company_code: str) -> int:
        s = uow.session
        rows: list[Any] = list(s.scalars(select(model).where(model.project_id == project_id)))
        h = spec.hash()
        same_label = [r for r in rows if r.version == spec.version]
        if same_label and same_label[0].content_hash != h:
            raise ValidationError(
                f"{zh}版本 {spec.version} 的内容与已导入的不同：修改内容须使用新的版本号",
                en=f"The {en} version {spec.version} differs from the one already imported: "
                "a changed text needs a new version label",
                field="$.sunshine_declaration.version" if model is SunshineDeclaration
                else "$.contract_template.version",
            )
        for r in rows:
            _set(r, current=r.version == spec.version)
        if same_label:
            return 0
        values: dict[str, Any] = dict(id=config_id(company_code, model.__tablename__,
                                                project_id, spec.version),
                                      project_id=project_id, version=spec.version,
                                      title=spec.title, text=spec.text, content_hash=h,
                                      current=True)
        if model is ContractTemplate:
            values.update(file_name=spec.file_name, file_data=spec.file_data)
        s.add(model(**values))
        return 1

    def _factors(self, uow: UnitOfWork, project_id: str, cfg: ProjectConfig,
                 bid: dict[str, str], uid: dict[str, str]) -> int:
        s = uow.session
        current = {f.code: f for f in s.scalars(select(AdverseFactor).where(
            AdverseFactor.project_id == project_id, AdverseFactor.current.is_(True)))}
        new = 0
        for spec in cfg.adverse_factors:
            h = spec.hash()
            old = current.pop(spec.code, None)
            if old is not None and old.content_hash == h:
                continue
            version = 1
            if old is not None:
                old.current = False
                version = old.version + 1
            s.add(AdverseFactor(
                id=config_id(cfg.company_code, "adverse_factor", project_id, spec.code, version),
                project_id=project_id, code=spec.code, version=version, side=spec.side.value,
                category=spec.category, title=spec.title, description=spec.description,
                direction=spec.direction, distance_m=spec.distance_m,
                project_wide=spec.project_wide,
                building_ids=json.dumps(sorted(bid[c] for c in spec.buildings)),
                unit_ids=json.dumps(sorted(uid[n] for n in spec.units)),
                contract_annex=spec.contract_annex, content_hash=h, current=True,
            ))
            new += 1
        for retired in current.values():  # factors no longer in head office's file
            retired.current = False
        return new

    def _staff(self, uow: UnitOfWork, cfg: ProjectConfig) -> int:
        s = uow.session
        existing = {st.code: st for st in s.scalars(select(Staff))}
        added = 0
        for spec in cfg.staff:
            st = existing.get(spec.code)
            if st is None:
                pin_hash = spec.pin_hash or pin_rules.hash_pin(spec.pin or "")
                s.add(Staff(id=config_id(cfg.company_code, "staff", spec.code),
                            code=spec.code, name=spec.name, role=spec.role, agency=spec.agency,
                            senior=spec.senior, phone=spec.phone, pin_hash=pin_hash,
                            active=spec.active))
                added += 1
            else:
                # A PIN the person has changed since is kept; head office sets only new ones.
                _set(st, name=spec.name, role=spec.role, agency=spec.agency, senior=spec.senior,
                     phone=spec.phone, active=spec.active)
        return added
