"""Python's cyclic garbage collector runs on whichever thread happens to allocate when a
threshold is crossed: a background task (a report, a sync round) can then be the thread that
frees a closed widget caught in a reference cycle, and Qt objects deleted off the GUI thread
crash the process. So automatic collection is switched off and the GUI thread collects, by the
same thresholds, from a timer."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        count0, count1, count2 = gc.get_count()
        if count0 > self.threshold[0]:
            gc.collect(0)
            if count1 > self.threshold[1]:
                gc.collect(1)
                if count2 > self.threshold[2]:
                    gc.collect(2)


def install(app: QObject) -> GuiThreadCollector:
    """Once per application (the collector lives as long as ``app``)."""
    existing = app.findChild(GuiThreadCollector)
    return existing if isinstance(existing, GuiThreadCollector) else GuiThreadCollector(app)
