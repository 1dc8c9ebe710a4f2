"""Background calls whose answers may arrive after their widget was closed and deleted."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtWidgets import QWidget

from salesdesk.ui.context import UiContext

log = logging.getLogger(__name__)

T = TypeVar("T")


def run_for(widget: QWidget, ctx: UiContext, fn: Callable[[], T],
            on_done: Callable[[T], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, *,
            write: bool = False) -> None:
    """``ctx.runner.run`` whose callbacks are dropped if ``widget`` is gone by then (a page
    closed while a load or a dialog's write was still running)."""

    def done(value: T) -> None:
        if on_done is not None and shiboken6.isValid(widget):
            on_done(value)

    def failed(exc: BaseException) -> None:
        if on_error is None:
            log.error("background task failed", exc_info=exc)
        elif shiboken6.isValid(widget):
            on_error(exc)

    ctx.runner.run(fn, done, failed, write=write)
