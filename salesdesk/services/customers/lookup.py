"""Finding customers: by any of their numbers, by the last four digits (the kiosk), by id; and
the ID number, read masked and logged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from salesdesk.domain.errors import NotFound, ValidationError
from salesdesk.domain.id_number import mask_id_number
from salesdesk.domain.phone import mask_phone, normalise_phone
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.services.customers.results import CustomerInfo, PhoneInfo
from salesdesk.store.database import Database
from salesdesk.store.queries import customers as q
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.customer import Customer, CustomerPhone


def _info(uow: UnitOfWork, c: Customer, phones: list[CustomerPhone]) -> CustomerInfo:
    numbers = [(q.phone_number(uow, p), p.label) for p in phones]
    return CustomerInfo(
        c.id, c.name, c.salutation,
        tuple(PhoneInfo(n, mask_phone(n), label) for n, label in numbers),
        c.owner_staff_id, c.id_number_enc is not None, c.consent_at, c.consent_version,
        c.created_at, c.restricted_at is not None, c.erased_at is not None,
        c.consent_withdrawn_at is not None,
    )


def customer_info(uow: UnitOfWork, c: Customer) -> CustomerInfo:
    return _info(uow, c, q.live_phones(uow, [c.id]))


def customer_infos(uow: UnitOfWork, ids: list[str]) -> list[CustomerInfo]:
    """Several customers in three queries (the kiosk's last-four-digits search), in order."""
    if not ids:
        return []
    found = q.live_customers(uow, ids)
    phones: dict[str, list[CustomerPhone]] = {}
    for p in q.live_phones(uow, ids):
        phones.setdefault(p.customer_id, []).append(p)
    return [_info(uow, c, phones.get(c.id, [])) for c in (found.get(i) for i in ids) if c is not None]


def hidden(c: Customer) -> bool:
    """A restricted or erased customer is not found by search (issue 15 §1); their records
    stay reachable by id for the supervisor who restricted them."""
    return c.restricted_at is not None or c.erased_at is not None


def find_by_phone(db: Database, actor: Actor, phone: str) -> CustomerInfo | None:
    actor.require(Permission.VIEW_QUEUE)
    e164 = normalise_phone(phone)
    with db.reader(actor) as uow:
        cid = q.find_customer_id_by_phone(uow, e164)
        if cid is None:
            return None
        c = q.customer_row(uow, cid)
        return None if c is None or c.deleted or hidden(c) else customer_info(uow, c)


def search_last4(db: Database, actor: Actor, digits: str, limit: int = 20
                 ) -> list[CustomerInfo]:
    actor.require(Permission.VIEW_QUEUE)
    if len(digits) != 4 or not digits.isdigit():
        raise ValidationError("请输入手机号后四位", en="Enter the last four digits",
                              field="phone")
    with db.reader(actor) as uow:
        ids = q.customer_ids_by_last4(uow, digits, limit)
        return customer_infos(uow, list(dict.fromkeys(ids)))


def get(db: Database, actor: Actor, customer_id: str) -> CustomerInfo:
    actor.require(Permission.VIEW_QUEUE)
    with db.reader(actor) as uow:
        c = q.customer_row(uow, customer_id)
        if c is None or c.deleted:
            raise NotFound("没有这个客户", en="No such customer")
        return customer_info(uow, c)


def masked_id_number(db: Database, actor: Actor, customer_id: str) -> str:
    """The ID number masked (110101********1234); reading it is logged."""
    actor.require(Permission.RECORD_SUBSCRIPTION)
    with db.uow(actor) as uow:
        c = q.customer_row(uow, customer_id)
        if c is None or c.id_number_enc is None:
            raise NotFound("未登记身份证号", en="No ID number on record")
        masked = mask_id_number(db.cipher.decrypt(c.id_number_enc))
        audit.record(uow, "customer.read_id", "customer", customer_id)
        uow.commit()
        return masked
