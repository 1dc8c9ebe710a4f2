"""The customer-care page: one tab per job, shown by what the signed-in role may do."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.care.satisfaction import Occasion
from salesdesk.domain.roles import Permission
from salesdesk.services.care import KioskCustomer
from salesdesk.ui.care.kiosk import ScoreCardKiosk
from salesdesk.ui.care.labels import occasion_label
from salesdesk.ui.context import UiContext
from salesdesk.ui.pages.base import Page
from salesdesk.ui.widgets import error_label


class ScoreCardLauncher(QWidget):
    """Staff find the customer, then hand the kiosk over: the card itself shows no staff data."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kiosk: ScoreCardKiosk | None = None
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Find the customer by the last four digits of their phone, then "
                              "hand the screen to them. The card opens full screen."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        row = QHBoxLayout()
        self.last4 = QLineEdit()
        self.last4.setObjectName("bigInput")
        self.last4.setMaxLength(4)
        self.last4.setPlaceholderText(self.tr("last 4 digits"))
        self.last4.returnPressed.connect(self.find_customer)
        find = QPushButton(self.tr("Find"))
        find.setObjectName("bigButton")
        find.clicked.connect(self.find_customer)
        self.occasion = QComboBox()
        for occ in Occasion:
            self.occasion.addItem(occasion_label(occ), occ.value)
        row.addWidget(self.last4, 1)
        row.addWidget(find)
        row.addWidget(self.occasion)
        layout.addLayout(row)
        self.results = QListWidget()
        self.results.setObjectName("plain")
        self.results.setStyleSheet("font-size: 18px;")
        self.results.itemDoubleClicked.connect(lambda _i: self.start())
        layout.addWidget(self.results, 1)
        self.error = error_label()
        layout.addWidget(self.error)
        self.start_button = QPushButton(self.tr("Hand the screen to the customer"))
        self.start_button.setObjectName("primary")
        self.start_button.setMinimumHeight(56)
        self.start_button.clicked.connect(self.start)
        layout.addWidget(self.start_button)
        self.thanks = QLabel()
        self.thanks.setObjectName("okLabel")
        self.thanks.setVisible(False)
        layout.addWidget(self.thanks)

    def refresh(self) -> None:
        pass

    def find_customer(self) -> None:
        actor = self.ctx.require_actor()
        digits = self.last4.text().strip()
        svc = self.ctx.services.satisfaction
        self.error.setVisible(False)
        self.ctx.runner.run(lambda: svc.find_for_card(actor, digits), self._found, self._failed,
                            owner=self)

    def _found(self, customers: list[KioskCustomer]) -> None:
        self.results.clear()
        for c in customers:
            item = QListWidgetItem(f"{c.label}　{c.unit}　{c.masked_phone}")
            item.setData(Qt.ItemDataRole.UserRole, c)
            self.results.addItem(item)
        if customers:
            self.results.setCurrentRow(0)
        else:
            self._show(self.tr("No customer with these digits"))

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def _failed(self, exc: BaseException) -> None:
        self._show(self.ctx.error_text(exc))

    def start(self) -> ScoreCardKiosk | None:
        item = self.results.currentItem()
        if item is None:
            self._show(self.tr("Find and select the customer first"))
            return None
        c: KioskCustomer = item.data(Qt.ItemDataRole.UserRole)
        occasion = Occasion(self.occasion.currentData())
        self.thanks.setVisible(False)
        self.kiosk = ScoreCardKiosk(self.ctx, c.customer_id, c.label, occasion, self)
        self.kiosk.accepted.connect(self._finished)
        self.kiosk.showFullScreen()
        return self.kiosk

    def _finished(self) -> None:
        self.results.clear()
        self.last4.clear()
        self.thanks.setText(self.tr("Score card saved."))
        self.thanks.setVisible(True)


