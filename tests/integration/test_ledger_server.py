"""Head office's copy of the ledger chains, spoken to directly (what any peer could send): each
record is admitted only with the right hash, link and a free place; anything else is refused
on its own — never a 5xx, never forwarded — and ``GET /v1/ledger`` serves the chain."""

from __future__ import annotations

import uuid
from typing import Any

import psycopg
import pytest

from salesdesk.domain.ledger import GENESIS, payload_hash
from salesdesk.sync.server.db import migrate, migration_files
from salesdesk.sync.server.devcluster import PgCluster, ServerThread, enrol_code
from tests.sync_helpers import RawDevice

pytestmark = pytest.mark.postgres
CHAIN = "7d0c5a52-0d54-4a53-9a55-2f4b7a8e0001"  # the recording device's own id


def record(dev: RawDevice, seq: int, prev: str, **over: Any) -> dict[str, Any]:
    at = "2026-11-24T02:00:00.123456+00:00"
    row = dev.row(
        created_by_device=CHAIN, updated_by_device=CHAIN, chain_seq=seq, prev_hash=prev,
        record_type="round", round_kind="reception", customer_id=str(uuid.uuid4()),
        unit_id=str(uuid.uuid4()), consultant_id="c1", recorded_by="c1", started_at=at,
        recorded_at=at, checklist_id="cl1", checklist_hash="a" * 64, coverage="0,-,3",
        n_items=3, n_covered=2, sunshine_ok=1, certificates_ok=0, contract_ok=1, factors_ok=1,
        signature_id="", signature_hash="", paper_form=1, supersedes_id="", reason="")
    row.update(over)
    row["hash"] = payload_hash(row)
    return row


@pytest.fixture
def raw(sync_server: ServerThread, sync_db: str) -> RawDevice:
    return RawDevice(sync_server.url, enrol_code(sync_db))


def push_one(dev: RawDevice, row: dict[str, Any]) -> dict[str, Any]:
    r = dev.push([dev.change("disclosure_record", row)])
    assert r.status_code == 200, r.text
    result: dict[str, Any] = r.json()["results"][0]
    return result


def test_records_are_acknowledged_and_served_in_chain_order(raw: RawDevice) -> None:
    first = record(raw, 1, GENESIS)
    second = record(raw, 2, first["hash"])
    r = raw.push([raw.change("disclosure_record", first), raw.change("disclosure_record", second)])
    assert [x["status"] for x in r.json()["results"]] == ["applied", "applied"]
    assert [x["ledger"] for x in r.json()["results"]] == [
        {"device": CHAIN, "chain_seq": 1, "hash": first["hash"]},
        {"device": CHAIN, "chain_seq": 2, "hash": second["hash"]}]
    again = push_one(raw, first)  # another change carrying the same record
    assert again["status"] == "duplicate" and again["ledger"]["hash"] == first["hash"]
    page = raw.http.get("/v1/ledger", params={"device": CHAIN, "after": 0, "limit": 1},
                        headers={"Authorization": f"Bearer {raw.token}"}).json()
    assert page["entries"] == [[1, first["hash"], first["id"]]] and page["has_more"]
    page = raw.http.get("/v1/ledger", params={"device": CHAIN, "after": 1},
                        headers={"Authorization": f"Bearer {raw.token}"}).json()
    assert page["entries"] == [[2, second["hash"], second["id"]]] and not page["has_more"]


