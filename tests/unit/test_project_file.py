"""The project file: valid as a whole, or rejected with the field and what is wrong."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.project import CertificateKind, FactorScope, factor_applies, presale_covers
from salesdesk.domain.project_file import parse_project_file

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "resources" / "project.schema.json").read_text(encoding="utf-8"))
DEMO = json.loads((ROOT / "resources" / "defaults" / "demo_project.json").read_text(encoding="utf-8"))


def demo() -> dict[str, Any]:
    return copy.deepcopy(DEMO)


def test_demo_project_is_valid_and_realistic() -> None:
    cfg = parse_project_file(demo(), SCHEMA)
    assert len(cfg.buildings) == 3
    assert 180 <= len(cfg.units) <= 220
    assert {c.kind for c in cfg.certificates} == set(CertificateKind)
    presale = [c for c in cfg.certificates if c.kind is CertificateKind.PRESALE]
    assert presale and all("3" not in c.buildings for c in presale)
    assert 7 <= len(cfg.adverse_factors) <= 10
    assert {f.side.value for f in cfg.adverse_factors} == {"inside", "outside"}
    assert len({s.agency for s in cfg.staff if s.role.endswith("consultant")}) == 2


def _rejects(data: dict[str, Any], field_part: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        parse_project_file(data, SCHEMA)
    assert field_part in (info.value.field or ""), info.value.message
    assert field_part in info.value.message
    return info.value


def test_wrong_type_names_the_field() -> None:
    data = demo()
    data["units"][5]["total_price"] = "很多"
    err = _rejects(data, "$.units[5].total_price")
    assert "项目文件字段" in err.message


def test_missing_required_field() -> None:
    data = demo()
    del data["project"]["city"]
    _rejects(data, "$.project")


def test_unknown_building_in_unit() -> None:
    data = demo()
    data["units"][0]["building"] = "9"
    _rejects(data, "$.units[0].building")


def test_duplicate_unit_number() -> None:
    data = demo()
    data["units"][1]["number"] = data["units"][0]["number"]
    _rejects(data, "$.units[1].number")


def test_total_price_must_match_unit_price_and_area() -> None:
    data = demo()
    data["units"][3]["total_price"] = data["units"][3]["total_price"] * 2
    _rejects(data, "$.units[3].total_price")


def test_five_certificates_are_required() -> None:
    data = demo()
    data["certificates"] = [c for c in data["certificates"] if c["kind"] != "construction"]
    err = _rejects(data, "$.certificates")
    assert "construction" in err.message


def test_factor_needs_a_scope_and_known_units() -> None:
    data = demo()
    f = data["adverse_factors"][0]
    f.pop("buildings", None)
    f.pop("units", None)
    f["project_wide"] = False
    _rejects(data, "$.adverse_factors[0]")
    data = demo()
    data["adverse_factors"][5]["units"] = ["9-999"]
    _rejects(data, "$.adverse_factors[5].units")


def test_unknown_top_level_field_is_refused() -> None:
    data = demo()
    data["surprise"] = 1
    _rejects(data, "$")


def test_factor_and_presale_rules() -> None:
    scope = FactorScope(False, frozenset({"b2"}), frozenset({"u9"}))
    assert factor_applies(scope, "u1", "b2")
    assert factor_applies(scope, "u9", "b1")
    assert not factor_applies(scope, "u1", "b1")
    assert factor_applies(FactorScope(True, frozenset(), frozenset()), "u1", "b1")
    assert presale_covers("b1", [("b1", "b2")])
    assert not presale_covers("b3", [("b1", "b2")])
    assert not presale_covers("b1", [])
