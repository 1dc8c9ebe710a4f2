"""The customer's data (issue 15 §1, PIPL): export everything held about a customer, erase it,
restrict processing when erasure must wait, consent and its withdrawal, and the retention of
idle prospects.

Erasure travels as ordinary synced edits: the customer row keeps its id (the disclosure ledger,
audits and figures refer to it) with a pseudonym for the name (客户#3F2A) and ``erased_at``; the
numbers, ID number, birthday, notes and message texts are blanked on their rows. Head office
and every other device apply those edits like any others and, seeing ``erased_at``, clear the
copies they keep elsewhere (sync/server/erasure.py, the client's pull). On this device the
freed bytes are zeroed (``secure_delete``), the WAL is truncated and the backups are scrubbed
(store/erasure.py)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, inspect, select

from salesdesk.domain.customer_rights import (
    CONSENT_TEXT_VERSION,
    DEFAULT_RETENTION_MONTHS,
    months_before,
    pseudonym,
)
from salesdesk.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from salesdesk.domain.id_number import mask_id_number
from salesdesk.domain.local_time import day_bounds, local, local_day
from salesdesk.domain.phone import mask_phone, normalise_phone
from salesdesk.domain.roles import Actor, Permission, Role
from salesdesk.pdf import customer_export
from salesdesk.services import audit
from salesdesk.store.database import Database, get_local_meta, set_local_meta
from salesdesk.store.erasure import PERSONAL_FIELDS, scrub_local_copies, seal
from salesdesk.store.models.appointments import Appointment
from salesdesk.store.models.base import Base
from salesdesk.store.models.customer import Customer, CustomerPhone
from salesdesk.store.models.disclosure import Subscription
from salesdesk.store.models.org import SalesCentre, Staff
from salesdesk.store.models.reception import Visit
from salesdesk.store.queries.customers import find_customer_id_by_phone, merged_ids
from salesdesk.store.uow import UnitOfWork

log = logging.getLogger(__name__)

RETENTION_KEY = "retention_months"
RETENTION_SEEN_KEY = "retention_seen"
OPEN_SIGNING = ("booked", "confirmed", "arrived")
# Columns of the export that say nothing to the customer (sync bookkeeping).
_INTERNAL = frozenset({"sales_centre_id", "server_seq", "row_version", "created_by_device",
                       "updated_by_device", "id_number_enc"})


def _may_erase(actor: Actor) -> None:
    if not actor.can(Permission.ERASE_CUSTOMER_DATA):
        raise PermissionDenied("只有销售主管、营销总监或系统管理员可以删除客户个人信息",
                               en="Only a sales manager, the sales director or an admin may "
                               "erase a customer's data")


def _may_export(actor: Actor) -> None:
    if not (actor.can(Permission.RECORD_SUBSCRIPTION) or actor.role is Role.ADMIN):
        actor.require(Permission.RECORD_SUBSCRIPTION)


@dataclass(frozen=True)
class ExportResult:
    customer_id: str
    json_path: Path
    pdf_path: Path
    sections: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ErasureResult:
    customer_id: str
    erased: bool
    restricted: bool
    pseudonym: str
    reason: str  # why erasure was refused ("" when erased)
    backups_scrubbed: int


@dataclass(frozen=True)
class RetentionCandidate:
    customer_id: str
    label: str  # salutation or pseudonym-like label, never the number
    last_seen: date


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _customer_tables() -> list[Table]:
    """Every synced table with a row per customer: the export reads them all, so a new
    capability's table is in the export without anyone remembering to add it."""
    return [t for t in Base.metadata.sorted_tables
            if "customer_id" in t.c and t.name not in ("customer_phone", "customer_alias")]


def _models_by_table() -> dict[str, type[Any]]:
    return {m.class_.__tablename__: m.class_ for m in Base.registry.mappers
            if hasattr(m.class_, "__tablename__")}


def open_business(uow: UnitOfWork, ids: list[str]) -> str:
    """Why erasure must wait ("" when it need not): transaction records are kept as the law
    requires while a subscription or a signing is open."""
    if uow.session.scalar(select(func.count()).select_from(Subscription).where(
            Subscription.customer_id.in_(ids), Subscription.status == "active",
            Subscription.deleted.is_(False))):
        return "客户有未结束的认购，交易记录须依法保留"
    if uow.session.scalar(select(func.count()).select_from(Appointment).where(
            Appointment.customer_id.in_(ids), Appointment.kind == "signing",
            Appointment.status.in_(OPEN_SIGNING), Appointment.deleted.is_(False))):
        return "客户有未完成的签约预约，交易记录须依法保留"
    return ""


