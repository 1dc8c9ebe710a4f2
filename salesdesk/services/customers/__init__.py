"""Customers: registration and lookup, merging duplicates, and the customer's rights over their
data (export, erasure, consent, retention). The facades are what the container and the UI use;
``add_customer`` is for check-in, which registers a walk-in inside its own unit of work."""

from salesdesk.services.customers.record import CustomerRecordService
from salesdesk.services.customers.registration import add_customer
from salesdesk.services.customers.results import (
    CustomerInfo,
    CustomerRecord,
    ErasureResult,
    ExportResult,
    MergeResult,
    PhoneInfo,
    RetentionCandidate,
)
from salesdesk.services.customers.service import (
    CustomerMergeService,
    CustomerRightsService,
    CustomerService,
)

__all__ = [
    "CustomerInfo", "CustomerMergeService", "CustomerRecord", "CustomerRecordService", "CustomerRightsService", "CustomerService",
    "ErasureResult", "ExportResult", "MergeResult", "PhoneInfo", "RetentionCandidate",
    "add_customer",
]
