"""Every table. Each capability keeps its tables in its own module, imported here so that
``Base.metadata`` knows them all (migrations compare against it)."""

from salesdesk.store.models import (
    appointments,
    audit,
    care,
    customer,
    disclosure,
    local,
    org,
    project,
    reception,
    signing,
    sync,
)
from salesdesk.store.models.base import Base, Synced, is_synced

__all__ = ["Base", "Synced", "appointments", "audit", "care", "customer", "disclosure",
           "is_synced", "local", "org", "project", "reception", "signing", "sync"]
