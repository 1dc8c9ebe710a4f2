"""Importing head office's project file into a real SQLite file."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from salesdesk.domain.errors import PermissionDenied, ValidationError
from salesdesk.services.container import Services
from salesdesk.services.project import DEMO_PATH
from salesdesk.store.models.local import OutboxEntry
from salesdesk.store.models.project import AdverseFactor, SunshineDeclaration, Unit


def _demo_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEMO_PATH.read_text(encoding="utf-8"))
    return copy.deepcopy(data)


def _write(tmp_path: Path, data: Any, name: str = "project.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _counts(services: Services) -> tuple[int, ...]:
    with services.db.reader() as uow:
        s = uow.session
        return tuple(int(s.scalar(select(func.count()).select_from(m)) or 0)
                     for m in (Unit, AdverseFactor, SunshineDeclaration, OutboxEntry))


def test_import_creates_everything_and_is_idempotent(services: Services, tmp_path: Path) -> None:
    summary = services.importer.import_file(None, DEMO_PATH)
    assert summary.units_added == 202 and summary.staff_added == 15
    first = _counts(services)
    again = services.importer.import_file(None, DEMO_PATH)
    assert not again.changed_anything
    # Same file again: not one row or outbox entry more.
    assert _counts(services)[:3] == first[:3]
    assert _counts(services)[3] == first[3] + 1  # only the audit event of the import


def test_changed_texts_add_versions_and_keep_old_ones(services: Services, tmp_path: Path) -> None:
    services.importer.import_file(None, DEMO_PATH)
    with services.db.reader() as uow:
        old = uow.session.scalars(select(SunshineDeclaration)).one()
        old_text, old_text_hash = old.text, old.content_hash
        old_factor_hash = uow.session.scalars(
            select(AdverseFactor).where(AdverseFactor.code == "F01")).one().content_hash
    data = _demo_data()
    data["config_version"] = "2026-12-01"
    data["sunshine_declaration"]["version"] = "2026.2"
    data["sunshine_declaration"]["text"] += "\n七、新增条款。"
    data["adverse_factors"][0]["distance_m"] = 80
    services.importer.import_file(None, _write(tmp_path, data))
    with services.db.reader() as uow:
        texts = uow.session.scalars(
            select(SunshineDeclaration).order_by(SunshineDeclaration.version)).all()
        assert [(t.version, t.current) for t in texts] == [("2026.1", False), ("2026.2", True)]
        assert texts[0].text == old_text and texts[0].content_hash == old_text_hash
        f01 = uow.session.scalars(select(AdverseFactor).where(AdverseFactor.code == "F01")
                                  .order_by(AdverseFactor.version)).all()
        assert [(f.version, f.current, f.distance_m) for f in f01] == [(1, False, 85), (2, True, 80)]
        assert f01[0].content_hash == old_factor_hash


def test_same_version_label_with_other_text_is_refused(services: Services, tmp_path: Path) -> None:
    services.importer.import_file(None, DEMO_PATH)
    before = _counts(services)
    data = _demo_data()
    data["sunshine_declaration"]["text"] = "悄悄改过的文本"
    with pytest.raises(ValidationError) as info:
        services.importer.import_file(None, _write(tmp_path, data))
    assert "新的版本号" in info.value.message
    assert _counts(services) == before


def test_malformed_file_changes_nothing(services: Services, tmp_path: Path) -> None:
    services.importer.import_file(None, DEMO_PATH)
    before = _counts(services)
    data = _demo_data()
    data["units"].append({"building": "1", "number": "1-9901", "floor": 99,
                          "build_area": 100, "inner_area": 120, "unit_price": 1,
                          "total_price": 100})
    with pytest.raises(ValidationError) as info:
        services.importer.import_file(None, _write(tmp_path, data))
    assert info.value.field == "$.units[202].inner_area"
    assert _counts(services) == before


def test_broken_json_is_refused_with_position(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": "salesdesk-project/1",', encoding="utf-8")
    with pytest.raises(ValidationError, match="不是有效的 JSON"):
        services.importer.import_file(None, path)
    assert _counts(services) == (0, 0, 0, 0)


def test_file_for_another_sales_centre_is_refused(services: Services, tmp_path: Path) -> None:
    services.importer.import_file(None, DEMO_PATH)
    data = _demo_data()
    data["sales_centre"]["code"] = "OTHER"
    with pytest.raises(ValidationError, match="OTHER"):
        services.importer.import_file(None, _write(tmp_path, data))


def test_only_admins_import(demo: Services, consultant, supervisor, admin) -> None:
    for actor in (consultant, supervisor):
        with pytest.raises(PermissionDenied):
            demo.importer.import_file(actor, DEMO_PATH)
    assert not demo.importer.import_file(admin, DEMO_PATH).changed_anything


def test_browse_project(demo: Services, consultant) -> None:
    overview = demo.projects.overview(consultant)
    assert overview.project.name == "云栖·翠湖苑"
    assert [b.sellable for b in overview.buildings] == [True, True, False]
    assert len(overview.certificates) == 5
    units = demo.projects.units(consultant)
    assert len(units) == 202
    unit = next(u for u in units if u.number == "2-201")
    codes = {f.code for f in demo.projects.factors_for_unit(consultant, unit.id)}
    # building 2 (F01), the unit itself (F06, F09) and the project-wide refuse station (F03)
    assert codes == {"F01", "F03", "F06", "F09"}
    b3 = next(u for u in units if u.number == "3-1101")
    assert not b3.sellable


def test_subscribed_units_show_as_subscribed(demo: Services, consultant) -> None:
    """Unit rows are read-only configuration; the sale status comes from subscriptions."""
    subscribed = {s.unit_id for s in demo.subscriptions.list(consultant) if s.status == "active"}
    assert subscribed, "the demo records subscriptions"
    overview = demo.projects.overview(consultant)
    assert overview.unit_counts.get("subscribed", 0) == len(subscribed)
    units = {u.id: u for u in demo.projects.units(consultant)}
    assert all(units[uid].status.value == "subscribed" for uid in subscribed)
