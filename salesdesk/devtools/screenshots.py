"""Render the screens people ask to see, in Chinese, from a fresh demo database:
``python -m salesdesk.devtools.screenshots OUT_DIR`` (``make screenshots`` → build/screenshots).

The consultant's follow-up list and messages to send, the score card on the kiosk, the
supervisor's satisfaction page with its chart, and the satisfaction PDF (page 1 as PNG when
poppler's pdftoppm is installed). Offscreen: no display is needed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def render(out: Path) -> list[Path]:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QWidget

    from salesdesk.app import make_application
    from salesdesk.domain.care.satisfaction import Occasion
    from salesdesk.services.container import build_services
    from salesdesk.services.demo import demo_actor, load_demo
    from salesdesk.store.database import open_database
    from salesdesk.ui.care.kiosk import ScoreCardKiosk
    from salesdesk.ui.care.page import CarePage
    from salesdesk.ui.context import UiContext
    from salesdesk.ui.events import AppEvents
    from salesdesk.ui.i18n import install_translations
    from salesdesk.ui.tasks import TaskRunner

    app = make_application(sys.argv[:1])
    install_translations(app, "zh_CN")
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
                widget.resize(1300, 800)
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

            def context(code: str) -> UiContext:
                ctx = UiContext(services=services, runner=TaskRunner(), events=AppEvents(),
                                lang="zh_CN", actor=demo_actor(services, code))
                ctx.extras["centre_name"] = services.preferences.centre_name()
                contexts.append(ctx)
                return ctx

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
    out = Path(argv[0] if argv else "build/screenshots")
    for path in render(out):
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
