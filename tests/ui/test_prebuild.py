"""The workspace builds its pages ahead of their first visit, between turns of the event loop:
the first click on a page finds it built. Building ahead opens no window, loads no data and
runs nothing a page does when it is opened."""

from __future__ import annotations

import gc

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from salesdesk.services.container import Services
from tests.ui.helpers import make_ctx, signed_in


def test_every_page_is_built_before_its_first_visit_and_loads_only_when_shown(
        qtbot: QtBot, demo: Services) -> None:
    window, workspace = signed_in(qtbot, demo, "S001", "8001")  # front desk and floor
    windows = len(QGuiApplication.allWindows())
    names = [spec.name for spec in workspace.specs]
    assert len(names) > 5
    loads: list[object] = []
    run = workspace.ctx.runner.run

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        loads.append(kwargs.get("owner"))
        return run(*args, **kwargs)

    workspace.ctx.runner.run = counted  # type: ignore[method-assign]
    qtbot.waitUntil(lambda: set(workspace.pages) == set(names), timeout=20000)
    qtbot.wait(50)
    # Built hidden: no page loaded anything, none opened a window of its own (a control shown
    # before it had a parent did, and took the activation from the main window).
    assert loads == []
    assert window.isActiveWindow() and len(QGuiApplication.allWindows()) == windows
    assert workspace.current_page() is workspace.pages["reception"]
    # The care page does the day's follow-ups when it is opened, not when it was built.
    care = workspace.pages["care"]
    assert care._daily_pending  # type: ignore[attr-defined]
    assert workspace.show_page("care") is care
    assert not care._daily_pending  # type: ignore[attr-defined]
    assert loads  # shown, it loads
    workspace.ctx.runner.wait()


def test_switching_user_stops_building_ahead(qtbot: QtBot, demo: Services) -> None:
    window, workspace = signed_in(qtbot, demo, "S001", "8001")
    window.switch_user()
    built = set(workspace.pages)
    qtbot.wait(300)
    assert window.workspace is None and set(workspace.pages) == built
    window.ctx.runner.wait()


def test_a_built_workspace_is_kept_out_of_full_collections_until_it_is_dropped(
        qtbot: QtBot, demo: Services) -> None:
    gc.unfreeze()
    window, workspace = signed_in(qtbot, demo, "S001", "8001")
    names = {spec.name for spec in workspace.specs}
    qtbot.waitUntil(lambda: set(workspace.pages) == names and workspace._prebuild_steps is None,
                    timeout=20000)
    # What the workspace holds (pages, widgets' wrappers, modules) is no longer walked.
    frozen = gc.get_freeze_count()
    assert frozen > 10_000
    page = workspace.pages["reception"]
    assert gc.is_tracked(page) and not any(o is page for o in gc.get_objects())
    window.switch_user()  # dropped: its objects are the collector's again
    assert gc.get_freeze_count() == 0 and any(o is page for o in gc.get_objects())
    window.ctx.runner.wait()


def test_a_page_built_in_parts_is_the_same_page_and_a_visit_finishes_it(
        qtbot: QtBot, demo: Services) -> None:
    from salesdesk.ui.care.page import CarePage
    from tests.conftest import staff_actor

    supervisor = staff_actor(demo, "S001")
    whole = CarePage(make_ctx(demo, supervisor))
    qtbot.addWidget(whole)
    ctx = make_ctx(demo, supervisor)
    loads: list[object] = []
    run = ctx.runner.run

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        loads.append(kwargs.get("owner"))
        return run(*args, **kwargs)

    ctx.runner.run = counted  # type: ignore[method-assign]
    ahead = CarePage(ctx, ahead=True)
    qtbot.addWidget(ahead)
    assert ahead.parts is not None and ahead.tabs.count() == 0
    next(ahead.parts)
    assert ahead.tabs.count() == 1 and ahead.satisfaction is None
    ahead.finish_parts()  # as the workspace does when the page is visited half-built
    assert ahead.parts is None and loads == []  # nothing loaded while it was being built
    titles = [whole.tabs.tabText(i) for i in range(whole.tabs.count())]
    assert [ahead.tabs.tabText(i) for i in range(ahead.tabs.count())] == titles
    assert len(titles) > 3 and ahead.satisfaction is not None
    assert ahead.print_button is ahead.satisfaction.print_button
    ahead.tabs.setCurrentWidget(ahead.satisfaction)  # switching tabs loads the tab shown
    assert loads
    ctx.runner.wait()
