"""The checklist a consultant goes through with a customer for a unit: built from the project's
current document versions, and the courtesy message that repeats it after the visit."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from salesdesk.domain.disclosure import (
    CertificateDoc,
    Checklist,
    ChecklistItem,
    DocumentRef,
    FactorDoc,
    ItemKind,
    build_checklist,
)
from salesdesk.domain.errors import NotFound
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.domain.phone import mask_phone
from salesdesk.domain.project import FACTOR_SIDE_ZH
from salesdesk.services.disclosure.results import CustomerOwner, CustomerRef
from salesdesk.services.project import ProjectService
from salesdesk.store.queries import common
from salesdesk.store.queries import disclosure as queries
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.project import Unit


def local_text(at: datetime) -> str:
    return at.astimezone(PROJECT_TZ).strftime("%Y-%m-%d %H:%M")


def customer_ref(uow: UnitOfWork, customer_id: str) -> CustomerRef:
    c = queries.customer(uow, customer_id)
    if c is None or c.deleted:
        raise NotFound("没有这个客户", en="No such customer", field="customer")
    phone = queries.first_phone(uow, c.id)
    return CustomerRef(c.id, c.name, c.salutation, mask_phone(phone) if phone else "")


def customer_owner(uow: UnitOfWork, customer_id: str,
                   names: dict[str, str] | None = None) -> CustomerOwner:
    """The customer's owner by name; ``names`` (id -> name) when the caller has them already."""
    c = queries.customer(uow, customer_id)
    if c is None or c.deleted:
        raise NotFound("没有这个客户", en="No such customer", field="customer")
    staff_id = c.owner_staff_id or ""
    if not staff_id:
        return CustomerOwner(customer_id, "", "")
    known = names if names is not None else common.staff_names(uow, [staff_id])
    return CustomerOwner(customer_id, staff_id, known.get(staff_id, ""))


def get_unit(uow: UnitOfWork, unit_id: str) -> Unit:
    u = queries.unit(uow, unit_id)
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
    sunshine = ProjectService.load_text(uow, "sunshine", pid)
    contract = ProjectService.load_text(uow, "contract", pid)
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


def courtesy_text(c: CustomerRef, project_name: str, unit_number: str, contact: str,
                  cl: Checklist) -> str:
    """The courtesy message after a visit (seed strategy 2, step 3): what was on the checklist,
    in the customer's words."""
    who = c.salutation or (c.name[:1] + "先生/女士" if c.name else "您")
    by_kind: dict[ItemKind, list[ChecklistItem]] = {}
    for i in cl.items:
        by_kind.setdefault(i.kind, []).append(i)
    lines = [f"{who}您好，感谢您今天莅临{project_name}。温馨提醒您留意售楼处公示的以下内容："]
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
        lines.append(f"{n}. 与您关注的 {unit_number} 房相关的红线内外不利因素：")
        for k, f in enumerate(factors, 1):
            where = f.detail.split("：", 1)[0]
            lines.append(f"   ({k}) {f.title}（{where}）")
    if not cl.sellable:
        lines.append(f"特别提示：{unit_number} 不在任何商品房预售许可证范围内，暂不销售。")
    lines.append(f"如有任何疑问，欢迎随时联系您的置业顾问{contact}。祝您生活愉快！")
    return "\n".join(lines)
