"""The main window: first start, sign-in, and the workspace of the signed-in user."""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon, QKeySequence, QShortcut, QWindow
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.roles import Actor
from salesdesk.ui import gc_guard
from salesdesk.ui.context import UiContext
from salesdesk.ui.first_admin import FirstAdminScreen
from salesdesk.ui.labels import role_label
from salesdesk.ui.pages import PAGES
from salesdesk.ui.pages.base import Page, PageSpec
from salesdesk.ui.signin import SignInScreen

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
# Made when used: a key sequence built before the QApplication crashes.
FIND_KEYS = "Ctrl+F"
PRINT_KEYS = "Ctrl+P"


def with_keys(text: str, keys: str) -> str:
    """A tooltip naming the shortcut that triggers the control: "Find (Ctrl+F)"."""
    native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text} ({native})"


def search_field(page: QWidget) -> QLineEdit | None:
    """The field a page gives its focus to, when it is one to type into (the customers' search,
    reception's phone field)."""
    proxy = page.focusProxy()
    while proxy is not None and proxy.focusProxy() is not None:
        proxy = proxy.focusProxy()
    return proxy if isinstance(proxy, QLineEdit) else None


class PageScroll(QScrollArea):
    """Holds one page. A page taller or wider than a 1366×768 laptop (less its taskbar)
    scrolls inside the workspace instead of forcing the window past the screen, where its
    lowest buttons would be out of reach with no scrollbar to bring them back."""

    def __init__(self, page: Page | None = None) -> None:
        super().__init__()
        self.setObjectName("pageScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)
        self.page: Page | None = None
        if page is not None:
            self.set_page(page)

    def set_page(self, page: Page) -> None:
        self.setWidget(page)
        page.setAutoFillBackground(False)
        self.page = page


class IdleLock(QObject):
    """Signs the window out after the device's idle-lock minutes without a key press, click or
    touch anywhere in the application: a shared kiosk never stays signed in for the next
    person. ``now`` is a monotonic clock in seconds (tests move it).

    It watches the application's windows, not the application: input reaches a window before
    any widget, while an application-wide filter ran Python for every event of every widget
    (thousands on a page switch, each waiting for the interpreter lock while a worker thread
    ran), which kept the event loop from turning for tens of milliseconds."""

    INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                       QEvent.Type.TouchBegin, QEvent.Type.Wheel})

    def __init__(self, minutes: int, on_idle: Callable[[], None],
                 now: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.minutes = minutes
        self.on_idle = on_idle
        self.now = now
        self.last_input = now()
        self.timer = QTimer(self)
        self.timer.setInterval(15_000)
        self.timer.timeout.connect(self.check)
        self.watching = False
        app = QCoreApplication.instance()
        if minutes > 0 and isinstance(app, QGuiApplication):
            for window in app.topLevelWindows():
                self.watch(window)
            # A dialog or another window opened later is watched once it takes the focus,
            # which it does before it can get a key press.
            app.focusWindowChanged.connect(self.watch)
            self.watching = True
            self.timer.start()

    def watch(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # installing twice keeps one filter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.INPUT:
            self.last_input = self.now()
        return False

    def check(self) -> None:
        if self.minutes > 0 and self.now() - self.last_input >= self.minutes * 60:
            self.stop()
            self.on_idle()

    def stop(self) -> None:
        self.timer.stop()
        app = QCoreApplication.instance()
        if self.watching and isinstance(app, QGuiApplication):
            self.watching = False
            app.focusWindowChanged.disconnect(self.watch)
            for window in app.topLevelWindows():
                window.removeEventFilter(self)


class Workspace(QWidget):
    """Navigation on the left, the pages this role may see on the right. F5 reloads the page
    shown; the page's own focus (reception: the phone field) is set when it is shown."""

    def __init__(self, ctx: UiContext, actor: Actor, on_switch_user: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("workspace")
        self.ctx = ctx
        self.specs: list[PageSpec] = [
            s for s in PAGES if any(actor.can(p) for p in s.permissions)
        ]
        self.pages: dict[str, Page] = {}
        self.scrolls: dict[str, PageScroll] = {}
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        nav_panel = QWidget()
        nav_panel.setObjectName("navPanel")
        nav_panel.setFixedWidth(200)
        nav_layout = QVBoxLayout(nav_panel)
        nav_layout.setContentsMargins(0, 0, 0, 12)
        brand = QLabel("SalesDesk")
        brand.setObjectName("brand")
        sub = QLabel(ctx.extras.get("centre_name", ""))
        sub.setObjectName("brandSub")
        sub.setWordWrap(True)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(22, 22))
        for spec in self.specs:
            item = QListWidgetItem(QIcon(str(ICONS / spec.icon)), spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.name)
            self.nav.addItem(item)
        nav_layout.addWidget(brand)
        nav_layout.addWidget(sub)
        nav_layout.addWidget(self.nav, 1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        top = QWidget()
        top.setObjectName("topBar")
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(20, 10, 20, 10)
        self.page_label = QLabel()
        self.page_label.setObjectName("sectionTitle")
        self.status_slot = QHBoxLayout()  # the sync status widget goes here
        self.user_label = QLabel(f"{actor.name} · {role_label(actor.role)}")
        self.user_label.setObjectName("userLabel")
        switch = QPushButton(QCoreApplication.translate("MainWindow", "Switch user"))
        switch.clicked.connect(on_switch_user)
        top_layout.addWidget(self.page_label)
        top_layout.addStretch(1)
        top_layout.addLayout(self.status_slot)
        top_layout.addSpacing(16)
        top_layout.addWidget(self.user_label)
        top_layout.addWidget(switch)
        self.stack = QStackedWidget()
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(20, 12, 20, 16)
        body_layout.addWidget(self.stack)
        right_layout.addWidget(top)
        right_layout.addWidget(body, 1)

        outer.addWidget(nav_panel)
        outer.addWidget(right, 1)
        self.nav.currentRowChanged.connect(self._show_row)
        if self.specs:
            self.nav.setCurrentRow(0)
        # Sync runs in the background for whoever is signed in; its status sits in the top bar.
        from salesdesk.ui.sync import attach

        self.sync_driver = attach(self, ctx)
        refresh = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        refresh.activated.connect(self.refresh_current)
        find = QShortcut(QKeySequence(FIND_KEYS), self)
        find.activated.connect(self.find_customer)
        print_ = QShortcut(QKeySequence(PRINT_KEYS), self)
        print_.activated.connect(self.print_current)
        # Building a page (its imports, widgets, style) blocked the event loop for up to a
        # tenth of a second on its first visit: the pages not yet visited are built ahead, a
        # step per turn of the event loop once the workspace is up, so the first click finds
        # its page built. Hidden, a built page loads nothing until it is first shown.
        self._prebuild_steps: Iterator[None] | None = (
            self._prebuild() if ctx.extras.get("prebuild_pages", True) else None)
        self._prebuild_timer = QTimer(self)
        self._prebuild_timer.setSingleShot(True)
        self._prebuild_timer.setInterval(0)
        self._prebuild_timer.timeout.connect(self._prebuild_slice)
        if self._prebuild_steps is not None:
            self._prebuild_timer.start()

    def _prebuild(self) -> Iterator[None]:
        """The steps of building every page ahead: a module import, or one page's widgets."""
        for spec in list(self.specs):
            if spec.name in self.scrolls:
                continue
            for module in spec.modules:
                importlib.import_module(module)
                yield
            if spec.name not in self.pages:  # a visit may have built it meanwhile
                page = (spec.ahead or spec.factory)(self.ctx)
                # Owned by the workspace (hidden) until it goes into its scroll area: left
                # without a parent, a page the workspace was dropped before it was placed was
                # freed later by Python's collector and crashed the process.
                page.setParent(self)
                page.hide()
                self.pages[spec.name] = page
                yield
            page = self.pages[spec.name]
            while page.parts is not None:
                if next(page.parts, StopIteration) is StopIteration:
                    page.parts = None
                else:
                    yield
            if spec.name not in self.scrolls:
                self._build(spec)
                yield

    def _prebuild_slice(self) -> None:
        if self._prebuild_steps is None:
            return
        if next(self._prebuild_steps, StopIteration) is StopIteration:
            self._prebuild_steps = None
            gc_guard.freeze_built()
            return
        self._prebuild_timer.start()  # the next step after the loop has turned once

    def _build(self, spec: PageSpec) -> Page:
        page = self.pages.get(spec.name)
        if page is None:
            page = spec.factory(self.ctx)
            self.pages[spec.name] = page
        page.finish_parts()  # built ahead in part: the rest now, before it shows
        if spec.name not in self.scrolls:
            # Into the workspace first, then the page into it: the page is polished and laid
            # out once, where it will show (put in its scroll area before the window, it was
            # polished there and again when the scroll area joined the window).
            scroll = PageScroll()
            self.scrolls[spec.name] = scroll
            self.stack.addWidget(scroll)
            scroll.set_page(page)
            carry = getattr(page, "carry", None)
            if carry is not None:  # the customer record hands a customer to another page
                carry.connect(self.carry)
            self._name_keys(spec.name, page)
        return page

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        spec = self.specs[row]
        self._build(spec)
        self.stack.setCurrentWidget(self.scrolls[spec.name])
        self.page_label.setText(spec.title())
        self.focus_current()

    def focus_current(self) -> None:
        """The shown page's own focus, where it has one: reception types a phone number first,
        without a click."""
        row = self.nav.currentRow()
        page = self.pages.get(self.specs[row].name) if 0 <= row < len(self.specs) else None
        if page is not None and page.focusProxy() is not None:
            page.setFocus()

    def _name_keys(self, name: str, page: Page) -> None:
        """Tooltips naming the shortcuts of the controls they trigger."""
        field = search_field(page)
        if field is not None and (name == "customers" or not self._has("customers")):
            field.setToolTip(with_keys(QCoreApplication.translate("MainWindow", "Find"),
                                       FIND_KEYS))
        for attr, keys in (("print_button", PRINT_KEYS), ("refresh_button", "F5")):
            button = getattr(page, attr, None)
            if isinstance(button, QAbstractButton):
                button.setToolTip(with_keys(button.toolTip() or button.text().rstrip("…"),
                                            keys))

    def _has(self, name: str) -> bool:
        return any(spec.name == name for spec in self.specs)

    def current_page(self) -> Page | None:
        row = self.nav.currentRow()
        return self.pages.get(self.specs[row].name) if 0 <= row < len(self.specs) else None

    def find_customer(self) -> None:
        """Ctrl+F: the customers' search from any page; for a role without that page, the
        shown page's own phone or search field."""
        page = self.show_page("customers") if self._has("customers") else self.current_page()
        field = search_field(page) if page is not None else None
        if field is not None:
            field.setFocus(Qt.FocusReason.ShortcutFocusReason)
            field.selectAll()

    def print_current(self) -> None:
        """Ctrl+P: the shown page's print action, when it has one and it can print now."""
        page = self.current_page()
        button = getattr(page, "print_button", None)
        if isinstance(button, QAbstractButton) and button.isEnabled() and button.isVisible():
            button.click()

    def refresh_current(self) -> None:
        row = self.nav.currentRow()
        if 0 <= row < len(self.specs) and self.specs[row].name in self.pages:
            self.pages[self.specs[row].name].refresh()

    def show_page(self, name: str) -> Page:
        for row, spec in enumerate(self.specs):
            if spec.name == name:
                self.nav.setCurrentRow(row)
                return self.pages[name]
        raise KeyError(name)

    def carry(self, name: str, customer_id: str, phone: str, unit_id: str) -> None:
        """Open page ``name`` on this customer (and unit), as the customer record asks: nobody
        types the customer's 11 digits again on the next page."""
        try:
            page = self.show_page(name)
        except KeyError:
            return  # the role does not see that page (its button was hidden anyway)
        opener = getattr(page, "open_customer", None)
        if opener is not None:
            opener(customer_id, phone, unit_id)

    def stop(self) -> None:
        self._prebuild_timer.stop()
        self._prebuild_steps = None
        self.sync_driver.stop()
        gc_guard.thaw()


# How soon a busy worker thread hands the interpreter lock to the GUI thread (see MainWindow).
SWITCH_INTERVAL_S = 0.00005


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        # The runner's threads run Python too (PDFs, sync, queries), and the GUI thread takes
        # the interpreter lock back after each Qt call it makes from Python and before each
        # slot: a busy worker holds it for a whole turn each time. At the default 5 ms turn a
        # checklist PDF blocked the window for over 100 ms; at 1 ms, filling the checklist
        # beside the PDF's thread still took 45-60 ms. At 50 us the GUI waits a few
        # milliseconds in all; the workers lose little, as the lock changes hands early only
        # when the GUI thread asks for it.
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
        self.ctx = ctx
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "SalesDesk"))
        self.resize(1366, 860)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.first_admin = FirstAdminScreen(ctx)
        self.signin = SignInScreen(ctx)
        self.workspace: Workspace | None = None
        self.idle_lock: IdleLock | None = None
        self.stack.addWidget(self.first_admin)
        self.stack.addWidget(self.signin)
        self.first_admin.created.connect(self.enter)
        self.signin.signed_in.connect(self.enter)
        ctx.events.language_changed.connect(self._on_language)
        self.show_start()

    def _on_language(self, _lang: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        """Rebuild every screen in the language just installed, keeping who is signed in."""
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "SalesDesk"))
        self.signin.ui.retranslateUi(self.signin)
        self.signin.set_loading(not self.ctx.services_ready)
        self.first_admin.ui.retranslateUi(self.first_admin)
        if self.ctx.actor is not None and self.workspace is not None:
            current = self.workspace.specs[self.workspace.nav.currentRow()].name
            workspace = self.enter(self.ctx.actor)
            workspace.show_page(current)

    def show_start(self) -> None:
        if self.ctx.needs_first_admin():
            self.stack.setCurrentWidget(self.first_admin)
        else:
            self.signin.load()
            self.stack.setCurrentWidget(self.signin)

    def enter(self, actor: Actor) -> Workspace:
        self.ctx.actor = actor
        self.ctx.events.actor_changed.emit(actor)
        self._drop_workspace()
        self.workspace = Workspace(self.ctx, actor, self.switch_user)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.focus_current()  # shown now: focus can land
        self.idle_lock = IdleLock(self.ctx.services.preferences.idle_lock_minutes(),
                                  self.switch_user)
        return self.workspace

    def switch_user(self) -> None:
        self.ctx.actor = None
        self.ctx.events.actor_changed.emit(None)
        self._drop_workspace()
        self.show_start()

    def _drop_workspace(self) -> None:
        if self.idle_lock is not None:
            self.idle_lock.stop()
            self.idle_lock.deleteLater()
            self.idle_lock = None
        if self.workspace is not None:
            self.workspace.stop()
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
