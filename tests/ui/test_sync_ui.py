"""The sync status in the top bar and the conflict inbox page, with real widgets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.store.models.customer import Customer
from salesdesk.store.models.sync import SyncConflict
from salesdesk.ui.sync.conflicts_page import ConflictsPage
from salesdesk.ui.sync.driver import SyncDriver
from salesdesk.ui.sync.status import SyncStatusWidget
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui


def _conflict(services: Services, supervisor: Actor) -> str:
    with services.db.uow(supervisor) as uow:
        c = Customer(name="王五", notes="预算 300 万")
        uow.add(c)
        uow.flush()
        k = SyncConflict(kind="field", entity="customer", row_id=c.id, field="notes",
                         kept_value=json.dumps("想要南向", ensure_ascii=False),
                         current_value=json.dumps("预算 300 万", ensure_ascii=False),
                         losing_device="other")
        uow.add(k)
        uow.commit()
        return c.id


def test_status_shows_pending_changes_and_conflicts(qtbot: QtBot, demo: Services,
                                                    supervisor: Actor, tmp_path: Path) -> None:
    _conflict(demo, supervisor)
    ctx = make_ctx(demo, supervisor)
    driver = SyncDriver(ctx)
    widget = SyncStatusWidget(ctx, driver)
    qtbot.addWidget(widget)
    widget.show()
    pending = demo.sync.status().pending
    assert pending > 0
    qtbot.waitUntil(lambda: widget.conflicts.isVisible(), timeout=5000)
    assert "1" in widget.conflicts.text()
    assert str(pending) in widget.label.text()
    widget.grab().save(str(tmp_path / "status.png"))
    ctx.runner.wait()


def test_supervisor_takes_the_kept_value(qtbot: QtBot, demo: Services, supervisor: Actor,
                                         tmp_path: Path) -> None:
    cid = _conflict(demo, supervisor)
    ctx = make_ctx(demo, supervisor)
    page = ConflictsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 500)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.use_kept.isVisible() and not page.rebook.isVisible()
    page.grab().save(str(tmp_path / "conflicts.png"))
    page.use_kept.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    with demo.db.reader() as uow:
        assert uow.session.get(Customer, cid).notes == "想要南向"  # type: ignore[union-attr]
        assert uow.session.scalars(select(SyncConflict.status)).all() == ["resolved"]
    ctx.runner.wait()


def test_a_failed_round_backs_off_and_the_gui_stays_responsive(
        qtbot: QtBot, services: Services, key_dir: Path) -> None:
    from salesdesk.store.models.sync import SyncState
    from salesdesk.sync.client.credentials import save_secret
    from salesdesk.sync.server.devcluster import free_port

    with services.db.uow() as uow:  # enrolled to a server that is not there
        uow.add(SyncState(id=1, server_url=f"http://127.0.0.1:{free_port()}",
                          device_id="dev-1", cursor=0, clock_offset_ms=0, hlc="",
                          last_error="", needs_reenrol=False))
        uow.commit()
    save_secret("dev-1", "secret", key_dir)
    services.sync._key_dir = key_dir
    ctx = make_ctx(services)
    driver = SyncDriver(ctx)
    failures: list[str] = []
    driver.failed.connect(failures.append)
    driver.sync_now()
    assert driver.running  # the round runs on a pool thread; this thread is free
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    assert not driver.running and driver.backoff.failures == 1
    # The first backoff is half to all of one second. The timer's own interval is what was
    # scheduled: its remaining time can read a little over it, as a coarse timer's expiry is
    # rounded up by as much as 5 % (CI once read 1043 ms of a ~1 s wait).
    assert 500 <= driver._timer.interval() <= 1000
    assert 0 < driver.next_in_ms <= driver._timer.interval() * 1.05
    assert "稍后自动重试" in failures[0]
    assert services.sync.status().last_error
    driver.stop()
    ctx.runner.wait()


def test_a_set_aside_row_shows_with_its_reason_and_a_retry_that_says_why_it_failed(
        qtbot: QtBot, demo: Services, supervisor: Actor, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from salesdesk.store.models.sync import SyncSetAside

    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    with demo.db.uow(supervisor) as uow:
        uow.add(SyncSetAside(entity="future_thing", row_id="r-1", feed_seq=7,
                             row=json.dumps({"id": "r-1", "label": "新表"}, ensure_ascii=False),
                             reason="newer_version: this app version has no table",
                             first_seen=now, last_tried=now))
        uow.commit()
    ctx = make_ctx(demo, supervisor)
    page = ConflictsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 500)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.retry.isVisible() and not page.use_kept.isVisible()
    texts = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert any("newer_version" in str(t) for t in texts)
    page.grab().save(str(tmp_path / "setaside.png"))
    page.retry.click()
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=10000)
    assert "newer_version" in page.error.text()
    qtbot.waitUntil(lambda: "×2" in str(page.model.index(0, 6).data()), timeout=5000)
    assert demo.sync.status().conflicts_open == 1
    ctx.runner.wait()
    demo.sync.close()
