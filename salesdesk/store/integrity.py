"""SQLite's own checks of a database file, read-only (``db verify``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def integrity_problems(path: Path) -> tuple[list[str], int]:
    """(what ``PRAGMA integrity_check`` says — ["ok"] when sound —, broken foreign keys)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
        broken = len(conn.execute("PRAGMA foreign_key_check").fetchall())
    finally:
        conn.close()
    return result, broken
