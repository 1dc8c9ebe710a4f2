"""The display board for a second screen or a TV: who is being received (ticket → consultant),
the last five called, how many wait and for about how long. No phone numbers, no full names.

It refreshes on every reception change and on a one-second timer (changes made on another
device arrive through the database, not through this process's signal)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.services.reception import Board
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges

BOARD_STYLE = """
QWidget#board { background: #0b1f3a; }
QLabel { color: #e6edf7; font-family: "WenQuanYi Micro Hei"; }
QLabel#boardTitle { font-size: 34px; font-weight: bold; color: white; }
QLabel#boardClock { font-size: 28px; color: #8fb3e8; }
QLabel#boardHead { font-size: 22px; color: #8fb3e8; padding: 6px 0; }
QFrame#boardCard { background: #12315c; border-radius: 14px; }
QLabel#boardTicket { font-size: 44px; font-weight: bold; color: #ffd166; }
QLabel#boardArrow { font-size: 32px; color: #8fb3e8; }
QLabel#boardConsultant { font-size: 38px; font-weight: bold; color: white; }
QLabel#boardGuest { font-size: 24px; color: #c7d7ee; }
QLabel#boardCalled { font-size: 28px; color: #e6edf7; }
QLabel#boardBig { font-size: 64px; font-weight: bold; color: #ffd166; }
QLabel#boardSmall { font-size: 22px; color: #8fb3e8; }
"""


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    return label


class DisplayBoardWindow(QWidget):
    MAX_NOW = 6

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setObjectName("board")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(BOARD_STYLE)
        self.setWindowTitle(self.tr("Reception board"))
        self.resize(1280, 720)
        self.board: Board | None = None
        self._loading = False
        self.loads = 0  # completed refreshes (tests wait on it)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(36, 24, 36, 24)
        head = QHBoxLayout()
        head.addWidget(_label(self.tr("Welcome · please wait to be called"), "boardTitle"))
        head.addStretch(1)
        self.clock = _label("", "boardClock")
        head.addWidget(self.clock)
        outer.addLayout(head)

        body = QHBoxLayout()
        body.setSpacing(28)
        left = QVBoxLayout()
        left.addWidget(_label(self.tr("Now being received"), "boardHead"))
        self.now_grid = QGridLayout()
        self.now_grid.setHorizontalSpacing(18)
        self.now_grid.setVerticalSpacing(12)
        self.now_rows: list[tuple[QFrame, QLabel, QLabel, QLabel]] = []
        for i in range(self.MAX_NOW):
            card = QFrame()
            card.setObjectName("boardCard")
            row = QHBoxLayout(card)
            row.setContentsMargins(20, 10, 20, 10)
            ticket = _label("", "boardTicket")
            ticket.setMinimumWidth(150)
            consultant = _label("", "boardConsultant")
            guest = _label("", "boardGuest")
            row.addWidget(ticket)
            row.addWidget(_label("→", "boardArrow"))
            row.addWidget(consultant)
            row.addStretch(1)
            row.addWidget(guest)
            self.now_grid.addWidget(card, i // 2, i % 2)
            self.now_rows.append((card, ticket, consultant, guest))
        left.addLayout(self.now_grid)
        left.addStretch(1)
        body.addLayout(left, 3)

        right = QVBoxLayout()
        waiting_card = QFrame()
        waiting_card.setObjectName("boardCard")
        wl = QVBoxLayout(waiting_card)
        wl.setContentsMargins(24, 16, 24, 16)
        wl.addWidget(_label(self.tr("Waiting"), "boardHead"))
        self.waiting = _label("0", "boardBig")
        wl.addWidget(self.waiting)
        self.estimate = _label("", "boardSmall")
        self.estimate.setWordWrap(True)
        wl.addWidget(self.estimate)
        right.addWidget(waiting_card)
        right.addWidget(_label(self.tr("Last called"), "boardHead"))
        self.called: list[QLabel] = []
        for _ in range(5):
            label = _label("", "boardCalled")
            self.called.append(label)
            right.addWidget(label)
        right.addStretch(1)
        body.addLayout(right, 2)
        outer.addLayout(body, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh)
        ctx.events.op_executed.connect(self._on_op)

    def _on_op(self, changes: OpChanges, _origin: object) -> None:
        if changes.reception:
            self.refresh()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.timer.start()
        self.refresh()

    def hideEvent(self, event: object) -> None:
        super().hideEvent(event)  # type: ignore[arg-type]
        self.timer.stop()

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
        now = self.ctx.services.db.now().astimezone(PROJECT_TZ)
        self.clock.setText(now.strftime("%H:%M"))
        for i, (card, ticket, consultant, guest) in enumerate(self.now_rows):
            if i < len(board.now_receiving):
                call = board.now_receiving[i]
                ticket.setText(call.ticket)
                consultant.setText(call.consultant_name)
                guest.setText(call.display_name)
                card.setVisible(True)
            else:
                card.setVisible(False)
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

    def texts(self) -> list[str]:
        """Everything the board shows (tests check no phone number is among it)."""
        return [w.text() for w in self.findChildren(QLabel) if w.isVisibleTo(self)]
