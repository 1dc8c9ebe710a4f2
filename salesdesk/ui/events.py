"""Application-level signals: what a write changed, who is signed in, which language shows."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    # A write succeeded: (OpChanges, origin). The origin (the widget that asked, or None) has
    # applied the result itself; every other screen refreshes if a flag it shows is set.
    # Emitted only by UiContext.run_op and by the sync driver after a round.
    op_executed = Signal(object, object)
    # Signed-in user changed (None when signed out).
    actor_changed = Signal(object)
    # The interface language was switched (the new code, e.g. "en_US"): screens are rebuilt.
    language_changed = Signal(str)
