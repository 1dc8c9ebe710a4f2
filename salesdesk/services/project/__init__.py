"""The project: browsing units, prices, certificates, adverse factors and texts, and importing
head office's project file. The facades are what the container and the UI use."""

from salesdesk.services.project.catalogue import no_project
from salesdesk.services.project.importer import ProjectImporter
from salesdesk.services.project.project_file import DEMO_PATH, read_project_file
from salesdesk.services.project.results import (
    BuildingInfo,
    CertificateInfo,
    FactorInfo,
    ImportSummary,
    ProjectInfo,
    ProjectOverview,
    TextInfo,
    UnitInfo,
)
from salesdesk.services.project.service import ProjectService

__all__ = [
    "DEMO_PATH", "BuildingInfo", "CertificateInfo", "FactorInfo", "ImportSummary",
    "ProjectImporter", "ProjectInfo", "ProjectOverview", "ProjectService", "TextInfo",
    "UnitInfo", "no_project", "read_project_file",
]
