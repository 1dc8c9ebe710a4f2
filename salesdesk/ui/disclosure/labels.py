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
