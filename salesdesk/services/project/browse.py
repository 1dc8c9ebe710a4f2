"""Browsing the project: the overview, units and prices, and the adverse factors of a unit."""

from __future__ import annotations

from salesdesk.domain.errors import NotFound
from salesdesk.domain.project import UnitStatus, factor_applies, presale_covers
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services.project.catalogue import (
    current_project,
    load_certificates,
    load_factors,
    load_text,
    presale_scopes,
    project_info,
    subscribed_units,
    unit_info,
)
from salesdesk.services.project.results import (
    BuildingInfo,
    FactorInfo,
    ProjectOverview,
    UnitInfo,
)
from salesdesk.store.database import Database
from salesdesk.store.queries import project as q


def has_project(db: Database) -> bool:
    with db.reader() as uow:
        return q.any_project(uow)


def overview(db: Database, actor: Actor) -> ProjectOverview:
    actor.require(Permission.VIEW_PROJECT)
    with db.reader(actor) as uow:
        p = current_project(uow)
        names = q.building_names(uow, p.id)
        numbers = q.unit_numbers(uow, p.id)
        certs = load_certificates(uow, p.id, names)
        presale = presale_scopes(certs)
        units = q.unit_statuses(uow, p.id)
        subscribed = subscribed_units(uow)
        counts: dict[str, int] = {}
        per_building: dict[str, int] = {}
        for unit_id, building_id, stored in units:
            status = UnitStatus.SUBSCRIBED.value if unit_id in subscribed else stored
            counts[status] = counts.get(status, 0) + 1
            per_building[building_id] = per_building.get(building_id, 0) + 1
        buildings = tuple(
            BuildingInfo(b.id, b.code, b.name, b.floors, b.description,
                         per_building.get(b.id, 0), presale_covers(b.id, presale))
            for b in q.buildings_by_code(uow, p.id)
        )
        return ProjectOverview(
            project=project_info(p), buildings=buildings, certificates=tuple(certs),
            factors=tuple(load_factors(uow, p.id, names, numbers)),
            sunshine=load_text(uow, "sunshine", p.id),
            contract=load_text(uow, "contract", p.id),
            unit_counts=counts,
        )


def units(db: Database, actor: Actor, building_id: str | None = None) -> list[UnitInfo]:
    actor.require(Permission.VIEW_PROJECT)
    with db.reader(actor) as uow:
        p = current_project(uow)
        names = q.building_names(uow, p.id)
        presale = presale_scopes(load_certificates(uow, p.id, names))
        rows = q.live_units(uow, p.id, building_id)
        subscribed = subscribed_units(uow)
        out = [unit_info(u, names, presale, u.id in subscribed) for u in rows]
    return sorted(out, key=lambda u: (u.building_name, -u.floor, u.number))


def unit(db: Database, actor: Actor, unit_id: str) -> UnitInfo:
    actor.require(Permission.VIEW_PROJECT)
    with db.reader(actor) as uow:
        u = q.unit_row(uow, unit_id)
        if u is None:
            raise NotFound("没有这个房号", en="No such unit")
        names = q.building_names(uow, u.project_id)
        presale = presale_scopes(load_certificates(uow, u.project_id, names))
        return unit_info(u, names, presale, u.id in subscribed_units(uow))


def factors_for_unit(db: Database, actor: Actor, unit_id: str) -> list[FactorInfo]:
    """Every current adverse factor that applies to this unit (its building, itself, or
    project-wide)."""
    actor.require(Permission.VIEW_PROJECT)
    with db.reader(actor) as uow:
        u = q.unit_row(uow, unit_id)
        if u is None:
            raise NotFound("没有这个房号", en="No such unit")
        factors = load_factors(uow, u.project_id, q.building_names(uow, u.project_id),
                               q.unit_numbers(uow, u.project_id))
        return [f for f in factors if factor_applies(f.scope, u.id, u.building_id)]
