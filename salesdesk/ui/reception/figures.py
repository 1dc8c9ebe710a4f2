"""Supervisor figures for reception (today or a date range), with the CSV export. A standalone
widget: the audit page shows it as a tab."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.services.reception import ConsultantFigures, Figures, LogEntry
from salesdesk.ui.context import UiContext
from salesdesk.ui.reception.floor import table
from salesdesk.ui.reception.labels import reason_label, source_label
from salesdesk.ui.table_model import Column, RecordTableModel
from salesdesk.ui.tasks import Latest
from salesdesk.ui.widgets import error_label

FairRow = tuple[str, str, int, int, int, int, int, int]


def _num(x: float | None) -> str:
    return "—" if x is None else f"{x:g}"


class ReceptionFiguresWidget(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: Figures | None = None
        self.loads = 0
        self._asked = Latest()  # dates changed quickly: only the last range asked is shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.range = QComboBox()
        for key, text in (("today", self.tr("Today")), ("7", self.tr("Last 7 days")),
                          ("30", self.tr("Last 30 days")), ("custom", self.tr("Dates…"))):
            self.range.addItem(text, key)
        self.range.currentIndexChanged.connect(self._range_changed)
        bar.addWidget(self.range)
        today = ctx.services.reception.today()
        self.start = QDateEdit(QDate(today.year, today.month, today.day))
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        for d in (self.start, self.end):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setEnabled(False)
            d.dateChanged.connect(self.refresh)
        bar.addWidget(self.start)
        bar.addWidget(QLabel("—"))
        bar.addWidget(self.end)
        bar.addStretch(1)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self.export)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.error = error_label()
        layout.addWidget(self.error)

        cards = QGridLayout()
        self.cards: dict[str, QLabel] = {}
        for i, (key, text) in enumerate((
                ("visits", self.tr("Parties")), ("people", self.tr("Visitors")),
                ("first", self.tr("First visits")), ("returning", self.tr("Returning")),
                ("wait", self.tr("Wait median / 90% (min)")), ("no_show", self.tr("No-shows")),
                ("invalid", self.tr("Invalid receptions")),
                ("manual", self.tr("Manual rotation changes")))):
            frame = QFrame()
            frame.setObjectName("card")
            fl = QVBoxLayout(frame)
            value = QLabel("—")
            value.setObjectName("cardValue")
            caption = QLabel(text)
            caption.setObjectName("cardLabel")
            fl.addWidget(value)
            fl.addWidget(caption)
            cards.addWidget(frame, i // 4, i % 4)
            self.cards[key] = value
        layout.addLayout(cards)

        tabs = QTabWidget()
        self.consultant_model: RecordTableModel[ConsultantFigures] = RecordTableModel([
            Column(self.tr("Consultant"), lambda c: c.name),
            Column(self.tr("Agency"), lambda c: c.agency),
            Column(self.tr("Receptions"), lambda c: c.receptions, align_right=True),
            Column(self.tr("Median min"), lambda c: _num(c.median_minutes), align_right=True),
            Column(self.tr("90% min"), lambda c: _num(c.p90_minutes), align_right=True),
            Column(self.tr("Intent A"), lambda c: c.intent_a, align_right=True),
            Column(self.tr("No-shows"), lambda c: c.no_shows, align_right=True),
            Column(self.tr("Invalid"), lambda c: c.invalid, align_right=True),
        ])
        tabs.addTab(table(self.consultant_model), self.tr("Per consultant"))
        self.fair_model: RecordTableModel[FairRow] = RecordTableModel([
            Column(self.tr("Consultant"), lambda r: r[0]),
            Column(self.tr("Agency"), lambda r: r[1]),
            Column(self.tr("Assigned"), lambda r: r[2], align_right=True),
            Column(self.tr("Rotation turns"), lambda r: r[3], align_right=True),
            Column(self.tr("Skipped"), lambda r: r[4], align_right=True),
            Column(self.tr("Place given back"), lambda r: r[5], align_right=True),
            Column(self.tr("Direct (owner, appointment)"), lambda r: r[6], align_right=True),
            Column(self.tr("Turns owed"), lambda r: r[7], align_right=True),
        ])
        tabs.addTab(table(self.fair_model), self.tr("Rotation fairness"))
        self.source_model: RecordTableModel[tuple[str, int]] = RecordTableModel([
            Column(self.tr("Source"), lambda r: source_label(r[0])),
            Column(self.tr("Parties"), lambda r: r[1], align_right=True),
        ])
        tabs.addTab(table(self.source_model), self.tr("By source"))
        self.log_model: RecordTableModel[LogEntry] = RecordTableModel([
            Column(self.tr("Time"), lambda e: e.at.astimezone(PROJECT_TZ).strftime("%H:%M:%S")),
            Column(self.tr("Event"), lambda e: self._kind(e.kind)),
            Column(self.tr("Consultant"), lambda e: e.staff_name),
            Column(self.tr("Reason"), lambda e: reason_label(e.reason)),
            Column(self.tr("Note"), lambda e: e.note),
            Column(self.tr("Ticket"), lambda e: e.ticket),
        ])
        tabs.addTab(table(self.log_model), self.tr("Replay of the last day"))
        layout.addWidget(tabs, 1)
        self.tabs = tabs

    def _kind(self, kind: str) -> str:
        return {"join": self.tr("on duty"), "status": self.tr("status"),
                "assign": self.tr("assigned"), "skip": self.tr("skipped"),
                "finish": self.tr("finished"), "restore": self.tr("place given back"),
                "reorder": self.tr("order changed"), "owe": self.tr("turn owed"),
                "reassign": self.tr("reassigned by reception")}.get(kind, kind)

    def _range_changed(self) -> None:
        custom = self.range.currentData() == "custom"
        if not custom:
            start, end = self.dates()
            for edit, d in ((self.start, start), (self.end, end)):
                edit.blockSignals(True)
                edit.setDate(QDate(d.year, d.month, d.day))
                edit.blockSignals(False)
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        self.refresh()

    def dates(self) -> tuple[date, date]:
        today = self.ctx.services.reception.today()
        key = self.range.currentData()
        if key == "today":
            return today, today
        if key in ("7", "30"):
            return today - timedelta(days=int(key) - 1), today
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.refresh()

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        start, end = self.dates()
        figs = self.ctx.services.reception_figures
        svc = self.ctx.services.reception
        self.error.setVisible(False)
        current = self._asked.ticket()
        self.ctx.runner.run(lambda: (figs.figures(actor, start, end), svc.day_log(actor, end)),
                            self._asked.only_if_current(current, self._show),
                            self._asked.only_if_current(current, self._failed))

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.setVisible(True)

    def _show(self, result: tuple[Figures, list[LogEntry]]) -> None:
        f, log = result
        self.figures = f
        self.loads += 1
        self.cards["visits"].setText(str(f.visits))
        self.cards["people"].setText(str(f.people))
        self.cards["first"].setText(str(f.first_visits))
        self.cards["returning"].setText(str(f.returning))
        self.cards["wait"].setText(f"{_num(f.wait_median)} / {_num(f.wait_p90)}")
        self.cards["no_show"].setText(str(f.no_shows))
        self.cards["invalid"].setText(str(f.invalid))
        self.cards["manual"].setText(str(f.fairness.manual_changes))
        self.consultant_model.set_rows(f.consultants)
        self.fair_model.set_rows([(r.name, r.agency, r.receptions, r.turns, r.skips, r.restores,
                                   r.direct, r.owed) for r in f.fairness.rows])
        self.source_model.set_rows(f.by_source)
        self.log_model.set_rows(log)

    def export(self, path: Path | None = None) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        start, end = self.dates()
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export reception figures"),
                f"reception-{start.isoformat()}-{end.isoformat()}.csv", "CSV (*.csv)")
            if not name:
                return
            path = Path(name)
        figs = self.ctx.services.reception_figures
        target = path
        self.ctx.runner.run(lambda: figs.export_csv(actor, start, end, target),
                            None, self._failed, write=True)
