"""Reading the project's configuration into plain values: certificates, adverse factors and
texts, as browsing shows them and as disclosure puts them before the customer."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from salesdesk.domain.errors import NotFound
from salesdesk.domain.project import (
    CERTIFICATE_LABELS_ZH,
    CertificateKind,
    FactorSide,
    UnitStatus,
    presale_covers,
)
from salesdesk.services.project.results import (
    CertificateInfo,
    FactorInfo,
    ProjectInfo,
    TextInfo,
    UnitInfo,
)
from salesdesk.store.queries import project as q
from salesdesk.store.queries.project import TextKind
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.project import Project, Unit


def no_project() -> NotFound:
    return NotFound("尚未导入项目资料，请在“设置”中导入项目文件或加载演示项目",
                    en="No project yet: import a project file in Settings, or load the demo")


def current_project(uow: UnitOfWork) -> Project:
    project = q.current_project(uow)
    if project is None:
        raise no_project()
    return project


def load_certificates(uow: UnitOfWork, project_id: str,
                      building_names: dict[str, str]) -> list[CertificateInfo]:
    order = {k: i for i, k in enumerate(CertificateKind)}
    out = []
    for c in q.current_certificates(uow, project_id):
        ids = tuple(json.loads(c.building_ids))
        kind = CertificateKind(c.kind)
        out.append(CertificateInfo(
            c.id, kind, CERTIFICATE_LABELS_ZH[kind], c.number, c.issuer, c.issued_on,
            c.valid_until, ids, tuple(building_names.get(i, "?") for i in ids),
            c.content_hash))
    return sorted(out, key=lambda c: (order[c.kind], c.number))


def presale_scopes(certificates: list[CertificateInfo]) -> list[tuple[str, ...]]:
    """The buildings each presale permit covers (a unit is sellable only inside one)."""
    return [c.building_ids for c in certificates if c.kind is CertificateKind.PRESALE]


def load_factors(uow: UnitOfWork, project_id: str, building_names: dict[str, str],
                 unit_numbers: dict[str, str]) -> list[FactorInfo]:
    out = []
    for f in q.current_factors(uow, project_id):
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


def load_text(uow: UnitOfWork, kind: TextKind, project_id: str) -> TextInfo | None:
    row = q.current_text(uow, kind, project_id)
    if row is None:
        return None
    file_name = getattr(row, "file_name", "") if kind == "contract" else ""
    return TextInfo(row.id, row.version, row.title, row.text, row.content_hash, file_name)


def subscribed_units(uow: UnitOfWork) -> set[str]:
    """Units held by an active subscription (认购). The unit rows are head office's
    configuration (read-only on devices), so the sale status is derived, not stored."""
    return q.subscribed_unit_ids(uow)


def project_info(p: Project) -> ProjectInfo:
    return ProjectInfo(p.id, p.code, p.name, p.city, p.district, p.address, p.developer,
                       p.price_complaint_phone, p.config_version)


def unit_info(u: Unit, names: dict[str, str], presale: list[tuple[str, ...]],
              subscribed: bool) -> UnitInfo:
    # A signed unit stays signed; otherwise an active subscription makes it subscribed.
    status = UnitStatus(u.status)
    if subscribed and status is not UnitStatus.SIGNED:
        status = UnitStatus.SUBSCRIBED
    return UnitInfo(u.id, u.building_id, names.get(u.building_id, "?"), u.number, u.floor,
                    u.layout, u.orientation, u.build_area, u.inner_area, u.unit_price,
                    u.total_price, status, presale_covers(u.building_id, presale))
