"""The supervisor's satisfaction figures: headline cards, a chart per item and per month
against the target, tables per consultant and for on-time follow-ups, the PDF export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.care.satisfaction import Figure, OnTimeFigure
from salesdesk.domain.roles import Permission
from salesdesk.services.care import LowCard, SatisfactionReport
from salesdesk.ui.care.chart import Bar, BarChart
from salesdesk.ui.care.common import card, section, table
from salesdesk.ui.care.labels import item_list, satisfaction_item_label, staff_or_unassigned
from salesdesk.ui.context import UiContext
from salesdesk.ui.printing import MakePdf, PdfOutput, print_button
from salesdesk.ui.table_model import Column, RecordTableModel
from salesdesk.ui.widgets import error_label

RED, GREEN = "#b42318", "#05603a"


def _score(f: Figure) -> str:
    return "—" if f.score100 is None else f"{f.score100:.1f}"


class SatisfactionView(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: SatisfactionReport | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.chart_choice = QComboBox()
        self.chart_choice.addItem(self.tr("Chart: per item"), "item")
        self.chart_choice.addItem(self.tr("Chart: per month"), "month")
        self.chart_choice.addItem(self.tr("Chart: per consultant"), "consultant")
        self.chart_choice.currentIndexChanged.connect(lambda _i: self._draw_chart())
        self.period = QComboBox()
        self.period.addItem(self.tr("Last 12 months"), 12)
        self.period.addItem(self.tr("Last 6 months"), 6)
        self.period.addItem(self.tr("Last 3 months"), 3)
        self.period.addItem(self.tr("This month"), 1)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addWidget(self.period)
        bar.addWidget(self.chart_choice)
        bar.addStretch(1)
        # The report names customers: printed or saved, the service logs it as an export.
        self.output = PdfOutput(ctx, self, self._said)
        self.print_button = print_button(self.tr("Print report…"), self.print_report,
                                         self.save_report_as)
        bar.addWidget(self.print_button)
        outer.addLayout(bar)
        # Once inside the view: shown without a parent, it opened as a window of its own.
        actor = ctx.actor
        self.print_button.setVisible(actor is not None and actor.can(Permission.EXPORT_REPORTS))
        self.error = error_label()
        outer.addWidget(self.error)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        outer.addWidget(self.status)

        body = QWidget()
        body.setObjectName("scrollBody")
        layout = QVBoxLayout(body)
        cards = QGridLayout()
        self.card_overall = card("—", self.tr("Overall (100 scale)"))
        self.card_target = card("—", self.tr("Target"))
        self.card_cards = card("—", self.tr("Score cards"))
        self.card_low = card("—", self.tr("Cards with a score below 4"))
        for i, (frame, _) in enumerate((self.card_overall, self.card_target, self.card_cards,
                                        self.card_low)):
            cards.addWidget(frame, 0, i)
        layout.addLayout(cards)
        self.chart = BarChart()
        self.chart.setMinimumHeight(260)
        layout.addWidget(self.chart)

        grids = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(section(self.tr("Per consultant")))
        self.consultants: RecordTableModel[Figure] = RecordTableModel([
            Column(self.tr("Consultant"), lambda f: staff_or_unassigned(f.key, f.label)),
            Column(self.tr("Cards"), lambda f: f.cards, align_right=True),
            Column(self.tr("Score"), _score, align_right=True,
                   colour=lambda f: GREEN if f.meets_target else RED),
            Column(self.tr("Below 4"), lambda f: f.low_cards, align_right=True),
        ])
        self.consultant_view = table(self.consultants)
        left.addWidget(self.consultant_view)
        right = QVBoxLayout()
        right.addWidget(section(self.tr("Follow-ups done on time")))
        self.on_time: RecordTableModel[OnTimeFigure] = RecordTableModel([
            Column(self.tr("Consultant"), lambda o: staff_or_unassigned(o.owner_staff_id, o.label)),
            Column(self.tr("Completed"), lambda o: o.done, align_right=True),
            Column(self.tr("On time"), lambda o: "—" if o.on_time_rate is None
                   else f"{o.done_on_time} ({o.on_time_rate:.0f}%)", align_right=True),
            Column(self.tr("Open"), lambda o: o.open, align_right=True),
            Column(self.tr("Overdue"), lambda o: o.overdue, align_right=True,
                   colour=lambda o: RED if o.overdue else None),
        ])
        self.on_time_view = table(self.on_time)
        right.addWidget(self.on_time_view)
        grids.addLayout(left, 1)
        grids.addLayout(right, 1)
        layout.addLayout(grids)
        layout.addWidget(section(self.tr("Cards below 4 (escalated)")))
        self.low: RecordTableModel[LowCard] = RecordTableModel([
            Column(self.tr("Date"), lambda c: f"{c.scored_on:%Y-%m-%d}"),
            Column(self.tr("Customer"), lambda c: c.customer),
            Column(self.tr("Consultant"), lambda c: staff_or_unassigned(c.consultant_id, c.consultant)),
            Column(self.tr("Score"), lambda c: f"{c.score100:.0f}", align_right=True),
            Column(self.tr("Low items"), lambda c: item_list(c.low_items), colour=lambda c: RED),
        ])
        self.low_view = table(self.low)
        self.low_view.setMinimumHeight(140)
        layout.addWidget(self.low_view)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

    def period_range(self) -> tuple[date, date]:
        """Whole calendar months ending with the current one."""
        today = self.ctx.services.care.today()
        months = int(self.period.currentData() or 12)
        y, m = today.year, today.month - (months - 1)
        while m < 1:
            y, m = y - 1, m + 12
        return date(y, m, 1), today

    def refresh(self) -> None:
        actor = self.ctx.require_actor()
        start, end = self.period_range()
        svc = self.ctx.services.satisfaction
        self.ctx.runner.run(lambda: svc.report(actor, start, end), self._loaded, self._failed,
                            owner=self)

    def _loaded(self, report: SatisfactionReport) -> None:
        self.report = report
        f = report.figures
        self.card_overall[1].setText(_score(f.overall))
        self.card_overall[1].setStyleSheet(f"color: {GREEN if f.overall.meets_target else RED}")
        self.card_target[1].setText(f"{f.target:.0f}")
        self.card_cards[1].setText(str(f.overall.cards))
        self.card_low[1].setText(str(f.overall.low_cards))
        self.consultants.set_rows(f.by_consultant)
        self.on_time.set_rows(report.on_time)
        self.low.set_rows(report.low_cards)
        self._draw_chart()

    def _draw_chart(self) -> None:
        if self.report is None:
            return
        f = self.report.figures
        kind = self.chart_choice.currentData()
        if kind == "month":
            figs, title = f.by_month[-12:], self.tr("Satisfaction per month (100 scale)")
            names = [x.label for x in figs]
        elif kind == "consultant":
            figs, title = f.by_consultant, self.tr("Satisfaction per consultant (100 scale)")
            names = [staff_or_unassigned(x.key, x.label) for x in figs]
        else:
            figs, title = f.by_item, self.tr("Satisfaction per item (100 scale)")
            names = [satisfaction_item_label(x.key) for x in figs]
        self.chart.set_data(title, [Bar(n, x.score100, x.cards) for n, x in zip(names, figs, strict=True)],
                            f.target,
                            self.tr("target %1").replace("%1", f"{f.target:.0f}"))

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.setVisible(True)

    def _report_maker(self) -> MakePdf:
        actor = self.ctx.require_actor()
        start, end = self.period_range()
        svc = self.ctx.services.satisfaction
        return lambda out: svc.export_pdf(actor, out, start, end)

    def print_report(self) -> None:
        self.output.print_pdf(self._report_maker(), self.tr("Satisfaction report"))

    def save_report_as(self) -> None:
        self.output.save_pdf(self._report_maker(), "满意度报告.pdf")

    def export_to(self, path: Path) -> None:
        self.output.save_pdf_to(self._report_maker(), path)

    def _said(self, text: str, error: bool) -> None:
        shown, hidden = (self.error, self.status) if error else (self.status, self.error)
        hidden.setVisible(False)
        shown.setText(text)
        shown.setVisible(True)
