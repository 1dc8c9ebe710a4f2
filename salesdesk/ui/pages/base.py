"""The base of every page in the main window, and the registry entry that describes one."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from salesdesk.domain.errors import DomainError
from salesdesk.domain.roles import Permission
from salesdesk.ui.context import UiContext

log = logging.getLogger(__name__)


class Page(QWidget):
    """A page refreshes itself when shown and when an area it cares about changes."""

    areas: frozenset[str] = frozenset()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ctx.events.changed.connect(self._on_changed)

    def _on_changed(self, area: str) -> None:
        if area in self.areas and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Reload what the page shows (through the task runner)."""

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()

    def report_error(self, exc: BaseException, label: QLabel | None = None) -> None:
        if not isinstance(exc, DomainError):
            log.error("action failed", exc_info=exc)
        text = self.ctx.error_text(exc)
        if label is not None:
            label.setText(text)
            label.setVisible(True)
        else:
            from salesdesk.ui.widgets import message_box

            message_box(self, text, error=True)


@dataclass(frozen=True)
class PageSpec:
    name: str  # the --page NAME of the screenshot command
    title: Callable[[], str]  # translated at call time
    icon: str  # file name in resources/icons
    permissions: frozenset[Permission]  # any of these shows the page
    factory: Callable[[UiContext], Page]


class PendingPage(Page):
    """An area whose capability has not been built yet: says so plainly, pretends nothing."""

    def __init__(self, ctx: UiContext, title: str, text: str) -> None:
        super().__init__(ctx)
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        body = QLabel(text)
        body.setWordWrap(True)
        body.setObjectName("hint")
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)
