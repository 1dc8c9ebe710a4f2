"""Cycles holding Qt objects are freed on the GUI thread, never by a pool thread that happened to
cross the collector's threshold (that freed widgets off the GUI thread and crashed the suite)."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from salesdesk.ui.gc_guard import GuiThreadCollector

pytestmark = pytest.mark.ui


class Holder:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cycle collector frees it
        self.obj = QObject()


@pytest.fixture
def collector(qapp: QApplication) -> Iterator[GuiThreadCollector]:
    gc.enable()  # as a fresh process starts
    made = GuiThreadCollector()
    yield made
    made.stop()
    gc.disable()  # the UI fixture's own setting for the rest of the test


def test_a_pool_thread_never_frees_a_cycle_and_the_gui_thread_does(
        collector: GuiThreadCollector) -> None:
    assert not gc.isenabled()
    holder = Holder()
    gone = weakref.ref(holder)
    del holder

    def churn() -> None:
        # Far past every threshold: with automatic collection on, this thread would free it.
        for _ in range(5):
            junk = [[i] for i in range(200_000)]
            cycles = [Holder.__new__(Holder) for _ in range(5000)]
            for c in cycles:
                c.me = c
            del junk, cycles

    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()
    assert gone() is not None
    assert collector.check() > 0
    assert gone() is None


def test_the_collector_waits_for_its_threshold(collector: GuiThreadCollector) -> None:
    gc.collect()
    collector.threshold = (10_000_000, 10, 10)
    holder = Holder()
    gone = weakref.ref(holder)
    del holder
    assert collector.check() == 0 and gone() is not None
    collector.threshold = (0, 10, 10)
    collector.check()
    assert gone() is None


def test_stopping_gives_collection_back_to_python(qapp: QApplication) -> None:
    gc.enable()
    made = GuiThreadCollector()
    assert not gc.isenabled()
    made.stop()
    assert gc.isenabled() and not made.timer.isActive()
    gc.disable()


def test_each_turn_collects_once_the_oldest_generation_due(
        collector: GuiThreadCollector) -> None:
    collected: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collected.append(info["generation"])

    gc.collect()
    gc.callbacks.append(seen)
    try:
        junk = [[i] for i in range(100)]
        collector.threshold = (10, 10_000, 10_000)
        collector.check()
        assert collected == [0]
        collected.clear()
        collector.threshold = (10, 0, 10_000)  # generation 1 due: it takes 0 with it
        junk += [[i] for i in range(100)]
        collector.check()
        assert collected == [1]
        collected.clear()
        collector.threshold = (10, 0, -1)  # a full collection due
        junk += [[i] for i in range(100)]
        collector.check()
        assert collected == [2]
        collected.clear()
        collector.threshold = (10_000_000, 0, -1)  # nothing due until the young count passes
        assert collector.check() == 0 and collected == []
    finally:
        gc.callbacks.remove(seen)
    del junk