def test_fork_wrong_hash_and_broken_link_are_refused_with_alarms_never_forwarded(
        raw: RawDevice, sync_db: str, sync_server: ServerThread) -> None:
    first = record(raw, 1, GENESIS)
    assert push_one(raw, first)["status"] == "applied"
    fork = record(raw, 1, GENESIS, reason="另一条")
    wrong = record(raw, 2, first["hash"])
    wrong["n_covered"] = 3  # content edited, hash left as it was
    unlinked = record(raw, 2, "f" * 64)
    no_genesis = record(raw, 1, "e" * 64)  # a first record must start from the genesis
    results = [push_one(raw, row) for row in (fork, wrong, unlinked, no_genesis)]
    assert [x["status"] for x in results] == ["rejected"] * 4
    assert "ledger fork" in results[0]["reason"] and "hash" in results[1]["reason"]
    assert "link" in results[2]["reason"] and "link" in results[3]["reason"]
    assert all("ledger" not in x for x in results)
    with psycopg.connect(sync_db) as conn:
        kinds = conn.execute("SELECT kind, row_id FROM alarm ORDER BY id").fetchall()
        held = conn.execute("SELECT chain_seq, record_id FROM ledger_chain").fetchall()
    assert kinds == [("ledger_fork", fork["id"]), ("ledger_hash", wrong["id"]),
                     ("ledger_link", unlinked["id"]), ("ledger_link", no_genesis["id"])]
    assert held == [(1, first["id"])]
    # Another device of the centre pulls the alarms as conflict rows, and no refused record.
    other = RawDevice(sync_server.url, enrol_code(sync_db))
    rows = list(other.pull()["changes"])
    ledger_rows = [c["row_id"] for c in rows if c["entity"] == "disclosure_record"]
    assert ledger_rows == [first["id"]]
    conflicts = {c["row"]["kind"]: c["row"] for c in rows if c["entity"] == "sync_conflict"}
    assert set(conflicts) == {"ledger_fork", "ledger_hash", "ledger_link"}
    assert sum(1 for c in rows if c["entity"] == "sync_conflict") == 4
    assert conflicts["ledger_fork"]["row_id"] == fork["id"]


@pytest.mark.parametrize("over", [
    {"chain_seq": "3"}, {"chain_seq": 10**30}, {"chain_seq": 0}, {"chain_seq": True},
    {"started_at": "yesterday"}, {"hash": None}, {"created_by_device": 7},
])
def test_malformed_records_are_refused_on_their_own(raw: RawDevice, over: dict[str, Any]) -> None:
    good = record(raw, 1, GENESIS)
    bad = {**good, **over, "id": str(uuid.uuid4())}
    r = raw.push([raw.change("disclosure_record", bad), raw.change("disclosure_record", good)])
    assert r.status_code == 200, r.text
    assert [x["status"] for x in r.json()["results"]] == ["rejected", "applied"]


def test_missing_hashed_field_is_refused(raw: RawDevice) -> None:
    bad = record(raw, 1, GENESIS)
    del bad["coverage"]
    assert push_one(raw, bad)["status"] == "rejected"


@pytest.mark.parametrize("params, status", [
    ({"device": CHAIN, "after": "x"}, 400), ({"after": 0}, 400),
    ({"device": CHAIN, "after": -1}, 400), ({"device": CHAIN, "after": 10**30}, 400),
    ({"device": "x" * 200}, 400),
])
def test_bad_ledger_queries_get_a_4xx(raw: RawDevice, params: dict[str, Any],
                                      status: int) -> None:
    r = raw.http.get("/v1/ledger", params=params,
                     headers={"Authorization": f"Bearer {raw.token}"})
    assert r.status_code == status, r.text
    assert raw.http.get("/v1/ledger", params={"device": CHAIN}).status_code == 401


def test_migration_backfills_the_chains_already_held(pg_cluster: PgCluster) -> None:
    url = pg_cluster.create_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE schema_migrations (name text PRIMARY KEY, "
                     "applied_at timestamptz NOT NULL DEFAULT now())")
        for path in migration_files():
            if path.stem < "0006":
                conn.execute(path.read_text(encoding="utf-8"))
                conn.execute("INSERT INTO schema_migrations (name) VALUES (%s)", (path.stem,))
        good = {"created_by_device": CHAIN, "chain_seq": 1, "hash": "b" * 64,
                "prev_hash": GENESIS}
        for row_id, data in (("r1", good), ("r2", {**good, "chain_seq": "junk"}),
                             ("r3", {**good, "hash": 5}), ("r4", {**good, "chain_seq": 1})):
            conn.execute("INSERT INTO entity_row (entity, row_id, company_id, data, version) "
                         "VALUES ('disclosure_record', %s, 'co', %s::jsonb, 1)",
                         (row_id, psycopg.types.json.Jsonb(data)))
    assert "0006_ledger_chain" in migrate(url)
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT device_id, chain_seq, hash, record_id FROM ledger_chain"
                            ).fetchall()
    # The junk rows are left out; of two claims on one place, one is kept.
    assert len(rows) == 1 and rows[0][:3] == (CHAIN, 1, "b" * 64)
    assert rows[0][3] in ("r1", "r4")
