"""Sync on the device as the container, the UI and the command line use it: ``SyncService``
(status, enrolment, a round, the conflict inbox) and the values it returns."""

from __future__ import annotations

from salesdesk.services.sync.results import (
    SETASIDE_PREFIX,
    ConflictInfo,
    RoundSummary,
    SlotOption,
    SyncStatus,
)
from salesdesk.services.sync.service import SyncService

__all__ = ["SETASIDE_PREFIX", "ConflictInfo", "RoundSummary",
           "SlotOption", "SyncService", "SyncStatus"]
