"""Sign-in, lockout, first admin, staff administration, on a real SQLite file."""

from __future__ import annotations

import pytest

from salesdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from salesdesk.domain.roles import Role
from salesdesk.services.container import Services


def _id(services: Services, code: str) -> str:
    return next(e.id for e in services.auth.signin_list() if e.code == code)


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


def test_sign_in_and_wrong_pin(demo: Services) -> None:
    staff_id = _id(demo, "C102")
    actor = demo.auth.sign_in(staff_id, "2102")
    assert (actor.name, actor.role) == ("李娜", Role.CONSULTANT)
    with pytest.raises(ValidationError, match="还可再试 4 次"):
        demo.auth.sign_in(staff_id, "0000")


def test_five_wrong_pins_lock_for_five_minutes(demo: Services, clock) -> None:
    staff_id = _id(demo, "C103")
    for _ in range(4):
        with pytest.raises(ValidationError):
            demo.auth.sign_in(staff_id, "0000")
    with pytest.raises(PermissionDenied, match="锁定"):
        demo.auth.sign_in(staff_id, "0000")
    # Even the right PIN is refused while locked...
    with pytest.raises(PermissionDenied, match="锁定"):
        demo.auth.sign_in(staff_id, "2103")
    clock.advance(minutes=4, seconds=59)
    with pytest.raises(PermissionDenied):
        demo.auth.sign_in(staff_id, "2103")
    clock.advance(seconds=2)
    assert demo.auth.sign_in(staff_id, "2103").name == "张伟"
    # ...and other accounts were never affected.
    assert demo.auth.sign_in(_id(demo, "C102"), "2102").name == "李娜"


def test_staff_administration_is_for_admins(demo: Services, admin, supervisor) -> None:
    with pytest.raises(PermissionDenied):
        demo.auth.create_staff(supervisor, code="C999", name="新人", role=Role.CONSULTANT,
                               pin="1234")
    entry = demo.auth.create_staff(admin, code="C301", name="钱多多", role=Role.CONSULTANT,
                                   pin="3301", agency="万家行地产")
    with pytest.raises(ValidationError, match="已存在"):
        demo.auth.create_staff(admin, code="C301", name="重复", role=Role.CONSULTANT, pin="3301")
    demo.auth.set_active(admin, entry.id, False)
    assert entry.id not in {e.id for e in demo.auth.signin_list()}
    with pytest.raises(NotFound):
        demo.auth.sign_in(entry.id, "3301")
    with pytest.raises(ValidationError):
        demo.auth.set_active(admin, admin.staff_id, False)


def test_change_pin(demo: Services, consultant) -> None:
    with pytest.raises(ValidationError):
        demo.auth.change_pin(consultant, "9999", "5555")
    demo.auth.change_pin(consultant, "2102", "5555")
    assert demo.auth.sign_in(consultant.staff_id, "5555").name == "李娜"
