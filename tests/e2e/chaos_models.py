"""Tables the chaos run writes (test-only, outside Base.metadata), the capacity rule for its
bookings, and the ground-truth log of user actions."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from salesdesk.store.models.base import Synced
from salesdesk.sync import rules
from salesdesk.sync.kinds_gen import register_table

SLOTS = [("2026-12-01", t) for t in ("09:00", "10:00", "11:00", "14:00", "15:00")]
CAPACITY = 2


class ChaosBase(DeclarativeBase):
    metadata = MetaData()


class ChaosNote(Synced, ChaosBase):
    __tablename__ = "chaos_note"
    title: Mapped[str] = mapped_column(String(50))
    body: Mapped[str] = mapped_column(String(200), default="")


class ChaosBooking(Synced, ChaosBase):
    __tablename__ = "chaos_booking"
    slot_day: Mapped[str] = mapped_column(String(10))
    slot_time: Mapped[str] = mapped_column(String(5))
    customer: Mapped[str] = mapped_column(String(50), default="")
    status: Mapped[str] = mapped_column(String(16), default="pending")


# Ground truth: every user action's outbox change id, written in the action's own transaction.
action_log = Table(
    "chaos_action", ChaosBase.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("change_id", String(36), nullable=False, unique=True),
    Column("entity", String(64), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("kind", String(16), nullable=False),
)

BOOKING_RULE = rules.Capacity(slot_columns=("slot_day", "slot_time"), capacity=CAPACITY)


def register_rules() -> None:
    rules.register("chaos_booking", BOOKING_RULE)
    # The server accepts only kinds it knows: the chaos tables are test-only.
    register_table(ChaosNote.__table__)
    register_table(ChaosBooking.__table__)
