"""Nothing wedges (SYNC.md): a device that cannot apply a pulled row sets it aside with the
reason, keeps pulling, shows it to supervisors and applies it once the obstacle is gone.
Before this, one such row stopped every other device of the centre from pulling, for good."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import MetaData, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.roles import Actor, Role
from salesdesk.store import migrate
from salesdesk.store.database import DB_FILE_NAME, open_database
from salesdesk.store.models.base import Synced
from salesdesk.store.models.customer import Customer
from salesdesk.store.models.sync import SyncSetAside
from salesdesk.sync.client.engine import SyncClient
from salesdesk.sync.server.push import ServerOptions, write_log
from tests.conftest import FakeClock
from tests.sync_fixtures import Device

pytestmark = pytest.mark.postgres


class _Strict(DeclarativeBase):
    metadata = MetaData()


class StrictBadge(Synced, _Strict):
    """A table with a local unique index, as every device of this version has it."""

    __tablename__ = "test_badge"
    code: Mapped[str] = mapped_column(String(20), unique=True)


class _Relaxed(DeclarativeBase):
    metadata = MetaData()


class RelaxedBadge(Synced, _Relaxed):
    """The same table on a device whose schema lacks the index (an older build, a bug)."""

    __tablename__ = "test_badge"
    code: Mapped[str] = mapped_column(String(20))


class _Future(DeclarativeBase):
    metadata = MetaData()


class FutureThing(Synced, _Future):
    """A table a newer version has."""

    __tablename__ = "future_thing"
    label: Mapped[str] = mapped_column(String(20), default="")


def _supervisor(dev: Device) -> Actor:
    return Actor(staff_id="s1", name="主管", role=Role.SUPERVISOR,
                 sales_centre_id=dev.services.db.sales_centre_id or "",
                 device_id=dev.services.db.device_id)


def _add(dev: Device, obj: Any) -> str:
    with dev.services.db.uow() as uow:
        uow.add(obj)
        uow.flush()
        oid = str(obj.id)
        uow.commit()
    return oid


def _edit(dev: Device, model: type, row_id: str, **values: object) -> None:
    with dev.services.db.uow() as uow:
        row = uow.session.get(model, row_id)
        for k, v in values.items():
            setattr(row, k, v)
        uow.commit()


def _has(dev: Device, model: Any, row_id: str) -> bool:
    with dev.services.db.reader() as uow:
        return uow.session.get(model, row_id) is not None


def _aside(dev: Device) -> list[Any]:
    with dev.services.db.reader() as uow:
        return [(a.entity, a.row_id, a.reason, a.partial, a.resolution)
                for a in uow.session.scalars(select(SyncSetAside).order_by(SyncSetAside.id))]


def _feed_end(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT max(feed_seq) FROM change_log").fetchone()
        return int(row[0]) if row and row[0] is not None else 0


def test_a_row_another_device_cannot_apply_is_set_aside_and_the_pull_goes_on(
        make_device: Callable[..., Device], sync_db: str, clock: FakeClock) -> None:
    a = make_device("a", extra_models=(RelaxedBadge,), clock=clock)
    b = make_device("b", extra_models=(StrictBadge,), clock=clock)
    first = _add(a, RelaxedBadge(code="VIP-1"))
    second = _add(a, RelaxedBadge(code="VIP-1"))  # passes A and head office, not B's index
    later = _add(a, Customer(name="后来的客户"))
    a.client.sync_round()
    # Before set-aside, this raised IntegrityError, and so did every round after it.
    b.client.sync_round()
    b.client.sync_round()
    assert _has(b, StrictBadge, first) and _has(b, Customer, later)
    assert not _has(b, StrictBadge, second)
    assert b.client.state().cursor == _feed_end(sync_db)  # type: ignore[union-attr]
    [(entity, row_id, reason, partial, resolution)] = _aside(b)
    assert (entity, row_id, partial, resolution) == ("test_badge", second, False, "")
    assert "UNIQUE constraint failed" in reason
    # B keeps syncing: a later row still arrives.
    again = _add(a, Customer(name="再后来的客户"))
    a.client.sync_round()
    b.client.sync_round()
    assert _has(b, Customer, again)
    # The supervisor sees it in the conflict inbox, with the reason; retrying now fails
    # with that reason and changes nothing.
    boss = _supervisor(b)
    [info] = [c for c in b.services.sync.conflicts(boss) if c.kind == "setaside"]
    assert info.row_id == second and "UNIQUE" in info.summary
    assert info.kept_value["code"] == "VIP-1"
    assert b.services.sync.status().conflicts_open == 1
    with pytest.raises(ValidationError, match="UNIQUE"):
        b.services.sync.resolve(boss, info.id, "retry")
    assert not _has(b, StrictBadge, second)
    # The obstacle goes (the first badge gets another code): the next round applies it.
    _edit(a, RelaxedBadge, first, code="VIP-2")
    a.client.sync_round()
    b.client.sync_round()
    b.client.sync_round()
    assert _has(b, StrictBadge, second)
    assert [r[4] for r in _aside(b)] == ["applied"]
    assert b.services.sync.status().conflicts_open == 0
    assert not [c for c in b.services.sync.conflicts(boss) if c.kind == "setaside"]


def _craft(url: str, entity: str, data: dict[str, Any]) -> None:
    """A feed entry written straight into head office's database: what an older server let
    through, or what a newer version writes."""
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT c.company_id, c.id FROM sales_centre c").fetchone()
        assert row is not None
        company, centre = row
        conn.execute(
            "INSERT INTO entity_row (entity, row_id, company_id, sales_centre_id, data, "
            "version) VALUES (%s, %s, %s, %s, %s::jsonb, 1) ON CONFLICT (entity, row_id) "
            "DO UPDATE SET data = EXCLUDED.data, version = entity_row.version + 1",
            (entity, data["id"], company, centre, json.dumps(data, ensure_ascii=False)))
        write_log(conn, company, [{
            "change_id": str(uuid.uuid4()), "device_id": None, "local_seq": None,
            "entity": entity, "row_id": data["id"], "operation": "insert",
            "status": "applied", "reason": "", "sales_centre_id": centre, "sends_row": True,
            "verbatim": False, "raw_payload": None}], ServerOptions())


def _server_row(url: str, row_id: str) -> dict[str, Any]:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT data FROM entity_row WHERE row_id = %s",
                           (row_id,)).fetchone()
        assert row is not None
        return dict(row[0])


def test_rows_of_a_newer_version_or_a_lax_server_are_set_aside_until_they_apply(
        make_device: Callable[..., Device], sync_db: str, clock: FakeClock) -> None:
    a = make_device("a", clock=clock)
    b = make_device("b", clock=clock)
    broken = _add(a, Customer(name="张三"))
    newer = _add(a, Customer(name="李四"))
    a.client.sync_round()
    bad_row = {**_server_row(sync_db, broken), "consent_at": "昨天下午"}
    _craft(sync_db, "customer", bad_row)
    _craft(sync_db, "customer", {**_server_row(sync_db, newer), "wechat": "lisi_1990"})
    future = {k: v for k, v in _server_row(sync_db, newer).items()
              if k in {c.name for c in FutureThing.__table__.columns}}
    future = {**future, "id": str(uuid.uuid4()), "label": "新表"}
    _craft(sync_db, "future_thing", future)
    later = _add(a, Customer(name="王五"))
    a.client.sync_round()

    b.client.sync_round()
    assert _has(b, Customer, later)
    aside = {r[1]: r for r in _aside(b)}
    assert "isoformat" in aside[broken][2] and not aside[broken][3]
    assert "wechat" in aside[newer][2] and aside[newer][3]  # applied without the column
    assert "future_thing" in aside[future["id"]][2]
    with b.services.db.reader() as uow:
        got = uow.session.get(Customer, newer)
        assert got is not None and got.name == "李四"
        # The feed sends current states: the broken one is all B ever saw of that row.
        assert uow.session.get(Customer, broken) is None
    labels = {c.row_id: c for c in b.services.sync.conflicts(_supervisor(b))}
    assert {broken, newer, future["id"]} <= set(labels)

    # Head office repairs the broken row: the newer state applies and resolves the entry.
    _craft(sync_db, "customer", {**bad_row, "consent_at": None, "name": "张三丰"})
    b.client.sync_round()
    aside = {r[1]: r for r in _aside(b)}
    assert aside[broken][4] == "superseded"
    with b.services.db.reader() as uow:
        fixed = uow.session.get(Customer, broken)
        assert fixed is not None and fixed.name == "张三丰"
    with b.services.db.reader() as uow:
        fixed = uow.session.get(Customer, broken)
        assert fixed is not None and fixed.name == "张三丰"
    assert aside[newer][4] == "" and aside[future["id"]][4] == ""

    # B upgrades to a version with the new table: the next round applies the kept row.
    b.client.close()
    FutureThing.metadata.create_all(b.services.db.write_engine)
    b.client = SyncClient(b.services.db.path, b.key_dir, clock=clock,
                          local_device_id=b.services.db.device_id,
                          extra_metadata=(FutureThing.metadata,))
    b.client.sync_round()
    aside = {r[1]: r for r in _aside(b)}
    assert aside[future["id"]][4] == "applied"
    with b.services.db.reader() as uow:
        thing = uow.session.get(FutureThing, future["id"])
        assert thing is not None and thing.label == "新表"


def test_the_set_aside_table_arrives_with_the_upgrade(tmp_path: Path) -> None:
    prev = migrate.script_directory().get_revision("0012_sync_setaside").down_revision
    assert prev == "0011_customer_merge"
    data = tmp_path / "d"
    open_database(data, tmp_path / "k", migrate_to=prev).close()
    raw = sqlite3.connect(data / DB_FILE_NAME)
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    raw.close()
    assert "sync_setaside" not in tables
    db = open_database(data, tmp_path / "k")
    assert migrate.file_revision(db.path) == migrate.head_revision()
    with db.uow() as uow:
        from datetime import UTC, datetime

        now = datetime(2026, 12, 1, tzinfo=UTC)
        uow.session.add(SyncSetAside(entity="x", row_id="r", feed_seq=3, row="{}",
                                     reason="why", first_seen=now, last_tried=now))
        uow.commit()
    with db.reader() as uow:
        [kept] = uow.session.scalars(select(SyncSetAside)).all()
        assert (kept.attempts, kept.partial, kept.resolved_at) == (1, False, None)
    db.close()


def test_a_change_head_office_refuses_for_good_shows_in_every_devices_inbox(
        make_device: Callable[..., Device]) -> None:
    """Head office refuses a row it cannot accept (here a name longer than its column) and
    sends nothing back: the device keeps the change as a ``rejected`` conflict, which syncs, so
    a supervisor on any device sees it and no later change is held up."""
    clock = FakeClock()
    a, b = make_device("a", clock=clock), make_device("b", clock=clock)
    bad = _add(a, Customer(name="长" * 101, salutation="", notes=""))
    good = _add(a, Customer(name="好客户", salutation="", notes=""))
    first = a.client.sync_round()
    assert first.rejected == 1
    [info] = [c for c in a.services.sync.conflicts(_supervisor(a)) if c.kind == "rejected"]
    assert info.entity == "customer" and info.row_id == bad
    assert "longer than 100" in info.summary
    a.client.sync_round()  # the inbox row itself travels
    b.client.sync_round()
    assert _has(b, Customer, good) and not _has(b, Customer, bad)
    [seen] = [c for c in b.services.sync.conflicts(_supervisor(b)) if c.kind == "rejected"]
    assert seen.id == info.id and "longer than 100" in seen.summary
    # A supervisor closes it on any device.
    b.services.sync.resolve(_supervisor(b), seen.id, "acknowledge")
    b.client.sync_round()
    a.client.sync_round()
    assert not [c for c in a.services.sync.conflicts(_supervisor(a)) if c.kind == "rejected"]
    assert a.client.pending_count() == 0
