"""0014_customer_rights upgrades a file made by the previous revision: customers keep their
data and consent, are neither erased nor restricted, and can be erased afterwards; the backup
made before the upgrade is scrubbed by that erasure too."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from salesdesk.domain.roles import Actor, Role
from salesdesk.services.customers import CustomerRightsService
from salesdesk.store import migrate
from salesdesk.store.database import DB_FILE_NAME, open_database
from tests.conftest import FakeClock

SYNCED = ("sales_centre_id, server_seq, deleted, row_version, created_at, updated_at, "
          "created_by_device, updated_by_device")
STAMP = "'s1', 0, 0, 1, '2026-11-20 02:00:00', '2026-11-20 02:00:00', 'd1', 'd1'"


def _older_file(tmp_path: Path) -> Path:
    prev = migrate.script_directory().get_revision("0014_customer_rights").down_revision
    data = tmp_path / "d"
    open_database(data, tmp_path / "k", migrate_to=prev).close()
    conn = sqlite3.connect(data / DB_FILE_NAME)
    conn.execute("INSERT OR REPLACE INTO local_meta (key, value) VALUES ('sales_centre_id', 's1')")
    conn.execute(f"INSERT INTO customer (id, {SYNCED}, name, salutation, consent_at, "
                 f"consent_version, notes) VALUES ('c1', {STAMP}, '上官婉儿', '上官女士', "
                 f"'2026-11-20 02:00:00', '2026.1', '喜欢南向')")
    conn.execute(f"INSERT INTO customer_phone (id, {SYNCED}, customer_id, e164, last4, label) "
                 f"VALUES ('p1', {STAMP}, 'c1', '+8613955556666', '6666', 'self')")
    conn.commit()
    conn.close()
    return data


def test_customers_survive_the_upgrade_and_can_be_erased(tmp_path: Path) -> None:
    data = _older_file(tmp_path)
    db = open_database(data, tmp_path / "k", clock=FakeClock())
    assert migrate.file_revision(db.path) == migrate.head_revision()
    assert list((data / "backups").glob("*.sqlite3"))  # made before the upgrade
    raw = sqlite3.connect(db.path)
    row = raw.execute("SELECT name, consent_version, erased_at, restricted_at, "
                      "restriction_reason, consent_withdrawn_at FROM customer").fetchone()
    raw.close()
    assert row == ("上官婉儿", "2026.1", None, None, "", None)

    admin = Actor("a1", "管理员", Role.ADMIN, "s1", db.device_id)
    result = CustomerRightsService(db).erase(admin, "c1", "客户要求删除")
    db.close()
    assert result.erased and result.backups_scrubbed == 1
    for f in data.rglob("*"):
        if f.is_file():
            raw_bytes = f.read_bytes()
            assert "上官婉儿".encode() not in raw_bytes, f.name
            assert b"13955556666" not in raw_bytes, f.name
            assert "喜欢南向".encode() not in raw_bytes, f.name
