"""Every page, for every role, in both languages, fits a 1366×768 laptop less a taskbar
(1366×728), before and after it has loaded its data; and what reception needs to see after a
check-in is where reception is looking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from salesdesk.services.container import Services
from salesdesk.ui.i18n import install_translations
from salesdesk.ui.main_window import MainWindow, Workspace
from salesdesk.ui.style import STYLE
from tests.conftest import FakeClock, staff_actor
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui

SCREEN = QSize(1366, 728)
ROLES = {"admin": "A001", "supervisor": "S001", "reception": "R001", "consultant": "C102"}
LANGS = ["zh_CN", "en"]
SHOTS = Path(__file__).resolve().parents[2] / "build" / "fit"


@pytest.fixture(autouse=True)
def app_style(qapp: QApplication) -> Iterator[None]:
    """The application's style sheet, as the app runs: its paddings and big touch targets are
    most of what makes a page tall."""
    qapp.setStyleSheet(STYLE)
    yield
    qapp.setStyleSheet("")


def settle(window: MainWindow) -> None:
    """Let every background load finish and its results reach the widgets."""
    for _ in range(6):
        QApplication.processEvents()
        window.ctx.runner.wait(10000)
        QApplication.processEvents()


def open_window(qtbot, qapp, demo: Services, code: str, lang: str) -> tuple[MainWindow,
                                                                             Workspace]:
    install_translations(qapp, lang)
    window = MainWindow(make_ctx(demo, lang=lang))
    qtbot.addWidget(window)
    window.resize(SCREEN)
    window.show()
    return window, window.enter(staff_actor(demo, code))


def misfits(window: MainWindow, workspace: Workspace, name: str) -> list[str]:
    """What keeps page ``name`` from fitting 1366×728: the window's own minimum, a page larger
    than its place in the workspace, a control cut by the scroll area it sits in or squeezed
    below its own minimum."""
    found: list[str] = []
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    window.resize(SCREEN)
    QApplication.processEvents()
    size = window.size()
    if hint.width() > SCREEN.width() or hint.height() > SCREEN.height() \
            or size.width() > SCREEN.width() or size.height() > SCREEN.height():
        found.append(f"window minimum {hint.width()}×{hint.height()}, "
                     f"resized to {size.width()}×{size.height()}")
    scroll = workspace.scrolls[name]
    page = workspace.pages[name]
    # The workspace scrolls a page that outgrows it, but only as a safety net (a long error
    # message, a bigger system font): at the default size every page fits its place.
    need, place = page.minimumSizeHint(), scroll.viewport().size()
    if need.width() > place.width() or need.height() > place.height():
        found.append(f"page needs {need.width()}×{need.height()} px in a "
                     f"{place.width()}×{place.height()} px place")
    for inner in page.findChildren(QScrollArea):
        if inner.isVisible() and inner.widget() is not None and \
                inner.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff and \
                inner.widget().minimumSizeHint().width() > inner.viewport().width():
            found.append(f"{inner.widget().objectName() or type(inner.widget()).__name__} "
                         f"needs {inner.widget().minimumSizeHint().width()} px, has "
                         f"{inner.viewport().width()} (cut on the right)")
    for button in page.findChildren(QAbstractButton):
        # (Text-less buttons are a tab bar's scroll arrows, made narrow on purpose.)
        if button.isVisible() and button.text() and button.width() < button.minimumSizeHint().width():
            found.append(f"button {button.text()!r} {button.width()} px < "
                         f"{button.minimumSizeHint().width()}")
    return found


def in_window(window: MainWindow, widget: QWidget) -> bool:
    """Visible and wholly inside the window, not scrolled or pushed out of it."""
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(window, widget.rect().topLeft())
    rect = QRect(top_left, widget.size())
    if not window.rect().contains(rect):
        return False
    # Inside a scroll area, it must also lie within the part the viewport shows.
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea):
            view = parent.viewport()
            shown = QRect(view.mapTo(window, view.rect().topLeft()), view.size())
            if not shown.contains(rect):
                return False
        parent = parent.parentWidget()
    return True


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_fits_the_laptop(qtbot, qapp, demo: Services, role: str, lang: str) -> None:
    window, workspace = open_window(qtbot, qapp, demo, ROLES[role], lang)
    problems: list[str] = []
    for spec in list(workspace.specs):
        workspace.show_page(spec.name)
        problems += [f"{spec.name} before loading: {p}"
                     for p in misfits(window, workspace, spec.name)]
        settle(window)
        problems += [f"{spec.name} loaded: {p}" for p in misfits(window, workspace, spec.name)]
        if role in ("supervisor", "reception"):
            SHOTS.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(SHOTS / f"{spec.name}-{role}-{lang}.png"))
    assert not problems, "\n".join(problems)


def load_checklist(qtbot, window: MainWindow, workspace: Workspace, demo: Services) -> Any:
    """The disclosure page with a demo customer's checklist for unit 2-202 loaded."""
    from salesdesk.ui.disclosure.disclosure_page import DisclosurePage

    page = workspace.show_page("disclosure")
    assert isinstance(page, DisclosurePage)
    qtbot.waitUntil(lambda: page.unit_box.count() > 100, timeout=10000)
    page.phone.setText("13957110231")  # a demo customer (王建国)
    page.find_customer()
    qtbot.waitUntil(lambda: page.customer is not None, timeout=10000)
    consultant = staff_actor(demo, "C102")
    unit = next(u for u in demo.projects.units(consultant) if u.number == "2-202")
    page.select_unit(unit.id)
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=10000)
    settle(window)
    return page


