"""Appending to the disclosure ledger: the only code that makes ledger rows. Each record is
hashed with its place in this device's chain before it is stored (store/ledger.py)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from salesdesk.domain.disclosure import Checklist, ChecklistItem, CoverageSummary, RecordType
from salesdesk.domain.ids import new_id
from salesdesk.domain.ledger import GENESIS, HASH_FIELDS, TIME_FORMAT, record_hash
from salesdesk.store import ledger as store
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.disclosure import (
        DisclosureChecklist,
        DisclosureRecord,
        DisclosureSignature,
    )


def time_text(at: datetime) -> str:
    """A time as the ledger hashes it: the UTC text SQLite stores."""
    return at.astimezone(UTC).replace(tzinfo=None).strftime(TIME_FORMAT)


def checklist_row(uow: UnitOfWork, checklist: Checklist) -> DisclosureChecklist:
    """The stored checklist with these items, made once per distinct content."""
    row = store.checklist_by_hash(uow, checklist.hash)
    if row is None:
        items_json = json.dumps([i.as_json() for i in checklist.items], ensure_ascii=False,
                                separators=(",", ":"))
        row = store.add_checklist(uow, checklist.hash, items_json, len(checklist.items))
    return row


def checklist_items(row: DisclosureChecklist) -> list[ChecklistItem]:
    return [ChecklistItem.from_json(r) for r in json.loads(row.items_json)]


def add_signature(uow: UnitOfWork, png: bytes) -> DisclosureSignature:
    return store.add_signature(uow, png, hashlib.sha256(png).hexdigest())


@dataclass(frozen=True)
class NewRecord:
    record_type: RecordType
    round_kind: str
    customer_id: str
    unit_id: str
    consultant_id: str
    recorded_by: str
    started_at: datetime
    recorded_at: datetime
    checklist: DisclosureChecklist
    coverage: str
    summary: CoverageSummary
    signature: DisclosureSignature | None = None
    paper_form: bool = False
    supersedes_id: str = ""
    reason: str = ""


def append(uow: UnitOfWork, new: NewRecord) -> DisclosureRecord:
    """Append one record at the end of this device's chain, in the caller's transaction."""
    ctx = uow.context
    device = ctx.device_id
    seq, prev = store.chain_end(uow, device) or (0, GENESIS)
    s = new.summary
    rec = store.new_record(
        sales_centre_id=ctx.sales_centre_id, chain_seq=seq + 1, prev_hash=prev,
        record_type=new.record_type.value, round_kind=new.round_kind,
        customer_id=new.customer_id, unit_id=new.unit_id, consultant_id=new.consultant_id,
        recorded_by=new.recorded_by, started_at=new.started_at, recorded_at=new.recorded_at,
        checklist_id=new.checklist.id, checklist_hash=new.checklist.checklist_hash,
        coverage=new.coverage, n_items=s.n_items, n_covered=s.n_covered,
        sunshine_ok=int(s.sunshine_ok), certificates_ok=int(s.certificates_ok),
        contract_ok=int(s.contract_ok), factors_ok=int(s.factors_ok),
        signature_id=new.signature.id if new.signature else "",
        signature_hash=new.signature.sha256 if new.signature else "",
        paper_form=int(new.paper_form), supersedes_id=new.supersedes_id, reason=new.reason,
    )
    rec.id = new_id()  # the id is part of the hashed content, so it is made before flush
    rec.hash = record_hash(hashed_values(rec, device))
    store.add_record(uow, rec, device)
    return rec


def hashed_values(rec: DisclosureRecord, device: str) -> list[Any]:
    out: list[Any] = []
    for name in HASH_FIELDS:
        if name == "created_by_device":
            out.append(device)
        elif name in ("started_at", "recorded_at"):
            out.append(time_text(getattr(rec, name)))
        else:
            out.append(getattr(rec, name))
    return out
