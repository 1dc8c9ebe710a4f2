"""Check-in → call → finish through the real reception widgets; the board shows no phones."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from salesdesk.services.container import Services
from salesdesk.ui.reception.board import DisplayBoardWindow
from salesdesk.ui.reception.figures import ReceptionFiguresWidget
from salesdesk.ui.reception.page import ReceptionPage
from tests.conftest import FakeClock, staff_actor
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui


def _page(qtbot, demo: Services, code: str) -> ReceptionPage:
    ctx = make_ctx(demo, staff_actor(demo, code))
    page = ReceptionPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    qtbot.waitUntil(lambda: page.loads > 0, timeout=10000)
    return page


def _check_in(qtbot, page: ReceptionPage, phone: str, party: str = "2") -> None:
    panel = page.checkin
    assert panel is not None
    panel.clear()
    qtbot.keyClicks(panel.phone, phone)
    panel.party.setText(party)
    panel.consent.setChecked(True)
    panel.salutation.setText("赵先生")
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)


def test_check_in_call_finish_through_the_widgets(qtbot, demo: Services,
                                                  clock: FakeClock) -> None:
    clock.advance(days=1)  # a day the demo has not touched
    li_na = staff_actor(demo, "C102")
    front = _page(qtbot, demo, "R001")
    demo.reception.join(front.ctx.require_actor(), [li_na.staff_id])

    # Bad input: a clear message by the field, nothing changed.
    _check_in(qtbot, front, "13900001111", party="0")
    panel = front.checkin
    assert panel is not None
    assert panel.party_error.isVisible() and "人数" in panel.party_error.text()
    assert demo.reception.floor(front.ctx.require_actor()).waiting == ()

    _check_in(qtbot, front, "13900001111")
    assert panel.result.isVisible() and "李娜" in panel.result.text()
    _check_in(qtbot, front, "13900002222")
    assert "约" in panel.result.text()  # li na is busy: the second party waits
    qtbot.waitUntil(lambda: front.floor_panel.queue_model.rowCount() == 2, timeout=10000)

    mine = _page(qtbot, demo, "C102")
    mq = mine.my_queue
    assert mq is not None
    qtbot.waitUntil(lambda: mq.next_model.rowCount() == 1, timeout=10000)
    qtbot.mouseClick(mq.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mq.queue is not None and mq.queue.current is not None,
                    timeout=10000)
    clock.advance(minutes=30)
    qtbot.mouseClick(mq.finish_button, Qt.MouseButton.LeftButton)  # no intent yet
    qtbot.waitUntil(lambda: mq.error.isVisible(), timeout=10000)
    assert "意向" in mq.error.text()
    mq.intent_buttons["A"].click()
    mq.units.setText("1-1203")
    qtbot.mouseClick(mq.finish_button, Qt.MouseButton.LeftButton)
    # Finishing hands the waiting party to li na; she calls it to the board.
    qtbot.waitUntil(lambda: mq.queue is not None and mq.queue.current is None
                    and len(mq.queue.next) == 1 and mq.queue.next[0].status == "called",
                    timeout=10000)
    qtbot.mouseClick(mq.call_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mq.queue is not None and mq.queue.next
                    and mq.queue.next[0].called_at is not None, timeout=10000)
    ticket = mq.queue.next[0].ticket

    board = DisplayBoardWindow(front.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loads > 0, timeout=10000)
    texts = " ".join(board.texts())
    assert ticket in texts and "李娜" in texts
    for secret in ("13900001111", "13900002222", "139****", "1111", "2222"):
        assert secret not in texts
    # A change anywhere reaches the board within a second (signal or timer).
    loads = board.loads
    qtbot.waitUntil(lambda: board.loads > loads, timeout=1500)
    board.close()


def test_figures_widget_and_csv(qtbot, demo: Services, tmp_path: Path) -> None:
    ctx = make_ctx(demo, staff_actor(demo, "S001"))
    w = ReceptionFiguresWidget(ctx)
    qtbot.addWidget(w)
    w.show()
    w.range.setCurrentIndex(2)  # last 30 days: the demo's past weeks
    qtbot.waitUntil(lambda: w.figures is not None and w.figures.visits > 0, timeout=15000)
    assert w.consultant_model.rowCount() > 0 and w.fair_model.rowCount() > 0
    out = tmp_path / "figures.csv"
    w.export(out)
    qtbot.waitUntil(out.exists, timeout=10000)
    ctx.runner.wait()
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


class _WindowsShown(QObject):
    """Every widget shown as a window of its own, however briefly."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow():
            self.shown.append(type(obj).__name__)
        return False


@pytest.mark.parametrize("code", ["S001", "R001"])
def test_building_the_page_opens_no_window_of_its_own(qtbot, demo: Services, code: str) -> None:
    # A control made visible before it had a parent opened as a window for a moment and took
    # the activation from the main window (the supervisor's "Figures…" button did).
    ctx = make_ctx(demo, staff_actor(demo, code))
    spy = _WindowsShown()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(spy)
    try:
        page = ReceptionPage(ctx)
        qtbot.addWidget(page)
    finally:
        app.removeEventFilter(spy)
    assert spy.shown == []
    assert page.figures_button.isVisibleTo(page) == (code == "S001")
