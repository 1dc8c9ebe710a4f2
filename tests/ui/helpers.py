"""Building the real window around a services container for qtbot tests."""

from __future__ import annotations

from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.ui.context import UiContext
from salesdesk.ui.events import AppEvents
from salesdesk.ui.tasks import TaskRunner


def make_ctx(services: Services, actor: Actor | None = None, lang: str = "zh_CN") -> UiContext:
    ctx = UiContext(services=services, runner=TaskRunner(), events=AppEvents(), lang=lang,
                    actor=actor)
    ctx.extras["centre_name"] = services.preferences.centre_name()
    return ctx
