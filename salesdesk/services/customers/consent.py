"""The customer's consent to keeping their data (PIPL): given (again) to a wording version, or
withdrawn, after which no message goes to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from salesdesk.domain.customer_rights import CONSENT_TEXT_VERSION
from salesdesk.domain.errors import NotFound
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.store.database import Database
from salesdesk.store.queries import customers as q
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.customer import Customer


def _live(uow: UnitOfWork, customer_id: str) -> Customer:
    c = q.customer_row(uow, customer_id)
    if c is None or c.deleted or c.erased_at is not None:
        raise NotFound("没有这个客户", en="No such customer")
    return c


def record_consent(db: Database, actor: Actor, customer_id: str,
                   version: str = CONSENT_TEXT_VERSION) -> None:
    """The customer agreed (again) to the wording ``version``: time and version are kept."""
    actor.require(Permission.RECEIVE_CUSTOMER)
    with db.uow(actor) as uow:
        c = _live(uow, customer_id)
        c.consent_at, c.consent_version, c.consent_withdrawn_at = uow.now(), version, None
        audit.record(uow, "customer.consent", "customer", customer_id, version)
        uow.commit()


def withdraw_consent(db: Database, actor: Actor, customer_id: str) -> None:
    """The customer withdrew consent: no message goes to them from now on (queued ones
    are refused at sending, new ones are not queued)."""
    actor.require(Permission.RECEIVE_CUSTOMER)
    with db.uow(actor) as uow:
        c = _live(uow, customer_id)
        c.consent_withdrawn_at = uow.now()
        audit.record(uow, "customer.consent_withdrawn", "customer", customer_id,
                     c.consent_version)
        uow.commit()
