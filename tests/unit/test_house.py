"""The shape issue 13 gave the house, kept: use cases are small modules, and they never write
SQL themselves (the store's queries do; import-linter forbids the imports, this forbids the
text, e.g. a raw ``session.execute("...")`` reached through the unit of work)."""

from __future__ import annotations

import re
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[2] / "salesdesk" / "services"
MAX_LINES = 400


def modules() -> list[Path]:
    return sorted(p for p in SERVICES.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_service_module_is_over_400_lines() -> None:
    long = {p.relative_to(SERVICES).as_posix(): n for p in modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


def test_no_service_builds_a_query_or_reaches_the_session() -> None:
    found = []
    for p in modules():
        for no, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if re.search(r"\bselect\(|\.session\b|\bsqlalchemy\b|\bexecute\(", code):
                found.append(f"{p.relative_to(SERVICES).as_posix()}:{no}: {line.strip()}")
    assert not found, "\n".join(found)


def test_every_capability_is_a_package_with_its_results() -> None:
    for name in ("reception", "appointments", "disclosure", "signing", "care", "project",
                 "customers", "sync"):
        package = SERVICES / name
        assert (package / "__init__.py").exists(), name
        assert (package / "results.py").exists(), name
