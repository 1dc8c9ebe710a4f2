"""The project page: units and prices, the five certificates, adverse factors, the current
sunshine declaration and contract template, and printing the public notice board."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
)

from salesdesk.domain.project import FactorSide, UnitStatus
from salesdesk.services.project import (
    BuildingInfo,
    CertificateInfo,
    FactorInfo,
    ProjectOverview,
    UnitInfo,
)
from salesdesk.ui.context import UiContext
from salesdesk.ui.forms.ui_project_page import Ui_ProjectPage
from salesdesk.ui.labels import factor_category_label
from salesdesk.ui.pages.base import Page
from salesdesk.ui.printing import PdfOutput, print_button
from salesdesk.ui.table_model import Column, RecordTableModel
from salesdesk.ui.widgets import message_box, money, setup_record_table


class ProjectPage(Page):
    # A subscription (disclosure) or a pulled change (sync) may change a unit's status.
    areas = frozenset({"project", "disclosure", "sync"})

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        # The layout is forms/project_page.ui; what it does is here.
        self.ui = ui = Ui_ProjectPage()
        ui.setupUi(self)
        # Style names (style.py) replace the form's own names where the style needs them.
        for widget, style in ((ui.titleLabel, "pageTitle"), (ui.subtitleLabel, "hint"),
                              (ui.formError, "errorLabel"), (ui.buildingsTitle, "sectionTitle"),
                              (ui.unitsCount, "hint")):
            widget.setObjectName(style)
        self.title = ui.titleLabel
        self.subtitle = ui.subtitleLabel
        self.output = PdfOutput(ctx, self, self._said)
        self.print_button = print_button(self.tr("Print notice board…"), self.print_notice,
                                         self.save_notice_as)
        self.print_button.setObjectName("primary")
        ui.head.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        self.error = ui.formError
        self.error.setVisible(False)
        self.tabs = ui.tabs
        self.grid = ui.unitGrid
        self.sunshine_text = ui.sunshineText
        self.contract_text = ui.contractText
        self._build_overview()
        self._build_units()
        self._build_certificates()
        self._build_factors()
        self.overview: ProjectOverview | None = None

    # ---- the tables' columns (the form has the views) --------------------------------------

    def _build_overview(self) -> None:
        ui = self.ui
        self.card_for_sale = (ui.forSaleCard, ui.forSaleValue)
        self.card_sold = (ui.soldCard, ui.soldValue)
        self.card_withheld = (ui.withheldCard, ui.withheldValue)
        self.card_factors = (ui.factorsCard, ui.factorsValue)
        for frame, value in (self.card_for_sale, self.card_sold, self.card_withheld,
                             self.card_factors):
            frame.setObjectName("card")
            value.setObjectName("cardValue")
        for caption in (ui.forSaleCaption, ui.soldCaption, ui.withheldCaption,
                        ui.factorsCaption):
            caption.setObjectName("cardLabel")
        self.buildings_model: RecordTableModel[BuildingInfo] = RecordTableModel([
            Column(self.tr("Building"), lambda b: b.name),
            Column(self.tr("Floors"), lambda b: b.floors, align_right=True),
            Column(self.tr("Units"), lambda b: b.unit_count, align_right=True),
            Column(self.tr("Presale permit"),
                   lambda b: self.tr("Covered: may be sold") if b.sellable
                   else self.tr("Not covered: must not be sold"),
                   colour=lambda b: None if b.sellable else "#b42318"),
            Column(self.tr("Description"), lambda b: b.description),
        ])
        view = setup_record_table(ui.buildingsView, self.buildings_model)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)

    def _build_units(self) -> None:
        self.building_filter = self.ui.buildingFilter
        self.status_filter = self.ui.statusFilter
        self.status_filter.addItem(self.tr("All statuses"), "")
        labels = self._status_labels()  # once: the status column below is sized over every unit
        for status, label in labels.items():
            self.status_filter.addItem(label, status.value)
        self.units_count = self.ui.unitsCount
        self.units_model: RecordTableModel[UnitInfo] = RecordTableModel([
            Column(self.tr("Unit"), lambda u: u.number),
            Column(self.tr("Building"), lambda u: u.building_name),
            Column(self.tr("Floor"), lambda u: u.floor, align_right=True),
            Column(self.tr("Layout"), lambda u: u.layout),
            Column(self.tr("Orientation"), lambda u: u.orientation),
            Column(self.tr("Build area m²"), lambda u: f"{u.build_area:.2f}", align_right=True),
            Column(self.tr("Inner area m²"), lambda u: f"{u.inner_area:.2f}", align_right=True),
            Column(self.tr("Price per m²"), lambda u: money(u.unit_price), align_right=True),
            Column(self.tr("Total price"), lambda u: money(u.total_price), align_right=True),
            Column(self.tr("Status"), lambda u: labels[u.status],
                   colour=lambda u: None if u.sellable else "#b42318"),
        ])
        self.units_view = setup_record_table(self.ui.unitsView, self.units_model)
        self.units_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.building_filter.currentIndexChanged.connect(self._filter_units)
        self.status_filter.currentIndexChanged.connect(self._filter_units)
        self._all_units: list[UnitInfo] = []

    def _build_certificates(self) -> None:
        self.cert_model: RecordTableModel[CertificateInfo] = RecordTableModel([
            Column(self.tr("Certificate"), lambda c: c.label),
            Column(self.tr("Number"), lambda c: c.number),
            Column(self.tr("Issuer"), lambda c: c.issuer),
            Column(self.tr("Issued"), lambda c: c.issued_on.isoformat()),
            Column(self.tr("Valid until"), lambda c: c.valid_until.isoformat()
                   if c.valid_until else "—"),
            Column(self.tr("Scope"), lambda c: "、".join(sorted(c.building_names))),
        ])
        view = setup_record_table(self.ui.certificatesView, self.cert_model)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)

    def _build_factors(self) -> None:
        self.factor_model: RecordTableModel[FactorInfo] = RecordTableModel([
            Column(self.tr("Code"), lambda f: f.code),
            Column(self.tr("Red line"), lambda f: self.tr("Inside") if f.side is FactorSide.INSIDE
                   else self.tr("Outside")),
            Column(self.tr("Category"), lambda f: factor_category_label(f.category)),
            Column(self.tr("Factor"), lambda f: f.title),
            Column(self.tr("Direction / distance"), lambda f: f"{f.direction} "
                   + (f"{f.distance_m:g} m" if f.distance_m is not None else "")),
            Column(self.tr("Affects"), lambda f: f.scope_text),
            Column(self.tr("Contract annex"), lambda f: self.tr("Yes") if f.contract_annex else ""),
            Column(self.tr("Description"), lambda f: f.description),
        ])
        view = setup_record_table(self.ui.factorsView, self.factor_model)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _status_labels(self) -> dict[UnitStatus, str]:
        return {
            UnitStatus.AVAILABLE: self.tr("For sale"),
            UnitStatus.RESERVED: self.tr("Reserved"),
            UnitStatus.SUBSCRIBED: self.tr("Subscribed"),
            UnitStatus.SIGNED: self.tr("Signed"),
            UnitStatus.WITHHELD: self.tr("Not for sale"),
        }

    # ---- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        actor = self.ctx.require_actor()
        services = self.ctx.services

        def load() -> tuple[ProjectOverview, list[UnitInfo]]:
            return services.projects.overview(actor), services.projects.units(actor)

        self.ctx.runner.run(load, self._loaded, lambda e: self.report_error(e, self.error))

    def _loaded(self, result: tuple[ProjectOverview, list[UnitInfo]]) -> None:
        overview, units = result
        self.overview = overview
        self.error.setVisible(False)
        p = overview.project
        self.title.setText(p.name)
        self.subtitle.setText(self.tr("%1 · %2 · data version %3")
                              .replace("%1", p.developer).replace("%2", p.address)
                              .replace("%3", p.config_version))
        counts = overview.unit_counts
        self.card_for_sale[1].setText(str(counts.get(UnitStatus.AVAILABLE.value, 0)))
        self.card_sold[1].setText(str(counts.get(UnitStatus.SUBSCRIBED.value, 0)
                                      + counts.get(UnitStatus.SIGNED.value, 0)))
        self.card_withheld[1].setText(str(sum(1 for u in units if not u.sellable)))
        self.card_factors[1].setText(str(len(overview.factors)))
        self.buildings_model.set_rows(overview.buildings)
        self.cert_model.set_rows(overview.certificates)
        self.factor_model.set_rows(overview.factors)
        self.sunshine_text.setPlainText(
            f"{overview.sunshine.title}（{overview.sunshine.version}）\n\n{overview.sunshine.text}"
            if overview.sunshine else "")
        self.contract_text.setPlainText(
            f"{overview.contract.title}（{overview.contract.version}）\n\n{overview.contract.text}"
            if overview.contract else "")
        current = self.building_filter.currentData()
        self.building_filter.blockSignals(True)
        self.building_filter.clear()
        self.building_filter.addItem(self.tr("All buildings"), "")
        for b in overview.buildings:
            self.building_filter.addItem(b.name, b.id)
        index = self.building_filter.findData(current) if current else 0
        self.building_filter.setCurrentIndex(max(0, index))
        self.building_filter.blockSignals(False)
        self._all_units = units
        self.grid.set_units(units)
        self._filter_units()

    def _filter_units(self) -> None:
        building = self.building_filter.currentData() or ""
        status = self.status_filter.currentData() or ""
        rows = [u for u in self._all_units
                if (not building or u.building_id == building)
                and (not status or u.status.value == status)]
        self.units_model.set_rows(rows)
        self.units_count.setText(self.tr("%1 unit(s)").replace("%1", str(len(rows))))

    # ---- printing -----------------------------------------------------------------------

    def _notice_maker(self) -> Callable[[Path], Path]:
        actor = self.ctx.require_actor()
        notice = self.ctx.services.notice
        return lambda out: notice.print_notice(actor, out)

    def print_notice(self) -> None:
        """The notice board through the print dialog (a printer, or a PDF file)."""
        self.output.print_pdf(self._notice_maker(), self.tr("Notice board"))

    def save_notice_as(self) -> None:
        self.output.save_pdf(self._notice_maker(), "notice.pdf")

    def save_notice(self, out: Path) -> None:
        self.print_button.setEnabled(False)
        self.output.save_pdf_to(self._notice_maker(), out)

    def _said(self, text: str, error: bool) -> None:
        self.print_button.setEnabled(True)
        if error:
            self.error.setText(text)
            self.error.setVisible(True)
        else:
            self.error.setVisible(False)
            message_box(self, text)
