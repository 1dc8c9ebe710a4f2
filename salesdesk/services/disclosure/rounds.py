"""Disclosure rounds: recording one with the customer's acknowledgement (a signature on screen
or the signed paper form), corrections that supersede a record, and reading rounds back."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from salesdesk.domain.disclosure import (
    ITEM_KIND_ZH,
    ROUND_KIND_ZH,
    ChecklistItem,
    CoveredItem,
    RecordType,
    RoundKind,
    decode_coverage,
    encode_coverage,
    summarise,
)
from salesdesk.domain.errors import Conflict, NotFound, ValidationError
from salesdesk.domain.roles import Actor
from salesdesk.services import audit
from salesdesk.services.disclosure.checklist import (
    current_checklist,
    customer_ref,
    get_unit,
    local_text,
)
from salesdesk.services.disclosure.ledger import (
    NewRecord,
    add_signature,
    append,
    checklist_items,
    checklist_row,
)
from salesdesk.services.disclosure.results import (
    CustomerRef,
    RecordedItem,
    RoundRecord,
    RoundSummary,
)
from salesdesk.store.queries import common
from salesdesk.store.queries import disclosure as queries
from salesdesk.store.queries.customers import merged_ids
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:  # reportlab loads only when a form is printed
    from salesdesk.pdf.feedback_form import FeedbackFormData
    from salesdesk.store.models.disclosure import DisclosureRecord

MAX_SIGNATURE_BYTES = 2_000_000
# The audit action that records a signed paper form collected after its round was saved.
PAPER_COLLECTED = "disclosure.paper_collected"


def round_summaries(uow: UnitOfWork, customer_id: str, unit_id: str,
                    names: dict[str, str]) -> list[RoundSummary]:
    rows = queries.records_of(uow, merged_ids(uow, customer_id), unit_id)
    superseded = {r.supersedes_id for r in rows if r.supersedes_id}
    collected = queries.paper_collected_ids(uow, PAPER_COLLECTED, (r.id for r in rows))
    return [RoundSummary(r.id, RecordType(r.record_type), r.round_kind, r.recorded_at,
                         names.get(r.consultant_id, "?"), r.n_items, r.n_covered,
                         r.id in superseded, r.supersedes_id, r.reason,
                         bool(r.paper_form) or r.id in collected) for r in rows]


def effective_pre_deposit(uow: UnitOfWork, customer_id: str,
                          unit_id: str) -> DisclosureRecord | None:
    """The latest pre-deposit round for this customer and unit that no correction replaced."""
    rows = queries.records_of(uow, merged_ids(uow, customer_id), unit_id,
                              RecordType.ROUND.value)
    superseded = {r.supersedes_id for r in rows if r.supersedes_id}
    for r in rows:
        if r.id not in superseded and r.round_kind == RoundKind.PRE_DEPOSIT.value:
            return r
    return None


def covered_items(uow: UnitOfWork, rec: DisclosureRecord) -> list[CoveredItem]:
    cl = queries.checklist(uow, rec.checklist_id)
    if cl is None:
        return []
    items = checklist_items(cl)
    ticks = decode_coverage(rec.coverage, len(items))
    return [CoveredItem(i.code, i.content_hash) for i, t in zip(items, ticks, strict=True)
            if t is not None]


def round_record(uow: UnitOfWork, rec: DisclosureRecord) -> RoundRecord:
    names = common.staff_names(uow)
    cl = queries.checklist(uow, rec.checklist_id)
    items = checklist_items(cl) if cl is not None else []
    ticks = decode_coverage(rec.coverage, len(items)) if cl is not None else []
    recorded = tuple(RecordedItem(i, t is not None,
                                  rec.started_at + timedelta(seconds=t) if t is not None else None)
                     for i, t in zip(items, ticks, strict=True))
    png = None
    if rec.signature_id:
        sig = queries.signature(uow, rec.signature_id)
        png = sig.png if sig is not None else None
    unit = queries.unit(uow, rec.unit_id)
    return RoundRecord(
        rec.id, RecordType(rec.record_type), rec.round_kind, customer_ref(uow, rec.customer_id),
        rec.unit_id, unit.number if unit else "?", rec.consultant_id,
        names.get(rec.consultant_id, "?"), names.get(rec.recorded_by, "?"), rec.started_at,
        rec.recorded_at, recorded, png, rec.signature_hash, bool(rec.paper_form), rec.hash,
        rec.prev_hash, rec.chain_seq, rec.created_by_device, rec.supersedes_id, rec.reason)


def _as_stored(started: datetime, at: datetime | None) -> datetime | None:
    """A tick time as the ledger keeps it: whole seconds after the round started."""
    if at is None:
        return None
    return started + timedelta(seconds=max(0, int((at - started).total_seconds())))


def check_round(kind: RoundKind, reason: str, signature_png: bytes | None, paper_form: bool,
                supersedes_id: str) -> RoundKind:
    """The round as asked, before anything is read: its kind, and the acknowledgement."""
    try:
        kind = RoundKind(kind)
    except ValueError as exc:
        raise ValidationError("请选择告知环节", en="Choose the round", field="kind") from exc
    if not signature_png and not paper_form:
        raise ValidationError("请客户在屏幕上签名，或收回客户签字的纸质反馈单",
                              en="The customer must sign on screen, or the signed paper "
                              "form must be collected", field="signature")
    if signature_png is not None and (not signature_png.startswith(b"\x89PNG")
                                      or len(signature_png) > MAX_SIGNATURE_BYTES):
        raise ValidationError("签名图像无效", en="The signature image is not valid",
                              field="signature")
    if supersedes_id and not reason:
        raise ValidationError("更正须说明原因", en="A correction needs a reason",
                              field="reason")
    return kind


def record_round(uow: UnitOfWork, actor: Actor, *, customer_id: str, unit_id: str,
                 kind: RoundKind, ticks: dict[str, datetime], started: datetime, now: datetime,
                 signature_png: bytes | None, paper_form: bool,
                 expected_checklist_hash: str | None, supersedes_id: str,
                 reason: str) -> RoundRecord:
    """Append one checked round to the ledger in the caller's unit of work (not committed)."""
    customer = customer_ref(uow, customer_id)
    unit = get_unit(uow, unit_id)
    cl = current_checklist(uow, unit)
    if expected_checklist_hash is not None and expected_checklist_hash != cl.hash:
        raise Conflict("项目资料刚刚更新（文件版本有变），请重新加载告知清单",
                       en="The project documents changed; reload the checklist")
    if not cl.items:
        raise Conflict("该房源没有可告知的项目资料，请先导入项目资料",
                       en="No documents to disclose for this unit: import the project")
    codes = {i.code for i in cl.items}
    unknown = sorted(set(ticks) - codes)
    if unknown:
        raise ValidationError(f"清单中没有这些项目：{'、'.join(unknown)}",
                              en=f"Not on the checklist: {', '.join(unknown)}",
                              field="items")
    if supersedes_id:
        old = queries.record(uow, supersedes_id)
        if old is None or old.customer_id != customer_id or old.unit_id != unit_id:
            raise NotFound("要更正的记录不存在（或不是该客户、该房源的）",
                           en="The record to correct does not exist for this "
                           "customer and unit", field="supersedes")
    clamped = {c: min(max(t, started), now) for c, t in ticks.items()}
    coverage = encode_coverage(cl.items, clamped, started)
    covered = [i.code in ticks for i in cl.items]
    cl_row = checklist_row(uow, cl)
    sig = add_signature(uow, signature_png) if signature_png else None
    rec = append(uow, NewRecord(
        RecordType.ROUND, kind.value, customer_id, unit_id, actor.staff_id,
        actor.staff_id, started, now, cl_row, coverage, summarise(cl.items, covered),
        sig, paper_form, supersedes_id, reason))
    audit.record(uow, "disclosure.round", "disclosure_record", rec.id,
                 f"{kind.value} {sum(covered)}/{len(covered)}"
                 + (f" corrects {supersedes_id}" if supersedes_id else ""))
    # Built from what is in hand: a round is saved at the desk, in a few milliseconds.
    return RoundRecord(
        rec.id, RecordType.ROUND, kind.value, customer, unit.id, unit.number,
        actor.staff_id, actor.name, actor.name, started, now,
        tuple(RecordedItem(i, i.code in clamped, _as_stored(started, clamped.get(i.code)))
              for i in cl.items),
        signature_png, rec.signature_hash, paper_form, rec.hash, rec.prev_hash,
        rec.chain_seq, uow.context.device_id, supersedes_id, reason)


