"""Python's cycle collector runs only on the GUI thread.

Left to itself, the collector runs in whichever thread happens to allocate when a threshold is
crossed: a pool thread loading a page could then free a widget, a timer or a queued-signal
receiver caught in a reference cycle, and Qt objects destroyed off the GUI thread crash the
process later, inside the event loop. The automatic collector is switched off and the same
generational thresholds are checked from a GUI-thread timer instead (Anki does the same)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    INTERVAL_MS = 1000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int:
        """Collect the generations whose counts passed their thresholds; returns how many
        objects were freed."""
        counts = gc.get_count()
        freed = 0
        if counts[0] > self.threshold[0]:
            freed = gc.collect(0)
            if counts[1] > self.threshold[1]:
                freed += gc.collect(1)
                if counts[2] > self.threshold[2]:
                    freed += gc.collect(2)
        return freed

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()
