"""SQLite's own checks of a database file, read-only (``db verify``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def integrity_problems(path: Path, thorough: bool = False) -> tuple[list[str], int]:
    """(what SQLite's check says — ["ok"] when sound —, broken foreign keys).

    By default ``PRAGMA quick_check``: every page, every record's format, NOT NULL and CHECK
    constraints, in one linear pass. ``thorough`` adds what only ``integrity_check`` does —
    every index entry looked up against its table and back — which on a file of millions of
    ledger records takes several times longer than everything else ``db verify`` does."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        pragma = "integrity_check" if thorough else "quick_check"
        try:
            result = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
        except sqlite3.DatabaseError as exc:
            # A page too damaged for the check to walk is itself the finding.
            return [str(exc)], 0
        try:
            broken = len(conn.execute("PRAGMA foreign_key_check").fetchall())
        except sqlite3.DatabaseError as exc:
            return [*(r for r in result if r != "ok"), str(exc)], 0
    finally:
        conn.close()
    return result, broken
