"""Disclosure rounds: the checklist for a customer and a unit, recording a round with the
customer's acknowledgement, corrections, the feedback form and the courtesy message."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from salesdesk.domain.disclosure import (
    ITEM_KIND_ZH,
    ROUND_KIND_ZH,
    CertificateDoc,
    Checklist,
    ChecklistItem,
    CoveredItem,
    DocumentRef,
    FactorDoc,
    ItemKind,
    RecordType,
    RoundKind,
    build_checklist,
    decode_coverage,
    encode_coverage,
    summarise,
)
from salesdesk.domain.errors import Conflict, NotFound, ValidationError
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.domain.phone import mask_phone
from salesdesk.domain.project import FACTOR_SIDE_ZH
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.services.disclosure_ledger import (
    NewRecord,
    add_signature,
    append,
    checklist_items,
    checklist_row,
)
from salesdesk.services.project import ProjectService
from salesdesk.store.database import Database
from salesdesk.store.models.customer import Customer, CustomerPhone
from salesdesk.store.models.disclosure import (
    DisclosureChecklist,
    DisclosureRecord,
    DisclosureSignature,
)
from salesdesk.store.models.org import Staff
from salesdesk.store.models.project import (
    Building,
    ContractTemplate,
    Project,
    SunshineDeclaration,
    Unit,
)
from salesdesk.store.queries.customers import merged_ids
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:  # reportlab loads only when a form is printed
    from salesdesk.pdf.feedback_form import FeedbackFormData

MAX_SIGNATURE_BYTES = 2_000_000


def local_text(at: datetime) -> str:
    return at.astimezone(PROJECT_TZ).strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class CustomerRef:
    id: str
    name: str
    salutation: str
    masked_phone: str

    @property
    def label(self) -> str:
        name = self.name or self.salutation or "客户"
        return f"{name}（{self.masked_phone}）" if self.masked_phone else name


@dataclass(frozen=True)
class RoundSummary:
    id: str
    record_type: RecordType
    round_kind: str
    recorded_at: datetime
    consultant_name: str
    n_items: int
    n_covered: int
    superseded: bool
    supersedes_id: str
    reason: str

    @property
    def kind_label(self) -> str:
        if self.record_type is RecordType.GATE_OVERRIDE:
            return "主管放行"
        return ROUND_KIND_ZH.get(RoundKind(self.round_kind), self.round_kind) if \
            self.round_kind else ""

    @property
    def complete(self) -> bool:
        return self.n_items > 0 and self.n_items == self.n_covered


@dataclass(frozen=True)
class ChecklistView:
    customer: CustomerRef
    unit_id: str
    unit_number: str
    building_name: str
    sellable: bool
    items: tuple[ChecklistItem, ...]
    problems: tuple[str, ...]
    checklist_hash: str
    rounds: tuple[RoundSummary, ...]


@dataclass(frozen=True)
class RecordedItem:
    item: ChecklistItem
    covered: bool
    covered_at: datetime | None


@dataclass(frozen=True)
class RoundRecord:
    id: str
    record_type: RecordType
    round_kind: str
    customer: CustomerRef
    unit_id: str
    unit_number: str
    consultant_id: str
    consultant_name: str
    recorded_by_name: str
    started_at: datetime
    recorded_at: datetime
    items: tuple[RecordedItem, ...]
    signature_png: bytes | None
    signature_hash: str
    paper_form: bool
    hash: str
    prev_hash: str
    chain_seq: int
    device_id: str
    supersedes_id: str
    reason: str

    @property
    def missing(self) -> list[ChecklistItem]:
        return [r.item for r in self.items if not r.covered]

    @property
    def complete(self) -> bool:
        return bool(self.items) and not self.missing


def customer_ref(uow: UnitOfWork, customer_id: str) -> CustomerRef:
    c = uow.session.get(Customer, customer_id)
    if c is None or c.deleted:
        raise NotFound("没有这个客户", en="No such customer", field="customer")
    phone = uow.session.scalar(select(CustomerPhone.e164).where(
        CustomerPhone.customer_id == c.id, CustomerPhone.deleted.is_(False))
        .order_by(CustomerPhone.created_at).limit(1))
    return CustomerRef(c.id, c.name, c.salutation, mask_phone(phone) if phone else "")


def staff_names(uow: UnitOfWork) -> dict[str, str]:
    return {i: n for i, n in uow.session.execute(select(Staff.id, Staff.name))}


def get_unit(uow: UnitOfWork, unit_id: str) -> Unit:
    u = uow.session.get(Unit, unit_id)
    if u is None or u.deleted:
        raise NotFound("没有这个房号", en="No such unit", field="unit")
    return u


def current_checklist(uow: UnitOfWork, unit: Unit) -> Checklist:
    """Today's checklist for a unit, from the current document versions."""
    pid = unit.project_id
    names = ProjectService.building_names(uow, pid)
    certs = ProjectService.load_certificates(uow, pid, names)
    # Unit numbers only feed the factors' scope text, which the checklist does not show.
    factors = ProjectService.load_factors(uow, pid, names, {})
    sunshine = ProjectService.load_text(uow, SunshineDeclaration, pid)
    contract = ProjectService.load_text(uow, ContractTemplate, pid)
    cert_docs = [CertificateDoc(c.kind, DocumentRef(
        c.id, c.number, c.label, c.content_hash,
        f"{c.issuer}；{c.issued_on.isoformat()}；范围 {'、'.join(sorted(c.building_names))}"),
        c.building_ids) for c in certs]
    factor_docs = []
    for f in factors:
        where = FACTOR_SIDE_ZH[f.side]
        if f.direction:
            where += f"·{f.direction}"
        if f.distance_m is not None:
            where += f" 约 {f.distance_m:g} 米"
        factor_docs.append(FactorDoc(f.code, DocumentRef(
            f.id, str(f.version), f.title, f.content_hash, f"{where}：{f.description}"), f.scope))
    return build_checklist(
        unit.id, unit.building_id,
        DocumentRef(sunshine.id, sunshine.version, sunshine.title, sunshine.content_hash)
        if sunshine else None,
        cert_docs,
        DocumentRef(contract.id, contract.version, contract.title, contract.content_hash)
        if contract else None,
        factor_docs)


