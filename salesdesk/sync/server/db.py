"""PostgreSQL access for the sync service: a small connection pool and the schema migrations.

The schema is plain versioned SQL (``migrations/NNNN_name.sql``), applied in order inside one
transaction each and recorded in ``schema_migrations``; an advisory lock keeps two workers
starting at once from both applying it."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

MIGRATIONS = Path(__file__).parent / "migrations"
_MIGRATION_LOCK = 7_000_001


def migration_files() -> list[Path]:
    return sorted(MIGRATIONS.glob("[0-9][0-9][0-9][0-9]_*.sql"))


def migrate(url: str) -> list[str]:
    """Apply the migrations this database lacks; returns their names."""
    applied: list[str] = []
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (_MIGRATION_LOCK,))
        try:
            conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                         "name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
            done = {r[0] for r in conn.execute("SELECT name FROM schema_migrations")}
            for path in migration_files():
                if path.stem in done:
                    continue
                with conn.transaction():
                    conn.execute(path.read_text(encoding="utf-8"))
                    conn.execute("INSERT INTO schema_migrations (name) VALUES (%s)", (path.stem,))
                applied.append(path.stem)
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (_MIGRATION_LOCK,))
    return applied


class Pool:
    """Connections reused across requests (the service itself keeps no other state)."""

    def __init__(self, url: str, size: int = 8) -> None:
        self.url = url
        self.size = size
        self._free: queue.LifoQueue[psycopg.Connection] = queue.LifoQueue()
        self._sem = threading.BoundedSemaphore(size)

    @contextmanager
    def connection(self) -> Iterator[psycopg.Connection]:
        self._sem.acquire()
        try:
            try:
                conn = self._free.get_nowait()
            except queue.Empty:
                conn = psycopg.connect(self.url)
            ok = False
            try:
                yield conn
                ok = True
            finally:
                if ok and not conn.closed and conn.info.transaction_status == 0:
                    self._free.put(conn)
                else:
                    conn.close()
        finally:
            self._sem.release()

    def close(self) -> None:
        while True:
            try:
                self._free.get_nowait().close()
            except queue.Empty:
                return
