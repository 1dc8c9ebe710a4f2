"""The audit page's "Exports" tab: every file with customer data that left the application
(printed, saved, exported) — who, when, what, in which format and how many customers."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.services.audit import AuditEntry, export_count
from salesdesk.ui.context import UiContext
from salesdesk.ui.table_model import Column, RecordTableModel
from salesdesk.ui.widgets import error_label


class ExportsTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportsTab")
        self.ctx = ctx
        self._names: dict[str, str] = {}
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        hint = QLabel(self.tr("Every PDF or CSV with customer data that left this computer."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.refresh_button)
        layout.addLayout(row)
        self.error = error_label()
        layout.addWidget(self.error)
        self.model: RecordTableModel[AuditEntry] = RecordTableModel([
            Column(self.tr("When"), lambda e: e.at.astimezone(PROJECT_TZ)
                   .strftime("%Y-%m-%d %H:%M")),
            Column(self.tr("Who"), lambda e: self._names.get(e.staff_id or "", "—")),
            Column(self.tr("What"), lambda e: self._what(e.entity)),
            Column(self.tr("Format"), lambda e: e.detail.split(" ")[0].upper()),
            Column(self.tr("Customers"), lambda e: export_count(e.detail), True),
        ])
        self.view = QTableView()
        self.view.setObjectName("exportsTable")
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)

    def _what(self, entity: str) -> str:
        labels = {
            "customer_data": self.tr("One customer's data (at their request)"),
            "satisfaction_report": self.tr("Satisfaction report"),
            "disclosure_report": self.tr("Disclosure audit report"),
            "feedback_form": self.tr("On-site feedback form"),
            "feedback_form_draft": self.tr("On-site feedback form (blank draft)"),
            "signing_checklist": self.tr("Signing checklist"),
            "signing_mortgage": self.tr("Mortgage materials list"),
            "signing_flow": self.tr("Signing flow sheet"),
            "signing_checklist_batch": self.tr("Signing checklists of a day"),
            "appointment_ics": self.tr("Appointment for a calendar (.ics)"),
        }
        return labels.get(entity, entity)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        actor = self.ctx.require_actor()
        services = self.ctx.services

        def load() -> tuple[list[AuditEntry], dict[str, str]]:
            entries = services.audit.exports(actor)
            names = {s.id: s.name for s in services.auth.signin_list()}
            return entries, names

        self.error.setVisible(False)
        self.ctx.runner.run(load, self._loaded, self._failed, owner=self)

    def _loaded(self, result: tuple[list[AuditEntry], dict[str, str]]) -> None:
        entries, self._names = result
        self.model.set_rows(entries)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.setVisible(True)
