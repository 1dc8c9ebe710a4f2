"""The reception display board on a TV: full screen on the chosen screen, a chime (and a
Mandarin announcement where text-to-speech exists) when a ticket is newly called, pages that
turn when more parties are received or waiting than one screen holds, and nothing clipped at
1920×1080. Public names and ticket labels only."""

from __future__ import annotations

import importlib
from datetime import datetime, timedelta
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLocale, QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.services.container import Services
from salesdesk.services.reception import Board, BoardCall, CheckInRequest
from salesdesk.ui.reception.board import DisplayBoardWindow, screen_named
from salesdesk.ui.reception.page import ReceptionPage
from tests.conftest import FakeClock, staff_actor
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui

ROOT = Path(__file__).resolve().parents[2]
# The last, a long Latin name, must fit its card too.
CONSULTANTS = ("欧阳娜娜", "李娜", "王建国", "司马相如", "张伟", "陈静", "刘洋", "赵丽颖",
               "诸葛明亮", "周杰", "上官婉儿", "孙丽", "黄磊", "Christopher Johnson")


def _crowded_board() -> Board:
    """14 parties being received and 26 waiting: more than one page of each."""
    at = datetime(2026, 3, 14, 10, 0, tzinfo=PROJECT_TZ)
    receiving = tuple(
        BoardCall(f"A{i + 1:03d}", "欧阳女士" if i % 2 else "王先生", CONSULTANTS[i],
                  at + timedelta(minutes=i)) for i in range(14))
    waiting = tuple(f"A{i + 15:03d}" for i in range(26))
    return Board(receiving, receiving[:5], len(waiting), 35, waiting)


def _clipped(board: DisplayBoardWindow) -> list[str]:
    """Every visible label whose text is wider or taller than the label, or that reaches
    outside the window."""
    window = board.rect()
    bad = []
    for label in board.findChildren(QLabel):
        if not label.isVisibleTo(board) or not label.text():
            continue
        box = label.contentsRect()
        metrics = label.fontMetrics()
        if label.wordWrap():
            need = metrics.boundingRect(QRect(0, 0, box.width(), 10_000),
                                        int(Qt.TextFlag.TextWordWrap), label.text())
        else:
            need = metrics.boundingRect(label.text())
            need.setWidth(metrics.horizontalAdvance(label.text()))
        where = QRect(label.mapTo(board, QPoint(0, 0)), label.size())
        if need.width() > box.width() or metrics.height() > box.height() \
                or not window.contains(where):
            bad.append(f"{label.objectName()} {label.text()!r} needs {need.width()} "
                       f"has {box.width()} at {where}")
    return bad


def test_a_crowded_board_fits_1920x1080_and_shows_every_party_in_one_cycle(
        qtbot: QtBot, demo: Services) -> None:
    # No actor: the board does not load from the database, it shows the crowd given to it.
    board = DisplayBoardWindow(make_ctx(demo), chime=lambda: None, speak=lambda _t: None)
    qtbot.addWidget(board)
    board.setFixedSize(1920, 1080)
    board.show()
    crowd = _crowded_board()
    board.show_board(crowd)
    assert board.now_pages() == 2 and board.waiting_pages() == 2
    assert board.cycle_length() == 2
    assert board.page_timer.isActive()  # pages turn on their own while the board shows

    seen_received: set[str] = set()
    seen_waiting: set[str] = set()
    build = ROOT / "build"
    build.mkdir(exist_ok=True)
    for turn in range(board.cycle_length()):
        qtbot.wait(50)  # let the layouts settle after the texts changed
        assert _clipped(board) == []
        for card, ticket, consultant, guest in board.now_rows:
            if card.isVisibleTo(board):
                seen_received.add(ticket.text())
                assert consultant.text() in CONSULTANTS
                assert guest.text() in ("欧阳女士", "王先生")
        seen_waiting |= {w.text() for w in board.waiting_tickets if w.text()}
        assert board.grab().save(str(build / f"reception_board_1920x1080_p{turn + 1}.png"))
        board.next_page()
    assert seen_received == {c.ticket for c in crowd.now_receiving}
    assert seen_waiting == set(crowd.waiting_tickets)
    assert board.page == 0  # the cycle came round to the first page
    board.close()


