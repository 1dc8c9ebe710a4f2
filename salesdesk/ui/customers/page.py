"""The Customers page (客户档案): find a customer by phone (whole or last four), name or ticket;
see their record; act on it — a disclosure round, the materials checklist or a signing slot
with the customer (and unit) carried over, another number, a new owner with the reason, an
export for the customer, an erasure."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.roles import Permission, Role
from salesdesk.services.customers import CustomerInfo
from salesdesk.services.customers.results import CustomerRecord
from salesdesk.ui.context import UiContext
from salesdesk.ui.customers import labels
from salesdesk.ui.customers.dialogs import AddPhoneDialog, EraseDialog, ReassignDialog
from salesdesk.ui.customers.record_view import RecordTabs
from salesdesk.ui.ops import Area
from salesdesk.ui.pages.base import Page
from salesdesk.ui.widgets import error_label, message_box, page_title


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
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Customers")))

        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setPlaceholderText(self.tr("Mobile number, its last 4 digits, a name or "
                                               "a ticket (A031)"))
        self.search.returnPressed.connect(self.find_customers)
        self.find_button = QPushButton(self.tr("Find"))
        self.find_button.setObjectName("primary")
        self.find_button.clicked.connect(self.find_customers)
        row.addWidget(self.search, 1)
        row.addWidget(self.find_button)
        layout.addLayout(row)
        self.error = error_label()
        layout.addWidget(self.error)

        body = QHBoxLayout()
        self.results = QListWidget()
        self.results.setObjectName("customerResults")
        self.results.setFixedWidth(200)
        self.results.currentItemChanged.connect(self._chosen)
        body.addWidget(self.results)
        right = QVBoxLayout()
        self.header = QLabel(self.tr("Find a customer to see their record."))
        self.header.setObjectName("customerHeader")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        right.addWidget(self.header)
        right.addWidget(self.note)

        actions = QGridLayout()
        self.round_button = self._button(self.tr("Disclosure round"), "disclosure",
                                         actor.can(Permission.RECORD_DISCLOSURE))
        self.materials_button = self._button(self.tr("Materials checklist"), "signing",
                                             actor.can(Permission.PRINT_CHECKLIST))
        self.signing_button = self._button(self.tr("Book a signing slot"), "appointments",
                                           actor.can(Permission.BOOK_SIGNING))
        self.phone_button = QPushButton(self.tr("Add a number"))
        self.phone_button.clicked.connect(self.add_phone)
        self.phone_button.setVisible(actor.can(Permission.RECEIVE_CUSTOMER)
                                     or actor.can(Permission.MANAGE_ROTATION))
        self.owner_button = QPushButton(self.tr("Change the owner"))
        self.owner_button.clicked.connect(self.reassign)
        self.owner_button.setVisible(actor.can(Permission.MANAGE_ROTATION))
        self.export_button = QPushButton(self.tr("Export for the customer"))
        self.export_button.clicked.connect(self.export)
        self.export_button.setVisible(actor.can(Permission.RECORD_SUBSCRIPTION)
                                      or actor.role is Role.ADMIN)
        self.erase_button = QPushButton(self.tr("Erase personal data"))
        self.erase_button.setObjectName("danger")
        self.erase_button.clicked.connect(self.erase)
        self.erase_button.setVisible(actor.can(Permission.ERASE_CUSTOMER_DATA))
        for i, b in enumerate((self.round_button, self.materials_button, self.signing_button)):
            actions.addWidget(b, 0, i)
        for i, b in enumerate((self.phone_button, self.owner_button, self.export_button,
                               self.erase_button)):
            actions.addWidget(b, 1, i)
        right.addLayout(actions)
        self.tabs = RecordTabs()
        right.addWidget(self.tabs, 1)
        body.addLayout(right, 1)
        layout.addLayout(body, 1)
        self.setFocusProxy(self.search)
        self._update_actions()

    def _button(self, text: str, target: str, allowed: bool) -> QPushButton:
        button = QPushButton(text)
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

