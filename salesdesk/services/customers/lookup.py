"""Customers: registration with consent, lookup by any of their numbers, the encrypted ID."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from salesdesk.domain.customer_rights import CONSENT_TEXT_VERSION
from salesdesk.domain.errors import Conflict, NotFound, ValidationError
from salesdesk.domain.id_number import mask_id_number, validate_id_number
from salesdesk.domain.phone import last_four, mask_phone, normalise_phone
from salesdesk.domain.roles import Actor, Permission
from salesdesk.domain.salutation import public_name
from salesdesk.services import audit
from salesdesk.store.database import Database
from salesdesk.store.models.customer import Customer, CustomerPhone
from salesdesk.store.queries.customers import find_customer_id_by_phone
from salesdesk.store.uow import UnitOfWork

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PhoneInfo:
    e164: str
    masked: str
    label: str


@dataclass(frozen=True)
class CustomerInfo:
    id: str
    name: str
    salutation: str
    phones: tuple[PhoneInfo, ...]
    owner_staff_id: str | None
    has_id_number: bool
    consent_at: datetime | None
    consent_version: str
    created_at: datetime
    # Issue 15 §1: the customer record shows these (services/customers/rights.py).
    restricted: bool = False
    erased: bool = False
    consent_withdrawn: bool = False

    @property
    def display_name(self) -> str:
        """What a public screen may show: surname and title (王先生), never the full name or
        what was typed as the salutation verbatim (domain.salutation)."""
        return public_name(self.salutation, self.name) or "客户"

    @property
    def masked_phone(self) -> str:
        return self.phones[0].masked if self.phones else ""


def _info(c: Customer, phones: list[CustomerPhone]) -> CustomerInfo:
    return CustomerInfo(
        c.id, c.name, c.salutation,
        tuple(PhoneInfo(p.e164, mask_phone(p.e164), p.label) for p in phones),
        c.owner_staff_id, c.id_number_enc is not None, c.consent_at, c.consent_version,
        c.created_at, c.restricted_at is not None, c.erased_at is not None,
        c.consent_withdrawn_at is not None,
    )


def customer_info(uow: UnitOfWork, c: Customer) -> CustomerInfo:
    phones = uow.session.scalars(select(CustomerPhone).where(
        CustomerPhone.customer_id == c.id, CustomerPhone.deleted.is_(False)
    ).order_by(CustomerPhone.created_at)).all()
    return _info(c, list(phones))


def customer_infos(uow: UnitOfWork, ids: list[str]) -> list[CustomerInfo]:
    """Several customers in three queries (the kiosk's last-four-digits search), in order."""
    if not ids:
        return []
    found = {c.id: c for c in uow.session.scalars(select(Customer).where(
        Customer.id.in_(ids), Customer.deleted.is_(False)))}
    phones: dict[str, list[CustomerPhone]] = {}
    for p in uow.session.scalars(select(CustomerPhone).where(
            CustomerPhone.customer_id.in_(ids), CustomerPhone.deleted.is_(False))
            .order_by(CustomerPhone.created_at)):
        phones.setdefault(p.customer_id, []).append(p)
    return [_info(c, phones.get(c.id, [])) for c in (found.get(i) for i in ids) if c is not None]


def hidden(c: Customer) -> bool:
    """A restricted or erased customer is not found by search (issue 15 §1); their records
    stay reachable by id for the supervisor who restricted them."""
    return c.restricted_at is not None or c.erased_at is not None


def add_customer(uow: UnitOfWork, *, e164: str, name: str = "", salutation: str = "",
                 consent_at: datetime, owner_staff_id: str | None = None,
                 id_number_enc: bytes | None = None,
                 more_phones: list[tuple[str, str]] | None = None) -> Customer:
    """Create a customer and their numbers inside the caller's unit of work (check-in uses it
    too). The caller has checked the numbers are free and has the customer's consent."""
    c = Customer(name=name.strip(), salutation=salutation.strip(), id_number_enc=id_number_enc,
                 consent_at=consent_at, consent_version=CONSENT_TEXT_VERSION,
                 owner_staff_id=owner_staff_id)
    uow.add(c)
    uow.flush()
    for number, label in [(e164, "self"), *(more_phones or [])]:
        uow.add(CustomerPhone(customer_id=c.id, e164=number, last4=last_four(number),
                              label=label))
    audit.record(uow, "customer.register", "customer", c.id)
    uow.flush()
    return c


class CustomerService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def register(self, actor: Actor, *, phone: str, name: str = "", salutation: str = "",
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
            enc = self._db.cipher.encrypt(validate_id_number(id_number.strip()))
        with self._db.uow(actor) as uow:
            for e164, _ in numbers:
                if find_customer_id_by_phone(uow, e164):
                    raise Conflict(f"号码 {mask_phone(e164)} 已登记为其他客户",
                                   en=f"{mask_phone(e164)} already belongs to a customer",
                                   field="phone")
            c = add_customer(uow, e164=numbers[0][0], name=name, salutation=salutation,
                             consent_at=self._db.now(), owner_staff_id=owner_staff_id,
                             id_number_enc=enc, more_phones=numbers[1:])
            info = customer_info(uow, c)
            uow.commit()
        log.info("customer %s registered with %d phone number(s)", info.id, len(numbers))
        return info

    def find_by_phone(self, actor: Actor, phone: str) -> CustomerInfo | None:
        actor.require(Permission.VIEW_QUEUE)
        e164 = normalise_phone(phone)
        with self._db.reader(actor) as uow:
            cid = find_customer_id_by_phone(uow, e164)
            if cid is None:
                return None
            c = uow.session.get(Customer, cid)
            return None if c is None or c.deleted or hidden(c) else customer_info(uow, c)

    def search_last4(self, actor: Actor, digits: str, limit: int = 20) -> list[CustomerInfo]:
        actor.require(Permission.VIEW_QUEUE)
        if len(digits) != 4 or not digits.isdigit():
            raise ValidationError("请输入手机号后四位", en="Enter the last four digits",
                                  field="phone")
        with self._db.reader(actor) as uow:
            ids = uow.session.scalars(select(CustomerPhone.customer_id).join(
                Customer, Customer.id == CustomerPhone.customer_id).where(
                CustomerPhone.last4 == digits, CustomerPhone.deleted.is_(False),
                Customer.restricted_at.is_(None), Customer.erased_at.is_(None),
            ).limit(limit)).all()
            return customer_infos(uow, list(dict.fromkeys(ids)))

    def get(self, actor: Actor, customer_id: str) -> CustomerInfo:
        actor.require(Permission.VIEW_QUEUE)
        with self._db.reader(actor) as uow:
            c = uow.session.get(Customer, customer_id)
            if c is None or c.deleted:
                raise NotFound("没有这个客户", en="No such customer")
            return customer_info(uow, c)

    def masked_id_number(self, actor: Actor, customer_id: str) -> str:
        """The ID number masked (110101********1234); reading it is logged."""
        actor.require(Permission.RECORD_SUBSCRIPTION)
        with self._db.uow(actor) as uow:
            c = uow.session.get(Customer, customer_id)
            if c is None or c.id_number_enc is None:
                raise NotFound("未登记身份证号", en="No ID number on record")
            masked = mask_id_number(self._db.cipher.decrypt(c.id_number_enc))
            audit.record(uow, "customer.read_id", "customer", customer_id)
            uow.commit()
            return masked
