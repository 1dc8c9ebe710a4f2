"""One customer per phone (判客), the pure half: which changes claim a number, and what the
server writes when a number another live customer already holds arrives again.

Server order decides: the customer whose phone row reached head office first keeps the number
and the attribution; the later registration is still stored (nothing lost) and flagged as a
``duplicate_customer`` conflict for a supervisor to merge, and its consultant is told. The
conflict's ``detail`` names the number only masked (phones are personal information); the full
number stays in the phone rows themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from salesdesk.domain.phone import mask_phone

PHONE_ENTITY = "customer_phone"
CUSTOMER_ENTITY = "customer"
DUPLICATE_KIND = "duplicate_customer"


def is_live(row: Mapping[str, Any] | None) -> bool:
    """A row that exists and is not tombstoned (a merged duplicate customer is tombstoned)."""
    return row is not None and not row.get("deleted")


def claimed_number(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> str | None:
    """The number this change newly gives a customer: a new live phone row, or one whose number,
    customer or tombstone changed. ``None`` when nothing new is claimed (same number, same
    customer, or a value that is not a number at all — a peer may send anything)."""
    number = after.get("e164")
    if not isinstance(number, str) or not number or not is_live(after):
        return None
    if (is_live(before) and before is not None and before.get("e164") == number
            and before.get("customer_id") == after.get("customer_id")):
        return None
    return number


def lock_key(company_id: str, number: str) -> str:
    """The advisory-lock key that serialises every push claiming this number."""
    return f"{PHONE_ENTITY}|{company_id}|{number}"


@dataclass(frozen=True)
class Registration:
    """One customer's claim on a number, as the server sees it."""

    customer_id: str
    phone_row_id: str
    owner_staff_id: str | None
    registered_by_staff: str | None
    registered_at: str | None


def first_of(holders: list[tuple[int, Registration]]) -> Registration:
    """The registration that reached head office first: the lowest feed number (rows not yet
    numbered — still in this push — come after every numbered one)."""
    return min(holders, key=lambda h: (h[0], h[1].phone_row_id))[1]


def duplicate_detail(number: str, first: Registration, later: Registration) -> dict[str, Any]:
    """The conflict row's ``detail``: both customers, both consultants, which came first. The
    number appears masked only."""
    return {
        "phone": mask_phone(number),
        "first_customer_id": first.customer_id,
        "later_customer_id": later.customer_id,
        "first_owner_staff_id": first.owner_staff_id or first.registered_by_staff,
        "later_owner_staff_id": later.owner_staff_id or later.registered_by_staff,
        "first_phone_row_id": first.phone_row_id,
        "later_phone_row_id": later.phone_row_id,
        "first": "first_customer_id",
        "rule": "first valid registration in server order wins",
    }


def notice_text(number: str, first_owner_name: str) -> str:
    """What the consultant of the later registration reads (masked number, never the whole)."""
    who = first_owner_name or "其他同事"
    return (f"客户 {mask_phone(number)} 已由 {who} 先登记（判客以先登记为准），"
            f"您登记的客户已标记为重复，待主管合并")
