"""Reading head office's project file: validated whole, or rejected whole with a message that
names the field and what is wrong."""

from __future__ import annotations

import base64
import binascii
from datetime import date
from typing import Any

import jsonschema

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.project import (
    AdverseFactorSpec,
    BuildingSpec,
    CertificateKind,
    CertificateSpec,
    FactorSide,
    ProjectConfig,
    StaffSpec,
    TextVersionSpec,
    UnitSpec,
    UnitStatus,
)


def _where(path: Any) -> str:
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _fail(where: str, zh: str, en: str) -> ValidationError:
    return ValidationError(f"项目文件字段 {where}：{zh}", en=f"Project file field {where}: {en}",
                           field=where)


def _date(value: str, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise _fail(where, f"不是有效日期（{value}）", f"not a valid date ({value})") from exc


def _text_version(data: dict[str, Any], where: str) -> TextVersionSpec:
    file_data = None
    if data.get("file_base64"):
        try:
            file_data = base64.b64decode(data["file_base64"], validate=True)
        except (binascii.Error, ValueError) as exc:
            raise _fail(f"{where}.file_base64", "不是有效的 Base64 数据",
                        "is not valid base64") from exc
    return TextVersionSpec(
        version=data["version"], title=data["title"], text=data["text"],
        file_name=data.get("file_name", ""), file_data=file_data,
    )


def parse_project_file(data: Any, schema: dict[str, Any]) -> ProjectConfig:
    """Validate ``data`` (parsed JSON) against ``schema`` and the cross-field rules."""
    validator = jsonschema.Draft202012Validator(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        where = _where(error.absolute_path)
        raise _fail(where, f"不符合格式要求：{error.message}", error.message)

    buildings = tuple(
        BuildingSpec(b["code"], b["name"], int(b.get("floors", 0)), b.get("description", ""))
        for b in data["buildings"]
    )
    building_codes = [b.code for b in buildings]
    for i, code in enumerate(building_codes):
        if building_codes.index(code) != i:
            raise _fail(f"$.buildings[{i}].code", f"楼栋编号重复（{code}）",
                        f"duplicate building code ({code})")
    known_buildings = set(building_codes)

    units: list[UnitSpec] = []
    seen_units: set[str] = set()
    for i, u in enumerate(data["units"]):
        where = f"$.units[{i}]"
        if u["building"] not in known_buildings:
            raise _fail(f"{where}.building", f"楼栋 {u['building']} 不存在",
                        f"unknown building {u['building']}")
        if u["number"] in seen_units:
            raise _fail(f"{where}.number", f"房号重复（{u['number']}）",
                        f"duplicate unit number ({u['number']})")
        seen_units.add(u["number"])
        if u["inner_area"] > u["build_area"]:
            raise _fail(f"{where}.inner_area", "套内面积不能大于建筑面积",
                        "inner area cannot exceed the build area")
        expected = u["unit_price"] * u["build_area"]
        if abs(u["total_price"] - expected) > max(1000.0, expected * 0.01):
            raise _fail(f"{where}.total_price",
                        f"总价 {u['total_price']} 与单价×建筑面积（约 {expected:.0f}）不符",
                        f"total price {u['total_price']} does not match unit price × area "
                        f"(about {expected:.0f})")
        units.append(UnitSpec(
            building=u["building"], number=u["number"], floor=u["floor"],
            layout=u.get("layout", ""), orientation=u.get("orientation", ""),
            build_area=float(u["build_area"]), inner_area=float(u["inner_area"]),
            unit_price=int(u["unit_price"]), total_price=int(u["total_price"]),
            status=UnitStatus(u.get("status", "available")),
        ))

    certificates: list[CertificateSpec] = []
    for i, c in enumerate(data["certificates"]):
        where = f"$.certificates[{i}]"
        for code in c["buildings"]:
            if code not in known_buildings:
                raise _fail(f"{where}.buildings", f"楼栋 {code} 不存在", f"unknown building {code}")
        valid_until = c.get("valid_until")
        certificates.append(CertificateSpec(
            kind=CertificateKind(c["kind"]), number=c["number"], issuer=c["issuer"],
            issued_on=_date(c["issued_on"], f"{where}.issued_on"),
            valid_until=_date(valid_until, f"{where}.valid_until") if valid_until else None,
            buildings=tuple(c["buildings"]),
        ))
    for kind in CertificateKind:
        count = sum(1 for c in certificates if c.kind is kind)
        if count == 0:
            raise _fail("$.certificates", f"缺少{kind.value}证书（五证须齐全）",
                        f"the {kind.value} certificate is missing (all five are required)")
        if count > 1 and kind is not CertificateKind.PRESALE:
            raise _fail("$.certificates", f"{kind.value}证书只能有一份",
                        f"only one {kind.value} certificate is allowed")

    factors: list[AdverseFactorSpec] = []
    factor_codes: set[str] = set()
    for i, f in enumerate(data["adverse_factors"]):
        where = f"$.adverse_factors[{i}]"
        if f["code"] in factor_codes:
            raise _fail(f"{where}.code", f"不利因素编号重复（{f['code']}）",
                        f"duplicate factor code ({f['code']})")
        factor_codes.add(f["code"])
        for code in f.get("buildings", []):
            if code not in known_buildings:
                raise _fail(f"{where}.buildings", f"楼栋 {code} 不存在", f"unknown building {code}")
        for number in f.get("units", []):
            if number not in seen_units:
                raise _fail(f"{where}.units", f"房号 {number} 不存在", f"unknown unit {number}")
        project_wide = bool(f.get("project_wide", False))
        if not (project_wide or f.get("buildings") or f.get("units")):
            raise _fail(where, "须说明影响范围（全项目、楼栋或房号）",
                        "must say what it affects (project-wide, buildings or units)")
        factors.append(AdverseFactorSpec(
            code=f["code"], side=FactorSide(f["side"]), category=f["category"], title=f["title"],
            description=f["description"], direction=f.get("direction", ""),
            distance_m=f.get("distance_m"), project_wide=project_wide,
            buildings=tuple(f.get("buildings", [])), units=tuple(f.get("units", [])),
            contract_annex=bool(f.get("contract_annex", False)),
        ))

    staff: list[StaffSpec] = []
    staff_codes: set[str] = set()
    for i, s in enumerate(data.get("staff", [])):
        where = f"$.staff[{i}]"
        if s["code"] in staff_codes:
            raise _fail(f"{where}.code", f"员工编号重复（{s['code']}）",
                        f"duplicate staff code ({s['code']})")
        staff_codes.add(s["code"])
        if not s.get("pin") and not s.get("pin_hash"):
            raise _fail(where, "须提供 pin 或 pin_hash", "needs a pin or a pin_hash")
        staff.append(StaffSpec(
            code=s["code"], name=s["name"], role=s["role"], agency=s.get("agency", ""),
            senior=bool(s.get("senior", s["role"] == "senior_consultant")),
            phone=s.get("phone", ""), pin=s.get("pin"), pin_hash=s.get("pin_hash"),
            active=bool(s.get("active", True)),
        ))

    p = data["project"]
    return ProjectConfig(
        config_version=data["config_version"],
        company_code=data["company"]["code"], company_name=data["company"]["name"],
        centre_code=data["sales_centre"]["code"], centre_name=data["sales_centre"]["name"],
        centre_address=data["sales_centre"].get("address", ""),
        code=p["code"], name=p["name"], city=p["city"], district=p.get("district", ""),
        address=p.get("address", ""), developer=p.get("developer", ""),
        price_complaint_phone=p.get("price_complaint_phone", "12358"),
        buildings=buildings, units=tuple(units), certificates=tuple(certificates),
        sunshine_declaration=_text_version(data["sunshine_declaration"], "$.sunshine_declaration"),
        contract_template=_text_version(data["contract_template"], "$.contract_template"),
        adverse_factors=tuple(factors), staff=tuple(staff),
    )
