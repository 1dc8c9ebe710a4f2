"""The two server paths the head-office-under-many-devices work changed. A pull reads its sales
centre's entries and the company-wide ones (configuration, staff) as two index ranges merged in
feed order, and pages through them exactly as one scan of the company's feed filtered by centre
would. A push sends its COMMIT in the same pipeline as its writes, and still keeps nothing of a
batch whose writes fail."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from salesdesk.paths import RESOURCES
from salesdesk.sync.server.__main__ import main as server_main
from salesdesk.sync.server.auth import ensure_centre
from salesdesk.sync.server.devcluster import ServerThread, enrol_code
from tests.sync_helpers import RawDevice

pytestmark = pytest.mark.postgres
DEMO = RESOURCES / "defaults" / "demo_project.json"


def _customers(raw: RawDevice, n: int) -> list[dict[str, object]]:
    return [raw.change("customer", raw.row(name=f"客户{i}", salutation="", notes="",
                                            owner_staff_id=None, consent_version="",
                                            consent_at=None, id_number_enc=None))
            for i in range(n)]


def test_a_pull_pages_through_its_centre_and_company_wide_entries_in_feed_order(
        sync_db: str, sync_server: ServerThread, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    monkeypatch.setenv("DATABASE_URL", sync_db)
    assert server_main(["load-project", str(DEMO)]) == 0  # company-wide entries first
    project = json.loads(DEMO.read_text(encoding="utf-8"))
    with psycopg.connect(sync_db) as conn:
        company_id, other_centre = ensure_centre(conn, project["company"]["code"], "云栖置业",
                                                 "CHY-SC2", "云栖·二号售楼处")
    centre = project["sales_centre"]["code"]
    mine = RawDevice(sync_server.url, enrol_code(sync_db, centre))
    theirs = RawDevice(sync_server.url, enrol_code(sync_db, "CHY-SC2"))
    reader = RawDevice(sync_server.url, enrol_code(sync_db, centre))
    for _ in range(3):  # the two centres' entries interleave in the feed
        assert mine.push(_customers(mine, 4)).status_code == 200
        assert theirs.push(_customers(theirs, 5)).status_code == 200
    project["project"]["name"] += "（二期）"  # one more company-wide entry, between pushes
    (tmp_path / "project.json").write_text(json.dumps(project, ensure_ascii=False),
                                           encoding="utf-8")
    assert server_main(["load-project", str(tmp_path / "project.json")]) == 0
    assert mine.push(_customers(mine, 2)).status_code == 200
    assert theirs.push(_customers(theirs, 2)).status_code == 200

    with psycopg.connect(sync_db) as conn:
        visible = [r[0] for r in conn.execute(
            "SELECT feed_seq FROM change_log WHERE company_id = %s "
            "AND (sales_centre_id = %s OR sales_centre_id IS NULL) ORDER BY feed_seq",
            (company_id, mine.centre_id))]
        other_rows = {r[0] for r in conn.execute(
            "SELECT row_id FROM change_log WHERE sales_centre_id = %s", (other_centre,))}
        my_rows = {r[0] for r in conn.execute(
            "SELECT row_id FROM change_log WHERE sales_centre_id = %s", (mine.centre_id,))}
    assert len(other_rows) == 17 and len(my_rows) == 14 and len(visible) > 14

    limit, cursor, cursors, pulled = 16, 0, [], set()
    while True:
        page = reader.pull(cursor, limit)
        pulled |= {c["row_id"] for c in page["changes"]}
        cursor = page["next_cursor"]
        cursors.append(cursor)
        if not page["has_more"]:
            break
    # Each page ends at the limit-th visible entry after the cursor; the last one at the end
    # (after a full last page, an empty page says so).
    assert cursors == [*visible[limit - 1::limit], visible[-1]]
    assert my_rows <= pulled
    assert not pulled & other_rows


def test_a_push_whose_writes_fail_commits_nothing_and_the_next_one_goes_through(
        sync_db: str, sync_server: ServerThread) -> None:
    """COMMIT travels in the same pipeline as the push's writes; when one of them fails,
    nothing of the batch may stay (not the rows, not the log, not the device's number)."""
    dev = RawDevice(sync_server.url, enrol_code(sync_db))
    batch = _customers(dev, 3)
    batch[1]["payload"]["name"] = "拒收"  # type: ignore[index]
    with psycopg.connect(sync_db, autocommit=True) as conn:
        conn.execute("ALTER TABLE entity_row ADD CONSTRAINT test_refuse "
                     "CHECK (data->>'name' IS DISTINCT FROM '拒收')")
    assert dev.push(batch).status_code != 200

    def state() -> tuple[object, ...]:
        with psycopg.connect(sync_db) as conn:
            return (conn.execute("SELECT count(*) FROM change_log").fetchone(),
                    conn.execute("SELECT count(*) FROM entity_row WHERE entity = 'customer'"
                                 ).fetchone(),
                    conn.execute("SELECT last_applied FROM device WHERE id = %s",
                                 (dev.device_id,)).fetchone())
    assert state() == ((0,), (0,), (0,))
    with psycopg.connect(sync_db, autocommit=True) as conn:
        conn.execute("ALTER TABLE entity_row DROP CONSTRAINT test_refuse")
    reply = dev.push(batch)
    assert reply.status_code == 200
    assert [r["status"] for r in reply.json()["results"]] == ["applied"] * 3
    assert state() == ((3,), (3,), (3,))
