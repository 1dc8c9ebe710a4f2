"""Lookups every capability needs: staff by id and their names."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from salesdesk.store.models.org import SalesCentre, Staff
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
