"""The disclosure ledger anchored at head office (issue 12, section 4 and "ledger forks").

Real SQLite files on each device, a real PostgreSQL behind the real sync service. After the
device has synced, someone edits its file with sqlite3 (triggers dropped first): every way of
hiding it is reported — by ``db verify`` against the head head office acknowledged, and by
``db verify --online`` against head office's copy — naming the record's number."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

from salesdesk import cli
from salesdesk.domain.disclosure import RoundKind
from salesdesk.domain.ledger import ACK_KEY, HASH_FIELDS, record_hash
from salesdesk.domain.roles import Actor
from salesdesk.services.disclosure import check_ledger
from salesdesk.store.database import DB_FILE_NAME
from salesdesk.store.ledger import HEAD_KEY
from salesdesk.store.models.disclosure import DisclosureRecord
from salesdesk.store.models.local import LocalMeta
from salesdesk.store.models.org import Staff
from salesdesk.sync.server.__main__ import main as server_main
from tests.conftest import FakeClock
from tests.sync_fixtures import Device

DEMO = Path(__file__).resolve().parents[2] / "resources" / "defaults" / "demo_project.json"
CENTRE = json.loads(DEMO.read_text(encoding="utf-8"))["sales_centre"]["code"]
pytestmark = pytest.mark.postgres
N = 5  # records on the device before it syncs


@pytest.fixture
def head_office(sync_db: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("DATABASE_URL", sync_db)
    assert server_main(["load-project", str(DEMO)]) == 0
    return sync_db


def actor(dev: Device, code: str) -> Actor:
    with dev.services.db.reader() as uow:
        staff_id = uow.session.scalar(select(Staff.id).where(Staff.code == code))
    assert staff_id is not None
    return dev.services.auth.actor_for(staff_id)


def rounds(dev: Device, clock: FakeClock, n: int, phone: str) -> list[str]:
    consultant = actor(dev, "C102")
    customer = dev.services.customers.register(consultant, phone=phone, consent=True)
    unit = next(u for u in dev.services.projects.units(consultant) if u.number == "2-1502")
    items = dev.services.disclosure.checklist(consultant, customer.id, unit.id).items
    out = []
    for i in range(n):
        clock.advance(minutes=7)
        # Each round covers a different share of the items, so the records differ.
        ticks = {it.code: clock.now for it in items[:len(items) - i % 3]}
        out.append(dev.services.disclosure.record_round(
            consultant, customer_id=customer.id, unit_id=unit.id, kind=RoundKind.RECEPTION,
            ticks=ticks, paper_form=True).id)
    return out


@pytest.fixture
def synced(head_office: str, make_device: Callable[..., Device]) -> Device:
    """A device whose N records head office holds and acknowledged."""
    clock = FakeClock()
    dev = make_device("kiosk", centre=CENTRE, clock=clock)
    dev.client.sync_round()
    rounds(dev, clock, N, "13812340001")
    dev.client.sync_round()
    assert dev.services.sync.status().pending == 0
    return dev


@contextmanager
def tamper(dev: Device) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(dev.services.db.path, isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger' "
                                "AND tbl_name LIKE 'disclosure_%'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    try:
        yield conn
    finally:
        conn.close()


def values(conn: sqlite3.Connection, seq: int) -> list[object]:
    return list(conn.execute(f"SELECT {', '.join(HASH_FIELDS)} FROM disclosure_record "
                             "WHERE chain_seq = ?", (seq,)).fetchone())


def rehash(conn: sqlite3.Connection, seq: int, prev: str | None = None) -> str:
    """Recompute a record's hash (after setting its prev_hash), as a careful tamperer would."""
    if prev is not None:
        conn.execute("UPDATE disclosure_record SET prev_hash = ? WHERE chain_seq = ?",
                     (prev, seq))
    h = record_hash(values(conn, seq))
    conn.execute("UPDATE disclosure_record SET hash = ? WHERE chain_seq = ?", (h, seq))
    return h


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("UPDATE local_meta SET value = ? WHERE key = ?", (value, key))


