"""The customer capability as the container and the UI see it: three thin facades over the use
cases (lookup and registration; merging duplicates; the customer's rights over their data)."""

from __future__ import annotations

from pathlib import Path

from salesdesk.domain.customer_rights import CONSENT_TEXT_VERSION
from salesdesk.domain.roles import Actor
from salesdesk.services.customers import consent, erasure, export, lookup, merge, registration
from salesdesk.services.customers import retention as retention_rules
from salesdesk.services.customers.results import (
    CustomerInfo,
    ErasureResult,
    ExportResult,
    MergeResult,
    RetentionCandidate,
)
from salesdesk.store.database import Database


class CustomerService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def register(self, actor: Actor, *, phone: str, name: str = "", salutation: str = "",
                 other_phones: list[tuple[str, str]] | None = None, id_number: str = "",
                 consent: bool, owner_staff_id: str | None = None) -> CustomerInfo:
        """Create a customer. Needs the customer's consent to keep their data (PIPL)."""
        return registration.register(
            self._db, actor, phone=phone, name=name, salutation=salutation,
            other_phones=other_phones, id_number=id_number, consent=consent,
            owner_staff_id=owner_staff_id)

    def find_by_phone(self, actor: Actor, phone: str) -> CustomerInfo | None:
        return lookup.find_by_phone(self._db, actor, phone)

    def search_last4(self, actor: Actor, digits: str, limit: int = 20) -> list[CustomerInfo]:
        return lookup.search_last4(self._db, actor, digits, limit)

    def get(self, actor: Actor, customer_id: str) -> CustomerInfo:
        return lookup.get(self._db, actor, customer_id)

    def masked_id_number(self, actor: Actor, customer_id: str) -> str:
        """The ID number masked (110101********1234); reading it is logged."""
        return lookup.masked_id_number(self._db, actor, customer_id)


class CustomerMergeService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def merge_conflict(self, actor: Actor, conflict_id: str, reason: str = "") -> MergeResult:
        """Merge the later registration a ``duplicate_customer`` conflict names into the first
        (head office decided which was first)."""
        return merge.merge_conflict(self._db, actor, conflict_id, reason)

    def merge(self, actor: Actor, survivor_id: str, duplicate_id: str, *,
              reason: str = "") -> MergeResult:
        """Move everything of ``duplicate_id`` to ``survivor_id`` and retire the duplicate, in
        one transaction (see services/customers/merge.py for what moves)."""
        return merge.merge(self._db, actor, survivor_id, duplicate_id, reason=reason)


class CustomerRightsService:
    """The customer's data (issue 15 §1, PIPL): export, erasure, consent, retention."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def customer_id_for_phone(self, actor: Actor, phone: str) -> str:
        """The customer holding ``phone``, restricted ones included."""
        return export.customer_id_for_phone(self._db, actor, phone)

    def export(self, actor: Actor, customer_id: str, out: Path) -> ExportResult:
        """Everything held about the customer as JSON at ``out`` and a PDF summary beside it;
        logged. Nothing is written when the customer does not exist."""
        return export.export(self._db, actor, customer_id, out)

    def erase(self, actor: Actor, customer_id: str, reason: str) -> ErasureResult:
        """Erase the customer's personal data (here, and through sync everywhere), or restrict
        processing while a subscription or signing is open; logged either way."""
        return erasure.erase(self._db, actor, customer_id, reason)

    def record_consent(self, actor: Actor, customer_id: str,
                       version: str = CONSENT_TEXT_VERSION) -> None:
        consent.record_consent(self._db, actor, customer_id, version)

    def withdraw_consent(self, actor: Actor, customer_id: str) -> None:
        consent.withdraw_consent(self._db, actor, customer_id)

    def retention_months(self) -> int:
        return retention_rules.retention_months(self._db)

    def set_retention_months(self, actor: Actor, months: int) -> None:
        retention_rules.set_retention_months(self._db, actor, months)

    def retention_candidates(self, actor: Actor) -> list[RetentionCandidate]:
        """Idle prospects past the retention period; seeing the list is recorded."""
        return retention_rules.retention_candidates(self._db, actor)

    def run_retention(self, actor: Actor) -> int:
        """Anonymise the idle prospects a supervisor saw listed; returns how many."""
        return retention_rules.run_retention(self._db, actor)
