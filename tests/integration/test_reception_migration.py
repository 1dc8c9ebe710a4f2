"""Upgrading a database made before the reception tables keeps its data."""

from __future__ import annotations

from pathlib import Path

from salesdesk import bootstrap
from salesdesk.domain.roles import Role
from salesdesk.services.container import build_services
from salesdesk.services.reception import CheckInRequest
from salesdesk.store import migrate
from salesdesk.store.database import open_database
from tests.conftest import FakeClock
from tests.old_rows import old_customer


def test_upgrade_keeps_customers_and_adds_reception(data_dir: Path, key_dir: Path,
                                                    clock: FakeClock) -> None:
    prev = migrate.script_directory().get_revision("0003_reception").down_revision
    assert isinstance(prev, str)
    s = build_services(open_database(data_dir, key_dir, clock=clock, migrate_to=prev))
    admin = s.auth.create_first_admin("测试售楼处", "管理员", "13579")
    cons = s.auth.create_staff(admin, code="C1", name="李娜", role=Role.CONSULTANT, pin="24680")
    front = s.auth.create_staff(admin, code="R1", name="林小雨", role=Role.RECEPTION,
                                pin="11223")
    old_id = old_customer(s, phone="13900000001", salutation="赵先生",
                          owner_staff_id=cons.id)
    with s.db.write_engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table'")}
    assert "visit" not in tables
    s.close()

    s = build_services(open_database(data_dir, key_dir, clock=clock))
    bootstrap.install_hooks(s)
    assert migrate.file_revision(s.db.path) == migrate.head_revision()
    reception = s.auth.actor_for(front.id)
    found = s.customers.find_by_phone(reception, "13900000001")
    assert found is not None and found.id == old_id and found.owner_staff_id == cons.id
    s.reception.join(reception, [cons.id])
    r = s.reception.check_in(reception, CheckInRequest("13900000001", 2))
    assert r.route == "owner" and r.consultant_name == "李娜"
    assert r.first_visit  # no visit was recorded before the upgrade
    with s.db.write_engine.connect() as conn:
        triggers = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert {"visit_no_delete", "rotation_event_no_delete", "queue_ticket_no_delete"} <= triggers
    s.close()
