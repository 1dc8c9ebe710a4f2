"""Upgrading a database made before the disclosure tables keeps its data and adds the ledger
with its protection triggers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from salesdesk.domain.disclosure import RoundKind
from salesdesk.services.container import build_services
from salesdesk.services.project import DEMO_PATH
from salesdesk.store import migrate
from salesdesk.store.database import open_database
from tests.old_rows import old_customer

REV = "0005_disclosure"


def test_upgrade_from_previous_revision_keeps_data(data_dir: Path, key_dir: Path,
                                                   clock) -> None:  # type: ignore[no-untyped-def]
    prev = migrate.script_directory().get_revision(REV).down_revision
    assert isinstance(prev, str)
    db = open_database(data_dir, key_dir, clock=clock, migrate_to=prev)
    old = build_services(db)
    summary = old.importer.import_file(None, DEMO_PATH)
    staff = {e.code: e.id for e in old.auth.signin_list()}
    consultant = old.auth.actor_for(staff["C102"])
    customer_id = old_customer(old, phone="13900007777", name="老客户")
    old.close()
    conn = sqlite3.connect(data_dir / "salesdesk.sqlite3")
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == prev
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'disclosure_record'"
                        ).fetchone() is None
    conn.close()

    s = build_services(open_database(data_dir, key_dir, clock=clock))
    try:
        assert migrate.file_revision(s.db.path) == migrate.head_revision()
        assert any((data_dir / "backups").iterdir())
        assert s.customers.find_by_phone(consultant, "13900007777") is not None
        units = s.projects.units(consultant)
        assert len(units) == summary.units_added
        unit = next(u for u in units if u.number == "1-201")
        cl = s.disclosure.checklist(consultant, customer_id, unit.id)
        rec = s.disclosure.record_round(consultant, customer_id=customer_id, unit_id=unit.id,
                                        kind=RoundKind.RECEPTION,
                                        ticks={i.code: s.db.now() for i in cl.items},
                                        paper_form=True)
        assert rec.chain_seq == 1
        triggers = {r[0] for r in sqlite3.connect(s.db.path).execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert {"disclosure_record_no_update", "disclosure_record_no_delete"} <= triggers
        assert s.maintenance.verify().ok
    finally:
        s.close()
