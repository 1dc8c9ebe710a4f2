"""The Qt side of starting SalesDesk: arguments, Qt application, fonts, translations, the main
window. The database and services are opened by ``bootstrap.py``, as for the command line."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from salesdesk.domain.errors import DomainError
from salesdesk.paths import FONT_FILE, RESOURCES
from salesdesk.services.container import Services
from salesdesk.ui.context import UiContext
from salesdesk.ui.events import AppEvents
from salesdesk.ui.gc_guard import GuiThreadCollector
from salesdesk.ui.i18n import install_translations
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.style import STYLE
from salesdesk.ui.tasks import TaskRunner

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


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_application(sys.argv[:1])
    from salesdesk.bootstrap import open_services

    try:
        services = open_services(Path(args.data_dir) if args.data_dir else None)
    except DomainError as exc:
        # e.g. a database written by a newer version: say so, touch nothing.
        sys.stderr.write(f"{exc.message}\n{exc.en}\n")
        if not args.screenshot and app.platformName() != "offscreen":
            QMessageBox.critical(None, "SalesDesk", f"{exc.message}\n\n{exc.en}")
        return 2
    window: MainWindow | None = None
    try:
        if args.demo:
            from salesdesk.demo import load_demo

            load_demo(services)
        lang = args.lang or services.preferences.language()
        install_translations(app, lang)
        window = build_window(services, lang)
        if args.screenshot:
            return screenshot(window, services, args.page, Path(args.screenshot))
        window.show()
        return app.exec()
    finally:
        if window is not None:
            # A write or sync round still running finishes before its database closes.
            window.ctx.runner.wait(60000)
        services.close()
