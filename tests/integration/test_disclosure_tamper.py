"""The ledger file itself refuses changes, and ``db verify`` catches a tamperer who edits the
database file directly with sqlite3 (dropping the triggers first), naming the record. The
ledger is a small one the kit records through the real services (``ledger``); one test checks
the demo's own."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect

from salesdesk import cli
from salesdesk.demo.disclosure import signature_png
from salesdesk.domain.disclosure import RoundKind
from salesdesk.domain.ledger import HASH_FIELDS, canonical, record_hash
from salesdesk.domain.roles import Role
from salesdesk.services.container import Services
from salesdesk.services.disclosure import check_ledger
from salesdesk.store.models.disclosure import (
    DisclosureChecklist,
    DisclosureRecord,
    DisclosureSignature,
)
from tests.conftest import FakeClock
from tests.factories import Kit


@pytest.fixture
def ledger(kit: Kit, clock: FakeClock) -> Services:
    """Ten ledger records on one device: signed and paper rounds, one round with items
    skipped, a supervisor's override and two subscriptions; a checklist naming a 变电站."""
    kit.factor("F01", "东侧 110kV 变电站", category="substation")
    consultant, supervisor = kit.staff(Role.CONSULTANT), kit.staff(Role.SUPERVISOR)
    first, second = kit.unit_id("1-201"), kit.unit_id("1-202")
    customers = [kit.customer(owner=consultant) for _ in range(4)]
    units = (first, second, first, second)
    # Records 1–8: odd ones are pre-deposit rounds with the 变电站 skipped, even ones signed.
    for n, (customer, unit) in enumerate(zip(customers, units, strict=True)):
        kit.disclosure_round(consultant, customer, unit, skip=("factor:F01",))
        clock.advance(minutes=3)  # each record at its own time, as at the desk
        kit.disclosure_round(consultant, customer, unit, kind=RoundKind.RECEPTION,
                             signature_png=signature_png(n + 1))
        clock.advance(minutes=3)
    kit.subscription(consultant, customers[0], first)  # record 9: its complete round
    clock.advance(minutes=3)
    kit.services.subscriptions.subscribe(  # record 10: the override
        consultant, customer_id=customers[1], unit_id=second, price=2_800_000, deposit=50_000,
        override_by=supervisor, override_reason="客户赶飞机，明日补充告知")
    return kit.services


@contextmanager
def raw(services: Services) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(services.db.path, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def untrigger(conn: sqlite3.Connection) -> None:
    """What a tamperer does first."""
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger' "
                                "AND tbl_name LIKE 'disclosure_%'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")


def record_at(conn: sqlite3.Connection, seq: int) -> str:
    return str(conn.execute("SELECT id FROM disclosure_record WHERE chain_seq = ?",
                            (seq,)).fetchone()[0])


def verify_output(services: Services, data_dir: Path,
                  capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["--data-dir", str(data_dir), "db", "verify"])
    return code, capsys.readouterr().out


