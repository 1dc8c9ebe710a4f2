"""Building the real window around a services container for qtbot tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.ui.context import UiContext
from salesdesk.ui.events import AppEvents
from salesdesk.ui.main_window import MainWindow, Workspace
from salesdesk.ui.tasks import TaskRunner


def make_ctx(services: Services, actor: Actor | None = None, lang: str = "zh_CN") -> UiContext:
    ctx = UiContext(services=services, runner=TaskRunner(), events=AppEvents(), lang=lang,
                    actor=actor)
    ctx.extras["centre_name"] = services.preferences.centre_name()
    return ctx


def to_file(out: Path, answers: list[bool]) -> Callable[[QPrinter], bool]:
    """A print dialog that picks "print to file" (or is cancelled when told so), one answer
    per time it is opened."""
    def dialog(printer: QPrinter) -> bool:
        answer = answers.pop(0)
        if answer:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
        return answer
    return dialog


def signed_in(qtbot: QtBot, services: Services, code: str,
              pin: str) -> tuple[MainWindow, Workspace]:
    """The real main window, signed in through its sign-in screen, active (shortcuts reach
    the active window only)."""
    window = MainWindow(make_ctx(services))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    entry = next(e for e in window.signin._staff if e.code == code)
    qtbot.mouseClick(window.signin._buttons[entry.id], Qt.MouseButton.LeftButton)
    for digit in pin:
        window.signin._key(digit)
    qtbot.keyClick(window.signin.ui.pinEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10000)
    assert window.workspace is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    return window, window.workspace
