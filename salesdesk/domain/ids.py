"""Identifiers made on the device (SYNC.md: every synced row has a device-made UUID)."""

from __future__ import annotations

import uuid


def new_id() -> str:
    return str(uuid.uuid4())
