"""The disclosure ledger and what hangs off it: checklists, signatures, subscriptions (认购),
follow-up calls (回访) and escalation tasks.

Ledger rows (records, checklists, signatures) are append-only: the migration adds triggers that
refuse DELETE and any UPDATE except setting ``server_seq`` after upload. Records form a hash
chain per device (``created_by_device`` + ``chain_seq`` + ``prev_hash`` + ``hash``); see
``domain/ledger.py`` for what is hashed."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Index, Integer, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from salesdesk.store.models.base import Base, Synced
from salesdesk.store.types import UTCDateTime


class DisclosureChecklist(Synced, Base):
    """The items of one checklist (document versions for one unit), stored once and shared by
    every record made against it. ``items_json`` is canonical JSON; ``checklist_hash`` its
    SHA-256."""

    __tablename__ = "disclosure_checklist"
    checklist_hash: Mapped[str] = mapped_column(String(64), index=True)
    items_json: Mapped[str] = mapped_column(Text)
    n_items: Mapped[int] = mapped_column(Integer)


class DisclosureSignature(Synced, Base):
    """The customer's signature drawn on screen, as PNG, with its SHA-256."""

    __tablename__ = "disclosure_signature"
    png: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))


class DisclosureRecord(Synced, Base):
    """One ledger record: a disclosure round, or a supervisor's override of the deposit gate."""

    __tablename__ = "disclosure_record"
    chain_seq: Mapped[int] = mapped_column(Integer)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    record_type: Mapped[str] = mapped_column(String(16))  # round | gate_override
    round_kind: Mapped[str] = mapped_column(String(16), default="")
    customer_id: Mapped[str] = mapped_column(String(36))
    unit_id: Mapped[str] = mapped_column(String(36))
    consultant_id: Mapped[str] = mapped_column(String(36))  # who the round counts for
    recorded_by: Mapped[str] = mapped_column(String(36))  # who saved it (a supervisor, ...)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    checklist_id: Mapped[str] = mapped_column(String(36))
    checklist_hash: Mapped[str] = mapped_column(String(64))
    coverage: Mapped[str] = mapped_column(String(400))  # per item: seconds after start, or "-"
    n_items: Mapped[int] = mapped_column(Integer)
    n_covered: Mapped[int] = mapped_column(Integer)
    sunshine_ok: Mapped[int] = mapped_column(Integer)
    certificates_ok: Mapped[int] = mapped_column(Integer)
    contract_ok: Mapped[int] = mapped_column(Integer)
    factors_ok: Mapped[int] = mapped_column(Integer)
    signature_id: Mapped[str] = mapped_column(String(36), default="")
    signature_hash: Mapped[str] = mapped_column(String(64), default="")
    paper_form: Mapped[int] = mapped_column(Integer, default=0)
    supersedes_id: Mapped[str] = mapped_column(String(36), default="")
    reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("uq_disclosure_record_chain", "created_by_device", "chain_seq", unique=True),
        Index("ix_disclosure_record_recorded_at", "recorded_at"),
        Index("ix_disclosure_record_consultant_at", "consultant_id", "recorded_at"),
        # Covering: a customer's history (the gate, follow-up comparison, pre-opening list)
        # is read from the index alone, never from rows scattered over years of records.
        Index("ix_disclosure_record_customer_unit", "customer_id", "unit_id", "recorded_at",
              "record_type", "round_kind", "consultant_id", "checklist_id", "coverage",
              "sunshine_ok", "certificates_ok", "contract_ok", "factors_ok"),
    )


class Subscription(Synced, Base):
    """认购: the minimal record. At most one active subscription per unit."""

    __tablename__ = "subscription"
    customer_id: Mapped[str] = mapped_column(String(36), index=True)
    unit_id: Mapped[str] = mapped_column(String(36))
    consultant_id: Mapped[str] = mapped_column(String(36), index=True)
    price: Mapped[int] = mapped_column(Integer)  # 元
    deposit: Mapped[int] = mapped_column(Integer)  # 元
    subscribed_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | cancelled
    disclosure_record_id: Mapped[str] = mapped_column(String(36), default="")
    override_record_id: Mapped[str] = mapped_column(String(36), default="")
    disclosure_complete: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (
        Index("uq_subscription_active_unit", "unit_id", unique=True,
              sqlite_where=text("status = 'active' AND deleted = 0")),
    )


class FollowUpCall(Synced, Base):
    """回访: made by the developer, not the consultant. Answers are what the customer said."""

    __tablename__ = "follow_up_call"
    customer_id: Mapped[str] = mapped_column(String(36), index=True)
    unit_id: Mapped[str] = mapped_column(String(36), default="")
    caller_id: Mapped[str] = mapped_column(String(36))
    called_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    told_factors: Mapped[bool] = mapped_column(Boolean)
    told_sunshine: Mapped[bool] = mapped_column(Boolean)
    told_certificates: Mapped[bool] = mapped_column(Boolean)
    told_contract: Mapped[bool] = mapped_column(Boolean)
    score: Mapped[int] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")


class EscalationTask(Synced, Base):
    """A low score's task; open until someone records an outcome (rule 10)."""

    __tablename__ = "escalation_task"
    follow_up_id: Mapped[str] = mapped_column(String(36), index=True)
    customer_id: Mapped[str] = mapped_column(String(36), index=True)
    consultant_id: Mapped[str] = mapped_column(String(36), default="")
    level: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)  # open | closed
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    history: Mapped[str] = mapped_column(Text, default="")  # one line per step, appended
    outcome: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_by: Mapped[str] = mapped_column(String(36), default="")
    # When the current level's time is up and the task moves up by itself (issue 15 §2); empty
    # on tasks opened before deadlines existed: their level's time then counts from opened_at.
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
