"""Settings for running the sync service as several worker processes on one PostgreSQL: the
connection pool each worker may hold (``SALESDESK_SYNC_POOL_SIZE``) and the number of workers
(``SALESDESK_SYNC_WORKERS``). A bad value stops ``serve`` with a message before it touches the
database."""

from __future__ import annotations

import importlib

import psycopg
import pytest

from salesdesk.sync.server.__main__ import main as server_main
from salesdesk.sync.server.app import DEFAULT_POOL_SIZE
from salesdesk.sync.server.devcluster import PgCluster

pytestmark = pytest.mark.postgres


def test_each_worker_takes_its_pool_size_from_the_environment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://sync@127.0.0.1:1/never-connected")
    import salesdesk.sync.server.asgi as asgi

    monkeypatch.setenv("SALESDESK_SYNC_POOL_SIZE", "3")
    assert importlib.reload(asgi).app.state.pool.size == 3
    monkeypatch.delenv("SALESDESK_SYNC_POOL_SIZE")
    assert importlib.reload(asgi).app.state.pool.size == DEFAULT_POOL_SIZE
    monkeypatch.setenv("SALESDESK_SYNC_POOL_SIZE", "lots")
    with pytest.raises(ValueError, match="SALESDESK_SYNC_POOL_SIZE must be a whole number"):
        importlib.reload(asgi)


@pytest.mark.parametrize(("name", "value"), [
    ("SALESDESK_SYNC_POOL_SIZE", "many"),
    ("SALESDESK_SYNC_POOL_SIZE", "0"),
    ("SALESDESK_SYNC_WORKERS", "-2"),
    ("SALESDESK_SYNC_WORKERS", "four"),
])
def test_serve_refuses_a_bad_setting_before_it_touches_the_database(
        pg_cluster: PgCluster, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], name: str, value: str) -> None:
    url = pg_cluster.create_database()
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv(name, value)
    # Were the setting not checked, uvicorn would fail on this address instead of serving on.
    monkeypatch.setenv("SALESDESK_SYNC_HOST", "256.0.0.1")
    assert server_main(["serve"]) == 2
    assert f"{name} must be a whole number of at least 1, not {value!r}" in capsys.readouterr().err
    with psycopg.connect(url) as conn:  # not migrated: nothing was done
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                            ).fetchone() == (0,)
