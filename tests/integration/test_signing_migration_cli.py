"""The 0006_signing revision upgrades an older file without losing anything; the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from salesdesk import cli
from salesdesk.services.container import build_services
from salesdesk.services.project import DEMO_PATH
from salesdesk.services.signing import DEFAULT_PACK_PATH
from salesdesk.store import migrate
from salesdesk.store.database import open_database
from salesdesk.store.models.customer import Customer
from tests.conftest import FakeClock, staff_actor
from tests.old_rows import old_customer

REV = "0006_signing"
SINGLE_FULL = {"household": "local", "marital": "single", "region": "mainland",
               "payment": "full", "signing": "in_person", "age_band": "18_35",
               "homes_owned": 0, "co_owners": []}


def test_upgrade_from_the_previous_revision_keeps_data(data_dir: Path, key_dir: Path) -> None:
    prev = migrate.script_directory().get_revision(REV).down_revision
    assert isinstance(prev, str)
    db = open_database(data_dir, key_dir, clock=FakeClock(), migrate_to=prev)
    old = build_services(db)
    old.importer.import_file(None, DEMO_PATH)
    consultant = staff_actor(old, "C102")
    customer_id = old_customer(old, phone="13811112222", name="郑海燕")
    old.close()
    assert migrate.file_revision(data_dir / "salesdesk.sqlite3") == prev

    db = open_database(data_dir, key_dir, clock=FakeClock())
    new = build_services(db)
    try:
        assert migrate.file_revision(data_dir / "salesdesk.sqlite3") == migrate.head_revision()
        with new.db.reader() as uow:
            row = uow.session.get(Customer, customer_id)
            assert row is not None and row.name == "郑海燕"
        consultant = staff_actor(new, "C102")
        view = new.signing.save_interview(consultant, customer_id, SINGLE_FULL)
        assert "未婚声明" in {i.name for i in view.items}
        assert list((data_dir / "backups").glob("*.sqlite3"))  # backed up before upgrading
    finally:
        new.close()


def test_cli_print_checklist_and_import_rule_pack(data_dir: Path, key_dir: Path,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--data-dir", str(data_dir), "demo"]) == 0
    db = open_database(data_dir, key_dir)
    s = build_services(db)
    consultant = staff_actor(s, "C102")
    c = s.customers.register(consultant, phone="13922223333", name="吴志明", consent=True,
                             owner_staff_id=consultant.staff_id)
    s.signing.save_interview(consultant, c.id, SINGLE_FULL)
    s.close()
    out = tmp_path / "c.pdf"
    monkeypatch.setenv("SALESDESK_PIN", "2102")  # C102's demo PIN
    assert cli.main(["--data-dir", str(data_dir), "print-checklist", "--staff", "C102",
                     "--customer", "139 2222 3333", "--out", str(out)]) == 0
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "吴志明" in text and "签约资料清单" in text
    assert cli.main(["--data-dir", str(data_dir), "print-checklist", "--staff", "C102",
                     "--customer", "13900000000", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "没有使用这个手机号的客户" in capsys.readouterr().err

    pack = json.loads(DEFAULT_PACK_PATH.read_text("utf-8"))
    pack.update(pack_id="hz-chy", city="杭州", project="CHY", version="2026.3",
                title="云栖·翠湖苑签约资料规则")
    f = tmp_path / "pack.json"
    f.write_text(json.dumps(pack, ensure_ascii=False), "utf-8")
    assert cli.main(["--data-dir", str(data_dir), "import-rule-pack", str(f)]) == 0
    assert "已导入规则包 hz-chy 版本 2026.3" in capsys.readouterr().out
    assert cli.main(["--data-dir", str(data_dir), "import-rule-pack", str(f)]) == 0
    assert "已存在" in capsys.readouterr().out
    f.write_text("{not json", "utf-8")
    assert cli.main(["--data-dir", str(data_dir), "import-rule-pack", str(f)]) == 2
