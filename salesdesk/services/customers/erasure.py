"""Erasing a customer's personal data (issue 15 §1, PIPL), or restricting processing when the
law says the transaction records must wait.

Erasure travels as ordinary synced edits: the customer row keeps its id (the disclosure ledger,
audits and figures refer to it) with a pseudonym for the name (客户#3F2A) and ``erased_at``; the
numbers, ID number, birthday, notes and message texts are blanked on their rows, and what staff
wrote about the customer (complaints, escalations, appointment and checklist notes) becomes
"[已删除]" (sync/erased_texts.py). Head office and every other device apply those edits like
any others and, seeing ``erased_at``, clear the copies they keep elsewhere
(sync/server/erasure.py, the client's pull). On this device the freed bytes are zeroed
(``secure_delete``), the WAL is truncated and the backups are scrubbed (store/erasure.py)."""

from __future__ import annotations

import logging

from salesdesk.domain.customer_rights import pseudonym
from salesdesk.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.services.customers.results import ErasureResult
from salesdesk.store.database import Database
from salesdesk.store.erasure import seal
from salesdesk.store.queries import customers as q
from salesdesk.store.uow import UnitOfWork

log = logging.getLogger(__name__)

OPEN_SIGNING = ("booked", "confirmed", "arrived")


def _may_erase(actor: Actor) -> None:
    if not actor.can(Permission.ERASE_CUSTOMER_DATA):
        raise PermissionDenied("只有销售主管、营销总监或系统管理员可以删除客户个人信息",
                               en="Only a sales manager, the sales director or an admin may "
                               "erase a customer's data")


def open_business(uow: UnitOfWork, ids: list[str]) -> str:
    """Why erasure must wait ("" when it need not): transaction records are kept as the law
    requires while a subscription or a signing is open."""
    if q.has_active_subscription(uow, ids):
        return "客户有未结束的认购，交易记录须依法保留"
    if q.has_signing_in(uow, ids, OPEN_SIGNING):
        return "客户有未完成的签约预约，交易记录须依法保留"
    return ""


def erase(db: Database, actor: Actor, customer_id: str, reason: str) -> ErasureResult:
    """Erases the customer's personal data here, and through sync at head office and on
    every device; the customer stays as a pseudonym so the ledger, audits and figures stay
    whole. Refused while a subscription or signing is open: processing is restricted
    instead (no messages, hidden from search) and the result says why. Either way the
    audit log records who, when and why."""
    _may_erase(actor)
    reason = reason.strip()
    if not reason:
        raise ValidationError("请填写删除原因", en="Give the reason for the erasure",
                              field="reason")
    with db.uow(actor) as uow:
        c = q.customer_row(uow, customer_id)
        if c is None or c.deleted:
            raise NotFound("没有这个客户", en="No such customer")
        if c.erased_at is not None:
            raise Conflict("该客户的个人信息已删除", en="This customer was already erased")
        ids = q.merged_ids(uow, customer_id)
        why = open_business(uow, ids)
        if why:
            c.restricted_at = c.restricted_at or uow.now()
            c.restriction_reason = why
            audit.record(uow, "customer.restrict", "customer", customer_id,
                         f"erasure refused: {why}; request: {reason}")
            uow.commit()
            return ErasureResult(customer_id, False, True, "", why, 0)
        names = erase_rows(uow, ids)
        audit.record(uow, "customer.erase", "customer", customer_id, reason)
        uow.commit()
    scrubbed = seal(db.write_engine, db.path.parent, names)
    log.info("customer %s erased; %d backup(s) scrubbed", customer_id, len(scrubbed))
    return ErasureResult(customer_id, True, False, names[customer_id], "", len(scrubbed))


def erase_rows(uow: UnitOfWork, ids: list[str]) -> dict[str, str]:
    """Inside the caller's unit of work: pseudonymise these customers, blank their personal
    fields everywhere and scrub this device's local copies. Returns id -> pseudonym (what
    ``seal`` needs once the transaction is committed)."""
    now = uow.now()
    names: dict[str, str] = {}
    for cid in ids:
        c = q.customer_row(uow, cid)
        if c is None:
            continue
        names[cid] = pseudonym(cid)
        c.name, c.salutation, c.id_number_enc, c.notes = names[cid], "", None, ""
        c.erased_at = now
    q.blank_personal_fields(uow, ids)
    q.erase_free_texts(uow, ids)
    q.scrub_local_copies(uow, names)
    return names
