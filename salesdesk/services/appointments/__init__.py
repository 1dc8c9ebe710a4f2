"""Appointments: book visits and signing slots, move them through their lifecycle, show a
consultant's agenda and the signing centre's day board, and remind customers the day before.

The container and the screens use the two facades (``AppointmentService``,
``ReminderService``) and the frozen results; other capabilities may also use
``appointment_infos``, ``add_event`` and ``reminder_key`` inside their own unit of work."""

from salesdesk.services.appointments.infos import add_event, appointment_infos
from salesdesk.services.appointments.reminders import (
    OutgoingReminder,
    ReminderGateway,
    ReminderService,
    reminder_key,
)
from salesdesk.services.appointments.results import (
    AppointmentInfo,
    BoardCell,
    BoardRow,
    Booking,
    CalendarDay,
    DayBoard,
    HistoryEntry,
    NoShowFigure,
    ReminderItem,
    RosterEntry,
    SettingsInfo,
    StaffChoice,
)
from salesdesk.services.appointments.service import AppointmentService
from salesdesk.services.messages import Delivery, GatewayError, HandToConsultant

__all__ = [
    "AppointmentInfo", "AppointmentService", "BoardCell", "BoardRow", "Booking", "CalendarDay",
    "DayBoard", "Delivery", "GatewayError", "HandToConsultant", "HistoryEntry", "NoShowFigure",
    "OutgoingReminder", "ReminderGateway", "ReminderItem", "ReminderService", "RosterEntry",
    "SettingsInfo", "StaffChoice", "add_event", "appointment_infos", "reminder_key",
]