def test_a_newly_called_ticket_chimes_and_is_announced_once(
        qtbot: QtBot, demo: Services, clock: FakeClock) -> None:
    clock.advance(days=1)  # a day the demo has not touched
    front = staff_actor(demo, "R001")
    demo.reception.join(front, [staff_actor(demo, c).staff_id for c in ("C101", "C102")])
    first = demo.reception.check_in(front, CheckInRequest("13900004001", 1, consent=True))
    assert first.consultant_id is not None

    chimes: list[int] = []
    spoken: list[str] = []
    board = DisplayBoardWindow(make_ctx(demo, front), chime=lambda: chimes.append(1),
                               speak=spoken.append)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loads > 0, timeout=10000)
    assert chimes == [] and spoken == []  # what was called before the board opened is no news

    second = demo.reception.check_in(front, CheckInRequest("13900004002", 2, consent=True))
    assert second.consultant_id is not None
    qtbot.waitUntil(lambda: len(chimes) == 1, timeout=5000)
    assert len(spoken) == 1 and second.ticket in spoken[0] and "13900004002" not in spoken[0]

    # A third party waits (both consultants busy): listed by ticket, no chime for it.
    third = demo.reception.check_in(front, CheckInRequest("13900004003", 1, consent=True))
    assert third.consultant_id is None
    qtbot.waitUntil(lambda: third.ticket in [w.text() for w in board.waiting_tickets],
                    timeout=5000)
    loads = board.loads
    qtbot.waitUntil(lambda: board.loads > loads + 1, timeout=5000)
    assert len(chimes) == 1 and len(spoken) == 1
    joined = " ".join(board.texts())
    assert all(p not in joined for p in ("13900004001", "13900004002", "13900004003", "4003"))
    board.close()


def test_the_board_read_lists_waiting_tickets_only(demo: Services, clock: FakeClock) -> None:
    clock.advance(days=1)
    front = staff_actor(demo, "R001")
    tickets = [demo.reception.check_in(front, CheckInRequest(f"1390000500{i}", 1,
                                                             salutation="王小明",
                                                             consent=True)).ticket
               for i in range(3)]  # nobody on the rotation: all three wait
    board = demo.reception.board(front)
    assert board.waiting_count == 3
    assert board.waiting_tickets == tuple(tickets)  # check-in order


def test_the_chosen_screen_is_remembered_and_the_board_opens_full_screen_on_it(
        qtbot: QtBot, demo: Services) -> None:
    front = staff_actor(demo, "R001")
    with pytest.raises(ValidationError, match="显示屏名称"):
        demo.preferences.set_board_screen(front, "bad\nname")
    assert demo.preferences.board_screen() == ""  # refused: nothing saved

    page = ReceptionPage(make_ctx(demo, front))
    qtbot.addWidget(page)
    screens = QGuiApplication.screens()
    assert page.screen_combo.count() == len(screens)
    page.screen_combo.setCurrentIndex(page.screen_combo.count() - 1)
    page.screen_combo.activated.emit(page.screen_combo.count() - 1)
    assert demo.preferences.board_screen() == screens[-1].name()
    assert screen_named(screens[-1].name()) is screens[-1]
    assert screen_named("HDMI-gone") is not None  # a detached TV falls back to a screen

    board = page.open_board()
    qtbot.waitUntil(lambda: board.loads > 0, timeout=10000)
    assert board.isFullScreen()
    assert board.screen() is screens[-1]
    assert board.geometry() == screens[-1].geometry()
    qtbot.keyClick(board, Qt.Key.Key_Escape)
    assert not board.isVisible()
    page.close()


class _FakeSpeech:
    """Stands in for QtTextToSpeech.QTextToSpeech (not installed in this PySide6 build)."""

    made: list[_FakeSpeech] = []

    def __init__(self, _parent: object) -> None:
        self.locale: QLocale | None = None
        self.said: list[str] = []
        _FakeSpeech.made.append(self)

    def setLocale(self, locale: QLocale) -> None:
        self.locale = locale

    def say(self, text: str) -> None:
        self.said.append(text)


def test_the_voice_is_mandarin_where_text_to_speech_exists_and_silent_where_not(
        qtbot: QtBot, demo: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = importlib.import_module

    def missing(name: str, package: str | None = None) -> ModuleType:
        if name == "PySide6.QtTextToSpeech":
            raise ImportError(name)
        return real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", missing)
    board = DisplayBoardWindow(make_ctx(demo), chime=lambda: None)
    qtbot.addWidget(board)
    assert board.speak is None  # no module: the chime alone marks a call

    fake = ModuleType("PySide6.QtTextToSpeech")
    fake.QTextToSpeech = _FakeSpeech  # type: ignore[attr-defined]

    def installed(name: str, package: str | None = None) -> ModuleType:
        return fake if name == "PySide6.QtTextToSpeech" else real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", installed)
    voiced = DisplayBoardWindow(make_ctx(demo), chime=lambda: None)
    qtbot.addWidget(voiced)
    assert voiced.speak is not None
    engine = _FakeSpeech.made[-1]
    assert engine.locale is not None and engine.locale.language() == QLocale.Language.Chinese
    at = datetime(2026, 3, 14, 10, 0, tzinfo=PROJECT_TZ)
    voiced.show_board(Board((), (), 0, 0))
    voiced.show_board(Board((BoardCall("A007", "王先生", "李娜", at),), (), 0, 0))
    assert engine.said == ["请A007号客户，李娜为您接待"]
