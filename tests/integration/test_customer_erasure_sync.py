"""An erasure on one device reaches head office and every other device (issue 15 §1): afterwards
neither device's SQLite files (database, WAL, backups) nor any table of the server's database
holds the customer's name or number as bytes, the disclosure ledger still verifies on both
devices and against head office, and the second device shows the pseudonym."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from salesdesk.domain.disclosure import RoundKind
from salesdesk.domain.roles import Actor
from salesdesk.store.database import backup
from salesdesk.store.models.customer import Customer
from tests.conftest import FakeClock
from tests.sync_fixtures import Device, load_demo_centre, staff_actor

pytestmark = pytest.mark.postgres

NAME = "欧阳娜娜"
PHONE = "13911112222"
ID_NUMBER = "110101199003074514"
MESSAGE = f"{NAME}您好，本周六有样板间开放"


@pytest.fixture
def pair(sync_db: str, monkeypatch: pytest.MonkeyPatch,
         make_device: Callable[..., Device]) -> tuple[Device, Device]:
    centre = load_demo_centre(sync_db, monkeypatch)
    a = make_device("kiosk", centre=centre, clock=FakeClock())
    b = make_device("laptop", centre=centre, clock=FakeClock())
    a.client.sync_round()
    b.client.sync_round()
    return a, b


def _rounds(*devices: Device, n: int = 2) -> None:
    for _ in range(n):
        for dev in devices:
            dev.client.sync_round()
            state = dev.client.state()
            assert state is not None and state.last_error == "", state
            assert dev.client.pending_count() == 0


def _files_hold(folder: Path, *needles: str) -> list[str]:
    found = []
    for f in sorted(folder.rglob("*")):
        if f.is_file():
            raw = f.read_bytes()
            found += [f"{f.name}: {n}" for n in needles if n.encode("utf-8") in raw]
    return found


def _server_holds(sync_db: str, *needles: str) -> list[str]:
    """Every row of every table of head office's database, as text, searched for the needles
    (what a pg_dump would write)."""
    found = []
    with psycopg.connect(sync_db) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        for t in tables:
            text = conn.execute(sql.SQL("SELECT coalesce(string_agg(x::text, ''), '') FROM {} x")
                                .format(sql.Identifier(t))).fetchone()
            assert text is not None
            found += [f"{t}: {n}" for n in needles if n in text[0]]
    return found


def _customer_with_history(dev: Device, who: Actor) -> str:
    c = dev.services.customers.register(who, phone=PHONE, name=NAME, salutation="欧阳女士",
                                        id_number=ID_NUMBER, consent=True,
                                        owner_staff_id=who.staff_id)
    unit = next(u for u in dev.services.projects.units(who) if u.sellable)
    cl = dev.services.disclosure.checklist(who, c.id, unit.id)
    dev.services.disclosure.record_round(
        who, customer_id=c.id, unit_id=unit.id, kind=RoundKind.RECEPTION,
        ticks={i.code: dev.services.db.now() for i in cl.items}, paper_form=True)
    with dev.services.db.uow(who) as uow:
        dev.services.messages.queue_message(uow, customer_id=c.id, staff_id=who.staff_id,
                                            kind="care.holiday", text=MESSAGE,
                                            dedupe_key="holiday-1")
        uow.commit()
    return c.id


def test_erasure_travels_and_leaves_no_bytes_anywhere(pair: tuple[Device, Device],
                                                      sync_db: str) -> None:
    a, b = pair
    consultant = staff_actor(a, "C102")
    cid = _customer_with_history(a, consultant)
    _rounds(a, b)
    supervisor_b = staff_actor(b, "S001")
    assert b.services.customers.get(supervisor_b, cid).name == NAME
    backup(b.services.db.path, b.data_dir / "backups", "before-upgrade-test")
    assert _files_hold(b.data_dir, NAME, PHONE)
    assert _server_holds(sync_db, NAME, PHONE)
    with psycopg.connect(sync_db) as conn:
        # Entries written before the feed sent current states kept a copy of the row.
        conn.execute("UPDATE change_log c SET row_state = e.data FROM entity_row e "
                     "WHERE e.entity = c.entity AND e.row_id = c.row_id "
                     "AND c.entity IN ('customer', 'customer_phone')")
        # A losing name kept in the conflict inbox, and a duplicate flag (ids only).
        for conflict_id, kind, kept in (("k1", "field", json.dumps(NAME + "旧")),
                                        ("k2", "duplicate_customer", json.dumps(cid))):
            conn.execute(
                "INSERT INTO entity_row (entity, row_id, company_id, sales_centre_id, data, "
                "version, field_meta) SELECT 'sync_conflict', %s, company_id, sales_centre_id, "
                "jsonb_build_object('id', %s::text, 'kind', %s::text, 'entity', 'customer', "
                "'row_id', %s::text, "
                "'kept_value', %s::text, 'current_value', %s::text, 'detail', %s::text), 1, "
                "'{}'::jsonb FROM entity_row WHERE entity = 'customer' AND row_id = %s",
                (conflict_id, conflict_id, kind, cid, kept, json.dumps(NAME),
                 json.dumps({"phone": PHONE}), cid))

    result = a.services.customer_rights.erase(staff_actor(a, "S001"), cid, "客户书面要求删除")
    assert result.erased
    # Meanwhile the laptop, not yet told, edits the name (its clock later than the erasure).
    b.services.db.clock.advance(hours=1)  # type: ignore[attr-defined]
    with b.services.db.uow(supervisor_b) as uow:
        row = uow.session.get(Customer, cid)
        assert row is not None
        row.name, row.notes = NAME + "（新）", f"{NAME}的备注"
        uow.commit()
    _rounds(a, b)

    shown = b.services.customers.get(supervisor_b, cid)
    assert shown.name == result.pseudonym and shown.phones == ()
    assert not shown.has_id_number
    assert b.services.customers.find_by_phone(supervisor_b, PHONE) is None
    for dev in (a, b):
        assert _files_hold(dev.data_dir, NAME, PHONE, ID_NUMBER, "欧阳女士") == []
        assert dev.services.maintenance.verify().ok
        online = dev.services.ledger_anchor.online_findings()
        assert all(f.ok for f in online), [f.detail for f in online if not f.ok]
    assert _server_holds(sync_db, NAME, PHONE, "欧阳女士") == []
    assert a.services.customers.get(staff_actor(a, "S001"), cid).name == result.pseudonym
    with psycopg.connect(sync_db) as conn:
        erased = conn.execute("SELECT data->>'name', data->>'erased_at' FROM entity_row "
                              "WHERE entity = 'customer' AND row_id = %s", (cid,)).fetchone()
        assert erased is not None and erased[0] == result.pseudonym and erased[1]
        kept = dict(conn.execute("SELECT row_id, data->>'kept_value' FROM entity_row WHERE "
                                 "entity = 'sync_conflict' AND row_id IN ('k1', 'k2')").fetchall())
        assert kept == {"k1": "null", "k2": json.dumps(cid)}
        # The disclosure record still names the customer by id, byte for byte as sent.
        assert conn.execute("SELECT count(*) FROM change_log WHERE entity = "
                            "'disclosure_record' AND raw_payload LIKE %s",
                            (f"%{cid}%",)).fetchone() == (1,)
    from salesdesk.sync.server.__main__ import main as server_main

    assert server_main(["vacuum-erased"]) == 0  # DATABASE_URL set by load_demo_centre
    # Both devices keep syncing afterwards.
    _rounds(a, b)
    b.services.customers.register(staff_actor(b, "C102"), phone="13911113333", name="司马光明",
                                  consent=True)
    _rounds(b, a)
    assert a.services.customers.find_by_phone(staff_actor(a, "S001"), "13911113333") is not None
