"""A unit sold twice offline, as the conflict inbox shows it after sync (the losing subscription
kept as conflict, the server's conflict row naming both sides): the supervisor decides it with
real widgets; the admin sees it but may not decide it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.store.models.care import FollowUpTask
from salesdesk.store.models.disclosure import Subscription
from salesdesk.store.models.sync import SyncConflict
from salesdesk.ui.sync.conflicts_page import ConflictsPage
from tests.conftest import staff_actor
from tests.integration.test_unit_sale_rules import customer, told, unit_id
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui
UNIT = "2-1702"


def _double_sale(demo: Services, consultant: Actor) -> tuple[str, str]:
    """The winner's subscription on this device, the loser's as pulled after head office kept
    it as a conflict, and the conflict row. Returns (loser subscription id, conflict id)."""
    u = unit_id(demo, consultant, UNIT)
    winner = customer(demo, consultant, "13700006001", "何先生")
    told(demo, consultant, winner.id, u)
    won = demo.subscriptions.subscribe(consultant, customer_id=winner.id, unit_id=u,
                                       price=3_100_000, deposit=50_000)
    other = staff_actor(demo, "C202")
    loser = customer(demo, other, "13700006002", "韩女士")
    with demo.db.uow(other) as uow:
        lost = Subscription(customer_id=loser.id, unit_id=u, consultant_id=other.staff_id,
                            price=3_100_000, deposit=30_000,
                            subscribed_on=demo.db.now().date(), status="conflict")
        uow.add(lost)
        uow.flush()
        side = {"customer_id": loser.id, "consultant_id": other.staff_id, "deposit": 30_000}
        c = SyncConflict(kind="subscription", entity="subscription", row_id=lost.id,
                         field="status", kept_value='"active"', current_value='"conflict"',
                         losing_device="laptop", detail=json.dumps({
                             "unit_id": u, "unit_number": UNIT,
                             "holder": {"id": won.id, "status": "active",
                                        "customer_id": winner.id, "deposit": 50_000,
                                        "consultant_id": consultant.staff_id},
                             "loser": {"id": lost.id, "status": "active", **side}}))
        uow.add(c)
        uow.commit()
        return lost.id, c.id


def _page(qtbot: QtBot, demo: Services, actor: Actor) -> ConflictsPage:
    page = ConflictsPage(make_ctx(demo, actor))
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: page.sale.isVisible(), timeout=5000)
    return page


def test_supervisor_cancels_the_losing_sale_from_the_inbox(
        qtbot: QtBot, demo: Services, consultant: Actor, supervisor: Actor,
        tmp_path: Path) -> None:
    lost_id, _ = _double_sale(demo, consultant)
    page = _page(qtbot, demo, supervisor)
    text = page.sale.summary.text()
    for word in (UNIT, "何先生", "韩女士", consultant.name, "黄静", "50,000", "30,000"):
        assert word in text
    assert page.sale.refund.isEnabled() and not page.acknowledge.isVisible()
    assert not page.sale.read_only.isVisible()
    page.grab().save(str(tmp_path / "sale-conflict.png"))
    page.sale.refund.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10000)
    assert not page.sale.isVisible()
    with demo.db.reader() as uow:
        row = uow.session.get(Subscription, lost_id)
        assert row is not None and row.status == "cancelled"
        c = uow.session.scalars(select(SyncConflict)).one()
        assert (c.status, c.resolution, c.resolved_by_staff) == (
            "resolved", "cancel_refund", supervisor.staff_id)
        refund = uow.session.scalars(select(FollowUpTask).where(
            FollowUpTask.event == "refund")).one()
        assert refund.owner_staff_id == staff_actor(demo, "C202").staff_id
        assert "30,000" in refund.purpose
    page.ctx.runner.wait()


def test_supervisor_moves_the_customer_and_a_refused_move_changes_nothing(
        qtbot: QtBot, demo: Services, consultant: Actor, supervisor: Actor) -> None:
    lost_id, _ = _double_sale(demo, consultant)
    page = _page(qtbot, demo, supervisor)
    numbers = [u.number for u in page.sale.unit.units]
    assert UNIT not in numbers and "2-1703" in numbers
    assert not any(n.startswith("3-") for n in numbers)
    # No unit picked, then one that is not for sale: each refused in place, nothing moved.
    page.sale.move_button.click()
    assert page.sale.error.isVisible() and page.model.rowCount() == 1
    qtbot.keyClicks(page.sale.unit.edit, UNIT)
    page.sale.unit.completer.popup().hide()
    page.sale.move_button.click()
    assert page.sale.unit.error.isVisible() and page.sale.unit.unit_id is None
    page.sale.unit.edit.clear()
    qtbot.keyClicks(page.sale.unit.edit, "2-1703")
    page.sale.unit.completer.popup().hide()
    page.sale.move_button.click()  # her 2-1703 factors were never disclosed: the gate refuses
    qtbot.waitUntil(lambda: page.sale.error.isVisible(), timeout=10000)
    assert page.model.rowCount() == 1
    with demo.db.reader() as uow:
        row = uow.session.get(Subscription, lost_id)
        assert row is not None and row.status == "conflict"
    page.sale.reason.setText("客户当场确认已知晓 2-1703 周边情况，补签反馈单")
    page.sale.move_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10000)
    with demo.db.reader() as uow:
        row = uow.session.get(Subscription, lost_id)
        assert row is not None and row.status == "active" and row.override_record_id
        assert row.unit_id == unit_id(demo, consultant, "2-1703")
    page.ctx.runner.wait()


def test_the_admin_sees_a_sale_conflict_but_may_not_decide_it(
        qtbot: QtBot, demo: Services, consultant: Actor, admin: Actor) -> None:
    _double_sale(demo, consultant)
    page = _page(qtbot, demo, admin)
    assert page.sale.read_only.isVisible()
    assert not page.sale.refund.isEnabled() and not page.sale.move_button.isEnabled()
    assert not page.acknowledge.isVisible()
    page.ctx.runner.wait()
