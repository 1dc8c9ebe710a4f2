"""The complaint log's questions: complaints, their handling steps, complaint groups."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from salesdesk.store.models.care import Complaint, ComplaintGroup, ComplaintStep
from salesdesk.store.uow import UnitOfWork


def complaint_row(uow: UnitOfWork, complaint_id: str) -> Complaint | None:
    return uow.session.get(Complaint, complaint_id)


def add_complaint(uow: UnitOfWork, **fields: Any) -> Complaint:
    row = Complaint(**fields)
    uow.add(row)
    return row


def complaints(uow: UnitOfWork, *, include_closed: bool) -> list[Complaint]:
    """Newest first."""
    q = select(Complaint).where(Complaint.deleted.is_(False))
    if not include_closed:
        q = q.where(Complaint.status == "open")
    return list(uow.session.scalars(q.order_by(Complaint.received_at.desc())))


def open_complaints_owned_by(uow: UnitOfWork, staff_ids: list[str]) -> list[Complaint]:
    return list(uow.session.scalars(select(Complaint).where(
        Complaint.owner_staff_id.in_(staff_ids), Complaint.status == "open",
        Complaint.deleted.is_(False))))


def steps_of(uow: UnitOfWork, complaint_id: str) -> list[ComplaintStep]:
    """In the order they were done."""
    return list(uow.session.scalars(select(ComplaintStep).where(
        ComplaintStep.complaint_id == complaint_id, ComplaintStep.deleted.is_(False)
    ).order_by(ComplaintStep.seq)))


def add_step(uow: UnitOfWork, **fields: Any) -> ComplaintStep:
    row = ComplaintStep(**fields)
    uow.add(row)
    return row


def group_row(uow: UnitOfWork, group_id: str) -> ComplaintGroup | None:
    return uow.session.get(ComplaintGroup, group_id)


def add_group(uow: UnitOfWork, **fields: Any) -> ComplaintGroup:
    row = ComplaintGroup(**fields)
    uow.add(row)
    return row


def groups(uow: UnitOfWork) -> list[ComplaintGroup]:
    return list(uow.session.scalars(select(ComplaintGroup).where(
        ComplaintGroup.deleted.is_(False)).order_by(ComplaintGroup.created_at)))


def group_members(uow: UnitOfWork, group_id: str) -> list[Complaint]:
    return list(uow.session.scalars(select(Complaint).where(
        Complaint.group_id == group_id, Complaint.deleted.is_(False))))
