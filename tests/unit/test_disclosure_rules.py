"""Which items apply to which unit, what the deposit gate misses, the escalation chain."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.disclosure import (
    CertificateDoc,
    CoveredItem,
    DocumentRef,
    EscalationLevel,
    FactorDoc,
    ItemKind,
    build_checklist,
    decode_coverage,
    encode_coverage,
    gate_message,
    mismatches,
    missing_for_gate,
    needs_escalation,
    next_level,
    summarise,
)
from salesdesk.domain.project import CertificateKind, FactorScope


def doc(ref: str, version: str = "1") -> DocumentRef:
    return DocumentRef(ref, version, f"文件{ref}", f"hash-{ref}-{version}")


def certs(presale_buildings: tuple[str, ...] = ("b1", "b2")) -> list[CertificateDoc]:
    out = [CertificateDoc(k, doc(k.value), ("b1", "b2", "b3")) for k in CertificateKind
           if k is not CertificateKind.PRESALE]
    out.append(CertificateDoc(CertificateKind.PRESALE, doc("presale"), presale_buildings))
    return out


FACTORS = [
    FactorDoc("F01", doc("f01"), FactorScope(False, frozenset({"b2"}), frozenset())),
    FactorDoc("F02", doc("f02"), FactorScope(False, frozenset({"b3"}), frozenset())),
    FactorDoc("F03", doc("f03"), FactorScope(True, frozenset(), frozenset())),
    FactorDoc("F06", doc("f06"), FactorScope(False, frozenset(), frozenset({"u-2-201"}))),
]


def checklist(unit: str, building: str, presale: tuple[str, ...] = ("b1", "b2")):  # type: ignore[no-untyped-def]
    return build_checklist(unit, building, doc("sun"), certs(presale), doc("contract"), FACTORS)


def test_unit_gets_sunshine_five_certificates_contract_and_its_own_factors() -> None:
    cl = checklist("u-2-201", "b2")
    codes = [i.code for i in cl.items]
    assert codes == ["sunshine", "cert:land_use", "cert:land_planning", "cert:works_planning",
                     "cert:construction", "cert:presale", "contract",
                     "factor:F01", "factor:F03", "factor:F06"]
    assert cl.sellable
    assert cl.problems == ()


def test_factor_of_another_building_or_unit_does_not_apply() -> None:
    codes = {i.code for i in checklist("u-2-202", "b2").items}
    assert "factor:F06" not in codes  # only 2-201 itself
    assert "factor:F02" not in codes  # building 3 only
    assert {"factor:F01", "factor:F03"} <= codes
    b1 = {i.code for i in checklist("u-1-101", "b1").items if i.kind is ItemKind.FACTOR}
    assert b1 == {"factor:F03"}  # project-wide only


def test_unit_outside_every_presale_permit_is_not_sellable_and_says_so() -> None:
    cl = checklist("u-3-101", "b3")
    assert not cl.sellable
    presale = next(i for i in cl.items if i.code == "cert:presale")
    assert "不可销售" in presale.detail
    assert "factor:F02" in {i.code for i in cl.items}


def test_missing_configuration_is_reported_not_hidden() -> None:
    cl = build_checklist("u", "b1", None, [], None, [])
    assert cl.items == ()
    assert any("阳光宣言" in p for p in cl.problems)
    assert sum("未公示" in p for p in cl.problems) == 5


def test_gate_lists_exactly_the_items_not_covered() -> None:
    cl = checklist("u-2-201", "b2")
    covered = [CoveredItem(i.code, i.content_hash) for i in cl.items
               if i.code not in ("factor:F06", "contract")]
    missing = missing_for_gate(cl.items, covered)
    assert [i.code for i in missing] == ["contract", "factor:F06"]
    text = gate_message(missing, no_round=False)
    assert "合同范本" in text and "文件f06" in text and "2 项" in text


def test_gate_without_any_pre_deposit_round_misses_everything() -> None:
    cl = checklist("u-2-201", "b2")
    assert missing_for_gate(cl.items, None) == list(cl.items)
    assert "尚未进行交定前告知" in gate_message(cl.items, no_round=True)


def test_gate_needs_the_current_version_of_a_document() -> None:
    cl = checklist("u-2-201", "b2")
    covered = [CoveredItem(i.code, i.content_hash) for i in cl.items]
    covered[0] = CoveredItem("sunshine", "hash-of-last-years-version")
    assert [i.code for i in missing_for_gate(cl.items, covered)] == ["sunshine"]
    full = [CoveredItem(i.code, i.content_hash) for i in cl.items]
    assert missing_for_gate(cl.items, full) == []


@given(st.lists(st.booleans(), min_size=10, max_size=10))
def test_coverage_round_trips_and_summary_counts(flags: list[bool]) -> None:
    cl = checklist("u-2-201", "b2")
    start = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
    ticks = {i.code: start + timedelta(seconds=7 * n)
             for n, (i, f) in enumerate(zip(cl.items, flags, strict=True)) if f}
    coverage = encode_coverage(cl.items, ticks, start)
    decoded = decode_coverage(coverage, len(cl.items))
    assert [d is not None for d in decoded] == flags
    s = summarise(cl.items, flags)
    assert s.n_covered == sum(flags)
    assert s.complete == all(flags)
    assert s.factors_ok == all(f for i, f in zip(cl.items, flags, strict=True)
                               if i.kind is ItemKind.FACTOR)


def test_low_scores_escalate_up_the_chain_and_stop_at_customer_service() -> None:
    assert needs_escalation(3) and needs_escalation(1)
    assert not needs_escalation(4) and not needs_escalation(5)
    chain = [EscalationLevel.CONSULTANT]
    while (nxt := next_level(chain[-1])) is not None:
        chain.append(nxt)
    assert chain == [EscalationLevel.CONSULTANT, EscalationLevel.SALES_MANAGER,
                     EscalationLevel.SALES_DIRECTOR, EscalationLevel.CUSTOMER_SERVICE]


def test_mismatches_both_ways() -> None:
    ledger = {"factors": True, "sunshine": False, "certificates": True, "contract": True}
    answers = {"factors": False, "sunshine": True, "certificates": True, "contract": True}
    found = mismatches(ledger, answers)
    assert [(m.topic, m.ledger_told) for m in found] == [("factors", True), ("sunshine", False)]
    assert "客户称未被告知" in found[0].label and "客户称已被告知" in found[1].label
