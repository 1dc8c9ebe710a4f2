"""The kiosk check-in: a big phone field with a keypad, party size, source, an optional
salutation, the important-visitor flag. The found customer is shown masked, with their
consultant or today's appointment. The layout is forms/reception_checkin.ui."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea, QWidget

from salesdesk.domain.errors import DomainError
from salesdesk.services.reception import CheckInRequest, CheckInResult, Lookup
from salesdesk.ui.context import UiContext
from salesdesk.ui.forms.ui_reception_checkin import Ui_CheckInPanel
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.reception.floor import duty_label
from salesdesk.ui.reception.labels import appointment_text


class CheckInPanel(QFrame):
    """Emits ``checked_in`` with the result after a successful check-in."""

    checked_in = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_CheckInPanel()
        self.ui.setupUi(self)
        ui = self.ui
        # Touch targets (the flags' size, the keypad's height) are the form's; the stylesheet's
        # classes are set here, since uic needs a unique name for each widget.
        self.setObjectName("card")
        self._lookup: Lookup | None = None
        self._lookup_for = ""
        self.busy = False
        # The last check-in's answer sits at the top, where reception looks, and stays until
        # the next check-in replaces it: below the button it fell off a laptop's screen while
        # the form cleared, so nothing seemed to happen.
        self.result = ui.resultLabel
        self.phone = ui.phoneEdit
        self.found = ui.foundLabel  # masked, never the full number
        self.owner_box, self.owner_group = ui.ownerBox, ui.ownerGroup
        self.owner_buttons: dict[str, QPushButton] = {
            "wait": ui.waitButton, "backup": ui.backupButton, "rotation": ui.rotationButton}
        self.party, self.salutation = ui.partyEdit, ui.salutationEdit
        self.source_group = ui.sourceGroup
        self.source_buttons: dict[str, QPushButton] = {
            "walk_in": ui.walkInButton, "referral": ui.referralButton,
            "agency": ui.agencyButton, "phone_invite": ui.phoneInviteButton}
        self.agency_box, self.agency, self.agent = ui.agencyBox, ui.agencyEdit, ui.agentEdit
        self.important, self.very_important = ui.importantCheck, ui.veryImportantCheck
        self.consent = ui.consentCheck
        self.submit_button = ui.submitButton
        self.phone_error, self.owner_error, self.party_error = (
            ui.phoneError, ui.ownerError, ui.partyError)
        self.agent_error, self.consent_error, self.error = (
            ui.agentError, ui.consentError, ui.formError)
        styles: list[tuple[QWidget, str]] = [
            (ui.titleLabel, "sectionTitle"), (self.result, "okLabel"), (self.phone, "bigInput"),
            (self.found, "hint"), (self.submit_button, "primary"),
            *((b, "staffButton") for b in (*self.owner_buttons.values(),
                                           *self.source_buttons.values())),
            *((e, "errorLabel") for e in (self.phone_error, self.owner_error, self.party_error,
                                          self.agent_error, self.consent_error, self.error))]
        for widget, style in styles:
            widget.setObjectName(style)
        for label in (self.result, self.owner_box, self.agency_box, self.phone_error,
                      self.owner_error, self.party_error, self.agent_error, self.consent_error,
                      self.error):
            label.setVisible(False)

        keys = {ui.key1: "1", ui.key2: "2", ui.key3: "3", ui.key4: "4", ui.key5: "5",
                ui.key6: "6", ui.key7: "7", ui.key8: "8", ui.key9: "9", ui.keyClear: "C",
                ui.key0: "0", ui.keyBack: "⌫"}
        for button, key in keys.items():
            button.setObjectName("keypad")
            button.clicked.connect(lambda _=False, k=key: self._key(k))
        self.phone.textChanged.connect(self._phone_changed)
        self.phone.returnPressed.connect(self.submit)
        self.party.setValidator(QIntValidator(0, 999, self))
        self.party.returnPressed.connect(self.submit)
        ui.minusButton.clicked.connect(lambda: self.set_party(max(1, self.party_size() - 1)))
        ui.plusButton.clicked.connect(lambda: self.set_party(self.party_size() + 1))
        self.salutation.returnPressed.connect(self.submit)
        for b in self.source_buttons.values():
            b.toggled.connect(self._source_changed)
        self.submit_button.clicked.connect(self.submit)
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
