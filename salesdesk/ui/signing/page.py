"""The signing page: find the customer by phone, the one-minute interview, the checklist grouped
by stage with tick boxes, the missing-items view for signing day, the purchase-restriction
pre-check, printing (one document, or tomorrow's batch in the background)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from salesdesk.domain.errors import DomainError
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.services.signing import (
    BatchResult,
    ChecklistSummary,
    ChecklistView,
    CustomerChecklists,
)
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.pages.base import Page
from salesdesk.ui.printing import MakePdf, PdfOutput, lp_command, print_button, send_to_printer
from salesdesk.ui.signing.checklist import ChecklistTree
from salesdesk.ui.signing.interview import InterviewForm
from salesdesk.ui.tasks import Cancelled, TaskControl
from salesdesk.ui.widgets import error_label, page_title


class SigningPage(Page):
    areas = frozenset({"signing", "customers", "appointments", "project"})

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.customer: CustomerChecklists | None = None
        self.current: ChecklistView | None = None
        self.output = PdfOutput(ctx, self, lambda text, error: self._say(text, error=error))
        self._batch: TaskControl | None = None
        self._units_loaded = False
        self._carried_unit: str | None = None  # a unit handed over by the customer record

        # -- find the customer --
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.phone.setPlaceholderText(self.tr("Customer's mobile number"))
        self.phone.returnPressed.connect(self.find_customer)
        find = QPushButton(self.tr("Find"))
        find.setObjectName("primary")
        find.clicked.connect(self.find_customer)
        self.batch_button = QPushButton(self.tr("Print tomorrow's checklists…"))
        self.batch_button.setObjectName("batchButton")
        self.batch_button.clicked.connect(self.start_batch)
        self.recent = QComboBox()
        self.recent.setObjectName("recent")
        self.recent.setMinimumWidth(320)
        self.recent.activated.connect(self._open_recent)
        top = QHBoxLayout()
        top.addWidget(self.phone, 2)
        top.addWidget(find)
        top.addWidget(self.recent, 1)
        top.addStretch(1)
        top.addWidget(self.batch_button)
        self.find_error = error_label()
        self.customer_label = QLabel(self.tr("Find a customer to start the interview."))
        self.customer_label.setObjectName("hint")

        # -- left: the interview --
        self.form = InterviewForm()
        self.form.submitted.connect(self.save_interview)
        self.form.setEnabled(False)
        left = QFrame()
        left.setObjectName("card")
        lv = QVBoxLayout(left)
        heading = QLabel(self.tr("Buyer profile (one minute)"))
        heading.setObjectName("sectionTitle")
        lv.addWidget(heading)
        lv.addWidget(self.form)
        lv.addStretch(1)

        # -- right: the checklist --
        self.checklists = QComboBox()
        self.checklists.setObjectName("checklistChoice")
        self.checklists.currentIndexChanged.connect(self._choose_checklist)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("badge")
        self.warning.setWordWrap(True)
        self.warning.setVisible(False)
        # A low follow-up score still open: the customer should not sign until it is resolved.
        self.escalation_label = QLabel()
        self.escalation_label.setObjectName("badgeRed")
        self.escalation_label.setWordWrap(True)
        self.escalation_label.setVisible(False)
        self.missing_label = QLabel()
        self.missing_label.setObjectName("missingLabel")
        self.only_missing = QCheckBox(self.tr("Signing day: show only what is missing"))
        self.only_missing.setObjectName("onlyMissing")
        self.tree = ChecklistTree()
        self.tree.ticked.connect(self.tick)
        self.only_missing.toggled.connect(self.tree.set_only_missing)
        self.doc_kind = QComboBox()
        self.doc_kind.setObjectName("docKind")
        self.doc_kind.addItem(self.tr("Material checklist"), "checklist")
        self.doc_kind.addItem(self.tr("Mortgage material list"), "mortgage")
        self.doc_kind.addItem(self.tr("Signing flow sheet"), "flow")
        # Ctrl+P (main_window) clicks this one: the print dialog; "Save as PDF…" on its arrow.
        self.print_button = print_button(self.tr("Print…"), self.print_document, self.save_pdf)
        self.notes = QLineEdit()
        self.notes.setObjectName("notes")
        self.notes.setMaxLength(500)
        self.notes.setPlaceholderText(self.tr("Note printed on the checklist (e.g. bring the "
                                              "spouse's original ID)"))
        self.notes.editingFinished.connect(self.save_notes)
        self.action_error = error_label()
        self.status = QLabel()
        self.status.setObjectName("okLabel")
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        actions = QHBoxLayout()
        actions.addWidget(self.doc_kind)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        right = QFrame()
        right.setObjectName("card")
        rv = QVBoxLayout(right)
        head = QHBoxLayout()
        title = QLabel(self.tr("Material checklist"))
        title.setObjectName("sectionTitle")
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.checklists)
        rv.addLayout(head)
        rv.addWidget(self.summary)
        rv.addWidget(self.warning)
        rv.addWidget(self.escalation_label)
        miss = QHBoxLayout()
        miss.addWidget(self.missing_label)
        miss.addStretch(1)
        miss.addWidget(self.only_missing)
        rv.addLayout(miss)
        rv.addWidget(self.tree, 1)
        rv.addWidget(self.notes)
        rv.addLayout(actions)
        rv.addWidget(self.action_error)
        rv.addWidget(self.status)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Signing materials")))
        layout.addLayout(top)
        layout.addWidget(self.find_error)
        layout.addWidget(self.customer_label)
        layout.addWidget(split, 1)
        self._set_checklist(None)

    # ---- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.ctx.actor is None:
            return
        self._load_recent()
        actor = self.ctx.require_actor()
        if not self._units_loaded:
            self.ctx.runner.run(lambda: self.ctx.services.projects.units(actor),
                                self._units_done, lambda e: None)
        if self.customer is not None:
            self._load_customer(self.customer.customer_id)

    def _load_recent(self) -> None:
        actor = self.ctx.require_actor()
        self.ctx.runner.run(lambda: self.ctx.services.signing.recent(actor),
                            self._recent_done, lambda e: None)

    def _recent_done(self, rows: list[ChecklistSummary]) -> None:
        self.recent.clear()
        self.recent.addItem(self.tr("Recent checklists…"), None)
        for r in rows:
            status = (self.tr("%1 missing").replace("%1", str(r.missing)) if r.missing
                      else self.tr("complete"))
            label = f"{r.customer_name} {r.customer_phone} · {r.unit_number or '—'} · {status}"
            self.recent.addItem(label, (r.customer_id, r.id))

    def _open_recent(self, index: int) -> None:
        data = self.recent.itemData(index)
        if not data:
            return
        customer_id, checklist_id = data
        actor = self.ctx.require_actor()
        self.ctx.runner.run(lambda: self.ctx.services.signing.for_customer(actor, customer_id),
                            lambda found: self._customer_found(found, checklist_id),
                            lambda e: self.report_error(e, self.find_error))
        self.recent.setCurrentIndex(0)

    def _units_done(self, units: Any) -> None:
        self._units_loaded = True
        self.form.set_units(units)

    def find_customer(self) -> None:
        self.find_error.setVisible(False)
        actor = self.ctx.require_actor()
        phone = self.phone.text()
        self.ctx.runner.run(lambda: self.ctx.services.signing.find_by_phone(actor, phone),
                            self._customer_found,
                            lambda e: self.report_error(e, self.find_error))

    def open_customer(self, customer_id: str, phone: str, unit_id: str) -> None:
        """Opened from the customer record: that customer's checklists, no number typed."""
        self.phone.setText(phone)
        self._carried_unit = unit_id or None
        self._load_customer(customer_id)

    def _load_customer(self, customer_id: str) -> None:
        actor = self.ctx.require_actor()
        self.ctx.runner.run(lambda: self.ctx.services.signing.for_customer(actor, customer_id),
                            self._customer_found,
                            lambda e: self.report_error(e, self.find_error))

    def _customer_found(self, found: CustomerChecklists, keep: str | None = None) -> None:
        previous = self.customer.customer_id if self.customer else None
        keep = keep or (self.current.id if self.current and previous == found.customer_id
                        else None)
        self.customer = found
        self.customer_label.setText(
            self.tr("Customer: %1  %2").replace("%1", found.customer_name)
            .replace("%2", found.customer_phone))
        self.form.setEnabled(True)
        self.form.clear_error()
        if previous != found.customer_id:
            self.form.load(found.profile)
        self.checklists.blockSignals(True)
        self.checklists.clear()
        for c in found.checklists:
            self.checklists.addItem(c.unit_label.split("（")[0], c.id)
        self.checklists.blockSignals(False)
        chosen = next((c for c in found.checklists if c.id == keep),
                      found.checklists[0] if found.checklists else None)
        carried, self._carried_unit = self._carried_unit, None
        if chosen is not None:
            self.checklists.setCurrentIndex(self.checklists.findData(chosen.id))
            self.form.select_unit(chosen.unit_id)
        elif carried:  # no checklist yet: the interview starts on the record's unit
            self.form.select_unit(carried)
        self._set_checklist(chosen)

    def _choose_checklist(self) -> None:
        cid = self.checklists.currentData()
        if self.customer is None or cid is None:
            return
        chosen = next((c for c in self.customer.checklists if c.id == cid), None)
        if chosen is not None:
            self.form.select_unit(chosen.unit_id)
        self._set_checklist(chosen)

    def _set_checklist(self, view: ChecklistView | None) -> None:
        self.current = view
        self.tree.show_checklist(view)
        has = view is not None
        if not self.notes.hasFocus():  # never overwrite what the consultant is typing
            self.notes.setText(view.notes if view is not None else "")
        for w in (self.print_button, self.doc_kind, self.only_missing,
                  self.notes):
            w.setEnabled(has)
            w.setVisible(has)
        self.checklists.setVisible(bool(self.customer and len(self.customer.checklists) > 1))
        if view is None:
            self.summary.setText(self.tr("No checklist yet: answer the interview and save."))
            self.warning.setVisible(False)
            self.escalation_label.setVisible(False)
            self.missing_label.clear()
            return
        self.summary.setText(
            self.tr("Unit %1 · consultant %2 · rules: %3")
            .replace("%1", view.unit_label).replace("%2", view.consultant_name or "—")
            .replace("%3", view.pack_label))
        if view.warnings:
            self.warning.setText("\n".join(view.warnings))
        self.warning.setVisible(bool(view.warnings))
        self.escalation_label.setText("\n".join(
            [self.tr("Open follow-up escalation: resolve it before signing"),
             *view.open_escalations]) if view.open_escalations else "")
        self.escalation_label.setVisible(bool(view.open_escalations))
        missing = len(view.missing)
        if missing:
            self.missing_label.setText(self.tr("Still missing: %1 of %2")
                                       .replace("%1", str(missing))
                                       .replace("%2", str(len(view.items))))
            self.missing_label.setObjectName("badgeRed")
        else:
            self.missing_label.setText(self.tr("All materials received"))
            self.missing_label.setObjectName("badgeGreen")
        self.missing_label.style().unpolish(self.missing_label)
        self.missing_label.style().polish(self.missing_label)

    # ---- writes ----------------------------------------------------------------------------

    def save_interview(self, answers: dict[str, Any], unit_id: str | None) -> None:
        if self.customer is None:
            return
        actor = self.ctx.require_actor()
        cid = self.customer.customer_id
        self.form.save.setEnabled(False)

        def done(view: ChecklistView) -> None:
            self.form.save.setEnabled(True)
            self._load_recent()
            self._load_customer_keep(view.id)

        def failed(exc: BaseException) -> None:
            self.form.save.setEnabled(True)
            if isinstance(exc, DomainError):
                self.form.show_error(self.ctx.error_text(exc), exc.field)
            else:
                self.report_error(exc, self.form.error)

        self.ctx.run_op(
            lambda: self.ctx.services.signing.save_interview(actor, cid, answers, unit_id),
            OpChanges(signing=True), done, failed, origin=self)

    def _load_customer_keep(self, checklist_id: str) -> None:
        actor = self.ctx.require_actor()
        assert self.customer is not None
        cid = self.customer.customer_id
        self.ctx.runner.run(lambda: self.ctx.services.signing.for_customer(actor, cid),
                            lambda found: self._customer_found(found, checklist_id),
                            lambda e: self.report_error(e, self.find_error))

    def tick(self, item_id: str, received: bool) -> None:
        actor = self.ctx.require_actor()

        def done(view: ChecklistView) -> None:
            self._load_recent()  # its missing-material counts
            if self.customer is not None:
                self.customer = CustomerChecklists(
                    self.customer.customer_id, self.customer.customer_name,
                    self.customer.customer_phone, self.customer.profile,
                    tuple(view if c.id == view.id else c for c in self.customer.checklists))
            self._set_checklist(view)

        def failed(exc: BaseException) -> None:
            self.report_error(exc, self.action_error)
            self._set_checklist(self.current)  # put the box back as it was

        self.ctx.run_op(lambda: self.ctx.services.signing.tick(actor, item_id, received),
                        OpChanges(signing=True), done, failed, origin=self)

    def save_notes(self) -> None:
        if self.current is None or self.notes.text().strip() == self.current.notes:
            return
        actor = self.ctx.require_actor()
        cid, text = self.current.id, self.notes.text()

        # The notes show nowhere but in the checklist the result replaces.
        self.ctx.run_op(lambda: self.ctx.services.signing.set_notes(actor, cid, text),
                        OpChanges(signing=True), self._set_checklist,
                        lambda e: self.report_error(e, self.action_error), origin=self)

    # ---- documents -------------------------------------------------------------------------

    @property
    def last_pdf(self) -> Path | None:
        return self.output.last_pdf

    def _maker(self) -> MakePdf | None:
        """The chosen document of the shown checklist, made by the signing service (which
        logs the export) wherever the PDF is asked for."""
        if self.current is None:
            return None
        self.action_error.setVisible(False)
        actor = self.ctx.require_actor()
        cid, kind = self.current.id, self.doc_kind.currentData()
        signing = self.ctx.services.signing
        return lambda out: signing.print_document(actor, cid, out, kind)

    def print_document(self) -> None:
        """The print dialog, then the PDF goes where it points (a printer, or a file)."""
        if (make := self._maker()) is not None:
            self.output.print_pdf(make, self.doc_kind.currentText())

    def save_pdf(self) -> None:
        if (make := self._maker()) is not None and self.current is not None:
            self.output.save_pdf(
                make, f"{self.doc_kind.currentText()}-{self.current.customer_name}.pdf")

    def save_pdf_to(self, path: Path) -> None:
        if (make := self._maker()) is not None:
            self.output.save_pdf_to(make, path)

    def _say(self, text: str, *, error: bool = False) -> None:
        label = self.action_error if error else self.status
        (self.status if error else self.action_error).setVisible(False)
        label.setText(text)
        label.setVisible(True)

    # ---- batch -----------------------------------------------------------------------------

    def start_batch(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for tomorrow's checklists"),
                                                  str(Path.home()))
        if folder:
            self.run_batch(Path(folder))

    def run_batch(self, folder: Path, send_to_lp: bool | None = None) -> QProgressDialog:
        """Generate (and, where ``lp`` exists, print) every checklist for tomorrow's signings
        off the GUI thread, with a progress dialog whose Cancel stops the job."""
        actor = self.ctx.require_actor()
        services = self.ctx.services
        tomorrow = (services.db.now().astimezone(PROJECT_TZ) + timedelta(days=1)).date()
        spool = lp_command() is not None if send_to_lp is None else send_to_lp
        dialog = QProgressDialog(self.tr("Preparing tomorrow's checklists…"), self.tr("Cancel"),
                                 0, 0, self)
        dialog.setObjectName("batchProgress")
        dialog.setWindowTitle(self.tr("Print tomorrow's checklists"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def job(control: TaskControl) -> BatchResult:
            result = services.signing.print_batch(actor, tomorrow, folder, control.progress)
            if spool:
                for n, f in enumerate(result.files, start=1):
                    control.progress(n, len(result.files), f.name)
                    send_to_printer(f, "")
            return result

        def progress(done: int, total: int, text: str) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)
            if text:
                dialog.setLabelText(text)

        def done(result: BatchResult) -> None:
            self._batch = None
            dialog.close()
            msg = self.tr("%1 checklists for %2 saved in %3.").replace(
                "%1", str(len(result.files))).replace("%2", f"{result.day:%Y-%m-%d}").replace(
                "%3", str(folder))
            if spool:
                msg += " " + self.tr("Sent to the default printer.")
            if result.skipped:
                msg += " " + self.tr("No checklist yet for: %1").replace(
                    "%1", "；".join(result.skipped))
            self._say(msg)

        def failed(exc: BaseException) -> None:
            self._batch = None
            dialog.close()
            if isinstance(exc, Cancelled):
                self._say(self.tr("Cancelled. Checklists already written stay in %1.")
                          .replace("%1", str(folder)), error=True)
            else:
                self.report_error(exc, self.action_error)

        self._batch = self.ctx.runner.run_long(job, progress, done, failed)
        control = self._batch
        dialog.canceled.connect(control.cancel)
        dialog.show()
        return dialog