def offline(dev: Device) -> list[tuple[str, int]]:
    return [(p.problem, p.chain_seq) for p in check_ledger(dev.services.db).chain_problems]


def online(dev: Device) -> list[tuple[str, int]]:
    check = dev.services.ledger_anchor.check_online()
    return [(p.problem, p.chain_seq) for p in check.problems]


def test_synced_device_has_the_acknowledged_head_and_both_checks_pass(
        synced: Device, head_office: str) -> None:
    device = synced.services.db.device_id
    with synced.services.db.reader() as uow:
        ack = uow.session.get(LocalMeta, ACK_KEY + device)
        head = uow.session.get(LocalMeta, HEAD_KEY + device)
        assert ack is not None and head is not None
        ack_value, head_value = ack.value, head.value
    assert ack_value == head_value and ack_value.startswith(f"{N}:")
    with psycopg.connect(head_office) as conn:
        held = conn.execute("SELECT chain_seq, hash FROM ledger_chain WHERE device_id = %s "
                            "ORDER BY chain_seq", (device,)).fetchall()
    assert [s for s, _ in held] == list(range(1, N + 1))
    assert held[-1][1] == ack_value.split(":")[1]
    assert offline(synced) == []
    check = synced.services.ledger_anchor.check_online()
    assert check.ok and check.compared == N


def test_edited_record_is_reported_by_both_checks(synced: Device) -> None:
    with tamper(synced) as conn:
        conn.execute("UPDATE disclosure_record SET n_covered = n_items, coverage = "
                     "replace(coverage, '-', '0') WHERE chain_seq = 3")
    assert offline(synced) == [("altered", 3)]
    assert online(synced) == [("altered", 3)]


def test_edit_with_its_own_hash_recomputed(synced: Device) -> None:
    with tamper(synced) as conn:
        conn.execute("UPDATE disclosure_record SET reason = '事后补写' WHERE chain_seq = 3")
        rehash(conn, 3)
    assert offline(synced) == [("broken_link", 4)]
    assert online(synced) == [("altered", 3)]


def test_edit_with_every_later_hash_and_the_local_head_recomputed(synced: Device) -> None:
    """What passed ``db verify`` before: the whole chain after the edit rewritten."""
    device = synced.services.db.device_id
    with tamper(synced) as conn:
        conn.execute("UPDATE disclosure_record SET reason = '事后补写' WHERE chain_seq = 3")
        h = rehash(conn, 3)
        for seq in range(4, N + 1):
            h = rehash(conn, seq, prev=h)
        set_meta(conn, HEAD_KEY + device, f"{N}:{h}")
    # The chain is consistent in itself; the record at the acknowledged head is not the one
    # head office acknowledged. Online, each rewritten record is named.
    assert offline(synced) == [("ack_altered", N)]
    assert online(synced) == [("altered", s) for s in range(3, N + 1)]


def test_deleted_last_records(synced: Device) -> None:
    with tamper(synced) as conn:
        conn.execute("DELETE FROM disclosure_record WHERE chain_seq > 3")
    found = offline(synced)
    assert ("tail_missing", N) in found and ("ack_missing", N) in found
    assert online(synced) == [("deleted", 4), ("deleted", 5)]


def test_deleted_last_records_and_the_local_head_rewritten(synced: Device) -> None:
    device = synced.services.db.device_id
    with tamper(synced) as conn:
        conn.execute("DELETE FROM disclosure_record WHERE chain_seq > 3")
        (h3,) = conn.execute("SELECT hash FROM disclosure_record WHERE chain_seq = 3").fetchone()
        set_meta(conn, HEAD_KEY + device, f"3:{h3}")
    problems = check_ledger(synced.services.db).chain_problems
    assert [(p.problem, p.chain_seq) for p in problems] == [("ack_missing", N)]
    assert "第 4–5 条" in problems[0].detail_zh
    assert online(synced) == [("deleted", 4), ("deleted", 5)]


