"""Opening SalesDesk without the GUI: data folder, logging, database, services and the hooks
between capabilities. The command line uses it as is; ``app.py`` adds the Qt side. Nothing
imports it back (an import-linter contract), so it may see everything."""

from __future__ import annotations

from pathlib import Path

from salesdesk.logsetup import setup_logging
from salesdesk.paths import default_data_dir, key_dir
from salesdesk.services.container import Services, build_services
from salesdesk.store.database import open_database


def install_hooks(services: Services) -> None:
    """Where each capability hooks into the shared pieces (verifiers, demo seeders, ...) once
    the services are built: one line per capability keeps merges painless. The hooks between
    the services themselves are made by ``build_services``; none is needed here today."""


def open_services(data_dir: Path | None = None) -> Services:
    """The data folder (made if missing), its log files, the migrated database, the services."""
    data = Path(data_dir) if data_dir else default_data_dir()
    data.mkdir(parents=True, exist_ok=True)
    setup_logging(data)
    db = open_database(data, key_dir())
    services = build_services(db)
    install_hooks(services)
    return services
