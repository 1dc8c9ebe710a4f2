"""Opening SalesDesk without the GUI: data folder, key folder, logging, database, services.
Shared by the command line and app.py (which adds the Qt side)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from salesdesk.logsetup import setup_logging
from salesdesk.services.container import Services, build_services
from salesdesk.store.database import open_database

APP_NAME = "SalesDesk"


def default_data_dir() -> Path:
    return Path(os.environ.get("SALESDESK_DATA_DIR") or platformdirs.user_data_dir(APP_NAME,
                                                                                   APP_NAME))


def key_dir() -> Path:
    """Encryption keys live in the configuration folder, apart from the data (and its copies)."""
    return Path(os.environ.get("SALESDESK_KEY_DIR")
                or Path(platformdirs.user_config_dir(APP_NAME, APP_NAME)) / "keys")


def open_services(data_dir: Path | None = None) -> Services:
    data = Path(data_dir) if data_dir else default_data_dir()
    data.mkdir(parents=True, exist_ok=True)
    setup_logging(data)
    db = open_database(data, key_dir())
    services = build_services(db)
    from salesdesk import plugins

    plugins.install(services)
    return services
