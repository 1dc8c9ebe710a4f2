from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from salesdesk.domain import pin
from salesdesk.domain.errors import PermissionDenied, ValidationError
from salesdesk.domain.roles import ROLE_PERMISSIONS, Actor, Permission, Role


def test_pin_hash_verifies_and_salts() -> None:
    a, b = pin.hash_pin("2468"), pin.hash_pin("2468")
    assert a != b  # salted
    assert pin.verify_pin("2468", a)
    assert not pin.verify_pin("2469", a)
    assert not pin.verify_pin("2468", "garbage")


@pytest.mark.parametrize("bad", ["", "123", "123456789", "12a4", "１２３４"])
def test_pin_format(bad: str) -> None:
    with pytest.raises(ValidationError):
        pin.check_pin_format(bad)


def test_five_failures_lock_for_five_minutes() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    state = pin.LockState(0, None)
    for _ in range(4):
        state = pin.after_failure(state, now)
        assert not state.is_locked(now)
    state = pin.after_failure(state, now)
    assert state.is_locked(now + timedelta(minutes=4, seconds=59))
    assert not state.is_locked(now + timedelta(minutes=5))


def test_roles_grant_what_their_job_needs() -> None:
    assert Permission.CHECK_IN in ROLE_PERMISSIONS[Role.RECEPTION]
    assert Permission.RECORD_DISCLOSURE not in ROLE_PERMISSIONS[Role.RECEPTION]
    assert Permission.OVERRIDE_DEPOSIT_GATE in ROLE_PERMISSIONS[Role.SUPERVISOR]
    assert Permission.OVERRIDE_DEPOSIT_GATE not in ROLE_PERMISSIONS[Role.CONSULTANT]
    assert Permission.IMPORT_PROJECT in ROLE_PERMISSIONS[Role.ADMIN]
    assert Permission.VIEW_AUDIT not in ROLE_PERMISSIONS[Role.ADMIN]
    actor = Actor("s", "李娜", Role.CONSULTANT, "c", "d")
    with pytest.raises(PermissionDenied) as info:
        actor.require(Permission.IMPORT_PROJECT)
    assert "置业顾问" in info.value.message
