"""The pull cursor under concurrent writers (SYNC.md lesson 4): with feed numbers from the
counter row a reader pulling all the time misses nothing; with a BIGSERIAL-style sequence the
same reader misses rows (numbers are handed out before commit, commits land out of order).

The chaos-level control (test_sync_chaos.py, with concurrent pushers) shows the symptom a user
would see, a device unequal to the server; this focused run pins down the cause: several
writers push at once while a reader pulls in a tight loop, and rows go missing."""

from __future__ import annotations

import threading
import time

import psycopg
import pytest

from salesdesk.sync.server.app import create_app, prepare_broken
from salesdesk.sync.server.devcluster import PgCluster, ServerThread, enrol_code, setup_centre
from salesdesk.sync.server.push import ServerOptions
from tests.sync_helpers import RawDevice

pytestmark = pytest.mark.postgres


def _missed_by_a_busy_reader(cluster: PgCluster, options: ServerOptions) -> tuple[int, int]:
    url = cluster.create_database()
    setup_centre(url)
    prepare_broken(url, options)
    server = ServerThread(create_app(url, options=options)).start()
    try:
        writers = [RawDevice(server.url, enrol_code(url)) for _ in range(4)]
        reader = RawDevice(server.url, enrol_code(url))
        stop = time.monotonic() + 3.0
        seen: set[str] = set()

        def write(dev: RawDevice) -> None:
            while time.monotonic() < stop:
                dev.push([dev.change("customer", dev.row(name="客户"))])

        def read() -> None:
            cursor = 0
            while time.monotonic() < stop + 1.0:
                page = reader.pull(cursor)
                seen.update(c["row_id"] for c in page["changes"])
                cursor = page["next_cursor"]

        threads = [threading.Thread(target=write, args=(w,)) for w in writers]
        threads.append(threading.Thread(target=read))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        with psycopg.connect(url) as conn:
            rows = {r[0] for r in conn.execute("SELECT row_id FROM entity_row")}
        return len(rows), len(rows - seen)
    finally:
        server.stop()


def test_counter_row_feed_misses_nothing(pg_cluster: PgCluster) -> None:
    total, missed = _missed_by_a_busy_reader(pg_cluster, ServerOptions(commit_delay_s=0.05))
    assert total > 20
    assert missed == 0


def test_bigserial_feed_skips_rows_negative_control(pg_cluster: PgCluster) -> None:
    total, missed = _missed_by_a_busy_reader(
        pg_cluster, ServerOptions(bigserial_feed=True, commit_delay_s=0.05))
    assert total > 20
    assert missed > 0, "a BIGSERIAL cursor should have skipped rows under concurrent writers"
