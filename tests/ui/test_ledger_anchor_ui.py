"""The audit page's "check with head office" button and the ledger alarms, with real widgets,
a real device file and the real sync service on PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from salesdesk.store.ledger import HEAD_KEY
from salesdesk.store.models.sync import SyncConflict
from salesdesk.ui.disclosure.audit_page import AuditPage
from tests.integration.test_ledger_anchor import (  # noqa: F401  (fixtures)
    N,
    actor,
    head_office,
    set_meta,
    synced,
    tamper,
)
from tests.sync_fixtures import Device
from tests.ui.helpers import make_ctx

pytestmark = [pytest.mark.ui, pytest.mark.postgres]


def test_online_check_names_the_deleted_records_and_alarms_are_listed(
        qtbot: QtBot, synced: Device, tmp_path: Path) -> None:  # noqa: F811
    services = synced.services
    supervisor = actor(synced, "S001")
    device = services.db.device_id
    with tamper(synced) as conn:
        conn.execute("DELETE FROM disclosure_record WHERE chain_seq > 3")
        (h3,) = conn.execute("SELECT hash FROM disclosure_record WHERE chain_seq = 3").fetchone()
        set_meta(conn, HEAD_KEY + device, f"3:{h3}")
    # An alarm head office raised, as it arrives through the feed.
    with services.db.uow() as uow:
        uow.add(SyncConflict(kind="ledger_fork", entity="disclosure_record",
                             row_id="0b1c2d3e-0000-4000-8000-000000000006",
                             losing_device="5e6f7a8b-0000-4000-8000-00000000000b",
                             detail=json.dumps({"chain": device, "chain_seq": 6,
                                                "reason": "ledger fork"})))
        uow.commit()

    ctx = make_ctx(services, supervisor)
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitUntil(lambda: getattr(page, "alarms_loaded", False), timeout=15000)
    assert page.alarms.rowCount() == 1
    assert "分叉" in page.alarms.data(page.alarms.index(0, 1))
    assert "⚠ 1" in page.tabs.tabText(page.ledger_tab)
    assert page.online_button.text() == "与总部核对"

    page.tabs.setCurrentIndex(page.ledger_tab)
    qtbot.mouseClick(page.online_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_online is not None, timeout=30000)
    check = page.last_online
    assert check is not None and not check.ok
    assert [(p.problem, p.chain_seq) for p in check.problems] == [("deleted", 4), ("deleted", 5)]
    lines = [page.findings.item(i).text() for i in range(page.findings.count())]
    assert any("第 4 条" in line and "被删除" in line for line in lines)
    assert any(f"第 {N} 条" in line for line in lines)
    assert "与总部副本不一致" in page.verify_result.text()
    assert page.online_button.isEnabled() and not page.online_progress.isVisible()
    page.grab().save(str(tmp_path / "ledger-check.png"))
    ctx.runner.wait()