def test_demo_ledger_verifies(demo: Services, data_dir: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out = verify_output(demo, data_dir, capsys)
    assert code == 0, out
    assert "OK   disclosure_ledger" in out


def test_triggers_refuse_update_and_delete_but_allow_setting_server_seq(ledger: Services) -> None:
    with raw(ledger) as conn:
        rid = record_at(conn, 3)
        for sql in ("UPDATE disclosure_record SET n_covered = n_items WHERE id = ?",
                    "UPDATE disclosure_record SET deleted = 1 WHERE id = ?",
                    "UPDATE disclosure_record SET server_seq = 9, reason = 'x' WHERE id = ?",
                    "DELETE FROM disclosure_record WHERE id = ?"):
            with pytest.raises(sqlite3.DatabaseError, match="never"):
                conn.execute(sql, (rid,))
        sid = conn.execute("SELECT id FROM disclosure_signature LIMIT 1").fetchone()[0]
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("UPDATE disclosure_signature SET png = x'00' WHERE id = ?", (sid,))
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("DELETE FROM disclosure_checklist")
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("DELETE FROM subscription")
        conn.execute("UPDATE disclosure_record SET server_seq = 41 WHERE id = ?", (rid,))
        assert conn.execute("SELECT server_seq FROM disclosure_record WHERE id = ?",
                            (rid,)).fetchone()[0] == 41
    assert check_ledger(ledger.db).ok  # server_seq is not evidence: the chain still holds


def test_edited_field_is_caught_and_named(ledger: Services, data_dir: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    with raw(ledger) as conn:
        untrigger(conn)
        # A round where the customer skipped items, made to look complete.
        rid = conn.execute("SELECT id FROM disclosure_record WHERE n_covered < n_items "
                           "AND record_type = 'round' LIMIT 1").fetchone()[0]
        conn.execute("UPDATE disclosure_record SET n_covered = n_items, coverage = "
                     "replace(coverage, '-', '0') WHERE id = ?", (rid,))
    code, out = verify_output(ledger, data_dir, capsys)
    assert code == 1
    assert f"FAIL disclosure_ledger: 记录 {rid}" in out and "被改动" in out
    assert "触发器" in out  # the dropped protection is reported too


def test_edit_with_recomputed_hash_breaks_the_next_link(ledger: Services) -> None:
    with raw(ledger) as conn:
        untrigger(conn)
        cols = ", ".join(HASH_FIELDS)
        row = list(conn.execute(f"SELECT {cols} FROM disclosure_record WHERE chain_seq = 6")
                   .fetchone())
        row[HASH_FIELDS.index("reason")] = "事后补写的说明"
        new_hash = record_hash(row)
        conn.execute("UPDATE disclosure_record SET reason = ?, hash = ? WHERE chain_seq = 6",
                     (row[-1], new_hash))
        nxt = record_at(conn, 7)
    problems = check_ledger(ledger.db).chain_problems
    assert [(p.record_id, p.problem) for p in problems] == [(nxt, "broken_link")]


def test_deleted_row_is_caught_and_the_gap_named(ledger: Services, data_dir: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with raw(ledger) as conn:
        untrigger(conn)
        gone, after = record_at(conn, 4), record_at(conn, 5)
        conn.execute("DELETE FROM disclosure_record WHERE id = ?", (gone,))
    code, out = verify_output(ledger, data_dir, capsys)
    assert code == 1
    assert f"记录 {after}" in out and "第 4 条记录缺失" in out


def test_deleted_last_row_is_caught_by_the_chain_head(ledger: Services) -> None:
    with raw(ledger) as conn:
        untrigger(conn)
        last = conn.execute("SELECT MAX(chain_seq) FROM disclosure_record").fetchone()[0]
        conn.execute("DELETE FROM disclosure_record WHERE chain_seq = ?", (last,))
    problems = check_ledger(ledger.db).chain_problems
    assert [p.problem for p in problems] == ["tail_missing"]
    assert f"第 {last}–{last} 条" in problems[0].detail_zh or f"第 {last}" in problems[0].detail_zh


def test_swapped_order_is_caught_and_both_named(ledger: Services, data_dir: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    with raw(ledger) as conn:
        untrigger(conn)
        a, b = record_at(conn, 8), record_at(conn, 9)
        conn.execute("UPDATE disclosure_record SET chain_seq = -1 WHERE id = ?", (a,))
        conn.execute("UPDATE disclosure_record SET chain_seq = 8 WHERE id = ?", (b,))
        conn.execute("UPDATE disclosure_record SET chain_seq = 9 WHERE id = ?", (a,))
    code, out = verify_output(ledger, data_dir, capsys)
    assert code == 1
    assert f"记录 {a}" in out and f"记录 {b}" in out


def test_swapped_times_are_caught(ledger: Services) -> None:
    with raw(ledger) as conn:
        untrigger(conn)
        (t8,), (t9,) = conn.execute("SELECT recorded_at FROM disclosure_record "
                                    "WHERE chain_seq IN (8, 9) ORDER BY chain_seq").fetchall()
        conn.execute("UPDATE disclosure_record SET recorded_at = ? WHERE chain_seq = 8", (t9,))
        conn.execute("UPDATE disclosure_record SET recorded_at = ? WHERE chain_seq = 9", (t8,))
    assert {p.chain_seq for p in check_ledger(ledger.db).chain_problems} == {8, 9}


def test_replaced_signature_image_is_caught(ledger: Services) -> None:
    with raw(ledger) as conn:
        untrigger(conn)
        sid = conn.execute("SELECT signature_id FROM disclosure_record WHERE signature_id != '' "
                           "LIMIT 1").fetchone()[0]
        fake = b"\x89PNG forged"
        conn.execute("UPDATE disclosure_signature SET png = ?, sha256 = ? WHERE id = ?",
                     (fake, hashlib.sha256(fake).hexdigest(), sid))
    check = check_ledger(ledger.db)
    assert any(p.problem == "signature" for p in check.chain_problems)


def test_edited_checklist_is_caught(ledger: Services) -> None:
    with raw(ledger) as conn:
        untrigger(conn)
        conn.execute("UPDATE disclosure_checklist SET items_json = replace(items_json, "
                     "'变电站', '配电箱')")
    check = check_ledger(ledger.db)
    assert any("清单" in p for p in check.other_problems)
    assert any(p.problem == "checklist" for p in check.chain_problems)


def test_update_trigger_covers_every_ledger_column(ledger: Services) -> None:
    """A column added later without protection would be editable: fail here first."""
    with raw(ledger) as conn:
        sql = {n: s for n, s in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type='trigger'")}
    for model in (DisclosureRecord, DisclosureChecklist, DisclosureSignature):
        trigger = sql[f"{model.__tablename__}_no_update"]
        for col in inspect(model).columns:
            if col.name != "server_seq":
                assert f"NEW.{col.name} IS NOT OLD.{col.name}" in trigger, col.name
    assert set(HASH_FIELDS) <= {c.name for c in inspect(DisclosureRecord).columns}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=20), st.integers(-(2**62), 2**62)),
                min_size=len(HASH_FIELDS), max_size=len(HASH_FIELDS)))
def test_sqlite_json_array_is_the_canonical_json(values: list[object]) -> None:
    """The SQL verifier hashes SQLite's json_array; records are hashed from ledger.canonical."""
    conn = sqlite3.connect(":memory:")
    try:
        marks = ", ".join("?" * len(values))
        (text,) = conn.execute(f"SELECT json_array({marks})", values).fetchone()
    finally:
        conn.close()
    assert text == canonical(values)


@pytest.mark.parametrize("column, value", [
    ("customer_id", "'someone-else'"), ("coverage", "'0,0,0'"),
    ("recorded_at", "'2026-01-01 00:00:00.000000'"), ("paper_form", "1 - paper_form"),
    ("reason", "'补写'"), ("chain_seq", "999"), ("n_covered", "n_covered + 0.5"),
])
def test_sql_verifier_agrees_with_the_python_reference(ledger: Services, column: str,
                                                       value: str) -> None:
    from salesdesk.domain.ledger import verify_chain
    from salesdesk.store.ledger import heads as _heads

    with raw(ledger) as conn:
        untrigger(conn)
        conn.execute(f"UPDATE disclosure_record SET {column} = {value} WHERE chain_seq = 7")
        rows = conn.execute(f"SELECT {', '.join(HASH_FIELDS)}, hash FROM disclosure_record "
                            "ORDER BY created_by_device, chain_seq").fetchall()
        checklists = dict(conn.execute("SELECT id, checklist_hash FROM disclosure_checklist"))
        signatures = dict(conn.execute("SELECT id, sha256 FROM disclosure_signature"))
        heads = _heads(conn)
    reference = {(p.record_id, p.problem)
                 for p in verify_chain(rows, heads, None, checklists, signatures)}
    found = {(p.record_id, p.problem) for p in check_ledger(ledger.db).chain_problems}
    assert found == reference
    assert found  # the edit is caught
