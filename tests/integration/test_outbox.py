"""Every write goes through the unit of work, which appends its outbox entry in the same
SQLite transaction."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import func, select

from salesdesk.domain.errors import DomainError
from salesdesk.services.container import Services
from salesdesk.store.models.local import OutboxEntry
from salesdesk.store.models.org import Company


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
