"""The display board for a second screen or a TV: who is being received (ticket → consultant),
the tickets still waiting, the last five called, and about how long the wait is. Public: ticket
labels, consultants and 王先生 at most, never a phone number or a full name.

It refreshes on every reception change and on a one-second timer (changes made on another
device arrive through the database, not through this process's signal). When more parties are
received or waiting than one screen holds, the board turns pages on its own timer; a cycle
(`cycle_length()` page turns) shows every party once. A newly called ticket chimes and, where
Qt's text-to-speech is installed, is announced in Mandarin.

The frame (title, clock, the two columns and their headings) is forms/reception_board.ui; the
cards and ticket lines inside it are made here, a page's worth."""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QWidget

from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.services.reception import Board, BoardCall
from salesdesk.ui.context import UiContext
from salesdesk.ui.forms.ui_reception_board import Ui_DisplayBoardWindow
from salesdesk.ui.ops import OpChanges

BOARD_STYLE = """
QWidget#board { background: #0b1f3a; }
QLabel { color: #e6edf7; font-family: "WenQuanYi Micro Hei"; }
QLabel#boardTitle { font-size: 34px; font-weight: bold; color: white; }
QLabel#boardClock { font-size: 28px; color: #8fb3e8; }
QLabel#boardHead { font-size: 22px; color: #8fb3e8; padding: 4px 0; }
QLabel#boardPage { font-size: 20px; color: #8fb3e8; }
QFrame#boardCard { background: #12315c; border-radius: 14px; }
QLabel#boardTicket { font-size: 40px; font-weight: bold; color: #ffd166; }
QLabel#boardArrow { font-size: 30px; color: #8fb3e8; }
QLabel#boardConsultant { font-size: 34px; font-weight: bold; color: white; }
QLabel#boardGuest { font-size: 24px; color: #c7d7ee; }
QLabel#boardWaitTicket { font-size: 28px; font-weight: bold; color: #e6edf7; }
QLabel#boardCalled { font-size: 26px; color: #e6edf7; }
QLabel#boardBig { font-size: 56px; font-weight: bold; color: #ffd166; }
QLabel#boardSmall { font-size: 22px; color: #8fb3e8; }
"""

# The announcement is Mandarin whatever the desk's language: it is for the visitors.
VOICE_TEXT = "请{ticket}号客户，{consultant}为您接待"

Chime = Callable[[], None]
Speak = Callable[[str], None]


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    return label


def mandarin_voice(parent: QWidget) -> Speak | None:
    """Qt's text-to-speech with a Mandarin locale, or None where the module is not installed
    (the chime alone then marks a call)."""
    try:
        module: Any = importlib.import_module("PySide6.QtTextToSpeech")
        engine: Any = module.QTextToSpeech(parent)
        engine.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    except Exception:  # no module, no engine, no voice: the chime alone is enough
        return None

    def speak(text: str) -> None:
        engine.say(text)

    return speak


def screen_named(name: str) -> QScreen | None:
    """The chosen screen if it is still attached; else the last non-primary one (the TV),
    else the primary."""
    screens = QGuiApplication.screens()
    for screen in screens:
        if name and screen.name() == name:
            return screen
    primary = QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not primary]
    return others[-1] if others else primary


