"""Customers and their phone numbers. The ID number is stored encrypted (PIPL)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from salesdesk.store.models.base import Base, Synced
from salesdesk.store.types import UTCDateTime


class Customer(Synced, Base):
    __tablename__ = "customer"
    name: Mapped[str] = mapped_column(String(100), default="")
    salutation: Mapped[str] = mapped_column(String(32), default="")  # 王先生 / 李女士
    id_number_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    consent_version: Mapped[str] = mapped_column(String(32), default="")
    # 判客: the consultant who first received this customer (first valid registration wins).
    owner_staff_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Issue 15 §1 (services/customers/erasure.py): an erased customer keeps only a pseudonym in
    # ``name``; a restricted one (erasure refused while a sale is open) gets no messages and is
    # hidden from search; a withdrawn consent stops every message.
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    restricted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    restriction_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    consent_withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class CustomerPhone(Synced, Base):
    """One of a customer's numbers (their own, a spouse's...), normalised to E.164 and sealed
    (issue 15): the number encrypted with the file's key, found by keyed hashes of the whole
    number and of its last four digits (store/crypto.py PhoneSeal), so a copied file reveals no
    number. The wire keeps ``e164``/``last4`` in clear: the sync client converts at the
    boundary (sync/sealed_phone.py). Blank (erased): no ciphertext, empty hashes."""

    __tablename__ = "customer_phone"
    customer_id: Mapped[str] = mapped_column(String(36), index=True)
    e164_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    e164_hash: Mapped[str] = mapped_column(String(32), index=True, default="")
    last4_hash: Mapped[str] = mapped_column(String(32), index=True, default="")
    label: Mapped[str] = mapped_column(String(16), default="self")  # self | spouse | other


class CustomerAlias(Synced, Base):
    """A duplicate customer merged into another (same phone registered twice offline): the
    duplicate (``alias_id``) is tombstoned, but records that are never edited — the disclosure
    ledger above all — keep its id, so lookups of ``customer_id`` follow this mapping. A table
    of its own rather than a column on ``customer``: a new column would make every query of
    customers fail on files not upgraded yet."""

    __tablename__ = "customer_alias"
    customer_id: Mapped[str] = mapped_column(String(36), index=True)  # the survivor
    alias_id: Mapped[str] = mapped_column(String(36), index=True)  # the merged duplicate
