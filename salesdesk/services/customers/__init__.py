"""Customers: registration and lookup, merging duplicates, and the customer's rights over their
data (export, erasure, consent, retention)."""

from salesdesk.services.customers.lookup import (
    CustomerInfo,
    CustomerService,
    PhoneInfo,
    add_customer,
)
from salesdesk.services.customers.merge import CustomerMergeService, MergeResult
from salesdesk.services.customers.rights import (
    CustomerRightsService,
    ErasureResult,
    ExportResult,
    RetentionCandidate,
)

__all__ = [
    "CustomerInfo", "CustomerMergeService", "CustomerRightsService", "CustomerService",
    "ErasureResult", "ExportResult", "MergeResult", "PhoneInfo", "RetentionCandidate",
    "add_customer",
]
