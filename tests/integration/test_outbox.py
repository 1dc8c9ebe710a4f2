"""Every write goes through the unit of work, which appends its outbox entry in the same
SQLite transaction."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from salesdesk.domain.errors import DomainError
from salesdesk.services.container import Services
from salesdesk.store import outbox
from salesdesk.store.models.audit import AuditEvent
from salesdesk.store.models.local import OutboxEntry
from salesdesk.store.models.org import Company
from salesdesk.store.models.reception import Visit
from salesdesk.store.uow import UnitOfWork


def _outbox_count(services: Services) -> int:
    with services.db.reader() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


def test_committed_write_leaves_exactly_one_outbox_entry(services: Services) -> None:
    with services.db.uow() as uow:
        uow.add(Company(code="X", name="测试公司", sales_centre_id="c1"))
        uow.commit()
    with services.db.reader() as uow:
        entries = uow.session.scalars(select(OutboxEntry)).all()
        assert len(entries) == 1
        entry = entries[0]
        company = uow.session.scalars(select(Company)).one()
        assert (entry.entity, entry.row_id, entry.operation) == ("company", company.id, "insert")
        payload = json.loads(entry.payload)
        assert payload["name"] == "测试公司"
        assert payload["created_by_device"] == services.device_id


def test_rolled_back_write_leaves_no_outbox_entry(services: Services) -> None:
    with services.db.uow() as uow:
        uow.add(Company(code="X", name="不会保存", sales_centre_id="c1"))
        uow.flush()  # the outbox row exists inside the transaction...
        assert uow.session.scalar(select(func.count()).select_from(OutboxEntry)) == 1
        # ...and leaving without commit rolls both back together.
    assert _outbox_count(services) == 0
    with services.db.reader() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Company)) == 0


def test_exception_inside_unit_of_work_rolls_back(services: Services) -> None:
    with pytest.raises(RuntimeError), services.db.uow() as uow:
        uow.add(Company(code="X", name="x", sales_centre_id="c1"))
        uow.flush()
        raise RuntimeError("boom")
    assert _outbox_count(services) == 0


def test_update_records_changed_fields_and_base_version(services: Services, clock) -> None:
    with services.db.uow() as uow:
        uow.add(Company(code="X", name="旧名", sales_centre_id="c1"))
        uow.commit()
    clock.advance(minutes=1)
    with services.db.uow() as uow:
        company = uow.session.scalars(select(Company)).one()
        company.name = "新名"
        uow.commit()
    with services.db.reader() as uow:
        entries = uow.session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all()
        assert [e.operation for e in entries] == ["insert", "update"]
        assert json.loads(entries[1].fields) == ["name"]
        assert entries[1].base_version == 1
        company = uow.session.scalars(select(Company)).one()
        assert company.row_version == 2
        assert company.updated_at > company.created_at


def test_unchanged_object_writes_no_outbox_entry(services: Services) -> None:
    with services.db.uow() as uow:
        uow.add(Company(code="X", name="同名", sales_centre_id="c1"))
        uow.commit()
    with services.db.uow() as uow:
        company = uow.session.scalars(select(Company)).one()
        company.name = "同名"
        uow.commit()
    assert _outbox_count(services) == 1


def test_synced_rows_are_never_deleted(services: Services) -> None:
    with services.db.uow() as uow:
        uow.add(Company(code="X", name="x", sales_centre_id="c1"))
        uow.commit()
    with pytest.raises(DomainError), services.db.uow() as uow:
        uow.session.delete(uow.session.scalars(select(Company)).one())
        uow.flush()
    # The file itself refuses a DELETE that bypasses the application.
    conn = sqlite3.connect(services.db.path)
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        conn.execute("DELETE FROM company")
    conn.close()


def test_tombstone_is_an_update_in_the_outbox(services: Services) -> None:
    with services.db.uow() as uow:
        uow.add(Company(code="X", name="x", sales_centre_id="c1"))
        uow.commit()
    with services.db.uow() as uow:
        uow.session.scalars(select(Company)).one().deleted = True
        uow.commit()
    with services.db.reader() as uow:
        ops = [e.operation for e in uow.session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))]
    assert ops == ["insert", "tombstone"]


# --- insert_new: the Core path check-in writes its rows by ---------------------------------


def _visit(vid: str, **extra: object) -> Visit:
    """A visit with most columns left to their defaults (the cases that differ most)."""
    return Visit(id=vid, sales_centre_id="c1", day="2026-11-24", customer_id="cust-1",
                 checked_in_at=datetime(2026, 11, 24, 2, 0, tzinfo=UTC), **extra)


def _entries(uow: UnitOfWork) -> list[tuple[str, str, str, int, dict[str, object], str]]:
    return [(e.entity, e.row_id, e.operation, e.base_version, json.loads(e.payload), e.fields)
            for e in uow.session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))]


def _row(uow: UnitOfWork, table: str, row_id: str) -> dict[str, object]:
    return dict(uow.session.connection().exec_driver_sql(
        f"SELECT * FROM {table} WHERE id = ?", (row_id,)).mappings().one())


def test_insert_new_writes_what_a_flush_writes(services: Services, clock) -> None:
    """Bit for bit: the same row, stamps, defaults and outbox entry as the ORM's flush."""
    with services.db.uow() as uow:
        uow.add(_visit("by-flush", party_size=3, very_important=True))
        uow.add(AuditEvent(id="audit-flush", sales_centre_id="c1", action="a", entity="visit", row_id="by-flush"))
        uow.commit()
    with services.db.uow() as uow:
        rows: list[object] = [_visit("by-core", party_size=3, very_important=True),
                              AuditEvent(id="audit-core", sales_centre_id="c1", action="a", entity="visit",
                                         row_id="by-flush")]
        outbox.insert_new(uow.session, rows)
        uow.commit()
    with services.db.reader() as uow:
        flushed, core = _entries(uow)[:2], _entries(uow)[2:]
        for (e1, i1, *rest1), (e2, i2, *rest2) in zip(flushed, core, strict=True):
            assert (e1, *rest1[:2], rest1[3]) == (e2, *rest2[:2], rest2[3])
            p1, p2 = dict(rest1[2]), dict(rest2[2])  # type: ignore[call-overload]
            assert (p1.pop("id"), p2.pop("id")) == (i1, i2)
            assert p1 == p2
        a, b = _row(uow, "visit", "by-flush"), _row(uow, "visit", "by-core")
        assert a.pop("id") == "by-flush" and b.pop("id") == "by-core"
        assert a == b and b["party_size"] == 3 and b["status"] == "waiting"
        assert b["created_by_device"] == services.device_id


