"""A write says what it changed (OpChanges); the other screens refresh once from that record and
the screen that made the write does not load the same data a second time."""

from __future__ import annotations

from typing import Any

import pytest

from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import EVERYTHING, Area, OpChanges
from salesdesk.ui.pages.base import Page
from salesdesk.ui.settings_page import SettingsPage
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui


class _Counting(Page):
    def __init__(self, ctx: UiContext, areas: frozenset[Area]) -> None:
        super().__init__(ctx)
        self.areas = areas
        self.loads = 0

    def refresh(self) -> None:
        self.loads += 1


def _count_refreshes(page: Page) -> list[int]:
    calls: list[int] = []
    original = page.refresh

    def counted() -> None:
        calls.append(1)
        original()

    page.refresh = counted  # type: ignore[method-assign]
    return calls


def _announced(ctx: UiContext) -> list[tuple[OpChanges, Any]]:
    seen: list[tuple[OpChanges, Any]] = []
    ctx.events.op_executed.connect(lambda changes, origin: seen.append((changes, origin)))
    return seen


def test_a_write_refreshes_the_other_page_once_and_its_own_page_once(
        qtbot: Any, demo: Services, admin: Actor) -> None:
    ctx = make_ctx(demo, admin)
    settings = SettingsPage(ctx)
    staff_page = _Counting(ctx, frozenset({"staff"}))
    care_page = _Counting(ctx, frozenset({"care"}))
    for page in (settings, staff_page, care_page):
        qtbot.addWidget(page)
        page.show()
    qtbot.waitUntil(lambda: settings.staff_model.rowCount() == 15, timeout=10000)
    staff_page.loads = care_page.loads = 0
    refreshes = _count_refreshes(settings)
    seen = _announced(ctx)

    settings.code_edit.setText("C301")
    settings.name_edit.setText("钱多多")
    settings.pin_edit.setText("3301")
    settings.add_staff()
    qtbot.waitUntil(lambda: settings.staff_model.rowCount() == 16, timeout=10000)
    ctx.runner.wait()
    qtbot.wait(50)  # anything queued behind the write has arrived

    assert seen == [(OpChanges(staff=True), settings)]  # one announcement, from its origin
    assert refreshes == [1]  # the settings page loaded its staff list once, not twice
    assert staff_page.loads == 1  # another page showing staff: once
    assert care_page.loads == 0  # a page that shows no staff: not at all


def test_a_failed_write_announces_nothing(
        qtbot: Any, demo: Services, admin: Actor) -> None:
    ctx = make_ctx(demo, admin)
    settings = SettingsPage(ctx)
    qtbot.addWidget(settings)
    settings.show()
    qtbot.waitUntil(lambda: settings.staff_model.rowCount() == 15, timeout=10000)
    seen = _announced(ctx)
    settings.code_edit.setText("C301")
    settings.name_edit.setText("钱多多")
    settings.pin_edit.setText("12")  # too short: refused
    settings.add_staff()
    qtbot.waitUntil(lambda: settings.staff_error.isVisible(), timeout=10000)
    assert seen == []


def test_hidden_pages_and_the_origin_do_not_reload(
        qtbot: Any, demo: Services, admin: Actor) -> None:
    ctx = make_ctx(demo, admin)
    shown = _Counting(ctx, frozenset({"care"}))
    hidden = _Counting(ctx, frozenset({"care"}))
    for page in (shown, hidden):
        qtbot.addWidget(page)
    shown.show()
    shown.loads = 0
    seen = _announced(ctx)
    done: list[int] = []

    ctx.run_op(lambda: 7, OpChanges(care=True), done.append)  # no origin: everyone reloads
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert done == [7] and shown.loads == 1 and hidden.loads == 0

    ctx.run_op(lambda: 8, OpChanges(care=True), done.append, origin=shown)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert done == [7, 8] and shown.loads == 1  # it showed the result itself


def test_changes_combine_and_name_their_areas() -> None:
    both = OpChanges(care=True) | OpChanges.of("customers")
    assert both == OpChanges(care=True, customers=True)
    assert both.touches(frozenset({"customers", "project"}))
    assert not both.touches(frozenset({"project"}))
    assert all(EVERYTHING.touches(frozenset({area})) for area in Area.__args__)  # type: ignore[attr-defined]
