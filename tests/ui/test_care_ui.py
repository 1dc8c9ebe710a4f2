"""Through the real widgets: a consultant records a follow-up outcome; a customer fills in the
score card on the kiosk; the supervisor's chart shows the figures."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from salesdesk.domain.care.plan import CareEvent, CareEventKind
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.ui.care.kiosk import ScoreCardKiosk
from salesdesk.ui.care.page import CarePage
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui


def test_a_consultant_records_a_follow_up_outcome(qtbot, demo: Services,  # type: ignore[no-untyped-def]
                                                  consultant: Actor) -> None:
    cid = demo.customers.register(consultant, phone="13812349001", name="韩梅",
                                  salutation="韩女士", consent=True,
                                  owner_staff_id=consultant.staff_id).id
    (task,) = demo.care.on_event(consultant, CareEvent(
        CareEventKind.SUBSCRIBED, cid, date(2026, 11, 24), ref="ui-1", unit="1-1203"))
    late = demo.customers.register(consultant, phone="13812349002", name="韩雷",
                                   salutation="韩先生", consent=True,
                                   owner_staff_id=consultant.staff_id).id
    (overdue,) = demo.care.on_event(consultant, CareEvent(
        CareEventKind.SUBSCRIBED, late, date(2026, 11, 14), ref="ui-0"))
    ctx = make_ctx(demo, consultant)
    page = CarePage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    view = page.task_list
    assert view is not None and page.satisfaction is None  # consultants see no figures
    qtbot.waitUntil(lambda: any(t.id == task.id for t in view.tasks), timeout=10000)
    row = next(i for i, t in enumerate(view.tasks) if t.id == overdue.id)
    assert all(t.overdue for t in view.tasks[: row + 1])  # late calls first
    assert "逾期" in view.model.data(view.model.index(row, 0))
    assert view.model.data(view.model.index(row, 0), Qt.ItemDataRole.ForegroundRole) is not None
    view.select_task(task.id)
    qtbot.waitUntil(lambda: "韩女士" in view.message.toPlainText(), timeout=10000)
    # Without an outcome the service refuses and says why; nothing is closed.
    qtbot.mouseClick(view.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.error.isVisible(), timeout=10000)
    assert "回访结果" in view.error.text()
    assert next(t for t in demo.care.tasks(consultant) if t.id == task.id).is_open
    view.outcome.insertPlainText("已电话联系，客户确认签约时间")  # as an input method would
    qtbot.mouseClick(view.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: all(t.id != task.id for t in view.tasks), timeout=10000)
    done = [t for t in demo.care.tasks(consultant, include_done=True) if t.id == task.id]
    assert done[0].status == "done" and done[0].outcome == "已电话联系，客户确认签约时间"
    ctx.runner.wait()


def test_a_customer_fills_in_the_score_card_on_the_kiosk(qtbot, demo: Services,  # type: ignore[no-untyped-def]
                                                         reception: Actor,
                                                         supervisor: Actor) -> None:
    before = demo.satisfaction.report(supervisor).figures.overall.cards
    ctx = make_ctx(demo, reception)
    page = CarePage(ctx)
    qtbot.addWidget(page)
    assert page.task_list is None and page.satisfaction is None and page.score_cards
    launcher = page.score_cards
    qtbot.keyClicks(launcher.last4, "0105")  # 陈女士 from the demo
    qtbot.keyClick(launcher.last4, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: launcher.results.count() == 1, timeout=10000)
    kiosk = launcher.start()
    assert isinstance(kiosk, ScoreCardKiosk)
    qtbot.addWidget(kiosk)
    shown = " ".join(w.text() for w in kiosk.findChildren(type(launcher.thanks)))
    assert "陈女士" in shown and reception.name not in shown
    assert not kiosk.submit_button.isEnabled()
    for key, score in zip(("layout", "needs", "process", "after_sale", "trust"),
                          (5, 5, 3, 4, 5), strict=True):
        qtbot.mouseClick(kiosk.groups[key].button(score), Qt.MouseButton.LeftButton)
    assert kiosk.submit_button.isEnabled()
    qtbot.mouseClick(kiosk.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.thanked, timeout=10000)
    report = demo.satisfaction.report(supervisor)
    assert report.figures.overall.cards == before + 1
    assert report.low_cards[0].customer == "陈女士"
    qtbot.mouseClick(kiosk.done_button, Qt.MouseButton.LeftButton)
    assert launcher.thanks.isVisibleTo(launcher)
    ctx.runner.wait()


def test_the_supervisor_sees_the_chart(qtbot, demo: Services,  # type: ignore[no-untyped-def]
                                       supervisor: Actor) -> None:
    ctx = make_ctx(demo, supervisor)
    page = CarePage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    assert page.satisfaction is not None and page.handover is not None
    page.show_tab(page.satisfaction)
    view = page.satisfaction
    qtbot.waitUntil(lambda: view.report is not None, timeout=10000)
    assert [b.label for b in view.chart.bars] == ["现场布置", "理解需求", "手续便捷", "售后关心",
                                                  "值得信任"]
    assert view.consultants.rowCount() >= 5 and view.low.rowCount() >= 2
    everything = view.report.figures.overall.cards if view.report else 0
    view.period.setCurrentIndex(view.period.findData(1))  # this month only
    qtbot.waitUntil(lambda: view.report is not None and view.report.start.day == 1
                    and view.report.start.month == 11, timeout=10000)
    assert 0 < view.report.figures.overall.cards < everything
    page.show_tab(page.handover)
    qtbot.waitUntil(lambda: page.handover.leaver.count() > 0, timeout=10000)
    qtbot.waitUntil(lambda: "没有" in page.handover.check.status.text()
                    or "Nothing" in page.handover.check.status.text(), timeout=10000)
    ctx.runner.wait()


def test_a_supervisor_hands_over_through_the_screen(qtbot, demo: Services,  # type: ignore[no-untyped-def]
                                                    supervisor: Actor) -> None:
    from tests.conftest import staff_actor

    leaver, successor = staff_actor(demo, "C103"), staff_actor(demo, "C101")
    ctx = make_ctx(demo, supervisor)
    page = CarePage(ctx)
    qtbot.addWidget(page)
    page.show()
    view = page.handover
    assert view is not None
    page.show_tab(view)
    qtbot.waitUntil(lambda: view.leaver.findData(leaver.staff_id) >= 0, timeout=10000)
    view.leaver.setCurrentIndex(view.leaver.findData(leaver.staff_id))
    view.successor.setCurrentIndex(view.successor.findData(successor.staff_id))
    expected = demo.handover.preview(supervisor, leaver.staff_id).customers
    assert expected >= 2
    qtbot.waitUntil(lambda: f"客户 {expected} 位" in view.preview_label.text(), timeout=10000)
    qtbot.mouseClick(view.hand_over_button, Qt.MouseButton.LeftButton)  # no reason yet
    qtbot.waitUntil(lambda: view.error.isVisible(), timeout=10000)
    assert "原因" in view.error.text()
    view.reason.setText("张伟离职")
    qtbot.mouseClick(view.hand_over_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.result_label.isVisible(), timeout=10000)
    assert successor.name in view.result_label.text()
    assert demo.handover.preview(supervisor, leaver.staff_id).customers == 0
    ctx.runner.wait()


def test_a_consultant_sends_a_care_message_from_the_list(qtbot, demo: Services,  # type: ignore[no-untyped-def]
                                                         consultant: Actor) -> None:
    cid = demo.customers.register(consultant, phone="13812349011", name="韩冰",
                                  salutation="韩女士", consent=True,
                                  owner_staff_id=consultant.staff_id).id
    demo.care.on_event(consultant, CareEvent(CareEventKind.SUBSCRIBED, cid, date(2026, 11, 20),
                                             ref="ui-m", unit="1-1205"))
    demo.care.on_event(consultant, CareEvent(CareEventKind.DAY_BEFORE_SIGNING, cid,
                                             date(2026, 11, 25), ref="ui-m2"))
    (msg,) = [m for m in demo.messages.for_customer(consultant, cid)
              if m.kind == "care.signing_reminder"]
    ctx = make_ctx(demo, consultant)
    page = CarePage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    view = page.messages
    assert view is not None
    page.show_tab(view)
    qtbot.waitUntil(lambda: any(m.id == msg.id for m in view.model.rows), timeout=10000)
    row = next(i for i, m in enumerate(view.model.rows) if m.id == msg.id)
    view.table.selectRow(row)
    assert "韩女士" in view.text.toPlainText() and "1381234" not in view.text.toPlainText()
    assert view.sent_button.isEnabled()
    qtbot.mouseClick(view.sent_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(m.id == msg.id and m.status == "sent"
                                for m in view.model.rows), timeout=10000)
    assert demo.messages.item(consultant, msg.id).sent_by == consultant.name
    row = next(i for i, m in enumerate(view.model.rows) if m.id == msg.id)
    view.table.selectRow(row)
    assert not view.sent_button.isEnabled()  # never twice
    ctx.runner.wait()
