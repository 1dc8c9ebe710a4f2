"""Staff accounts, the first sales centre, and the local sign-in lockout."""

from __future__ import annotations

from sqlalchemy import select

from salesdesk.store.models.local import SigninLock
from salesdesk.store.models.org import Company, SalesCentre, Staff
from salesdesk.store.uow import UnitOfWork


def any_staff(uow: UnitOfWork) -> bool:
    return uow.session.scalar(select(Staff.id).limit(1)) is not None


def code_taken(uow: UnitOfWork, code: str) -> bool:
    return uow.session.scalar(select(Staff.id).where(Staff.code == code)) is not None


def live_staff(uow: UnitOfWork, include_inactive: bool = False) -> list[Staff]:
    """Staff not tombstoned (and active, unless ``include_inactive``), by code."""
    q = select(Staff).where(Staff.deleted.is_(False)).order_by(Staff.code)
    if not include_inactive:
        q = q.where(Staff.active.is_(True))
    return list(uow.session.scalars(q))


def add_staff(uow: UnitOfWork, **fields: object) -> Staff:
    staff = Staff(**fields)
    uow.add(staff)
    uow.flush()
    return staff


def add_company_and_centre(uow: UnitOfWork, centre_id: str, name: str) -> SalesCentre:
    """The first start's own company and sales centre (before any project file)."""
    company = Company(code="LOCAL", name=name)
    uow.add(company)
    uow.flush()
    centre = SalesCentre(id=centre_id, company_id=company.id, code="LOCAL", name=name)
    uow.add(centre)
    uow.flush()
    return centre


def signin_lock(uow: UnitOfWork, staff_id: str) -> SigninLock:
    """This device's count of wrong PINs for the staff member (a fresh one when none)."""
    return uow.session.get(SigninLock, staff_id) or SigninLock(
        staff_id=staff_id, failed_attempts=0, locked_until=None)


def save_signin_lock(uow: UnitOfWork, lock: SigninLock) -> None:
    uow.session.merge(lock)
