"""Screen labels for the reception codes the domain returns (why a party went to whom)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from salesdesk.domain.local_time import local

if TYPE_CHECKING:
    from salesdesk.services.reception import ArrivingAppointment


def reason_label(code: str) -> str:
    """A rotation event's reason code (domain.rotation: an AssignReason or a duty status)."""
    labels = {
        "next_up": QCoreApplication.translate("ReceptionLabels", "Next in the rotation"),
        "senior_rule": QCoreApplication.translate("ReceptionLabels", "Important visitor: senior rotation"),
        "manager_rule": QCoreApplication.translate("ReceptionLabels", "Important visitor: received by the manager"),
        "agency_alternate": QCoreApplication.translate("ReceptionLabels", "Joint agency: companies take turns"),
        "returning_owner": QCoreApplication.translate("ReceptionLabels", "Returning customer: their own consultant"),
        "owner_backup": QCoreApplication.translate("ReceptionLabels", "Returning customer: their consultant's named backup"),
        "appointment": QCoreApplication.translate("ReceptionLabels", "Appointment"),
        "transfer": QCoreApplication.translate("ReceptionLabels", "Handed to a colleague"),
        "resume": QCoreApplication.translate("ReceptionLabels", "Receiving again"),
        "receiving": QCoreApplication.translate("ReceptionLabels", "Receiving"),
        "break": QCoreApplication.translate("ReceptionLabels", "Break"),
        "meeting": QCoreApplication.translate("ReceptionLabels", "Meeting"),
        "off": QCoreApplication.translate("ReceptionLabels", "Off duty"),
        "available": QCoreApplication.translate("ReceptionLabels", "Free again"),
        "invalid": QCoreApplication.translate("ReceptionLabels", "Turn given back: not a real visit"),
        "no_show": QCoreApplication.translate("ReceptionLabels", "Turn given back: the customer did not come"),
        "manual": QCoreApplication.translate("ReceptionLabels", "Order changed by the supervisor"),
        "owed": QCoreApplication.translate("ReceptionLabels", "Passed over on their own customer: keeps their place"),
        "reassigned": QCoreApplication.translate("ReceptionLabels", "Reassigned by reception: consultant not there"),
    }
    return labels.get(code, code)


def source_label(code: str) -> str:
    """How a party came (domain.queue.Source)."""
    labels = {
        "walk_in": QCoreApplication.translate("ReceptionLabels", "Walk-in"),
        "referral": QCoreApplication.translate("ReceptionLabels", "Owner referral"),
        "agency": QCoreApplication.translate("ReceptionLabels", "Agency"),
        "phone_invite": QCoreApplication.translate("ReceptionLabels", "Phone invitation"),
    }
    return labels.get(code, code)


def appointment_text(a: ArrivingAppointment) -> str:
    """What reception reads about an arriving appointment: "10:30 signing · desk 2"."""
    when = f"{local(a.starts_at):%H:%M}"
    if a.kind == "signing":
        return QCoreApplication.translate("ReceptionLabels", "%1 signing · desk %2").replace(
            "%1", when).replace("%2", str(a.desk_no or 0))
    if a.consultant_name:
        return QCoreApplication.translate("ReceptionLabels", "%1 visit · %2").replace(
            "%1", when).replace("%2", a.consultant_name)
    return QCoreApplication.translate("ReceptionLabels", "%1 visit").replace("%1", when)
