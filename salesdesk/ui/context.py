"""What every page gets: the services, the task runner, the change signal, the signed-in user."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject

from salesdesk.domain.errors import DomainError
from salesdesk.domain.roles import Actor
from salesdesk.ui.events import AppEvents
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.tasks import TaskRunner, deliver

if TYPE_CHECKING:
    # Only a type: the sign-in screen is painted before the services have loaded.
    from salesdesk.services.container import Services
    from salesdesk.services.signin import StaffEntry

log = logging.getLogger(__name__)

T = TypeVar("T")


class UiContext:
    """``services`` may be given later: ``opening`` gives them (waiting until they are open)
    the first time they are asked for. The window starts that way, with ``signin_staff`` read
    straight from the file, so that its sign-in screen paints before the services load."""

    def __init__(
        self,
        services: Services | None,
        runner: TaskRunner,
        events: AppEvents,
        lang: str = "zh_CN",
        actor: Actor | None = None,
        extras: dict[str, Any] | None = None,
        *,
        opening: Callable[[], Services] | None = None,
        signin_staff: list[StaffEntry] | None = None,
    ) -> None:
        if services is None and opening is None:
            raise ValueError("UiContext needs the services or a way to open them")
        self._services = services
        self._opening = opening
        self._signin_staff = signin_staff
        self.runner = runner
        self.events = events
        self.lang = lang
        self.actor = actor
        self.extras: dict[str, Any] = {} if extras is None else extras

    @property
    def services(self) -> Services:
        if self._services is None:
            assert self._opening is not None
            self._services = self._opening()
        return self._services

    @property
    def services_ready(self) -> bool:
        return self._services is not None

    def services_opened(self, services: Services) -> None:
        """The background opening finished (called on the GUI thread)."""
        self._services = services

    def signin_list(self) -> list[StaffEntry]:
        """Who may sign in: from the open services, or the roster read at start while they
        are still loading."""
        if self._services is None and self._signin_staff is not None:
            return list(self._signin_staff)
        return self.services.auth.signin_list()

    def needs_first_admin(self) -> bool:
        if self._services is None and self._signin_staff:
            return False  # the quick read found staff: there is somebody to sign in
        return self.services.auth.needs_first_admin()

    def run_op(
        self,
        fn: Callable[[], T],
        changes: OpChanges | Callable[[T], OpChanges],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        origin: QObject | None = None,
        owner: QObject | None = None,
        writer: bool = True,
    ) -> None:
        """Run a write in the background (on the one writer thread unless ``writer`` is False:
        a sync round has its own connection). Once it has succeeded, ``on_done`` runs, then
        ``events.op_executed`` tells every screen, once, what changed; ``changes`` may depend
        on the result (a sync round that pulled nothing changed only the sync state).

        ``origin``: the widget whose ``on_done`` shows the result itself, so that its page
        does not load the same data again; None when the screens are to reload from the
        change record. The callbacks are dropped if ``owner`` (default: ``origin``) was
        closed meanwhile; the change is announced all the same, since the write happened."""
        events = self.events
        guard = owner if owner is not None else origin

        def done(result: T) -> None:
            try:
                deliver(guard, on_done, result)
            finally:
                # The write happened even if its screen is gone: the others still hear of it.
                what = changes(result) if callable(changes) else changes
                events.op_executed.emit(what, origin)

        def failed(exc: BaseException) -> None:
            if on_error is None:
                log.error("background write failed", exc_info=exc)
            deliver(guard, on_error, exc)

        self.runner.run(fn, done, failed, write=writer)

    def require_actor(self) -> Actor:
        if self.actor is None:
            raise DomainError("请先登录", en="Please sign in first")
        return self.actor

    def error_text(self, exc: BaseException) -> str:
        """What to show for a failed action: the rule's own message, or a safe generic one."""
        if isinstance(exc, DomainError):
            return exc.text(self.lang)
        if self.lang.startswith("en"):
            return "Something went wrong; nothing was saved. Details are in the log file."
        return "出现意外错误，未保存任何内容。详细信息已写入日志文件。"
