"""The customer's rights over their data (PIPL; issue 15 §1): the pseudonym an erased customer
keeps, and when a prospect has been idle long enough to be anonymised."""

from __future__ import annotations

import hashlib
from datetime import date

PSEUDONYM_PREFIX = "客户#"
DEFAULT_RETENTION_MONTHS = 24
# The wording of the consent the reception asks for; a new wording gets a new version, and the
# version a customer agreed to is kept with the time.
CONSENT_TEXT_VERSION = "2026.1"


def pseudonym(customer_id: str) -> str:
    """客户#3F2A: the same on every device (derived from the id, which the ledger keeps), and
    saying nothing about the person."""
    return PSEUDONYM_PREFIX + hashlib.sha256(customer_id.encode("utf-8")).hexdigest()[:4].upper()


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day when it has fewer days)."""
    if months < 0:
        raise ValueError("months must not be negative")
    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")
