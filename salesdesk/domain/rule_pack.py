"""Rule packs: which signing materials a buyer brings, as data per city / project, versioned.

The rule language (documented for head office in resources/defaults/rule_packs/README.md):

- a *condition* is a JSON object; every key must hold (AND). ``{}`` (or no ``when``) always holds.
  ``{"marital": "married"}`` equals, ``{"payment": ["commercial_loan", "combined"]}`` is one of,
  ``{"co_owners": "minor_child"}`` means the set contains it (a list: contains any of),
  ``{"homes_owned": {"min": 1, "max": 2}}`` is a range (an int is an exact value),
  ``{"any": [c1, c2]}`` is OR, ``{"all": [...]}`` AND, ``{"not": c}`` negation.
- a *material* has a code, a name, a stage (subscription 认购 / signing 签约 / mortgage 按揭),
  whether the original is needed, how many copies, a note and a ``when`` condition.
- a *restriction* is one of the city's purchase-restriction (限购/限贷) questions: when its
  condition holds the profile *likely fails* it, and the warning says so as a pre-check.
- the *flow* is the ordered list of steps on the signing flow sheet (签约流程单), each with an
  optional condition; the seed order credit check → 认购书 → mortgage contract → down payment →
  purchase contract is enforced when those steps are present.

``evaluate`` is a pure function of (pack, profile)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from salesdesk.domain.buyer_profile import (
    ENUM_FIELDS,
    INT_FIELDS,
    MAX_HOMES,
    SET_FIELDS,
    BuyerProfile,
    profiles_with_homes,
)
from salesdesk.domain.errors import ValidationError

FORMAT = "salesdesk.rule_pack/1"


class Stage(StrEnum):
    SUBSCRIPTION = "subscription"
    SIGNING = "signing"
    MORTGAGE = "mortgage"


STAGE_ZH = {Stage.SUBSCRIPTION: "认购", Stage.SIGNING: "签约", Stage.MORTGAGE: "按揭"}
STAGE_ORDER = {s: i for i, s in enumerate(Stage)}

# The seed's order (000: 查资信→签订认购书→按揭合同→支付首期款→买卖合同).
CANONICAL_FLOW = ("credit_check", "subscription_agreement", "mortgage_contract", "down_payment",
                  "purchase_contract")

Condition = Mapping[str, Any]


@dataclass(frozen=True)
class MaterialRule:
    code: str
    name: str
    stage: Stage
    original: bool
    copies: int
    note: str
    when: Condition


@dataclass(frozen=True)
class RestrictionRule:
    code: str
    question: str  # what the consultant asks / checks
    warning: str  # shown when the profile likely fails it
    when: Condition


@dataclass(frozen=True)
class FlowStep:
    code: str
    title: str
    detail: str
    when: Condition


@dataclass(frozen=True)
class RulePack:
    pack_id: str  # stable across versions, e.g. "default" or "hangzhou-xixi"
    city: str  # "*" = any city
    project: str  # project code, "*" = any project of the city
    version: str
    title: str
    materials: tuple[MaterialRule, ...]
    restrictions: tuple[RestrictionRule, ...]
    flow: tuple[FlowStep, ...]


@dataclass(frozen=True)
class Material:
    """One line of a customer's checklist."""

    code: str
    name: str
    stage: Stage
    original: bool
    copies: int
    note: str

    @property
    def form_zh(self) -> str:
        """原件 / 复印件 N 份, as a customer reads it."""
        parts = []
        if self.original:
            parts.append("原件")
        if self.copies:
            parts.append(f"复印件 {self.copies} 份")
        return " + ".join(parts) or "—"


@dataclass(frozen=True)
class RestrictionWarning:
    code: str
    question: str
    warning: str


@dataclass(frozen=True)
class Evaluation:
    materials: tuple[Material, ...]  # ordered by stage, then as in the pack
    warnings: tuple[RestrictionWarning, ...]
    flow: tuple[FlowStep, ...]

    def by_stage(self) -> list[tuple[Stage, tuple[Material, ...]]]:
        return [(s, tuple(m for m in self.materials if m.stage is s)) for s in Stage
                if any(m.stage is s for m in self.materials)]


# ---- conditions ----------------------------------------------------------------------------

def _bad(msg_zh: str, en: str) -> ValidationError:
    return ValidationError(f"规则包无效：{msg_zh}", en=f"Invalid rule pack: {en}", field="rule_pack")


