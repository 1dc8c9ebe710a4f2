"""What every page gets: the services, the task runner, the change signal, the signed-in user."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from salesdesk.domain.errors import DomainError
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.ui.events import AppEvents
from salesdesk.ui.tasks import TaskRunner


@dataclass
class UiContext:
    services: Services
    runner: TaskRunner
    events: AppEvents
    lang: str = "zh_CN"
    actor: Actor | None = None
    extras: dict[str, Any] = field(default_factory=dict)

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
