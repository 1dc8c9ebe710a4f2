"""Reception: visits, the rotation event log, queue tickets, settings, backups, notices.

The rotation state (who is on duty, who is next) is not a table: it is the fold of the day's
rotation events (``domain/rotation.py``), so every decision stays replayable."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from salesdesk.store.models.base import Base, Synced
from salesdesk.store.types import UTCDateTime


class Visit(Synced, Base):
    """One arrival of a party (来访)."""

    __tablename__ = "visit"
    day: Mapped[str] = mapped_column(String(10))  # Asia/Shanghai date, YYYY-MM-DD
    customer_id: Mapped[str] = mapped_column(String(36), index=True)
    first_visit: Mapped[bool] = mapped_column(Boolean, default=True)
    party_size: Mapped[int] = mapped_column(Integer, default=1)
    source: Mapped[str] = mapped_column(String(16), default="walk_in")
    agency_name: Mapped[str] = mapped_column(String(100), default="")
    agent_name: Mapped[str] = mapped_column(String(100), default="")
    salutation: Mapped[str] = mapped_column(String(32), default="")  # for the board: 王先生
    important: Mapped[bool] = mapped_column(Boolean, default=False)
    # The second tier (issue 15 §2): very important visitors go to the sales manager.
    very_important: Mapped[bool] = mapped_column(Boolean, default=False,
                                                 server_default=text("0"))
    group_tour: Mapped[bool] = mapped_column(Boolean, default=False)
    # route: rotation | owner | backup | appointment | signing | wait_owner
    route: Mapped[str] = mapped_column(String(16), default="rotation")
    # status: waiting | called | receiving | parked | finished | no_show | signing
    status: Mapped[str] = mapped_column(String(16), default="waiting")
    consultant_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    appointment_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    ticket_label: Mapped[str] = mapped_column(String(16), default="")
    checked_in_at: Mapped[datetime] = mapped_column(UTCDateTime)
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    intent: Mapped[str] = mapped_column(String(1), default="")  # A / B / C
    units_of_interest: Mapped[str] = mapped_column(Text, default="")  # "1-1203, 2-801"
    notes: Mapped[str] = mapped_column(Text, default="")
    invalid_reason: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (
        Index("ix_visit_day_status", "day", "status"),
        Index("ix_visit_customer_checked_in", "customer_id", "checked_in_at"),
        Index("ix_visit_consultant_day", "consultant_id", "day"),
    )


class QueueTicket(Synced, Base):
    """A waiting number, per device and day (the device prefix keeps kiosks apart). Its status
    only moves forward (``domain/queue.py``)."""

    __tablename__ = "queue_ticket"
    day: Mapped[str] = mapped_column(String(10))
    prefix: Mapped[str] = mapped_column(String(4))
    number: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(16))
    visit_id: Mapped[str] = mapped_column(String(36), index=True)
    status: Mapped[str] = mapped_column(String(16), default="waiting")

    __table_args__ = (Index("ix_queue_ticket_day_prefix_number", "day", "prefix", "number",
                            unique=True),)


class RotationEventRow(Synced, Base):
    """One rotation decision with its reason (``domain/rotation.RotationEvent``)."""

    __tablename__ = "rotation_event"
    day: Mapped[str] = mapped_column(String(10))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    seq: Mapped[int] = mapped_column(Integer)  # order within the day on this device
    kind: Mapped[str] = mapped_column(String(16))
    staff_id: Mapped[str] = mapped_column(String(36), default="")
    reason: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(String(200), default="")
    visit_id: Mapped[str] = mapped_column(String(36), default="")
    payload: Mapped[str] = mapped_column(Text, default="{}")  # JSON: status, order, join data

    __table_args__ = (Index("ix_rotation_event_day_at", "day", "at", "seq"),)


class ReceptionSettings(Synced, Base):
    """The rotation rules and queue timings of this sales centre (one row)."""

    __tablename__ = "reception_settings"
    important_mode: Mapped[str] = mapped_column(String(16), default="tiered")
    joint_mode: Mapped[str] = mapped_column(String(16), default="one_list")
    no_show_minutes: Mapped[int] = mapped_column(Integer, default=10)
    duplicate_minutes: Mapped[int] = mapped_column(Integer, default=10)


class ConsultantBackup(Synced, Base):
    """The colleague a consultant names to receive their customers when they are away."""

    __tablename__ = "consultant_backup"
    staff_id: Mapped[str] = mapped_column(String(36), index=True)
    backup_staff_id: Mapped[str] = mapped_column(String(36))


class AttributionChange(Synced, Base):
    """判客: ownership of a customer moved by a supervisor's decision (never silently)."""

    __tablename__ = "attribution_change"
    customer_id: Mapped[str] = mapped_column(String(36), index=True)
    from_staff_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    to_staff_id: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(String(200))


class StaffNotice(Synced, Base):
    """A message for one consultant (their customer was received by someone else...)."""

    __tablename__ = "staff_notice"
    staff_id: Mapped[str] = mapped_column(String(36), index=True)
    visit_id: Mapped[str] = mapped_column(String(36), default="")
    text: Mapped[str] = mapped_column(String(400))
    read: Mapped[bool] = mapped_column(Boolean, default=False)
