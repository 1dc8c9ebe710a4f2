"""The kiosk check-in: a big phone field with a keypad, party size, source, an optional
salutation, the important-visitor flag. The found customer is shown masked, with their
consultant or today's appointment."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import DomainError
from salesdesk.services.reception import CheckInRequest, CheckInResult, Lookup
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.reception.floor import duty_label
from salesdesk.ui.reception.labels import appointment_text
from salesdesk.ui.widgets import error_label


class CheckInPanel(QFrame):
    """Emits ``checked_in`` with the result after a successful check-in."""

    checked_in = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("card")
        # Touch targets: the two flags must be easy to tick with a finger.
        self.setStyleSheet("QCheckBox { font-size: 15px; spacing: 8px; }"
                           "QCheckBox::indicator { width: 26px; height: 26px; }")
        self._lookup: Lookup | None = None
        self._lookup_for = ""
        self.busy = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        title = QLabel(self.tr("Check in a visitor"))
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        # The last check-in's answer sits at the top, where reception looks, and stays until
        # the next check-in replaces it: below the button it fell off a laptop's screen while
        # the form cleared, so nothing seemed to happen.
        self.result = QLabel()
        self.result.setObjectName("okLabel")
        self.result.setProperty("banner", True)
        self.result.setStyleSheet("font-size: 18px; font-weight: 600; padding: 8px 10px;")
        self.result.setWordWrap(True)
        self.result.setVisible(False)
        layout.addWidget(self.result)

        self.phone = QLineEdit()
        self.phone.setObjectName("bigInput")
        self.phone.setPlaceholderText(self.tr("Mobile number"))
        self.phone.setMaxLength(16)
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.phone.textChanged.connect(self._phone_changed)
        self.phone.returnPressed.connect(self.submit)
        layout.addWidget(self.phone)
        self.phone_error = error_label()
        layout.addWidget(self.phone_error)

        keypad = QGridLayout()
        keypad.setSpacing(6)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "⌫"]
        for i, key in enumerate(keys):
            b = QPushButton(self.tr("Clear") if key == "C" else key)
            b.setObjectName("keypad")
            b.setFixedHeight(52)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, k=key: self._key(k))
            keypad.addWidget(b, i // 3, i % 3)
        layout.addLayout(keypad)

        # What the phone number found: masked, never the full number.
        self.found = QLabel()
        self.found.setObjectName("hint")
        self.found.setWordWrap(True)
        self.found.setMinimumHeight(40)
        layout.addWidget(self.found)

        self.owner_box = QWidget()
        owner_layout = QHBoxLayout(self.owner_box)
        owner_layout.setContentsMargins(0, 0, 0, 0)
        self.owner_group = QButtonGroup(self)
        self.owner_buttons: dict[str, QPushButton] = {}
        for key, text in (("wait", self.tr("Wait for them")), ("backup", self.tr("Their backup")),
                          ("rotation", self.tr("Next in rotation"))):
            b = QPushButton(text)
            b.setObjectName("staffButton")
            b.setCheckable(True)
            self.owner_group.addButton(b)
            self.owner_buttons[key] = b
            b.setStyleSheet("min-width: 0px;")
            owner_layout.addWidget(b)
        self.owner_box.setVisible(False)
        layout.addWidget(self.owner_box)
        self.owner_error = error_label()
        layout.addWidget(self.owner_error)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Party size")))
        minus = QPushButton("−")
        minus.setFixedSize(56, 48)
        minus.setStyleSheet("font-size: 24px; padding: 0px;")
        self.party = QLineEdit("2")
        self.party.setValidator(QIntValidator(0, 999, self))
        self.party.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.party.setFixedSize(84, 48)
        self.party.setStyleSheet("font-size: 22px;")
        self.party.returnPressed.connect(self.submit)
        plus = QPushButton("+")
        plus.setFixedSize(56, 48)
        plus.setStyleSheet("font-size: 24px; padding: 0px;")
        minus.clicked.connect(lambda: self.set_party(max(1, self.party_size() - 1)))
        plus.clicked.connect(lambda: self.set_party(self.party_size() + 1))
        row.addWidget(minus)
        row.addWidget(self.party)
        row.addWidget(plus)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Salutation")))
        self.salutation = QLineEdit()
        self.salutation.setPlaceholderText(self.tr("e.g. 王先生 (optional)"))
        self.salutation.setMaxLength(16)
        self.salutation.returnPressed.connect(self.submit)
        row.addWidget(self.salutation, 1)
        layout.addLayout(row)
        self.party_error = error_label()
        layout.addWidget(self.party_error)

        sources = QHBoxLayout()
        self.source_group = QButtonGroup(self)
        self.source_buttons: dict[str, QPushButton] = {}
        for key, text in (("walk_in", self.tr("Walk-in")), ("referral", self.tr("Owner referral")),
                          ("agency", self.tr("Agency")), ("phone_invite", self.tr("Phone invite"))):
            b = QPushButton(text)
            b.setObjectName("staffButton")
            b.setCheckable(True)
            self.source_group.addButton(b)
            self.source_buttons[key] = b
            b.setStyleSheet("min-width: 0px;")
            sources.addWidget(b)
        self.source_buttons["walk_in"].setChecked(True)
        layout.addLayout(sources)

        self.agency_box = QWidget()
        agency_layout = QHBoxLayout(self.agency_box)
        agency_layout.setContentsMargins(0, 0, 0, 0)
        self.agency = QLineEdit()
        self.agency.setPlaceholderText(self.tr("Agency"))
        self.agent = QLineEdit()
        self.agent.setPlaceholderText(self.tr("Agent's name"))
        agency_layout.addWidget(self.agency)
        agency_layout.addWidget(self.agent)
        self.agency_box.setVisible(False)
        layout.addWidget(self.agency_box)
        for b in self.source_buttons.values():
            b.toggled.connect(self._source_changed)
        self.agent_error = error_label()
        layout.addWidget(self.agent_error)

        # One under the other: side by side, the English texts made the form wider than its
        # column and cut the keypad's third column.
        flags = QVBoxLayout()
        self.important = QCheckBox(self.tr("Important visitor (senior consultants only)"))
        # The second tier: the sales manager receives (tiered rule, a project setting).
        self.very_important = QCheckBox(self.tr("Very important visitor (sales manager)"))
        self.consent = QCheckBox(self.tr("Customer agrees we record the number"))
        flags.addWidget(self.important)
        flags.addWidget(self.very_important)
        flags.addWidget(self.consent)
        layout.addLayout(flags)
        self.consent_error = error_label()
        layout.addWidget(self.consent_error)

        self.submit_button = QPushButton(self.tr("Check in (Enter)"))
        self.submit_button.setObjectName("primary")
        self.submit_button.setProperty("big", True)
        self.submit_button.setMinimumHeight(56)
        self.submit_button.setStyleSheet("font-size: 20px;")
        self.submit_button.clicked.connect(self.submit)
        layout.addWidget(self.submit_button)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._errors = {"phone": self.phone_error, "party_size": self.party_error,
                        "agent_name": self.agent_error, "consent": self.consent_error,
                        "owner_choice": self.owner_error}
        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(150)
        self._lookup_timer.timeout.connect(self._run_lookup)

    # --- input -------------------------------------------------------------------------

    def _key(self, key: str) -> None:
        if key == "C":
            self.phone.clear()
        elif key == "⌫":
            self.phone.backspace()
        else:
            self.phone.insert(key)
        self.phone.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            return
        super().keyPressEvent(event)

    def _source_changed(self) -> None:
        self.agency_box.setVisible(self.source_buttons["agency"].isChecked())

    def party_size(self) -> int:
        text = self.party.text().strip()
        return int(text) if text.isdigit() else 0

    def set_party(self, size: int) -> None:
        self.party.setText(str(size))

    def source(self) -> str:
        for key, b in self.source_buttons.items():
            if b.isChecked():
                return key
        return "walk_in"

    def owner_choice(self) -> str | None:
        if not self.owner_box.isVisible():
            return None
        for key, b in self.owner_buttons.items():
            if b.isChecked():
                return key
        return None

    def _digits(self) -> str:
        return "".join(ch for ch in self.phone.text() if ch.isdigit())

    def _phone_changed(self) -> None:
        if len(self._digits()) == 11:
            self._lookup_timer.start()
        else:
            self._lookup = None
            self.found.setText("")
            self.owner_box.setVisible(False)

    def _run_lookup(self) -> None:
        actor = self.ctx.actor
        phone = self._digits()
        if actor is None or len(phone) != 11:
            return
        svc = self.ctx.services.reception
        self._lookup_for = phone

        def shown(result: Lookup) -> None:
            self._show_lookup(phone, result)

        def failed(exc: BaseException) -> None:
            self._lookup_failed(phone, exc)

        self.ctx.runner.run(lambda: svc.lookup(actor, phone), shown, failed)

    def _lookup_failed(self, phone: str, exc: BaseException) -> None:
        if phone == self._digits() and isinstance(exc, DomainError):
            self.found.setText(self.ctx.error_text(exc))

    def _show_lookup(self, phone: str, lookup: Lookup) -> None:
        if phone != self._digits():
            return  # typed on meanwhile
        self._lookup = lookup
        for b in self.owner_buttons.values():
            b.setChecked(False)
        if lookup.customer_id is None:
            self.found.setText(self.tr("New customer · %1 · ask for consent").replace(
                "%1", lookup.masked_phone))
            self.consent.setVisible(True)
            self.owner_box.setVisible(False)
            return
        self.consent.setVisible(False)
        parts = [self.tr("Returning customer"), lookup.display_name, lookup.masked_phone,
                 self.tr("%1 visits").replace("%1", str(lookup.visits))]
        if lookup.open_visit_ticket:
            parts.append(self.tr("already checked in: %1").replace("%1",
                                                                   lookup.open_visit_ticket))
        if lookup.appointments:
            parts.append(self.tr("appointment: %1").replace("%1", appointment_text(lookup.appointments[0])))
        owner = lookup.owner
        if owner is not None:
            parts.append(self.tr("consultant %1 (%2)").replace("%1", owner.name)
                         .replace("%2", duty_label(owner.status)))
        self.found.setText(" · ".join(parts))
        needs_choice = owner is not None and not owner.available and not lookup.appointments
        self.owner_box.setVisible(needs_choice)
        if needs_choice and owner is not None:
            self.owner_buttons["backup"].setText(
                self.tr("Backup: %1").replace("%1", owner.backup_name) if owner.backup_name
                else self.tr("No backup named"))
            self.owner_buttons["backup"].setEnabled(bool(owner.backup_name))

    # --- submit --------------------------------------------------------------------------

    def request(self) -> CheckInRequest:
        return CheckInRequest(
            phone=self.phone.text(), party_size=self.party_size(), source=self.source(),
            agency_name=self.agency.text(), agent_name=self.agent.text(),
            salutation=self.salutation.text(), important=self.important.isChecked(),
            very_important=self.very_important.isChecked(), consent=self.consent.isChecked(), owner_choice=self.owner_choice(),
            group_tour=self.party_size() >= 10)

    def _clear_errors(self) -> None:
        for label in (*self._errors.values(), self.error):
            label.setVisible(False)

    def submit(self) -> None:
        actor = self.ctx.actor
        if actor is None or self.busy:
            return
        self._clear_errors()
        self._lookup_timer.stop()  # the check-in looks the number up itself
        req = self.request()
        svc = self.ctx.services.reception
        self.busy = True
        self.submit_button.setEnabled(False)
        # No origin: the panel shows the ticket, the page around it reloads the floor.
        self.ctx.run_op(lambda: svc.check_in(actor, req), OpChanges(reception=True, customers=True),
                        self._done, self._failed)

    def _done(self, result: CheckInResult) -> None:
        self.busy = False
        self.submit_button.setEnabled(True)
        if result.duplicate:
            text = self.tr("Already checked in a moment ago: ticket %1").replace(
                "%1", result.ticket)
        elif result.route == "signing":
            text = self.tr("Ticket %1 · signing appointment %2: please take them to the "
                           "signing desk").replace("%1", result.ticket).replace(
                "%2", appointment_text(result.appointment) if result.appointment else "")
        elif result.consultant_name and result.status == "called":
            text = self.tr("Ticket %1 · %2 receives them now").replace(
                "%1", result.ticket).replace("%2", result.consultant_name)
        elif result.consultant_name:
            text = self.tr("Ticket %1 · waits for %2, about %3 min").replace(
                "%1", result.ticket).replace("%2", result.consultant_name).replace(
                "%3", str(result.wait_minutes))
        else:
            text = self.tr("Ticket %1 · please wait, about %2 min").replace(
                "%1", result.ticket).replace("%2", str(result.wait_minutes))
        self.clear()
        self.result.setText(text)
        self.result.setVisible(True)
        self._bring_into_view(self.result)
        self.checked_in.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.submit_button.setEnabled(True)
        field = exc.field if isinstance(exc, DomainError) else None
        label = self._errors.get(field or "", self.error)
        if field == "owner_choice":
            self.owner_box.setVisible(True)
        label.setText(self.ctx.error_text(exc))
        label.setVisible(True)

    def _bring_into_view(self, widget: QWidget) -> None:
        """Scroll every scroll area around the form so ``widget`` shows, once laid out."""

        def scroll() -> None:
            parent = self.parentWidget()
            while parent is not None:
                if isinstance(parent, QScrollArea):
                    parent.ensureWidgetVisible(widget, 0, 0)
                parent = parent.parentWidget()

        QTimer.singleShot(0, self, scroll)

    def clear(self) -> None:
        self.phone.clear()
        self.salutation.clear()
        self.agency.clear()
        self.agent.clear()
        self.set_party(2)
        self.important.setChecked(False)
        self.very_important.setChecked(False)
        self.consent.setChecked(False)
        self.consent.setVisible(True)
        self.source_buttons["walk_in"].setChecked(True)
        self.owner_box.setVisible(False)
        self._clear_errors()
        self.found.setText("")
        self.phone.setFocus()
