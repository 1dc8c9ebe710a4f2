"""One application-level signal that says what changed, so every open screen can refresh."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    # The area that changed: "project", "staff", "customers", "reception", "appointments",
    # "disclosure", "signing", "care", "sync", ...
    changed = Signal(str)
    # Signed-in user changed (None when signed out).
    actor_changed = Signal(object)
