"""Cold start to a shown main window on a database of 100,000 customers, against a bare
PySide6 window started the same way (the floor), then reception signing in to the first page.

- ``startup.signin_s``: process start to the sign-in screen painted;
- ``startup.bare_qt_s``: process start to a bare PySide6 window painted (the floor);
- ``startup.ratio``: the two, pairwise in one run (target ≤ 3);
- ``startup.first_page_s``: PIN accepted to the reception page painted with its floor;
- ``startup.rss_mb`` / ``startup.bare_rss_mb``: resident memory after the reception page /
  of the bare window."""

from __future__ import annotations

import compileall
import json
import os
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from common import median, result, temp_dirs

PROBE = Path(__file__).with_name("startup_probe.py")


def fill_customers(db_path: Path, count: int, seal: Any) -> None:
    """Bulk rows straight into SQLite: only the benchmark does this, the app never does.
    Numbers are sealed with the file's own ``PhoneSeal``, as the app stores them."""
    conn = sqlite3.connect(db_path)
    centre = conn.execute("SELECT value FROM local_meta WHERE key='sales_centre_id'").fetchone()[0]
    device = conn.execute("SELECT value FROM local_meta WHERE key='device_id'").fetchone()[0]
    now = "2026-11-01 02:00:00"
    conn.execute("DROP TRIGGER IF EXISTS customer_no_delete")
    customers, phones = [], []
    for i in range(count):
        cid = str(uuid.uuid4())
        digits = f"139{i:08d}"
        customers.append((cid, centre, 0, 0, 1, now, now, device, device, f"客户{i}",
                          "王先生", "2026.1", ""))
        phones.append((str(uuid.uuid4()), centre, 0, 0, 1, now, now, device, device, cid,
                       *seal.seal(f"+86{digits}", digits[-4:]), "self"))
    conn.executemany(
        "INSERT INTO customer (id, sales_centre_id, server_seq, deleted, row_version, created_at,"
        " updated_at, created_by_device, updated_by_device, name, salutation, consent_version,"
        " notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", customers)
    conn.executemany(
        "INSERT INTO customer_phone (id, sales_centre_id, server_seq, deleted, row_version,"
        " created_at, updated_at, created_by_device, updated_by_device, customer_id, e164_enc,"
        " e164_hash, last4_hash, label) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", phones)
    conn.commit()
    conn.close()


def _probe(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Spawn the probe; its JSON line, plus the whole process's wall time (``total_s``)."""
    t0 = time.monotonic()
    done = subprocess.run([sys.executable, str(PROBE), *args], check=True,
                          env={**env, "SALESDESK_BENCH_T0": repr(t0)}, capture_output=True,
                          text=True)
    out: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    out["total_s"] = time.monotonic() - t0
    return out


def run(quick: bool) -> Iterator[dict[str, Any]]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from salesdesk.bootstrap import open_services
    from salesdesk.demo import load_demo

    # An installed app starts from compiled bytecode (pip compiles on install); this checkout
    # may run with PYTHONDONTWRITEBYTECODE, which would time compiling instead of starting.
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "salesdesk"), quiet=1)
    data, keys = temp_dirs("startup")
    count = 20_000 if quick else 100_000
    services = open_services(data)
    load_demo(services)
    seal = services.db.phones
    services.close()
    fill_customers(data / "salesdesk.sqlite3", count, seal)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SALESDESK_KEY_DIR": str(keys)}
    _probe(["app", str(data)], env)  # warm the OS file cache once, as a real second start would
    runs = 3 if quick else 7
    bare: list[dict[str, Any]] = []
    app: list[dict[str, Any]] = []
    for _ in range(runs):
        bare.append(_probe(["bare"], env))
        app.append(_probe(["app", str(data)], env))

    def med(rows: list[dict[str, Any]], key: str) -> float:
        return median([float(r[key]) for r in rows])

    # Both measured the same way: process spawned -> first window painted.
    ratios = [a["signin_s"] / b["painted_s"] for a, b in zip(app, bare, strict=True)]
    yield result("startup.signin_s", med(app, "signin_s"), "s", customers=count, runs=runs,
                 note="process start to the sign-in screen painted")
    yield result("startup.bare_qt_s", med(bare, "painted_s"), "s", runs=runs,
                 note="process start to a bare PySide6 window painted")
    yield result("startup.ratio", median(ratios), "ratio", target="<= 3",
                 note="signin_s / bare_qt_s, pairwise in the same run")
    yield result("startup.first_page_s", med(app, "first_page_s"), "s", customers=count,
                 runs=runs, first_paint_s=round(med(app, "first_paint_s"), 3),
                 note="PIN accepted to the reception page painted with its floor loaded")
    yield result("startup.rss_mb", med(app, "rss_mb"), "MB", customers=count,
                 signin_rss_mb=round(med(app, "signin_rss_mb"), 1),
                 note="resident memory after the reception page")
    yield result("startup.bare_rss_mb", med(bare, "rss_mb"), "MB",
                 note="resident memory of a bare PySide6 window")
    yield result("startup.app_s", med(app, "total_s"), "s", customers=count, runs=runs,
                 note="whole probe process: start, sign in, reception page, exit")