@pytest.mark.parametrize("lang", LANGS)
def test_disclosure_and_signing_fit_with_a_checklist_loaded(qtbot, qapp, demo: Services,
                                                            lang: str) -> None:
    from salesdesk.ui.signing.page import SigningPage

    window, workspace = open_window(qtbot, qapp, demo, "C102", lang)
    page = load_checklist(qtbot, window, workspace, demo)
    assert misfits(window, workspace, "disclosure") == []
    # The save button is reachable: scrolled to, it lies inside the window.
    workspace.scrolls["disclosure"].ensureWidgetVisible(page.save_button)
    assert in_window(window, page.save_button)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / f"disclosure-loaded-{lang}.png"))

    signing = workspace.show_page("signing")
    assert isinstance(signing, SigningPage)
    qtbot.waitUntil(lambda: signing.form.unit.count() > 1, timeout=10000)
    # A customer with a checklist from the demo: the page is at its tallest once it shows.
    qtbot.waitUntil(lambda: signing.recent.count() > 1, timeout=10000)
    signing.recent.activated.emit(1)
    qtbot.waitUntil(lambda: signing.current is not None, timeout=10000)
    settle(window)
    assert signing.print_button.isVisible()
    assert misfits(window, workspace, "signing") == []
    workspace.scrolls["signing"].ensureWidgetVisible(signing.print_button)
    assert in_window(window, signing.print_button)
    window.grab().save(str(SHOTS / f"signing-loaded-{lang}.png"))


@pytest.mark.parametrize("lang", LANGS)
def test_check_in_result_shows_where_reception_looks(qtbot, qapp, demo: Services,
                                                     clock: FakeClock, lang: str) -> None:
    clock.advance(days=1)  # a day the demo has not touched
    window, workspace = open_window(qtbot, qapp, demo, "R001", lang)
    li_na = staff_actor(demo, "C102")
    demo.reception.join(window.ctx.require_actor(), [li_na.staff_id])
    settle(window)
    page = workspace.pages["reception"]
    panel = page.checkin  # type: ignore[attr-defined]
    # Scrolled down to the check-in button, as on a short screen after filling the form.
    window.resize(SCREEN)
    workspace.scrolls["reception"].ensureWidgetVisible(panel.submit_button)
    qtbot.keyClicks(panel.phone, "13900001111")
    panel.consent.setChecked(True)
    with qtbot.waitSignal(panel.checked_in, timeout=10000) as blocker:
        qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert window.size().height() <= SCREEN.height()
    assert panel.result.isVisible() and in_window(window, panel.result)
    ticket = blocker.args[0].ticket
    text = panel.result.text()
    assert ticket and ticket in text and "李娜" in text, text
    assert panel.phone.text() == ""  # the form is ready for the next visitor
    # The result stays while the next visitor's number is typed, until the next check-in.
    qtbot.keyClicks(panel.phone, "1390000")
    assert panel.result.isVisible() and panel.result.text() == text
    window.grab().save(str(SHOTS / f"checkin-{lang}.png"))


def test_the_checklist_explains_each_item_in_full_where_the_customer_reads_it(
        qtbot, qapp, demo: Services) -> None:
    """At 1366×728 the selected item's whole explanation (说明) is shown, wrapped, in its own
    pane; the number/version column names a certificate by its number and a factor by its
    version."""
    window, workspace = open_window(qtbot, qapp, demo, "C102", "zh_CN")
    page = load_checklist(qtbot, window, workspace, demo)
    assert page.view is not None
    items = page.view.items
    factor = next(r for r, i in enumerate(items) if i.kind.value == "factor" and i.detail)
    cert = next(r for r, i in enumerate(items) if i.kind.value == "certificate")
    page.table.setCurrentCell(factor, 2)
    assert items[factor].detail in page.explain.text()
    assert in_window(window, page.explain) and page.explain.wordWrap()
    assert page.table.item(factor, 3).text() == f"版本 {items[factor].version}"
    assert page.table.item(cert, 3).text() == items[cert].version  # the certificate's number
    page.table.setCurrentCell(cert, 2)
    assert items[cert].detail in page.explain.text()
