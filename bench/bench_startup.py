"""Cold start to a shown main window on a database of 100,000 customers, against a bare
PySide6 window started the same way (the floor). Target: startup.ratio ≤ 3."""

from __future__ import annotations

import compileall
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


def fill_customers(db_path: Path, count: int) -> None:
    """Bulk rows straight into SQLite: only the benchmark does this, the app never does."""
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
                       f"+86{digits}", digits[-4:], "self"))
    conn.executemany(
        "INSERT INTO customer (id, sales_centre_id, server_seq, deleted, row_version, created_at,"
        " updated_at, created_by_device, updated_by_device, name, salutation, consent_version,"
        " notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", customers)
    conn.executemany(
        "INSERT INTO customer_phone (id, sales_centre_id, server_seq, deleted, row_version,"
        " created_at, updated_at, created_by_device, updated_by_device, customer_id, e164, last4,"
        " label) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", phones)
    conn.commit()
    conn.close()


def _time(args: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, str(PROBE), *args], check=True, env=env,
                   capture_output=True)
    return time.perf_counter() - t0


def run(quick: bool) -> Iterator[dict[str, Any]]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from salesdesk.services.demo import load_demo
    from salesdesk.wiring import open_services

    # An installed app starts from compiled bytecode (pip compiles on install); this checkout
    # may run with PYTHONDONTWRITEBYTECODE, which would time compiling instead of starting.
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "salesdesk"), quiet=1)
    data, keys = temp_dirs("startup")
    count = 20_000 if quick else 100_000
    services = open_services(data)
    load_demo(services)
    services.close()
    fill_customers(data / "salesdesk.sqlite3", count)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SALESDESK_KEY_DIR": str(keys)}
    _time(["app", str(data)], env)  # warm the OS file cache once, as a real second start would
    runs = 3 if quick else 7
    app_s, bare_s, ratios = [], [], []
    for _ in range(runs):
        b = _time(["bare"], env)
        a = _time(["app", str(data)], env)
        bare_s.append(b)
        app_s.append(a)
        ratios.append(a / b)
    yield result("startup.app_s", median(app_s), "s", customers=count, runs=runs)
    yield result("startup.bare_qt_s", median(bare_s), "s", runs=runs)
    yield result("startup.ratio", median(ratios), "ratio", target="<= 3")