class DisplayBoardWindow(QWidget):
    NOW_COLUMNS = 2
    NOW_ROWS = 6
    PER_PAGE = NOW_COLUMNS * NOW_ROWS  # parties being received on one page
    WAIT_COLUMNS = 4
    WAIT_ROWS = 5
    WAIT_PER_PAGE = WAIT_COLUMNS * WAIT_ROWS
    PAGE_SECONDS = 8

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 chime: Chime | None = None, speak: Speak | None = None,
                 voice: bool = True) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.ui = Ui_DisplayBoardWindow()
        self.ui.setupUi(self)
        ui = self.ui
        self.setObjectName("board")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(BOARD_STYLE)
        # The stylesheet's classes (uic needs a unique name per widget; several share one).
        for widget, style in ((ui.nowHeadLabel, "boardHead"), (ui.waitingHeadLabel, "boardHead"),
                              (ui.lastCalledLabel, "boardHead"), (ui.nowPageLabel, "boardPage"),
                              (ui.waitPageLabel, "boardPage"), (ui.waitingCard, "boardCard"),
                              (ui.waitingCount, "boardBig"), (ui.estimateLabel, "boardSmall")):
            widget.setObjectName(style)
        self.clock, self.waiting, self.estimate = ui.boardClock, ui.waitingCount, ui.estimateLabel
        self.now_page_label, self.wait_page_label = ui.nowPageLabel, ui.waitPageLabel
        self.board: Board | None = None
        self._loading = False
        self.loads = 0  # completed refreshes (tests wait on it)
        self.page = 0  # page turns so far; each list shows page % its page count
        self._called_before: set[str] | None = None  # None until the first load
        self.chime: Chime = chime if chime is not None else QApplication.beep
        self.speak: Speak | None = speak if speak is not None else (
            mandarin_voice(self) if voice else None)

        # The frame is the form's; the cards and lines it holds are a page's worth, made here.
        self.now_grid = ui.nowGrid
        self.now_rows: list[tuple[QFrame, QLabel, QLabel, QLabel]] = []
        for i in range(self.PER_PAGE):
            card = QFrame()
            card.setObjectName("boardCard")
            row = QHBoxLayout(card)
            row.setContentsMargins(18, 12, 18, 12)
            ticket = _label("", "boardTicket")
            ticket.setMinimumWidth(130)
            consultant = _label("", "boardConsultant")
            guest = _label("", "boardGuest")
            row.addWidget(ticket)
            row.addWidget(_label("→", "boardArrow"))
            row.addWidget(consultant)
            row.addStretch(1)
            row.addWidget(guest)
            self.now_grid.addWidget(card, i // self.NOW_COLUMNS, i % self.NOW_COLUMNS)
            self.now_rows.append((card, ticket, consultant, guest))
        for c in range(self.NOW_COLUMNS):
            self.now_grid.setColumnStretch(c, 1)
        self.waiting_tickets: list[QLabel] = []
        for i in range(self.WAIT_PER_PAGE):
            label = _label("", "boardWaitTicket")
            ui.waitGrid.addWidget(label, i // self.WAIT_COLUMNS, i % self.WAIT_COLUMNS)
            self.waiting_tickets.append(label)
        self.called: list[QLabel] = []
        for _ in range(5):
            label = _label("", "boardCalled")
            self.called.append(label)
            ui.calledList.addWidget(label)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh)
        self.page_timer = QTimer(self)
        self.page_timer.setInterval(self.PAGE_SECONDS * 1000)
        self.page_timer.timeout.connect(self.next_page)
        ctx.events.op_executed.connect(self._on_op)

    # --- placement -------------------------------------------------------------------------

    def show_on(self, screen: QScreen | None) -> None:
        """Full screen on the given screen (a TV or second monitor); Esc closes."""
        was_open = self.isVisible()
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        if was_open:  # already open, maybe behind the desk's window: bring it forward
            self.raise_()

    # --- refresh ---------------------------------------------------------------------------

    def _on_op(self, changes: OpChanges, _origin: object) -> None:
        if changes.reception:
            self.refresh()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.timer.start()
        self.page_timer.start()
        self.refresh()

    def hideEvent(self, event: object) -> None:
        super().hideEvent(event)  # type: ignore[arg-type]
        self.timer.stop()
        self.page_timer.stop()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None or self._loading:
            return
        self._loading = True
        svc = self.ctx.services.reception
        self.ctx.runner.run(lambda: svc.board(actor), self.show_board, self._failed)

    def _failed(self, _exc: BaseException) -> None:
        self._loading = False

    def show_board(self, board: Board) -> None:
        self._loading = False
        self.loads += 1
        self.board = board
        self._announce(board.now_receiving)
        now = self.ctx.services.db.now().astimezone(PROJECT_TZ)
        self.clock.setText(now.strftime("%H:%M"))
        self.waiting.setText(str(board.waiting_count))
        self.estimate.setText(
            self.tr("About %1 minutes").replace("%1", str(board.estimated_wait_minutes))
            if board.waiting_count else self.tr("No waiting at the moment"))
        for i, label in enumerate(self.called):
            if i < len(board.last_called):
                c = board.last_called[i]
                at = c.at.astimezone(PROJECT_TZ).strftime("%H:%M") if c.at else ""
                label.setText(f"{at}   {c.ticket}  →  {c.consultant_name}")
            else:
                label.setText("")
        self._show_page()

    def _announce(self, receiving: tuple[BoardCall, ...]) -> None:
        """Chime (and speak) once per newly called ticket; the first load is the state the
        board found, not news."""
        tickets = {c.ticket for c in receiving}
        before = self._called_before
        self._called_before = tickets
        if before is None:
            return
        fresh = [c for c in reversed(receiving) if c.ticket not in before]  # oldest first
        if not fresh:
            return
        self.chime()
        if self.speak is not None:
            for call in fresh:
                self.speak(VOICE_TEXT.format(ticket=call.ticket,
                                             consultant=call.consultant_name))

    # --- pages -----------------------------------------------------------------------------

    def now_pages(self) -> int:
        count = len(self.board.now_receiving) if self.board else 0
        return max(1, math.ceil(count / self.PER_PAGE))

    def waiting_pages(self) -> int:
        count = len(self.board.waiting_tickets) if self.board else 0
        return max(1, math.ceil(count / self.WAIT_PER_PAGE))

    def cycle_length(self) -> int:
        """Page turns after which every party has been on the screen at least once."""
        return max(self.now_pages(), self.waiting_pages())

    def next_page(self) -> None:
        self.page = (self.page + 1) % math.lcm(self.now_pages(), self.waiting_pages())
        self._show_page()

    def _show_page(self) -> None:
        board = self.board
        if board is None:
            return
        now_pages, wait_pages = self.now_pages(), self.waiting_pages()
        start = (self.page % now_pages) * self.PER_PAGE
        shown = board.now_receiving[start:start + self.PER_PAGE]
        for i, (card, ticket, consultant, guest) in enumerate(self.now_rows):
            if i < len(shown):
                call = shown[i]
                ticket.setText(call.ticket)
                consultant.setText(call.consultant_name)
                guest.setText(call.display_name)
                card.setVisible(True)
            else:
                card.setVisible(False)
        self.now_page_label.setText(
            f"{self.page % now_pages + 1} / {now_pages}" if now_pages > 1 else "")
        start = (self.page % wait_pages) * self.WAIT_PER_PAGE
        waiting = board.waiting_tickets[start:start + self.WAIT_PER_PAGE]
        for i, label in enumerate(self.waiting_tickets):
            label.setText(waiting[i] if i < len(waiting) else "")
        self.wait_page_label.setText(
            f"{self.page % wait_pages + 1} / {wait_pages}" if wait_pages > 1 else "")

    def texts(self) -> list[str]:
        """Everything the board shows (tests check no phone number is among it)."""
        return [w.text() for w in self.findChildren(QLabel) if w.isVisibleTo(self)]
