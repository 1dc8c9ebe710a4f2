"""What the sign-in screen needs before anything else has loaded: the active staff, the centre's
name and the interface language, read with the standard library's sqlite3 from a file opened
read-only. Loading SQLAlchemy, the models and the services costs most of a second; the window
shows its sign-in screen first and opens the database properly while the PIN is typed.

``None`` whenever the quick read cannot stand in for the full opening: no file yet (first
start), no staff (the first-admin screen), a file at another revision than the code's head (it
must be refused or upgraded first, before anyone sees it). The caller then opens the database
the usual way, as before."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from salesdesk.store import migrate

DB_FILE_NAME = "salesdesk.sqlite3"  # the same file store.database opens (a test checks)


@dataclass(frozen=True)
class RosterRow:
    id: str
    code: str
    name: str
    role: str
    agency: str
    senior: bool
    active: bool
    phone: str


@dataclass(frozen=True)
class Roster:
    staff: list[RosterRow]
    centre_name: str
    lang: str


def read_roster(data_dir: Path) -> Roster | None:
    path = data_dir / DB_FILE_NAME
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return _read(conn)
    except sqlite3.Error:
        return None  # whatever is wrong, the full opening says it properly
    finally:
        conn.close()


def _read(conn: sqlite3.Connection) -> Roster | None:
    found = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if found is None:
        return None
    rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if rev is None or rev[0] != migrate.fast_head():
        return None
    rows = conn.execute(
        "SELECT id, code, name, role, agency, senior, active, phone FROM staff"
        " WHERE deleted = 0 AND active = 1 ORDER BY code"
    ).fetchall()
    if not rows:
        return None
    meta = dict(conn.execute(
        "SELECT key, value FROM local_meta WHERE key IN ('lang', 'sales_centre_id')"
    ).fetchall())
    centre = None
    if meta.get("sales_centre_id"):
        centre = conn.execute("SELECT name FROM sales_centre WHERE id = ?",
                              (meta["sales_centre_id"],)).fetchone()
    if centre is None:
        centre = conn.execute("SELECT name FROM sales_centre LIMIT 1").fetchone()
    staff = [RosterRow(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4] or ""),
                       bool(r[5]), bool(r[6]), str(r[7] or "")) for r in rows]
    return Roster(staff, str(centre[0]) if centre else "", str(meta.get("lang") or "zh_CN"))