def round_summaries(uow: UnitOfWork, customer_id: str, unit_id: str,
                    names: dict[str, str]) -> list[RoundSummary]:
    rows = uow.session.scalars(select(DisclosureRecord).where(
        DisclosureRecord.customer_id.in_(merged_ids(uow, customer_id)),
        DisclosureRecord.unit_id == unit_id)
        .order_by(DisclosureRecord.recorded_at.desc(), DisclosureRecord.chain_seq.desc())).all()
    superseded = {r.supersedes_id for r in rows if r.supersedes_id}
    return [RoundSummary(r.id, RecordType(r.record_type), r.round_kind, r.recorded_at,
                         names.get(r.consultant_id, "?"), r.n_items, r.n_covered,
                         r.id in superseded, r.supersedes_id, r.reason) for r in rows]


def effective_pre_deposit(uow: UnitOfWork, customer_id: str,
                          unit_id: str) -> DisclosureRecord | None:
    """The latest pre-deposit round for this customer and unit that no correction replaced."""
    rows = uow.session.scalars(select(DisclosureRecord).where(
        DisclosureRecord.customer_id.in_(merged_ids(uow, customer_id)),
        DisclosureRecord.unit_id == unit_id,
        DisclosureRecord.record_type == RecordType.ROUND.value)
        .order_by(DisclosureRecord.recorded_at.desc(), DisclosureRecord.chain_seq.desc())).all()
    superseded = {r.supersedes_id for r in rows if r.supersedes_id}
    for r in rows:
        if r.id not in superseded and r.round_kind == RoundKind.PRE_DEPOSIT.value:
            return r
    return None


def covered_items(uow: UnitOfWork, rec: DisclosureRecord) -> list[CoveredItem]:
    cl = uow.session.get(DisclosureChecklist, rec.checklist_id)
    if cl is None:
        return []
    items = checklist_items(cl)
    ticks = decode_coverage(rec.coverage, len(items))
    return [CoveredItem(i.code, i.content_hash) for i, t in zip(items, ticks, strict=True)
            if t is not None]


