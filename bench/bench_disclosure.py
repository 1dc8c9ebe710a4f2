"""Disclosure at scale: 2,000,000 ledger records (``--quick``: 100,000) on four device chains
over five years, built with direct SQL (valid hashes and links), then:

- ``disclosure.audit_month_s``: the supervisor's audit report for one month (target ≤ 2 s);
- ``disclosure.verify_chain_s``: ``db verify`` of every chain (target ≤ 15 s);
- ``disclosure.db_verify_total_s``: the whole ``db verify`` (target ≤ 15 s);
- ``disclosure.record_round_ms``: recording one round of 15 items (median, target ≤ 20 ms).
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from common import median, result, temp_dirs, time_ms

from salesdesk.domain.disclosure import RoundKind
from salesdesk.domain.ids import new_id
from salesdesk.domain.ledger import GENESIS, HASH_FIELDS, TIME_FORMAT, fast_record_hash
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services, build_services
from salesdesk.services.disclosure import check_ledger
from salesdesk.services.project import DEMO_PATH
from salesdesk.store.database import open_database

FULL, QUICK = 2_000_000, 100_000
DEVICES = 4
YEARS = 5
BENCH_UNIT = "2-201"


def _project_file(tmp: Path) -> Path:
    """The demo project with four more factors on 2-201, so its checklist has 15 items."""
    cfg = json.loads(DEMO_PATH.read_text(encoding="utf-8"))
    for n in range(4):
        cfg["adverse_factors"].append({
            "code": f"B{n:02d}", "side": "inside", "category": "other",
            "title": f"测试因素 {n + 1}", "description": "基准测试用的不利因素。",
            "direction": "北", "distance_m": 10 + n, "units": [BENCH_UNIT],
            "contract_annex": False})
    path = tmp / "bench_project.json"
    path.write_text(json.dumps(cfg, ensure_ascii=False), encoding="utf-8")
    return path


def _setup(quick: bool) -> tuple[Services, Actor, Actor, str, str]:
    data, keys = temp_dirs("disclosure")
    services = build_services(open_database(data, keys))
    services.importer.import_file(None, _project_file(Path(tempfile.mkdtemp())))
    staff = {e.code: e.id for e in services.auth.signin_list()}
    consultant = services.auth.actor_for(staff["C102"])
    supervisor = services.auth.actor_for(staff["S001"])
    customer = services.customers.register(consultant, phone="13900001234", name="基准客户",
                                           consent=True)
    unit = next(u.id for u in services.projects.units(consultant) if u.number == BENCH_UNIT)
    return services, consultant, supervisor, customer.id, unit


def _seed_checklists(services: Services, actor: Actor, customer_id: str) -> list[tuple[str, str, int, str]]:
    """One real round per distinct checklist (units of each shape), made through the service."""
    units = services.projects.units(actor)
    seen: dict[str, tuple[str, str, int, str]] = {}
    for u in units:
        cl = services.disclosure.checklist(actor, customer_id, u.id)
        if cl.checklist_hash in seen:
            continue
        services.disclosure.record_round(
            actor, customer_id=customer_id, unit_id=u.id, kind=RoundKind.RECEPTION,
            ticks={i.code: services.db.now() for i in cl.items}, paper_form=True)
        seen[cl.checklist_hash] = ("", cl.checklist_hash, len(cl.items), u.id)
    conn = sqlite3.connect(services.db.path)
    ids = dict(conn.execute("SELECT checklist_hash, id FROM disclosure_checklist").fetchall())
    conn.close()
    return [(ids[h], h, n, unit) for h, (_x, h2, n, unit) in seen.items() if h == h2]


SYNC_COLS = ("server_seq", "deleted", "row_version", "created_at", "updated_at",
             "updated_by_device", "created_by_staff", "updated_by_staff")


def _bulk(services: Services, n: int, checklists: list[tuple[str, str, int, str]],
          staff: list[str], centre: str) -> tuple[date, float]:
    """n records across DEVICES chains, evenly over YEARS; customers and calls to match."""
    rnd = random.Random(7)
    conn = sqlite3.connect(services.db.path, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA journal_mode=WAL")
    t0 = time.perf_counter()
    n_customers = max(2000, n // 40)
    customers = [new_id() for _ in range(n_customers)]
    end = datetime(2026, 11, 1, tzinfo=UTC)
    begin = end - timedelta(days=365 * YEARS)
    span = (end - begin).total_seconds()
    now_txt = end.strftime(TIME_FORMAT)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO customer (id, sales_centre_id, server_seq, deleted, row_version, "
        "created_at, updated_at, created_by_device, updated_by_device, name, salutation, "
        "consent_version, notes) VALUES (?, ?, 0, 0, 1, ?, ?, 'bench', 'bench', ?, '', '', '')",
        [(c, centre, now_txt, now_txt, f"客户{i}") for i, c in enumerate(customers)])
    cols = (*HASH_FIELDS, "hash", *SYNC_COLS)
    sql = (f"INSERT INTO disclosure_record ({', '.join(cols)}) "
           f"VALUES ({', '.join('?' * len(cols))})")
    per_device = n // DEVICES
    kinds = ("reception", "reception", "pre_deposit", "re_cover")
    for d in range(DEVICES):
        device = new_id()
        prev = GENESIS
        batch: list[tuple[Any, ...]] = []
        for seq in range(1, per_device + 1):
            at = begin + timedelta(seconds=span * seq / per_device + d * 7)
            at_txt = at.strftime(TIME_FORMAT)
            cl_id, cl_hash, n_items, unit = checklists[rnd.randrange(len(checklists))]
            skip = rnd.random() < 0.15
            covered = n_items - (1 if skip else 0)
            coverage = ",".join(["-" if (skip and k == n_items - 1) else str(30 * k)
                                 for k in range(n_items)])
            consultant = staff[rnd.randrange(len(staff))]
            values = [new_id(), centre, device, seq, prev, "round",
                      kinds[seq % 4], customers[rnd.randrange(n_customers)], unit, consultant,
                      consultant, at_txt, at_txt, cl_id, cl_hash, coverage, n_items, covered,
                      1, 1, 1, 0 if skip else 1, "", "", 1, "", ""]
            h = fast_record_hash(values)
            batch.append((*values, h, 0, 0, 1, at_txt, at_txt, device, consultant, consultant))
            prev = h
            if len(batch) >= 20000:
                conn.executemany(sql, batch)
                batch.clear()
        conn.executemany(sql, batch)
    # The measured month: follow-up calls and subscriptions for it.
    month = date(2024, 6, 1)
    m_start = datetime(2024, 6, 1, tzinfo=UTC)
    calls = []
    for _ in range(800):
        at = (m_start + timedelta(seconds=rnd.randrange(29 * 86400))).strftime(TIME_FORMAT)
        calls.append((new_id(), centre, at, at, customers[rnd.randrange(n_customers)], "",
                      staff[0], at, rnd.random() > 0.1, True, True, True, rnd.randint(2, 5)))
    conn.executemany(
        "INSERT INTO follow_up_call (id, sales_centre_id, server_seq, deleted, row_version, "
        "created_at, updated_at, created_by_device, updated_by_device, customer_id, unit_id, "
        "caller_id, called_at, told_factors, told_sunshine, told_certificates, told_contract, "
        "score, notes) VALUES (?, ?, 0, 0, 1, ?, ?, 'bench', 'bench', ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, '')", calls)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()
    return month, time.perf_counter() - t0


def run(quick: bool) -> Iterator[dict[str, Any]]:
    n = QUICK if quick else FULL
    services, consultant, supervisor, customer_id, unit = _setup(quick)
    checklists = _seed_checklists(services, consultant, customer_id)
    staff = [e.id for e in services.auth.signin_list() if e.role.value.endswith("consultant")]
    centre = supervisor.sales_centre_id
    month, build_s = _bulk(services, n, checklists, staff, centre)
    records = n + len(checklists)

    # The audit report for one month (cold: a fresh process would be warmer than this run's
    # first call only by the page cache, which the build has just filled anyway).
    # The audit page's figures for one month: per consultant, subscriptions without complete
    # disclosure, ledger-vs-follow-up mismatches, open escalations.
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        report = services.disclosure_audit.report(supervisor, month, date(2024, 6, 30),
                                                  include_pre_opening=False)
        times.append(time.perf_counter() - t0)
    rounds = sum(c.rounds for c in report.consultants)
    # The pre-opening list of the same month (its own tab; reads each customer's history).
    t0 = time.perf_counter()
    pre = services.disclosure_audit.pre_opening(supervisor, month, date(2024, 6, 30))
    pre_s = time.perf_counter() - t0
    yield result("disclosure.audit_month_s", statistics.median(times), "s", records=records,
                 month_rounds=rounds, mismatches=len(report.mismatches), target=2.0,
                 pre_opening_s=round(pre_s, 3), pre_opening_rows=len(pre))

    # The ledger check of ``db verify`` alone, then the whole command.
    t0 = time.perf_counter()
    check = check_ledger(services.db)
    verify_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    verify = services.maintenance.verify()
    db_verify_s = time.perf_counter() - t0
    yield result("disclosure.verify_chain_s", verify_s, "s", records=check.records,
                 devices=check.devices, ok=check.ok and verify.ok, target=15.0,
                 db_verify_total_s=round(db_verify_s, 2))
    # The whole ``db verify`` (ledger chains, triggers, SQLite's quick_check beside them) on
    # its own; ``--thorough`` (integrity_check: every index against its table) is reported
    # beside it, not part of the target.
    t0 = time.perf_counter()
    thorough = services.maintenance.verify(thorough=True)
    thorough_s = time.perf_counter() - t0
    yield result("disclosure.db_verify_total_s", db_verify_s, "s", records=check.records,
                 ok=verify.ok, target="<= 15", thorough_s=round(thorough_s, 2),
                 thorough_ok=thorough.ok)

    cl = services.disclosure.checklist(consultant, customer_id, unit)
    assert len(cl.items) == 15, len(cl.items)

    def one_round() -> None:
        now = services.db.now()
        services.disclosure.record_round(
            consultant, customer_id=customer_id, unit_id=unit, kind=RoundKind.PRE_DEPOSIT,
            ticks={i.code: now for i in cl.items}, paper_form=True)

    one_round()
    ms = time_ms(one_round, 30 if quick else 60)
    yield result("disclosure.record_round_ms", median(ms), "ms", records=records, items=15,
                 p90=sorted(ms)[int(len(ms) * 0.9)], target=20.0, build_s=round(build_s, 1))
    services.close()
