"""Where customer care hears about subscriptions and signings (its follow-up plan's events).

Each listener runs inside the unit of work of the subscription or booking itself, so the
follow-up tasks are committed, or not, with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from salesdesk.domain.care.plan import CareEvent, CareEventKind
from salesdesk.domain.local_time import local
from salesdesk.services.care.service import CareService
from salesdesk.store.queries.care import unit_number
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.appointments import Appointment
    from salesdesk.store.models.disclosure import Subscription


def subscription_listener(care: CareService
                          ) -> Callable[[UnitOfWork, str, Subscription, str], None]:
    def on_subscription(uow: UnitOfWork, what: str, sub: Subscription, detail: str) -> None:
        if what == "created":
            care.add_event(uow, CareEvent(CareEventKind.SUBSCRIBED, sub.customer_id,
                                          sub.subscribed_on, ref=sub.id, unit=detail))
        elif what == "cancelled":
            care.cancel_event(uow, CareEventKind.SUBSCRIBED, sub.customer_id, sub.id,
                              f"认购已退订：{detail}")

    return on_subscription


def appointment_listener(care: CareService
                         ) -> Callable[[UnitOfWork, str, Appointment, str], None]:
    def on_appointment(uow: UnitOfWork, what: str, row: Appointment, reason: str) -> None:
        if row.kind != "signing":
            return
        day = local(row.starts_at).date()
        number = unit_number(uow, row.unit_id)
        if what == "booked":
            care.add_event(uow, CareEvent(CareEventKind.DAY_BEFORE_SIGNING, row.customer_id, day,
                                          ref=row.id, unit=number))
        elif what in ("cancelled", "rescheduled", "conflict"):
            care.cancel_event(uow, CareEventKind.DAY_BEFORE_SIGNING, row.customer_id, row.id,
                              reason or "签约改期或取消")
        elif what == "completed":
            care.add_event(uow, CareEvent(CareEventKind.SIGNED, row.customer_id, day,
                                          ref=row.id, unit=number))

    return on_appointment
