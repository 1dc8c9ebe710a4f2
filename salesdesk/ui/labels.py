"""Screen labels for the codes the domain and services return (roles, factor categories), in
the UI language: the domain keeps its codes, the UI names them through ``tr()``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from salesdesk.domain.disclosure import ESCALATION_OWNERS, EscalationLevel
from salesdesk.domain.roles import Role


def role_label(role: Role | str) -> str:
    labels = {
        Role.RECEPTION: QCoreApplication.translate("Labels", "Receptionist"),
        Role.CONSULTANT: QCoreApplication.translate("Labels", "Consultant"),
        Role.SENIOR_CONSULTANT: QCoreApplication.translate("Labels", "Senior consultant"),
        Role.SUPERVISOR: QCoreApplication.translate("Labels", "Sales supervisor"),
        Role.ADMIN: QCoreApplication.translate("Labels", "System administrator"),
        Role.SALES_DIRECTOR: QCoreApplication.translate("Labels", "Sales director"),
        Role.CUSTOMER_SERVICE: QCoreApplication.translate("Labels", "Customer-service specialist"),
    }
    try:
        return labels[Role(role)]
    except ValueError:  # a role this version does not know (synced from a newer one)
        return str(role)


def factor_category_label(code: str) -> str:
    """An adverse factor's category code (domain.project) named; unknown codes show as is."""
    labels = {
        "substation": QCoreApplication.translate("Labels", "Substation / power room"),
        "refuse": QCoreApplication.translate("Labels", "Refuse station / collection point"),
        "garage_ramp": QCoreApplication.translate("Labels", "Garage entrance ramp"),
        "high_voltage": QCoreApplication.translate("Labels", "High-voltage line"),
        "elevated_road": QCoreApplication.translate("Labels", "Elevated road / expressway"),
        "railway": QCoreApplication.translate("Labels", "Railway / rail transit"),
        "flight_path": QCoreApplication.translate("Labels", "Flight path"),
        "factory": QCoreApplication.translate("Labels", "Factory / works"),
        "smell": QCoreApplication.translate("Labels", "Odour"),
        "planned_road": QCoreApplication.translate("Labels", "Planned road"),
        "noise": QCoreApplication.translate("Labels", "Noise (school / hospital / market)"),
        "pump_room": QCoreApplication.translate("Labels", "Pump room / plant room"),
        "spacing": QCoreApplication.translate("Labels", "Building spacing"),
        "ac_units": QCoreApplication.translate("Labels", "Outdoor AC unit positions"),
        "contamination": QCoreApplication.translate("Labels", "Contaminated land"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }
    return labels.get(code, code)


def escalation_level_label(level: EscalationLevel | str) -> str:
    """Who a low-score follow-up sits with now (domain.disclosure.EscalationLevel)."""
    labels = {
        EscalationLevel.CONSULTANT: QCoreApplication.translate("Labels", "Consultant level"),
        EscalationLevel.SALES_MANAGER: QCoreApplication.translate("Labels", "Sales manager level"),
        EscalationLevel.SALES_DIRECTOR: QCoreApplication.translate("Labels", "Sales director level"),
        EscalationLevel.CUSTOMER_SERVICE: QCoreApplication.translate("Labels", "Customer-service centre"),
    }
    try:
        return labels[EscalationLevel(level)]
    except ValueError:
        return str(level)


def escalation_owner_label(level: EscalationLevel | str) -> str:
    """The roles that own (and alone close) a level, named."""
    try:
        owners = sorted(ESCALATION_OWNERS[EscalationLevel(level)])
    except ValueError:
        return ""
    text = role_label(owners[0])
    for role in owners[1:]:
        text = QCoreApplication.translate("Labels", "%1 or %2").replace("%1", text).replace(
            "%2", role_label(role))
    return text
