"""The task runner never lets a pool thread free a Qt object: a job's closure that holds the
last reference to a closed widget is let go of on the GUI thread (freed on the pool thread, a
widget crashed the suite with a bus error)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from salesdesk.ui.tasks import TaskRunner

pytestmark = pytest.mark.ui

freed_on: list[int] = []


class Canary(QWidget):
    def __del__(self) -> None:
        freed_on.append(threading.get_ident())


@pytest.mark.parametrize("fails", [False, True])
def test_a_closed_widget_held_by_a_running_job_is_freed_on_the_gui_thread(
        qapp: QApplication, fails: bool) -> None:
    freed_on.clear()
    runner = TaskRunner()
    release = threading.Event()
    results: list[Any] = []
    canary: Canary | None = Canary()

    def job(widget: QObject = canary) -> str:  # the closure's only hold on the widget
        release.wait(10)
        if fails:
            raise ValueError(widget.objectName())
        return widget.objectName()

    # (The error's message only: a kept exception would keep its frames, and the widget.)
    runner.run(job, results.append, lambda exc: results.append(str(exc)))
    del job
    canary = None  # the page was closed: only the running job still holds the widget
    assert freed_on == []
    release.set()
    assert runner.wait(10000)
    for _ in range(20):
        QApplication.processEvents()
        if freed_on and results:
            break
    assert len(results) == 1
    assert freed_on == [threading.get_ident()], "freed on a pool thread"
