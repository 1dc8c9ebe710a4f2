"""Importing head office's project file: all of it in one transaction, or nothing.

Texts that disclosure records point at (sunshine declaration, contract template, certificates,
adverse factors) are never rewritten: a changed text becomes a new version row and the old row
stays, marked not current."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesdesk.domain import pin as pin_rules
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.project import ProjectConfig, TextVersionSpec
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.services.project.project_file import read_project_file
from salesdesk.services.project.results import ImportSummary
from salesdesk.store.database import Database, set_local_meta
from salesdesk.store.queries import project as q
from salesdesk.store.queries.project import TextKind
from salesdesk.store.uow import UnitOfWork
from salesdesk.sync.stable_ids import config_id

if TYPE_CHECKING:
    from salesdesk.store.models.org import SalesCentre


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
        mine = self._db.sales_centre_id
        centre = q.sales_centre_row(uow, mine)
        if centre is not None and centre.code not in ("LOCAL", cfg.centre_code):
            raise ValidationError(
                f"此项目文件属于售楼处 {cfg.centre_code}，本机属于 {centre.code}，未导入",
                en=f"This file is for sales centre {cfg.centre_code}, this device belongs to "
                f"{centre.code}; nothing was imported",
                field="$.sales_centre.code",
            )
        uow.use_sales_centre(centre.id if centre is not None
                             else config_id(cfg.company_code, "sales_centre", cfg.centre_code))
        company = q.company_by_code(uow, cfg.company_code)
        if company is None and centre is not None:
            company = q.company_row(uow, centre.company_id)
        if company is None:
            company = q.add_company(uow, id=config_id(cfg.company_code, "company",
                                                      cfg.company_code),
                                    code=cfg.company_code, name=cfg.company_name)
            uow.flush()
        _set(company, code=cfg.company_code, name=cfg.company_name)
        if centre is None:
            centre = q.add_sales_centre(uow, id=uow.context.sales_centre_id,
                                        company_id=company.id, code=cfg.centre_code,
                                        name=cfg.centre_name, address=cfg.centre_address)
            uow.flush()
        _set(centre, code=cfg.centre_code, name=cfg.centre_name, address=cfg.centre_address,
             company_id=company.id)
        return centre

    def _apply(self, uow: UnitOfWork, cfg: ProjectConfig, centre: SalesCentre) -> ImportSummary:
        project = q.project_by_code(uow, cfg.code)
        if project is None:
            project = q.add_project(uow, id=config_id(cfg.company_code, "project", cfg.code),
                                    code=cfg.code, name=cfg.name, city=cfg.city)
            uow.flush()
        _set(project, name=cfg.name, city=cfg.city, district=cfg.district, address=cfg.address,
             developer=cfg.developer, price_complaint_phone=cfg.price_complaint_phone,
             config_version=cfg.config_version)

        buildings = {b.code: b for b in q.all_buildings(uow, project.id)}
        for spec in cfg.buildings:
            b = buildings.get(spec.code)
            if b is None:
                b = q.add_building(
                    uow, id=config_id(cfg.company_code, "building", project.id, spec.code),
                    project_id=project.id, code=spec.code, name=spec.name,
                    floors=spec.floors, description=spec.description)
                buildings[spec.code] = b
            else:
                _set(b, name=spec.name, floors=spec.floors, description=spec.description)
        uow.flush()
        bid = {code: b.id for code, b in buildings.items()}

        units = {u.number: u for u in q.all_units(uow, project.id)}
        added = changed = 0
        for us in cfg.units:
            values = dict(building_id=bid[us.building], floor=us.floor, layout=us.layout,
                          orientation=us.orientation, build_area=us.build_area,
                          inner_area=us.inner_area, unit_price=us.unit_price,
                          total_price=us.total_price)
            u = units.get(us.number)
            if u is None:
                u = q.add_unit(uow, id=config_id(cfg.company_code, "unit", project.id, us.number),
                               project_id=project.id, number=us.number,
                               status=us.status.value, **values)
                units[us.number] = u
                added += 1
            elif _set(u, **values):
                changed += 1
        uow.flush()
        uid = {number: u.id for number, u in units.items()}

        versions = 0
        versions += self._certificates(uow, project.id, cfg, bid)
        versions += self._text(uow, "sunshine", project.id, cfg.sunshine_declaration,
                               "阳光宣言", "sunshine declaration", cfg.company_code)
        versions += self._text(uow, "contract", project.id, cfg.contract_template,
                               "合同范本", "contract template", cfg.company_code)
        versions += self._factors(uow, project.id, cfg, bid, uid)
        staff_added = self._staff(uow, cfg)
        return ImportSummary(project.id, project.name, len(buildings), added, changed, versions,
                             staff_added)

    def _certificates(self, uow: UnitOfWork, project_id: str, cfg: ProjectConfig,
                      bid: dict[str, str]) -> int:
        existing = q.all_certificates(uow, project_id)
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
            q.add_certificate(
                uow, id=config_id(cfg.company_code, "certificate", project_id, spec.kind.value,
                                  spec.number, h),
                project_id=project_id, kind=spec.kind.value, number=spec.number,
                issuer=spec.issuer, issued_on=spec.issued_on, valid_until=spec.valid_until,
                building_ids=json.dumps(sorted(bid[c] for c in spec.buildings)),
                content_hash=h, current=True,
            )
            new += 1
        for c in existing:
            if c.content_hash not in wanted:
                _set(c, current=False)
        return new

    def _text(self, uow: UnitOfWork, kind: TextKind, project_id: str, spec: TextVersionSpec,
              zh: str, en: str, company_code: str) -> int:
        rows: list[Any] = q.all_text_versions(uow, kind, project_id)
        h = spec.hash()
        same_label = [r for r in rows if r.version == spec.version]
        if same_label and same_label[0].content_hash != h:
            raise ValidationError(
                f"{zh}版本 {spec.version} 的内容与已导入的不同：修改内容须使用新的版本号",
                en=f"The {en} version {spec.version} differs from the one already imported: "
                "a changed text needs a new version label",
                field="$.sunshine_declaration.version" if kind == "sunshine"
                else "$.contract_template.version",
            )
        for r in rows:
            _set(r, current=r.version == spec.version)
        if same_label:
            return 0
        values: dict[str, Any] = dict(id=config_id(company_code, q.text_table(kind),
                                                project_id, spec.version),
                                      project_id=project_id, version=spec.version,
                                      title=spec.title, text=spec.text, content_hash=h,
                                      current=True)
        if kind == "contract":
            values.update(file_name=spec.file_name, file_data=spec.file_data)
        q.add_text_version(uow, kind, **values)
        return 1

    def _factors(self, uow: UnitOfWork, project_id: str, cfg: ProjectConfig,
                 bid: dict[str, str], uid: dict[str, str]) -> int:
        current = {f.code: f for f in q.current_factors(uow, project_id)}
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
            q.add_adverse_factor(
                uow,
                id=config_id(cfg.company_code, "adverse_factor", project_id, spec.code, version),
                project_id=project_id, code=spec.code, version=version, side=spec.side.value,
                category=spec.category, title=spec.title, description=spec.description,
                direction=spec.direction, distance_m=spec.distance_m,
                project_wide=spec.project_wide,
                building_ids=json.dumps(sorted(bid[c] for c in spec.buildings)),
                unit_ids=json.dumps(sorted(uid[n] for n in spec.units)),
                contract_annex=spec.contract_annex, content_hash=h, current=True,
            )
            new += 1
        for retired in current.values():  # factors no longer in head office's file
            retired.current = False
        return new

    def _staff(self, uow: UnitOfWork, cfg: ProjectConfig) -> int:
        existing = {st.code: st for st in q.all_staff(uow)}
        added = 0
        for spec in cfg.staff:
            st = existing.get(spec.code)
            if st is None:
                pin_hash = spec.pin_hash or pin_rules.hash_pin(spec.pin or "")
                q.add_staff(uow, id=config_id(cfg.company_code, "staff", spec.code),
                            code=spec.code, name=spec.name, role=spec.role, agency=spec.agency,
                            senior=spec.senior, phone=spec.phone, pin_hash=pin_hash,
                            active=spec.active)
                added += 1
            else:
                # A PIN the person has changed since is kept; head office sets only new ones.
                _set(st, name=spec.name, role=spec.role, agency=spec.agency, senior=spec.senior,
                     phone=spec.phone, active=spec.active)
        return added