def test_insert_new_keeps_the_order_of_one_flush(services: Services) -> None:
    """Pending ORM changes are flushed first: changes to loaded rows, then new rows in the
    order they were made, as a single flush would have written them."""
    with services.db.uow() as uow:
        uow.add(Company(id="co", code="X", name="旧名", sales_centre_id="c1"))
        uow.commit()
    with services.db.uow() as uow:
        uow.session.get(Company, "co").name = "新名"  # type: ignore[union-attr]
        uow.add(Company(id="co2", code="Y", name="新公司", sales_centre_id="c1"))
        outbox.insert_new(uow.session, [_visit("v2"), _visit("v1")])
        uow.commit()
    with services.db.reader() as uow:
        got = [(e[0], e[1], e[2]) for e in _entries(uow)][1:]
    assert got == [("company", "co", "update"), ("company", "co2", "insert"),
                   ("visit", "v2", "insert"), ("visit", "v1", "insert")]


def test_rows_written_by_insert_new_read_back_fresh(services: Services) -> None:
    """The objects stay outside the session (values, only a missing id filled in): a read in
    the same transaction gets the row from the file, never a stale object; a rollback takes
    rows and outbox entries away together."""
    with services.db.uow() as uow:
        v = _visit("fresh")
        no_id = AuditEvent(sales_centre_id="c1", action="a")
        outbox.insert_new(uow.session, [v, no_id])
        assert v not in uow.session and no_id not in uow.session and no_id.id
        loaded = uow.session.get(Visit, "fresh")
        assert loaded is not None and loaded is not v and loaded.status == "waiting"
        assert loaded.row_version == 1
        assert uow.session.get(AuditEvent, no_id.id) is not None
        assert uow.session.scalar(select(func.count()).select_from(OutboxEntry)) == 2
    assert _outbox_count(services) == 0
    with services.db.reader() as uow:
        assert uow.session.get(Visit, "fresh") is None


def test_insert_new_refuses_what_it_cannot_write_as_a_flush_would(services: Services) -> None:
    with services.db.uow() as uow:
        uow.add(Company(id="co", code="X", name="x", sales_centre_id="c1"))
        uow.commit()
    with services.db.uow() as uow:
        persistent = uow.session.get(Company, "co")
        with pytest.raises(ValueError, match="new synced rows"):
            outbox.insert_new(uow.session, [_visit("ok"), persistent])
        with pytest.raises(ValueError, match="new synced rows"):
            outbox.insert_new(uow.session, [OutboxEntry(change_id="x")])
        uow.session.info["applying_remote"] = True
        with pytest.raises(ValueError, match="head office"):
            outbox.insert_new(uow.session, [_visit("remote")])
        uow.session.info.pop("applying_remote")
        uow.commit()
    assert _outbox_count(services) == 1
    with services.db.reader() as uow:
        assert uow.session.get(Visit, "ok") is None


def test_insert_new_fails_as_sqlalchemy_fails_and_leaves_nothing(services: Services) -> None:
    """A row the file refuses (here an id already taken) raises SQLAlchemy's IntegrityError,
    as a flush would, and the unit of work keeps nothing of the write."""
    with services.db.uow() as uow:
        outbox.insert_new(uow.session, [_visit("taken")])
        uow.commit()
    with pytest.raises(IntegrityError, match=r"visit\.id"), services.db.uow() as uow:
        outbox.insert_new(uow.session, [_visit("other"), _visit("taken")])
    assert _outbox_count(services) == 1
    with services.db.reader() as uow:
        assert uow.session.get(Visit, "other") is None