def test_rewriting_the_acknowledged_head_too_defeats_only_the_offline_check(
        synced: Device) -> None:
    """The honest limit: what is in the file can all be rewritten; head office's copy not."""
    device = synced.services.db.device_id
    with tamper(synced) as conn:
        conn.execute("UPDATE disclosure_record SET reason = '事后补写' WHERE chain_seq = 2")
        h = rehash(conn, 2)
        for seq in range(3, N + 1):
            h = rehash(conn, seq, prev=h)
        set_meta(conn, HEAD_KEY + device, f"{N}:{h}")
        set_meta(conn, ACK_KEY + device, f"{N}:{h}")
    assert offline(synced) == []
    assert online(synced) == [("altered", s) for s in range(2, N + 1)]


def test_replaced_record_is_reported_as_a_fork(synced: Device) -> None:
    device = synced.services.db.device_id
    with tamper(synced) as conn:
        row = values(conn, N)
        old_id = row[0]
        conn.execute("UPDATE disclosure_record SET id = 'forged-0000-0000-0000-000000000000' "
                     "WHERE chain_seq = ?", (N,))
        h = rehash(conn, N)
        set_meta(conn, HEAD_KEY + device, f"{N}:{h}")
        set_meta(conn, ACK_KEY + device, f"{N}:{h}")
    assert old_id != "forged-0000-0000-0000-000000000000"
    assert offline(synced) == []
    assert online(synced) == [("forked", N)]


def test_records_not_yet_sent_are_not_reported_but_inserted_ones_are(
        synced: Device, make_device: Callable[..., Device]) -> None:
    clock = synced.services.db.clock
    assert isinstance(clock, FakeClock)
    rounds(synced, clock, 1, "13812340002")  # record 6, waiting in the outbox
    assert online(synced) == []
    with tamper(synced) as conn:
        conn.execute("DELETE FROM outbox WHERE entity = 'disclosure_record'")
    assert online(synced) == [("extra", N + 1)]


