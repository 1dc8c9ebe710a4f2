"""The reception page. Reception (and supervisors) get the kiosk check-in beside the rotation
and the waiting queue; consultants get their own queue. Supervisors can open the figures."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
)

from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.domain.roles import Permission
from salesdesk.services.reception import Floor, MyQueue
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.pages.base import Page
from salesdesk.ui.reception.board import DisplayBoardWindow, screen_named
from salesdesk.ui.reception.checkin import CheckInPanel
from salesdesk.ui.reception.figures import ReceptionFiguresWidget
from salesdesk.ui.reception.floor import FloorPanel
from salesdesk.ui.reception.my_queue import MyQueuePanel

# How often a consultant's device pulls while on duty (the sync driver's usual round is 45 s).
CALL_PULL_SECONDS = 5


class ReceptionPage(Page):
    areas = frozenset({"reception", "customers", "appointments"})

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        actor = ctx.require_actor()
        self.front_desk = actor.can(Permission.CHECK_IN)
        self.board_window: DisplayBoardWindow | None = None
        self.loads = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        title = QLabel(self.tr("Reception") if self.front_desk else self.tr("My visitors"))
        title.setObjectName("pageTitle")
        head.addWidget(title)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("hint")
        head.addWidget(self.subtitle)
        head.addStretch(1)
        self.figures_button = QPushButton(self.tr("Figures…"))
        self.figures_button.clicked.connect(self.open_figures)
        head.addWidget(self.figures_button)
        # Which screen the board goes full-screen on: remembered per device.
        self.screen_combo = QComboBox()
        self.screen_combo.setToolTip(self.tr("Screen for the display board"))
        self.fill_screens()
        self.screen_combo.activated.connect(self._screen_chosen)
        head.addWidget(self.screen_combo)
        self.board_button = QPushButton(self.tr("Display board"))
        self.board_button.clicked.connect(self.open_board)
        head.addWidget(self.board_button)
        layout.addLayout(head)
        # Hidden only once it has its place in the page: made visible with no parent it would
        # open as a window of its own for a moment.
        self.figures_button.setVisible(actor.can(Permission.VIEW_AUDIT))

        body = QHBoxLayout()
        body.setSpacing(14)
        self.checkin: CheckInPanel | None = None
        self.my_queue: MyQueuePanel | None = None
        if self.front_desk:
            self.checkin = CheckInPanel(ctx)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(self.checkin)
            scroll.setMinimumWidth(480)
            body.addWidget(scroll, 5)
        else:
            self.my_queue = MyQueuePanel(ctx)
            body.addWidget(self.my_queue, 3)
        self.floor_panel = FloorPanel(ctx)
        if self.front_desk and actor.can(Permission.RECEIVE_CUSTOMER):
            # A supervisor runs the floor and also receives (important visitors, manager rule).
            self.my_queue = MyQueuePanel(ctx)
            self.tabs = QTabWidget()
            self.tabs.addTab(self.floor_panel, self.tr("Floor"))
            self.tabs.addTab(self.my_queue, self.tr("My visitors"))
            body.addWidget(self.tabs, 6)
        else:
            body.addWidget(self.floor_panel, 6 if self.front_desk else 4)
        layout.addLayout(body, 1)
        if self.checkin is not None:
            self.setFocusProxy(self.checkin.phone)
        # Other devices (consultants' laptops, a second kiosk) change the floor too: poll.
        self._loading = False
        self._reload = False
        self.poll = QTimer(self)
        self.poll.setInterval(3000)
        self.poll.timeout.connect(self._poll)
        self.poll.start()

    def _on_op(self, changes: OpChanges, origin: object) -> None:
        # A consultant must hear of a call at once, whether this device made the assignment
        # (a check-in, a colleague's finish) or a sync round pulled it, and even while another
        # page is showing: so the queue reloads on every reception change, not on the poll.
        if self.my_queue is not None and changes.reception:
            if self._loading:
                self._reload = True  # the load in flight may predate this change
            else:
                self.refresh()
            return
        super()._on_op(changes, origin)

    def _poll(self) -> None:
        if self.isVisible() and not self._loading:
            self.refresh()

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        svc = self.ctx.services.reception
        self._loading = True
        if self.my_queue is not None:
            self.ctx.runner.run(lambda: (svc.floor(actor), svc.my_queue(actor)), self._show_both,
                                self._failed)
        else:
            self.ctx.runner.run(lambda: svc.floor(actor), self._show_floor, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.subtitle.setText(self.ctx.error_text(exc))

    def _show_floor(self, floor: Floor) -> None:
        self._loading = False
        self.loads += 1
        self.floor_panel.show_floor(floor)
        on = sum(1 for e in floor.rotation if e.status != "off")
        free = sum(1 for e in floor.rotation if e.status == "available")
        now = self.ctx.services.db.now().astimezone(PROJECT_TZ)
        self.subtitle.setText(self.tr("%1 · %2 on duty · %3 free · %4 receiving").replace(
            "%1", now.strftime("%m-%d %H:%M")).replace("%2", str(on)).replace(
            "%3", str(free)).replace("%4", str(len(floor.receiving))))

    def _show_both(self, result: tuple[Floor, MyQueue]) -> None:
        floor, mine = result
        if self.my_queue is not None:
            self.my_queue.show_queue(mine, floor)
            self._pace_sync(mine.on_duty)
        self._show_floor(floor)
        if self._reload:
            self._reload = False
            self.refresh()

    def _pace_sync(self, on_duty: bool) -> None:
        """On duty, a call made at the front desk's device must reach this one within seconds,
        not at the driver's usual 45-s round."""
        driver = getattr(self.window(), "sync_driver", None)
        if driver is not None and hasattr(driver, "set_pace"):
            driver.set_pace("reception.on_duty", CALL_PULL_SECONDS if on_duty else None)

    def fill_screens(self) -> None:
        chosen = screen_named(self.ctx.services.preferences.board_screen())
        self.screen_combo.clear()
        for screen in QGuiApplication.screens():
            size = screen.geometry()
            self.screen_combo.addItem(f"{screen.name()} ({size.width()}×{size.height()})",
                                      screen.name())
            if screen is chosen:
                self.screen_combo.setCurrentIndex(self.screen_combo.count() - 1)

    def _screen_chosen(self, _index: int) -> None:
        actor = self.ctx.require_actor()
        self.ctx.services.preferences.set_board_screen(actor,
                                                       str(self.screen_combo.currentData()))
        if self.board_window is not None and self.board_window.isVisible():
            self.open_board()

    def open_board(self) -> DisplayBoardWindow:
        if self.board_window is None:
            self.board_window = DisplayBoardWindow(self.ctx)
            self.board_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.board_window.show_on(screen_named(self.ctx.services.preferences.board_screen()))
        return self.board_window

    def open_figures(self) -> QDialog:
        dlg = QDialog(self)
        dlg.setWindowTitle(self.tr("Reception figures"))
        dlg.resize(1100, 700)
        lay = QVBoxLayout(dlg)
        lay.addWidget(ReceptionFiguresWidget(self.ctx))
        dlg.show()
        return dlg

    def closeEvent(self, event: object) -> None:
        if self.board_window is not None:
            self.board_window.close()
        super().closeEvent(event)  # type: ignore[arg-type]


def make_page(ctx: UiContext) -> Page:
    return ReceptionPage(ctx)
