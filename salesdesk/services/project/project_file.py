"""Reading head office's project file (JSON, checked against resources/project.schema.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.project import ProjectConfig
from salesdesk.paths import RESOURCES

SCHEMA_PATH = RESOURCES / "project.schema.json"
DEMO_PATH = RESOURCES / "defaults" / "demo_project.json"


def load_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def read_project_file(path: Path) -> ProjectConfig:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValidationError(f"无法读取文件：{path.name}", en=f"Cannot read {path.name}") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"项目文件不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）",
            en=f"The project file is not valid JSON (line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg})",
        ) from exc
    from salesdesk.domain.project_file import parse_project_file  # jsonschema: only when importing

    return parse_project_file(data, load_schema())
