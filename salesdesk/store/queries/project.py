"""Project queries: the current project and its configuration (buildings, units, certificates,
adverse factors, texts) for browsing and for disclosure, and the rows head office's project
file writes (company, sales centre, project, staff)."""

from __future__ import annotations

from typing import Any, Literal, cast

from sqlalchemy import select

from salesdesk.store.models.disclosure import Subscription
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
from salesdesk.store.queries import common
from salesdesk.store.uow import UnitOfWork

# Lookups every capability shares, written once in common.py.
unit_row = common.unit_row

TextKind = Literal["sunshine", "contract"]
TextRow = SunshineDeclaration | ContractTemplate
_TEXT_MODELS: dict[str, type[SunshineDeclaration] | type[ContractTemplate]] = {
    "sunshine": SunshineDeclaration, "contract": ContractTemplate,
}


def text_table(kind: TextKind) -> str:
    return str(_TEXT_MODELS[kind].__tablename__)


# --- reading the project -------------------------------------------------------------------


def current_project(uow: UnitOfWork) -> Project | None:
    """The project this device sells (the first one imported)."""
    return uow.session.scalar(
        select(Project).where(Project.deleted.is_(False)).order_by(Project.created_at).limit(1))


def any_project(uow: UnitOfWork) -> bool:
    return uow.session.scalar(select(Project.id).limit(1)) is not None


def current_certificates(uow: UnitOfWork, project_id: str) -> list[Certificate]:
    return list(uow.session.scalars(select(Certificate).where(
        Certificate.project_id == project_id, Certificate.current.is_(True))))


def current_factors(uow: UnitOfWork, project_id: str) -> list[AdverseFactor]:
    """The current version of each adverse factor, by side then code."""
    return list(uow.session.scalars(select(AdverseFactor).where(
        AdverseFactor.project_id == project_id, AdverseFactor.current.is_(True)
    ).order_by(AdverseFactor.side, AdverseFactor.code)))


def current_text(uow: UnitOfWork, kind: TextKind, project_id: str) -> TextRow | None:
    model = _TEXT_MODELS[kind]
    return cast("TextRow | None", uow.session.scalar(select(model).where(
        model.project_id == project_id, model.current.is_(True))))


def subscribed_unit_ids(uow: UnitOfWork) -> set[str]:
    """Units held by an active subscription (认购)."""
    return set(uow.session.scalars(select(Subscription.unit_id).where(
        Subscription.status == "active", Subscription.deleted.is_(False))))


def building_names(uow: UnitOfWork, project_id: str) -> dict[str, str]:
    rows = uow.session.execute(
        select(Building.id, Building.name).where(Building.project_id == project_id))
    return {building_id: name for building_id, name in rows}


def unit_numbers(uow: UnitOfWork, project_id: str) -> dict[str, str]:
    rows = uow.session.execute(
        select(Unit.id, Unit.number).where(Unit.project_id == project_id))
    return {unit_id: number for unit_id, number in rows}


def unit_statuses(uow: UnitOfWork, project_id: str) -> list[tuple[str, str, str]]:
    """(unit id, building id, stored status) of every unit of the project."""
    return [(str(u), str(b), str(s)) for u, b, s in uow.session.execute(
        select(Unit.id, Unit.building_id, Unit.status).where(Unit.project_id == project_id))]


def buildings_by_code(uow: UnitOfWork, project_id: str) -> list[Building]:
    return list(uow.session.scalars(
        select(Building).where(Building.project_id == project_id).order_by(Building.code)))


def live_units(uow: UnitOfWork, project_id: str, building_id: str | None = None) -> list[Unit]:
    q = select(Unit).where(Unit.project_id == project_id, Unit.deleted.is_(False))
    if building_id:
        q = q.where(Unit.building_id == building_id)
    return list(uow.session.scalars(q))


def sales_centre_row(uow: UnitOfWork, sales_centre_id: str | None) -> SalesCentre | None:
    return uow.session.get(SalesCentre, sales_centre_id) if sales_centre_id else None


# --- what importing head office's file reads and writes ------------------------------------


def company_by_code(uow: UnitOfWork, code: str) -> Company | None:
    return uow.session.scalar(select(Company).where(Company.code == code))


def company_row(uow: UnitOfWork, company_id: str) -> Company | None:
    return uow.session.get(Company, company_id)


def project_by_code(uow: UnitOfWork, code: str) -> Project | None:
    return uow.session.scalar(select(Project).where(Project.code == code))


def all_buildings(uow: UnitOfWork, project_id: str) -> list[Building]:
    """Every building row of the project, tombstoned ones too (the file may revive them)."""
    return list(uow.session.scalars(select(Building).where(Building.project_id == project_id)))


def all_units(uow: UnitOfWork, project_id: str) -> list[Unit]:
    return list(uow.session.scalars(select(Unit).where(Unit.project_id == project_id)))


def all_certificates(uow: UnitOfWork, project_id: str) -> list[Certificate]:
    """Every version of every certificate (old ones stay, not current)."""
    return list(uow.session.scalars(
        select(Certificate).where(Certificate.project_id == project_id)))


def all_text_versions(uow: UnitOfWork, kind: TextKind, project_id: str) -> list[TextRow]:
    model = _TEXT_MODELS[kind]
    return list(uow.session.scalars(select(model).where(model.project_id == project_id)))


def all_staff(uow: UnitOfWork) -> list[Staff]:
    return list(uow.session.scalars(select(Staff)))


def _add(uow: UnitOfWork, row: Any) -> Any:
    uow.add(row)
    return row


def add_company(uow: UnitOfWork, **fields: Any) -> Company:
    c: Company = _add(uow, Company(**fields))
    return c


def add_sales_centre(uow: UnitOfWork, **fields: Any) -> SalesCentre:
    c: SalesCentre = _add(uow, SalesCentre(**fields))
    return c


def add_project(uow: UnitOfWork, **fields: Any) -> Project:
    p: Project = _add(uow, Project(**fields))
    return p


def add_building(uow: UnitOfWork, **fields: Any) -> Building:
    b: Building = _add(uow, Building(**fields))
    return b


def add_unit(uow: UnitOfWork, **fields: Any) -> Unit:
    u: Unit = _add(uow, Unit(**fields))
    return u


def add_certificate(uow: UnitOfWork, **fields: Any) -> Certificate:
    c: Certificate = _add(uow, Certificate(**fields))
    return c


def add_text_version(uow: UnitOfWork, kind: TextKind, **fields: Any) -> TextRow:
    row: TextRow = _add(uow, _TEXT_MODELS[kind](**fields))
    return row


def add_adverse_factor(uow: UnitOfWork, **fields: Any) -> AdverseFactor:
    f: AdverseFactor = _add(uow, AdverseFactor(**fields))
    return f


def add_staff(uow: UnitOfWork, **fields: Any) -> Staff:
    s: Staff = _add(uow, Staff(**fields))
    return s
