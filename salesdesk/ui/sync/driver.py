"""Runs sync rounds in the background: on a timer, when the network comes back
(``QNetworkInformation`` is a hint, not proof), and on demand; after a failure it waits with
exponential backoff and jitter (1 s up to 5 min). A round runs on a pool thread with the sync
client's own SQLite connection, so the GUI thread never waits for the network."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation

from salesdesk.sync.client.backoff import Backoff
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import EVERYTHING, OpChanges

log = logging.getLogger(__name__)



def _round_changes(summary: Any) -> OpChanges:
    # Rows pulled from another device may belong to any screen.
    return EVERYTHING if summary.pulled else OpChanges(sync=True)


class SyncDriver(QObject):
    started = Signal()
    finished = Signal(object)  # RoundSummary
    failed = Signal(str)

    def __init__(self, ctx: UiContext, interval_s: int = 45, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interval_ms = interval_s * 1000
        self.backoff = Backoff()
        self.running = False
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sync_now)
        self._network: QNetworkInformation | None = None
        self._paces: dict[str, int] = {}

    @property
    def current_interval_ms(self) -> int:
        return min([self.interval_ms, *self._paces.values()])

    def set_pace(self, key: str, interval_s: int | None) -> None:
        """A screen that needs other devices' changes sooner (a consultant on duty waiting to
        be called) asks for a shorter interval under ``key``; ``None`` withdraws the ask.
        A backoff after a failure is kept: a down server is not polled faster."""
        if interval_s is None:
            self._paces.pop(key, None)
        else:
            self._paces[key] = interval_s * 1000
        if (not self.running and self.backoff.failures == 0 and self._timer.isActive()
                and self._timer.remainingTime() > self.current_interval_ms):
            self._schedule(self.current_interval_ms)

    def start(self) -> None:
        """Begin: a first round soon, then every interval; listen to the network."""
        self._watch_network()
        self._timer.start(2000)

    def stop(self) -> None:
        self._timer.stop()

    def _watch_network(self) -> None:
        try:
            if QNetworkInformation.instance() is None:
                QNetworkInformation.loadBackendByFeatures(
                    QNetworkInformation.Feature.Reachability)
            self._network = QNetworkInformation.instance()
        except Exception:  # no backend on this platform: the timer still drives retries
            self._network = None
        if self._network is not None:
            self._network.reachabilityChanged.connect(self._reachability_changed)

    def _reachability_changed(self, reachability: Any) -> None:
        if reachability == QNetworkInformation.Reachability.Online:
            self.backoff.success()  # the network is back: try now, not after the backoff
            self.sync_now()

    def sync_now(self) -> None:
        if not self.ctx.services.sync.status().enrolled:
            self._schedule(self.current_interval_ms)
            return
        if self.running:
            self._again = True
            return
        self.running = True
        self.started.emit()
        # Not on the writer thread: a round has the sync client's own connection, and the
        # network must not hold up the screens' writes.
        self.ctx.run_op(self.ctx.services.sync.run_round, _round_changes, self._done,
                        self._failed, owner=self, writer=False)

    def _done(self, summary: Any) -> None:
        self.running = False
        self.backoff.success()
        self.finished.emit(summary)
        self._next()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        delay = self.backoff.failure()
        log.info("sync round failed (%s); next try in %.0f s", type(exc).__name__, delay)
        # A failed round records its error and may have pushed part of the outbox.
        self.ctx.events.op_executed.emit(OpChanges(sync=True), None)
        self.failed.emit(self.ctx.error_text(exc))
        self._schedule(int(delay * 1000))

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.sync_now()
        else:
            self._schedule(self.current_interval_ms)

    def _schedule(self, ms: int) -> None:
        self._timer.start(ms)

    @property
    def next_in_ms(self) -> int:
        return self._timer.remainingTime()
