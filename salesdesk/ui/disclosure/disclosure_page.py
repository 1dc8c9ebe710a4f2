"""The disclosure page: find the customer by phone, pick the unit, walk through the itemised
checklist ticking what was explained, let the customer sign, save the round to the ledger, print
the feedback form, copy the courtesy message; the subscription dialog sits behind the gate."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem

from salesdesk.domain.disclosure import (
    ChecklistItem,
    ItemKind,
    RoundKind,
)
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.domain.roles import Permission, Role
from salesdesk.services.customers import CustomerInfo
from salesdesk.services.disclosure import (
    ChecklistView,
    CustomerOwner,
    RoundRecord,
    RoundSummary,
)
from salesdesk.services.project import UnitInfo
from salesdesk.ui.context import UiContext
from salesdesk.ui.disclosure.labels import round_kind_label
from salesdesk.ui.forms.ui_disclosure_page import Ui_DisclosurePageForm
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.pages.base import Page
from salesdesk.ui.printing import PdfOutput, print_button


def _kind_label(kind: ItemKind) -> str:
    labels = {
        ItemKind.SUNSHINE: QCoreApplication.translate("DisclosurePage", "Sunshine declaration"),
        ItemKind.CERTIFICATE: QCoreApplication.translate("DisclosurePage", "Certificate"),
        ItemKind.CONTRACT: QCoreApplication.translate("DisclosurePage", "Contract template"),
        ItemKind.FACTOR: QCoreApplication.translate("DisclosurePage", "Adverse factor"),
    }
    return labels.get(kind, str(kind))


def _reference(item: ChecklistItem) -> str:
    """What identifies the version the customer was shown: a certificate's or the contract
    template's own number, else the document's version."""
    if item.kind in (ItemKind.CERTIFICATE, ItemKind.CONTRACT):
        return item.version
    return QCoreApplication.translate("DisclosurePage", "Version %1").replace("%1", item.version)


def _round_label(kind: RoundKind) -> str:
    labels = {
        RoundKind.RECEPTION: QCoreApplication.translate("DisclosurePage", "During reception"),
        RoundKind.PRE_DEPOSIT: QCoreApplication.translate("DisclosurePage", "Before the deposit"),
        RoundKind.RE_COVER: QCoreApplication.translate("DisclosurePage", "Re-cover (follow-up)"),
    }
    return labels.get(kind, str(kind))


def local(at: datetime) -> str:
    return at.astimezone(PROJECT_TZ).strftime("%m-%d %H:%M")


class DisclosurePage(Page):
    areas = frozenset({"disclosure", "customers", "project"})

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.view: ChecklistView | None = None
        self.saved: RoundRecord | None = None
        self.customer: CustomerInfo | None = None
        self.owner: CustomerOwner | None = None
        self._units: list[UnitInfo] = []
        self._ticks: dict[str, datetime] = {}
        self._started: datetime | None = None
        self._filling = False
        self._supersedes = ""
        self._dirty = False  # something changed since the last save: no double-saved rounds

        # The layout is forms/disclosure_page.ui; what it does is here.
        self.ui = ui = Ui_DisclosurePageForm()
        ui.setupUi(self)
        self.setObjectName("disclosurePage")
        # Style names (style.py) replace the form's own names where the style needs them.
        for widget, style in ((ui.titleLabel, "pageTitle"), (ui.phoneEdit, "bigInput"),
                              (ui.errorLabel, "errorLabel"), (ui.problemBanner, "badgeRed"),
                              (ui.summaryLabel, "sectionTitle"), (ui.checklistTable, "checklist"),
                              (ui.explainLabel, "itemDetail"), (ui.historyTitle, "hint"),
                              (ui.historyTable, "rounds"), (ui.messageTitle, "hint"),
                              (ui.messageEdit, "courtesyMessage"), (ui.rightCard, "card"),
                              (ui.signatureTitle, "sectionTitle"), (ui.pad, "signaturePad"),
                              (ui.saveButton, "primary"), (ui.savedLabel, "okLabel"),
                              (ui.printStatus, "hint")):
            widget.setObjectName(style)
        self.phone = ui.phoneEdit
        self.find_button = ui.findButton
        self.customer_box = ui.customerBox
        self.unit_box = ui.unitPicker
        self.kind_box = ui.kindBox
        self.error = ui.errorLabel
        self.owner_banner = ui.ownerBanner
        self.banner = ui.problemBanner
        self.summary = ui.summaryLabel
        self.table = ui.checklistTable
        self.explain = ui.explainLabel
        self.history = ui.historyTable
        self.message = ui.messageEdit
        self.copy_button = ui.copyButton
        self.pad = ui.pad
        self.clear_button = ui.clearButton
        self.paper = ui.paperCheck
        self.correct_button = ui.correctButton
        self.reason = ui.reasonEdit
        self.save_button = ui.saveButton
        self.saved_label = ui.savedLabel
        self.collected_button = ui.collectedButton
        self.subscribe_button = ui.subscribeButton
        self.print_status = ui.printStatus
        for label in (self.error, self.owner_banner, self.banner, self.saved_label,
                      self.print_status):
            label.setVisible(False)
        self.reason.setVisible(False)

        self.phone.returnPressed.connect(self.find_customer)
        self.find_button.clicked.connect(self.find_customer)
        self.customer_box.currentIndexChanged.connect(self._customer_chosen)
        self.unit_box.unit_changed.connect(lambda _uid: self.load_checklist())
        for kind in RoundKind:
            self.kind_box.addItem(_round_label(kind), kind.value)

        # The screen the customer reads: one line per item, and the selected item's whole
        # explanation in its own pane below (a narrow column cut it off at 1366 px).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(3, 230)
        self.table.itemChanged.connect(self._item_changed)
        self.table.cellClicked.connect(self._cell_clicked)
        self.table.currentCellChanged.connect(lambda row, *_: self._explain(row))
        self.history.itemSelectionChanged.connect(self._update_buttons)
        # The courtesy message (after the visit) sits under the rounds, on the left: under the
        # signature it pushed the save and print buttons below a 768-px laptop screen.
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.message.toPlainText()))

        self.clear_button.clicked.connect(self.pad.clear)
        self.correct_button.clicked.connect(self._start_correction)
        self.save_button.clicked.connect(self.save_round)
        self.output = PdfOutput(ctx, self, self._say)
        # Before the round: a blank draft the customer ticks and signs by hand.
        self.blank_button = print_button(self.tr("Print blank form…"), self.print_blank_form,
                                         self._save_blank_form)
        self.blank_button.setToolTip(self.tr("The feedback form with every box blank, to tick, "
                                             "sign and date on paper before the round is saved"))
        ui.paperRow.insertWidget(0, self.blank_button)
        self.collected_button.clicked.connect(self.record_paper_collected)
        self.print_button = print_button(self.tr("Print feedback form…"), self._print_form,
                                         self._save_form)
        self.print_button.setToolTip(self.tr("Prints the round selected in the list, or the one "
                                             "just saved"))
        self.print_button.setEnabled(False)
        ui.printRow.insertWidget(0, self.print_button)
        self.subscribe_button.setEnabled(False)
        self.subscribe_button.clicked.connect(self._open_subscription)
        self.subscribe_button.setVisible(ctx.actor is None
                                         or ctx.actor.can(Permission.RECORD_SUBSCRIPTION))
        self.pad.changed.connect(self._touched)
        self.paper.toggled.connect(self._touched)
        self.kind_box.currentIndexChanged.connect(self._touched)
        self._update_buttons()

    def _touched(self, *_args: object) -> None:
        self._dirty = True
        self._update_buttons()

    # ---- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        # The units every time: the status beside the picked unit ("已认购") stays true after a
        # subscription or a sync.
        actor = self.ctx.require_actor()
        self.ctx.runner.run(lambda: self.ctx.services.projects.units(actor),
                            self._units_loaded, self._failed)
        if self._units and self.view is not None:
            self.load_checklist()

    def _units_loaded(self, units: list[UnitInfo]) -> None:
        self._units = units
        self.unit_box.set_units(units)

    def open_customer(self, customer_id: str, phone: str, unit_id: str) -> None:
        """Opened from the customer record: that customer, and their unit when they have one."""
        self.phone.setText(phone)
        if unit_id:  # before the units are loaded, the picker keeps it for them
            self.select_unit(unit_id)
        self.find_customer()

    def find_customer(self) -> None:
        actor = self.ctx.require_actor()
        text = self.phone.text().strip()
        self.error.setVisible(False)
        customers = self.ctx.services.customers

        def work() -> list[CustomerInfo]:
            if len(text) == 4 and text.isdigit():
                return customers.search_last4(actor, text)
            found = customers.find_by_phone(actor, text)
            return [found] if found else []

        self.ctx.runner.run(work, self._customers_found, self._failed)

    def _customers_found(self, found: list[CustomerInfo]) -> None:
        self.customer_box.blockSignals(True)
        self.customer_box.clear()
        for c in found:
            self.customer_box.addItem(f"{c.name or c.display_name}  {c.masked_phone}", c)
        self.customer_box.blockSignals(False)
        if not found:
            self.error.setText(self.tr("No registered customer with this number. Register the "
                                       "customer at reception first."))
            self.error.setVisible(True)
            self.customer = None
            self._show_owner(None)
            self._clear_checklist()
            return
        self.customer_box.setCurrentIndex(0)
        self._customer_chosen(0)

    def _customer_chosen(self, index: int) -> None:
        data = self.customer_box.itemData(index) if index >= 0 else None
        self.customer = data if isinstance(data, CustomerInfo) else None
        self._show_owner(None)  # never the previous customer's owner, even for a moment
        if self.customer is not None and not self.unit_box.unit_id:
            # No unit yet: whose customer this is shows now; a checklist brings it along.
            actor = self.ctx.require_actor()
            cid = self.customer.id
            self.ctx.runner.run(lambda: self.ctx.services.disclosure.owner(actor, cid),
                                self._show_owner, self._failed)
        elif self.customer is None:
            self._show_owner(None)
        self.load_checklist()

    def _show_owner(self, owner: CustomerOwner | None) -> None:
        """A round for a colleague's customer (判客: the first consultant keeps them) is warned
        about in the page; a supervisor sees whose customer it is, as information."""
        if owner is not None and (self.customer is None or owner.customer_id != self.customer.id):
            return  # an answer for a customer no longer on the page
        self.owner = owner
        actor = self.ctx.require_actor()
        if owner is None or not owner.staff_id or owner.staff_id == actor.staff_id:
            self.owner_banner.setVisible(False)
            return
        name = owner.name or "—"
        if actor.role in (Role.CONSULTANT, Role.SENIOR_CONSULTANT):
            self.owner_banner.setObjectName("badge")
            self.owner_banner.setText(self.tr(
                "This is %1's customer, not yours: agree with %1 before recording a round.")
                .replace("%1", name))
        else:
            self.owner_banner.setObjectName("hint")
            self.owner_banner.setText(self.tr("%1's customer.").replace("%1", name))
        # The style sheet matches on the name: re-polish for the new colours.
        self.owner_banner.style().unpolish(self.owner_banner)
        self.owner_banner.style().polish(self.owner_banner)
        self.owner_banner.setVisible(True)

    def select_unit(self, unit_id: str) -> None:
        self.unit_box.select(unit_id)

    def load_checklist(self) -> None:
        unit_id = self.unit_box.unit_id
        if self.customer is None or not unit_id:
            self._clear_checklist()
            return
        actor = self.ctx.require_actor()
        cid = self.customer.id
        self.ctx.runner.run(lambda: self.ctx.services.disclosure.checklist(actor, cid, unit_id),
                            self._checklist_loaded, self._failed)

    def _checklist_loaded(self, view: ChecklistView) -> None:
        same = (self.view is not None and self.view.customer.id == view.customer.id
                and self.view.unit_id == view.unit_id
                and self.view.checklist_hash == view.checklist_hash)
        self.view = view
        self._show_owner(view.owner)
        if not same:
            self._ticks = {}
            self._started = self.ctx.services.db.now()
            self.saved = None
            self.pad.clear()
            self.paper.setChecked(False)
            self._dirty = True
        self._fill_table()
        self._fill_history(view.rounds)
        problems = list(view.problems)
        if not view.sellable:
            problems.insert(0, self.tr("Unit %1 is outside every presale permit: it may be "
                                       "explained but not sold.").replace("%1", view.unit_number))
        self.banner.setText("\n".join(problems))
        self.banner.setVisible(bool(problems))
        self._update_buttons()

    def _explain(self, row: int) -> None:
        """The item's whole explanation, where the customer reads it."""
        if self.view is None or not 0 <= row < len(self.view.items):
            self.explain.setText("")
            return
        item = self.view.items[row]
        self.explain.setText(f"{item.title}（{_reference(item)}）"
                             + (f"\n{item.detail}" if item.detail else ""))

    def _clear_checklist(self) -> None:
        self.view = None
        self.explain.setText("")
        self.table.setRowCount(0)
        self.history.setRowCount(0)
        self.banner.setVisible(False)
        self._update_buttons()

    def _fill_table(self) -> None:
        assert self.view is not None
        self._filling = True
        self.table.setRowCount(len(self.view.items))
        for r, item in enumerate(self.view.items):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            tick.setCheckState(Qt.CheckState.Checked if item.code in self._ticks
                               else Qt.CheckState.Unchecked)
            tick.setData(Qt.ItemDataRole.UserRole, item.code)
            tick.setText(local(self._ticks[item.code])[6:] if item.code in self._ticks else "")
            self.table.setItem(r, 0, tick)
            for c, text in enumerate((_kind_label(item.kind), item.title, _reference(item)),
                                     start=1):
                cell = QTableWidgetItem(text)
                cell.setToolTip(item.detail or text)
                self.table.setItem(r, c, cell)
        self.table.resizeRowsToContents()
        self._explain(max(self.table.currentRow(), 0))
        self._filling = False
        self._update_summary()

    def _fill_history(self, rounds: tuple[RoundSummary, ...]) -> None:
        self.history.setRowCount(len(rounds))
        for r, s in enumerate(rounds):
            note = s.reason
            if s.superseded:
                note = self.tr("Superseded by a correction") + (f"：{note}" if note else "")
            paper = self.tr("Collected") if s.paper_collected else ""
            values = (local(s.recorded_at), round_kind_label(s.record_type, s.round_kind),
                      s.consultant_name, f"{s.n_covered}/{s.n_items}", paper, note)
            for c, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, s.id)
                if not s.complete and c == 3:
                    cell.setForeground(Qt.GlobalColor.darkRed)
                self.history.setItem(r, c, cell)
        self.history.resizeColumnsToContents()

    # ---- ticking -------------------------------------------------------------------------

    def _cell_clicked(self, row: int, column: int) -> None:
        # A tap anywhere on the row ticks it: big targets on a tablet.
        if column != 0:
            item = self.table.item(row, 0)
            if item is not None:
                checked = item.checkState() == Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 0:
            return
        code = str(item.data(Qt.ItemDataRole.UserRole))
        self._filling = True
        if item.checkState() == Qt.CheckState.Checked:
            self._ticks[code] = self.ctx.services.db.now()
            item.setText(local(self._ticks[code])[6:])
        else:
            self._ticks.pop(code, None)
            item.setText("")
        self._filling = False
        self._dirty = True
        self._update_summary()

    def set_ticked(self, code: str, ticked: bool) -> None:
        """Tick one item as the consultant would (also used by tests)."""
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == code:
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def _update_summary(self) -> None:
        if self.view is None:
            return
        total = len(self.view.items)
        told = sum(1 for i in self.view.items if i.code in self._ticks)
        self.summary.setText(self.tr("%1 · %2 — told %3 of %4 items").replace(
            "%1", self.view.customer.label).replace("%2", self.view.unit_number)
            .replace("%3", str(told)).replace("%4", str(total)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.view is not None and bool(self.view.items)
        self.save_button.setEnabled(ready and self._dirty)
        self.correct_button.setEnabled(ready and self.history.rowCount() > 0)
        self.print_button.setEnabled(self.saved is not None or self.history.rowCount() > 0)
        self.blank_button.setEnabled(ready and self.customer is not None)
        target = self._target_round()
        self.collected_button.setEnabled(target is not None and not target.paper_collected)
        self.subscribe_button.setEnabled(self.view is not None and self.view.sellable)

    # ---- saving --------------------------------------------------------------------------

    def _start_correction(self) -> None:
        row = self.history.currentRow()
        cell = self.history.item(row, 0) if row >= 0 else None
        if cell is None:
            self.error.setText(self.tr("Select the round to correct in the list first."))
            self.error.setVisible(True)
            return
        self._supersedes = str(cell.data(Qt.ItemDataRole.UserRole))
        self.reason.setVisible(True)
        self.reason.setFocus()

    def save_round(self) -> None:
        if self.view is None or self.customer is None:
            return
        # A unit typed but not yet taken: refused under the field, or (when it names another
        # unit) that unit's checklist loads instead of saving this one's.
        if not self.unit_box.resolve() or self.unit_box.unit_id != self.view.unit_id:
            return
        actor = self.ctx.require_actor()
        view = self.view
        ticks = dict(self._ticks)
        png = None if self.pad.is_empty() else self.pad.to_png()
        paper = self.paper.isChecked()
        kind = RoundKind(self.kind_box.currentData())
        started = self._started
        supersedes = self._supersedes if self.reason.isVisible() else ""
        reason = self.reason.text() if supersedes else ""
        self.error.setVisible(False)
        self.save_button.setEnabled(False)

        def work() -> RoundRecord:
            return self.ctx.services.disclosure.record_round(
                actor, customer_id=view.customer.id, unit_id=view.unit_id, kind=kind,
                ticks=ticks, started_at=started, signature_png=png, paper_form=paper,
                expected_checklist_hash=view.checklist_hash, supersedes_id=supersedes,
                reason=reason)

        self.ctx.run_op(work, OpChanges(disclosure=True), self._saved, self._save_failed,
                        origin=self)

    def _saved(self, rec: RoundRecord) -> None:
        self.saved = rec
        self._dirty = False
        missing = len(rec.missing)
        text = self.tr("Saved. Record hash %1").replace("%1", rec.hash[:16] + "…")
        if missing:
            text += "\n" + self.tr("%1 item(s) left untold: cover them before the deposit.") \
                .replace("%1", str(missing))
        self.saved_label.setText(text)
        self.saved_label.setVisible(True)
        self.reason.clear()
        self.reason.setVisible(False)
        self._supersedes = ""
        self._update_buttons()
        actor = self.ctx.require_actor()
        self.ctx.runner.run(
            lambda: self.ctx.services.disclosure.courtesy_message(actor, rec.customer.id,
                                                                  rec.unit_id),
            self.message.setPlainText, self._failed)
        # Once: the checklist with its new round (its history and what the gate checks).
        self.load_checklist()

    def _save_failed(self, exc: BaseException) -> None:
        self.report_error(exc, self.error)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.report_error(exc, self.error)

    # ---- printing and the subscription ---------------------------------------------------

    def _selected_round(self) -> str:
        row = self.history.currentRow()
        cell = self.history.item(row, 0) if row >= 0 else None
        return str(cell.data(Qt.ItemDataRole.UserRole)) if cell is not None else ""

    def _target_round(self) -> RoundSummary | None:
        """The round the paper belongs to: the one selected in the list, else the one just
        saved (when it is still in the list)."""
        rid = self._selected_round() or (self.saved.id if self.saved else "")
        rounds = self.view.rounds if self.view is not None else ()
        return next((r for r in rounds if r.id == rid), None)

    def _form_maker(self, rid: str) -> Callable[[Path], Path]:
        actor = self.ctx.require_actor()
        disclosure = self.ctx.services.disclosure
        return lambda out: disclosure.print_feedback_form(actor, rid, out)

    def _form_round(self) -> str:
        rid = self._selected_round() or (self.saved.id if self.saved else "")
        return rid if self.view is not None else ""

    def _print_form(self) -> None:
        if rid := self._form_round():
            self.output.print_pdf(self._form_maker(rid), self.tr("Feedback form"))

    def _save_form(self) -> None:
        if (rid := self._form_round()) and self.view is not None:
            self.output.save_pdf(self._form_maker(rid),
                                 f"现场反馈单-{self.view.unit_number}-{rid[:8]}.pdf")

    def print_form_to(self, path: Path, record_id: str = "") -> None:
        """Write the feedback form of a round (default: the one just saved), off the GUI
        thread."""
        rid = record_id or (self.saved.id if self.saved else "")
        if not rid:
            return
        self.output.save_pdf_to(self._form_maker(rid), path, self._printed)

    def _printed(self, path: Path) -> None:
        self.printed_path = path

    def _blank_maker(self) -> Callable[[Path], Path] | None:
        if self.view is None or self.customer is None:
            return None
        actor = self.ctx.require_actor()
        disclosure = self.ctx.services.disclosure
        cid, uid = self.view.customer.id, self.view.unit_id
        return lambda out: disclosure.print_blank_form(actor, cid, uid, out)

    def print_blank_form(self) -> None:
        """The draft on paper (print dialog), before any round is saved."""
        if (make := self._blank_maker()) is not None:
            self.output.print_pdf(make, self.tr("Feedback form (draft)"))

    def _save_blank_form(self) -> None:
        if (make := self._blank_maker()) is not None and self.view is not None:
            self.output.save_pdf(make, f"现场反馈单-草稿-{self.view.unit_number}.pdf")

    def save_blank_form_to(self, path: Path) -> None:
        if (make := self._blank_maker()) is not None:
            self.output.save_pdf_to(make, path, self._printed)

    def record_paper_collected(self) -> None:
        """After the customer signed the paper form: recorded beside the saved round."""
        target = self._target_round()
        if target is None:
            self.error.setText(self.tr("Save the round first (or select it in the list), then "
                                       "record its paper form."))
            self.error.setVisible(True)
            return
        actor = self.ctx.require_actor()
        rid = target.id
        self.error.setVisible(False)
        self.collected_button.setEnabled(False)
        self.ctx.run_op(
            lambda: self.ctx.services.disclosure.record_paper_collected(actor, rid),
            OpChanges(disclosure=True), self._collected, self._save_failed, origin=self)

    def _collected(self, summary: RoundSummary) -> None:
        self._say(self.tr("Paper form recorded as collected."), False)
        self.load_checklist()

    def _say(self, text: str, error: bool) -> None:
        if error:
            self.error.setText(text)
            self.error.setVisible(True)
            return
        self.print_status.setText(text)
        self.print_status.setVisible(True)

    def _open_subscription(self) -> None:
        if self.view is None:
            return
        from salesdesk.ui.disclosure.subscription_dialog import SubscriptionDialog

        unit = next((u for u in self._units if u.id == self.view.unit_id), None)
        dialog = SubscriptionDialog(self.ctx, self.view, unit.total_price if unit else 0, self)
        dialog.open()
        self.subscription_dialog = dialog