def round_record(uow: UnitOfWork, rec: DisclosureRecord) -> RoundRecord:
    names = staff_names(uow)
    cl = uow.session.get(DisclosureChecklist, rec.checklist_id)
    items = checklist_items(cl) if cl is not None else []
    ticks = decode_coverage(rec.coverage, len(items)) if cl is not None else []
    recorded = tuple(RecordedItem(i, t is not None,
                                  rec.started_at + timedelta(seconds=t) if t is not None else None)
                     for i, t in zip(items, ticks, strict=True))
    png = None
    if rec.signature_id:
        sig = uow.session.get(DisclosureSignature, rec.signature_id)
        png = sig.png if sig is not None else None
    unit = uow.session.get(Unit, rec.unit_id)
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


class DisclosureService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def checklist(self, actor: Actor, customer_id: str, unit_id: str) -> ChecklistView:
        """Every item this customer must be told about this unit, with the rounds so far."""
        actor.require(Permission.RECORD_DISCLOSURE)
        with self._db.reader(actor) as uow:
            customer = customer_ref(uow, customer_id)
            unit = get_unit(uow, unit_id)
            cl = current_checklist(uow, unit)
            building = uow.session.get(Building, unit.building_id)
            rounds = round_summaries(uow, customer_id, unit_id, staff_names(uow))
            return ChecklistView(customer, unit.id, unit.number,
                                 building.name if building else "?", cl.sellable, cl.items,
                                 cl.problems, cl.hash, tuple(rounds))

    def record_round(
        self,
        actor: Actor,
        *,
        customer_id: str,
        unit_id: str,
        kind: RoundKind,
        ticks: dict[str, datetime],
        started_at: datetime | None = None,
        signature_png: bytes | None = None,
        paper_form: bool = False,
        expected_checklist_hash: str | None = None,
        supersedes_id: str = "",
        reason: str = "",
    ) -> RoundRecord:
        """Append one round to the ledger. Items not in ``ticks`` stay visibly uncovered (a
        customer who said "知道了"). Needs the customer's acknowledgement: a signature drawn
        on screen and/or the signed paper form collected. A correction names the record it
        supersedes and why; the old record stays as it was."""
        actor.require(Permission.RECORD_DISCLOSURE)
        try:
            kind = RoundKind(kind)
        except ValueError as exc:
            raise ValidationError("请选择告知环节", en="Choose the round", field="kind") from exc
        reason = reason.strip()
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
        now = self._db.now()
        started = started_at or now
        if started > now:
            started = now
        with self._db.uow(actor) as uow:
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
                old = uow.session.get(DisclosureRecord, supersedes_id)
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
            out = RoundRecord(
                rec.id, RecordType.ROUND, kind.value, customer, unit.id, unit.number,
                actor.staff_id, actor.name, actor.name, started, now,
                tuple(RecordedItem(i, i.code in clamped, _as_stored(started, clamped.get(i.code)))
                      for i in cl.items),
                signature_png, rec.signature_hash, paper_form, rec.hash, rec.prev_hash,
                rec.chain_seq, uow.context.device_id, supersedes_id, reason)
            uow.commit()
            return out

    def record(self, actor: Actor, record_id: str) -> RoundRecord:
        actor.require(Permission.RECORD_DISCLOSURE)
        with self._db.reader(actor) as uow:
            rec = uow.session.get(DisclosureRecord, record_id)
            if rec is None:
                raise NotFound("没有这条告知记录", en="No such disclosure record")
            return round_record(uow, rec)

    def feedback_form_data(self, actor: Actor, record_id: str) -> FeedbackFormData:
        from salesdesk.pdf.feedback_form import FeedbackFormData, FeedbackItem

        actor.require(Permission.PRINT_CHECKLIST)
        r = self.record(actor, record_id)
        with self._db.reader(actor) as uow:
            project = ProjectService.current_project(uow)
            pname = project.name
        kind = ("主管放行（交定闸口）" if r.record_type is RecordType.GATE_OVERRIDE
                else ROUND_KIND_ZH[RoundKind(r.round_kind)])
        return FeedbackFormData(
            project_name=pname, customer=r.customer.label, unit_number=r.unit_number,
            round_kind=kind, consultant=r.consultant_name, recorded_by=r.recorded_by_name,
            started_at=local_text(r.started_at), recorded_at=local_text(r.recorded_at),
            items=tuple(FeedbackItem(ITEM_KIND_ZH[i.item.kind], i.item.title, i.item.version,
                                     i.item.detail, i.covered,
                                     local_text(i.covered_at)[11:] if i.covered_at else "")
                        for i in r.items),
            signature_png=r.signature_png, paper_form=r.paper_form, record_id=r.id,
            record_hash=r.hash, chain_label=f"设备 {r.device_id[:8]} · 第 {r.chain_seq} 条",
            reason=r.reason, printed_at=local_text(self._db.now()),
        )

    def print_feedback_form(self, actor: Actor, record_id: str, out: Path) -> Path:
        """The 现场反馈单 of one record as PDF (every item, tick and time, hash and QR)."""
        from salesdesk.pdf.feedback_form import build_feedback_form

        data = self.feedback_form_data(actor, record_id)
        path = build_feedback_form(data, out)
        with self._db.uow(actor) as uow:
            audit.log_export(uow, "feedback_form", "pdf", 1, record_id)
            audit.record(uow, "disclosure.print_form", "disclosure_record", record_id)
            uow.commit()
        return path

    def courtesy_message(self, actor: Actor, customer_id: str, unit_id: str) -> str:
        """The text of the courtesy message after a visit (seed strategy 2, step 3)."""
        actor.require(Permission.RECORD_DISCLOSURE)
        with self._db.reader(actor) as uow:
            c = customer_ref(uow, customer_id)
            unit = get_unit(uow, unit_id)
            cl = current_checklist(uow, unit)
            project = uow.session.get(Project, unit.project_id)
            me = uow.session.get(Staff, actor.staff_id)
            pname = project.name if project else ""
            contact = f"{me.name} {me.phone}".strip() if me else ""
            number = unit.number
        who = c.salutation or (c.name[:1] + "先生/女士" if c.name else "您")
        by_kind: dict[ItemKind, list[ChecklistItem]] = {}
        for i in cl.items:
            by_kind.setdefault(i.kind, []).append(i)
        lines = [f"{who}您好，感谢您今天莅临{pname}。温馨提醒您留意售楼处公示的以下内容："]
        n = 1
        for i in by_kind.get(ItemKind.SUNSHINE, []):
            lines.append(f"{n}. 《{i.title}》（{i.version} 版）；")
            n += 1
        certs = by_kind.get(ItemKind.CERTIFICATE, [])
        if certs:
            lines.append(f"{n}. 五证：" + "；".join(f"{i.title} {i.version}" for i in certs) + "；")
            n += 1
        for i in by_kind.get(ItemKind.CONTRACT, []):
            lines.append(f"{n}. 《{i.title}》（版本 {i.version}）；")
            n += 1
        factors = by_kind.get(ItemKind.FACTOR, [])
        if factors:
            lines.append(f"{n}. 与您关注的 {number} 房相关的红线内外不利因素：")
            for k, f in enumerate(factors, 1):
                where = f.detail.split("：", 1)[0]
                lines.append(f"   ({k}) {f.title}（{where}）")
        if not cl.sellable:
            lines.append(f"特别提示：{number} 不在任何商品房预售许可证范围内，暂不销售。")
        lines.append(f"如有任何疑问，欢迎随时联系您的置业顾问{contact}。祝您生活愉快！")
        return "\n".join(lines)

    def recent_customers_units(self, actor: Actor, limit: int = 30) -> list[tuple[str, str]]:
        """(customer id, unit id) pairs this consultant recorded most recently."""
        actor.require(Permission.RECORD_DISCLOSURE)
        with self._db.reader(actor) as uow:
            rows = uow.session.execute(
                select(DisclosureRecord.customer_id, DisclosureRecord.unit_id)
                .where(DisclosureRecord.consultant_id == actor.staff_id)
                .order_by(DisclosureRecord.recorded_at.desc()).limit(limit * 3)).all()
        return list(dict.fromkeys((a, b) for a, b in rows))[:limit]
