"""Screen labels for the disclosure codes the services return (kinds of disclosure round)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def round_kind_label(record_type: str, round_kind: str) -> str:
    """A recorded round's kind (domain.disclosure RoundKind), or the supervisor's gate override."""
    if record_type == "gate_override":
        return QCoreApplication.translate("DisclosureLabels", "Supervisor override")
    labels = {
        "reception": QCoreApplication.translate("DisclosureLabels", "Disclosure at reception"),
        "pre_deposit": QCoreApplication.translate("DisclosureLabels", "Disclosure before the deposit"),
        "re_cover": QCoreApplication.translate("DisclosureLabels", "Disclosure repeated"),
    }
    return labels.get(round_kind, round_kind)


def ledger_alarm_label(kind: str) -> str:
    """What head office refused in a disclosure ledger, and why."""
    labels = {
        "ledger_fork": QCoreApplication.translate(
            "DisclosureLabels", "Disclosure record chain forked: another record with the same "
            "device and number; refused by head office"),
        "ledger_hash": QCoreApplication.translate(
            "DisclosureLabels", "Disclosure record content does not match its hash; refused by "
            "head office"),
        "ledger_link": QCoreApplication.translate(
            "DisclosureLabels", "Disclosure record does not link to the one before it in the "
            "chain; refused by head office"),
        "tamper": QCoreApplication.translate(
            "DisclosureLabels", "The same disclosure record uploaded again with different "
            "content (possible tampering); refused by head office"),
    }
    return labels.get(kind, kind)
