"""The Customers page (客户档案): find a customer by phone (whole or last four), name or ticket;
see their record; act on it — a disclosure round, the materials checklist or a signing slot
with the customer (and unit) carried over, another number, a new owner with the reason, an
export for the customer (printed, or saved as PDF or as the data itself), an erasure.

The layout is forms/customers_page.ui; this module wires it and fills it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QPushButton, QWidget

from salesdesk.domain.roles import Permission, Role
from salesdesk.services.customers import CustomerInfo
from salesdesk.services.customers.results import CustomerRecord
from salesdesk.ui.context import UiContext
from salesdesk.ui.customers import labels
from salesdesk.ui.customers.dialogs import AddPhoneDialog, EraseDialog, ReassignDialog
from salesdesk.ui.forms.ui_customers_page import Ui_CustomersPage
from salesdesk.ui.ops import Area
from salesdesk.ui.pages.base import Page
from salesdesk.ui.printing import PdfOutput, print_button
from salesdesk.ui.widgets import message_box


class CustomersPage(Page):
    areas: frozenset[Area] = frozenset({"customers", "reception", "disclosure", "signing",
                                        "appointments", "care"})
    # Another page to open for this customer: (page name, customer id, phone, unit id).
    carry = Signal(str, str, str, str)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.setObjectName("customersPage")
        self.record: CustomerRecord | None = None
        self._dialog: QWidget | None = None
        actor = ctx.require_actor()
        self.ui = Ui_CustomersPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.setObjectName("customersPage")
        # The stylesheet's classes (uic needs a unique name per widget; several share a class).
        for widget, style in ((ui.titleLabel, "pageTitle"), (ui.findButton, "primary"),
                              (ui.searchError, "errorLabel"), (ui.noteLabel, "hint"),
                              (ui.eraseButton, "danger")):
            widget.setObjectName(style)
        self.search, self.find_button, self.error = ui.customerSearch, ui.findButton, ui.searchError
        self.results, self.header, self.note = ui.customerResults, ui.customerHeader, ui.noteLabel
        self.tabs = ui.recordTabs
        self.error.setVisible(False)
        self.note.setVisible(False)
        self.search.returnPressed.connect(self.find_customers)
        self.find_button.clicked.connect(self.find_customers)
        self.results.currentItemChanged.connect(self._chosen)

        self.round_button = self._button(ui.roundButton, "disclosure",
                                         actor.can(Permission.RECORD_DISCLOSURE))
        self.materials_button = self._button(ui.materialsButton, "signing",
                                             actor.can(Permission.PRINT_CHECKLIST))
        self.signing_button = self._button(ui.signingButton, "appointments",
                                           actor.can(Permission.BOOK_SIGNING))
        self.phone_button = ui.phoneButton
        self.phone_button.clicked.connect(self.add_phone)
        self.phone_button.setVisible(actor.can(Permission.RECEIVE_CUSTOMER)
                                     or actor.can(Permission.MANAGE_ROTATION))
        self.owner_button = ui.ownerButton
        self.owner_button.clicked.connect(self.reassign)
        self.owner_button.setVisible(actor.can(Permission.MANAGE_ROTATION))
        # The shared print helper makes this button (print first, saving on its arrow), so it
        # fills the cell the form leaves it between "Change the owner" and the erasure.
        self.output = PdfOutput(ctx, self, self._said)
        self.export_button = print_button(self.tr("Export for the customer"),
                                          self.print_summary, self.save_summary)
        export_data = QAction(self.tr("Export all the data (JSON and PDF)…"), self.export_button)
        export_data.triggered.connect(self.export)
        self.export_button.menu().addAction(export_data)
        # Placed before it is made visible: shown while still without a parent, it opened as a
        # window of its own for a moment and took the activation from the main window.
        ui.actionsGrid.addWidget(self.export_button, 1, 2)
        self.export_button.setVisible(actor.can(Permission.RECORD_SUBSCRIPTION)
                                      or actor.role is Role.ADMIN)
        self.erase_button = ui.eraseButton
        self.erase_button.clicked.connect(self.erase)
        self.erase_button.setVisible(actor.can(Permission.ERASE_CUSTOMER_DATA))
        self.setFocusProxy(self.search)
        self._update_actions()

    def _button(self, button: QPushButton, target: str, allowed: bool) -> QPushButton:
        button.setVisible(allowed)
        button.clicked.connect(lambda: self._carry(target))
        return button

    # --- finding ---------------------------------------------------------------------------

    def find_customers(self) -> None:
        actor, text = self.ctx.require_actor(), self.search.text()
        self.error.setVisible(False)
        service = self.ctx.services.customer_record
        self.ctx.runner.run(lambda: service.search(actor, text), self._found,
                            lambda e: self.report_error(e, self.error), owner=self)

    def _found(self, found: list[CustomerInfo]) -> None:
        self.results.blockSignals(True)
        self.results.clear()
        for c in found:
            item = QListWidgetItem(f"{c.name or c.display_name}\n{c.masked_phone}")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.results.addItem(item)
        self.results.blockSignals(False)
        if not found:
            self.error.setText(self.tr("No customer found. New customers are registered at "
                                       "reception."))
            self.error.setVisible(True)
            self.show_record(None)
            return
        self.results.setCurrentRow(0)

    def _chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.open_record(str(item.data(Qt.ItemDataRole.UserRole)))

    def open_record(self, customer_id: str, *, log_view: bool = True) -> None:
        actor = self.ctx.require_actor()
        service = self.ctx.services.customer_record
        self.ctx.runner.run(lambda: service.record(actor, customer_id, log_view=log_view),
                            self.show_record, lambda e: self.report_error(e, self.error),
                            owner=self)

    def refresh(self) -> None:
        # Shown again or something changed elsewhere: the open record is read again (not
        # logged as a new viewing: nobody opened anything).
        if self.record is not None and self.isVisible():
            self.open_record(self.record.info.id, log_view=False)

    # --- showing ---------------------------------------------------------------------------

    def show_record(self, record: CustomerRecord | None) -> None:
        self.record = record
        self.tabs.show_record(record)
        self._update_actions()
        if record is None:
            self.header.setText(self.tr("Find a customer to see their record."))
            self.note.setVisible(False)
            return
        info = record.info
        phones = "  ".join(f"{p.masked} ({labels.phone_label(p.label)})" for p in info.phones)
        owner = record.owner or self.tr("nobody yet")
        backup = self.tr(" · backup %1").replace("%1", record.backup) if record.backup else ""
        owner_line = self.tr("Owner: %1").replace("%1", owner)
        self.header.setText(f"<b>{info.name or info.display_name}</b>"
                            f"{'  ' + info.salutation if info.salutation else ''}<br>{phones}"
                            f"<br>{owner_line}{backup}")
        notes = []
        actor = self.ctx.require_actor()
        if actor.role in (Role.CONSULTANT, Role.SENIOR_CONSULTANT) and info.owner_staff_id \
                and info.owner_staff_id != actor.staff_id:
            notes.append(self.tr("This is %1's customer, not yours.").replace("%1",
                                                                               record.owner))
        if info.erased:
            notes.append(self.tr("Personal data erased: only a pseudonym is kept."))
        elif info.restricted:
            notes.append(self.tr("Processing restricted: no messages, hidden from search."))
        if info.consent_withdrawn:
            notes.append(self.tr("Consent withdrawn: no messages are sent."))
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))

    def _update_actions(self) -> None:
        live = self.record is not None and not self.record.info.erased
        for b in (self.round_button, self.materials_button, self.signing_button,
                  self.phone_button, self.owner_button, self.export_button, self.erase_button):
            b.setEnabled(live)

    # --- acting ----------------------------------------------------------------------------

    def _phone(self) -> str:
        assert self.record is not None
        phones = self.record.info.phones
        own = next((p for p in phones if p.label == "self"), phones[0] if phones else None)
        return own.e164 if own else ""

    def _carry(self, target: str) -> None:
        if self.record is None:
            return
        self.carry.emit(target, self.record.info.id, self._phone(),
                        self.record.open_unit_id or "")

    def _open(self, dialog: QWidget) -> None:
        dialog.accepted.connect(self._changed)  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]
        self._dialog = dialog

    def _changed(self) -> None:
        if self.record is not None:
            self.open_record(self.record.info.id, log_view=False)

    def add_phone(self) -> None:
        if self.record is not None:
            self._open(AddPhoneDialog(self.ctx, self.record.info.id, self))

    def reassign(self) -> None:
        if self.record is not None:
            self._open(ReassignDialog(self.ctx, self.record.info.id,
                                      self.record.info.owner_staff_id, self))

    def erase(self) -> None:
        if self.record is not None:
            dialog = EraseDialog(self.ctx, self.record.info.id, self)
            dialog.accepted.connect(lambda: self._erased(dialog.result_value))
            self._open(dialog)

    def _erased(self, result: object) -> None:
        reason = getattr(result, "reason", "")
        if reason:  # refused while a sale is open: restricted instead, and why
            message_box(self, self.tr("Not erased: %1. Processing is restricted instead.")
                        .replace("%1", reason))

    def export(self) -> None:
        if self.record is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the customer's data"),
            str(Path.home() / "customer-export.json"), "JSON (*.json)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Writes the customer's data (JSON and a PDF summary beside it); logged."""
        assert self.record is not None
        actor, cid = self.ctx.require_actor(), self.record.info.id
        rights = self.ctx.services.customer_rights
        self.ctx.runner.run(
            lambda: rights.export(actor, cid, path),
            lambda r: message_box(self, self.tr("Saved %1 and its PDF summary.")
                                  .replace("%1", str(r.json_path))),
            lambda e: self.report_error(e, self.error), owner=self)


    # --- the PDF summary: printed, or saved where the user says --------------------------

    def _summary_maker(self) -> Callable[[Path], Path]:
        assert self.record is not None
        actor, cid = self.ctx.require_actor(), self.record.info.id
        rights = self.ctx.services.customer_rights

        def make(out: Path) -> Path:
            # The export writes the data file and its summary; paper and a PDF take only the
            # summary, so the full data (unmasked) is not left beside it.
            result = rights.export(actor, cid, out.with_suffix(".json"))
            result.json_path.unlink(missing_ok=True)
            return result.pdf_path

        return make

    def print_summary(self) -> None:
        if self.record is not None and not self.output.busy:
            self.output.print_pdf(self._summary_maker(), self.tr("Customer summary"))

    def save_summary(self) -> None:
        if self.record is not None and not self.output.busy:
            self.output.save_pdf(self._summary_maker(), "customer-summary.pdf")

    def _said(self, text: str, is_error: bool) -> None:
        message_box(self, text, error=is_error)
