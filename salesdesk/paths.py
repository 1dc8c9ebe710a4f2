"""Where things are: the bundled resources (fonts, icons, translations, defaults, schemas), the
data folder and the key folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "SalesDesk"
RESOURCES = Path(__file__).resolve().parents[1] / "resources"
FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"


def default_data_dir() -> Path:
    return Path(os.environ.get("SALESDESK_DATA_DIR") or platformdirs.user_data_dir(APP_NAME,
                                                                                   APP_NAME))


def key_dir() -> Path:
    """Encryption keys live in the configuration folder, apart from the data (and its copies)."""
    return Path(os.environ.get("SALESDESK_KEY_DIR")
                or Path(platformdirs.user_config_dir(APP_NAME, APP_NAME)) / "keys")
