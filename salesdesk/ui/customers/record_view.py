"""One customer's history in tabs: visits, disclosure rounds, subscriptions, appointments,
materials checklists, follow-up tasks, score cards, complaints and who owned them when.

The tabs and their tables are laid out in forms/customers_record.ui; the columns come from the
record models here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QHeaderView, QTableView, QTabWidget, QWidget

from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.services.customers.results import (
    AppointmentEntry,
    AttributionEntry,
    ComplaintEntry,
    CustomerRecord,
    MaterialsEntry,
    RoundEntry,
    ScoreEntry,
    SubscriptionEntry,
    TaskEntry,
    VisitEntry,
)
from salesdesk.ui.customers import labels
from salesdesk.ui.forms.ui_customers_record import Ui_RecordTabs
from salesdesk.ui.table_model import Column, RecordTableModel
from salesdesk.ui.widgets import money


def _at(value: datetime) -> str:
    return value.astimezone(PROJECT_TZ).strftime("%Y-%m-%d %H:%M")


class RecordTabs(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RecordTabs()
        self.ui.setupUi(self)
        self.setObjectName("customerRecordTabs")
        self.visits: RecordTableModel[VisitEntry] = RecordTableModel([
            Column(self.tr("Day"), lambda v: v.day),
            Column(self.tr("Ticket"), lambda v: v.ticket),
            Column(self.tr("Consultant"), lambda v: v.consultant or "—"),
            Column(self.tr("Status"), lambda v: labels.status(v.status)),
            Column(self.tr("First visit"), lambda v: self.tr("Yes") if v.first_visit else self.tr("Return")),
            Column(self.tr("Intent"), lambda v: v.intent or "—"),
            Column(self.tr("Units of interest"), lambda v: v.units_of_interest),
        ])
        self.rounds: RecordTableModel[RoundEntry] = RecordTableModel([
            Column(self.tr("Recorded"), lambda r: _at(r.recorded_at)),
            Column(self.tr("Kind"), lambda r: labels.round_kind(r.record_type, r.round_kind)),
            Column(self.tr("Unit"), lambda r: r.unit),
            Column(self.tr("Consultant"), lambda r: r.consultant),
            Column(self.tr("Items covered"), lambda r: f"{r.covered}/{r.items}", True),
        ])
        self.subscriptions: RecordTableModel[SubscriptionEntry] = RecordTableModel([
            Column(self.tr("Date"), lambda s: s.subscribed_on.isoformat()),
            Column(self.tr("Unit"), lambda s: s.unit),
            Column(self.tr("Price"), lambda s: money(s.price), True),
            Column(self.tr("Deposit"), lambda s: money(s.deposit), True),
            Column(self.tr("Status"), lambda s: labels.status(s.status)),
            Column(self.tr("Consultant"), lambda s: s.consultant),
        ])
        self.appointments: RecordTableModel[AppointmentEntry] = RecordTableModel([
            Column(self.tr("When"), lambda a: _at(a.starts_at)),
            Column(self.tr("Kind"), lambda a: labels.appointment_kind(a.kind)),
            Column(self.tr("Status"), lambda a: labels.status(a.status)),
            Column(self.tr("Unit"), lambda a: a.unit or "—"),
            Column(self.tr("Desk"), lambda a: "" if a.desk_no is None else str(a.desk_no), True),
            Column(self.tr("Consultant"), lambda a: a.consultant or "—"),
        ])
        self.materials: RecordTableModel[MaterialsEntry] = RecordTableModel([
            Column(self.tr("Made"), lambda m: _at(m.made_at)),
            Column(self.tr("Unit"), lambda m: m.unit or "—"),
            Column(self.tr("Consultant"), lambda m: m.consultant or "—"),
            Column(self.tr("Warnings"), lambda m: m.warnings, True),
        ])
        self.tasks: RecordTableModel[TaskEntry] = RecordTableModel([
            Column(self.tr("Due"), lambda t: t.due_on.isoformat()),
            Column(self.tr("Occasion"), lambda t: labels.care_event(t.event)),
            Column(self.tr("Status"), lambda t: labels.status(t.status)),
            Column(self.tr("Owner"), lambda t: t.owner or "—"),
            Column(self.tr("Outcome"), lambda t: t.outcome),
        ])
        self.score_cards: RecordTableModel[ScoreEntry] = RecordTableModel([
            Column(self.tr("Date"), lambda s: s.scored_on.isoformat()),
            Column(self.tr("Occasion"), lambda s: labels.occasion(s.occasion)),
            Column(self.tr("Score"), lambda s: f"{s.score100:.0f}", True,
                   lambda s: "#b3261e" if s.low else None),
            Column(self.tr("Consultant"), lambda s: s.consultant or "—"),
        ])
        self.complaints: RecordTableModel[ComplaintEntry] = RecordTableModel([
            Column(self.tr("Received"), lambda c: _at(c.received_at)),
            Column(self.tr("Channel"), lambda c: labels.channel(c.channel)),
            Column(self.tr("Status"), lambda c: labels.status(c.status)),
            Column(self.tr("Owner"), lambda c: c.owner or "—"),
            Column(self.tr("Summary"), lambda c: c.summary),
        ])
        self.attribution: RecordTableModel[AttributionEntry] = RecordTableModel([
            Column(self.tr("When"), lambda a: _at(a.at)),
            Column(self.tr("From"), lambda a: a.from_name or "—"),
            Column(self.tr("To"), lambda a: a.to_name),
            Column(self.tr("Reason"), lambda a: a.reason),
        ])
        ui = self.ui
        self._models: list[tuple[RecordTableModel[Any], QTableView]] = [
            (self.visits, ui.visitsView), (self.rounds, ui.roundsView),
            (self.subscriptions, ui.subscriptionsView), (self.appointments, ui.appointmentsView),
            (self.materials, ui.materialsView), (self.tasks, ui.tasksView),
            (self.score_cards, ui.scoreCardsView), (self.complaints, ui.complaintsView),
            (self.attribution, ui.attributionView),
        ]
        # The form's titles, before show_record adds the counts to them.
        self._titles = [self.tabText(i) for i in range(self.count())]
        self.views: dict[str, QTableView] = {}
        for i, (model, view) in enumerate(self._models):
            view.setModel(model)
            # Dates and names whole; the last column (summary, reason, outcome) takes the rest.
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            self.views[self._titles[i]] = view

    def show_record(self, record: CustomerRecord | None) -> None:
        parts: Sequence[tuple[RecordTableModel[Any], Sequence[Any]]] = [
            (self.visits, record.visits if record else ()),
            (self.rounds, record.rounds if record else ()),
            (self.subscriptions, record.subscriptions if record else ()),
            (self.appointments, record.appointments if record else ()),
            (self.materials, record.materials if record else ()),
            (self.tasks, record.tasks if record else ()),
            (self.score_cards, record.score_cards if record else ()),
            (self.complaints, record.complaints if record else ()),
            (self.attribution, record.attribution if record else ()),
        ]
        for i, (model, rows) in enumerate(parts):
            model.set_rows(rows)
            self.setTabText(i, f"{self._titles[i]} ({len(rows)})")
