"""Settings: the project file from head office, staff accounts, language, database checks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import DomainError
from salesdesk.domain.roles import Permission, Role
from salesdesk.services.maintenance import VerifyReport
from salesdesk.services.preferences import IDLE_LOCK_MAX
from salesdesk.services.project import ImportSummary
from salesdesk.services.signin import StaffEntry
from salesdesk.ui.context import UiContext
from salesdesk.ui.i18n import install_translations
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.pages.base import Page
from salesdesk.ui.table_model import Column, RecordTableModel
from salesdesk.ui.widgets import error_label


def _ok_label() -> QLabel:
    label = QLabel()
    label.setObjectName("okLabel")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class SettingsPage(Page):
    areas = frozenset({"project", "staff"})

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        actor = ctx.require_actor()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("scrollBody")
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        # Project file
        self.import_box = QGroupBox(self.tr("Project configuration from head office"))
        box = QVBoxLayout(self.import_box)
        hint = QLabel(self.tr("Import the project file head office sent (JSON). An invalid "
                              "file is rejected whole: nothing is half-imported. A changed "
                              "text becomes a new version; older versions stay, because "
                              "disclosure records point at them."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import project file…"))
        self.import_button.setObjectName("primary")
        self.import_button.clicked.connect(self.choose_project_file)
        row.addWidget(self.import_button)
        row.addStretch(1)
        self.import_error = error_label()
        self.import_ok = _ok_label()
        box.addWidget(hint)
        box.addLayout(row)
        box.addWidget(self.import_error)
        box.addWidget(self.import_ok)
        self.import_box.setVisible(actor.can(Permission.IMPORT_PROJECT))
        layout.addWidget(self.import_box)

        # Staff
        self.staff_box = QGroupBox(self.tr("Staff accounts"))
        sbox = QVBoxLayout(self.staff_box)
        self.staff_model: RecordTableModel[StaffEntry] = RecordTableModel([
            Column(self.tr("Code"), lambda s: s.code),
            Column(self.tr("Name"), lambda s: s.name),
            Column(self.tr("Role"), lambda s: self._role_text(s.role)),
            Column(self.tr("Agency"), lambda s: s.agency),
            Column(self.tr("Senior"), lambda s: self.tr("Yes") if s.senior else ""),
            Column(self.tr("Active"), lambda s: self.tr("Yes") if s.active else self.tr("No"),
                   colour=lambda s: None if s.active else "#b42318"),
        ])
        self.staff_view = QTableView()
        self.staff_view.setModel(self.staff_model)
        self.staff_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.staff_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.staff_view.verticalHeader().setVisible(False)
        self.staff_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.staff_view.setMinimumHeight(220)
        sbox.addWidget(self.staff_view)
        toggle_row = QHBoxLayout()
        self.toggle_button = QPushButton(self.tr("Enable / disable selected account"))
        self.toggle_button.clicked.connect(self.toggle_selected)
        toggle_row.addWidget(self.toggle_button)
        toggle_row.addStretch(1)
        sbox.addLayout(toggle_row)
        form = QFormLayout()
        self.code_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.role_combo = QComboBox()
        for role in Role:
            self.role_combo.addItem(self._role_text(role), role.value)
        self.role_combo.setCurrentIndex(self.role_combo.findData(Role.CONSULTANT.value))
        self.agency_edit = QLineEdit()
        self.senior_check = QCheckBox(self.tr("Experienced consultant (senior rotation)"))
        self.phone_edit = QLineEdit()
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(8)
        form.addRow(self.tr("Staff code"), self.code_edit)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Role"), self.role_combo)
        form.addRow(self.tr("Agency"), self.agency_edit)
        form.addRow("", self.senior_check)
        form.addRow(self.tr("Work phone"), self.phone_edit)
        form.addRow(self.tr("Initial PIN"), self.pin_edit)
        sbox.addLayout(form)
        add_row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add staff member"))
        self.add_button.clicked.connect(self.add_staff)
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        sbox.addLayout(add_row)
        self.staff_error = error_label()
        sbox.addWidget(self.staff_error)
        self.staff_box.setVisible(actor.can(Permission.MANAGE_STAFF))
        layout.addWidget(self.staff_box)

        # Language
        lang_box = QGroupBox(self.tr("Language"))
        lbox = QHBoxLayout(lang_box)
        self.lang_combo = QComboBox()
        self.lang_combo.addItem("简体中文", "zh_CN")
        self.lang_combo.addItem("English", "en")
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(ctx.lang)))
        self.lang_combo.currentIndexChanged.connect(self.change_language)
        lbox.addWidget(QLabel(self.tr("Interface language on this device")))
        lbox.addWidget(self.lang_combo)
        lbox.addSpacing(24)
        # A shared kiosk signs itself out: the next person never works as the last one.
        self.idle_label = QLabel(self.tr("Sign out after this many idle minutes (0: never)"))
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(0, IDLE_LOCK_MAX)
        self.idle_spin.setValue(ctx.services.preferences.idle_lock_minutes())
        self.idle_spin.editingFinished.connect(self.change_idle_lock)
        for w in (self.idle_label, self.idle_spin):
            lbox.addWidget(w)
            w.setVisible(actor.can(Permission.MANAGE_SETTINGS))
        lbox.addStretch(1)
        self.lang_error = error_label()
        layout.addWidget(lang_box)
        layout.addWidget(self.lang_error)

        # Database
        self.db_box = QGroupBox(self.tr("Database"))
        dbox = QVBoxLayout(self.db_box)
        db_row = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("Verify database"))
        self.verify_button.clicked.connect(self.verify)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.backup)
        db_row.addWidget(self.verify_button)
        db_row.addWidget(self.backup_button)
        db_row.addStretch(1)
        self.db_result = QLabel()
        self.db_result.setWordWrap(True)
        self.db_result.setObjectName("hint")
        dbox.addLayout(db_row)
        dbox.addWidget(self.db_result)
        layout.addWidget(self.db_box)
        # Hidden or shown once inside the page: shown without a parent, it opened as a window
        # of its own for a moment and took the activation from the main window.
        self.db_box.setVisible(actor.can(Permission.VERIFY_LEDGER))
        layout.addStretch(1)

    def _role_text(self, role: Role) -> str:
        return {
            Role.RECEPTION: self.tr("Reception"),
            Role.CONSULTANT: self.tr("Consultant"),
            Role.SENIOR_CONSULTANT: self.tr("Senior consultant"),
            Role.SUPERVISOR: self.tr("Supervisor"),
            Role.ADMIN: self.tr("Administrator"),
            Role.SALES_DIRECTOR: self.tr("Sales director"),
            Role.CUSTOMER_SERVICE: self.tr("Customer-service specialist"),
        }[role]

    def refresh(self) -> None:
        actor = self.ctx.require_actor()
        if not actor.can(Permission.MANAGE_STAFF):
            return
        self.ctx.runner.run(lambda: self.ctx.services.auth.list_staff(actor, True),
                            self.staff_model.set_rows,
                            lambda e: self.report_error(e, self.staff_error))

    # ---- project file -------------------------------------------------------------------

    def choose_project_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Project file"), "", self.tr("Project files (*.json)"),
            options=QFileDialog.Option.DontUseNativeDialog)
        if path:
            self.import_project(Path(path))

    def import_project(self, path: Path) -> None:
        actor = self.ctx.require_actor()
        self.import_button.setEnabled(False)
        self.import_error.setVisible(False)
        self.import_ok.setVisible(False)

        def done(summary: ImportSummary) -> None:
            self.import_button.setEnabled(True)
            self.import_ok.setText(
                self.tr("Imported %1: %2 new units, %3 changed units, %4 new text versions, "
                        "%5 new staff.")
                .replace("%1", summary.project_name).replace("%2", str(summary.units_added))
                .replace("%3", str(summary.units_changed))
                .replace("%4", str(summary.new_text_versions))
                .replace("%5", str(summary.staff_added)))
            self.import_ok.setVisible(True)
            self.ctx.extras["centre_name"] = self.ctx.services.preferences.centre_name()
            self.refresh()  # the file may add staff

        def failed(exc: BaseException) -> None:
            self.import_button.setEnabled(True)
            self.report_error(exc, self.import_error)

        self.ctx.run_op(lambda: self.ctx.services.importer.import_file(actor, path),
                        OpChanges(project=True, staff=True), done, failed, origin=self)

    # ---- staff --------------------------------------------------------------------------

    def add_staff(self) -> None:
        actor = self.ctx.require_actor()
        values = dict(code=self.code_edit.text(), name=self.name_edit.text(),
                      role=Role(self.role_combo.currentData()), pin=self.pin_edit.text(),
                      agency=self.agency_edit.text(), senior=self.senior_check.isChecked(),
                      phone=self.phone_edit.text())
        self.staff_error.setVisible(False)

        def done(_: StaffEntry) -> None:
            for edit in (self.code_edit, self.name_edit, self.agency_edit, self.phone_edit,
                         self.pin_edit):
                edit.clear()
            self.refresh()

        self.ctx.run_op(lambda: self.ctx.services.auth.create_staff(actor, **values),  # type: ignore[arg-type]
                        OpChanges(staff=True), done,
                        lambda e: self.report_error(e, self.staff_error), origin=self)

    def toggle_selected(self) -> None:
        rows = self.staff_view.selectionModel().selectedRows()
        if not rows:
            return
        entry = self.staff_model.row(rows[0].row())
        actor = self.ctx.require_actor()
        self.ctx.run_op(
            lambda: self.ctx.services.auth.set_active(actor, entry.id, not entry.active),
            OpChanges(staff=True), lambda _: self.refresh(),
            lambda e: self.report_error(e, self.staff_error), origin=self)

    # ---- language -----------------------------------------------------------------------

    def change_language(self) -> None:
        lang = str(self.lang_combo.currentData())
        if lang == self.ctx.lang:
            return
        actor = self.ctx.require_actor()
        self.ctx.services.preferences.set_language(actor, lang)
        self.ctx.lang = lang
        app = QCoreApplication.instance()
        if app is not None:
            install_translations(app, lang)
        # The main window rebuilds its screens in the new language.
        self.ctx.events.language_changed.emit(lang)

    def change_idle_lock(self) -> None:
        actor = self.ctx.require_actor()
        minutes = self.idle_spin.value()
        self.lang_error.setVisible(False)
        try:
            self.ctx.services.preferences.set_idle_lock_minutes(actor, minutes)
        except DomainError as exc:
            self.report_error(exc, self.lang_error)

    # ---- database -----------------------------------------------------------------------

    def verify(self) -> None:
        def done(report: VerifyReport) -> None:
            lines = [("✔ " if f.ok else "✘ ") + f"{f.check}: {f.detail}" for f in report.findings]
            verdict = self.tr("Verification passed.") if report.ok else self.tr(
                "Verification FAILED: see the lines marked ✘.")
            self.db_result.setText(verdict + "\n" + "\n".join(lines))

        self.ctx.runner.run(self.ctx.services.maintenance.verify, done,
                            lambda e: self.db_result.setText(self.ctx.error_text(e)))

    def backup(self) -> None:
        self.ctx.runner.run(self.ctx.services.maintenance.backup,
                            lambda p: self.db_result.setText(
                                self.tr("Backed up to %1").replace("%1", str(p))),
                            lambda e: self.db_result.setText(self.ctx.error_text(e)))
