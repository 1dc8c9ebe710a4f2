"""Identifiers made on the device (SYNC.md: every synced row has a device-made UUID)."""

from __future__ import annotations

import uuid


def new_id() -> str:
    return str(uuid.uuid4())


_DERIVED = uuid.UUID("3b7e0c1a-5d2f-4e8b-9a61-0f4c2d8e7b35")


def derived_id(kind: str, key: str) -> str:
    """The id of a row that *is* its key (a message queued once, a follow-up task made once
    per event): two devices making the same thing offline make the same row, so sync merges
    them instead of keeping two."""
    return str(uuid.uuid5(_DERIVED, f"{kind}|{key}"))
