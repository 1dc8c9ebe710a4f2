"""Roles are enforced in the services, not only by hiding buttons: one case per role and action."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from salesdesk.domain.errors import PermissionDenied
from salesdesk.domain.roles import Actor, Role
from tests.factories import Kit

Action = Callable[[Kit, Actor, Path], Any]
_n = iter(range(10_000))


def _phone() -> str:
    return f"1390000{next(_n):04d}"


def _walk_in(k: Kit) -> str:
    return k.customer(phone=_phone(), owner=k.staff_cached(Role.SUPERVISOR))


_SALES_SIDE = {Role.CONSULTANT, Role.SENIOR_CONSULTANT, Role.SUPERVISOR, Role.SALES_DIRECTOR}


ACTIONS: dict[str, tuple[Action, set[Role]]] = {
    "view project": (lambda k, a, t: k.services.projects.overview(a), set(Role)),
    "print notice": (lambda k, a, t: k.services.notice.print_notice(a, t / "n.pdf"), set(Role)),
    "import project": (lambda k, a, t: k.services.importer.import_config(a, k.config), {Role.ADMIN}),
    "create staff": (lambda k, a, t: k.services.auth.create_staff(
        a, code=f"X{next(_n)}", name="新人", role=Role.CONSULTANT, pin="1234"), {Role.ADMIN}),
    "list staff": (lambda k, a, t: k.services.auth.list_staff(a), set(Role)),
    "register customer": (lambda k, a, t: k.services.customers.register(a, phone=_phone(), consent=True),
                          {Role.RECEPTION, Role.CONSULTANT, Role.SENIOR_CONSULTANT,
                           Role.SUPERVISOR, Role.SALES_DIRECTOR}),
    "look up customer": (lambda k, a, t: k.services.customers.find_by_phone(a, "13900009999"),
                         {Role.RECEPTION, Role.CONSULTANT, Role.SENIOR_CONSULTANT,
                          Role.SUPERVISOR, Role.SALES_DIRECTOR, Role.CUSTOMER_SERVICE}),
    "view audit log": (lambda k, a, t: k.services.audit.recent(a),
                       {Role.SUPERVISOR, Role.SALES_DIRECTOR, Role.CUSTOMER_SERVICE}),
    # Issue 15 §2: the developer's follow-up answers are customer service's alone.
    "record follow-up answer": (lambda k, a, t: k.services.follow_up.record_call(
        a, customer_id=_walk_in(k), told_factors=True, told_sunshine=True,
        told_certificates=True, told_contract=True, score=5), {Role.CUSTOMER_SERVICE}),
    "list escalations": (lambda k, a, t: k.services.follow_up.open_escalations(a),
                         _SALES_SIDE | {Role.CUSTOMER_SERVICE}),
    "set escalation deadlines": (lambda k, a, t: k.services.follow_up.set_escalation_hours(
        a, {"consultant": 24}), {Role.SUPERVISOR, Role.SALES_DIRECTOR, Role.ADMIN}),
    # Issue 15 §1: erasure is the manager's, the director's or the admin's, never the owner's.
    "erase customer data": (lambda k, a, t: k.services.customer_rights.erase(
        a, _walk_in(k), "客户要求删除"), {Role.SUPERVISOR, Role.SALES_DIRECTOR, Role.ADMIN}),
}


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("action", list(ACTIONS), ids=lambda a: a.replace(" ", "_"))
def test_role_action(kit: Kit, role: Role, action: str, tmp_path: Path) -> None:
    fn, allowed = ACTIONS[action]
    actor = kit.staff_cached(role)
    if role in allowed:
        fn(kit, actor, tmp_path)
    else:
        with pytest.raises(PermissionDenied):
            fn(kit, actor, tmp_path)
