"""Schema revisions: what the file has, what the code knows, and upgrading to head."""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Only a type here: the sign-in screen reads the file's revision before SQLAlchemy loads.
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_REV = re.compile(r'^revision\s*=\s*["\']([^"\']+)["\']', re.M)
_DOWN = re.compile(r'^down_revision\s*=\s*(?:["\']([^"\']+)["\']|None)', re.M)


@cache
def revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the version files without importing Alembic
    (Alembic costs most of a second at start-up; it is loaded only when a file needs upgrading).
    A test checks this agrees with Alembic."""
    graph: dict[str, str | None] = {}
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        rev, down = _REV.search(text), _DOWN.search(text)
        if rev and down:
            graph[rev.group(1)] = down.group(1)
    return graph


def fast_head() -> str:
    graph = revision_graph()
    parents = {d for d in graph.values() if d}
    heads = [r for r in graph if r not in parents]
    assert len(heads) == 1, f"migrations have {len(heads)} heads: {heads}"
    return heads[0]


def alembic_config(url: str = "sqlite://") -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url)
    cfg.set_main_option("file_template", "%%(rev)s")
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return set(revision_graph())


def file_revision(path: Path) -> str | None:
    """The revision stamped in a database file, read without changing the file at all."""
    uri = f"file:{path}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        row = conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if found is None else str(found[0])
    finally:
        conn.close()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config(str(engine.url))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
