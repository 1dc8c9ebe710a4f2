"""The supervisor's audit page. Its body is a tab widget; other capabilities add their own
figures with ``add_tab`` (reception, appointments). Disclosure's tabs: per consultant, the
pre-opening list, ledger-vs-follow-up mismatches, subscriptions without complete disclosure,
open escalations, and the ledger check."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.disclosure import ItemKind
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.domain.roles import Permission
from salesdesk.services.care import EscalationInfo
from salesdesk.services.disclosure import (
    ConsultantAuditRow,
    DisclosureAudit,
    IncompleteSubscriptionRow,
    LedgerAlarm,
    MismatchRow,
    OnlineCheck,
    PreOpeningRow,
)
from salesdesk.services.maintenance import VerifyReport
from salesdesk.ui.context import UiContext
from salesdesk.ui.disclosure.labels import ledger_alarm_label
from salesdesk.ui.labels import escalation_level_label, escalation_owner_label
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.pages.base import Page
from salesdesk.ui.printing import PdfOutput, print_button, spool_path
from salesdesk.ui.table_model import Column, RecordTableModel
from salesdesk.ui.tasks import Cancelled, TaskControl
from salesdesk.ui.widgets import error_label, page_title

RED = "#b42318"
GREEN = "#05603a"


def _table(model: RecordTableModel[Any], stretch_last: bool = True) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # One line per row: long texts show in full as tooltips-free elided cells, rows stay even.
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view


class AuditPage(Page):
    areas = frozenset({"disclosure"})

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.setObjectName("auditPage")
        self.audit: DisclosureAudit | None = None
        self.exported: list[Path] = []
        self._progress: QProgressDialog | None = None
        self.pre_opening_loaded = False
        root = QVBoxLayout(self)
        root.addWidget(page_title(self.tr("Audit")))

        bar = QHBoxLayout()
        # The services' clock, not the machine's: the centre's day, and a test's fixed clock.
        day = ctx.services.db.now().astimezone(PROJECT_TZ).date()
        today = QDate(day.year, day.month, day.day)
        self.date_from = QDateEdit(today.addDays(-30))
        self.date_to = QDateEdit(today)
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.date_to)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("primary")
        self.refresh_button.clicked.connect(self.refresh)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        self.output = PdfOutput(ctx, self, self._said)
        # Ctrl+P prints the report; "Save as PDF…" is on the button's arrow.
        self.print_button = print_button(self.tr("Print report…"), self.print_report,
                                         self.save_report_as)
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        bar.addWidget(self.print_button)
        bar.addWidget(self.csv_button)
        root.addLayout(bar)
        self.error = error_label()
        root.addWidget(self.error)
        self.status = QLabel()
        self.status.setObjectName("hint")
        root.addWidget(self.status)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("auditTabs")
        root.addWidget(self.tabs, 1)

        # Per consultant.
        self.consultants: RecordTableModel[ConsultantAuditRow] = RecordTableModel([
            Column(self.tr("Consultant"), lambda r: r.name),
            Column(self.tr("Agency"), lambda r: r.agency),
            Column(self.tr("Receptions"), lambda r: r.receptions, True),
            Column(self.tr("Rounds"), lambda r: r.rounds, True),
            Column(self.tr("Complete rounds"), lambda r: r.rounds_complete, True),
            Column(self.tr("Items missed"), lambda r: r.items_missed, True,
                   lambda r: RED if r.items_missed else None),
            Column(self.tr("Overrides"), lambda r: r.overrides, True,
                   lambda r: RED if r.overrides else None),
            Column(self.tr("Subscriptions"), lambda r: r.subscriptions, True),
            Column(self.tr("Without complete disclosure"), lambda r: r.subscriptions_incomplete,
                   True, lambda r: RED if r.subscriptions_incomplete else None),
            Column(self.tr("Follow-up mismatches"), lambda r: r.mismatches, True,
                   lambda r: RED if r.mismatches else None),
        ])
        self.consultant_view = _table(self.consultants, stretch_last=False)
        self.add_tab(self.consultant_view, self.tr("By consultant"))

        # The pre-opening list (rule 6).
        def kind(k: ItemKind) -> Any:
            return lambda r: r.kind_status(k)

        def told_colour(k: ItemKind) -> Any:
            return lambda r: GREEN if r.kind_status(k) == "✓" else RED

        self.pre_opening: RecordTableModel[PreOpeningRow] = RecordTableModel([
            Column(self.tr("Customer"), lambda r: r.customer),
            Column(self.tr("Unit"), lambda r: r.unit_number),
            Column(self.tr("Consultant"), lambda r: r.consultant_name),
            Column(self.tr("Sunshine"), kind(ItemKind.SUNSHINE), False,
                   told_colour(ItemKind.SUNSHINE)),
            Column(self.tr("Certificates"), kind(ItemKind.CERTIFICATE), False,
                   told_colour(ItemKind.CERTIFICATE)),
            Column(self.tr("Contract"), kind(ItemKind.CONTRACT), False,
                   told_colour(ItemKind.CONTRACT)),
            Column(self.tr("Factors"), kind(ItemKind.FACTOR), False,
                   told_colour(ItemKind.FACTOR)),
            Column(self.tr("Not told"), lambda r: r.missing_text or "—", False,
                   lambda r: RED if r.missing_text else None),
            Column(self.tr("Latest follow-up"), lambda r: r.follow_up),
        ])
        self.pre_opening_view = _table(self.pre_opening)
        self.add_tab(self.pre_opening_view, self.tr("Pre-opening list"))

        self.mismatches: RecordTableModel[MismatchRow] = RecordTableModel([
            Column(self.tr("Called"), lambda r: r.called_at.astimezone(PROJECT_TZ)
                   .strftime("%Y-%m-%d %H:%M")),
            Column(self.tr("Customer"), lambda r: r.customer),
            Column(self.tr("Unit"), lambda r: r.unit_number),
            Column(self.tr("Consultant"), lambda r: r.consultant_name),
            Column(self.tr("Mismatch"), lambda r: r.description, False,
                   lambda r: RED if r.ledger_told else "#b54708"),
            Column(self.tr("Answer recorded by"), lambda r: r.recorded_by),
        ])
        self.add_tab(_table(self.mismatches), self.tr("Follow-up mismatches"))

        self.subscriptions: RecordTableModel[IncompleteSubscriptionRow] = RecordTableModel([
            Column(self.tr("Date"), lambda r: r.subscribed_on.isoformat()),
            Column(self.tr("Customer"), lambda r: r.customer),
            Column(self.tr("Unit"), lambda r: r.unit_number),
            Column(self.tr("Consultant"), lambda r: r.consultant_name),
            Column(self.tr("Overridden by"), lambda r: r.override_by),
            Column(self.tr("Items missing"), lambda r: r.missing, True, lambda r: RED),
            Column(self.tr("Reason"), lambda r: r.reason),
        ])
        self.add_tab(_table(self.subscriptions), self.tr("Overridden subscriptions"))

        esc = QWidget()
        ev = QVBoxLayout(esc)
        self.escalations: RecordTableModel[EscalationInfo] = RecordTableModel([
            Column(self.tr("Opened"), lambda r: r.opened_at.astimezone(PROJECT_TZ)
                   .strftime("%Y-%m-%d %H:%M")),
            Column(self.tr("Customer"), lambda r: r.customer.label),
            Column(self.tr("Consultant"), lambda r: r.consultant_name),
            Column(self.tr("Score"), lambda r: r.score, True, lambda r: RED),
            Column(self.tr("Now with"), lambda r: escalation_level_label(r.level)),
            Column(self.tr("Owner role"), lambda r: escalation_owner_label(r.level)),
            Column(self.tr("Deadline"), lambda r: "" if r.due_at is None else (
                r.due_at.astimezone(PROJECT_TZ).strftime("%Y-%m-%d %H:%M")
                + (" " + self.tr("overdue") if r.overdue else "")), False,
                   lambda r: RED if r.overdue else None),
            Column(self.tr("History"), lambda r: r.history.replace("\n", " ⟶ ")),
        ])
        self.escalation_view = _table(self.escalations)
        ev.addWidget(self.escalation_view)
        self.outcome_button = QPushButton(self.tr("Record outcome…"))
        self.outcome_button.clicked.connect(self._record_outcome)
        self.call_button = QPushButton(self.tr("Record follow-up call…"))
        self.call_button.clicked.connect(self._record_call)
        # Answers are customer service's to record, outcomes the level owner's (issue 15 §2);
        # the services refuse anyone else, the buttons only mirror that.
        actor = ctx.actor
        self.call_button.setEnabled(
            actor is not None and actor.can(Permission.RECORD_FOLLOW_UP_ANSWER))
        self.outcome_button.setEnabled(
            actor is not None and actor.can(Permission.HANDLE_ESCALATION))
        row = QHBoxLayout()
        row.addWidget(self.call_button)
        row.addStretch(1)
        row.addWidget(self.outcome_button)
        ev.addLayout(row)
        self.add_tab(esc, self.tr("Open escalations"))

        ledger = QWidget()
        lv = QVBoxLayout(ledger)
        hint = QLabel(self.tr("Checks every disclosure record's hash and its link to the one "
                              "before: an edited, deleted or reordered record is named."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        lv.addWidget(hint)
        self.verify_button = QPushButton(self.tr("Verify the ledger"))
        self.verify_button.setObjectName("primary")
        self.verify_button.clicked.connect(self.verify_ledger)
        # The check above trusts what the file says head office acknowledged; this one asks
        # head office itself, so a file rewritten together with that value is caught too.
        self.online_button = QPushButton(self.tr("Check with head office"))
        self.online_button.setObjectName("onlineCheckButton")
        self.online_button.setToolTip(self.tr(
            "Compares every record with the copy head office keeps: a record rewritten, "
            "deleted or replaced on this computer is named with its number."))
        self.online_button.clicked.connect(self.check_online)
        self.online_progress = QProgressBar()
        self.online_progress.setVisible(False)
        self.online_cancel = QPushButton(self.tr("Cancel"))
        self.online_cancel.setVisible(False)
        self.online_cancel.clicked.connect(self._cancel_online)
        self._online_control: TaskControl | None = None
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addWidget(self.online_button)
        row.addWidget(self.online_progress, 1)
        row.addWidget(self.online_cancel)
        row.addStretch(1)
        lv.addLayout(row)
        self.verify_result = QLabel()
        self.verify_result.setWordWrap(True)
        self.verify_result.setMargin(6)
        self.verify_result.setVisible(False)
        lv.addWidget(self.verify_result)
        self.findings = QListWidget()
        self.findings.setObjectName("plain")
        lv.addWidget(self.findings, 1)
        self.alarms_title = QLabel(self.tr("Ledger alarms from head office"))
        self.alarms_title.setObjectName("sectionTitle")
        lv.addWidget(self.alarms_title)
        self.alarms: RecordTableModel[LedgerAlarm] = RecordTableModel([
            Column(self.tr("Raised"), lambda r: r.created_at.astimezone(PROJECT_TZ)
                   .strftime("%Y-%m-%d %H:%M")),
            Column(self.tr("Alarm"), lambda r: ledger_alarm_label(r.kind), False, lambda r: RED),
            Column(self.tr("Chain"), lambda r: r.chain_device[:8]),
            Column(self.tr("No."), lambda r: r.chain_seq if r.chain_seq is not None else "—",
                   True),
            Column(self.tr("Record"), lambda r: r.record_id),
            Column(self.tr("Sent by device"), lambda r: r.sent_by[:8]),
            Column(self.tr("Status"), lambda r: self.tr("open") if r.status == "open"
                   else self.tr("acknowledged")),
        ])
        self.alarm_view = _table(self.alarms)
        lv.addWidget(self.alarm_view, 1)
        self.ledger_tab = self.add_tab(ledger, self.tr("Ledger check"))
        self.last_online: OnlineCheck | None = None

    # ---- for other capabilities ----------------------------------------------------------

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab of figures (reception, appointments, ...); returns its index."""
        return self.tabs.addTab(widget, title)

    # ---- loading -------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        a, b = self.date_from.date(), self.date_to.date()
        return date(a.year(), a.month(), a.day()), date(b.year(), b.month(), b.day())

    def set_period(self, date_from: date, date_to: date) -> None:
        self.date_from.setDate(QDate(date_from.year, date_from.month, date_from.day))
        self.date_to.setDate(QDate(date_to.year, date_to.month, date_to.day))

    def refresh(self) -> None:
        actor = self.ctx.require_actor()
        date_from, date_to = self.period()
        self.error.setVisible(False)
        self.status.setText(self.tr("Loading…"))
        audit = self.ctx.services.disclosure_audit
        # The figures first; the pre-opening list reads every serious customer's history and
        # arrives a moment later in its own tab.
        self.pre_opening_loaded = False

        def report(_moved: object = None) -> None:
            self.ctx.runner.run(
                lambda: audit.report(actor, date_from, date_to, include_pre_opening=False),
                self._loaded, self._failed)

        # An overdue escalation moves up by itself when its owners' page loads (a write, so on
        # the writer; the report that lists them follows it).
        follow_up = self.ctx.services.follow_up
        self.ctx.runner.run(lambda: follow_up.escalate_overdue(actor), report, self._failed,
                            write=True)
        self.ctx.runner.run(lambda: audit.pre_opening(actor, date_from, date_to),
                            self._pre_opening_loaded, self._failed)
        anchor = self.ctx.services.ledger_anchor
        self.ctx.runner.run(lambda: anchor.alarms(actor), self._alarms_loaded, self._failed)

    def _alarms_loaded(self, rows: list[LedgerAlarm]) -> None:
        self.alarms.set_rows(rows)
        self._fit(self.alarm_view)
        open_ = sum(1 for r in rows if r.status == "open")
        self.alarms_title.setText(
            self.tr("Ledger alarms from head office: %1 open").replace("%1", str(open_)))
        self.tabs.setTabText(self.ledger_tab, self.tr("Ledger check")
                             + (f" ⚠ {open_}" if open_ else ""))
        self.alarms_loaded = True

    def _pre_opening_loaded(self, rows: list[PreOpeningRow]) -> None:
        self.pre_opening.set_rows(rows)
        self._fit(self.pre_opening_view)
        self.pre_opening_loaded = True

    @staticmethod
    def _fit(view: QTableView) -> None:
        view.resizeColumnsToContents()
        for c in range(view.model().columnCount()):
            view.setColumnWidth(c, min(view.columnWidth(c) + 12, 420))

    def _loaded(self, audit: DisclosureAudit) -> None:
        self.audit = audit
        self.consultants.set_rows(audit.consultants)
        self.mismatches.set_rows(audit.mismatches)
        self.subscriptions.set_rows(audit.incomplete_subscriptions)
        self.escalations.set_rows(audit.open_escalations)
        for view in self.findChildren(QTableView):
            if view is not self.pre_opening_view:
                self._fit(view)
        rounds = sum(c.rounds for c in audit.consultants)
        self.status.setText(self.tr("%1 to %2: %3 rounds, %4 overridden subscriptions, "
                                    "%5 follow-up mismatches, %6 open escalations")
                            .replace("%1", audit.date_from.isoformat())
                            .replace("%2", audit.date_to.isoformat())
                            .replace("%3", str(rounds))
                            .replace("%4", str(len(audit.incomplete_subscriptions)))
                            .replace("%5", str(len(audit.mismatches)))
                            .replace("%6", str(len(audit.open_escalations))))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("")
        self.report_error(exc, self.error)

    # ---- the ledger check ----------------------------------------------------------------

    def verify_ledger(self) -> None:
        self.verify_button.setEnabled(False)
        self.verify_result.setVisible(False)
        self.findings.clear()
        self.ctx.runner.run(self.ctx.services.maintenance.verify, self._verified,
                            self._verify_failed)

    def _verified(self, report: VerifyReport) -> None:
        self.verify_button.setEnabled(True)
        self.verify_result.setObjectName("okLabel" if report.ok else "errorLabel")
        self.verify_result.setText(
            self.tr("The ledger and the database passed every check.") if report.ok else
            self.tr("The check FAILED: the records below were changed outside SalesDesk."))
        self.verify_result.style().unpolish(self.verify_result)
        self.verify_result.style().polish(self.verify_result)
        self.verify_result.setVisible(True)
        for f in report.findings:
            item = QListWidgetItem(("✓ " if f.ok else "✗ ") + f"{f.check}: {f.detail}")
            if not f.ok:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.findings.addItem(item)
        self.last_verify = report

    def _verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self._failed(exc)

    def check_online(self) -> None:
        """Compare this file's ledger with head office's copy, in the background."""
        actor = self.ctx.require_actor()
        if not actor.can(Permission.VERIFY_LEDGER):
            self.error.setText(self.tr("Only a supervisor can check the ledger with head office."))
            self.error.setVisible(True)
            return
        anchor = self.ctx.services.ledger_anchor
        self.online_button.setEnabled(False)
        self.verify_result.setVisible(False)
        self.findings.clear()
        self.online_progress.setRange(0, 0)
        self.online_progress.setVisible(True)
        self.online_cancel.setVisible(True)

        def step(done: int, total: int, what: str) -> None:
            self.online_progress.setRange(0, total)
            self.online_progress.setValue(done)

        def finished(check: OnlineCheck) -> None:
            self._online_ended()
            self._show_online(check)

        def failed(exc: BaseException) -> None:
            self._online_ended()
            if isinstance(exc, Cancelled):
                self.status.setText(self.tr("Check with head office cancelled."))
                return
            self._failed(exc)

        self._online_control = self.ctx.runner.run_long(
            lambda c: anchor.check_online(actor, c.progress), step, finished, failed, owner=self)

    def _cancel_online(self) -> None:
        if self._online_control is not None:
            self._online_control.cancel()

    def _online_ended(self) -> None:
        self.online_button.setEnabled(True)
        self.online_progress.setVisible(False)
        self.online_cancel.setVisible(False)
        self._online_control = None

    def _show_online(self, check: OnlineCheck) -> None:
        self.last_online = check
        self.verify_result.setObjectName("okLabel" if check.ok else "errorLabel")
        self.verify_result.setText(
            self.tr("Matches head office's copy: %1 chains, %2 records compared.")
            .replace("%1", str(len(check.chains))).replace("%2", str(check.compared))
            if check.ok else
            self.tr("Differs from head office's copy: %1 problems. The records below were "
                    "changed on this computer after head office received them.")
            .replace("%1", str(len(check.problems))))
        self.verify_result.style().unpolish(self.verify_result)
        self.verify_result.style().polish(self.verify_result)
        self.verify_result.setVisible(True)
        for p in check.problems:
            item = QListWidgetItem("✗ " + p.text())
            item.setForeground(Qt.GlobalColor.darkRed)
            self.findings.addItem(item)
        for c in check.chains:
            self.findings.addItem(QListWidgetItem(
                self.tr("Chain %1: %2 records here, head office acknowledged up to no. %3")
                .replace("%1", c.device_id[:8]).replace("%2", str(c.records))
                .replace("%3", str(c.ack_seq))))

    # ---- escalations ---------------------------------------------------------------------

    def _record_call(self) -> None:
        from salesdesk.ui.disclosure.follow_up_dialog import FollowUpDialog

        dialog = FollowUpDialog(self.ctx, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        self.follow_up_dialog = dialog

    def _record_outcome(self) -> None:
        index = self.escalation_view.currentIndex()
        if not index.isValid():
            self.error.setText(self.tr("Select an escalation first."))
            self.error.setVisible(True)
            return
        task = self.escalations.row(index.row())
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Outcome of the escalation"))
        dv = QVBoxLayout(dialog)
        dv.addWidget(QLabel(f"{task.customer.label} · {escalation_level_label(task.level)}"))
        text = QPlainTextEdit()
        text.setPlaceholderText(self.tr("What was done, what the customer said"))
        dv.addWidget(text)
        resolved = QCheckBox(self.tr("Resolved (close the task); otherwise it goes one level up"))
        dv.addWidget(resolved)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        dv.addWidget(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        actor = self.ctx.require_actor()
        outcome, done = text.toPlainText(), resolved.isChecked()
        self.ctx.run_op(
            lambda: self.ctx.services.follow_up.record_outcome(actor, task.id, outcome,
                                                               resolved=done),
            OpChanges(disclosure=True), self._outcome_saved, self._failed, origin=self)

    def _outcome_saved(self, _info: EscalationInfo) -> None:
        self.refresh()

    # ---- exports -------------------------------------------------------------------------

    def _file_name(self, kind: str) -> str:
        date_from, date_to = self.period()
        return f"告知审计-{date_from.isoformat()}-{date_to.isoformat()}.{kind}"

    def _ask_export(self, kind: str) -> None:
        pattern = "PDF (*.pdf)" if kind == "pdf" else "CSV (*.csv)"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit"),
                                              str(Path.home() / self._file_name(kind)), pattern)
        if path:
            self.export_to(Path(path), kind)

    def print_report(self) -> None:
        """The report on paper: the print dialog first (a cancelled one makes and logs
        nothing), then the report is made with progress and cancel, and sent where the dialog
        pointed (a printer, or a PDF file)."""
        printer = self.output.choose_printer(self._file_name("pdf").removesuffix(".pdf"))
        if printer is not None:
            self.export_to(spool_path(), "pdf", lambda pdf: self.output.send(pdf, printer))

    def save_report_as(self) -> None:
        path = self.output.ask_save_path(self._file_name("pdf"))
        if path is not None:
            self.export_to(path, "pdf")

    def _said(self, text: str, error: bool) -> None:
        if error:
            self.error.setText(text)
            self.error.setVisible(True)
        else:
            self.error.setVisible(False)
            self.status.setText(text)

    def export_to(self, path: Path, kind: str,
                  then: Callable[[Path], None] | None = None) -> None:
        """Write the audit as PDF or CSV off the GUI thread, with progress and cancel; ``then``
        takes the file instead of the "exported" message (the printer's turn)."""
        actor = self.ctx.require_actor()
        date_from, date_to = self.period()
        audit = self.ctx.services.disclosure_audit
        progress = QProgressDialog(self.tr("Exporting the audit…"), self.tr("Cancel"), 0, 4, self)
        progress.setWindowTitle(self.tr("Export"))
        progress.setMinimumDuration(300)
        # Not modal: a modal QProgressDialog runs the event loop inside setValue(), and the
        # task's result could then arrive (and close the dialog) from inside that call.
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self._progress = progress

        def work(control: TaskControl) -> Path:
            audit.export(actor, date_from, date_to, pdf=path if kind == "pdf" else None,
                         csv_path=path if kind == "csv" else None, progress=control.progress)
            return path

        def step(done: int, total: int, what: str) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            progress.setLabelText(what)

        def finished(result: Path) -> None:
            progress.hide()
            progress.deleteLater()
            self.exported.append(result)
            if then is not None:
                then(result)
            else:
                self.status.setText(self.tr("Exported to %1").replace("%1", str(result)))

        def failed(exc: BaseException) -> None:
            progress.hide()
            progress.deleteLater()
            self._failed(exc)

        control = self.ctx.runner.run_long(work, step, finished, failed)
        progress.canceled.connect(control.cancel)
