"""Disclosure (告知): which items a customer must be told about a unit, what a round covered,
what the deposit gate still misses, and the escalation chain of follow-up calls.

Rules from PRODUCT.md 1–6 and seed strategies 2 and 5: the sunshine declaration, each of the
five certificates, the contract template and every adverse factor that applies to the unit
(project-wide, its building, the unit itself) — one item each, never "all read"."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from salesdesk.domain.project import (
    CERTIFICATE_LABELS_ZH,
    CertificateKind,
    FactorScope,
    content_hash,
    factor_applies,
    presale_covers,
)
from salesdesk.domain.roles import Role


class ItemKind(StrEnum):
    SUNSHINE = "sunshine"
    CERTIFICATE = "certificate"
    CONTRACT = "contract"
    FACTOR = "factor"


ITEM_KIND_ZH = {
    ItemKind.SUNSHINE: "阳光宣言",
    ItemKind.CERTIFICATE: "五证",
    ItemKind.CONTRACT: "合同范本",
    ItemKind.FACTOR: "不利因素",
}
ITEM_KIND_ORDER = {k: i for i, k in enumerate(ItemKind)}


class RoundKind(StrEnum):
    RECEPTION = "reception"  # 接待中（看完沙盘后）
    PRE_DEPOSIT = "pre_deposit"  # 交定之前
    RE_COVER = "re_cover"  # 之后补充告知（如回访前）


ROUND_KIND_ZH = {
    RoundKind.RECEPTION: "接待告知",
    RoundKind.PRE_DEPOSIT: "交定前告知",
    RoundKind.RE_COVER: "补充告知",
}


class RecordType(StrEnum):
    ROUND = "round"
    GATE_OVERRIDE = "gate_override"  # a supervisor let a deposit through an incomplete round


# ---- documents and the checklist ------------------------------------------------------------


@dataclass(frozen=True)
class DocumentRef:
    """One versioned document as the project configuration holds it."""

    ref_id: str
    version: str
    title: str
    content_hash: str
    detail: str = ""


@dataclass(frozen=True)
class CertificateDoc:
    kind: CertificateKind
    doc: DocumentRef
    building_ids: tuple[str, ...]


@dataclass(frozen=True)
class FactorDoc:
    code: str
    doc: DocumentRef
    scope: FactorScope


@dataclass(frozen=True)
class ChecklistItem:
    """One line of the checklist. ``code`` is stable across document versions."""

    code: str
    kind: ItemKind
    ref_id: str
    title: str
    version: str
    content_hash: str
    detail: str = ""

    def as_json(self) -> list[str]:
        return [self.code, self.kind.value, self.ref_id, self.title, self.version,
                self.content_hash, self.detail]

    @staticmethod
    def from_json(row: Sequence[str]) -> ChecklistItem:
        return ChecklistItem(row[0], ItemKind(row[1]), row[2], row[3], row[4], row[5], row[6])


@dataclass(frozen=True)
class Checklist:
    items: tuple[ChecklistItem, ...]
    sellable: bool  # inside some presale permit's scope
    problems: tuple[str, ...] = ()  # configuration gaps (a certificate not published, ...)

    @property
    def hash(self) -> str:
        return checklist_hash(self.items)


def checklist_hash(items: Iterable[ChecklistItem]) -> str:
    return content_hash([i.as_json() for i in items])


def build_checklist(
    unit_id: str,
    building_id: str,
    sunshine: DocumentRef | None,
    certificates: Sequence[CertificateDoc],
    contract: DocumentRef | None,
    factors: Sequence[FactorDoc],
) -> Checklist:
    """The items that apply to one unit, in the order they are explained (strategy 2)."""
    items: list[ChecklistItem] = []
    problems: list[str] = []
    if sunshine is None:
        problems.append("阳光宣言尚未发布")
    else:
        items.append(ChecklistItem("sunshine", ItemKind.SUNSHINE, sunshine.ref_id, sunshine.title,
                                   sunshine.version, sunshine.content_hash, sunshine.detail))
    presale_scopes = [c.building_ids for c in certificates if c.kind is CertificateKind.PRESALE]
    sellable = presale_covers(building_id, presale_scopes)
    by_kind: dict[CertificateKind, list[CertificateDoc]] = {}
    for c in certificates:
        by_kind.setdefault(c.kind, []).append(c)
    for kind in CertificateKind:
        docs = by_kind.get(kind, [])
        if not docs:
            problems.append(f"{CERTIFICATE_LABELS_ZH[kind]}未公示")
            continue
        # The certificate whose scope holds this unit's building; otherwise the first one, so
        # the customer is still shown it (and, for the presale permit, told it does not cover).
        covering = [c for c in docs if building_id in c.building_ids]
        chosen = covering[0] if covering else docs[0]
        detail = chosen.doc.detail
        if kind is CertificateKind.PRESALE and not sellable:
            detail = (detail + "；" if detail else "") + "本房源不在任何预售许可范围内，不可销售"
        items.append(ChecklistItem(f"cert:{kind.value}", ItemKind.CERTIFICATE, chosen.doc.ref_id,
                                   CERTIFICATE_LABELS_ZH[kind], chosen.doc.version,
                                   chosen.doc.content_hash, detail))
    if contract is None:
        problems.append("合同范本尚未发布")
    else:
        items.append(ChecklistItem("contract", ItemKind.CONTRACT, contract.ref_id, contract.title,
                                   contract.version, contract.content_hash, contract.detail))
    for f in sorted(factors, key=lambda f: f.code):
        if factor_applies(f.scope, unit_id, building_id):
            items.append(ChecklistItem(f"factor:{f.code}", ItemKind.FACTOR, f.doc.ref_id,
                                       f.doc.title, f.doc.version, f.doc.content_hash,
                                       f.doc.detail))
    return Checklist(tuple(items), sellable, tuple(problems))


# ---- what a round covered -------------------------------------------------------------------

NOT_COVERED = "-"


def encode_coverage(items: Sequence[ChecklistItem], ticks: dict[str, datetime],
                    started_at: datetime) -> str:
    """Per item, seconds after the round started when it was ticked, or "-" when skipped."""
    out = []
    for item in items:
        at = ticks.get(item.code)
        out.append(NOT_COVERED if at is None else str(max(0, int((at - started_at)
                                                                 .total_seconds()))))
    return ",".join(out)


def decode_coverage(coverage: str, n_items: int) -> list[int | None]:
    parts = coverage.split(",") if coverage else []
    if len(parts) != n_items:
        raise ValueError("coverage does not match the checklist")
    return [None if p == NOT_COVERED else int(p) for p in parts]


@dataclass(frozen=True)
class CoverageSummary:
    n_items: int
    n_covered: int
    sunshine_ok: bool
    certificates_ok: bool
    contract_ok: bool
    factors_ok: bool

    @property
    def complete(self) -> bool:
        return self.n_items > 0 and self.n_items == self.n_covered


def summarise(items: Sequence[ChecklistItem], covered: Sequence[bool]) -> CoverageSummary:
    """Per kind: all items of that kind covered (a kind with no items counts as covered)."""
    ok = {k: True for k in ItemKind}
    for item, c in zip(items, covered, strict=True):
        if not c:
            ok[item.kind] = False
    return CoverageSummary(len(items), sum(1 for c in covered if c), ok[ItemKind.SUNSHINE],
                           ok[ItemKind.CERTIFICATE], ok[ItemKind.CONTRACT], ok[ItemKind.FACTOR])


# ---- the deposit gate -----------------------------------------------------------------------


@dataclass(frozen=True)
class CoveredItem:
    code: str
    content_hash: str


def missing_for_gate(required: Sequence[ChecklistItem],
                     covered: Iterable[CoveredItem] | None) -> list[ChecklistItem]:
    """Items of today's checklist the pre-deposit round did not cover in this version.

    ``covered`` is None when there is no pre-deposit round at all (everything is missing). A
    document that changed since the round must be explained again: version matters."""
    if covered is None:
        return list(required)
    done = {(c.code, c.content_hash) for c in covered}
    return [i for i in required if (i.code, i.content_hash) not in done]


def gate_message(missing: Sequence[ChecklistItem], no_round: bool) -> str:
    head = "尚未进行交定前告知" if no_round else "交定前告知不完整"
    lines = [f"{head}，不能认购。缺少以下 {len(missing)} 项："]
    lines += [f"· {ITEM_KIND_ZH[i.kind]}：{i.title}（版本 {i.version}）" for i in missing]
    return "\n".join(lines)


def gate_message_en(missing: Sequence[ChecklistItem], no_round: bool) -> str:
    head = "No pre-deposit disclosure yet" if no_round else "Pre-deposit disclosure incomplete"
    lines = [f"{head}: the subscription cannot be saved. Missing {len(missing)} item(s):"]
    lines += [f"- {i.kind.value}: {i.title} (version {i.version})" for i in missing]
    return "\n".join(lines)


# ---- follow-up escalation (rule 10) ---------------------------------------------------------


class EscalationLevel(StrEnum):
    CONSULTANT = "consultant"
    SALES_MANAGER = "sales_manager"
    SALES_DIRECTOR = "sales_director"
    CUSTOMER_SERVICE = "customer_service"


ESCALATION_LEVEL_ZH = {
    EscalationLevel.CONSULTANT: "置业顾问",
    EscalationLevel.SALES_MANAGER: "销售经理",
    EscalationLevel.SALES_DIRECTOR: "销售总监",
    EscalationLevel.CUSTOMER_SERVICE: "客服中心",
}
ESCALATION_CHAIN = tuple(EscalationLevel)
ESCALATE_BELOW = 4  # scores 1–3 of 5 escalate


def needs_escalation(score: int) -> bool:
    return score < ESCALATE_BELOW


def next_level(level: EscalationLevel) -> EscalationLevel | None:
    i = ESCALATION_CHAIN.index(level)
    return ESCALATION_CHAIN[i + 1] if i + 1 < len(ESCALATION_CHAIN) else None


# Who owns (and alone closes) each level; the level's role, not whoever happens to hold the task.
ESCALATION_OWNERS: dict[EscalationLevel, frozenset[Role]] = {
    EscalationLevel.CONSULTANT: frozenset({Role.CONSULTANT, Role.SENIOR_CONSULTANT}),
    EscalationLevel.SALES_MANAGER: frozenset({Role.SUPERVISOR}),
    EscalationLevel.SALES_DIRECTOR: frozenset({Role.SALES_DIRECTOR}),
    EscalationLevel.CUSTOMER_SERVICE: frozenset({Role.CUSTOMER_SERVICE}),
}
# Hours each level has before the task moves up by itself (a project setting overrides them).
DEFAULT_ESCALATION_HOURS: dict[EscalationLevel, int] = {
    EscalationLevel.CONSULTANT: 24,
    EscalationLevel.SALES_MANAGER: 48,
    EscalationLevel.SALES_DIRECTOR: 48,
    EscalationLevel.CUSTOMER_SERVICE: 72,
}
MAX_ESCALATION_HOURS = 24 * 30


def owns_level(role: Role, level: EscalationLevel) -> bool:
    return role in ESCALATION_OWNERS[level]


def parse_escalation_hours(data: object) -> dict[EscalationLevel, int]:
    """Level -> hours from a settings mapping; anything missing keeps its default. Raises
    ValueError naming the level whose value is not a whole number of hours in range."""
    out = dict(DEFAULT_ESCALATION_HOURS)
    if not isinstance(data, dict):
        raise ValueError("升级时限须为各级别的小时数")
    for key, value in data.items():
        try:
            level = EscalationLevel(str(key))
        except ValueError:
            raise ValueError(f"没有这个升级级别：{key}") from None
        if isinstance(value, bool) or not isinstance(value, int) \
                or not 1 <= value <= MAX_ESCALATION_HOURS:
            raise ValueError(f"{ESCALATION_LEVEL_ZH[level]}的处理时限须为 1–"
                             f"{MAX_ESCALATION_HOURS} 小时的整数")
        out[level] = value
    return out


def overdue_steps(level: EscalationLevel, due_at: datetime, now: datetime,
                  hours: dict[EscalationLevel, int]) -> list[tuple[EscalationLevel, datetime]]:
    """The levels an overdue task climbs by itself by ``now``, each with its new deadline: one
    step per deadline passed, never past the last level (which then simply stays overdue)."""
    steps: list[tuple[EscalationLevel, datetime]] = []
    while due_at <= now:
        up = next_level(level)
        if up is None:
            break
        level, due_at = up, due_at + timedelta(hours=hours[up])
        steps.append((level, due_at))
    return steps


# ---- ledger vs follow-up answers (rule 6) ---------------------------------------------------

FOLLOW_UP_TOPICS: tuple[tuple[str, str], ...] = (
    ("factors", "不利因素"),
    ("sunshine", "阳光宣言"),
    ("certificates", "五证"),
    ("contract", "合同范本"),
)


@dataclass(frozen=True)
class Mismatch:
    topic: str  # factors | sunshine | certificates | contract
    ledger_told: bool
    customer_says_told: bool

    @property
    def label(self) -> str:
        name = dict(FOLLOW_UP_TOPICS)[self.topic]
        if self.ledger_told:
            return f"{name}：记录为已告知，客户称未被告知"
        return f"{name}：记录为未告知，客户称已被告知"


def mismatches(ledger: dict[str, bool], answers: dict[str, bool]) -> list[Mismatch]:
    return [Mismatch(t, ledger[t], answers[t]) for t, _ in FOLLOW_UP_TOPICS
            if t in ledger and t in answers and ledger[t] != answers[t]]