class CustomerRightsService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- finding ---------------------------------------------------------------------------

    def customer_id_for_phone(self, actor: Actor, phone: str) -> str:
        """The customer holding ``phone``, restricted ones included (search hides them, but
        the customer asking about their own data must be found)."""
        _may_export(actor)
        e164 = normalise_phone(phone)
        with self._db.reader(actor) as uow:
            cid = find_customer_id_by_phone(uow, e164)
        if cid is None:
            raise NotFound("没有使用该号码的客户", en="No customer has that number", field="phone")
        return cid

    # --- export ----------------------------------------------------------------------------

    def export(self, actor: Actor, customer_id: str, out: Path) -> ExportResult:
        """Writes everything held about the customer to ``out`` (JSON, readable) and a short
        PDF summary beside it (same name, .pdf); the export is logged (who, what, how many).
        Nothing is written when the customer does not exist."""
        _may_export(actor)
        if out.suffix.lower() != ".json":
            raise ValidationError("导出文件应以 .json 结尾", en="The export file must end in .json",
                                  field="out")
        if not out.parent.is_dir():
            raise ValidationError(f"文件夹不存在：{out.parent}",
                                  en=f"No such folder: {out.parent}", field="out")
        with self._db.uow(actor) as uow:
            c = uow.session.get(Customer, customer_id)
            if c is None or c.deleted:
                raise NotFound("没有这个客户", en="No such customer")
            data, sections = self._collect(uow, c)
            staff = uow.session.get(Staff, actor.staff_id)
            centre = uow.session.get(SalesCentre, c.sales_centre_id)
            summary = customer_export.CustomerExportSummary(
                customer_label=" ".join(x for x in (c.name, c.salutation) if x) or "—",
                phones=tuple(mask_phone(p["e164"]) for p in data["phones"] if p["e164"]),
                id_number=mask_id_number(data["customer"]["id_number"])
                if data["customer"]["id_number"] else "",
                consent=_consent_text(c), status=_status_text(c), sections=sections,
                json_name=out.name,
                exported_at=local(uow.now()).strftime("%Y-%m-%d %H:%M"),
                exported_by=staff.name if staff else actor.name,
                centre=centre.name if centre else "")
            out.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True),
                           encoding="utf-8")
            pdf = customer_export.build(summary, out.with_suffix(".pdf"))
            audit.log_export(uow, "customer_data", "json+pdf", 1, customer_id)
            uow.commit()
        return ExportResult(customer_id, out, pdf, sections)

    def _collect(self, uow: UnitOfWork, c: Customer
                 ) -> tuple[dict[str, Any], tuple[tuple[str, int], ...]]:
        ids = merged_ids(uow, c.id)
        customer = {k: _jsonable(v) for k, v in _row(c).items() if k not in _INTERNAL}
        customer["id_number"] = (self._db.cipher.decrypt(c.id_number_enc)
                                 if c.id_number_enc is not None else "")
        phones = [{"e164": p.e164, "label": p.label, "since": _jsonable(p.created_at)}
                  for p in uow.session.scalars(select(CustomerPhone).where(
                      CustomerPhone.customer_id.in_(ids), CustomerPhone.deleted.is_(False))
                      .order_by(CustomerPhone.created_at))]
        records: dict[str, list[dict[str, Any]]] = {}
        for t in _customer_tables():
            rows = uow.session.execute(select(t).where(
                t.c.customer_id.in_(ids), t.c.deleted.is_(False)).order_by(t.c.created_at)
            ).mappings().all()
            if rows:
                records[t.name] = [{k: _jsonable(v) for k, v in r.items() if k not in _INTERNAL}
                                   for r in rows]
        data = {"format": "salesdesk.customer_export/1", "exported_at": uow.now().isoformat(),
                "customer": customer, "phones": phones, "merged_ids": ids[1:],
                "records": records}
        sections = (("电话号码", len(phones)),
                    *((_TABLE_LABELS.get(k, k), len(v)) for k, v in sorted(records.items())))
        return data, sections

    # --- erasure ---------------------------------------------------------------------------

    def erase(self, actor: Actor, customer_id: str, reason: str) -> ErasureResult:
        """Erases the customer's personal data here, and through sync at head office and on
        every device; the customer stays as a pseudonym so the ledger, audits and figures stay
        whole. Refused while a subscription or signing is open: processing is restricted
        instead (no messages, hidden from search) and the result says why. Either way the
        audit log records who, when and why."""
        _may_erase(actor)
        reason = reason.strip()
        if not reason:
            raise ValidationError("请填写删除原因", en="Give the reason for the erasure",
                                  field="reason")
        with self._db.uow(actor) as uow:
            c = uow.session.get(Customer, customer_id)
            if c is None or c.deleted:
                raise NotFound("没有这个客户", en="No such customer")
            if c.erased_at is not None:
                raise Conflict("该客户的个人信息已删除", en="This customer was already erased")
            ids = merged_ids(uow, customer_id)
            why = open_business(uow, ids)
            if why:
                c.restricted_at = c.restricted_at or uow.now()
                c.restriction_reason = why
                audit.record(uow, "customer.restrict", "customer", customer_id,
                             f"erasure refused: {why}; request: {reason}")
                uow.commit()
                return ErasureResult(customer_id, False, True, "", why, 0)
            names = self._erase_rows(uow, ids)
            audit.record(uow, "customer.erase", "customer", customer_id, reason)
            uow.commit()
        scrubbed = seal(self._db.write_engine, self._db.path.parent, names)
        log.info("customer %s erased; %d backup(s) scrubbed", customer_id, len(scrubbed))
        return ErasureResult(customer_id, True, False, names[customer_id], "", len(scrubbed))

    def _erase_rows(self, uow: UnitOfWork, ids: list[str]) -> dict[str, str]:
        now = uow.now()
        names: dict[str, str] = {}
        for cid in ids:
            c = uow.session.get(Customer, cid)
            if c is None:
                continue
            names[cid] = pseudonym(cid)
            c.name, c.salutation, c.id_number_enc, c.notes = names[cid], "", None, ""
            c.erased_at = now
        models = _models_by_table()
        for table, blank in PERSONAL_FIELDS.items():
            model = models.get(table)
            if model is None:
                continue
            for row in uow.session.scalars(select(model).where(model.customer_id.in_(ids))):
                for column, value in blank.items():
                    setattr(row, column, value)
                if table == "customer_phone":
                    row.deleted = True
        uow.flush()
        scrub_local_copies(uow.session, names)
        return names

    # --- consent ---------------------------------------------------------------------------

    def record_consent(self, actor: Actor, customer_id: str,
                       version: str = CONSENT_TEXT_VERSION) -> None:
        """The customer agreed (again) to the wording ``version``: time and version are kept."""
        actor.require(Permission.RECEIVE_CUSTOMER)
        with self._db.uow(actor) as uow:
            c = self._live(uow, customer_id)
            c.consent_at, c.consent_version, c.consent_withdrawn_at = uow.now(), version, None
            audit.record(uow, "customer.consent", "customer", customer_id, version)
            uow.commit()

    def withdraw_consent(self, actor: Actor, customer_id: str) -> None:
        """The customer withdrew consent: no message goes to them from now on (queued ones
        are refused at sending, new ones are not queued)."""
        actor.require(Permission.RECEIVE_CUSTOMER)
        with self._db.uow(actor) as uow:
            c = self._live(uow, customer_id)
            c.consent_withdrawn_at = uow.now()
            audit.record(uow, "customer.consent_withdrawn", "customer", customer_id,
                         c.consent_version)
            uow.commit()

    @staticmethod
    def _live(uow: UnitOfWork, customer_id: str) -> Customer:
        c = uow.session.get(Customer, customer_id)
        if c is None or c.deleted or c.erased_at is not None:
            raise NotFound("没有这个客户", en="No such customer")
        return c

    # --- retention -------------------------------------------------------------------------

    def retention_months(self) -> int:
        raw = get_local_meta(self._db, RETENTION_KEY)
        return int(raw) if raw and raw.isdigit() else DEFAULT_RETENTION_MONTHS

    def set_retention_months(self, actor: Actor, months: int) -> None:
        actor.require(Permission.MANAGE_SETTINGS)
        if not 6 <= months <= 120:
            raise ValidationError("保留期应在 6 到 120 个月之间",
                                  en="The retention period must be 6 to 120 months",
                                  field="months")
        set_local_meta(self._db, RETENTION_KEY, str(months))

    def retention_candidates(self, actor: Actor) -> list[RetentionCandidate]:
        """Prospects with no subscription and no visit for the retention period: the list a
        supervisor sees. Seeing it is recorded; the daily job anonymises only customers that
        were on a list a supervisor saw and are still idle."""
        actor.require(Permission.VIEW_AUDIT)
        with self._db.uow(actor) as uow:
            found = self._idle(uow)
            audit.record(uow, "retention.list_seen", "customer", "", f"customers={len(found)}")
            uow.commit()
        set_local_meta(self._db, RETENTION_SEEN_KEY, json.dumps(
            sorted(c.customer_id for c in found)))
        return found

    def run_retention(self, actor: Actor) -> int:
        """The daily job: anonymise the idle prospects a supervisor saw listed (still idle
        today). Returns how many were anonymised."""
        actor.require(Permission.VIEW_AUDIT)
        seen = set(json.loads(get_local_meta(self._db, RETENTION_SEEN_KEY) or "[]"))
        names: dict[str, str] = {}
        with self._db.uow(actor) as uow:
            for cand in self._idle(uow):
                if cand.customer_id not in seen:
                    continue
                names.update(self._erase_rows(uow, merged_ids(uow, cand.customer_id)))
                audit.record(uow, "customer.erase", "customer", cand.customer_id,
                             f"retention: idle {self.retention_months()} months")
            uow.commit()
        if names:
            seal(self._db.write_engine, self._db.path.parent, names)
            set_local_meta(self._db, RETENTION_SEEN_KEY, json.dumps(sorted(seen - set(names))))
        return len([n for n in names if n in seen])

    def _idle(self, uow: UnitOfWork) -> list[RetentionCandidate]:
        cutoff_day = months_before(local_day(uow.now()), self.retention_months())
        cutoff = day_bounds(cutoff_day)[0]
        last_visit = (select(Visit.customer_id, func.max(Visit.checked_in_at).label("at"))
                      .where(Visit.deleted.is_(False)).group_by(Visit.customer_id).subquery())
        subscribed = select(Subscription.customer_id).where(Subscription.deleted.is_(False))
        rows = uow.session.execute(
            select(Customer, last_visit.c.at).outerjoin(
                last_visit, last_visit.c.customer_id == Customer.id).where(
                Customer.deleted.is_(False), Customer.erased_at.is_(None),
                Customer.created_at < cutoff, Customer.id.not_in(subscribed))).all()
        out = []
        for c, at in rows:
            seen = at or c.created_at
            if seen < cutoff:
                out.append(RetentionCandidate(c.id, c.salutation or pseudonym(c.id),
                                              local_day(seen)))
        return sorted(out, key=lambda r: (r.last_seen, r.customer_id))


def _row(obj: object) -> dict[str, Any]:
    return {a.columns[0].name: getattr(obj, a.key) for a in inspect(type(obj)).column_attrs}


def _consent_text(c: Customer) -> str:
    parts = []
    if c.consent_at is not None:
        parts.append(f"{local(c.consent_at):%Y-%m-%d %H:%M} 同意（文本版本 {c.consent_version}）")
    if c.consent_withdrawn_at is not None:
        parts.append(f"{local(c.consent_withdrawn_at):%Y-%m-%d %H:%M} 撤回")
    return "；".join(parts)


def _status_text(c: Customer) -> str:
    if c.erased_at is not None:
        return "个人信息已删除"
    if c.restricted_at is not None:
        return f"限制处理：{c.restriction_reason}"
    return ""


_TABLE_LABELS = {
    "visit": "来访", "appointment": "预约", "subscription": "认购", "disclosure_record": "告知记录",
    "follow_up_call": "回访电话", "follow_up_task": "回访任务", "reminder_message": "短信",
    "care_profile": "客户关怀资料", "score_card": "满意度评分", "complaint": "投诉",
    "material_checklist": "签约材料清单", "buyer_profile": "购房人情况", "escalation_task": "升级处理",
    "attribution_change": "归属变更",
}
