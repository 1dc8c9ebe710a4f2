"""Erasing the free texts staff typed about a customer (sync/erased_texts.py says which) in an
open SQLite file of any revision: a backup being scrubbed, or the copies of the rows this device
keeps outside them (erasure.py). Kept apart from erasure.py, which handles the numbers, so each
can change on its own."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from salesdesk.sync.erased_texts import CHILD_TEXTS, CUSTOMER_TEXTS, erased_value, text_columns


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")')}


def _selections(conn: sqlite3.Connection, tables: set[str], ids: list[str]
                ) -> Iterable[tuple[str, str, list[str]]]:
    """(table, WHERE clause, its arguments) choosing the customers' rows of each text table of
    this file that has them (a backup of an older revision may lack a table or column)."""
    for table in CUSTOMER_TEXTS:
        if table in tables and "customer_id" in _columns(conn, table):
            yield table, f"customer_id IN ({_marks(len(ids))})", ids
    for table, (fk, parent, _) in CHILD_TEXTS.items():
        if table in tables and parent in tables and fk in _columns(conn, table) \
                and "customer_id" in _columns(conn, parent):
            yield table, (f"{fk} IN (SELECT id FROM {parent} WHERE customer_id IN "
                          f"({_marks(len(ids))}))"), ids


def text_row_ids(conn: sqlite3.Connection, tables: set[str], ids: list[str]) -> set[str]:
    """The ids of the text rows of these customers in an open SQLite file: their copies outside
    the rows (outbox payloads, set-aside rows, conflicts) are scrubbed too."""
    found: set[str] = set()
    if not ids:
        return found
    for table, where, args in _selections(conn, tables, ids):
        found |= {str(r[0]) for r in conn.execute(f"SELECT id FROM {table} WHERE {where}", args)}
    return found


def scrub_file_texts(conn: sqlite3.Connection, tables: set[str], ids: list[str]) -> None:
    """Erase the texts of these customers' rows in an open SQLite file of any revision (a
    backup), inside the caller's transaction."""
    if not ids:
        return
    for table, where, args in _selections(conn, tables, ids):
        columns = [c for c in text_columns(table) if c in _columns(conn, table)]
        if not columns:
            continue
        rows = conn.execute(f"SELECT id, {', '.join(columns)} FROM {table} WHERE {where}",
                            args).fetchall()
        for row_id, *values in rows:
            new = [erased_value(table, c, v) for c, v in zip(columns, values, strict=True)]
            if new != values:
                conn.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} "
                             "WHERE id = ?", [*new, row_id])


__all__ = ["scrub_file_texts", "text_row_ids"]
