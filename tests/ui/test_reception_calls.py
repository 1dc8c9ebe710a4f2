"""Issue 14 §3 through the real widgets: the consultant hears of a call at once (banner until
acknowledged, a sound, on a local write or a sync pull, not on the poll); reception reassigns
a party whose consultant has not started; a transfer asks why and confirms."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from salesdesk.services.container import Services
from salesdesk.services.reception import CheckInRequest
from salesdesk.ui.ops import EVERYTHING, OpChanges
from salesdesk.ui.reception import reassign as reassign_module
from salesdesk.ui.reception.page import CALL_PULL_SECONDS, ReceptionPage
from salesdesk.ui.sync.driver import SyncDriver
from tests.conftest import FakeClock, staff_actor
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui


class RecordingSound:
    def __init__(self) -> None:
        self.plays = 0

    def play(self) -> None:
        self.plays += 1


def _page(qtbot, demo: Services, code: str) -> ReceptionPage:
    page = ReceptionPage(make_ctx(demo, staff_actor(demo, code)))
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.poll.stop()  # what follows must not depend on the 3-s poll
    page.show()
    qtbot.waitUntil(lambda: page.loads > 0, timeout=10000)
    return page


def test_a_call_is_announced_at_once_until_acknowledged(qtbot, demo: Services,
                                                        clock: FakeClock) -> None:
    clock.advance(days=1)
    reception, li_na = staff_actor(demo, "R001"), staff_actor(demo, "C102")
    demo.reception.join(reception, [li_na.staff_id])
    page = _page(qtbot, demo, "C102")
    mq = page.my_queue
    assert mq is not None
    sound = RecordingSound()
    mq.sound = sound
    raised: list[object] = []
    mq.bring_forward = raised.append
    assert mq.call_banner.isHidden() and sound.plays == 0
    # Assigned on this device (the same database): the write's change record reaches the page.
    r = demo.reception.check_in(reception, CheckInRequest("13900021111", 2, consent=True))
    page.ctx.events.op_executed.emit(OpChanges(reception=True), object())
    qtbot.waitUntil(lambda: mq.call_banner.isVisible(), timeout=5000)
    assert r.ticket in mq.call_banner.text.text() and sound.plays == 1 and raised == [mq]
    # Another refresh does not ring again, and the banner stays until acknowledged.
    loads = page.loads
    page.ctx.events.op_executed.emit(OpChanges(reception=True), None)
    qtbot.waitUntil(lambda: page.loads > loads, timeout=5000)
    assert mq.call_banner.isVisible() and sound.plays == 1
    qtbot.mouseClick(mq.call_banner.ack_button, Qt.MouseButton.LeftButton)
    assert mq.call_banner.isHidden()

    # From another device the call arrives with a sync pull, even while another page shows.
    demo.reception.start(li_na, r.visit_id)
    demo.reception.finish(li_na, r.visit_id, intent="B")
    page.hide()
    r2 = demo.reception.check_in(reception, CheckInRequest("13900022222", 1, consent=True))
    page.ctx.events.op_executed.emit(EVERYTHING, None)
    qtbot.waitUntil(lambda: sound.plays == 2, timeout=5000)
    assert not mq.call_banner.isHidden() and r2.ticket in mq.call_banner.text.text()


def test_on_duty_the_device_pulls_sooner_and_backoff_is_kept(qtbot, demo: Services,
                                                              clock: FakeClock) -> None:
    clock.advance(days=1)
    li_na = staff_actor(demo, "C102")
    page = ReceptionPage(make_ctx(demo, li_na))
    qtbot.addWidget(page)
    driver = SyncDriver(page.ctx)
    page.sync_driver = driver  # type: ignore[attr-defined]  # as the main window holds it
    driver._schedule(driver.interval_ms)
    page.show()
    qtbot.waitUntil(lambda: page.loads > 0, timeout=10000)
    assert driver.current_interval_ms == driver.interval_ms  # not on duty yet
    demo.reception.join(staff_actor(demo, "R001"), [li_na.staff_id])
    loads = page.loads
    page.ctx.events.op_executed.emit(OpChanges(reception=True), None)
    qtbot.waitUntil(lambda: page.loads > loads, timeout=5000)
    assert driver.current_interval_ms == CALL_PULL_SECONDS * 1000
    # Rescheduled to the short pace (a coarse timer may add a few per cent).
    assert driver.next_in_ms <= CALL_PULL_SECONDS * 1000 * 1.1
    driver.set_pace("reception.on_duty", None)
    assert driver.current_interval_ms == driver.interval_ms
    # After a failed round the backoff stands: a down server is not hammered.
    driver.backoff.failure()
    driver._schedule(60_000)
    driver.set_pace("reception.on_duty", CALL_PULL_SECONDS)
    assert driver.next_in_ms > CALL_PULL_SECONDS * 1000
    driver.stop()


def test_reception_reassigns_with_a_reason_and_a_confirmation(
        qtbot, demo: Services, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    clock.advance(days=1)
    reception = staff_actor(demo, "R001")
    li_na, zhang = staff_actor(demo, "C102"), staff_actor(demo, "C103")
    demo.reception.join(reception, [li_na.staff_id, zhang.staff_id])
    r = demo.reception.check_in(reception, CheckInRequest("13900023333", 2, consent=True))
    front = _page(qtbot, demo, "R001")
    panel = front.floor_panel
    assert panel.reassign_button.isVisible()
    qtbot.waitUntil(lambda: panel.queue_model.rowCount() == 1, timeout=5000)
    answers: list[str] = []
    monkeypatch.setattr(reassign_module, "confirm",
                        lambda _p, text: answers.append(text) or len(answers) > 1)
    panel.queue_view.selectRow(0)
    dlg = panel.reassign()
    assert dlg is not None and dlg.to.itemData(0) == ""  # next in the rotation first
    assert dlg.to.findData(li_na.staff_id) < 0  # not back to the same consultant
    dlg.to.setCurrentIndex(dlg.to.findData(zhang.staff_id))
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()  # no reason
    assert dlg.isVisible() and dlg.error.isVisible() and not answers
    dlg.reason.setText("李娜不在售楼处")
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()  # declined at the confirmation
    assert dlg.isVisible() and len(answers) == 1 and "张伟" in answers[0]
    assert demo.reception.my_queue(li_na).next[0].visit_id == r.visit_id
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: bool(demo.reception.my_queue(zhang).next), timeout=5000)
    assert demo.reception.my_queue(zhang).next[0].visit_id == r.visit_id
    qtbot.waitUntil(lambda: panel.queue_model.rowCount() == 1
                    and panel.queue_model.row(0).consultant_name == "张伟", timeout=5000)


def test_a_started_party_is_refused_with_a_clear_message(
        qtbot, demo: Services, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    clock.advance(days=1)
    reception = staff_actor(demo, "R001")
    li_na, zhang = staff_actor(demo, "C102"), staff_actor(demo, "C103")
    demo.reception.join(reception, [li_na.staff_id, zhang.staff_id])
    r = demo.reception.check_in(reception, CheckInRequest("13900024444", 2, consent=True))
    front = _page(qtbot, demo, "R001")
    panel = front.floor_panel
    qtbot.waitUntil(lambda: panel.queue_model.rowCount() == 1, timeout=5000)
    panel.queue_view.selectRow(0)
    monkeypatch.setattr(reassign_module, "confirm", lambda _p, _t: True)
    dlg = panel.reassign()
    assert dlg is not None
    demo.reception.start(li_na, r.visit_id)  # she came forward meanwhile
    dlg.reason.setText("不在")
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: panel.error.isVisible(), timeout=5000)
    assert "开始接待" in panel.error.text()
    assert demo.reception.my_queue(li_na).current is not None


def test_a_transfer_asks_why_and_confirms(qtbot, demo: Services, clock: FakeClock,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    clock.advance(days=1)
    reception = staff_actor(demo, "R001")
    li_na, zhang = staff_actor(demo, "C102"), staff_actor(demo, "C103")
    demo.reception.join(reception, [li_na.staff_id, zhang.staff_id])
    r = demo.reception.check_in(reception, CheckInRequest("13900025555", 2, consent=True))
    demo.reception.start(li_na, r.visit_id)
    page = _page(qtbot, demo, "C102")
    mq = page.my_queue
    assert mq is not None
    qtbot.waitUntil(lambda: mq.queue is not None and mq.queue.current is not None
                    and bool(mq.colleagues), timeout=5000)
    monkeypatch.setattr(reassign_module, "confirm", lambda _p, _t: True)
    dlg = mq.transfer()
    assert dlg is not None and dlg.to.itemData(0) == zhang.staff_id  # no "next up" here
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert dlg.isVisible() and dlg.error.isVisible()  # no reason: refused, still open
    assert not demo.reception.my_queue(zhang).next
    dlg.reason.setText("客户要看车位")
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: bool(demo.reception.my_queue(zhang).next), timeout=5000)
    log = demo.reception.day_log(staff_actor(demo, "S001"), demo.reception.today())
    assert ("assign", "transfer", "客户要看车位") in [(e.kind, e.reason, e.note) for e in log]
