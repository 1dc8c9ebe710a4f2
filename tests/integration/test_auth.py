"""Sign-in, lockout, first admin, staff administration, on a real SQLite file."""

from __future__ import annotations

import pytest

from salesdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from salesdesk.domain.roles import Role
from salesdesk.services.container import Services
from tests.factories import PIN, Kit


def test_first_start_asks_for_an_admin(services: Services) -> None:
    assert services.auth.needs_first_admin()
    with pytest.raises(ValidationError):
        services.auth.create_first_admin("", "赵敏", "9000")
    with pytest.raises(ValidationError):
        services.auth.create_first_admin("翠湖苑售楼处", "赵敏", "12")
    assert services.auth.needs_first_admin()  # bad input changed nothing
    actor = services.auth.create_first_admin("翠湖苑售楼处", "赵敏", "9000")
    assert actor.role is Role.ADMIN and not services.auth.needs_first_admin()
    assert services.preferences.centre_name() == "翠湖苑售楼处"
    with pytest.raises(PermissionDenied):
        services.auth.create_first_admin("x", "y", "1234")
    assert services.auth.sign_in(actor.staff_id, "9000").staff_id == actor.staff_id


def test_sign_in_and_wrong_pin(kit: Kit, services: Services) -> None:
    staff_id = kit.staff(Role.CONSULTANT, name="李娜").staff_id
    actor = services.auth.sign_in(staff_id, PIN)
    assert (actor.name, actor.role) == ("李娜", Role.CONSULTANT)
    with pytest.raises(ValidationError, match="还可再试 4 次"):
        services.auth.sign_in(staff_id, "0000")


def test_five_wrong_pins_lock_for_five_minutes(kit: Kit, services: Services, clock) -> None:
    staff_id = kit.staff(Role.CONSULTANT, name="张伟").staff_id
    other = kit.staff(Role.CONSULTANT, name="李娜").staff_id
    for _ in range(4):
        with pytest.raises(ValidationError):
            services.auth.sign_in(staff_id, "0000")
    with pytest.raises(PermissionDenied, match="锁定"):
        services.auth.sign_in(staff_id, "0000")
    # Even the right PIN is refused while locked...
    with pytest.raises(PermissionDenied, match="锁定"):
        services.auth.sign_in(staff_id, PIN)
    clock.advance(minutes=4, seconds=59)
    with pytest.raises(PermissionDenied):
        services.auth.sign_in(staff_id, PIN)
    clock.advance(seconds=2)
    assert services.auth.sign_in(staff_id, PIN).name == "张伟"
    # ...and other accounts were never affected.
    assert services.auth.sign_in(other, PIN).name == "李娜"


def test_staff_administration_is_for_admins(kit: Kit, services: Services) -> None:
    admin, supervisor = kit.staff(Role.ADMIN), kit.staff(Role.SUPERVISOR)
    with pytest.raises(PermissionDenied):
        services.auth.create_staff(supervisor, code="C999", name="新人", role=Role.CONSULTANT,
                                   pin="1234")
    entry = services.auth.create_staff(admin, code="C301", name="钱多多", role=Role.CONSULTANT,
                                       pin="3301", agency="万家行地产")
    with pytest.raises(ValidationError, match="已存在"):
        services.auth.create_staff(admin, code="C301", name="重复", role=Role.CONSULTANT,
                                   pin="3301")
    services.auth.set_active(admin, entry.id, False)
    assert entry.id not in {e.id for e in services.auth.signin_list()}
    with pytest.raises(NotFound):
        services.auth.sign_in(entry.id, "3301")
    with pytest.raises(ValidationError):
        services.auth.set_active(admin, admin.staff_id, False)


def test_change_pin(kit: Kit, services: Services) -> None:
    consultant = kit.staff(Role.CONSULTANT, name="李娜")
    with pytest.raises(ValidationError):
        services.auth.change_pin(consultant, "9999", "5555")
    services.auth.change_pin(consultant, PIN, "5555")
    assert services.auth.sign_in(consultant.staff_id, "5555").name == "李娜"
