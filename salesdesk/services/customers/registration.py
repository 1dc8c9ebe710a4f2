"""Registering a customer: their consent first (PIPL), one customer per number, the ID number
kept only encrypted."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from salesdesk.domain.customer_rights import CONSENT_TEXT_VERSION
from salesdesk.domain.errors import Conflict, ValidationError
from salesdesk.domain.id_number import validate_id_number
from salesdesk.domain.phone import mask_phone, normalise_phone
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.services.customers.lookup import customer_info
from salesdesk.services.customers.results import CustomerInfo
from salesdesk.store.database import Database
from salesdesk.store.queries import customers as q
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.customer import Customer

log = logging.getLogger(__name__)


def add_customer(uow: UnitOfWork, *, e164: str, name: str = "", salutation: str = "",
                 consent_at: datetime, owner_staff_id: str | None = None,
                 id_number_enc: bytes | None = None,
                 more_phones: list[tuple[str, str]] | None = None) -> Customer:
    """Create a customer and their numbers inside the caller's unit of work (check-in uses it
    too). The caller has checked the numbers are free and has the customer's consent."""
    c = q.add_customer(uow, name=name.strip(), salutation=salutation.strip(),
                       id_number_enc=id_number_enc, consent_at=consent_at,
                       consent_version=CONSENT_TEXT_VERSION, owner_staff_id=owner_staff_id)
    for number, label in [(e164, "self"), *(more_phones or [])]:
        q.add_phone(uow, customer_id=c.id, e164=number, label=label)
    audit.record(uow, "customer.register", "customer", c.id)
    uow.flush()
    return c


def register(db: Database, actor: Actor, *, phone: str, name: str = "", salutation: str = "",
             other_phones: list[tuple[str, str]] | None = None, id_number: str = "",
             consent: bool, owner_staff_id: str | None = None) -> CustomerInfo:
    """Create a customer. Needs the customer's consent to keep their data (PIPL)."""
    if not (actor.can(Permission.CHECK_IN) or actor.can(Permission.RECEIVE_CUSTOMER)):
        actor.require(Permission.CHECK_IN)
    if not consent:
        raise ValidationError("须征得客户同意方可登记个人信息",
                              en="The customer's consent is needed to register them",
                              field="consent")
    numbers = [(normalise_phone(phone), "self")]
    for raw, label in other_phones or []:
        numbers.append((normalise_phone(raw), label))
    if len({n for n, _ in numbers}) != len(numbers):
        raise ValidationError("号码重复", en="The same number is given twice", field="phone")
    enc = None
    if id_number.strip():
        enc = db.cipher.encrypt(validate_id_number(id_number.strip()))
    with db.uow(actor) as uow:
        for e164, _ in numbers:
            if q.find_customer_id_by_phone(uow, e164):
                raise Conflict(f"号码 {mask_phone(e164)} 已登记为其他客户",
                               en=f"{mask_phone(e164)} already belongs to a customer",
                               field="phone")
        c = add_customer(uow, e164=numbers[0][0], name=name, salutation=salutation,
                         consent_at=db.now(), owner_staff_id=owner_staff_id,
                         id_number_enc=enc, more_phones=numbers[1:])
        info = customer_info(uow, c)
        uow.commit()
    log.info("customer %s registered with %d phone number(s)", info.id, len(numbers))
    return info
