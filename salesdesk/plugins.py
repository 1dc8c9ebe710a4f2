"""Where each capability hooks into the shared pieces (verifiers, demo seeders, ...).

One line per capability keeps merges painless; the hooks themselves live in the capability."""

from __future__ import annotations

from salesdesk.services.container import Services


def install(services: Services) -> None:
    """Called once after the services are built."""
