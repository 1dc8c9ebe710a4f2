"""The acknowledged head on a device that never synced or cannot reach head office: nothing
to compare is not a failure offline, and the online check says clearly why it cannot run."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from salesdesk import cli
from salesdesk.domain.errors import DomainError
from salesdesk.domain.ledger import ACK_KEY
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.services.disclosure import check_ledger


def test_a_device_never_synced_verifies_and_the_online_check_explains(
        demo: Services, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check_ledger(demo.db).ok
    with pytest.raises(DomainError, match="尚未登记"):
        demo.ledger_anchor.check_online()
    assert cli.main(["--data-dir", str(data_dir), "db", "verify"]) == 0
    assert cli.main(["--data-dir", str(data_dir), "db", "verify", "--online"]) == 1
    out = capsys.readouterr().out
    assert "FAIL ledger_online: 本机尚未登记到总部同步服务" in out
    assert "OK   disclosure_ledger" in out


def test_a_garbled_acknowledged_head_is_reported_not_a_crash(demo: Services) -> None:
    device = demo.db.device_id
    conn = sqlite3.connect(demo.db.path, isolation_level=None)
    try:
        conn.execute("INSERT INTO local_meta (key, value) VALUES (?, 'x:y')", (ACK_KEY + device,))
    finally:
        conn.close()
    problems = check_ledger(demo.db).chain_problems
    assert [p.problem for p in problems] == ["ack_altered"]


def test_chain_summaries_name_this_device_first(demo: Services) -> None:
    (own, *_others) = demo.ledger_anchor.chains()
    assert own.own and own.device_id == demo.db.device_id
    assert own.records > 0 and own.head_seq == own.records and own.ack_seq == 0


def test_alarms_list_ledger_kinds_and_tamper_of_ledger_records_only(
        demo: Services, supervisor: Actor) -> None:
    from salesdesk.store.models.sync import SyncConflict

    kept = json.dumps({"created_by_device": "dev-a", "chain_seq": 4})
    with demo.db.uow() as uow:
        for kind, entity in (("tamper", "disclosure_record"), ("tamper", "customer"),
                             ("field", "disclosure_record"), ("ledger_link", "disclosure_record")):
            uow.add(SyncConflict(kind=kind, entity=entity, row_id=f"{kind}-{entity}",
                                 kept_value=kept, detail="{}"))
        uow.commit()
    alarms = demo.ledger_anchor.alarms(supervisor)
    assert sorted((a.kind, a.record_id) for a in alarms) == [
        ("ledger_link", "ledger_link-disclosure_record"), ("tamper", "tamper-disclosure_record")]
    tamper = next(a for a in alarms if a.kind == "tamper")
    assert (tamper.chain_device, tamper.chain_seq) == ("dev-a", 4) and tamper.kind == "tamper"
    with pytest.raises(DomainError):
        demo.ledger_anchor.alarms(demo.auth.actor_for(_staff(demo, "R001")))


def _staff(services: Services, code: str) -> str:
    return next(e.id for e in services.auth.signin_list() if e.code == code)


def test_head_office_recomputes_every_demo_record_hash_from_what_sync_sends(
        demo: Services) -> None:
    """The server admits a record only if the hash of the payload sync carries is its hash:
    every kind of record the demo makes (rounds, overrides, signatures, corrections) passes."""
    from salesdesk.domain.ledger import payload_hash

    conn = sqlite3.connect(demo.db.path)
    try:
        payloads = [json.loads(p) for (p,) in conn.execute(
            "SELECT payload FROM outbox WHERE entity = 'disclosure_record'")]
        kinds = {r for (r,) in conn.execute("SELECT DISTINCT record_type FROM disclosure_record")}
    finally:
        conn.close()
    assert len(payloads) > 20 and kinds == {"round", "gate_override"}
    assert [p["id"] for p in payloads if payload_hash(p) != p["hash"]] == []