def check_condition(cond: Any, where: str) -> Condition:
    """Check a condition's shape and vocabulary once, at import, so evaluation cannot fail."""
    if not isinstance(cond, Mapping):
        raise _bad(f"{where} 的条件必须是对象", f"{where}: a condition must be an object")
    for key, value in cond.items():
        if key in ("all", "any"):
            if not isinstance(value, list) or not value:
                raise _bad(f"{where} 的 {key} 需要非空列表", f"{where}: {key} needs a list")
            for i, sub in enumerate(value):
                check_condition(sub, f"{where}.{key}[{i}]")
        elif key == "not":
            check_condition(value, f"{where}.not")
        elif key in ENUM_FIELDS or key in SET_FIELDS:
            enum = ENUM_FIELDS.get(key) or SET_FIELDS[key]
            values = value if isinstance(value, list) else [value]
            allowed = {e.value for e in enum}
            for v in values:
                if v not in allowed:
                    raise _bad(f"{where} 中 {key} 的取值 {v!r} 不存在",
                               f"{where}: {key} has no value {v!r}")
        elif key in INT_FIELDS:
            if isinstance(value, Mapping):
                extra = set(value) - {"min", "max"}
                if extra or not value or not all(isinstance(v, int) for v in value.values()):
                    raise _bad(f"{where} 中 {key} 的范围只能有整数 min/max",
                               f"{where}: {key} range takes integer min/max")
            elif not isinstance(value, int) or isinstance(value, bool):
                raise _bad(f"{where} 中 {key} 须为整数或范围", f"{where}: {key} needs an int")
        else:
            raise _bad(f"{where} 使用了未知字段 {key!r}", f"{where}: unknown field {key!r}")
    return cond


def matches(cond: Condition, profile: BuyerProfile) -> bool:
    for key, value in cond.items():
        if key == "all":
            ok = all(matches(c, profile) for c in value)
        elif key == "any":
            ok = any(matches(c, profile) for c in value)
        elif key == "not":
            ok = not matches(value, profile)
        elif key in SET_FIELDS:
            have = {v.value for v in profile.value(key)}
            wanted = value if isinstance(value, list) else [value]
            ok = any(w in have for w in wanted)
        elif key in INT_FIELDS:
            n = profile.value(key)
            if isinstance(value, Mapping):
                ok = value.get("min", n) <= n <= value.get("max", n)
            else:
                ok = n == value
        else:
            have_value = profile.value(key).value
            ok = have_value in value if isinstance(value, list) else have_value == value
        if not ok:
            return False
    return True


# ---- parsing -------------------------------------------------------------------------------

