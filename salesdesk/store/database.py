"""The database file: where it lives, how it is opened, backed up, checked and upgraded."""

from __future__ import annotations

import logging
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from salesdesk.domain.errors import DomainError
from salesdesk.domain.ids import new_id
from salesdesk.domain.roles import Actor
from salesdesk.store import migrate, outbox, phone_sealing
from salesdesk.store.crypto import IdCipher, PhoneSeal, load_or_create_key
from salesdesk.store.models.local import LocalMeta
from salesdesk.store.signin_roster import DB_FILE_NAME
from salesdesk.store.uow import UnitOfWork, context_for

log = logging.getLogger(__name__)
KEY_CHECK_TEXT = "salesdesk-key-check"


class DatabaseTooNew(DomainError):
    """The file was written by a newer SalesDesk; we must not touch it."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own handling would defer it).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")  # disclosure records are evidence
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    # Freed cells and pages are zeroed rather than left in the file: an erased customer's name
    # or number must not survive as bytes (store/erasure.py). The cost is a little more I/O
    # on deletes and updates that shrink a row.
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()


def make_engine(path: Path, *, immediate: bool) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)

    # Writers take the write lock at BEGIN, so a read-then-write transaction (a capacity check
    # then a booking) cannot be overtaken between its read and its write.
    begin_sql = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql(begin_sql)

    return engine


@dataclass
class Database:
    """An open database file with its device identity. Passed to services from app.py."""

    path: Path
    write_engine: Engine
    read_engine: Engine
    device_id: str
    cipher: IdCipher
    clock: Callable[[], datetime] = utc_now
    sales_centre_id: str | None = None
    phones: PhoneSeal | None = None
    _listeners: list[Callable[[], None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._writer: sessionmaker[Session] = sessionmaker(self.write_engine, expire_on_commit=False)
        self._reader: sessionmaker[Session] = sessionmaker(self.read_engine, expire_on_commit=False)
        outbox.install(self._writer)
        outbox.install_cleanup(self._writer)

    def now(self) -> datetime:
        return self.clock()

    def uow(self, actor: Actor | None = None) -> UnitOfWork:
        """A write transaction (one writer at a time, outbox hooked in)."""
        ctx = context_for(actor, self.device_id, self.sales_centre_id, self.clock, self.phones)
        return UnitOfWork(self._writer, ctx)

    def reader(self, actor: Actor | None = None) -> UnitOfWork:
        """A read-only transaction: never blocks or waits for a writer (WAL)."""
        ctx = context_for(actor, self.device_id, self.sales_centre_id, self.clock, self.phones)
        return UnitOfWork(self._reader, ctx)

    def close(self) -> None:
        self.write_engine.dispose()
        self.read_engine.dispose()


def backup(path: Path, dest_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (safe while the file is open)."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    dest = dest_dir / f"salesdesk-{label}-{stamp}.sqlite3"
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(dest)
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()
    return dest


def retire_clear_backups(path: Path, folder: Path) -> list[Path]:
    """Once the numbers are sealed, the copies made before that upgrade are the only files
    still holding them in clear (a copied backup would reveal every phone). A sealed copy of
    the upgraded file becomes the restore point and they are deleted. Returns those deleted."""
    old = [f for f in sorted(folder.glob("*.sqlite3"))
           if phone_sealing.holds_clear_numbers(f)] if folder.is_dir() else []
    if not old:
        return []
    saved = backup(path, folder, "after-sealing-phones")
    for f in old:
        f.unlink()
        for extra in (f.with_name(f.name + "-wal"), f.with_name(f.name + "-shm")):
            extra.unlink(missing_ok=True)
    log.info("replaced %d backups holding clear phone numbers with %s", len(old), saved.name)
    return old


def check_revision(path: Path) -> str | None:
    """Refuse a file newer than this code, before anything writes to it."""
    rev = migrate.file_revision(path)
    if rev is not None and rev not in migrate.known_revisions():
        raise DatabaseTooNew(
            f"数据库文件由更新版本的 SalesDesk 创建（版本 {rev}），请升级程序；文件未作任何改动。",
            en=f"The database file was written by a newer SalesDesk (revision {rev}). "
            "Please upgrade the application; the file was not changed.",
        )
    return rev


def _meta(session: Session, key: str) -> str | None:
    row = session.get(LocalMeta, key)
    return None if row is None else row.value


def ensure_local_identity(engine: Engine) -> dict[str, str]:
    """Device id, encryption-key id and ticket prefix: made once per database file."""
    factory = sessionmaker(engine)
    with factory() as session, session.begin():
        values: dict[str, str] = {}
        for key, make in (
            ("device_id", new_id),
            ("key_id", new_id),
            ("ticket_prefix", lambda: secrets.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")),
            ("created_at", lambda: utc_now().isoformat()),
        ):
            value = _meta(session, key)
            if value is None:
                value = make()
                session.add(LocalMeta(key=key, value=value))
            values[key] = value
        for optional in ("sales_centre_id", "key_check"):
            found = _meta(session, optional)
            if found is not None:
                values[optional] = found
    return values


def set_local_meta(db: Database, key: str, value: str) -> None:
    factory = sessionmaker(db.write_engine)
    with factory() as session, session.begin():
        row = session.get(LocalMeta, key)
        if row is None:
            session.add(LocalMeta(key=key, value=value))
        else:
            row.value = value


def get_local_meta(db: Database, key: str) -> str | None:
    with sessionmaker(db.read_engine)() as session:
        return session.scalar(select(LocalMeta.value).where(LocalMeta.key == key))


def open_database(
    data_dir: Path,
    key_dir: Path,
    *,
    clock: Callable[[], datetime] = utc_now,
    migrate_to: str = "head",
) -> Database:
    """Open (creating or upgrading) the database in ``data_dir``.

    A file newer than the code raises DatabaseTooNew and is left untouched. An older file is
    backed up to ``data_dir/backups`` before it is upgraded."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DB_FILE_NAME
    rev = None
    if path.exists():
        rev = check_revision(path)
        if rev is not None and rev != migrate.fast_head() and migrate_to == "head":
            saved = backup(path, data_dir / "backups", f"before-upgrade-{rev}")
            log.info("backed up database before upgrade from %s to %s", rev, saved.name)
    write_engine = make_engine(path, immediate=True)
    target = migrate.fast_head() if migrate_to == "head" else migrate_to
    if rev != target:
        migrate.upgrade(write_engine, migrate_to)
    identity = ensure_local_identity(write_engine)
    key_check = identity.get("key_check")
    try:
        key = load_or_create_key(identity["key_id"], key_dir, may_create=key_check is None)
    except DomainError:
        write_engine.dispose()
        raise
    cipher = IdCipher(key)
    if key_check is None:
        # A token only the right key opens: a wrong key is refused at start, not at the first
        # ID number someone tries to read.
        with sessionmaker(write_engine)() as session, session.begin():
            session.add(LocalMeta(key="key_check",
                                  value=cipher.encrypt(KEY_CHECK_TEXT).decode("ascii")))
    else:
        try:
            ok = cipher.decrypt(key_check.encode("ascii")) == KEY_CHECK_TEXT
        except DomainError:
            ok = False
        if not ok:
            write_engine.dispose()
            raise DomainError(
                "密钥与本数据库不匹配，无法读取加密的身份证号；数据库未作任何改动。",
                en="The key does not belong to this database; the database was not changed.")
    phones = PhoneSeal(cipher, key)
    if phone_sealing.seal_upgraded_file(write_engine, phones) is not None:
        retire_clear_backups(path, data_dir / "backups")
    db = Database(
        path=path,
        write_engine=write_engine,
        read_engine=make_engine(path, immediate=False),
        device_id=identity["device_id"],
        cipher=cipher,
        clock=clock,
        sales_centre_id=identity.get("sales_centre_id"),
        phones=phones,
    )
    return db
