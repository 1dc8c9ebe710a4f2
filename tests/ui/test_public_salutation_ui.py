"""Boards others can see show surname + 先生/女士 or the ticket alone, never what reception
typed as the salutation (a full name, a phone number, an English name)."""

from __future__ import annotations

from datetime import date, time

import pytest
from pytestqt.qtbot import QtBot

from salesdesk.domain.local_time import at_local
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.services.reception import CheckInRequest
from salesdesk.ui.appointments.board import SigningBoard
from salesdesk.ui.reception.board import DisplayBoardWindow
from tests.conftest import FakeClock, staff_actor
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui

TYPED = {  # phone → what reception typed as 称呼
    "13900003001": "王小明",
    "13900003002": "13812345678",
    "13900003003": "欧阳娜娜女士",
    "13900003004": "Mr Smith",
}
SECRETS = ("小明", "王小明", "13812345678", "138", "娜娜", "Smith", "Mr")


def test_reception_board_shows_surname_and_title_or_the_ticket_alone(
        qtbot: QtBot, demo: Services, clock: FakeClock) -> None:
    clock.advance(days=1)  # a day the demo has not touched
    front = staff_actor(demo, "R001")
    consultants = [staff_actor(demo, c).staff_id for c in ("C101", "C102", "C103", "C104")]
    demo.reception.join(front, consultants)
    tickets = {}
    for phone, typed in TYPED.items():
        result = demo.reception.check_in(front, CheckInRequest(phone, 1, salutation=typed,
                                                               consent=True))
        assert result.consultant_id is not None  # called to the board at once
        tickets[typed] = result.ticket
        assert result.display_name in ("访客", "欧阳女士")  # the kiosk's answer, too

    board = DisplayBoardWindow(make_ctx(demo, front))
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loads > 0, timeout=10000)
    texts = board.texts()
    joined = " ".join(texts)
    assert all(t in joined for t in tickets.values())
    assert "欧阳女士" in texts
    for secret in SECRETS:
        assert secret not in joined, secret
    # Each card shows ticket, consultant and, only when one is safe, the guest's salutation.
    guests = [guest.text() for card, _t, _c, guest in board.now_rows if card.isVisibleTo(board)]
    assert sorted(guests) == sorted(["", "", "", "欧阳女士"])
    board.close()


def test_signing_board_shows_surname_and_title_or_nothing_typed(
        qtbot: QtBot, demo: Services, supervisor: Actor) -> None:
    day = date(2026, 12, 7)  # the demo books nothing that day; the clock is on 2026-11-24
    demo.appointments.set_day(supervisor, day, desks=3)
    for i, (phone, typed) in enumerate(TYPED.items()):
        c = demo.customers.register(supervisor, phone=phone, name="", salutation=typed,
                                    consent=True)
        demo.appointments.book_signing(supervisor, customer_id=c.id,
                                       starts_at=at_local(day, time(10 + i)))
    widget = SigningBoard()
    qtbot.addWidget(widget)
    widget.show_board(demo.appointments.day_board(supervisor, day))
    texts = []
    for r in range(widget.table.rowCount()):
        for c in range(widget.table.columnCount()):
            item = widget.table.item(r, c)
            if item is not None:
                texts += [item.text(), item.toolTip()]
    joined = " ".join(texts)
    assert "欧阳女士" in joined
    for secret in SECRETS:
        assert secret not in joined, secret
