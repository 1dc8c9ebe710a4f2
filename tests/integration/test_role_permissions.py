"""Roles are enforced in the services, not only by hiding buttons: one case per role and action."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from salesdesk.domain.errors import PermissionDenied
from salesdesk.domain.roles import Actor, Role
from salesdesk.services.container import Services
from salesdesk.services.project_import import DEMO_PATH
from tests.conftest import staff_actor

CODES = {Role.RECEPTION: "R001", Role.CONSULTANT: "C102", Role.SENIOR_CONSULTANT: "C101",
         Role.SUPERVISOR: "S001", Role.ADMIN: "A001"}

Action = Callable[[Services, Actor, Path], Any]
_n = iter(range(10_000))


def _phone() -> str:
    return f"1390000{next(_n):04d}"


ACTIONS: dict[str, tuple[Action, set[Role]]] = {
    "view project": (lambda s, a, t: s.projects.overview(a), set(Role)),
    "print notice": (lambda s, a, t: s.notice.print_notice(a, t / "n.pdf"), set(Role)),
    "import project": (lambda s, a, t: s.importer.import_file(a, DEMO_PATH), {Role.ADMIN}),
    "create staff": (lambda s, a, t: s.auth.create_staff(
        a, code=f"X{next(_n)}", name="新人", role=Role.CONSULTANT, pin="1234"), {Role.ADMIN}),
    "list staff": (lambda s, a, t: s.auth.list_staff(a), set(Role)),
    "register customer": (lambda s, a, t: s.customers.register(a, phone=_phone(), consent=True),
                          {Role.RECEPTION, Role.CONSULTANT, Role.SENIOR_CONSULTANT,
                           Role.SUPERVISOR}),
    "look up customer": (lambda s, a, t: s.customers.find_by_phone(a, "13900009999"),
                         {Role.RECEPTION, Role.CONSULTANT, Role.SENIOR_CONSULTANT,
                          Role.SUPERVISOR}),
    "view audit log": (lambda s, a, t: s.audit.recent(a), {Role.SUPERVISOR}),
}


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("action", list(ACTIONS), ids=lambda a: a.replace(" ", "_"))
def test_role_action(demo: Services, role: Role, action: str, tmp_path: Path) -> None:
    fn, allowed = ACTIONS[action]
    actor = staff_actor(demo, CODES[role])
    if role in allowed:
        fn(demo, actor, tmp_path)
    else:
        with pytest.raises(PermissionDenied):
            fn(demo, actor, tmp_path)
