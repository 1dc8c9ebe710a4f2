"""Shared fixtures. Qt must be told to render offscreen before any QApplication exists."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SALESDESK_NO_KEYRING"] = "1"  # tests never touch the user's keyring

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from salesdesk import bootstrap
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services, build_services
from salesdesk.store.database import DB_FILE_NAME, open_database
from tests.factories import Kit

pytest_plugins = ["tests.sync_fixtures"]  # PostgreSQL and sync-server fixtures


@dataclass
class FakeClock:
    """A clock tests can move. Starts on a Tuesday morning, Beijing time 10:00."""

    now: datetime = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def key_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "keys"
    monkeypatch.setenv("SALESDESK_KEY_DIR", str(d))
    return d


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def _open(data_dir: Path, key_dir: Path, clock: FakeClock | None = None) -> Services:
    db = open_database(data_dir, key_dir, **({"clock": clock} if clock else {}))
    services = build_services(db)
    bootstrap.install_hooks(services)
    return services


@pytest.fixture
def services(data_dir: Path, key_dir: Path, clock: FakeClock) -> Iterator[Services]:
    """An empty, migrated database file (no project, no staff)."""
    s = _open(data_dir, key_dir, clock)
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The demo database, built once per run; tests get a copy (scrypt PINs are slow on purpose)."""
    from salesdesk.demo import load_demo

    root = tmp_path_factory.mktemp("demo-template")
    data, keys = root / "data", root / "keys"
    old = os.environ.get("SALESDESK_KEY_DIR")
    os.environ["SALESDESK_KEY_DIR"] = str(keys)
    try:
        s = _open(data, keys, FakeClock())
        load_demo(s)
        s.close()
    finally:
        if old is None:
            os.environ.pop("SALESDESK_KEY_DIR", None)
        else:
            os.environ["SALESDESK_KEY_DIR"] = old
    return data, keys


def copy_demo(template: tuple[Path, Path], data_dir: Path, key_dir: Path) -> None:
    src_data, src_keys = template
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src_data / DB_FILE_NAME, data_dir / DB_FILE_NAME)
    shutil.copytree(src_keys, key_dir, dirs_exist_ok=True)


@pytest.fixture
def demo(demo_template: tuple[Path, Path], data_dir: Path, key_dir: Path,
         clock: FakeClock) -> Iterator[Services]:
    """A copy of the demo database (project, staff, and each capability's demo data)."""
    copy_demo(demo_template, data_dir, key_dir)
    s = _open(data_dir, key_dir, clock)
    yield s
    s.close()


def staff_actor(services: Services, code: str) -> Actor:
    for entry in services.auth.signin_list():
        if entry.code == code:
            return services.auth.actor_for(entry.id)
    raise LookupError(code)


@pytest.fixture
def supervisor(demo: Services) -> Actor:
    return staff_actor(demo, "S001")


@pytest.fixture
def admin(demo: Services) -> Actor:
    return staff_actor(demo, "A001")


@pytest.fixture
def reception(demo: Services) -> Actor:
    return staff_actor(demo, "R001")


@pytest.fixture
def consultant(demo: Services) -> Actor:
    return staff_actor(demo, "C102")


@pytest.fixture
def senior(demo: Services) -> Actor:
    return staff_actor(demo, "C101")


@pytest.fixture
def kit(services: Services) -> Kit:
    """A small project in an empty database, and rows made on demand (tests/factories.py)."""
    return Kit(services)
