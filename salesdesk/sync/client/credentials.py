"""The device secret: in the system keyring where one works, otherwise in a file readable only
by the user, next to the encryption keys (never in the database file)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from salesdesk.store.crypto import _keyring_get, _keyring_set


def _name(device_id: str) -> str:
    return f"sync-{device_id}"


def save_secret(device_id: str, secret: str, key_dir: Path) -> str:
    """Returns where it went: ``keyring`` or the file path."""
    if _keyring_set(_name(device_id), secret):
        return "keyring"
    key_dir.mkdir(parents=True, exist_ok=True)
    path = key_dir / f"{_name(device_id)}.secret"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(fd, "w") as fh:
        fh.write(secret)
    return str(path)


def load_secret(device_id: str, key_dir: Path) -> str | None:
    stored = _keyring_get(_name(device_id))
    if stored:
        return stored
    path = key_dir / f"{_name(device_id)}.secret"
    return path.read_text().strip() if path.exists() else None
