"""What can go wrong with a sync round, in words a sales centre can act on."""

from __future__ import annotations

from salesdesk.domain.errors import DomainError


class SyncError(DomainError):
    """A round failed; nothing local was lost (the outbox keeps every change)."""


class SyncUnavailable(SyncError):
    """Network or server down: retried later with backoff."""


class SyncNotEnrolled(SyncError):
    pass


class SyncNeedsReenrol(SyncError):
    """The server saw change numbers reused: this file was restored from an old backup."""


class SyncRevoked(SyncError):
    pass


class SyncRefused(SyncError):
    """The server refused a request for a reason retrying will not fix."""
