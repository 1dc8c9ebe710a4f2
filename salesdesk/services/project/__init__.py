"""The project: browsing units, prices, certificates, adverse factors and texts, and importing
head office's project file."""

from salesdesk.services.project.importer import (
    DEMO_PATH,
    ImportSummary,
    ProjectImporter,
    read_project_file,
)
from salesdesk.services.project.service import (
    BuildingInfo,
    CertificateInfo,
    FactorInfo,
    ProjectInfo,
    ProjectOverview,
    ProjectService,
    TextInfo,
    UnitInfo,
    no_project,
)

__all__ = [
    "DEMO_PATH", "BuildingInfo", "CertificateInfo", "FactorInfo", "ImportSummary",
    "ProjectImporter", "ProjectInfo", "ProjectOverview", "ProjectService", "TextInfo",
    "UnitInfo", "no_project", "read_project_file",
]
