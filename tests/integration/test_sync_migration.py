"""Revision 0007_sync on an older database file: rows and pending outbox entries survive, the
outbox numbers are never reused afterwards, and the new tables work."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import select

from salesdesk.store.database import open_database
from salesdesk.store.migrate import script_directory
from salesdesk.store.models.local import OutboxEntry
from salesdesk.store.models.org import Company
from salesdesk.store.models.sync import SyncConflict


def test_upgrading_an_older_file_keeps_data_and_never_reuses_change_numbers(
        tmp_path: Path) -> None:
    prev = script_directory().get_revision("0007_sync").down_revision
    assert isinstance(prev, str)
    data, keys = tmp_path / "data", tmp_path / "keys"
    db = open_database(data, keys, migrate_to=prev)
    with db.uow() as uow:
        for i in range(3):
            uow.add(Company(code=f"C{i}", name=f"公司{i}", sales_centre_id="c1"))
        uow.commit()
    db.close()
    # Head office acknowledged the first two before the upgrade.
    conn = sqlite3.connect(data / "salesdesk.sqlite3")
    conn.execute("DELETE FROM outbox WHERE seq <= 2")
    conn.commit()
    conn.close()

    db = open_database(data, keys)
    with db.reader() as uow:
        assert [e.seq for e in uow.session.scalars(select(OutboxEntry))] == [3]
        assert len(uow.session.scalars(select(Company)).all()) == 3
    with db.uow() as uow:
        uow.session.query(OutboxEntry).filter(OutboxEntry.seq == 3).delete()
        uow.add(Company(code="C9", name="新公司", sales_centre_id="c1"))
        uow.add(SyncConflict(kind="field", entity="company", row_id="x", field="name",
                             sales_centre_id="c1"))
        uow.commit()
    with db.reader() as uow:
        # All acknowledged rows are gone, yet the numbering continues after 3.
        assert min(e.seq for e in uow.session.scalars(select(OutboxEntry))) == 4
    db.close()
