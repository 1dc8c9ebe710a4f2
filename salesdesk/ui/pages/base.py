"""The base of every page in the main window, and the registry entry that describes one."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from salesdesk.domain.errors import DomainError
from salesdesk.domain.roles import Permission
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import Area, OpChanges

log = logging.getLogger(__name__)


class Page(QWidget):
    """A page refreshes itself when shown and when a write elsewhere changed an area it shows.

    A write the page made itself (``origin`` is the page or one of its widgets) was already
    applied by the write's own callback: the page does not load the same data again."""

    areas: frozenset[Area] = frozenset()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # The parts still to build, one per step, when the workspace builds the page ahead of
        # its first visit (PageSpec.ahead); None once the page is whole.
        self.parts: Iterator[None] | None = None
        ctx.events.op_executed.connect(self._on_op)

    def finish_parts(self) -> None:
        """Builds at once whatever parts are left: the page is about to show."""
        if self.parts is not None:
            for _ in self.parts:
                pass
            self.parts = None

    def _on_op(self, changes: OpChanges, origin: object) -> None:
        if self.is_origin(origin) or not changes.touches(self.areas):
            return
        if self.isVisible():
            self.refresh()

    def is_origin(self, origin: object) -> bool:
        """Whether a write came from this page: itself, a widget inside it, or a dialog it
        opened (a dialog is a window of its own, so ``isAncestorOf`` would not see it)."""
        widget = origin if isinstance(origin, QWidget) else None
        while widget is not None and shiboken6.isValid(widget):
            if widget is self:
                return True
            widget = widget.parentWidget()
        return False

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
    # What the factory imports: the workspace imports them ahead, one per turn of the event
    # loop, before it builds the page (see Workspace._prebuild).
    modules: tuple[str, ...] = ()
    # Builds the page with its parts left in ``Page.parts`` (built ahead, a part per turn of
    # the event loop); None: ``factory`` builds it whole in one step.
    ahead: Callable[[UiContext], Page] | None = None


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
