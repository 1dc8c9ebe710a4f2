"""Customer care after the deposit: follow-up tasks, score cards, complaints, handovers.

All synced. Messages to customers go through the one message outbox (appointments' table)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from salesdesk.store.models.base import Base, Synced
from salesdesk.store.types import UTCDateTime


class CareSetting(Synced, Base):
    """A project setting of the care capability: the follow-up plan (key ``follow_up_plan``)
    or an edited message template (``template:<key>``), as JSON text."""

    __tablename__ = "care_setting"
    key: Mapped[str] = mapped_column(String(64), index=True)
    value: Mapped[str] = mapped_column(Text)


class CareProfile(Synced, Base):
    """A customer in care (after the deposit): the facts the plan's events need."""

    __tablename__ = "care_profile"
    customer_id: Mapped[str] = mapped_column(String(36), index=True)
    birthday: Mapped[date | None] = mapped_column(Date, nullable=True)
    unit_label: Mapped[str] = mapped_column(String(32), default="")
    subscribed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    signing_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class FollowUpTask(Synced, Base):
    """One follow-up (回访) a consultant owes a customer. Closes only with an outcome."""

    __tablename__ = "follow_up_task"
    customer_id: Mapped[str] = mapped_column(String(36), index=True)
    owner_staff_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    event: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(16))
    template: Mapped[str] = mapped_column(String(64))
    purpose: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(String(100), default="")  # e.g. the holiday's name
    starts_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | done | cancelled
    outcome: Mapped[str] = mapped_column(Text, default="")
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    done_by_staff: Mapped[str | None] = mapped_column(String(36), nullable=True)
    message_id: Mapped[str] = mapped_column(String(36), default="")
    escalation_id: Mapped[str] = mapped_column(String(36), default="")
    source_id: Mapped[str] = mapped_column(String(36), default="")  # score card, subscription
    dedupe_key: Mapped[str] = mapped_column(String(200), index=True)


class ScoreCard(Synced, Base):
    """满意度评分卡 filled in by the customer on the kiosk. ``scores`` is JSON {item: 1..5}."""

    __tablename__ = "score_card"
    customer_id: Mapped[str] = mapped_column(String(36), index=True)
    consultant_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    occasion: Mapped[str] = mapped_column(String(16))
    scores: Mapped[str] = mapped_column(Text)
    score100: Mapped[float] = mapped_column(Float)
    low: Mapped[bool] = mapped_column(Boolean, default=False)
    scored_on: Mapped[date] = mapped_column(Date, index=True)
    escalation_id: Mapped[str] = mapped_column(String(36), default="")


class ComplaintGroup(Synced, Base):
    """群诉: several customers with the same grievance."""

    __tablename__ = "complaint_group"
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))  # core | team | scattered
    leader_customer_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class Complaint(Synced, Base):
    __tablename__ = "complaint"
    customer_id: Mapped[str] = mapped_column(String(36), index=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    channel: Mapped[str] = mapped_column(String(16))
    summary: Mapped[str] = mapped_column(Text)
    demands: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of Demand values
    owner_staff_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | closed
    outcome: Mapped[str] = mapped_column(Text, default="")
    group_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)


class ComplaintStep(Synced, Base):
    """One step of the handling procedure, done on a date by an owner."""

    __tablename__ = "complaint_step"
    complaint_id: Mapped[str] = mapped_column(String(36), index=True)
    step: Mapped[str] = mapped_column(String(32))
    seq: Mapped[int] = mapped_column(Integer)
    done_on: Mapped[date] = mapped_column(Date)
    owner_staff_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class Handover(Synced, Base):
    """A departing consultant's customers moved to a named successor, with the reason."""

    __tablename__ = "care_handover"
    from_staff_id: Mapped[str] = mapped_column(String(36), index=True)
    to_staff_id: Mapped[str] = mapped_column(String(36), index=True)
    reason: Mapped[str] = mapped_column(Text)
    customers_moved: Mapped[int] = mapped_column(Integer, default=0)
    tasks_moved: Mapped[int] = mapped_column(Integer, default=0)
    other_moved: Mapped[int] = mapped_column(Integer, default=0)
    customer_ids: Mapped[str] = mapped_column(Text, default="[]")
