"""The customer's copy of their data (issue 15 §1, PIPL): everything held about them as
readable JSON, with a short PDF summary beside it; the export is logged."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesdesk.domain.errors import NotFound, ValidationError
from salesdesk.domain.id_number import mask_id_number
from salesdesk.domain.local_time import local
from salesdesk.domain.phone import mask_phone, normalise_phone
from salesdesk.domain.roles import Actor, Permission, Role
from salesdesk.pdf import customer_export
from salesdesk.services import audit
from salesdesk.services.customers.results import ExportResult
from salesdesk.store.database import Database
from salesdesk.store.queries import customers as q
from salesdesk.store.queries.common import staff_row
from salesdesk.store.queries.project import sales_centre_row
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.customer import Customer

# Columns of the export that say nothing to the customer (sync bookkeeping).
_INTERNAL = frozenset({"sales_centre_id", "server_seq", "row_version", "created_by_device",
                       "updated_by_device", "id_number_enc"})

_TABLE_LABELS = {
    "visit": "来访", "appointment": "预约", "subscription": "认购", "disclosure_record": "告知记录",
    "follow_up_call": "回访电话", "follow_up_task": "回访任务", "reminder_message": "短信",
    "care_profile": "客户关怀资料", "score_card": "满意度评分", "complaint": "投诉",
    "material_checklist": "签约材料清单", "buyer_profile": "购房人情况", "escalation_task": "升级处理",
    "attribution_change": "归属变更",
}


def may_export(actor: Actor) -> None:
    if not (actor.can(Permission.RECORD_SUBSCRIPTION) or actor.role is Role.ADMIN):
        actor.require(Permission.RECORD_SUBSCRIPTION)


def customer_id_for_phone(db: Database, actor: Actor, phone: str) -> str:
    """The customer holding ``phone``, restricted ones included (search hides them, but
    the customer asking about their own data must be found)."""
    may_export(actor)
    e164 = normalise_phone(phone)
    with db.reader(actor) as uow:
        cid = q.find_customer_id_by_phone(uow, e164)
    if cid is None:
        raise NotFound("没有使用该号码的客户", en="No customer has that number", field="phone")
    return cid


def export(db: Database, actor: Actor, customer_id: str, out: Path) -> ExportResult:
    """Writes everything held about the customer to ``out`` (JSON, readable) and a short
    PDF summary beside it (same name, .pdf); the export is logged (who, what, how many).
    Nothing is written when the customer does not exist."""
    may_export(actor)
    if out.suffix.lower() != ".json":
        raise ValidationError("导出文件应以 .json 结尾", en="The export file must end in .json",
                              field="out")
    if not out.parent.is_dir():
        raise ValidationError(f"文件夹不存在：{out.parent}",
                              en=f"No such folder: {out.parent}", field="out")
    with db.uow(actor) as uow:
        c = q.customer_row(uow, customer_id)
        if c is None or c.deleted:
            raise NotFound("没有这个客户", en="No such customer")
        data, sections = _collect(db, uow, c)
        staff = staff_row(uow, actor.staff_id)
        centre = sales_centre_row(uow, c.sales_centre_id)
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


def _collect(db: Database, uow: UnitOfWork, c: Customer
             ) -> tuple[dict[str, Any], tuple[tuple[str, int], ...]]:
    ids = q.merged_ids(uow, c.id)
    customer = {k: _jsonable(v) for k, v in q.column_values(c).items() if k not in _INTERNAL}
    customer["id_number"] = (db.cipher.decrypt(c.id_number_enc)
                             if c.id_number_enc is not None else "")
    phones = [{"e164": q.phone_number(uow, p), "label": p.label, "since": _jsonable(p.created_at)}
              for p in q.live_phones(uow, ids)]
    records = {table: [{k: _jsonable(v) for k, v in r.items() if k not in _INTERNAL}
                       for r in rows]
               for table, rows in q.records_of_customers(uow, ids).items()}
    data = {"format": "salesdesk.customer_export/1", "exported_at": uow.now().isoformat(),
            "customer": customer, "phones": phones, "merged_ids": ids[1:],
            "records": records}
    sections = (("电话号码", len(phones)),
                *((_TABLE_LABELS.get(k, k), len(v)) for k, v in sorted(records.items())))
    return data, sections


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


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
