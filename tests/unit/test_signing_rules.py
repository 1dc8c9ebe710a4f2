"""Buyer-profile validation and rule-pack evaluation (pure domain, no Qt, no database)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.buyer_profile import (
    AgeBand,
    BuyerProfile,
    CoOwner,
    Household,
    Marital,
    Payment,
    Region,
    SigningMode,
    all_profiles,
    profile_from_dict,
    validate,
)
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.rule_pack import (
    CANONICAL_FLOW,
    Stage,
    evaluate,
    matches,
    parse_pack,
    select_pack,
    unreachable_materials,
)

DEFAULT = Path(__file__).resolve().parents[2] / "resources/defaults/rule_packs/default.json"


def raw_pack() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEFAULT.read_text(encoding="utf-8"))
    return data


PACK = parse_pack(raw_pack())


def names(profile: BuyerProfile) -> set[str]:
    return {m.name for m in evaluate(PACK, profile).materials}


# ---- profile validation --------------------------------------------------------------------

def test_single_buyer_cannot_have_spouse_co_owner() -> None:
    with pytest.raises(ValidationError) as e:
        validate(BuyerProfile(Household.LOCAL, Marital.SINGLE, Region.MAINLAND, Payment.FULL,
                              co_owners=frozenset({CoOwner.SPOUSE})))
    assert e.value.field == "co_owners"
    assert "配偶" in e.value.message and "未婚" in e.value.message


@pytest.mark.parametrize("marital", [Marital.DIVORCED, Marital.WIDOWED])
def test_divorced_or_widowed_cannot_have_spouse_co_owner(marital: Marital) -> None:
    with pytest.raises(ValidationError):
        validate(BuyerProfile(Household.LOCAL, marital, Region.MAINLAND, Payment.FULL,
                              co_owners=frozenset({CoOwner.SPOUSE})))


@pytest.mark.parametrize("region", [r for r in Region if r is not Region.MAINLAND])
def test_only_mainland_residents_have_a_local_household(region: Region) -> None:
    with pytest.raises(ValidationError) as e:
        validate(BuyerProfile(Household.LOCAL, Marital.SINGLE, region, Payment.FULL))
    assert e.value.field == "household"


@pytest.mark.parametrize("homes", [-1, 21])
def test_homes_owned_out_of_range(homes: int) -> None:
    with pytest.raises(ValidationError) as e:
        validate(BuyerProfile(Household.LOCAL, Marital.SINGLE, Region.MAINLAND, Payment.FULL,
                              homes_owned=homes))
    assert e.value.field == "homes_owned"


def test_profile_from_dict_round_trip_and_errors() -> None:
    p = BuyerProfile(Household.NON_LOCAL, Marital.MARRIED, Region.HONG_KONG, Payment.COMBINED,
                     SigningMode.PROXY, AgeBand.OVER_60, 2,
                     frozenset({CoOwner.SPOUSE, CoOwner.MINOR_CHILD}))
    assert profile_from_dict(p.to_dict()) == p
    bad = p.to_dict() | {"payment": "bitcoin"}
    with pytest.raises(ValidationError) as e:
        profile_from_dict(bad)
    assert e.value.field == "payment"
    missing = p.to_dict()
    del missing["marital"]
    with pytest.raises(ValidationError) as e:
        profile_from_dict(missing)
    assert e.value.field == "marital"
    with pytest.raises(ValidationError):
        profile_from_dict(p.to_dict() | {"homes_owned": "two"})


# ---- evaluation: the PRODUCT.md table ------------------------------------------------------

def test_married_hong_kong_resident_with_combined_loan() -> None:
    p = BuyerProfile(Household.NON_LOCAL, Marital.MARRIED, Region.HONG_KONG, Payment.COMBINED,
                     co_owners=frozenset({CoOwner.SPOUSE}))
    got = names(p)
    assert {"港澳居民来往内地通行证（回乡证）", "在内地工作、学习或居住证明", "在内地无其他住房声明",
            "购房人结婚证", "配偶身份证件及户口簿", "购房人收入证明", "近 6 个月银行流水", "个人征信报告",
            "公积金缴存证明", "首付款收据"} <= got
    assert "购房人身份证" not in got and "购房人户口簿" not in got  # no mainland ID or hukou
    assert "本市社保或个税缴纳证明" not in got


def test_single_non_local_buyer_paying_in_full() -> None:
    p = BuyerProfile(Household.NON_LOCAL, Marital.SINGLE, Region.MAINLAND, Payment.FULL)
    assert names(p) == {"购房人身份证", "家庭住房情况申报表 / 购房承诺书", "本市社保或个税缴纳证明",
                        "认购书及定金收据", "购房人户口簿", "未婚声明", "全额房款付款凭证"}
    ev = evaluate(PACK, p)
    assert "mortgage_contract" not in {f.code for f in ev.flow}
    assert ev.warnings == ()


def test_widowed_elderly_with_minor_co_owner_by_proxy() -> None:
    p = BuyerProfile(Household.LOCAL, Marital.WIDOWED, Region.MAINLAND, Payment.COMMERCIAL_LOAN,
                     SigningMode.PROXY, AgeBand.OVER_60, 0, frozenset({CoOwner.MINOR_CHILD}))
    got = names(p)
    assert {"配偶死亡证明", "未成年子女出生医学证明", "未成年人父母身份证件及婚姻证明", "经公证的授权委托书",
            "受托人身份证", "共同还款人身份证件及收入证明"} <= got
    assert "购房人结婚证" not in got and "未婚声明" not in got
    assert [w.code for w in evaluate(PACK, p).warnings] == ["elderly_loan_term"]


def test_restriction_warnings_are_worded_as_a_pre_check() -> None:
    p = BuyerProfile(Household.NON_LOCAL, Marital.MARRIED, Region.MAINLAND,
                     Payment.COMMERCIAL_LOAN, homes_owned=1)
    warnings = evaluate(PACK, p).warnings
    assert {w.code for w in warnings} == {"non_local_second_home", "second_home_loan"}
    assert all(w.warning.startswith("预检提示") for w in warnings)


def test_materials_are_ordered_by_stage() -> None:
    p = BuyerProfile(Household.LOCAL, Marital.MARRIED, Region.MAINLAND, Payment.COMBINED)
    stages = [m.stage for m in evaluate(PACK, p).materials]
    assert stages == sorted(stages, key=list(Stage).index)
    assert [s for s, _ in evaluate(PACK, p).by_stage()] == list(Stage)


def test_flow_keeps_the_seed_order_for_a_loan() -> None:
    p = BuyerProfile(Household.LOCAL, Marital.MARRIED, Region.MAINLAND, Payment.COMMERCIAL_LOAN)
    codes = [f.code for f in evaluate(PACK, p).flow]
    assert [c for c in codes if c in CANONICAL_FLOW] == list(CANONICAL_FLOW)


# ---- hypothesis properties -----------------------------------------------------------------

profiles = st.builds(
    BuyerProfile,
    household=st.sampled_from(Household), marital=st.sampled_from(Marital),
    region=st.sampled_from(Region), payment=st.sampled_from(Payment),
    signing=st.sampled_from(SigningMode), age_band=st.sampled_from(AgeBand),
    homes_owned=st.integers(0, 20), co_owners=st.frozensets(st.sampled_from(CoOwner)),
).filter(lambda p: _valid(p))


def _valid(p: BuyerProfile) -> bool:
    try:
        validate(p)
    except ValidationError:
        return False
    return True


@given(profiles)
@settings(max_examples=300)
def test_every_profile_gets_a_non_empty_list_without_duplicates(p: BuyerProfile) -> None:
    ms = evaluate(PACK, p).materials
    assert ms
    assert len({m.code for m in ms}) == len(ms)
    assert len({m.name for m in ms}) == len(ms)


@given(profiles)
@settings(max_examples=200)
def test_evaluation_is_pure(p: BuyerProfile) -> None:
    assert evaluate(PACK, p) == evaluate(PACK, p)


@given(profiles)
@settings(max_examples=200)
def test_loans_and_only_loans_get_mortgage_materials(p: BuyerProfile) -> None:
    mortgage = [m for m in evaluate(PACK, p).materials if m.stage is Stage.MORTGAGE]
    assert bool(mortgage) == p.uses_loan


def test_every_material_in_the_default_pack_is_reachable() -> None:
    assert unreachable_materials(PACK) == []
    reached = set()
    for p in all_profiles():
        reached |= {m.code for m in evaluate(PACK, p).materials}
    assert reached == {m.code for m in PACK.materials}


def test_a_dead_rule_is_found() -> None:
    data = raw_pack()
    data["materials"].append({"code": "never", "name": "不可能", "stage": "signing",
                              "when": {"marital": "single", "co_owners": "spouse"}})
    assert unreachable_materials(parse_pack(data)) == ["never"]


# ---- parsing -------------------------------------------------------------------------------

@pytest.mark.parametrize("mutate, word", [
    (lambda d: d["materials"][0].update(when={"colour": "red"}), "colour"),
    (lambda d: d["materials"][0].update(when={"region": "mars"}), "mars"),
    (lambda d: d["materials"][0].update(stage="later"), "stage"),
    (lambda d: d["materials"].append(dict(d["materials"][0])), "id_card"),
    (lambda d: [m.update(when={"region": "mainland"}) for m in d["materials"]], "when"),
    (lambda d: d["flow"].reverse(), "flow"),
    (lambda d: d.update(format="other/1"), "format"),
])
def test_bad_packs_are_refused(mutate: Any, word: str) -> None:
    data = copy.deepcopy(raw_pack())
    mutate(data)
    with pytest.raises(ValidationError) as e:
        parse_pack(data)
    assert word in e.value.en


def test_condition_operators() -> None:
    p = BuyerProfile(Household.LOCAL, Marital.MARRIED, Region.MAINLAND, Payment.FULL,
                     homes_owned=2, co_owners=frozenset({CoOwner.MINOR_CHILD}))
    assert matches({}, p)
    assert matches({"any": [{"marital": "single"}, {"homes_owned": {"min": 2, "max": 2}}]}, p)
    assert not matches({"all": [{"marital": "married"}, {"not": {"payment": "full"}}]}, p)
    assert matches({"co_owners": ["spouse", "minor_child"]}, p)
    assert not matches({"co_owners": "spouse"}, p)
    assert matches({"homes_owned": 2, "household": ["local", "non_local"]}, p)


def test_select_pack_prefers_project_then_city_then_default() -> None:
    base = raw_pack()
    city = parse_pack(base | {"pack_id": "hz", "city": "杭州", "version": "1"})
    project = parse_pack(base | {"pack_id": "hz-x", "city": "杭州", "project": "XX",
                                 "version": "1"})
    packs = [PACK, city, project]
    assert select_pack(packs, "杭州", "XX") is project
    assert select_pack(packs, "杭州", "YY") is city
    assert select_pack(packs, "上海", "XX") is PACK
    assert select_pack([city], "上海", "XX") is None


def test_no_material_name_hides_inside_another_text() -> None:
    """Names are distinct words on a printed list: none is part of another name or a note,
    so a customer (and a text search of the PDF) can never confuse two items."""
    texts = [m.name for m in PACK.materials] + [m.note for m in PACK.materials]
    for m in PACK.materials:
        inside = [t for t in texts if m.name in t and t != m.name]
        assert not inside, (m.name, inside)
