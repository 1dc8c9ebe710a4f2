"""Running service calls off the GUI thread (the Anki "operation" pattern).

``runner.run(fn, on_done, on_error, write=True)``: ``fn`` runs in a pool thread and must not
touch widgets; its result (a frozen value) or its exception comes back on the GUI thread. Writes
go through a one-thread pool, so SQLite sees one writer at a time; reads, PDFs and network use
the general pool. Long jobs report progress and can be cancelled through ``TaskControl``.
``run`` is generic in the result type: mypy checks that ``on_done`` takes what ``fn`` returns.
A screen's write goes through ``UiContext.run_op``, which also says what it changed."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


class TaskControl:
    """Handed to long tasks: report progress, check for cancellation."""

    def __init__(self, progress: Callable[[int, int, str], None]) -> None:
        self._progress = progress
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._progress(done, total, text)


class _Signals(QObject):
    # (value, what the job held): the second is only carried back so that the job's closure,
    # and the page or dialog it captured, is let go of on the GUI thread (see _Job).
    finished = Signal(object, object)
    failed = Signal(object, object)
    progress = Signal(int, int, str)


class _Job(QRunnable):
    """Runs ``fn`` in a pool thread. Nothing Qt-owned may be freed on that thread: the signals
    object stays referenced by the runner until the job has ended (freed on the pool thread
    while a signal was still queued for it, it crashed the process), and ``fn`` itself travels
    back with the result, because its closure may hold the last reference to a page or a
    dialog that was closed meanwhile (a widget destroyed on the pool thread crashed the suite
    with a bus error)."""

    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._fn: Callable[[], Any] | None = fn
        self.signals: _Signals | None = signals
        self.ended = threading.Event()
        self.setAutoDelete(True)

    @Slot()
    def run(self) -> None:
        fn, signals = self._fn, self.signals
        self._fn = self.signals = None
        assert fn is not None and signals is not None
        try:
            result = fn()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            signals.failed.emit(exc, fn)
        else:
            signals.finished.emit(result, fn)
            del result
        finally:
            # The queued signal holds its own references to fn and the result: these are not
            # the last ones.
            del fn, signals
            self.ended.set()


def deliver(owner: QObject | None, callback: Callable[[T], None] | None, value: T) -> None:
    """Call back on the GUI thread, unless the screen that asked has been closed meanwhile."""
    if callback is None:
        return
    if owner is not None and not shiboken6.isValid(owner):
        return
    try:
        callback(value)
    except RuntimeError as exc:
        # A widget the callback touches was deleted while the task ran (a closed dialog,
        # a page rebuilt for another user): the result has nowhere to go.
        if "already deleted" not in str(exc):
            raise
        log.debug("dropped a task result for a deleted widget")


class Latest:
    """Overlapping loads of the same view: only the answer to the last one asked is applied.
    Reads run on a pool of several threads, so an older load can finish after a newer one and
    would put back what the user has just moved away from (a slot list reloaded for the day
    they left, with the slot they gave up selected)."""

    def __init__(self) -> None:
        self._asked = 0

    def ticket(self) -> Callable[[], bool]:
        """Take a ticket for a load; calling it later says whether that load is still the
        last one asked."""
        self._asked += 1
        mine = self._asked
        return lambda: mine == self._asked

    def only_if_current(self, current: Callable[[], bool],
                        fn: Callable[[T], None]) -> Callable[[T], None]:
        """``fn`` as a callback that does nothing once a newer load has been asked for."""

        def call(value: T) -> None:
            if current():
                fn(value)
        return call


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._general = QThreadPool(self)
        self._general.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount()))
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._live: set[_Signals] = set()

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        write: bool = False,
        owner: QObject | None = None,
    ) -> None:
        signals = _Signals()
        self._live.add(signals)
        job = _Job(fn, signals)
        ended = job.ended

        def done(result: T, _held: object = None) -> None:
            self._retire(signals, ended)
            deliver(owner, on_done, result)

        def failed(exc: BaseException, _held: object = None) -> None:
            self._retire(signals, ended)
            if on_error is None:
                log.error("background task failed", exc_info=exc)
            deliver(owner, on_error, exc)

        signals.finished.connect(done)
        signals.failed.connect(failed)
        (self._writer if write else self._general).start(job)

    def run_long(
        self,
        fn: Callable[[TaskControl], T],
        on_progress: Callable[[int, int, str], None],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> TaskControl:
        """A cancellable job with progress (PDF batches, reports, sync)."""
        signals = _Signals()
        self._live.add(signals)
        control = TaskControl(signals.progress.emit)
        signals.progress.connect(on_progress)
        job = _Job(lambda: fn(control), signals)
        ended = job.ended

        def done(result: T, _held: object = None) -> None:
            self._retire(signals, ended)
            deliver(owner, on_done, result)

        def failed(exc: BaseException, _held: object = None) -> None:
            self._retire(signals, ended)
            deliver(owner, on_error, exc)

        signals.finished.connect(done)
        signals.failed.connect(failed)
        self._general.start(job)
        return control

    def _retire(self, signals: _Signals, ended: threading.Event) -> None:
        """Let the signals object go once its pool thread has let go of it (see _Job)."""
        if ended.is_set():
            self._live.discard(signals)
        else:
            QTimer.singleShot(5, self, lambda: self._retire(signals, ended))

    def wait(self, msecs: int = 30000) -> bool:
        """For tests and shutdown: wait until both pools are idle."""
        return self._writer.waitForDone(msecs) and self._general.waitForDone(msecs)
