"""Lookups every capability needs: staff by id and their names."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from salesdesk.store.models.customer import Customer, CustomerPhone
from salesdesk.store.models.org import SalesCentre, Staff
from salesdesk.store.models.project import Project, Unit
from salesdesk.store.uow import UnitOfWork


def staff_names(uow: UnitOfWork, ids: Iterable[str | None] | None = None) -> dict[str, str]:
    """id → name, for the ids given (None: all staff, for a screen that lists the whole team)."""
    q = select(Staff.id, Staff.name)
    if ids is not None:
        wanted = {i for i in ids if i}
        if not wanted:
            return {}
        q = q.where(Staff.id.in_(wanted))
    return {i: n for i, n in uow.session.execute(q)}


def staff_rows(uow: UnitOfWork, ids: Iterable[str | None]) -> dict[str, Staff]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return {s.id: s for s in uow.session.scalars(select(Staff).where(Staff.id.in_(wanted)))}


def staff_row(uow: UnitOfWork, staff_id: str | None) -> Staff | None:
    return None if staff_id is None else uow.session.get(Staff, staff_id)


def centre_name(uow: UnitOfWork, centre_id: str | None) -> str:
    """This device's sales centre's name; before it knows its centre, the first one's."""
    if centre_id:
        centre = uow.session.get(SalesCentre, centre_id)
        if centre is not None:
            return centre.name
    return uow.session.scalar(select(SalesCentre.name).limit(1)) or ""


def customer_row(uow: UnitOfWork, customer_id: str | None) -> Customer | None:
    """The customer by id, tombstoned or not (callers decide what a deleted one means)."""
    return uow.session.get(Customer, customer_id) if customer_id else None


def first_phone(uow: UnitOfWork, customer_id: str) -> str | None:
    """The customer's oldest live number (E.164): the one staff screens show, masked."""
    sealed = uow.session.execute(select(CustomerPhone.e164_enc).where(
        CustomerPhone.customer_id == customer_id, CustomerPhone.deleted.is_(False))
        .order_by(CustomerPhone.created_at).limit(1)).first()
    return None if sealed is None else uow.phones.reveal(sealed[0])


def phone_number(uow: UnitOfWork, phone: CustomerPhone) -> str:
    """A phone row's number in clear (stored sealed: store/crypto.py PhoneSeal); "" when erased."""
    return uow.phones.reveal(phone.e164_enc)


def unit_row(uow: UnitOfWork, unit_id: str | None) -> Unit | None:
    return uow.session.get(Unit, unit_id) if unit_id else None


def first_project(uow: UnitOfWork) -> Project | None:
    """The device's project (the first one set up)."""
    return uow.session.scalar(select(Project).where(Project.deleted.is_(False))
                              .order_by(Project.created_at).limit(1))


def unit_numbers(uow: UnitOfWork, ids: Iterable[str | None]) -> dict[str, str]:
    """id → number (1-502) of the units named."""
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return {i: n for i, n in uow.session.execute(
        select(Unit.id, Unit.number).where(Unit.id.in_(wanted)))}
