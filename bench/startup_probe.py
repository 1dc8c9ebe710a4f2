"""Run by bench_startup in a fresh process: start, paint, print one JSON line, exit.

``bare``: a bare PySide6 window (the floor). ``app DATA_DIR``: SalesDesk on that data folder:
the sign-in screen painted, then reception's PIN typed and the reception page painted with its
first data.

Times are seconds of ``time.monotonic()`` (system-wide on Linux, so comparable across
processes) after ``SALESDESK_BENCH_T0``, which the parent sets just before it spawns us: the
interpreter's own start is part of starting the app."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any


def rss_mb() -> float:
    """Resident memory now (not the peak): /proc on Linux, the peak elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def since_spawn() -> float:
    return time.monotonic() - float(os.environ.get("SALESDESK_BENCH_T0", "0"))


def paint_watcher() -> Any:
    """An application-wide event filter remembering when any widget last painted."""
    from PySide6.QtCore import QEvent, QObject

    class Watcher(QObject):
        last_paint = 0.0

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.last_paint = time.monotonic()
            return False

    return Watcher()


def wait_for_paint(app: Any, watcher: Any, after: float, limit_s: float = 60) -> float:
    """Turn the event loop until a paint lands after ``after``; its monotonic time."""
    deadline = time.monotonic() + limit_s
    while watcher.last_paint <= after and time.monotonic() < deadline:
        app.processEvents()
    if watcher.last_paint <= after:
        raise RuntimeError("nothing painted")
    return float(watcher.last_paint)


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    watcher = paint_watcher()
    app.installEventFilter(watcher)
    window = QMainWindow()
    window.resize(1366, 860)
    window.show()
    painted = wait_for_paint(app, watcher, 0.0)
    print(json.dumps({"painted_s": painted - float(os.environ.get("SALESDESK_BENCH_T0", "0")),
                      "rss_mb": rss_mb()}))


def salesdesk(data_dir: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from salesdesk.app import close_window, make_application, start_window

    app = make_application(sys.argv[:1])
    watcher = paint_watcher()
    app.installEventFilter(watcher)
    # As main.py starts: the sign-in screen from a quick read, the services opening behind it.
    window = start_window(app, Path(data_dir))
    window.show()
    signin_s = wait_for_paint(app, watcher, 0.0) - float(os.environ["SALESDESK_BENCH_T0"])
    signin_rss = rss_mb()

    # Reception signs in as at the kiosk: tap the name, type the PIN, Enter.
    screen = window.signin
    entry = next(e for e in screen._staff if e.code == "R001")
    accepted: list[float] = []
    screen.signed_in.disconnect(window.enter)

    def on_signed_in(actor: Any) -> None:
        accepted.append(time.monotonic())  # the PIN check's answer is back on the GUI thread
        window.enter(actor)

    screen.signed_in.connect(on_signed_in)
    screen.select(entry)
    screen.ui.pinEdit.setText("1001")
    screen.submit()
    deadline = time.monotonic() + 60
    while window.workspace is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.0005)
    workspace = window.workspace
    assert workspace is not None and accepted, "sign-in did not complete"
    page = workspace.pages["reception"]
    first_paint = wait_for_paint(app, watcher, accepted[0])
    # Painted with its first data: the floor (rotation, queue) has arrived and shown.
    while page.loads < 1 and time.monotonic() < deadline:  # type: ignore[attr-defined]
        app.processEvents()
        time.sleep(0.0005)
    loaded = time.monotonic()
    painted = wait_for_paint(app, watcher, loaded)
    window.ctx.runner.wait(10000)
    out = {"signin_s": signin_s, "signin_rss_mb": signin_rss,
           "first_page_s": painted - accepted[0], "first_paint_s": first_paint - accepted[0],
           "rss_mb": rss_mb()}
    workspace.stop()
    close_window(window)
    print(json.dumps(out))


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        salesdesk(sys.argv[2])