def test_cli_verify_online(synced: Device, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SALESDESK_KEY_DIR", str(synced.key_dir))
    args = ["--data-dir", str(synced.data_dir), "db", "verify", "--online"]
    assert cli.main(args) == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert "OK   ledger_online" in out
    device = synced.services.db.device_id
    with tamper(synced) as conn:
        conn.execute("DELETE FROM disclosure_record WHERE chain_seq > 3")
        (h3,) = conn.execute("SELECT hash FROM disclosure_record WHERE chain_seq = 3").fetchone()
        set_meta(conn, HEAD_KEY + device, f"3:{h3}")
    assert cli.main(args) == 1
    out = capsys.readouterr().out
    assert "FAIL disclosure_ledger" in out and "总部已确认的第 4–5 条记录在本机缺失" in out
    assert "FAIL ledger_online" in out and f"设备 {device[:8]} 第 4 条" in out
    assert f"设备 {device[:8]} 第 5 条" in out


def _clone(src: Device, root: Path) -> None:
    """A copy of a device's file set up as another machine (what makes a real fork)."""
    data, keys = root / "data", root / "keys"
    data.mkdir(parents=True)
    with sqlite3.connect(src.services.db.path) as a, \
            sqlite3.connect(data / DB_FILE_NAME) as b:
        a.backup(b)
    shutil.copytree(src.key_dir, keys)


def test_fork_is_refused_raised_on_every_device_and_nothing_wedges(
        synced: Device, make_device: Callable[..., Device], head_office: str,
        tmp_path: Path) -> None:
    a = synced
    clock_a = a.services.db.clock
    assert isinstance(clock_a, FakeClock)
    _clone(a, tmp_path / "clone")
    clock_b = FakeClock(clock_a.now)
    b = make_device("clone", centre=CENTRE, clock=clock_b)  # same chain id, new enrolment
    assert b.services.db.device_id == a.services.db.device_id
    c = make_device("laptop", centre=CENTRE, clock=FakeClock(clock_a.now))
    c.client.sync_round()

    (mine,) = rounds(a, clock_a, 1, "13812340003")  # record 6 of the chain, on A
    (theirs,) = rounds(b, clock_b, 1, "13812340004")  # record 6 of the chain, on the clone
    a.client.sync_round()
    result = b.client.sync_round()
    assert result.rejected >= 1 and b.services.sync.status().pending == 0  # not stuck
    with psycopg.connect(head_office) as conn:
        held = conn.execute("SELECT record_id FROM ledger_chain WHERE device_id = %s "
                            "AND chain_seq = %s", (a.services.db.device_id, N + 1)).fetchone()
        alarms = conn.execute("SELECT kind, row_id FROM alarm").fetchall()
        status = conn.execute("SELECT status, reason FROM change_log WHERE row_id = %s",
                              (theirs,)).fetchone()
    assert held == (mine,)
    assert ("ledger_fork", theirs) in alarms
    assert status is not None and status[0] == "rejected" and "ledger fork" in status[1]

    # The clone goes on: its next record no longer links to head office's chain (refused
    # too), and its other work still syncs.
    rounds(b, clock_b, 1, "13812340005")
    b.client.sync_round()
    assert b.services.sync.status().pending == 0

    # Every device pulls the alarm; none receives the refused record; A keeps syncing.
    (later,) = rounds(a, clock_a, 1, "13812340006")
    a.client.sync_round()
    c.client.sync_round()
    supervisor = actor(c, "S001")
    seen = c.services.ledger_anchor.alarms(supervisor)
    fork = [x for x in seen if x.kind == "ledger_fork"]
    assert [(x.record_id, x.chain_seq, x.chain_device) for x in fork] == [
        (theirs, N + 1, a.services.db.device_id)]
    assert {x.kind for x in seen} == {"ledger_fork", "ledger_link"}
    with c.services.db.reader() as uow:
        assert uow.session.get(DisclosureRecord, theirs) is None
        assert uow.session.get(DisclosureRecord, later) is not None
    assert check_ledger(c.services.db).ok
    assert c.services.ledger_anchor.check_online().ok
    a.client.sync_round()
    assert [x.kind for x in a.services.ledger_anchor.alarms(actor(a, "S001"))
            if x.kind == "ledger_fork"] == ["ledger_fork"]
    # The clone's copy of the chain is now forked from head office's, and it says so, offline
    # too (head office's record 6, pulled, is the acknowledged one; its pull went on).
    b.client.sync_round()
    assert ("forked", N + 1) in online(b)
    assert ("ack_altered", N + 2) in offline(b)


def test_audit_pdf_prints_each_chain_head_as_a_paper_anchor(synced: Device,
                                                           tmp_path: Path) -> None:
    from tests.pdfcheck import compact, pdf_text

    supervisor = actor(synced, "S001")
    today = synced.services.db.now().date()
    pdf, csv_path = tmp_path / "audit.pdf", tmp_path / "audit.csv"
    data = synced.services.disclosure_audit.export(supervisor, today, today, pdf=pdf,
                                                   csv_path=csv_path)
    (chain,) = data.chains
    assert chain.own and chain.records == N and chain.head_seq == N and chain.ack_seq == N
    assert chain.ack_hash == chain.head_hash and len(chain.head_hash) == 64
    text = compact(pdf_text(pdf))
    assert "告知记录哈希链" in text
    row = (f"{chain.device_id[:8]}（本机）{N}{N}{chain.head_hash[:16]}{N}"
           f"{chain.head_hash[:16]}")
    assert row in text
    assert chain.head_hash in csv_path.read_text(encoding="utf-8-sig")
