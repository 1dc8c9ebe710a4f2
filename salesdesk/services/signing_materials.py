"""Signing materials: the buyer-profile interview, the per customer and unit checklist built
from the project's rule pack, ticking items off as they arrive, what is still missing on signing
day, the three printed documents, and the batch of tomorrow's checklists.

Rule packs are data (resources/defaults/rule_packs, head-office imports). Each imported version
is a row that is never rewritten, and every checklist points at the version it was built from."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select

from salesdesk.domain.buyer_profile import PAYMENT_ZH, BuyerProfile, profile_from_dict
from salesdesk.domain.errors import Conflict, NotFound, ValidationError
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.domain.phone import mask_phone, normalise_phone
from salesdesk.domain.roles import Actor, Permission
from salesdesk.domain.rule_pack import (
    STAGE_ZH,
    Evaluation,
    FlowStep,
    Material,
    RulePack,
    Stage,
    evaluate,
    parse_pack,
    select_pack,
    unreachable_materials,
)
from salesdesk.paths import RESOURCES
from salesdesk.pdf.mortgage_list import build_mortgage_list
from salesdesk.pdf.signing_checklist import (
    ChecklistLine,
    ChecklistStage,
    FlowLine,
    SigningDocData,
    build_checklist,
)
from salesdesk.pdf.signing_flow import build_signing_flow
from salesdesk.services import audit
from salesdesk.services.care.escalation_notes import escalation_notes
from salesdesk.services.customers import find_customer_id_by_phone
from salesdesk.services.hooks import SigningBooking, SigningSchedule
from salesdesk.services.unit_sale import require_signable
from salesdesk.store.database import Database
from salesdesk.store.models.customer import Customer, CustomerPhone
from salesdesk.store.models.org import Staff
from salesdesk.store.models.project import Building, Project, Unit
from salesdesk.store.models.signing import (
    BuyerProfileRecord,
    ChecklistItem,
    MaterialChecklist,
    RulePackVersion,
)
from salesdesk.store.uow import UnitOfWork

DEFAULT_PACK_PATH = RESOURCES / "defaults" / "rule_packs" / "default.json"
SCHEMA_PATH = RESOURCES / "rule_pack.schema.json"
BOOKING_LOOKAHEAD_DAYS = 14  # how far ahead a printed checklist looks for the signing slot

DOCUMENTS = ("checklist", "mortgage", "flow")
Progress = Callable[[int, int, str], None]


@cache
def _schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return data


def _canonical(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def check_pack_data(data: Any) -> RulePack:
    """Shape (JSON Schema), then meaning (domain), then no dead rules."""
    import jsonschema  # only when a rule pack is imported: it is slow to load

    errors = sorted(jsonschema.Draft202012Validator(_schema()).iter_errors(data),
                    key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        where = "/".join(str(p) for p in e.absolute_path) or "（顶层）"
        raise ValidationError(f"规则包格式不符：{where}：{e.message}",
                              en=f"Rule pack does not match the schema at {where}: {e.message}",
                              field="rule_pack")
    pack = parse_pack(data)
    dead = unreachable_materials(pack)
    if dead:
        raise ValidationError(f"规则包中有任何购房人都不会用到的材料：{'、'.join(dead)}",
                              en=f"No buyer can ever need these materials: {', '.join(dead)}",
                              field="rule_pack")
    return pack


@dataclass(frozen=True)
class RulePackInfo:
    id: str
    pack_id: str
    city: str
    project: str
    version: str
    title: str
    source: str
    imported_at: datetime
    materials: int
    created: bool  # False when this exact version was already there

    @property
    def label(self) -> str:
        return f"{self.title} · {self.version}"


@dataclass(frozen=True)
class ChecklistItemView:
    id: str
    code: str
    name: str
    stage: Stage
    original: bool
    copies: int
    note: str
    form: str
    received_at: datetime | None
    received_by: str  # staff name

    @property
    def received(self) -> bool:
        return self.received_at is not None


@dataclass(frozen=True)
class ChecklistView:
    id: str
    customer_id: str
    customer_name: str
    customer_phone: str  # masked
    unit_id: str | None
    unit_label: str
    consultant_name: str
    consultant_phone: str
    pack_version_id: str
    pack_label: str
    profile: BuyerProfile
    warnings: tuple[str, ...]
    flow: tuple[FlowStep, ...]
    items: tuple[ChecklistItemView, ...]
    updated_at: datetime
    notes: str = ""
    # Open follow-up escalations of the customer: resolve before signing (issue 15 §2).
    open_escalations: tuple[str, ...] = ()

    def by_stage(self) -> list[tuple[Stage, tuple[ChecklistItemView, ...]]]:
        return [(s, tuple(i for i in self.items if i.stage is s)) for s in Stage
                if any(i.stage is s for i in self.items)]

    @property
    def missing(self) -> tuple[ChecklistItemView, ...]:
        """What the customer still has to bring (signing day)."""
        return tuple(i for i in self.items if not i.received)

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class CustomerChecklists:
    customer_id: str
    customer_name: str
    customer_phone: str  # masked
    profile: BuyerProfile | None
    checklists: tuple[ChecklistView, ...]


@dataclass(frozen=True)
class ChecklistSummary:
    """One line of the "recent checklists" list."""

    id: str
    customer_id: str
    customer_name: str
    customer_phone: str  # masked
    unit_number: str  # "" when no unit is chosen yet
    missing: int
    total: int
    updated_at: datetime


@dataclass(frozen=True)
class BatchResult:
    day: date
    total: int  # signing bookings that day
    files: tuple[Path, ...]
    skipped: tuple[str, ...]  # bookings without a checklist (what to read on screen)


class SigningMaterialsService:
    def __init__(self, db: Database, schedule: SigningSchedule | None = None) -> None:
        self._db = db
        self.schedule = schedule  # wired to Appointments in the container
        self._packs: dict[str, RulePack] = {}  # versions never change, so caching is safe
        self._lock = threading.Lock()

    # ---- rule packs ------------------------------------------------------------------------

    def import_rule_pack(self, actor: Actor, path: Path) -> RulePackInfo:
        """Import a head-office pack. A new version is added; older versions stay untouched."""
        actor.require(Permission.IMPORT_PROJECT)
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValidationError(f"无法读取规则包文件：{exc}", en=f"Cannot read the rule pack: {exc}",
                                  field="file") from exc
        return self.import_rule_pack_data(actor, data)

    def import_rule_pack_data(self, actor: Actor, data: Any) -> RulePackInfo:
        actor.require(Permission.IMPORT_PROJECT)
        pack = check_pack_data(data)
        with self._db.uow(actor) as uow:
            info = self._store_pack(uow, pack, data, "import")
            if info.created:
                audit.record(uow, "signing.import_rule_pack", "rule_pack_version", info.id,
                             f"{pack.pack_id} {pack.version}")
            uow.commit()
            return info

    def rule_packs(self, actor: Actor) -> list[RulePackInfo]:
        actor.require(Permission.PRINT_CHECKLIST)
        with self._db.reader(actor) as uow:
            rows = uow.session.scalars(select(RulePackVersion).where(
                RulePackVersion.deleted.is_(False)).order_by(RulePackVersion.created_at)).all()
            return [self._pack_info(r, False) for r in rows]

    def _store_pack(self, uow: UnitOfWork, pack: RulePack, data: Any,
                    source: str) -> RulePackInfo:
        content = _canonical(data)
        digest = hashlib.sha256(content.encode()).hexdigest()
        same = uow.session.scalar(select(RulePackVersion).where(
            RulePackVersion.pack_id == pack.pack_id, RulePackVersion.version == pack.version,
            RulePackVersion.deleted.is_(False)))
        if same is not None:
            if same.content_hash != digest:
                raise Conflict(
                    f"规则包 {pack.pack_id} 的版本 {pack.version} 已存在且内容不同；请使用新的版本号",
                    en=f"Version {pack.version} of {pack.pack_id} exists with other content; "
                    "give the new rules a new version", field="version")
            return self._pack_info(same, False)
        row = RulePackVersion(pack_id=pack.pack_id, city=pack.city, project=pack.project,
                              version=pack.version, title=pack.title, content=content,
                              content_hash=digest, source=source)
        uow.add(row)
        uow.flush()
        return self._pack_info(row, True)

    def _pack_info(self, row: RulePackVersion, created: bool) -> RulePackInfo:
        return RulePackInfo(row.id, row.pack_id, row.city, row.project, row.version, row.title,
                            row.source, row.created_at, len(self._parsed(row).materials),
                            created)

    def _parsed(self, row: RulePackVersion) -> RulePack:
        with self._lock:
            pack = self._packs.get(row.id)
        if pack is None:
            pack = parse_pack(json.loads(row.content))
            with self._lock:
                self._packs[row.id] = pack
        return pack

    def _ensure_default(self, uow: UnitOfWork) -> None:
        """The shipped default pack becomes a stored version the first time it is needed."""
        data = json.loads(DEFAULT_PACK_PATH.read_text(encoding="utf-8"))
        exists = uow.session.scalar(select(RulePackVersion.id).where(
            RulePackVersion.pack_id == data["pack_id"],
            RulePackVersion.version == data["version"]))
        if exists is None:
            self._store_pack(uow, check_pack_data(data), data, "default")

    def _current_pack(self, uow: UnitOfWork) -> RulePackVersion:
        """The newest version of each pack, then the most specific one for this project."""
        project = uow.session.scalar(select(Project).where(Project.deleted.is_(False))
                                     .order_by(Project.created_at).limit(1))
        city, code = (project.city, project.code) if project else ("", "")
        latest: dict[str, RulePackVersion] = {}
        for row in uow.session.scalars(select(RulePackVersion).where(
                RulePackVersion.deleted.is_(False)).order_by(RulePackVersion.created_at)):
            latest[row.pack_id] = row
        chosen = select_pack([self._parsed(r) for r in latest.values()], city, code)
        if chosen is None:
            raise NotFound("没有适用于本项目的签约资料规则包",
                           en="No rule pack applies to this project")
        return next(r for r in latest.values() if self._parsed(r) is chosen)

    # ---- interview and checklist -----------------------------------------------------------

    def preview(self, actor: Actor, answers: dict[str, Any]) -> Evaluation:
        """What the answers would give, without saving (the interview shows it live)."""
        actor.require(Permission.PRINT_CHECKLIST)
        profile = profile_from_dict(answers)
        with self._db.reader(actor) as uow:
            try:
                row = self._current_pack(uow)
                pack = self._parsed(row)
            except NotFound:
                pack = check_pack_data(json.loads(DEFAULT_PACK_PATH.read_text(encoding="utf-8")))
        return evaluate(pack, profile)

    def save_interview(self, actor: Actor, customer_id: str, answers: dict[str, Any],
                       unit_id: str | None = None) -> ChecklistView:
        """Save the buyer profile and build (or refresh) the checklist for this unit."""
        actor.require(Permission.PRINT_CHECKLIST)
        profile = profile_from_dict(answers)  # before any write: bad input changes nothing
        with self._db.uow(actor) as uow:
            customer = self._customer(uow, customer_id)
            if unit_id is not None:
                # Rule 13: materials for signing a unit only for its subscriber, inside a permit.
                require_signable(uow, customer.id, unit_id)
            self._ensure_default(uow)
            record = uow.session.scalar(select(BuyerProfileRecord).where(
                BuyerProfileRecord.customer_id == customer.id,
                BuyerProfileRecord.deleted.is_(False)))
            answers_json = _canonical(profile.to_dict())
            if record is None:
                uow.add(BuyerProfileRecord(customer_id=customer.id, answers=answers_json))
            elif record.answers != answers_json:
                record.answers = answers_json
            checklist = uow.session.scalar(select(MaterialChecklist).where(
                MaterialChecklist.customer_id == customer.id,
                MaterialChecklist.unit_id.is_(None) if unit_id is None
                else MaterialChecklist.unit_id == unit_id,
                MaterialChecklist.deleted.is_(False)))
            if checklist is None:
                checklist = MaterialChecklist(customer_id=customer.id, unit_id=unit_id,
                                              rule_pack_version_id="", profile_answers="",
                                              consultant_staff_id=actor.staff_id)
                uow.add(checklist)
                uow.flush()
            pack_row = self._current_pack(uow)
            self._rebuild(uow, checklist, pack_row, profile)
            audit.record(uow, "signing.interview", "material_checklist", checklist.id,
                         f"rule pack {pack_row.pack_id} {pack_row.version}")
            uow.flush()
            view = self._view(uow, checklist)
            uow.commit()
            return view

    def refresh(self, actor: Actor, checklist_id: str) -> ChecklistView:
        """Rebuild with the customer's current answers and the newest applicable pack.
        Items already received stay received."""
        actor.require(Permission.PRINT_CHECKLIST)
        with self._db.uow(actor) as uow:
            checklist = self._checklist(uow, checklist_id)
            record = uow.session.scalar(select(BuyerProfileRecord).where(
                BuyerProfileRecord.customer_id == checklist.customer_id,
                BuyerProfileRecord.deleted.is_(False)))
            profile = profile_from_dict(json.loads(
                record.answers if record else checklist.profile_answers))
            self._ensure_default(uow)
            self._rebuild(uow, checklist, self._current_pack(uow), profile)
            uow.flush()
            view = self._view(uow, checklist)
            uow.commit()
            return view

    def _rebuild(self, uow: UnitOfWork, checklist: MaterialChecklist,
                 pack_row: RulePackVersion, profile: BuyerProfile) -> None:
        ev = evaluate(self._parsed(pack_row), profile)
        answers = _canonical(profile.to_dict())
        warnings = json.dumps([w.warning for w in ev.warnings], ensure_ascii=False)
        if checklist.rule_pack_version_id != pack_row.id:
            checklist.rule_pack_version_id = pack_row.id
        if checklist.profile_answers != answers:
            checklist.profile_answers = answers
        if checklist.warnings != warnings:
            checklist.warnings = warnings
        existing = {i.code: i for i in uow.session.scalars(select(ChecklistItem).where(
            ChecklistItem.checklist_id == checklist.id, ChecklistItem.deleted.is_(False)))}
        for position, m in enumerate(ev.materials):
            item = existing.pop(m.code, None)
            if item is None:
                uow.add(ChecklistItem(checklist_id=checklist.id, code=m.code, name=m.name,
                                      stage=m.stage.value, original=m.original, copies=m.copies,
                                      note=m.note, position=position))
                continue
            # Only touch what changed, so an unchanged item writes no outbox entry.
            for attr, value in (("name", m.name), ("stage", m.stage.value),
                                ("original", m.original), ("copies", m.copies),
                                ("note", m.note), ("position", position)):
                if getattr(item, attr) != value:
                    setattr(item, attr, value)
        for gone in existing.values():
            gone.deleted = True  # no longer needed for this profile: tombstone, receipt kept

    def tick(self, actor: Actor, item_id: str, received: bool = True) -> ChecklistView:
        """Mark an item as arrived (who, when) or take the mark back."""
        actor.require(Permission.PRINT_CHECKLIST)
        with self._db.uow(actor) as uow:
            item = uow.session.get(ChecklistItem, item_id)
            if item is None or item.deleted:
                raise NotFound("清单上没有这项资料", en="No such checklist item")
            if received and item.received_at is None:
                item.received_at = self._db.now()
                item.received_by_staff = actor.staff_id
                audit.record(uow, "signing.item_received", "checklist_item", item.id, item.code)
            elif not received and item.received_at is not None:
                item.received_at = None
                item.received_by_staff = None
                audit.record(uow, "signing.item_unticked", "checklist_item", item.id, item.code)
            uow.flush()
            view = self._view(uow, self._checklist(uow, item.checklist_id))
            uow.commit()
            return view

    def set_notes(self, actor: Actor, checklist_id: str, notes: str) -> ChecklistView:
        actor.require(Permission.PRINT_CHECKLIST)
        if len(notes) > 500:
            raise ValidationError("备注不能超过 500 字", en="Notes are limited to 500 characters",
                                  field="notes")
        with self._db.uow(actor) as uow:
            checklist = self._checklist(uow, checklist_id)
            if checklist.notes != notes.strip():
                checklist.notes = notes.strip()
            uow.flush()
            view = self._view(uow, checklist)
            uow.commit()
            return view

    # ---- reads -----------------------------------------------------------------------------

    def checklist(self, actor: Actor, checklist_id: str) -> ChecklistView:
        actor.require(Permission.PRINT_CHECKLIST)
        with self._db.reader(actor) as uow:
            return self._view(uow, self._checklist(uow, checklist_id))

    def for_customer(self, actor: Actor, customer_id: str) -> CustomerChecklists:
        actor.require(Permission.PRINT_CHECKLIST)
        with self._db.reader(actor) as uow:
            customer = self._customer(uow, customer_id)
            return self._customer_checklists(uow, customer)

    def recent(self, actor: Actor, limit: int = 30) -> list[ChecklistSummary]:
        """The checklists worked on last, so the desk can reopen one without typing a number."""
        actor.require(Permission.PRINT_CHECKLIST)
        with self._db.reader(actor) as uow:
            rows = uow.session.scalars(select(MaterialChecklist).where(
                MaterialChecklist.deleted.is_(False)
            ).order_by(MaterialChecklist.updated_at.desc()).limit(limit)).all()
            out = []
            for c in rows:
                customer = uow.session.get(Customer, c.customer_id)
                unit = uow.session.get(Unit, c.unit_id) if c.unit_id else None
                received = uow.session.execute(select(ChecklistItem.received_at).where(
                    ChecklistItem.checklist_id == c.id, ChecklistItem.deleted.is_(False))).all()
                out.append(ChecklistSummary(
                    c.id, c.customer_id, _customer_name(customer) if customer else "?",
                    self._masked_phone(uow, c.customer_id), unit.number if unit else "",
                    sum(1 for (at,) in received if at is None), len(received), c.updated_at))
            return out

    def find_by_phone(self, actor: Actor, phone: str) -> CustomerChecklists:
        actor.require(Permission.PRINT_CHECKLIST)
        e164 = normalise_phone(phone)
        with self._db.reader(actor) as uow:
            cid = find_customer_id_by_phone(uow, e164)
            if cid is None:
                raise NotFound("没有使用这个手机号的客户", en="No customer has this phone number",
                               field="phone")
            return self._customer_checklists(uow, self._customer(uow, cid))

    def _customer_checklists(self, uow: UnitOfWork, customer: Customer) -> CustomerChecklists:
        record = uow.session.scalar(select(BuyerProfileRecord).where(
            BuyerProfileRecord.customer_id == customer.id, BuyerProfileRecord.deleted.is_(False)))
        rows = uow.session.scalars(select(MaterialChecklist).where(
            MaterialChecklist.customer_id == customer.id, MaterialChecklist.deleted.is_(False)
        ).order_by(MaterialChecklist.updated_at.desc())).all()
        return CustomerChecklists(
            customer.id, _customer_name(customer), self._masked_phone(uow, customer.id),
            profile_from_dict(json.loads(record.answers)) if record else None,
            tuple(self._view(uow, c) for c in rows))

    def _latest_for(self, uow: UnitOfWork, customer_id: str,
                    unit_id: str | None) -> MaterialChecklist | None:
        q = select(MaterialChecklist).where(MaterialChecklist.customer_id == customer_id,
                                            MaterialChecklist.deleted.is_(False))
        if unit_id is not None:
            exact = uow.session.scalar(q.where(MaterialChecklist.unit_id == unit_id))
            if exact is not None:
                return exact
        return uow.session.scalar(q.order_by(MaterialChecklist.updated_at.desc()).limit(1))

    def materials_to_bring(self, customer_id: str, unit_id: str | None) -> list[str]:
        """MaterialsSource for the reminders: the items not yet received, one line each."""
        with self._db.reader() as uow:
            checklist = self._latest_for(uow, customer_id, unit_id)
            if checklist is None:
                return []
            items = self._items(uow, checklist.id)
        return [f"{i.name}（{i.form}）" for i in items if not i.received]

    # ---- documents -------------------------------------------------------------------------

    def print_document(self, actor: Actor, checklist_id: str, out: Path,
                       kind: str = "checklist") -> Path:
        """One of the three documents (checklist, mortgage list, flow sheet) as a PDF file."""
        actor.require(Permission.PRINT_CHECKLIST)
        if kind not in DOCUMENTS:
            raise ValidationError("未知的文档类型", en=f"Unknown document {kind!r}", field="kind")
        data = self.document_data(actor, checklist_id)
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        build = {"mortgage": build_mortgage_list, "flow": build_signing_flow}.get(
            kind, build_checklist)
        path = build(data, out)
        with self._db.uow(actor) as uow:
            audit.log_export(uow, f"signing_{kind}", "pdf", 1, checklist_id)
            uow.commit()
        return path

    def document_data(self, actor: Actor, checklist_id: str) -> SigningDocData:
        """What the documents print, with the signing slot when one is booked."""
        actor.require(Permission.PRINT_CHECKLIST)
        booking = None
        if self.schedule is not None:  # its own reads, outside our transaction
            with self._db.reader(actor) as uow:
                checklist = self._checklist(uow, checklist_id)
                customer_id, unit_id = checklist.customer_id, checklist.unit_id
            booking = self._booking_for(customer_id, unit_id)
        with self._db.reader(actor) as uow:
            return self._doc_data(uow, self._checklist(uow, checklist_id), booking)

    def print_for_phone(self, actor: Actor, phone: str, out: Path,
                        kind: str = "checklist") -> Path:
        found = self.find_by_phone(actor, phone)
        if not found.checklists:
            raise NotFound("该客户还没有签约资料清单，请先完成购房人情况问答",
                           en="This customer has no checklist yet; do the interview first")
        return self.print_document(actor, found.checklists[0].id, out, kind)

    def print_batch(self, actor: Actor, day: date, out_dir: Path,
                    progress: Progress | None = None) -> BatchResult:
        """Every checklist for the day's signing bookings, one PDF each. ``progress`` may raise
        to cancel (the UI's TaskControl does); files already written stay."""
        actor.require(Permission.PRINT_CHECKLIST)
        if self.schedule is None:
            raise ValidationError("签约预约功能尚未接入，无法按日期批量打印",
                                  en="Signing bookings are not available, so there is no "
                                  "day to print")
        bookings = sorted(self.schedule.signings_on(day), key=lambda b: (b.starts_at, b.desk_label))
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        files: list[Path] = []
        skipped: list[str] = []
        total = len(bookings)
        if progress:
            progress(0, total, "")
        try:
            with self._db.reader(actor) as uow:
                for n, b in enumerate(bookings, start=1):
                    checklist = self._latest_for(uow, b.customer_id, b.unit_id)
                    slot = b.starts_at.astimezone(PROJECT_TZ).strftime("%H%M")
                    if checklist is None:
                        c = uow.session.get(Customer, b.customer_id)
                        skipped.append(f"{slot} {b.desk_label} {_customer_name(c) if c else '?'}")
                        label = skipped[-1]
                    else:
                        data = self._doc_data(uow, checklist, b)
                        name = f"{day:%Y%m%d}-{slot}-{_safe(data.unit_label.split('（')[0])}-" \
                               f"{checklist.id[:8]}.pdf"
                        files.append(build_checklist(data, out_dir / name))
                        label = f"{slot} {data.unit_label.split('（')[0]}"
                    if progress:
                        progress(n, total, label)
        finally:
            # Also when cancelled: the files already written have left the application.
            if files:
                with self._db.uow(actor) as uow:
                    audit.log_export(uow, "signing_checklist_batch", "pdf", len(files))
                    uow.commit()
        return BatchResult(day, total, tuple(files), tuple(skipped))

    def _booking_for(self, customer_id: str, unit_id: str | None) -> SigningBooking | None:
        if self.schedule is None:
            return None
        today = self._db.now().astimezone(PROJECT_TZ).date()
        return self.schedule.next_signing_for(customer_id, unit_id, today,
                                              BOOKING_LOOKAHEAD_DAYS)

    def _doc_data(self, uow: UnitOfWork, checklist: MaterialChecklist,
                  booking: SigningBooking | None) -> SigningDocData:
        view = self._view(uow, checklist)
        project = uow.session.scalar(select(Project).where(Project.deleted.is_(False))
                                     .order_by(Project.created_at).limit(1))
        total = ""
        if checklist.unit_id:
            unit = uow.session.get(Unit, checklist.unit_id)
            total = f"¥{unit.total_price:,}" if unit else ""
        stages = tuple(
            ChecklistStage(f"{STAGE_ZH[s]}阶段", tuple(
                ChecklistLine(i.name, i.form, i.note,
                              f"{_local(i.received_at):%m-%d} {i.received_by}".strip()
                              if i.received_at else "")
                for i in items))
            for s, items in view.by_stage())
        return SigningDocData(
            record_id=checklist.id,
            project_name=project.name if project else "",
            developer=project.developer if project else "",
            customer_name=view.customer_name, customer_phone=view.customer_phone,
            unit_label=view.unit_label,
            signing_slot=_local(booking.starts_at).strftime("%Y-%m-%d %H:%M") if booking else "",
            desk=booking.desk_label if booking else "",
            consultant_name=view.consultant_name, consultant_phone=view.consultant_phone,
            profile_summary=view.profile.summary_zh(), pack_label=view.pack_label,
            printed_at=_local(self._db.now()).strftime("%Y-%m-%d %H:%M"),
            stages=stages, warnings=view.warnings,
            flow=tuple(FlowLine(f.title, f.detail) for f in view.flow),
            notes=checklist.notes, payment=PAYMENT_ZH[view.profile.payment], total_price=total)

    # ---- loading ---------------------------------------------------------------------------

    @staticmethod
    def _customer(uow: UnitOfWork, customer_id: str) -> Customer:
        c = uow.session.get(Customer, customer_id)
        if c is None or c.deleted:
            raise NotFound("没有这个客户", en="No such customer", field="customer")
        return c

    @staticmethod
    def _unit(uow: UnitOfWork, unit_id: str) -> Unit:
        u = uow.session.get(Unit, unit_id)
        if u is None or u.deleted:
            raise NotFound("没有这个房号", en="No such unit", field="unit")
        return u

    @staticmethod
    def _checklist(uow: UnitOfWork, checklist_id: str) -> MaterialChecklist:
        c = uow.session.get(MaterialChecklist, checklist_id)
        if c is None or c.deleted:
            raise NotFound("没有这份资料清单", en="No such checklist")
        return c

    @staticmethod
    def _masked_phone(uow: UnitOfWork, customer_id: str) -> str:
        e164 = uow.session.scalar(select(CustomerPhone.e164).where(
            CustomerPhone.customer_id == customer_id, CustomerPhone.deleted.is_(False)
        ).order_by(CustomerPhone.created_at).limit(1))
        return mask_phone(e164) if e164 else ""

    def _items(self, uow: UnitOfWork, checklist_id: str) -> list[ChecklistItemView]:
        rows = uow.session.scalars(select(ChecklistItem).where(
            ChecklistItem.checklist_id == checklist_id, ChecklistItem.deleted.is_(False)
        ).order_by(ChecklistItem.position)).all()
        staff_ids = {r.received_by_staff for r in rows if r.received_by_staff}
        names: dict[str, str] = {}
        if staff_ids:
            for sid, sname in uow.session.execute(
                    select(Staff.id, Staff.name).where(Staff.id.in_(staff_ids))):
                names[sid] = sname
        out = []
        for r in rows:
            form = Material(r.code, r.name, Stage(r.stage), r.original, r.copies, r.note).form_zh
            out.append(ChecklistItemView(r.id, r.code, r.name, Stage(r.stage), r.original,
                                         r.copies, r.note, form, r.received_at,
                                         names.get(r.received_by_staff or "", "")))
        order = {s: i for i, s in enumerate(Stage)}
        return sorted(out, key=lambda i: order[i.stage])

    def _view(self, uow: UnitOfWork, c: MaterialChecklist) -> ChecklistView:
        customer = self._customer(uow, c.customer_id)
        unit_label = "待定"
        if c.unit_id:
            unit = uow.session.get(Unit, c.unit_id)
            if unit is not None:
                building = uow.session.get(Building, unit.building_id)
                unit_label = f"{unit.number}（{building.name if building else ''} · " \
                             f"建筑面积 {unit.build_area:g}㎡）"
        staff = None
        for sid in (customer.owner_staff_id, c.consultant_staff_id):
            if sid:
                staff = uow.session.get(Staff, sid)
                if staff is not None:
                    break
        pack_row = uow.session.get(RulePackVersion, c.rule_pack_version_id)
        if pack_row is None:
            raise NotFound("清单引用的规则包版本不存在", en="The checklist's rule pack is missing")
        profile = profile_from_dict(json.loads(c.profile_answers))
        flow = evaluate(self._parsed(pack_row), profile).flow
        return ChecklistView(
            id=c.id, customer_id=customer.id, customer_name=_customer_name(customer),
            customer_phone=self._masked_phone(uow, customer.id), unit_id=c.unit_id,
            unit_label=unit_label, consultant_name=staff.name if staff else "",
            consultant_phone=staff.phone if staff else "", pack_version_id=pack_row.id,
            pack_label=f"{pack_row.title} · {pack_row.version}", profile=profile,
            warnings=tuple(json.loads(c.warnings)), flow=flow,
            items=tuple(self._items(uow, c.id)), updated_at=c.updated_at, notes=c.notes,
            open_escalations=escalation_notes(uow, [customer.id]).get(customer.id, ()))


def _customer_name(c: Customer) -> str:
    return c.name or c.salutation or "客户"


def _local(at: datetime) -> datetime:
    return at.astimezone(PROJECT_TZ)


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text) or "unit"
