"""No-show figures per consultant and week: a standalone widget for the audit page."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.local_time import local_day
from salesdesk.services.appointments import NoShowFigure
from salesdesk.ui.appointments.safe import run_for
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.widgets import error_label


class AppointmentFiguresWidget(QWidget):
    """Rows: consultants; columns: the last ``weeks`` weeks; a cell reads "2 / 11 · 18%"
    (no-shows / appointments due). Refreshes when appointments change."""

    def __init__(self, ctx: UiContext, weeks: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.weeks = weeks
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Appointment no-shows per consultant and week"))
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        hint = QLabel(self.tr("No-shows / appointments due (arrived, completed or no-show); "
                              "cancellations in brackets."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.error = error_label()
        layout.addWidget(self.error)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        ctx.events.op_executed.connect(self._on_op)

    def _on_op(self, changes: OpChanges, _origin: object) -> None:
        if changes.appointments and self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        today = local_day(self.ctx.services.db.now())
        weeks = self.weeks
        run_for(self, self.ctx,
            lambda: self.ctx.services.appointments.no_show_figures(actor, today, weeks),
            lambda figures: self.show_figures(figures, today), self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.setVisible(True)

    def show_figures(self, figures: list[NoShowFigure], today: date) -> None:
        monday = today - timedelta(days=today.weekday())
        weeks = [monday - timedelta(weeks=n) for n in range(self.weeks - 1, -1, -1)]
        people = sorted({(f.consultant_name, f.consultant_id) for f in figures})
        by_key = {(f.consultant_id, f.week): f for f in figures}
        self.table.clear()
        self.table.setRowCount(len(people))
        self.table.setColumnCount(len(weeks) + 1)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Week of %1").replace("%1", f"{w:%m-%d}") for w in weeks]
            + [self.tr("Total")])
        self.table.setVerticalHeaderLabels([name for name, _ in people])
        for r, (_name, cid) in enumerate(people):
            totals = [0, 0, 0]
            for c, week in enumerate(weeks):
                f = by_key.get((cid, week))
                if f is not None:
                    totals[0] += f.no_shows
                    totals[1] += f.due
                    totals[2] += f.cancelled
                self.table.setItem(r, c, self._item(f.no_shows if f else 0, f.due if f else 0,
                                                    f.cancelled if f else 0))
            self.table.setItem(r, len(weeks), self._item(*totals))

    @staticmethod
    def _item(no_shows: int, due: int, cancelled: int) -> QTableWidgetItem:
        rate = no_shows / due if due else 0.0
        text = f"{no_shows} / {due} · {rate:.0%}" if due else "—"
        if cancelled:
            text += f"（{cancelled}）"
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if rate >= 0.2:
            item.setForeground(QBrush(QColor("#b42318")))
        return item
