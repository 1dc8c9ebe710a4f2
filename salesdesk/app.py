"""The Qt side of starting SalesDesk: arguments, Qt application, fonts, translations, the main
window. The database and services are opened by ``bootstrap.py``, as for the command line."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from salesdesk.bootstrap import Opening, data_folder, open_services
from salesdesk.domain.errors import DomainError
from salesdesk.paths import FONT_FILE, RESOURCES
from salesdesk.services.signin import quick_signin
from salesdesk.ui.context import UiContext
from salesdesk.ui.events import AppEvents
from salesdesk.ui.gc_guard import GuiThreadCollector
from salesdesk.ui.i18n import install_translations
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.style import STYLE
from salesdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from salesdesk.services.container import Services

log = logging.getLogger(__name__)


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python main.py", description="SalesDesk")
    p.add_argument("--data-dir", help="data folder (default: the platform's app-data folder)")
    p.add_argument("--demo", action="store_true", help="load the demo project, then open")
    p.add_argument("--lang", choices=["zh_CN", "en"], help="interface language")
    p.add_argument("--screenshot", metavar="FILE.png",
                   help="render --page as the demo supervisor sees it, save, and exit")
    p.add_argument("--page", default="project", help="page for --screenshot")
    return p.parse_args(argv)


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName("SalesDesk")
    app.setOrganizationName("SalesDesk")
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "app.svg")))
    # The bundled font: Chinese renders on machines without any CJK font installed.
    if QFontDatabase.addApplicationFont(str(FONT_FILE)) < 0:
        log.warning("could not load the bundled CJK font %s", FONT_FILE.name)
    app.setStyleSheet(STYLE)
    if not hasattr(app, "_salesdesk_gc"):
        app._salesdesk_gc = GuiThreadCollector(app)  # type: ignore[attr-defined]
    return app


def build_window(services: Services, lang: str) -> MainWindow:
    ctx = UiContext(services=services, runner=TaskRunner(), events=AppEvents(), lang=lang)
    ctx.extras["centre_name"] = services.preferences.centre_name()
    return MainWindow(ctx)


class _Opened(QObject):
    """Brings the background opening's outcome to the GUI thread (a queued signal)."""

    finished = Signal(object)  # Services or the exception


class _FirstPaint(QObject):
    """Runs ``then`` once, just after the first paint anywhere in the application."""

    def __init__(self, app: QApplication, then: QTimer) -> None:
        super().__init__()
        self.app = app
        self.then = then
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.app.removeEventFilter(self)
            self.then.start()  # a zero timer: after the rest of this paint pass
        return False


def _warm_pages() -> None:
    """Import the pages' modules while the PIN is typed, so the first page builds sooner.
    Only imports (no widget is made off the GUI thread)."""
    import salesdesk.ui.project_page
    import salesdesk.ui.reception.page
    import salesdesk.ui.sync  # noqa: F401


def start_window(app: QApplication, data_dir: Path | None, lang: str | None = None
                 ) -> MainWindow:
    """The main window, shown as soon as possible (call ``show()`` on it).

    When the database is at the code's revision and has staff, the sign-in screen is built from
    a quick read of the file and the services open on a background thread once it has painted;
    signing in waits for them if the PIN is faster. Otherwise (first start, a file to upgrade or
    refuse) the services open first, as ``open_services`` does for the command line; its
    DomainError (e.g. a file newer than the code) comes out of here before any window."""
    data = data_folder(data_dir)
    quick = quick_signin(data)
    if quick is None:
        services = open_services(data)
        lang = lang or services.preferences.language()
        install_translations(app, lang)
        return build_window(services, lang)
    lang = lang or quick.lang
    install_translations(app, lang)
    opening = Opening(data, after=_warm_pages)
    ctx = UiContext(None, TaskRunner(), AppEvents(), lang=lang, opening=opening.wait,
                    signin_staff=quick.staff)
    ctx.extras["centre_name"] = quick.centre_name
    ctx.extras["opening"] = opening
    window = MainWindow(ctx)
    window.signin.set_loading(True)
    opened = _Opened(window)

    def on_opened(outcome: object) -> None:
        if isinstance(outcome, BaseException):
            _opening_failed(app, outcome)
            return
        ctx.services_opened(cast("Services", outcome))
        window.signin.set_loading(False)

    opened.finished.connect(on_opened)
    opening.then(opened.finished.emit)
    timer = QTimer(window)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(opening.start)
    window._first_paint = _FirstPaint(app, timer)  # type: ignore[attr-defined]
    return window


def _opening_failed(app: QApplication, exc: BaseException) -> None:
    """The database could not be opened after the sign-in screen showed (e.g. the wrong key):
    say so, as at a start that fails before any window, and quit."""
    if isinstance(exc, DomainError):
        sys.stderr.write(f"{exc.message}\n{exc.en}\n")
        text = f"{exc.message}\n\n{exc.en}"
    else:
        log.error("could not open the database", exc_info=exc)
        text = "SalesDesk could not open its database; details are in the log file."
    if app.platformName() != "offscreen":
        QMessageBox.critical(None, "SalesDesk", text)
    app.exit(2)


def screenshot(window: MainWindow, services: Services, page: str, out: Path) -> int:
    """Render ``page`` as the demo supervisor sees it (docs and tests)."""
    from salesdesk.demo import demo_actor, is_demo

    app = QApplication.instance()
    assert app is not None
    if not is_demo(services):
        sys.stderr.write("--screenshot works only on a demo database (run with --demo)\n")
        return 2
    window.show()
    if page != "signin":
        workspace = window.enter(demo_actor(services))
        try:
            workspace.show_page(page)
        except KeyError:
            names = ", ".join(s.name for s in workspace.specs)
            sys.stderr.write(f"unknown page {page!r}; the supervisor sees: {names}\n")
            return 2
    # Let background loads finish and the widgets repaint.
    for _ in range(20):
        app.processEvents()
        window.ctx.runner.wait(5000)
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(out))
    return 0 if ok else 1


def close_window(window: MainWindow) -> None:
    """Let a write or sync round still running finish, then close the database (waiting for a
    background opening that has started: it may be writing the file's local identity)."""
    window.ctx.runner.wait(60000)
    opening = window.ctx.extras.get("opening")
    if window.ctx.services_ready or (isinstance(opening, Opening) and opening.started):
        try:
            services = window.ctx.services
        except DomainError:
            return  # it never opened: nothing to close
        services.close()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_application(sys.argv[:1])
    data = Path(args.data_dir) if args.data_dir else None
    services: Services | None = None
    window: MainWindow | None = None
    try:
        if args.demo or args.screenshot:
            # The demo is loaded (or checked) before any screen: the services come first.
            services = open_services(data)
        else:
            window = start_window(app, data, args.lang)
    except DomainError as exc:
        # e.g. a database written by a newer version: say so, touch nothing.
        sys.stderr.write(f"{exc.message}\n{exc.en}\n")
        if not args.screenshot and app.platformName() != "offscreen":
            QMessageBox.critical(None, "SalesDesk", f"{exc.message}\n\n{exc.en}")
        return 2
    try:
        if services is not None:
            if args.demo:
                from salesdesk.demo import load_demo

                load_demo(services)
            lang = args.lang or services.preferences.language()
            install_translations(app, lang)
            window = build_window(services, lang)
            if args.screenshot:
                return screenshot(window, services, args.page, Path(args.screenshot))
        assert window is not None
        window.show()
        return app.exec()
    finally:
        if window is not None:
            close_window(window)
        elif services is not None:
            services.close()
