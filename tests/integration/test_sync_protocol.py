"""The push protocol against a real PostgreSQL (SYNC.md, "Protocol" and lessons 3–5)."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Callable

import psycopg
import pytest
from sqlalchemy import func, select

from salesdesk.store.database import DB_FILE_NAME, backup
from salesdesk.store.models.customer import Customer
from salesdesk.store.models.local import OutboxEntry
from salesdesk.sync.client.errors import SyncNeedsReenrol, SyncRevoked
from salesdesk.sync.server.auth import revoke
from salesdesk.sync.server.devcluster import ServerThread, enrol_code
from tests.sync_fixtures import Device, write_customer
from tests.sync_helpers import RawDevice

pytestmark = pytest.mark.postgres


def _count(url: str, sql: str, *params: object) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute(sql, params).fetchone()  # type: ignore[arg-type]
        return int(row[0]) if row else 0


def _customers(raw: RawDevice, n: int) -> list[dict[str, object]]:
    return [raw.change("customer", raw.row(name=f"客户{i}", salutation="", notes="",
                                            owner_staff_id=None, consent_version="",
                                            consent_at=None, id_number_enc=None))
            for i in range(n)]


def test_duplicated_push_has_one_effect(sync_server: ServerThread, sync_db: str) -> None:
    raw = RawDevice(sync_server.url, enrol_code(sync_db))
    batch = _customers(raw, 5)
    first = raw.push(batch).json()
    again = raw.push(batch).json()
    assert [r["status"] for r in first["results"]] == ["applied"] * 5
    assert [r["status"] for r in again["results"]] == ["duplicate"] * 5
    assert first["last_applied"] == again["last_applied"] == 5
    assert _count(sync_db, "SELECT count(*) FROM change_log WHERE device_id = %s",
                  raw.device_id) == 5
    assert _count(sync_db, "SELECT count(*) FROM entity_row WHERE entity = 'customer'") == 5
    # Another device sees each change once (the writer itself gets no echo of rows the server
    # applied exactly as it sent them).
    other = RawDevice(sync_server.url, enrol_code(sync_db))
    assert len(other.pull()["changes"]) == 5


def test_concurrent_duplicate_pushes_have_one_effect(sync_server: ServerThread,
                                                     sync_db: str) -> None:
    raw = RawDevice(sync_server.url, enrol_code(sync_db))
    batch = _customers(raw, 20)
    statuses: list[int] = []

    def send() -> None:
        statuses.append(raw.push(batch).status_code)

    threads = [threading.Thread(target=send) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [200] * 6
    assert _count(sync_db, "SELECT count(*) FROM change_log WHERE device_id = %s",
                  raw.device_id) == 20
    assert _count(sync_db, "SELECT count(DISTINCT feed_seq) FROM change_log") == 20
    other = RawDevice(sync_server.url, enrol_code(sync_db))
    assert [c["seq"] for c in other.pull()["changes"]] == list(range(1, 21))


def test_a_gap_stops_the_push(sync_server: ServerThread, sync_db: str) -> None:
    raw = RawDevice(sync_server.url, enrol_code(sync_db))
    c1, c2, c3, c4 = _customers(raw, 4)
    reply = raw.push([c1, c2, c4]).json()
    assert reply["last_applied"] == 2
    assert [r["seq"] for r in reply["results"]] == [1, 2]
    assert _count(sync_db, "SELECT count(*) FROM entity_row WHERE row_id = %s",
                  c4["row_id"]) == 0
    reply = raw.push([c3, c4]).json()
    assert reply["last_applied"] == 4
    assert [r["status"] for r in reply["results"]] == ["applied", "applied"]


def test_a_rejected_change_still_advances(sync_server: ServerThread, sync_db: str) -> None:
    raw = RawDevice(sync_server.url, enrol_code(sync_db))
    # Project configuration is read-only on devices; a row of another centre is refused too.
    bad = raw.change("project", raw.row(code="P", name="x", city="x"))
    foreign = raw.change("customer", raw.row(name="他店客户", sales_centre_id="other-centre"))
    good = _customers(raw, 1)[0]
    reply = raw.push([bad, foreign, good]).json()
    assert [r["status"] for r in reply["results"]] == ["rejected", "rejected", "applied"]
    assert "read_only" in reply["results"][0]["reason"]
    assert "wrong_centre" in reply["results"][1]["reason"]
    assert reply["last_applied"] == 3
    # The device is not stuck: the next number goes through.
    assert raw.push(_customers(raw, 1)).json()["last_applied"] == 4


def test_restored_from_backup_gets_409_and_re_enrols(
        make_device: Callable[..., Device], sync_db: str, sync_server: ServerThread) -> None:
    dev = make_device("pos")
    write_customer(dev, "甲")
    dev.client.sync_round()
    saved = backup(dev.data_dir / DB_FILE_NAME, dev.data_dir.parent / "backups", "old")
    write_customer(dev, "乙")
    dev.client.sync_round()
    dev.client.close()
    dev.services.close()
    shutil.copy2(saved, dev.data_dir / DB_FILE_NAME)
    for suffix in ("-wal", "-shm"):
        (dev.data_dir / (DB_FILE_NAME + suffix)).unlink(missing_ok=True)

    from salesdesk.services.container import build_services
    from salesdesk.store.database import open_database
    from salesdesk.sync.client.engine import SyncClient

    db = open_database(dev.data_dir, dev.key_dir)
    dev.services = build_services(db)
    dev.client = SyncClient(db.path, dev.key_dir, local_device_id=db.device_id)
    cid = write_customer(dev, "丙")  # reuses change number 2, already used by 乙 on the server
    with pytest.raises(SyncNeedsReenrol):
        dev.client.sync_round()
    assert dev.client.pending_count() == 1  # nothing local was dropped
    dev.client.enrol(sync_server.url, enrol_code(sync_db), label="pos-again")
    dev.client.sync_round()
    assert dev.client.pending_count() == 0
    assert _count(sync_db, "SELECT count(*) FROM entity_row WHERE row_id = %s", cid) == 1
    assert _count(sync_db, "SELECT count(*) FROM entity_row WHERE entity = 'customer'") == 3


def test_a_revoked_device_is_refused(make_device: Callable[..., Device], sync_db: str) -> None:
    dev = make_device("lost-tablet")
    write_customer(dev, "甲")
    dev.client.sync_round()
    with psycopg.connect(sync_db) as conn:
        assert revoke(conn, dev.client.state().device_id)  # type: ignore[union-attr]
    write_customer(dev, "乙")
    with pytest.raises(SyncRevoked):
        dev.client.sync_round()
    assert dev.client.pending_count() == 1
    assert _count(sync_db, "SELECT count(*) FROM entity_row WHERE entity = 'customer'") == 1


def test_an_expired_token_is_refreshed(make_device: Callable[..., Device], sync_db: str) -> None:
    dev = make_device("kiosk")
    write_customer(dev, "甲")
    dev.client.sync_round()
    with psycopg.connect(sync_db) as conn:
        conn.execute("UPDATE device_token SET expires_at = now() - interval '1 second'")
    write_customer(dev, "乙")
    result = dev.client.sync_round()
    assert result.pushed == 1
    assert _count(sync_db, "SELECT count(*) FROM device_token WHERE expires_at > now()") == 1


def test_pulled_rows_do_not_echo_into_the_outbox(make_device: Callable[..., Device]) -> None:
    a, b = make_device("a"), make_device("b")
    for i in range(3):
        write_customer(a, f"客户{i}")
    a.client.sync_round()
    b.client.sync_round()
    with b.services.db.reader() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Customer)) == 3
        assert uow.session.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        assert all(c.server_seq > 0 for c in uow.session.scalars(select(Customer)))


def test_a_pull_keeps_pending_local_edits_on_top(make_device: Callable[..., Device]) -> None:
    a, b = make_device("a"), make_device("b")
    cid = write_customer(a, "王五")
    a.client.sync_round()
    b.client.sync_round()
    with a.services.db.uow() as uow:
        uow.session.get(Customer, cid).salutation = "王先生"  # type: ignore[union-attr]
        uow.commit()
    a.client.sync_round()
    with b.services.db.uow() as uow:  # offline edit of another field, not yet pushed
        uow.session.get(Customer, cid).notes = "周末来"  # type: ignore[union-attr]
        uow.commit()
    b.client.pull_once()  # pull only: the edit is still pending in the outbox
    with b.services.db.reader() as uow:
        c = uow.session.get(Customer, cid)
        assert c is not None and (c.salutation, c.notes) == ("王先生", "周末来")
    assert b.client.pending_count() == 1
    b.client.sync_round()
    a.client.sync_round()
    with a.services.db.reader() as uow:
        c = uow.session.get(Customer, cid)
        assert c is not None and (c.salutation, c.notes) == ("王先生", "周末来")


def test_the_writer_gets_no_echo_of_rows_applied_as_sent(sync_server: ServerThread,
                                                         sync_db: str) -> None:
    a = RawDevice(sync_server.url, enrol_code(sync_db))
    b = RawDevice(sync_server.url, enrol_code(sync_db))
    insert = _customers(a, 1)[0]
    row = dict(insert["payload"])  # type: ignore[call-overload]
    a.push([insert])
    assert a.pull()["changes"] == []  # the server holds exactly what A holds
    # B edits the row; A, editing the same field from the same base, is merged on top: the
    # server's row (version 3) is not what A sent (version 2), so A gets it back.
    b.push([b.change("customer", {**row, "notes": "B", "row_version": 2}, operation="update",
                     fields=["notes"], base_version=1)])
    reply = a.push([a.change("customer", {**row, "notes": "A", "row_version": 2},
                             operation="update", fields=["notes"], base_version=1)]).json()
    assert reply["results"][0]["status"] == "conflict"
    pulled = a.pull()["changes"]
    assert [c["row"]["row_version"] for c in pulled if c["entity"] == "customer"] == [3]


def test_an_older_entry_brings_the_current_state(sync_server: ServerThread,
                                                 sync_db: str) -> None:
    a = RawDevice(sync_server.url, enrol_code(sync_db))
    reader = RawDevice(sync_server.url, enrol_code(sync_db))
    insert = _customers(a, 1)[0]
    row = dict(insert["payload"])  # type: ignore[call-overload]
    a.push([insert])
    a.push([a.change("customer", {**row, "notes": "第二次", "row_version": 2},
                     operation="update", fields=["notes"], base_version=1)])
    first = reader.pull(0, limit=1)
    assert first["next_cursor"] == 1 and first["has_more"]
    assert [(c["seq"], c["row"]["notes"]) for c in first["changes"]] == [(1, "第二次")]
    # A page holding both entries sends the row once, under its latest number.
    both = reader.pull(0)
    assert [(c["seq"], c["row"]["notes"]) for c in both["changes"]] == [(2, "第二次")]
    assert both["next_cursor"] == 2 and not both["has_more"]


def test_pulled_rows_are_stored_as_the_writer_stored_them(
        make_device: Callable[..., Device]) -> None:
    """Pulled rows are written with plain SQL: their stored text (dates included) must be what
    an ORM write stores, or queries comparing stored values would see two formats."""
    a, b = make_device("a"), make_device("b")
    cid = write_customer(a, "赵六")
    a.client.sync_round()
    b.client.sync_round()

    def stored(dev: Device) -> list[object]:
        conn = sqlite3.connect(dev.data_dir / DB_FILE_NAME)
        try:
            cur = conn.execute("SELECT * FROM customer WHERE id = ?", (cid,))
            names = [d[0] for d in cur.description]
            row = cur.fetchone()
            return [v for n, v in zip(names, row, strict=True) if n != "server_seq"]
        finally:
            conn.close()

    assert stored(b) == stored(a)


def test_a_lost_push_reply_does_not_hide_a_later_edit(make_device: Callable[..., Device]) -> None:
    """The server applied A's change but A never heard (the reply was lost). B then edits the
    row; A pulls while its change is still pending, so its own edit is laid on top of B's. When
    A's retry is answered "already applied", A must still end up with the server's row."""
    a, b = make_device("a"), make_device("b")
    cid = write_customer(a, "孙七")
    o = OutboxEntry.__table__
    with a.services.db.reader() as uow:
        lost = uow.session.execute(select(o)).one()._asdict()
    a.client.push_once()  # the server commits ...
    with a.services.db.uow() as uow:  # ... and the reply never arrives: the entry stays
        uow.session.execute(o.insert().values(**lost))
        uow.commit()
    b.client.sync_round()
    with b.services.db.uow() as uow:
        uow.session.get(Customer, cid).notes = "B 的备注"  # type: ignore[union-attr]
        uow.commit()
    b.client.sync_round()
    a.client.pull_once()
    a.client.sync_round()  # the retry: "already applied"
    a.client.sync_round()
    with a.services.db.reader() as uow:
        c = uow.session.get(Customer, cid)
        assert c is not None and c.notes == "B 的备注"
    assert a.client.pending_count() == 0
