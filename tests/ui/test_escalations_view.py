"""My escalations on the care page (issue 15 §2), real widgets and database: the consultant
sees their customer's low score; once the consultant's deadline passes on the test clock the
task leaves their list and shows on the sales manager's, who alone closes it with the outcome."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.ui.care.escalations_view import EscalationsView
from tests.conftest import FakeClock, staff_actor
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui


def _view(qtbot: Any, demo: Services, actor: Actor) -> EscalationsView:
    view = EscalationsView(make_ctx(demo, actor))
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.loaded, timeout=10000)
    return view


def _ids(view: EscalationsView) -> list[str]:
    return [view.model.row(i).id for i in range(view.model.rowCount())]


def test_overdue_task_moves_from_the_consultant_to_the_manager_who_closes_it(
        qtbot: Any, demo: Services, consultant: Actor, supervisor: Actor,
        clock: FakeClock) -> None:
    cid = demo.customers.register(consultant, phone="13812347001", name="柯文军",
                                  consent=True, owner_staff_id=consultant.staff_id).id
    esc = demo.follow_up.record_call(
        staff_actor(demo, "K001"), customer_id=cid, told_factors=True, told_sunshine=True,
        told_certificates=True, told_contract=True, score=2).escalation_id
    mine = _view(qtbot, demo, consultant)
    assert esc in _ids(mine)
    assert esc not in _ids(_view(qtbot, demo, supervisor))

    clock.advance(hours=25)
    manager = _view(qtbot, demo, supervisor)  # opening the page moves the overdue task up
    assert esc in _ids(manager)
    row = _ids(manager).index(esc)
    assert "销售经理" in manager.model.row(row).level_label
    mine.loaded = False
    mine.refresh()
    qtbot.waitUntil(lambda: mine.loaded, timeout=10000)
    assert esc not in _ids(mine)

    manager.table.selectRow(row)
    manager.outcome.setPlainText("经理致电客户，已解决")
    manager.resolved.setChecked(True)
    manager.loaded = False
    qtbot.mouseClick(manager.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: manager.loaded, timeout=10000)
    assert esc not in _ids(manager) and not manager.error.isVisible()


def test_the_signing_board_tooltip_warns_of_an_open_escalation(
        qtbot: Any, demo: Services, consultant: Actor, supervisor: Actor) -> None:
    """Staff hovering the booking see it; the cell text a customer may see does not say it."""
    from datetime import date, time

    from salesdesk.domain.local_time import at_local
    from salesdesk.ui.appointments.board import SigningBoard

    day = date(2026, 12, 7)
    cid = demo.customers.register(consultant, phone="13812347002", name="焦明", salutation="焦先生",
                                  consent=True, owner_staff_id=consultant.staff_id).id
    demo.follow_up.record_call(
        staff_actor(demo, "K001"), customer_id=cid, told_factors=True, told_sunshine=True,
        told_certificates=True, told_contract=True, score=1)
    booked = demo.appointments.book_signing(supervisor, customer_id=cid,
                                            starts_at=at_local(day, time(10)))
    board = SigningBoard()
    qtbot.addWidget(board)
    board.show_board(demo.appointments.day_board(supervisor, day))
    items = [board.table.item(r, c) for r in range(board.table.rowCount())
             for c in range(board.table.columnCount())]
    [cell] = [i for i in items if i is not None and i.data(Qt.ItemDataRole.UserRole)
              .appointment is not None and i.data(Qt.ItemDataRole.UserRole)
              .appointment.id == booked.appointment.id]
    assert "签约前须处理完毕" in cell.toolTip()
    assert "签约前" not in cell.text()
