"""Screen labels for the sync codes the services return (kinds of conflict in the inbox)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def conflict_kind_label(kind: str) -> str:
    """What kind of conflict or refused change an inbox entry is."""
    labels = {
        "field": QCoreApplication.translate("SyncLabels", "The same field changed on two devices"),
        "attribution": QCoreApplication.translate("SyncLabels", "Customer ownership: the first registration counts"),
        "slot": QCoreApplication.translate("SyncLabels", "Signing slot full"),
        "tamper": QCoreApplication.translate("SyncLabels", "Disclosure record content differs (possible tampering)"),
        "setaside": QCoreApplication.translate(
            "SyncLabels", "Sync data this device cannot apply (kept, retried at every sync)"),
        "ledger_fork": QCoreApplication.translate("SyncLabels", "Disclosure record chain forked (refused by head office)"),
        "ledger_hash": QCoreApplication.translate("SyncLabels", "Disclosure record hash mismatch (refused by head office)"),
        "ledger_link": QCoreApplication.translate("SyncLabels", "Disclosure record chain broken (refused by head office)"),
        "duplicate_customer": QCoreApplication.translate(
            "SyncLabels", "Same phone registered twice: to be merged into the first customer"),
        "rejected": QCoreApplication.translate(
            "SyncLabels", "This device's change refused by head office (invalid data, not synced)"),
        "subscription": QCoreApplication.translate(
            "SyncLabels", "One unit subscribed in two places: the first to reach head office counts"),
    }
    return labels.get(kind, kind)
