"""Render the screens people ask to see from a fresh demo database:
``python -m salesdesk.devtools.screenshots OUT_DIR [--size WxH] [--lang zh_CN|en]``
(``make screenshots`` → build/screenshots).

Every page of the main window for every demo role (``pages/<role>-<page>.png``, at the given
window size, 1366×728 by default: a laptop less its taskbar, after the page has loaded its
data), then the consultant's follow-up list and messages to send, the score card on the kiosk,
the supervisor's satisfaction page with its chart, and the satisfaction PDF (page 1 as PNG when
poppler's pdftoppm is installed). Offscreen: no display is needed."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# Demo staff, one per role (README): what each role sees is what its pages are.
ROLES = {"admin": "A001", "supervisor": "S001", "reception": "R001", "consultant": "C102"}


def render(out: Path, size: tuple[int, int] = (1366, 728), lang: str = "zh_CN") -> list[Path]:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QWidget

    from salesdesk.app import make_application
    from salesdesk.demo import demo_actor, load_demo
    from salesdesk.domain.care.satisfaction import Occasion
    from salesdesk.services.container import build_services
    from salesdesk.store.database import open_database
    from salesdesk.ui.care.kiosk import ScoreCardKiosk
    from salesdesk.ui.care.page import CarePage
    from salesdesk.ui.context import UiContext
    from salesdesk.ui.events import AppEvents
    from salesdesk.ui.i18n import install_translations
    from salesdesk.ui.main_window import MainWindow
    from salesdesk.ui.style import STYLE
    from salesdesk.ui.tasks import TaskRunner

    app = make_application(sys.argv[:1])
    app.setStyleSheet(STYLE)
    install_translations(app, lang)
    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        services = build_services(open_database(Path(tmp) / "data", Path(tmp) / "keys"))
        contexts: list[UiContext] = []
        try:
            load_demo(services)

            def settle(ctx: UiContext) -> None:
                for _ in range(10):
                    app.processEvents()
                    ctx.runner.wait(5000)
                    app.processEvents()

            def shot(widget: QWidget, ctx: UiContext, name: str,
                     before: Callable[[], None] | None = None) -> None:
                widget.resize(*size)
                widget.show()
                settle(ctx)
                if before is not None:
                    before()
                    settle(ctx)
                path = out / name
                widget.grab().save(str(path))
                made.append(path)
                widget.close()
                widget.deleteLater()  # freed here, on the GUI thread

            def context(code: str | None) -> UiContext:
                ctx = UiContext(services=services, runner=TaskRunner(), events=AppEvents(),
                                lang=lang,
                                actor=demo_actor(services, code) if code else None)
                ctx.extras["centre_name"] = services.preferences.centre_name()
                contexts.append(ctx)
                return ctx

            (out / "pages").mkdir(exist_ok=True)
            for role, code in ROLES.items():
                window = MainWindow(context(None))
                window.resize(*size)
                window.show()
                workspace = window.enter(demo_actor(services, code))
                for spec in list(workspace.specs):
                    workspace.show_page(spec.name)
                    settle(window.ctx)
                    path = out / "pages" / f"{role}-{spec.name}.png"
                    window.grab().save(str(path))
                    made.append(path)
                window.ctx.runner.wait(-1)
                window.close()
                window.deleteLater()

            consultant = context("C101")
            page = CarePage(consultant)
            shot(page, consultant, "care_tasks_consultant.png")
            page = CarePage(consultant)
            messages = page.messages
            shot(page, consultant, "care_messages_consultant.png",
                 (lambda: page.show_tab(messages)) if messages is not None else None)

            supervisor = context("S001")
            page = CarePage(supervisor)
            view = page.satisfaction
            shot(page, supervisor, "care_satisfaction_supervisor.png",
                 (lambda: page.show_tab(view)) if view is not None else None)

            reception = context("R001")
            customer = next(c for c in services.satisfaction.find_for_card(
                reception.require_actor(), "0105"))
            kiosk = ScoreCardKiosk(reception, customer.customer_id, customer.label,
                                   Occasion.SIGNING)
            shot(kiosk, reception, "care_kiosk_score_card.png")

            pdf = out / "satisfaction.pdf"
            services.satisfaction.export_pdf(demo_actor(services, "S001"), pdf)
            made.append(pdf)
            if shutil.which("pdftoppm"):
                subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf),
                                str(out / "satisfaction_pdf")], check=True)
                made.extend(sorted(out.glob("satisfaction_pdf*.png")))
        finally:
            for ctx in contexts:  # no background task may outlive the database it reads
                ctx.runner.wait(-1)
            services.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    return made


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m salesdesk.devtools.screenshots",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="build/screenshots")
    parser.add_argument("--size", default="1366x728", help="window size WxH (default 1366x728)")
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    args = parser.parse_args(argv)
    try:
        w, h = (int(v) for v in args.size.lower().split("x"))
        if not (320 <= w <= 7680 and 240 <= h <= 4320):
            raise ValueError
    except ValueError:
        parser.error(f"--size takes WxH, e.g. 1366x728 (got {args.size!r})")
    for path in render(Path(args.out), (w, h), args.lang):
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