def feedback_form_data(r: RoundRecord, project_name: str,
                       printed_at: datetime) -> FeedbackFormData:
    """The 现场反馈单 of one record as plain data for the PDF."""
    from salesdesk.pdf.feedback_form import FeedbackFormData, FeedbackItem

    kind = ("主管放行（交定闸口）" if r.record_type is RecordType.GATE_OVERRIDE
            else ROUND_KIND_ZH[RoundKind(r.round_kind)])
    return FeedbackFormData(
        project_name=project_name, customer=r.customer.label, unit_number=r.unit_number,
        round_kind=kind, consultant=r.consultant_name, recorded_by=r.recorded_by_name,
        started_at=local_text(r.started_at), recorded_at=local_text(r.recorded_at),
        items=tuple(FeedbackItem(ITEM_KIND_ZH[i.item.kind], i.item.title, i.item.version,
                                 i.item.detail, i.covered,
                                 local_text(i.covered_at)[11:] if i.covered_at else "")
                    for i in r.items),
        signature_png=r.signature_png, paper_form=r.paper_form, record_id=r.id,
        record_hash=r.hash, chain_label=f"设备 {r.device_id[:8]} · 第 {r.chain_seq} 条",
        reason=r.reason, printed_at=local_text(printed_at),
    )


def blank_form_data(customer: CustomerRef, unit_number: str, items: tuple[ChecklistItem, ...],
                    project_name: str, consultant: str, printed_at: datetime) -> FeedbackFormData:
    """The 现场反馈单 as a draft, before any round is saved: every box blank for the customer
    to tick by hand, a line to sign and a line to date."""
    from salesdesk.pdf.feedback_form import FeedbackFormData, FeedbackItem

    return FeedbackFormData(
        project_name=project_name, customer=customer.public_label, unit_number=unit_number,
        round_kind="", consultant=consultant, recorded_by=consultant, started_at="",
        recorded_at="",
        items=tuple(FeedbackItem(ITEM_KIND_ZH[i.kind], i.title, i.version, i.detail, False, "")
                    for i in items),
        signature_png=None, paper_form=False, record_id="", record_hash="", chain_label="",
        reason="", printed_at=local_text(printed_at), draft=True,
    )
