"""A supervisor merges a duplicate customer from the conflict inbox, with real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from salesdesk.domain.errors import PermissionDenied
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.store.models.customer import Customer, CustomerAlias
from salesdesk.store.models.reception import AttributionChange, Visit
from salesdesk.store.models.sync import SyncConflict
from salesdesk.ui.sync.conflicts_page import ConflictsPage
from tests.conftest import FakeClock, staff_actor
from tests.integration.test_customer_merge import PHONE, _conflict, _duplicate
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui


def test_supervisor_merges_a_duplicate_from_the_inbox(
        qtbot: QtBot, demo: Services, supervisor: Actor, consultant: Actor, clock: FakeClock,
        tmp_path: Path) -> None:
    first = demo.customers.register(consultant, phone=PHONE, salutation="王先生", consent=True,
                                    owner_staff_id=consultant.staff_id).id
    clock.advance(minutes=3)
    other = staff_actor(demo, "C202")
    later = _duplicate(demo, other)
    with demo.db.uow(other) as uow:
        visit = Visit(day="2026-11-24", customer_id=later, checked_in_at=demo.db.now(),
                      consultant_id=other.staff_id, status="finished")
        uow.add(visit)
        uow.commit()
        visit_id = visit.id
    _conflict(demo, first, later)
    ctx = make_ctx(demo, supervisor)
    page = ConflictsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 500)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.merge.isVisible() and page.acknowledge.isVisible()
    assert not page.use_kept.isVisible() and not page.rebook.isVisible()
    details = page.model.row(0).summary
    assert "139****5678" in details and consultant.name in details and other.name in details
    assert "13912345678" not in details
    page.grab().save(str(tmp_path / "duplicate.png"))
    page.merge.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    assert not page.error.isVisible()
    with demo.db.reader() as uow:
        s = uow.session
        dup = s.get(Customer, later)
        assert dup is not None and dup.deleted
        assert s.scalar(select(CustomerAlias.customer_id).where(
            CustomerAlias.alias_id == later)) == first
        assert s.get(Visit, visit_id).customer_id == first  # type: ignore[union-attr]
        assert s.scalars(select(SyncConflict.resolution)).all() == ["merge"]
        assert s.scalar(select(AttributionChange.customer_id)) == first
    ctx.runner.wait()


def test_a_consultant_cannot_merge(demo: Services, consultant: Actor) -> None:
    """The service refuses whoever calls it without the supervisor's permissions."""
    first = demo.customers.register(consultant, phone=PHONE, consent=True).id
    later = _duplicate(demo, staff_actor(demo, "C202"))
    conflict = _conflict(demo, first, later)
    with pytest.raises(PermissionDenied):
        demo.customer_merge.merge_conflict(consultant, conflict)
    with demo.db.reader() as uow:
        assert uow.session.get(SyncConflict, conflict).status == "open"  # type: ignore[union-attr]
