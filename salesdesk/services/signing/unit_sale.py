"""The facts behind "one unit, one sale" (rule 13) as this device knows them, and the checks
the deposit desk, the signing centre and the signing checklist share (domain/unit_sale.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from salesdesk.domain.errors import Conflict, NotFound
from salesdesk.domain.project import presale_covers
from salesdesk.domain.unit_sale import SaleVerdict, UnitSaleFacts, can_sign, can_subscribe
from salesdesk.store.queries import signing as q
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.project import Unit

ACTIVE = q.ACTIVE
CONFLICT = "conflict"  # kept by head office: another device's subscription reached it first
CANCELLED = "cancelled"


def get_unit(uow: UnitOfWork, unit_id: str) -> Unit:
    u = q.unit_row(uow, unit_id)
    if u is None or u.deleted:
        raise NotFound("没有这个房号", en="No such unit", field="unit")
    return u


def sale_facts(uow: UnitOfWork, unit: Unit, *, exclude_subscription: str = "") -> UnitSaleFacts:
    return UnitSaleFacts(
        unit.number, unit.status,
        presale_covers(unit.building_id, q.presale_scopes(uow, unit.project_id)),
        q.active_holders(uow, unit.id, exclude=exclude_subscription))


def _refuse(verdict: SaleVerdict) -> None:
    if not verdict.ok:
        raise Conflict(verdict.message, en=verdict.message_en, field="unit")


def require_subscribable(uow: UnitOfWork, unit_id: str, *,
                         exclude_subscription: str = "") -> Unit:
    """The unit, if a deposit may be taken on it now; Conflict naming unit and reason if not."""
    unit = get_unit(uow, unit_id)
    _refuse(can_subscribe(sale_facts(uow, unit, exclude_subscription=exclude_subscription)))
    return unit


def require_signable(uow: UnitOfWork, customer_id: str, unit_id: str) -> Unit:
    """The unit, if this customer may book its signing or get its signing checklist."""
    unit = get_unit(uow, unit_id)
    _refuse(can_sign(sale_facts(uow, unit), customer_id))
    return unit
