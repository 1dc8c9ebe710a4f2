"""Reception at scale: 100,000 customers and 500,000 past visits (``--quick``: 20,000 and
100,000).

- ``reception.checkin_ms``: median service-level check-in of a walk-in (phone lookup,
  attribution, rotation, ticket, committed). Target ≤ 5 ms.
- ``reception.floor_lookup_ms``: a raw indexed SQLite lookup by phone, the floor.
- ``reception.checkin_ratio``: the two, in the same run.
- ``reception.checkin_commit_ratio``: check-in ÷ one fsync'd single-row commit (an audit row
  and its outbox entry through the unit of work), same run. Target ≤ 2.5.
- ``reception.phone_suffix_ms``: search by the last four digits. Target ≤ 20 ms.
- ``reception.gui_block_ms``: the longest the GUI thread went without turning its event loop
  (a 1 ms heartbeat timer) over a scripted session on the real main window: check-ins, floor
  refreshes, every page, a checklist PDF, a sync round with head office (a throwaway
  PostgreSQL and the sync service, when PostgreSQL is installed). Max, with p99 beside it.
  Target ≤ 16 ms.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from common import median, result, temp_dirs

ROOT = Path(__file__).resolve().parents[1]


def fill(db_path: Path, customers: int, visits: int, staff_ids: list[str], seal: Any
         ) -> list[str]:
    """Bulk rows straight into SQLite: only the benchmark does this, the app never does.
    Numbers are sealed with the file's own ``PhoneSeal``, as the app stores them. Returns the
    phone numbers of customers without an owner (walk-ins to check in)."""
    rnd = random.Random(7)
    conn = sqlite3.connect(db_path)
    centre = conn.execute("SELECT value FROM local_meta WHERE key='sales_centre_id'").fetchone()[0]
    device = conn.execute("SELECT value FROM local_meta WHERE key='device_id'").fetchone()[0]
    now = "2026-11-01 02:00:00.000000"
    common = (centre, 0, 0, 1, now, now, device, device)
    cids: list[str] = []
    rows_c, rows_p = [], []
    unowned: list[str] = []
    for i in range(customers):
        cid = str(uuid.uuid4())
        cids.append(cid)
        digits = f"139{i:08d}"
        owner = rnd.choice(staff_ids) if i % 3 == 0 else None
        if owner is None:
            unowned.append(digits)
        rows_c.append((cid, *common, f"客户{i}", "王先生", "2026.1", "", owner))
        rows_p.append((str(uuid.uuid4()), *common, cid, *seal.seal(f"+86{digits}", digits[-4:]),
                       "self"))
    conn.executemany(
        "INSERT INTO customer (id, sales_centre_id, server_seq, deleted, row_version, created_at,"
        " updated_at, created_by_device, updated_by_device, name, salutation, consent_version,"
        " notes, owner_staff_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows_c)
    conn.executemany(
        "INSERT INTO customer_phone (id, sales_centre_id, server_seq, deleted, row_version,"
        " created_at, updated_at, created_by_device, updated_by_device, customer_id, e164_enc,"
        " e164_hash, last4_hash, label) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows_p)
    start = datetime(2024, 11, 1, 2, 0, tzinfo=UTC)
    batch: list[tuple[Any, ...]] = []
    for i in range(visits):
        at = start + timedelta(minutes=rnd.randrange(0, 730 * 24 * 60))
        day = (at + timedelta(hours=8)).date().isoformat()
        called = at + timedelta(minutes=rnd.randint(0, 20))
        started = called + timedelta(minutes=1)
        finished = started + timedelta(minutes=rnd.randint(10, 80))
        fmt = "%Y-%m-%d %H:%M:%S.%f"
        batch.append((str(uuid.uuid4()), *common, day, rnd.choice(cids), i % 3 == 0,
                      rnd.randint(1, 4), "walk_in", "", "", "王先生", False, False, "rotation",
                      "finished", rnd.choice(staff_ids), f"A{i % 999:03d}",
                      at.strftime(fmt), called.strftime(fmt), started.strftime(fmt),
                      finished.strftime(fmt), 0, "B", "", "", ""))
        if len(batch) == 50_000:
            _insert_visits(conn, batch)
            batch = []
    _insert_visits(conn, batch)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    return unowned


def _insert_visits(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    conn.executemany(
        "INSERT INTO visit (id, sales_centre_id, server_seq, deleted, row_version, created_at,"
        " updated_at, created_by_device, updated_by_device, day, customer_id, first_visit,"
        " party_size, source, agency_name, agent_name, salutation, important, group_tour, route,"
        " status, consultant_id, ticket_label, checked_in_at, called_at, started_at, finished_at,"
        " recalls, intent, units_of_interest, notes, invalid_reason)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)


def run(quick: bool) -> Iterator[dict[str, Any]]:
    sys.path.insert(0, str(ROOT))
    from salesdesk.bootstrap import open_services
    from salesdesk.services.project import DEMO_PATH
    from salesdesk.services.reception import CheckInRequest

    customers, visits = (20_000, 100_000) if quick else (100_000, 500_000)
    data, _keys = temp_dirs("reception")
    services = open_services(data)
    services.importer.import_file(None, DEMO_PATH)
    staff = {e.code: services.auth.actor_for(e.id) for e in services.auth.signin_list()}
    consultants = [staff[c] for c in ("C101", "C102", "C103", "C104", "C201", "C202", "C203",
                                      "C204")]
    seal = services.db.phones
    services.close()
    t0 = time.perf_counter()
    walk_ins = fill(data / "salesdesk.sqlite3", customers, visits,
                    [c.staff_id for c in consultants], seal)
    fill_s = time.perf_counter() - t0

    services = open_services(data)
    front = staff["R001"]
    rs = services.reception
    rs.join(front, [c.staff_id for c in consultants])
    by_id = {c.staff_id: c for c in consultants}
    rnd = random.Random(11)
    phones = rnd.sample(walk_ins, 400)
    n = 60 if quick else 150
    # The floor: one audit row (and its outbox entry) through the same unit of work and
    # commit (fsync), interleaved with the check-ins so a busy machine slows both alike.
    from salesdesk.services import audit

    checkin: list[float] = []
    one_row: list[float] = []
    for phone in phones[:n]:
        t = time.perf_counter()
        r = rs.check_in(front, CheckInRequest(phone, 2))
        checkin.append((time.perf_counter() - t) * 1000)
        # Keep consultants free (untimed), as through a normal day.
        if r.consultant_id:
            rs.finish(by_id[r.consultant_id], r.visit_id, intent="B")
        t = time.perf_counter()
        with services.db.uow(front) as uow:
            audit.record(uow, "bench.probe", "bench", "")
            uow.commit()
        one_row.append((time.perf_counter() - t) * 1000)

    conn = sqlite3.connect(data / "salesdesk.sqlite3")
    floor: list[float] = []
    for phone in phones[:n]:
        t = time.perf_counter()
        # The keyed hash is part of every lookup now (numbers are sealed at rest).
        conn.execute("SELECT customer_id FROM customer_phone WHERE e164_hash = ? AND deleted = 0",
                     (seal.number_hash(f"+86{phone}"),)).fetchone()
        floor.append((time.perf_counter() - t) * 1000)
    conn.close()

    suffix: list[float] = []
    for phone in phones[n:n + 50]:
        t = time.perf_counter()
        services.customers.search_last4(front, phone[-4:])
        suffix.append((time.perf_counter() - t) * 1000)

    # For the GUI session: a customer who subscribed a unit and has a signing checklist (rule
    # 13), and head office to sync with.
    from bench_signing import ANSWERS, subscribe

    consultant = staff["C102"]
    buyer = services.customers.register(consultant, phone="13600000000", name="基准客户",
                                        consent=True, owner_staff_id=consultant.staff_id)
    unit = next(u.id for u in services.projects.units(consultant)
                if u.sellable and u.status.value == "available")
    subscribe(services, consultant, buyer.id, unit)
    services.signing.save_interview(consultant, buyer.id, ANSWERS, unit)
    head_office = _sync_server(data)
    sync_url = None
    try:
        if head_office is not None:
            import json

            from salesdesk.sync.server.devcluster import enrol_code

            db_url, sync_url = head_office[2].split("#")
            centre = json.loads(DEMO_PATH.read_text(encoding="utf-8"))["sales_centre"]["code"]
            services.sync._key_dir = _keys
            services.sync.enrol(None, sync_url, enrol_code(db_url, centre), "kiosk")
        block = gui_block(services, phones[n + 50:n + 50 + (12 if quick else 30)],
                          "13600000000", sync_url)
    finally:
        services.close()
        if head_office is not None:
            head_office[1].kill()
            head_office[1].wait()
            head_office[0].stop()
    shutil.rmtree(data.parent, ignore_errors=True)  # half a gigabyte at full scale
    yield result("reception.checkin_ms", median(checkin), "ms", target="<= 5",
                 customers=customers, visits=visits, runs=n, fill_s=round(fill_s, 1),
                 one_row_commit_ms=round(median(one_row), 3))
    yield result("reception.floor_lookup_ms", median(floor), "ms", runs=n)
    yield result("reception.checkin_ratio", median(checkin) / median(floor), "ratio")
    # The floor: one fsync'd single-row commit through the same unit of work, in the
    # same run. The check-in above runs every rule (attribution, rotation, ticket, outbox).
    yield result("reception.checkin_commit_ratio", median(checkin) / median(one_row), "ratio",
                 target="<= 2.5", customers=customers, visits=visits,
                 checkin_ms=round(median(checkin), 3),
                 one_row_commit_ms=round(median(one_row), 3))
    yield result("reception.phone_suffix_ms", median(suffix), "ms", target="<= 20",
                 runs=len(suffix))
    yield result("reception.gui_block_ms", block["max"], "ms", target="<= 16",
                 p99_ms=round(block["p99"], 2), idle_max_ms=round(block["idle_max"], 2),
                 idle_p99_ms=round(block["idle_p99"], 2), heartbeats=block["beats"],
                 sync_round=block["sync_round"], pdf_bytes=block["pdf_bytes"],
                 pages=block["pages"], worst_by_step_ms=block["worst_by_step"], customers=customers, visits=visits,
                 note="longest gap between 1 ms heartbeats over a scripted session")


def _sync_server(data: Path) -> tuple[Any, Any, str] | None:
    """A throwaway PostgreSQL with the demo project and the sync service in its own process
    (as head office is another machine), or None without PostgreSQL binaries."""
    from bench_sync import _server

    from salesdesk.services.project import DEMO_PATH
    from salesdesk.sync.server.db import migrate
    from salesdesk.sync.server.devcluster import PgCluster, find_bin, free_port
    from salesdesk.sync.server.headoffice import load_project

    bin_dir = find_bin()
    if bin_dir is None:
        return None
    cluster = PgCluster(bin_dir).start()
    try:
        import psycopg

        url = cluster.create_database()
        migrate(url)
        with psycopg.connect(url) as conn:
            load_project(conn, DEMO_PATH)
        port = free_port()
        return cluster, _server(url, port), url + f"#http://127.0.0.1:{port}"
    except Exception:
        cluster.stop()
        raise


def gui_block(services: Any, phones: list[str], buyer_phone: str,
              sync_url: str | None) -> dict[str, Any]:
    """A scripted session on the real main window, signed in as the sales manager (front desk
    and floor): check-ins through the kiosk panel, floor refreshes, a visit to every page, a
    checklist PDF saved from the signing page, a sync round with head office, more check-ins.

    A 1 ms heartbeat timer records every gap between two turns of the GUI event loop; a gap
    beyond the interval is the GUI thread being busy (or the machine taking the core away,
    which the idle baseline shows). Returns max, p99 and the idle baseline, in ms."""
    import tempfile

    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from salesdesk.app import build_window, make_application

    app = QApplication.instance() or make_application([])
    staff = {e.code: e.id for e in services.auth.signin_list()}
    manager = services.auth.actor_for(staff["S001"])
    window = build_window(services, "zh_CN")
    window.resize(1366, 860)
    window.show()
    workspace = window.enter(manager)
    runner = window.ctx.runner
    page = workspace.show_page("reception")
    panel = page.checkin
    assert panel is not None, "the sales manager works the front desk"

    def pump_until(done: Any, limit_s: float = 30) -> None:
        deadline = time.perf_counter() + limit_s
        while time.perf_counter() < deadline:
            app.processEvents()
            if done() and not runner._live:
                return
            time.sleep(0.0005)
        raise RuntimeError("the session step did not finish")

    pump_until(lambda: page.loads >= 1)
    clock = QElapsedTimer()
    clock.start()
    gaps: list[int] = []
    last = [0]
    step = ["idle"]
    worst: dict[str, int] = {}  # the longest gap seen while each kind of step ran

    def tick() -> None:
        now = clock.nsecsElapsed()
        gap = now - last[0]
        gaps.append(gap)
        worst[step[0]] = max(worst.get(step[0], 0), gap)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(1)
    heartbeat.timeout.connect(tick)

    def measure(step: Any) -> list[int]:
        gaps.clear()
        last[0] = clock.nsecsElapsed()
        heartbeat.start()
        step()
        heartbeat.stop()
        return list(gaps)

    def idle() -> None:
        until = time.perf_counter() + 2.0
        while time.perf_counter() < until:
            app.processEvents()
            time.sleep(0.0005)

    def check_ins(numbers: list[str]) -> None:
        for k, phone in enumerate(numbers):
            # As at the desk: the number typed, the pause looks the customer up, the card
            # shows, Enter checks the party in; both off the GUI thread.
            step[0] = "check-in"
            panel.phone.setText(phone)
            panel._run_lookup()
            pump_until(lambda: not panel.busy)
            panel.submit()
            pump_until(lambda: not panel.busy)
            if k % 3 == 2:  # the floor refreshed, as its poll and other devices do
                step[0] = "floor refresh"
                before = page.loads
                page.refresh()
                pump_until(lambda b=before: page.loads > b)

    pdf_path = Path(tempfile.mkdtemp(prefix="salesdesk-bench-gui-")) / "checklist.pdf"
    rounds: list[Any] = []
    workspace.sync_driver.finished.connect(rounds.append)
    workspace.sync_driver.failed.connect(rounds.append)

    def session() -> None:
        half = len(phones) // 2
        check_ins(phones[:half])
        for spec in workspace.specs:  # every page this role has, each loaded
            step[0] = f"page {spec.name}"
            workspace.show_page(spec.name)
            pump_until(lambda: True)
        step[0] = "pdf"
        signing = workspace.show_page("signing")
        signing.phone.setText(buyer_phone)
        signing.find_customer()
        pump_until(lambda: signing.current is not None)
        signing.save_pdf_to(pdf_path)
        pump_until(lambda: signing.last_pdf is not None)
        if sync_url is not None:
            step[0] = "sync round"
            workspace.sync_driver.sync_now()
            pump_until(lambda: bool(rounds) and not workspace.sync_driver.running, 120)
        step[0] = "page reception"
        workspace.show_page("reception")
        pump_until(lambda: True)
        check_ins(phones[half:])

    baseline = measure(idle)
    worst.clear()
    busy = measure(session)
    workspace.stop()
    runner.wait()
    window.close()
    ms = sorted(g / 1e6 for g in busy)
    idle_ms = sorted(g / 1e6 for g in baseline)
    return {"max": ms[-1], "p99": ms[int(len(ms) * 0.99)], "beats": len(ms),
            "idle_max": idle_ms[-1], "idle_p99": idle_ms[int(len(idle_ms) * 0.99)],
            "pdf_bytes": pdf_path.stat().st_size,
            "sync_round": (f"pushed {rounds[0].pushed}, pulled {rounds[0].pulled}"
                           if rounds and hasattr(rounds[0], "pushed")
                           else str(rounds[0]) if rounds else "not run: no PostgreSQL"),
            "pages": [s.name for s in workspace.specs],
            "worst_by_step": {k: round(v / 1e6, 1) for k, v in
                              sorted(worst.items(), key=lambda kv: -kv[1])}}
