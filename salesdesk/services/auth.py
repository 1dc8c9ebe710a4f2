"""Sign-in with name and PIN, the first admin, and staff accounts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from salesdesk.domain import pin as pin_rules
from salesdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from salesdesk.domain.ids import new_id
from salesdesk.domain.roles import Actor, Permission, Role
from salesdesk.services import audit
from salesdesk.store.database import Database, set_local_meta
from salesdesk.store.queries import staff as q
from salesdesk.store.queries.common import staff_row

if TYPE_CHECKING:
    from salesdesk.store.models.org import Staff


@dataclass(frozen=True)
class StaffEntry:
    id: str
    code: str
    name: str
    role: Role
    agency: str
    senior: bool
    active: bool
    phone: str


def _entry(s: Staff) -> StaffEntry:
    return StaffEntry(s.id, s.code, s.name, Role(s.role), s.agency, s.senior, s.active, s.phone)


class AuthService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ---- first start ---------------------------------------------------------------------

    def needs_first_admin(self) -> bool:
        with self._db.reader() as uow:
            return not q.any_staff(uow)

    def create_first_admin(self, centre_name: str, name: str, pin: str) -> Actor:
        """Only on an empty database: makes the sales centre and its first admin."""
        centre_name, name = centre_name.strip(), name.strip()
        if not centre_name:
            raise ValidationError("请输入售楼处名称", en="Please enter the sales centre name",
                                  field="centre_name")
        if not name:
            raise ValidationError("请输入姓名", en="Please enter a name", field="name")
        pin_rules.check_pin_format(pin)
        if not self.needs_first_admin():
            raise PermissionDenied("已有管理员，请登录", en="An admin already exists; please sign in")
        with self._db.uow() as uow:
            uow.use_sales_centre(new_id())
            assert uow.context.sales_centre_id is not None
            centre = q.add_company_and_centre(uow, uow.context.sales_centre_id, centre_name)
            admin = q.add_staff(uow, code="ADMIN", name=name, role=Role.ADMIN.value,
                                pin_hash=pin_rules.hash_pin(pin))
            audit.record(uow, "staff.first_admin", "staff", admin.id)
            uow.commit()
        set_local_meta(self._db, "sales_centre_id", centre.id)
        self._db.sales_centre_id = centre.id
        return self._actor(admin)

    # ---- sign-in -------------------------------------------------------------------------

    def signin_list(self) -> list[StaffEntry]:
        """Active staff in the order the sign-in screen shows them."""
        order = {r: i for i, r in enumerate(Role)}
        with self._db.reader() as uow:
            entries = [_entry(s) for s in q.live_staff(uow)]
        return sorted(entries, key=lambda e: (order[e.role], e.agency, e.code))

    def sign_in(self, staff_id: str, pin: str) -> Actor:
        now = self._db.now()
        with self._db.uow() as uow:
            staff = staff_row(uow, staff_id)
            if staff is None or staff.deleted or not staff.active:
                raise NotFound("没有这个账号", en="No such account", field="staff")
            lock = q.signin_lock(uow, staff_id)
            state = pin_rules.LockState(lock.failed_attempts, lock.locked_until)
            if state.is_locked(now):
                assert state.locked_until is not None
                minutes = max(1, int((state.locked_until - now).total_seconds() // 60) + 1)
                raise PermissionDenied(
                    f"PIN 连续输错 5 次，账号已锁定，请 {minutes} 分钟后再试",
                    en=f"Five wrong PINs: this account is locked, try again in {minutes} min",
                    field="pin",
                )
            if not pin_rules.verify_pin(pin, staff.pin_hash):
                after = pin_rules.after_failure(state, now)
                lock.failed_attempts, lock.locked_until = after.failed_attempts, after.locked_until
                q.save_signin_lock(uow, lock)
                audit.record(uow, "signin.failed", "staff", staff_id,
                             "locked" if after.locked_until else f"attempt {after.failed_attempts}")
                uow.commit()
                if after.locked_until is not None:
                    raise PermissionDenied(
                        "PIN 连续输错 5 次，账号已锁定 5 分钟",
                        en="Five wrong PINs: this account is locked for 5 minutes", field="pin")
                left = pin_rules.MAX_FAILED_ATTEMPTS - after.failed_attempts
                raise ValidationError(f"PIN 不正确，还可再试 {left} 次",
                                      en=f"Wrong PIN, {left} tries left", field="pin")
            lock.failed_attempts, lock.locked_until = 0, None
            q.save_signin_lock(uow, lock)
            actor = self._actor(staff)
            audit.record(uow, "signin.ok", "staff", staff_id)
            uow.commit()
        return actor

    def actor_for(self, staff_id: str) -> Actor:
        """The actor of a staff member, without a PIN: for the demo loader and screenshots."""
        with self._db.reader() as uow:
            staff = staff_row(uow, staff_id)
            if staff is None:
                raise NotFound("没有这个账号", en="No such account")
            return self._actor(staff)

    def _actor(self, staff: Staff) -> Actor:
        return Actor(staff_id=staff.id, name=staff.name, role=Role(staff.role),
                     sales_centre_id=staff.sales_centre_id, device_id=self._db.device_id,
                     senior=staff.senior)

    # ---- staff administration ----------------------------------------------------------------

    def list_staff(self, actor: Actor, include_inactive: bool = False) -> list[StaffEntry]:
        actor.require(Permission.VIEW_PROJECT)
        with self._db.reader(actor) as uow:
            return [_entry(s) for s in q.live_staff(uow, include_inactive)]

    def create_staff(self, actor: Actor, *, code: str, name: str, role: Role, pin: str,
                     agency: str = "", senior: bool = False, phone: str = "") -> StaffEntry:
        actor.require(Permission.MANAGE_STAFF)
        code, name = code.strip(), name.strip()
        if not code:
            raise ValidationError("请输入员工编号", en="Please enter a staff code", field="code")
        if not name:
            raise ValidationError("请输入姓名", en="Please enter a name", field="name")
        pin_rules.check_pin_format(pin)
        with self._db.uow(actor) as uow:
            if q.code_taken(uow, code):
                raise ValidationError(f"员工编号 {code} 已存在", en=f"Staff code {code} exists",
                                      field="code")
            staff = q.add_staff(uow, code=code, name=name, role=role.value, agency=agency.strip(),
                                senior=senior or role is Role.SENIOR_CONSULTANT,
                                phone=phone.strip(), pin_hash=pin_rules.hash_pin(pin))
            audit.record(uow, "staff.create", "staff", staff.id, role.value)
            uow.commit()
            return _entry(staff)

    def set_active(self, actor: Actor, staff_id: str, active: bool) -> None:
        actor.require(Permission.MANAGE_STAFF)
        with self._db.uow(actor) as uow:
            staff = staff_row(uow, staff_id)
            if staff is None:
                raise NotFound("没有这个员工", en="No such staff member")
            if staff_id == actor.staff_id and not active:
                raise ValidationError("不能停用自己的账号", en="You cannot disable your own account")
            staff.active = active
            audit.record(uow, "staff.activate" if active else "staff.deactivate", "staff", staff_id)
            uow.commit()

    def change_pin(self, actor: Actor, old_pin: str, new_pin: str) -> None:
        pin_rules.check_pin_format(new_pin)
        with self._db.uow(actor) as uow:
            staff = staff_row(uow, actor.staff_id)
            if staff is None or not pin_rules.verify_pin(old_pin, staff.pin_hash):
                raise ValidationError("原 PIN 不正确", en="The current PIN is wrong", field="pin")
            staff.pin_hash = pin_rules.hash_pin(new_pin)
            audit.record(uow, "staff.change_pin", "staff", staff.id)
            uow.commit()
