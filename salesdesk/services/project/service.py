"""The project capability as the container and the UI see it: a thin facade over browsing.

The static readers are the project's configuration as other capabilities need it inside their
own unit of work (disclosure puts the certificates, factors and texts before the customer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from salesdesk.domain.roles import Actor
from salesdesk.services.project import browse, catalogue
from salesdesk.services.project.results import (
    CertificateInfo,
    FactorInfo,
    ProjectOverview,
    TextInfo,
    UnitInfo,
)
from salesdesk.store.database import Database
from salesdesk.store.queries import project as q
from salesdesk.store.queries.project import TextKind
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.project import Project


class ProjectService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- shared readers (inside the caller's unit of work) ---------------------------------

    @staticmethod
    def current_project(uow: UnitOfWork) -> Project:
        """The project this device sells; NotFound (with what to do) before any import."""
        return catalogue.current_project(uow)

    @staticmethod
    def load_certificates(uow: UnitOfWork, project_id: str,
                          building_names: dict[str, str]) -> list[CertificateInfo]:
        return catalogue.load_certificates(uow, project_id, building_names)

    @staticmethod
    def load_factors(uow: UnitOfWork, project_id: str, building_names: dict[str, str],
                     unit_numbers: dict[str, str]) -> list[FactorInfo]:
        return catalogue.load_factors(uow, project_id, building_names, unit_numbers)

    @staticmethod
    def load_text(uow: UnitOfWork, kind: TextKind, project_id: str) -> TextInfo | None:
        """The current sunshine declaration or contract template."""
        return catalogue.load_text(uow, kind, project_id)

    @staticmethod
    def subscribed_units(uow: UnitOfWork) -> set[str]:
        return catalogue.subscribed_units(uow)

    @staticmethod
    def building_names(uow: UnitOfWork, project_id: str) -> dict[str, str]:
        return q.building_names(uow, project_id)

    @staticmethod
    def unit_numbers(uow: UnitOfWork, project_id: str) -> dict[str, str]:
        return q.unit_numbers(uow, project_id)

    # --- use cases ---------------------------------------------------------------------------

    def has_project(self) -> bool:
        return browse.has_project(self._db)

    def overview(self, actor: Actor) -> ProjectOverview:
        return browse.overview(self._db, actor)

    def units(self, actor: Actor, building_id: str | None = None) -> list[UnitInfo]:
        return browse.units(self._db, actor, building_id)

    def unit(self, actor: Actor, unit_id: str) -> UnitInfo:
        return browse.unit(self._db, actor, unit_id)

    def factors_for_unit(self, actor: Actor, unit_id: str) -> list[FactorInfo]:
        """Every current adverse factor that applies to this unit (its building, itself, or
        project-wide)."""
        return browse.factors_for_unit(self._db, actor, unit_id)
