"""Run by bench_startup in a fresh process: start, show the main window, exit.

``bare``: a bare PySide6 window (the floor). ``app DATA_DIR``: SalesDesk on that data folder."""

from __future__ import annotations

import sys
from pathlib import Path


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1366, 860)
    window.show()
    app.processEvents()


def salesdesk(data_dir: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from salesdesk.app import build_window, install_translations, make_application
    from salesdesk.wiring import open_services

    app = make_application(sys.argv[:1])
    services = open_services(Path(data_dir))
    lang = services.preferences.language()
    install_translations(app, lang)
    window = build_window(services, lang)
    window.show()
    app.processEvents()
    services.close()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        salesdesk(sys.argv[2])
