"""The buyer profile: the one-minute interview a consultant fills in with the customer.

Every answer is a small closed choice, so rule packs can put conditions on it and the
interview can be exhaustively enumerated (see ``all_profiles``). ``validate`` refuses answers
that cannot all be true at once, with a message the consultant can read out."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from salesdesk.domain.errors import ValidationError


class Household(StrEnum):
    LOCAL = "local"  # 本市户籍
    NON_LOCAL = "non_local"  # 非本市户籍


class Marital(StrEnum):
    MARRIED = "married"
    SINGLE = "single"
    DIVORCED = "divorced"
    WIDOWED = "widowed"


class Region(StrEnum):
    MAINLAND = "mainland"
    HONG_KONG = "hong_kong"
    MACAU = "macau"
    TAIWAN = "taiwan"
    FOREIGN = "foreign"


class CoOwner(StrEnum):
    SPOUSE = "spouse"
    MINOR_CHILD = "minor_child"


class Payment(StrEnum):
    FULL = "full"  # 全款
    COMMERCIAL_LOAN = "commercial_loan"  # 商贷
    HOUSING_FUND = "housing_fund"  # 公积金贷款
    COMBINED = "combined"  # 组合贷


class SigningMode(StrEnum):
    IN_PERSON = "in_person"
    PROXY = "proxy"  # 委托代理人签约


class AgeBand(StrEnum):
    """Bands, not a birth date: the interview collects only what the rules need (PIPL).
    60 is the edge banks care about (age + loan term is usually capped at 70)."""

    UNDER_35 = "18_35"
    FROM_36_TO_50 = "36_50"
    FROM_51_TO_60 = "51_60"
    OVER_60 = "over_60"


HOUSEHOLD_ZH = {Household.LOCAL: "本市户籍", Household.NON_LOCAL: "非本市户籍"}
MARITAL_ZH = {Marital.MARRIED: "已婚", Marital.SINGLE: "未婚", Marital.DIVORCED: "离异",
              Marital.WIDOWED: "丧偶"}
REGION_ZH = {Region.MAINLAND: "内地居民", Region.HONG_KONG: "香港居民", Region.MACAU: "澳门居民",
             Region.TAIWAN: "台湾居民", Region.FOREIGN: "外籍人士"}
CO_OWNER_ZH = {CoOwner.SPOUSE: "配偶", CoOwner.MINOR_CHILD: "未成年子女"}
PAYMENT_ZH = {Payment.FULL: "全款", Payment.COMMERCIAL_LOAN: "商业贷款",
              Payment.HOUSING_FUND: "公积金贷款", Payment.COMBINED: "组合贷款"}
SIGNING_MODE_ZH = {SigningMode.IN_PERSON: "本人签约", SigningMode.PROXY: "委托代理人签约"}
AGE_BAND_ZH = {AgeBand.UNDER_35: "18–35 岁", AgeBand.FROM_36_TO_50: "36–50 岁",
               AgeBand.FROM_51_TO_60: "51–60 岁", AgeBand.OVER_60: "60 岁以上"}

MAX_HOMES = 20  # more than this is a typing slip, not a customer

# Field name -> the enum its value comes from (co_owners is a set of CoOwner, homes_owned an int).
ENUM_FIELDS: dict[str, type[StrEnum]] = {
    "household": Household,
    "marital": Marital,
    "region": Region,
    "payment": Payment,
    "signing": SigningMode,
    "age_band": AgeBand,
}
SET_FIELDS: dict[str, type[StrEnum]] = {"co_owners": CoOwner}
INT_FIELDS = ("homes_owned",)
FIELDS = (*ENUM_FIELDS, *SET_FIELDS, *INT_FIELDS)


@dataclass(frozen=True)
class BuyerProfile:
    household: Household
    marital: Marital
    region: Region
    payment: Payment
    signing: SigningMode = SigningMode.IN_PERSON
    age_band: AgeBand = AgeBand.FROM_36_TO_50
    homes_owned: int = 0  # homes the family already owns in this city
    co_owners: frozenset[CoOwner] = field(default_factory=frozenset)

    @property
    def uses_loan(self) -> bool:
        return self.payment is not Payment.FULL

    def value(self, name: str) -> Any:
        return getattr(self, name)

    def summary_zh(self) -> str:
        parts = [REGION_ZH[self.region], HOUSEHOLD_ZH[self.household], MARITAL_ZH[self.marital],
                 AGE_BAND_ZH[self.age_band], PAYMENT_ZH[self.payment],
                 SIGNING_MODE_ZH[self.signing], f"本市已有住房 {self.homes_owned} 套"]
        if self.co_owners:
            owners = "、".join(CO_OWNER_ZH[c] for c in CoOwner if c in self.co_owners)
            parts.append(f"共有人：{owners}")
        return "；".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "household": self.household.value, "marital": self.marital.value,
            "region": self.region.value, "payment": self.payment.value,
            "signing": self.signing.value, "age_band": self.age_band.value,
            "homes_owned": self.homes_owned,
            "co_owners": sorted(c.value for c in self.co_owners),
        }


def _choice(enum: type[StrEnum], name: str, raw: Any) -> Any:
    try:
        return enum(raw)
    except ValueError:
        raise ValidationError(f"“{name}”的选项无效：{raw!r}",
                              en=f"Not a valid choice for {name}: {raw!r}", field=name) from None


def profile_from_dict(data: dict[str, Any]) -> BuyerProfile:
    """Build and validate a profile from stored or typed-in values."""
    missing = [n for n in ENUM_FIELDS if n not in data or data[n] in (None, "")]
    if missing:
        raise ValidationError("请回答所有问题", en=f"Please answer every question ({missing[0]})",
                              field=missing[0])
    raw_homes = data.get("homes_owned", 0)
    if isinstance(raw_homes, bool) or not isinstance(raw_homes, int):
        try:
            raw_homes = int(str(raw_homes).strip())
        except ValueError:
            raise ValidationError("本市已有住房套数须为整数", en="Homes owned must be a whole number",
                                  field="homes_owned") from None
    profile = BuyerProfile(
        household=_choice(Household, "household", data["household"]),
        marital=_choice(Marital, "marital", data["marital"]),
        region=_choice(Region, "region", data["region"]),
        payment=_choice(Payment, "payment", data["payment"]),
        signing=_choice(SigningMode, "signing", data["signing"]),
        age_band=_choice(AgeBand, "age_band", data["age_band"]),
        homes_owned=raw_homes,
        co_owners=frozenset(_choice(CoOwner, "co_owners", c) for c in data.get("co_owners", ())),
    )
    validate(profile)
    return profile


def validate(p: BuyerProfile) -> BuyerProfile:
    """Refuse answers that contradict each other. Returns the profile for chaining."""
    if not 0 <= p.homes_owned <= MAX_HOMES:
        raise ValidationError(f"本市已有住房套数应在 0 到 {MAX_HOMES} 之间",
                              en=f"Homes owned must be between 0 and {MAX_HOMES}",
                              field="homes_owned")
    if CoOwner.SPOUSE in p.co_owners and p.marital is not Marital.MARRIED:
        raise ValidationError(
            f"婚姻状况为“{MARITAL_ZH[p.marital]}”，不能将配偶列为共有人",
            en=f"A {p.marital.value} buyer cannot have a spouse as co-owner", field="co_owners")
    if p.region is not Region.MAINLAND and p.household is Household.LOCAL:
        raise ValidationError(
            f"{REGION_ZH[p.region]}没有内地户籍，户籍请选择“非本市户籍”",
            en="Only mainland residents have a household registration; choose non-local",
            field="household")
    return p


def all_profiles() -> Iterator[BuyerProfile]:
    """Every valid answer combination (homes owned 0..3: more homes never changes a rule that
    3 does not already trigger in the shipped packs; packs may ask for more, see rule_pack)."""
    return profiles_with_homes(range(4))


def profiles_with_homes(homes: Any) -> Iterator[BuyerProfile]:
    owner_sets = [frozenset(s) for n in range(3) for s in itertools.combinations(CoOwner, n)]
    for hh, ms, rg, pay, sg, age, h, owners in itertools.product(
            Household, Marital, Region, Payment, SigningMode, AgeBand, homes, owner_sets):
        p = BuyerProfile(hh, ms, rg, pay, sg, age, h, owners)
        try:
            validate(p)
        except ValidationError:
            continue
        yield p