def _text(obj: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = obj.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise _bad(f"{where} 缺少 {key}", f"{where}: missing {key}")
    return value.strip()


def _codes_unique(codes: Sequence[str], what: str) -> None:
    seen: set[str] = set()
    for c in codes:
        if c in seen:
            raise _bad(f"{what} 编号 {c} 重复", f"duplicate {what} code {c}")
        seen.add(c)


def parse_pack(data: Any) -> RulePack:
    """A pack from its JSON form (already shape-checked by the JSON Schema in services); here
    the meaning is checked: known fields and values, unique codes, a non-empty base list, and
    the seed's flow order."""
    if not isinstance(data, Mapping):
        raise _bad("顶层必须是对象", "the top level must be an object")
    if data.get("format") != FORMAT:
        raise _bad(f"format 应为 {FORMAT}", f"format must be {FORMAT}")
    materials = []
    for i, m in enumerate(data.get("materials") or []):
        where = f"materials[{i}]"
        try:
            stage = Stage(m.get("stage"))
        except ValueError:
            raise _bad(f"{where} 的阶段无效", f"{where}: stage must be one of "
                       f"{', '.join(Stage)}") from None
        copies = m.get("copies", 0)
        if not isinstance(copies, int) or isinstance(copies, bool) or not 0 <= copies <= 10:
            raise _bad(f"{where} 的复印份数应为 0–10", f"{where}: copies must be 0-10")
        original = bool(m.get("original", True))
        if not original and copies == 0:
            raise _bad(f"{where} 既不要原件也不要复印件", f"{where}: neither original nor copies")
        materials.append(MaterialRule(
            _text(m, "code", where), _text(m, "name", where), stage, original, copies,
            _text(m, "note", where, required=False),
            check_condition(m.get("when", {}), where)))
    if not materials:
        raise _bad("没有任何材料", "no materials")
    if not any(not m.when for m in materials):
        # Guarantees every profile gets a non-empty list.
        raise _bad("至少需要一项适用于所有人的材料（无 when 条件）",
                   "at least one material must apply to everyone (no 'when')")
    _codes_unique([m.code for m in materials], "材料")
    _codes_unique([f"{m.stage}/{m.name}" for m in materials], "材料名称")
    restrictions = tuple(
        RestrictionRule(_text(r, "code", f"restrictions[{i}]"),
                        _text(r, "question", f"restrictions[{i}]"),
                        _text(r, "warning", f"restrictions[{i}]"),
                        check_condition(r.get("when", {}), f"restrictions[{i}]"))
        for i, r in enumerate(data.get("restrictions") or []))
    _codes_unique([r.code for r in restrictions], "限购问题")
    flow = tuple(
        FlowStep(_text(f, "code", f"flow[{i}]"), _text(f, "title", f"flow[{i}]"),
                 _text(f, "detail", f"flow[{i}]", required=False),
                 check_condition(f.get("when", {}), f"flow[{i}]"))
        for i, f in enumerate(data.get("flow") or []))
    _codes_unique([f.code for f in flow], "流程步骤")
    present = [f.code for f in flow if f.code in CANONICAL_FLOW]
    if present != sorted(present, key=CANONICAL_FLOW.index):
        raise _bad("流程顺序须为：查资信 → 认购书 → 按揭合同 → 首期款 → 买卖合同",
                   "flow order must be credit check, subscription agreement, mortgage "
                   "contract, down payment, purchase contract")
    return RulePack(
        pack_id=_text(data, "pack_id", "pack"), city=_text(data, "city", "pack"),
        project=_text(data, "project", "pack"), version=_text(data, "version", "pack"),
        title=_text(data, "title", "pack"), materials=tuple(materials),
        restrictions=restrictions, flow=flow)


# ---- evaluation ----------------------------------------------------------------------------

def evaluate(pack: RulePack, profile: BuyerProfile) -> Evaluation:
    """The materials, restriction warnings and flow steps for this buyer. Pure."""
    chosen: dict[str, Material] = {}
    for rule in pack.materials:
        if rule.code not in chosen and matches(rule.when, profile):
            chosen[rule.code] = Material(rule.code, rule.name, rule.stage, rule.original,
                                         rule.copies, rule.note)
    order = {m.code: i for i, m in enumerate(pack.materials)}
    materials = tuple(sorted(chosen.values(),
                             key=lambda m: (STAGE_ORDER[m.stage], order[m.code])))
    warnings = tuple(RestrictionWarning(r.code, r.question, r.warning)
                     for r in pack.restrictions if matches(r.when, profile))
    flow = tuple(f for f in pack.flow if matches(f.when, profile))
    return Evaluation(materials, warnings, flow)


def _ints_in(cond: Any, out: set[int]) -> None:
    if isinstance(cond, Mapping):
        for key, value in cond.items():
            if key in INT_FIELDS:
                for v in (value.values() if isinstance(value, Mapping) else [value]):
                    out.update({v - 1, v, v + 1})
            else:
                _ints_in(value, out)
    elif isinstance(cond, list):
        for c in cond:
            _ints_in(c, out)


def unreachable_materials(pack: RulePack) -> list[str]:
    """Codes of materials no valid profile can ever get: a dead rule is a typo in the pack."""
    homes: set[int] = {0, 1}
    for m in pack.materials:
        _ints_in(m.when, homes)
    candidates = sorted(h for h in homes if 0 <= h <= MAX_HOMES)
    remaining = {m.code: m for m in pack.materials}
    for profile in profiles_with_homes(candidates):
        for code in [c for c, m in remaining.items() if matches(m.when, profile)]:
            del remaining[code]
        if not remaining:
            break
    return sorted(remaining)


def select_pack(packs: Iterable[RulePack], city: str, project: str) -> RulePack | None:
    """The most specific pack: this project, then this city, then the default ("*")."""
    best: tuple[int, RulePack] | None = None
    for p in packs:
        if p.project not in ("*", project) or p.city not in ("*", city):
            continue
        rank = (2 if p.project == project else 0) + (1 if p.city == city else 0)
        if best is None or rank > best[0]:
            best = (rank, p)
    return None if best is None else best[1]
