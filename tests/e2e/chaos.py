"""The chaos run (SYNC.md, "Proving nothing lost") and its check.

Several device processes write and sync through a fault-injecting proxy while the harness
kills them at random and kills and restarts the server; one device stays offline for the whole
stretch and one runs two hours fast. Then faults go off and every device syncs until quiet.
Pass: 0 lost, 0 applied twice, no overbooked slot, every device equal to the server."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
from sqlalchemy import select, update
from sqlalchemy.orm import sessionmaker

from salesdesk.store.database import make_engine, open_database
from salesdesk.store.models.sync import SyncConflict, SyncState
from salesdesk.store.outbox import row_payload
from salesdesk.sync import rules
from salesdesk.sync.client.engine import SyncClient
from salesdesk.sync.client.errors import SyncError
from salesdesk.sync.server.devcluster import PgCluster, enrol_code, free_port, setup_centre
from tests.e2e.chaos_models import (
    BOOKING_RULE,
    CAPACITY,
    ChaosBase,
    ChaosBooking,
    ChaosNote,
    action_log,
    register_rules,
)
from tests.e2e.fault_proxy import FaultProxy

ROOT = Path(__file__).resolve().parents[2]
COMPARED = {"chaos_note": ChaosNote, "chaos_booking": ChaosBooking, "sync_conflict": SyncConflict}


@dataclass
class ChaosConfig:
    seed: int
    seconds: float = 8.0
    devices: int = 4
    broken_server: str = ""  # no_dedupe | bigserial_cursor (negative controls)
    ack_early: bool = False  # negative control: the client forgets before the server replied
    commit_delay: float = 0.01
    kill_every: tuple[float, float] = (1.0, 2.5)
    # Extra devices that only insert and push after every action, so that pushes from
    # different devices are in flight together (what makes a sequence-numbered feed skip).
    pushers: int = 0


@dataclass
class ChaosReport:
    actions: int = 0
    lost: int = 0
    twice: int = 0
    overbooked: int = 0
    unequal_devices: int = 0
    kills: int = 0
    server_restarts: int = 0
    faults: dict[str, int] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    watcher_errors: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.actions > 0 and not (self.lost or self.twice or self.overbooked
                                         or self.unequal_devices)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["SALESDESK_NO_KEYRING"] = "1"
    return env


class ServerProcess:
    """The sync service as a child of the zygote, so it can be killed and restarted fast."""

    def __init__(self, url: str, cfg: ChaosConfig, zygote: Zygote, workdir: Path) -> None:
        self.url = url
        self.cfg = cfg
        self.port = free_port()
        self.zygote = zygote
        self.workdir = workdir
        self.pid: int | None = None
        self.starts = 0

    def start(self, wait: bool = True) -> None:
        self.starts += 1
        self.pid = self.zygote.spawn(self.workdir / f"server{self.starts}.log",
                                     ["server", self.url, str(self.port)])
        if wait:
            self.wait_ready()

    def wait_ready(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("chaos server did not start")

    def kill(self) -> None:
        _kill(self.pid)


class Zygote:
    """Forks device and server processes from one pre-imported parent (chaos_zygote.py)."""

    def __init__(self, cfg: ChaosConfig) -> None:
        env = _env()
        # The switches for the negative controls reach the server child through here.
        env["SALESDESK_SYNC_TEST_BROKEN"] = cfg.broken_server
        env["SALESDESK_SYNC_TEST_COMMIT_DELAY"] = str(cfg.commit_delay)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.chaos_zygote"], env=env, cwd=ROOT,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def spawn(self, log: Path, argv: list[str]) -> int:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write((json.dumps([str(log), *argv]) + "\n").encode())
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline())

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


def _alive(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _kill(pid: int | None) -> bool:
    if not _alive(pid):
        return False
    assert pid is not None
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.01)
    return True


@dataclass
class DeviceSlot:
    index: int
    data: Path
    keys: Path
    clock_offset: float
    offline: bool
    pusher: bool = False
    pid: int | None = None
    runs: int = 0


def _client(dev: DeviceSlot, ack_early: bool = False) -> SyncClient:
    engine = make_engine(dev.data / "salesdesk.sqlite3", immediate=False)
    from salesdesk.store.models.local import LocalMeta

    with sessionmaker(engine)() as s:
        local = s.get(LocalMeta, "device_id")
        local_id = local.value if local else "x"
    engine.dispose()
    return SyncClient(dev.data / "salesdesk.sqlite3", dev.keys, local_device_id=local_id,
                      extra_metadata=(ChaosBase.metadata,), ack_before_reply=ack_early)


def _prepare_device(dev: DeviceSlot, server_url: str, proxy_url: str, code: str) -> None:
    db = open_database(dev.data, dev.keys)
    ChaosBase.metadata.create_all(db.write_engine)
    db.close()
    client = _client(dev)
    client.enrol(server_url, code, label=f"chaos-{dev.index}")
    with client._sessions() as s, s.begin():
        s.execute(update(SyncState).values(server_url=proxy_url))
    client.close()


def _spawn(zygote: Zygote, dev: DeviceSlot, seed: int, seconds: float,
           cfg: ChaosConfig) -> None:
    args = ["device", str(dev.data), str(dev.keys), str(seed * 100 + dev.index * 10 + dev.runs),
            f"{seconds:.2f}", "--clock-offset", str(dev.clock_offset)]
    if dev.offline:
        args.append("--offline")
    if dev.index == 2:
        args.append("--eager")
    if dev.pusher:
        args.append("--pusher")
    if cfg.ack_early:
        args.append("--ack-early")
    dev.runs += 1
    dev.pid = zygote.spawn(dev.data.parent / f"run{dev.runs}.log", args)


def _watch(dev: DeviceSlot, stop: threading.Event, errors: Counter[str]) -> None:
    client = _client(dev)
    try:
        while not stop.is_set():
            try:
                client.sync_round()
            except Exception as exc:  # the watcher must outlive any fault it meets
                errors[type(exc).__name__] += 1
            stop.wait(0.03)
    finally:
        client.close()


def _sync_to_quiet(devices: list[DeviceSlot], report: ChaosReport) -> None:
    clients = [_client(d) for d in devices]
    try:
        for _ in range(3):
            for c in clients:
                for _ in range(30):
                    try:
                        c.sync_round()
                    except SyncError as exc:
                        report.details.append(f"quiet round failed: {exc.en}")
                        break
                    if c.pending_count() == 0:
                        break
        for _ in range(10):
            pulled = 0
            for c in clients:
                try:
                    pulled += c.sync_round().pulled
                except SyncError as exc:
                    report.details.append(f"quiet round failed: {exc.en}")
                    pulled += 1
            if pulled == 0:
                break
    finally:
        for c in clients:
            c.close()


def _canon(row: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in row.items() if k not in ("server_seq", "row_version")},
                      sort_keys=True, ensure_ascii=False, default=str)


def _check(url: str, devices: list[DeviceSlot], report: ChaosReport) -> None:
    truth: list[str] = []
    device_rows: list[dict[str, dict[str, str]]] = []
    for dev in devices:
        db = open_database(dev.data, dev.keys)
        try:
            with db.reader() as uow:
                s = uow.session
                truth += [r[0] for r in s.execute(select(action_log.c.change_id))]
                rows: dict[str, dict[str, str]] = {}
                for name, model in COMPARED.items():
                    rows[name] = {o.id: _canon(row_payload(o)) for o in s.scalars(select(model))}
                device_rows.append(rows)
                pending = len(s.execute(select(action_log.c.id)).all())
                del pending
        finally:
            db.close()
    report.actions = len(truth)
    with psycopg.connect(url) as conn:
        logged = Counter(r[0] for r in conn.execute(
            "SELECT change_id FROM change_log WHERE device_id IS NOT NULL"))
        server: dict[str, dict[str, str]] = {name: {} for name in COMPARED}
        for entity, row_id, data in conn.execute(
                "SELECT entity, row_id, data FROM entity_row WHERE entity = ANY(%s)",
                (list(COMPARED),)):
            server[entity][row_id] = _canon(data)
        bookings = [r[0] for r in conn.execute(
            "SELECT data FROM entity_row WHERE entity = 'chaos_booking'")]
    report.lost = sum(1 for c in truth if c not in logged)
    report.twice = sum(1 for c in truth if logged.get(c, 0) > 1)
    per_slot = Counter(BOOKING_RULE.slot_key(b) for b in bookings if BOOKING_RULE.counts(b))
    report.overbooked = sum(1 for n in per_slot.values() if n > CAPACITY)
    for i, rows in enumerate(device_rows):
        per_dev = Counter(BOOKING_RULE.slot_key(json.loads(v)) for v in
                          rows["chaos_booking"].values() if BOOKING_RULE.counts(json.loads(v)))
        report.overbooked += sum(1 for n in per_dev.values() if n > CAPACITY)
        diffs = [name for name in COMPARED if rows[name] != server[name]]
        if diffs:
            report.unequal_devices += 1
            for name in diffs:
                missing = len(set(server[name]) - set(rows[name]))
                extra = len(set(rows[name]) - set(server[name]))
                changed = sum(1 for k in set(server[name]) & set(rows[name])
                              if server[name][k] != rows[name][k])
                report.details.append(f"device {i} {name}: {missing} missing, {extra} extra, "
                                      f"{changed} different")


def run_chaos(cluster: PgCluster, workdir: Path, cfg: ChaosConfig) -> ChaosReport:
    register_rules()
    workdir.mkdir(parents=True, exist_ok=True)
    report = ChaosReport()
    rng = random.Random(cfg.seed)
    url = cluster.create_database()
    setup_centre(url)
    from salesdesk.sync.server.app import prepare_broken
    from salesdesk.sync.server.push import ServerOptions

    prepare_broken(url, ServerOptions(dedupe=cfg.broken_server != "no_dedupe",
                                      bigserial_feed=cfg.broken_server == "bigserial_cursor"))
    zygote = Zygote(cfg)
    server = ServerProcess(url, cfg, zygote, workdir)
    t0 = time.monotonic()
    server.start()
    report.timings["server_start"] = time.monotonic() - t0
    proxy = FaultProxy(server.port, cfg.seed).start()
    # cfg.devices ordinary devices, then the pushers, then the watcher (always last).
    devices = [DeviceSlot(i, workdir / f"dev{i}" / "data", workdir / f"dev{i}" / "keys",
                          clock_offset=7200.0 if i == 0 else 0.0, offline=(i == 1),
                          pusher=cfg.devices <= i < cfg.devices + cfg.pushers)
               for i in range(cfg.devices + cfg.pushers + 1)]
    try:
        t0 = time.monotonic()
        for dev in devices:
            _prepare_device(dev, f"http://127.0.0.1:{server.port}", proxy.url, enrol_code(url))
        report.timings["prepare"] = time.monotonic() - t0
        start = time.monotonic()
        end = start + cfg.seconds
        for dev in devices[:-1]:
            _spawn(zygote, dev, cfg.seed, cfg.seconds, cfg)
        # The last device is a watcher (a head-office screen, say): it only pulls, often.
        watcher_stop = threading.Event()
        watcher_errors: Counter[str] = Counter()
        watcher = threading.Thread(target=_watch, args=(devices[-1], watcher_stop,
                                                        watcher_errors), daemon=True)
        watcher.start()
        restarted = False
        next_kill = start + rng.uniform(*cfg.kill_every)
        while time.monotonic() < end:
            now = time.monotonic()
            if not restarted and now > start + cfg.seconds * 0.4:
                server.kill()
                time.sleep(0.3)
                server.start(wait=False)  # devices meet a dead server until it is up
                restarted = True
                report.server_restarts += 1
            if now >= next_kill:
                victim = rng.choice(devices[:-1])
                if _kill(victim.pid):
                    report.kills += 1
                remaining = end - time.monotonic()
                if remaining > 0.5:
                    _spawn(zygote, victim, cfg.seed, remaining, cfg)
                next_kill = time.monotonic() + rng.uniform(*cfg.kill_every)
            time.sleep(0.05)
        watcher_stop.set()
        watcher.join(timeout=60)
        report.watcher_errors = dict(watcher_errors)
        # The window ends like it ran: every device process is killed wherever it is.
        for dev in devices:
            _kill(dev.pid)
        report.timings["chaos"] = time.monotonic() - start
        report.faults = dict(proxy.faults.counts)
        proxy.faults.off()
        if not _alive(server.pid):
            server.start()
        server.wait_ready()
        t0 = time.monotonic()
        _sync_to_quiet(devices, report)
        report.timings["quiet"] = time.monotonic() - t0
        _check(url, devices, report)
    finally:
        for dev in devices:
            _kill(dev.pid)
        proxy.stop()
        server.kill()
        zygote.close()
        rules.unregister("chaos_booking")
    return report
