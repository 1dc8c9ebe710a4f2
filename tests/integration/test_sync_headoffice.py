"""Head office: the server's command line, project configuration and staff loaded from the
same project file the devices import, and a device's ``python -m salesdesk sync``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select

from salesdesk import cli
from salesdesk.paths import RESOURCES
from salesdesk.store.models.org import Staff
from salesdesk.store.models.project import Building, Project, Unit
from salesdesk.sync.server.__main__ import main as server_main
from salesdesk.sync.server.devcluster import ServerThread, enrol_code
from tests.sync_fixtures import Device

pytestmark = pytest.mark.postgres
DEMO = RESOURCES / "defaults" / "demo_project.json"


def test_load_project_twice_changes_nothing_the_second_time(
        sync_db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", sync_db)
    assert server_main(["load-project", str(DEMO)]) == 0
    first = capsys.readouterr().out
    assert "unit" in first and "staff" in first
    with psycopg.connect(sync_db) as conn:
        rows = conn.execute("SELECT count(*) FROM entity_row").fetchone()
    assert server_main(["load-project", str(DEMO)]) == 0
    assert "no changes" in capsys.readouterr().out
    with psycopg.connect(sync_db) as conn:
        assert conn.execute("SELECT count(*) FROM entity_row").fetchone() == rows


def test_a_device_gets_configuration_and_staff_and_cannot_change_them(
        sync_db: str, monkeypatch: pytest.MonkeyPatch, make_device: Callable[..., Device],
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DATABASE_URL", sync_db)
    server_main(["load-project", str(DEMO)])
    centre = json.loads(DEMO.read_text(encoding="utf-8"))["sales_centre"]["code"]
    dev = make_device("new-kiosk", centre=centre)
    dev.client.sync_round()
    with dev.services.db.reader() as uow:
        units = uow.session.scalar(select(func.count()).select_from(Unit))
        staff = uow.session.scalar(select(func.count()).select_from(Staff))
    assert units and units > 50 and staff and staff > 5
    # A device edit of configuration is refused by the server and undone by the next pull.
    with dev.services.db.uow() as uow:
        unit = uow.session.scalars(select(Unit).limit(1)).one()
        uid, price = unit.id, unit.total_price
        unit.total_price = 1
        uow.commit()
    result = dev.client.sync_round()
    assert result.rejected == 1
    with dev.services.db.reader() as uow:
        assert uow.session.get(Unit, uid).total_price == price  # type: ignore[union-attr]


def test_enrol_code_command_and_one_round_from_the_command_line(
        sync_db: str, sync_server: ServerThread, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    monkeypatch.setenv("DATABASE_URL", sync_db)
    assert server_main(["enrol-code", "--centre", "SC01"]) == 0
    code = capsys.readouterr().out.strip()
    assert len(code) == 10
    assert server_main(["enrol-code", "--centre", "NOPE"]) == 2
    data = str(tmp_path / "device")
    assert cli.main(["--data-dir", data, "sync-enrol", "--server", sync_server.url,
                     "--code", code, "--label", "前台1"]) == 0
    assert cli.main(["--data-dir", data, "sync"]) == 0
    assert "同步完成" in capsys.readouterr().out
    assert cli.main(["--data-dir", data, "sync-status"]) == 0
    assert "待上传：0 条" in capsys.readouterr().out
    # The code was for one device only.
    assert cli.main(["--data-dir", str(tmp_path / "other"), "sync-enrol", "--server",
                     sync_server.url, "--code", code]) == 2


def test_a_device_that_imported_the_file_itself_holds_head_offices_rows(
        sync_db: str, sync_server: ServerThread, monkeypatch: pytest.MonkeyPatch,
        make_device: Callable[..., Device]) -> None:
    """Set up before it was enrolled: after the first sync the device has every building,
    unit and staff member once, under the ids head office publishes (no doubles)."""
    monkeypatch.setenv("DATABASE_URL", sync_db)
    assert server_main(["load-project", str(DEMO)]) == 0
    dev = make_device("set-up-offline", enrol=False)
    dev.services.importer.import_file(None, DEMO)

    def ids() -> dict[str, set[str]]:
        with dev.services.db.reader() as uow:
            return {"unit": set(uow.session.scalars(select(Unit.id))),
                    "building": set(uow.session.scalars(select(Building.id))),
                    "staff": set(uow.session.scalars(select(Staff.id))),
                    "project": set(uow.session.scalars(select(Project.id)))}

    before = ids()
    with psycopg.connect(sync_db) as conn:
        published = {t: {r[0] for r in conn.execute(
            "SELECT row_id FROM entity_row WHERE entity = %s", (t,))} for t in before}
    assert before == published
    centre = json.loads(DEMO.read_text(encoding="utf-8"))["sales_centre"]["code"]
    dev.client.enrol(sync_server.url, enrol_code(sync_db, centre), label="set-up-offline")
    dev.client.sync_round()
    assert ids() == before
