"""Printing the public notice board."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.domain.project import FACTOR_CATEGORIES_ZH, FACTOR_SIDE_ZH, UnitStatus
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services.project import ProjectService
from salesdesk.store.database import Database

if TYPE_CHECKING:
    from salesdesk.pdf.notice import NoticeData



class NoticeService:
    def __init__(self, db: Database, projects: ProjectService) -> None:
        self._db = db
        self._projects = projects

    def notice_data(self, actor: Actor) -> NoticeData:
        # reportlab is imported on first print, not at start-up.
        from salesdesk.pdf.notice import NoticeCertificate, NoticeData, NoticeFactor

        actor.require(Permission.PRINT_NOTICE)
        o = self._projects.overview(actor)
        return NoticeData(
            project_name=o.project.name, developer=o.project.developer,
            address=o.project.address, config_version=o.project.config_version,
            printed_at=self._db.now().astimezone(PROJECT_TZ).strftime("%Y-%m-%d %H:%M"),
            sunshine_title=o.sunshine.title if o.sunshine else "阳光宣言",
            sunshine_version=o.sunshine.version if o.sunshine else "—",
            sunshine_text=o.sunshine.text if o.sunshine else "（尚未发布）",
            certificates=tuple(
                NoticeCertificate(c.label, c.number, c.issuer, c.issued_on.isoformat(),
                                  c.valid_until.isoformat() if c.valid_until else "",
                                  "、".join(sorted(c.building_names)))
                for c in o.certificates),
            not_for_sale=tuple(b.name for b in o.buildings if not b.sellable),
            factors=tuple(
                NoticeFactor(f.code, FACTOR_SIDE_ZH[f.side],
                             FACTOR_CATEGORIES_ZH.get(f.category, f.category), f.title,
                             f.description, f.direction,
                             f"约 {f.distance_m:g} 米" if f.distance_m is not None else "",
                             f.scope_text, f.contract_annex)
                for f in o.factors),
            contract_title=o.contract.title if o.contract else "—",
            contract_version=o.contract.version if o.contract else "—",
            price_complaint_phone=o.project.price_complaint_phone,
            units_for_sale=o.unit_counts.get(UnitStatus.AVAILABLE.value, 0),
        )

    def print_notice(self, actor: Actor, out: Path) -> Path:
        from salesdesk.pdf.notice import build_notice

        return build_notice(self.notice_data(actor), out)
