"""Reception: check-in, returning-customer attribution (判客), the rotation, the waiting queue,
the consultant's actions, the floor and board, and the supervisor's figures.

The container and the UI use ``ReceptionService`` and ``ReceptionFigures`` and the frozen
values they return; the use-case modules behind them are split by reason to change."""

from salesdesk.services.hooks import ArrivingAppointment
from salesdesk.services.reception.checkin import CheckInRequest, OwnerChoice
from salesdesk.services.reception.figures import ReceptionFigures
from salesdesk.services.reception.results import (
    Board,
    BoardCall,
    CheckInResult,
    ConsultantFigures,
    Figures,
    Floor,
    LogEntry,
    Lookup,
    MyQueue,
    OwnerInfo,
    QueueEntry,
    RotationEntry,
    Settings,
    StaffBrief,
)
from salesdesk.services.reception.service import ReceptionService

__all__ = [
    "ArrivingAppointment",
    "Board",
    "BoardCall",
    "CheckInRequest",
    "CheckInResult",
    "ConsultantFigures",
    "Figures",
    "Floor",
    "LogEntry",
    "Lookup",
    "MyQueue",
    "OwnerChoice",
    "OwnerInfo",
    "QueueEntry",
    "ReceptionFigures",
    "ReceptionService",
    "RotationEntry",
    "Settings",
    "StaffBrief",
]
