"""Fixtures for sync tests: a throwaway PostgreSQL (one per test session), a fresh database per
test, the sync service on a loopback port, and enrolled devices on their own SQLite files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services, build_services
from salesdesk.services.sync import SyncService
from salesdesk.store.database import open_database
from salesdesk.store.models.customer import Customer
from salesdesk.store.models.org import Staff
from salesdesk.sync.client.engine import SyncClient
from salesdesk.sync.kinds import unregister_kind
from salesdesk.sync.kinds_gen import register_table
from salesdesk.sync.server.devcluster import (
    PgCluster,
    ServerThread,
    enrol_code,
    find_bin,
    setup_centre,
)

DEMO_PROJECT = Path(__file__).resolve().parents[1] / "resources" / "defaults" / "demo_project.json"


def load_demo_centre(sync_db: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Head office loads the demo project (configuration and staff); returns its centre code."""
    import json

    from salesdesk.sync.server.__main__ import main as server_main

    monkeypatch.setenv("DATABASE_URL", sync_db)
    assert server_main(["load-project", str(DEMO_PROJECT)]) == 0
    return str(json.loads(DEMO_PROJECT.read_text(encoding="utf-8"))["sales_centre"]["code"])


def staff_actor(dev: Device, code: str) -> Actor:
    """The signed-in actor of the staff member with that code, on that device."""
    with dev.services.db.reader() as uow:
        staff_id = uow.session.scalar(select(Staff.id).where(Staff.code == code))
    assert staff_id is not None
    return dev.services.auth.actor_for(staff_id)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    bin_dir = find_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed; "
                    "`make test` installs the Debian package `postgresql`")
    cluster = PgCluster(bin_dir).start()
    yield cluster
    cluster.stop()


@pytest.fixture
def sync_db(pg_cluster: PgCluster) -> str:
    """A fresh, migrated database with company CO01 and sales centre SC01."""
    url = pg_cluster.create_database()
    setup_centre(url)
    return url


@pytest.fixture
def sync_server(sync_db: str) -> Iterator[ServerThread]:
    from salesdesk.sync.server.app import create_app
    from salesdesk.sync.server.push import ServerOptions

    server = ServerThread(create_app(sync_db, options=ServerOptions(),
                                     token_ttl=timedelta(minutes=5))).start()
    yield server
    server.stop()


@dataclass
class Device:
    services: Services
    client: SyncClient
    data_dir: Path
    key_dir: Path

    def close(self) -> None:
        self.client.close()
        self.services.close()

    def reopen_client(self) -> None:
        self.client = self.services.sync.client()


@pytest.fixture
def make_device(tmp_path: Path, sync_server: ServerThread, sync_db: str
                ) -> Iterator[Callable[..., Device]]:
    made: list[Device] = []
    registered: set[str] = set()

    def make(name: str = "dev", *, enrol: bool = True, clock: object = None,
             extra_models: tuple[object, ...] = (), centre: str = "SC01") -> Device:
        data, keys = tmp_path / name / "data", tmp_path / name / "keys"
        db = open_database(data, keys, **({"clock": clock} if clock else {}))  # type: ignore[arg-type]
        services = build_services(db)
        services.sync = SyncService(db, keys, extra_models=extra_models)
        for model in extra_models:
            model.metadata.create_all(db.write_engine)  # type: ignore[attr-defined]
            # The server (in this process) accepts only kinds it knows: test tables too.
            register_table(model.__table__)  # type: ignore[attr-defined]
            registered.add(model.__tablename__)  # type: ignore[attr-defined]
        client = services.sync.client()
        if enrol:
            client.enrol(sync_server.url, enrol_code(sync_db, centre), label=name)
            centre = client.state().server_centre_id  # type: ignore[union-attr]
            db.sales_centre_id = db.sales_centre_id or centre
        device = Device(services, client, data, keys)
        made.append(device)
        return device

    yield make
    for d in made:
        d.close()
    for name in registered:
        unregister_kind(name)


def write_customer(dev: Device, name: str) -> str:
    """A customer written on ``dev`` through its unit of work (so its outbox entry too)."""
    with dev.services.db.uow() as uow:
        c = Customer(name=name)
        uow.add(c)
        uow.flush()
        cid = c.id
        uow.commit()
    return cid
