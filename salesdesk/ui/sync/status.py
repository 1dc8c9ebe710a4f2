"""The sync status in the main window's top bar: last synced, pending changes (counted from the
outbox), conflicts needing attention, and a button to sync now."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.sync.driver import SyncDriver


class SyncStatusWidget(QWidget):
    conflicts_requested = Signal()

    def __init__(self, ctx: UiContext, driver: SyncDriver | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.driver = driver
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self.tr("Sync: …"))
        self.label.setObjectName("syncStatus")
        self.conflicts = QPushButton()
        self.conflicts.setObjectName("danger")
        self.conflicts.setVisible(False)
        self.conflicts.clicked.connect(self.conflicts_requested)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.clicked.connect(self._sync_now)
        layout.addWidget(self.label)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.sync_button)
        ctx.events.op_executed.connect(self._on_op)
        if driver is not None:
            driver.started.connect(self._on_started)
            driver.failed.connect(lambda _text: self.refresh())
        self.refresh()

    def _on_op(self, _changes: OpChanges, _origin: object) -> None:
        self.refresh()  # any write changes the pending count

    def _on_started(self) -> None:
        self.sync_button.setEnabled(False)
        self.sync_button.setText(self.tr("Syncing…"))

    def _sync_now(self) -> None:
        if self.driver is not None:
            self.driver.sync_now()

    def refresh(self) -> None:
        self.ctx.runner.run(self.ctx.services.sync.status, self._show, lambda exc: None)

    def _show(self, st: Any) -> None:
        self.sync_button.setEnabled(not (self.driver and self.driver.running))
        self.sync_button.setText(self.tr("Sync now"))
        if not st.enrolled:
            self.label.setText(self.tr("Not connected to head office · %1 change(s) kept on "
                                       "this device").replace("%1", str(st.pending)))
            self.sync_button.setEnabled(False)
        else:
            when = (st.last_sync_at.astimezone(PROJECT_TZ).strftime("%m-%d %H:%M")
                    if st.last_sync_at else self.tr("never"))
            text = (self.tr("Last synced %1 · %2 pending").replace("%1", when)
                    .replace("%2", str(st.pending)))
            if st.clock_warning:
                text += " · " + self.tr("clock off by %1 min").replace(
                    "%1", f"{abs(st.clock_offset_s) / 60:.0f}")
            if st.needs_reenrol:
                text += " · " + self.tr("re-enrol this device")
            elif st.last_error:
                text += " · " + self.tr("offline, retrying")
            self.label.setText(text)
        self.label.setToolTip(st.last_error)
        self.conflicts.setVisible(st.conflicts_open > 0)
        self.conflicts.setText(self.tr("%1 conflict(s) to resolve").replace(
            "%1", str(st.conflicts_open)))
