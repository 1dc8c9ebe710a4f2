"""The reception facade the container wires and the UI calls: one object holding what the
use cases share (database, appointment hook, rotation cache, ticket prefix), each method one
use case of ``checkin``, ``rotation``, ``queue`` or ``floor``."""

from __future__ import annotations

from datetime import date

from salesdesk.domain.roles import Actor
from salesdesk.services.hooks import AppointmentArrivals
from salesdesk.services.reception import checkin, floor, queue, rotation
from salesdesk.services.reception.checkin import CheckInRequest
from salesdesk.services.reception.context import ReceptionContext
from salesdesk.services.reception.results import (
    Board,
    CheckInResult,
    Floor,
    LogEntry,
    Lookup,
    MyQueue,
    QueueEntry,
    Settings,
    StaffBrief,
)
from salesdesk.store.database import Database


class ReceptionService:
    """Check-in, the rotation, the consultant's queue, the floor and the board. Every rotation
    decision is stored as an event with its reason."""

    def __init__(self, db: Database, arrivals: AppointmentArrivals | None = None) -> None:
        self._ctx = ReceptionContext(db, arrivals)

    @property
    def arrivals(self) -> AppointmentArrivals | None:
        """Today's appointments of a checked-in customer (the appointments capability)."""
        return self._ctx.arrivals

    @arrivals.setter
    def arrivals(self, value: AppointmentArrivals | None) -> None:
        self._ctx.arrivals = value

    def today(self) -> date:
        return self._ctx.today()

    def ticket_prefix(self) -> str:
        return self._ctx.ticket_prefix()

    # --- check-in ----------------------------------------------------------------------------

    def lookup(self, actor: Actor, phone: str) -> Lookup:
        """What reception sees while typing the phone: the customer (masked), their owner and
        the owner's status, today's appointments."""
        return checkin.lookup(self._ctx, actor, phone)

    def check_in(self, actor: Actor, req: CheckInRequest) -> CheckInResult:
        """Check a party in: phone lookup, attribution, appointment, rotation and ticket, in
        one transaction. Bad input raises before anything is written."""
        return checkin.check_in(self._ctx, actor, req)

    # --- the floor (reception's view) and the board ------------------------------------------

    def floor(self, actor: Actor) -> Floor:
        return floor.floor(self._ctx, actor)

    def board(self, actor: Actor) -> Board:
        """The display board: tickets and consultants, 王先生 at most, no phone numbers."""
        return floor.board(self._ctx, actor)

    # --- the rotation ------------------------------------------------------------------------

    def join(self, actor: Actor, staff_ids: list[str]) -> None:
        """Put consultants on today's list (at the back, in the order given)."""
        rotation.join(self._ctx, actor, staff_ids)

    def set_status(self, actor: Actor, staff_id: str, status: str, note: str = "") -> None:
        """Break, meeting, off, or back to available, with a typed reason."""
        rotation.set_status(self._ctx, actor, staff_id, status, note)

    def reorder(self, actor: Actor, order: list[str], reason: str) -> None:
        rotation.reorder(self._ctx, actor, order, reason)

    def set_backup(self, actor: Actor, staff_id: str, backup_staff_id: str) -> None:
        rotation.set_backup(self._ctx, actor, staff_id, backup_staff_id)

    def reassign_owner(self, actor: Actor, customer_id: str, to_staff_id: str,
                       reason: str) -> None:
        """Ownership (判客) moves only by a supervisor's logged decision."""
        rotation.reassign_owner(self._ctx, actor, customer_id, to_staff_id, reason)

    def settings(self, actor: Actor) -> Settings:
        return rotation.settings(self._ctx, actor)

    def save_settings(self, actor: Actor, new: Settings) -> None:
        rotation.save_settings(self._ctx, actor, new)

    def day_log(self, actor: Actor, day: date) -> list[LogEntry]:
        """Replay a day: every rotation decision with its reason."""
        return rotation.day_log(self._ctx, actor, day)

    def on_duty_staff(self, actor: Actor) -> list[StaffBrief]:
        """Consultants who may be put on the list (for the roster dialog)."""
        return rotation.on_duty_staff(self._ctx, actor)

    # --- the consultant's side ---------------------------------------------------------------

    def my_queue(self, actor: Actor) -> MyQueue:
        return queue.my_queue(self._ctx, actor)

    def call_next(self, actor: Actor) -> QueueEntry | None:
        """Call my next party to the board (the oldest assigned to me)."""
        return queue.call_next(self._ctx, actor)

    def recall(self, actor: Actor, visit_id: str) -> None:
        queue.recall(self._ctx, actor, visit_id)

    def start(self, actor: Actor, visit_id: str) -> None:
        queue.start(self._ctx, actor, visit_id)

    def finish(self, actor: Actor, visit_id: str, *, intent: str = "", units: str = "",
               notes: str = "", invalid_reason: str = "") -> None:
        """End a reception. A valid first reception makes the consultant the customer's owner
        (first valid registration wins); an invalid one gives the turn back (补位)."""
        queue.finish(self._ctx, actor, visit_id, intent=intent, units=units, notes=notes,
                     invalid_reason=invalid_reason)

    def no_show(self, actor: Actor, visit_id: str) -> None:
        """A called party did not come forward within the configured minutes."""
        queue.no_show(self._ctx, actor, visit_id)

    def transfer(self, actor: Actor, visit_id: str, to_staff_id: str, reason: str = "") -> None:
        queue.transfer(self._ctx, actor, visit_id, to_staff_id, reason)

    def reassign(self, actor: Actor, visit_id: str, to_staff_id: str, reason: str) -> None:
        """Reception moves a party not yet started (``to_staff_id`` empty: next in rotation)."""
        queue.reassign(self._ctx, actor, visit_id, to_staff_id, reason)

    def park(self, actor: Actor, visit_id: str, note: str = "") -> None:
        """Set a party aside (gone to see the show flat, waiting for a spouse): the consultant
        is free meanwhile; ``start`` resumes it."""
        queue.park(self._ctx, actor, visit_id, note)

    def mark_notices_read(self, actor: Actor) -> None:
        queue.mark_notices_read(self._ctx, actor)
