"""One unit, one sale (PRODUCT.md rule 13): may this unit take a deposit, may this customer book
a signing slot or get a signing checklist for it.

Pure: the services gather the facts (configured status, presale scope, active subscriptions)
and every call site asks these two functions, so the deposit desk, the signing centre and the
conflict inbox cannot disagree about what is for sale."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from salesdesk.domain.project import UNIT_STATUS_ZH, UnitStatus

# What head office's project file may say about a unit, and whether that still lets a customer
# who already holds the unit's subscription sign for it. "subscribed" in the file means head
# office recorded the deposit itself: no new deposit, but its holder may sign.
_SUBSCRIBE_OK = frozenset({UnitStatus.AVAILABLE})
_SIGN_OK = frozenset({UnitStatus.AVAILABLE, UnitStatus.SUBSCRIBED})


class SaleBlock(StrEnum):
    OUTSIDE_PERMIT = "outside_permit"
    NOT_FOR_SALE = "not_for_sale"  # signed, withheld or reserved by the developer
    TAKEN = "taken"  # another active subscription holds the unit
    NO_SUBSCRIPTION = "no_subscription"  # signing: this customer holds no subscription on it


@dataclass(frozen=True)
class UnitSaleFacts:
    """What a device knows about one unit right now."""

    unit_number: str
    configured_status: str  # the project file's status (UnitStatus value; unknown = not for sale)
    in_presale_scope: bool  # inside some presale permit's building scope
    # Customers holding an active subscription on this unit (normally at most one).
    active_holders: tuple[str, ...] = ()


@dataclass(frozen=True)
class SaleVerdict:
    block: SaleBlock | None
    message: str = ""
    message_en: str = ""

    @property
    def ok(self) -> bool:
        return self.block is None


_OK = SaleVerdict(None)


def _status(facts: UnitSaleFacts) -> UnitStatus | None:
    try:
        return UnitStatus(facts.configured_status)
    except ValueError:
        return None


def _status_label(facts: UnitSaleFacts) -> str:
    status = _status(facts)
    return UNIT_STATUS_ZH[status] if status is not None else facts.configured_status


def _outside(facts: UnitSaleFacts) -> SaleVerdict:
    return SaleVerdict(SaleBlock.OUTSIDE_PERMIT,
                       f"{facts.unit_number} 不在任何商品房预售许可证范围内，不可销售",
                       f"{facts.unit_number} is outside every presale permit: not for sale")


def _not_for_sale(facts: UnitSaleFacts, what_zh: str, what_en: str) -> SaleVerdict:
    return SaleVerdict(SaleBlock.NOT_FOR_SALE,
                       f"{facts.unit_number} 状态为“{_status_label(facts)}”，{what_zh}",
                       f"{facts.unit_number} is {facts.configured_status or 'unknown'}: "
                       f"{what_en}")


def can_subscribe(facts: UnitSaleFacts, *, ignore_holder: str | None = None) -> SaleVerdict:
    """May a new deposit (认购) be taken on this unit? ``ignore_holder`` leaves one customer's
    subscription out (none today; kept for callers re-checking a row they are moving)."""
    if not facts.in_presale_scope:
        return _outside(facts)
    if _status(facts) not in _SUBSCRIBE_OK:
        return _not_for_sale(facts, "不可认购", "no deposit may be taken")
    holders = [h for h in facts.active_holders if h != ignore_holder]
    if holders:
        return SaleVerdict(SaleBlock.TAKEN,
                           f"{facts.unit_number} 已有有效认购，不能重复认购",
                           f"{facts.unit_number} already has an active subscription")
    return _OK


def can_sign(facts: UnitSaleFacts, customer_id: str) -> SaleVerdict:
    """May this customer book a signing slot, or get a signing checklist, for this unit? Only
    inside a presale permit, on a unit the developer has not signed, withheld or reserved, and
    only while this customer holds its active subscription."""
    if not facts.in_presale_scope:
        return _outside(facts)
    if _status(facts) not in _SIGN_OK:
        return _not_for_sale(facts, "不可签约", "it cannot be signed for")
    if customer_id not in facts.active_holders:
        return SaleVerdict(SaleBlock.NO_SUBSCRIPTION,
                           f"该客户在 {facts.unit_number} 没有有效认购，不能预约签约或生成签约资料",
                           f"This customer holds no active subscription on "
                           f"{facts.unit_number}: no signing for it")
    return _OK