class CarePage(Page):
    areas = frozenset({"care", "customers"})

    def __init__(self, ctx: UiContext, *, ahead: bool = False) -> None:
        """``ahead``: the tabs' views are left in ``parts``, one per step (see PageSpec.ahead)."""
        super().__init__(ctx)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Customer care"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        from salesdesk.ui.care.complaints_view import ComplaintsView
        from salesdesk.ui.care.escalations_view import EscalationsView
        from salesdesk.ui.care.handover_view import HandoverView
        from salesdesk.ui.care.messages_view import MessagesView
        from salesdesk.ui.care.satisfaction_view import SatisfactionView
        from salesdesk.ui.care.tasks_view import TaskListView
        from salesdesk.ui.care.templates_view import TemplatesView

        self.task_list: TaskListView | None = None
        self.score_cards: ScoreCardLauncher | None = None
        self.satisfaction: SatisfactionView | None = None
        self.complaints: ComplaintsView | None = None
        self.handover: HandoverView | None = None
        self.messages: MessagesView | None = None
        self.escalations: EscalationsView | None = None
        self.templates: TemplatesView | None = None
        # No scheduler on a sales-centre PC: opening the page does the day's greetings and
        # news tasks and sends what is due (idempotent). Opening, not building: the workspace
        # builds its pages ahead of their first visit.
        self._daily_pending = ctx.require_actor().can(Permission.RECORD_FOLLOW_UP)
        self.parts = self._tab_parts()
        if not ahead:
            self.finish_parts()

    def _tab_parts(self) -> Iterator[None]:
        """Each tab's view in turn (the heaviest take tens of milliseconds each)."""
        from salesdesk.ui.care.complaints_view import ComplaintsView
        from salesdesk.ui.care.escalations_view import EscalationsView
        from salesdesk.ui.care.handover_view import HandoverView
        from salesdesk.ui.care.messages_view import MessagesView
        from salesdesk.ui.care.satisfaction_view import SatisfactionView
        from salesdesk.ui.care.tasks_view import TaskListView
        from salesdesk.ui.care.templates_view import TemplatesView

        ctx, actor = self.ctx, self.ctx.require_actor()
        if actor.can(Permission.RECORD_FOLLOW_UP):
            self.task_list = TaskListView(ctx)
            self.tabs.addTab(self.task_list, self.tr("Follow-ups"))
            yield
            self.messages = MessagesView(ctx)
            self.tabs.addTab(self.messages, self.tr("Messages to send"))
            yield
        if actor.can(Permission.HANDLE_ESCALATION):
            self.escalations = EscalationsView(ctx)
            self.tabs.addTab(self.escalations, self.tr("My escalations"))
            yield
        if actor.can(Permission.SUBMIT_SCORE_CARD):
            self.score_cards = ScoreCardLauncher(ctx)
            self.tabs.addTab(self.score_cards, self.tr("Score card"))
            yield
        if actor.can(Permission.VIEW_SATISFACTION):
            self.satisfaction = SatisfactionView(ctx)
            self.tabs.addTab(self.satisfaction, self.tr("Satisfaction"))
            # Ctrl+P (main window) prints the report while its tab is shown: the shortcut
            # skips a button that is not visible.
            self.print_button = self.satisfaction.print_button
            yield
        if actor.can(Permission.RECORD_COMPLAINT):
            self.complaints = ComplaintsView(ctx)
            self.tabs.addTab(self.complaints, self.tr("Complaints"))
            yield
        if actor.can(Permission.HANDOVER_CUSTOMERS):
            self.handover = HandoverView(ctx)
            self.tabs.addTab(self.handover, self.tr("Handover"))
            yield
        if actor.can(Permission.MANAGE_SETTINGS) and actor.can(Permission.RECORD_FOLLOW_UP):
            self.templates = TemplatesView(ctx)
            self.tabs.addTab(self.templates, self.tr("Message templates"))
        # Connected once every tab is in: adding the first one made it current, which would
        # have loaded its data while the page was still being built.
        self.tabs.currentChanged.connect(lambda _i: self.refresh())

    def showEvent(self, event: QShowEvent) -> None:
        if self._daily_pending:
            self._daily_pending = False
            actor = self.ctx.require_actor()
            care = self.ctx.services.care
            self.ctx.runner.run(lambda: care.run_daily(actor), lambda _r: self.refresh(),
                                lambda _e: None, write=True, owner=self)
        super().showEvent(event)

    def refresh(self) -> None:
        current = self.tabs.currentWidget()
        refresh = getattr(current, "refresh", None)
        if callable(refresh):
            refresh()

    def show_tab(self, widget: QWidget) -> None:
        self.tabs.setCurrentWidget(widget)
