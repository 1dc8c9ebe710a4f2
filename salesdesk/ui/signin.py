"""The sign-in screen: tap your name, type your PIN (keypad for the touch kiosk)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QPushButton, QWidget

from salesdesk.domain.roles import Actor, Role
from salesdesk.services.signin import StaffEntry
from salesdesk.ui.context import UiContext
from salesdesk.ui.forms.ui_signin import Ui_SignInForm

COLUMNS = 4


class SignInScreen(QWidget):
    signed_in = Signal(object)  # Actor

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_SignInForm()
        self.ui.setupUi(self)
        self.ui.centreLabel.setObjectName("pageTitle")
        self.ui.subtitleLabel.setObjectName("hint")
        self.ui.pinCard.setObjectName("card")
        self.ui.selectedLabel.setObjectName("sectionTitle")
        self.ui.pinEdit.setObjectName("bigInput")
        self.ui.errorLabel.setObjectName("errorLabel")
        self.ui.errorLabel.setVisible(False)
        # While the database opens in the background: the PIN may be typed, its check waits.
        self.loading_label = QLabel(self.tr("Opening the database…"))
        self.loading_label.setObjectName("hint")
        self.loading_label.setVisible(False)
        self.ui.pinColumn.addWidget(self.loading_label)
        self.ui.signInButton.setObjectName("primary")
        self.ui.signInButton.setMinimumHeight(48)
        self.ui.staffGrid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.ui.staffContainer.setObjectName("staffContainer")
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QPushButton] = {}
        self._staff: list[StaffEntry] = []
        self._selected: StaffEntry | None = None
        self._build_keypad()
        self.ui.signInButton.clicked.connect(self.submit)
        self.ui.pinEdit.returnPressed.connect(self.submit)
        self.ui.filterEdit.textChanged.connect(self._apply_filter)

    def _build_keypad(self) -> None:
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "C"]
        for i, key in enumerate(keys):
            button = QPushButton(key)
            button.setObjectName("keypad")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self._key(k))
            self.ui.keypadGrid.addWidget(button, i // 3, i % 3)

    def _key(self, key: str) -> None:
        text = self.ui.pinEdit.text()
        if key == "⌫":
            self.ui.pinEdit.setText(text[:-1])
        elif key == "C":
            self.ui.pinEdit.clear()
        elif len(text) < 8:
            self.ui.pinEdit.setText(text + key)

    def load(self) -> None:
        """Show the centre name and the active staff (fast: one small query)."""
        self.ui.centreLabel.setText(self.ctx.extras.get("centre_name") or self.tr("Sales centre"))
        self._staff = self.ctx.signin_list()
        for button in self._buttons.values():
            self._group.removeButton(button)
            button.deleteLater()
        self._buttons.clear()
        for i, entry in enumerate(self._staff):
            button = QPushButton(f"{entry.name}\n{self._role_text(entry.role)}")
            button.setObjectName("staffButton")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, e=entry: self.select(e))
            self._group.addButton(button)
            self._buttons[entry.id] = button
            self.ui.staffGrid.addWidget(button, i // COLUMNS, i % COLUMNS)
        self._selected = None
        self.ui.selectedLabel.setText(self.tr("Nobody selected"))
        self.ui.pinEdit.clear()
        self.ui.errorLabel.setVisible(False)

    def set_loading(self, loading: bool) -> None:
        """Show that the rest of SalesDesk is still loading (the PIN check will wait for it)."""
        self.loading_label.setText(self.tr("Opening the database…"))
        self.loading_label.setVisible(loading)

    def _role_text(self, role: Role) -> str:
        labels = {
            Role.RECEPTION: self.tr("Reception"),
            Role.CONSULTANT: self.tr("Consultant"),
            Role.SENIOR_CONSULTANT: self.tr("Senior consultant"),
            Role.SUPERVISOR: self.tr("Supervisor"),
            Role.ADMIN: self.tr("Administrator"),
            Role.SALES_DIRECTOR: self.tr("Sales director"),
            Role.CUSTOMER_SERVICE: self.tr("Customer-service specialist"),
        }
        return labels[role]

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for entry in self._staff:
            visible = not needle or needle in entry.name.lower() or needle in entry.code.lower()
            self._buttons[entry.id].setVisible(visible)

    def select(self, entry: StaffEntry) -> None:
        self._selected = entry
        self._buttons[entry.id].setChecked(True)
        self.ui.selectedLabel.setText(f"{entry.name} · {self._role_text(entry.role)}")
        self.ui.pinEdit.clear()
        self.ui.errorLabel.setVisible(False)
        self.ui.pinEdit.setFocus()

    def submit(self) -> None:
        if self._selected is None:
            self._show_error(self.tr("Tap your name first."))
            return
        pin = self.ui.pinEdit.text()
        staff_id = self._selected.id
        self.ui.signInButton.setEnabled(False)
        # scrypt takes tens of milliseconds on purpose: off the GUI thread.
        self.ctx.runner.run(lambda: self.ctx.services.auth.sign_in(staff_id, pin),
                            self._done, self._failed, write=True)

    def _done(self, actor: Actor) -> None:
        self.ui.signInButton.setEnabled(True)
        self.ui.pinEdit.clear()
        self.signed_in.emit(actor)

    def _failed(self, exc: BaseException) -> None:
        self.ui.signInButton.setEnabled(True)
        self.ui.pinEdit.clear()
        self._show_error(self.ctx.error_text(exc))

    def _show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(True)
