"""Head office under many devices: simulated devices push and pull at once against the sync
service run as 1, 2 and 4 worker processes on one PostgreSQL (one ``serve --port`` process per
worker with the devices spread evenly, as a reverse proxy spreads them; or, with
``SALESDESK_BENCH_FLEET_SERVE=uvicorn``, one ``serve`` with ``uvicorn --workers``).

A simulated device is not a SQLite app (200 of those would measure SQLite on two cores): it
enrols with its own one-time code, gets tokens with its own secret and speaks the protocol over
HTTP, so every request takes the server's real paths (token check, the push transaction with
its counter row, the feed). It pushes customer rows shaped exactly like a real device's outbox
(the template is written through the real store once per run): new customers, and from its
second round on one edit of a customer it made earlier. Devices are spread over sales centres
of one company (``PER_CENTRE`` each), so they share one feed counter row, as a developer's
centres do.

Load: every device starts at once and syncs back to back, each round one push then pulls until
``has_more`` is false. That is the morning rush (or the head office coming back after an
outage) compressed: far more than 200 devices on a 45 s timer ever ask. When every push has
been answered, every device pulls until quiet once more.

Then the books are checked in PostgreSQL and against what each device pulled: every change id
sent is in ``change_log`` exactly once, every row exists with the version its edits imply (an
edit applied twice shows as a higher version), and every device received every row of its
sales centre it did not write itself (the feed leaves out a device's own rows it already
holds). ``sync.fleet_lost`` and ``sync.fleet_duplicated`` sum that over all runs.

Clients run on one asyncio loop in this process, each device on its own kept-alive HTTP/1.1
connection (a small client here, not httpx: httpx's async pool scans every connection on every
request, and without ``sniffio`` installed retries a failed import each time, so with 200
devices it measured itself). On a 2-core machine the clients still take CPU from the workers
and PostgreSQL: figures are a floor.
Skipped when PostgreSQL binaries are missing."""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import os
import random
import signal
import statistics
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import psycopg
from common import result, temp_dirs

ROOT = Path(__file__).resolve().parents[1]
PER_CENTRE = 10
POOL_SIZE = 8
PULL_LIMIT = 5000  # what the real client asks for


@dataclass(frozen=True)
class Scale:
    devices: int
    changes: int  # per device, over all its rounds
    rounds: int
    workers: tuple[int, ...]


FULL = Scale(devices=200, changes=50, rounds=5, workers=(1, 2, 4))
QUICK = Scale(devices=40, changes=20, rounds=4, workers=(1, 2))


class FleetError(RuntimeError):
    pass


class _ClosedWhileIdle(Exception):
    pass


class Http:
    """One device's kept-alive HTTP/1.1 connection to the service."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: bytes | None = None,
                      token: str = "") -> tuple[int, bytes]:
        """Status and body; raises ConnectionError when the exchange broke off."""
        reused = self._writer is not None
        try:
            return await self._exchange(method, path, body, token)
        except _ClosedWhileIdle:
            if not reused:
                raise ConnectionError("connection closed by the server") from None
            # The server let the kept-alive connection go while this device was idle (uvicorn
            # after 5 s): open a new one, as any HTTP client does.
            return await self._exchange(method, path, body, token)

    async def _exchange(self, method: str, path: str, body: bytes | None,
                        token: str) -> tuple[int, bytes]:
        try:
            if self._writer is None:
                self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
            assert self._reader is not None
            head = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
            if token:
                head.append(f"Authorization: Bearer {token}")
            if body is not None:
                head += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
            self._writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + (body or b""))
            try:
                status_line = await self._reader.readline()
            except ConnectionResetError:
                status_line = b""
            if not status_line:
                await self.close()
                raise _ClosedWhileIdle
            status = int(status_line.split()[1])
            headers: dict[str, str] = {}
            while (line := await self._reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
            if "content-length" in headers:
                data = await self._reader.readexactly(int(headers["content-length"]))
            elif headers.get("transfer-encoding") == "chunked":
                parts = []
                while size := int((await self._reader.readline()).split(b";")[0], 16):
                    parts.append(await self._reader.readexactly(size))
                    await self._reader.readline()
                await self._reader.readline()
                data = b"".join(parts)
            else:
                data = await self._reader.read()
                headers["connection"] = "close"
            if headers.get("connection", "").lower() == "close":
                await self.close()
            return status, data
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError) as exc:
            await self.close()
            raise ConnectionError(f"{type(exc).__name__}: {exc}") from exc

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(OSError):
                await self._writer.wait_closed()
        self._reader = self._writer = None


def _customer_template() -> dict[str, Any]:
    """A customer insert as the real store writes it into the outbox (every column)."""
    from sqlalchemy import select

    from salesdesk.services.container import build_services
    from salesdesk.store.database import open_database
    from salesdesk.store.models.customer import Customer
    from salesdesk.store.models.local import OutboxEntry

    data, keys = temp_dirs("fleet-template")
    services = build_services(open_database(data, keys))
    try:
        with services.db.uow() as uow:
            uow.add(Customer(sales_centre_id="template", name="客户", salutation="王先生",
                             notes="来访登记"))
            uow.commit()
        with services.db.reader() as uow:
            payload = uow.session.scalars(select(OutboxEntry.payload)).one()
    finally:
        services.close()
    row: dict[str, Any] = json.loads(payload)
    return row


@dataclass
class SimDevice:
    index: int
    centre_code: str
    code: str
    template: dict[str, Any]
    http: Http
    local_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    device_id: str = ""
    secret: str = ""
    token: str = ""
    centre_id: str = ""
    seq: int = 0
    hlc_ms: int = 0
    hlc_logical: int = 0
    cursor: int = 0
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)  # own rows, latest payload
    edits: dict[str, int] = field(default_factory=dict)  # own row -> edits sent after insert
    sent: list[str] = field(default_factory=list)  # change ids
    received: set[str] = field(default_factory=set)  # customer rows pulled
    leaked: int = 0  # pulled rows of another sales centre
    not_applied: int = 0
    round_s: list[float] = field(default_factory=list)
    pushes: int = 0
    pulls: int = 0
    retries: int = 0
    retry_reasons: Counter[str] = field(default_factory=Counter)

    # -- HTTP -------------------------------------------------------------------------------

    async def _call(self, method: str, path: str, body: Any = None, *,
                    auth: bool = True) -> dict[str, Any]:
        """One call, retried like a device would (broken connection, 503, expired token): a
        retried push is the same batch, which the server must not apply twice."""
        raw = None if body is None else json.dumps(body, ensure_ascii=False).encode()
        for attempt in range(30):
            try:
                status, data = await self.http.request(method, path, raw,
                                                       self.token if auth else "")
            except ConnectionError as exc:
                status, data = 0, str(exc).encode()
            if status == 200:
                reply: dict[str, Any] = json.loads(data)
                return reply
            if status == 401 and auth:
                await self.get_token()
            elif status not in (0, 503):
                raise FleetError(f"device {self.index} {path}: HTTP {status} "
                                 f"{data[:300].decode(errors='replace')}")
            self.retries += 1
            self.retry_reasons[f"{path.split('?')[0]} {status} {data[:80].decode(errors='replace')}"] += 1
            await asyncio.sleep(min(2.0, 0.05 * 2 ** attempt) * (0.5 + random.random()))
        raise FleetError(f"device {self.index} {path}: gave up after 30 attempts")

    async def enrol(self) -> None:
        reply = await self._call("POST", "/v1/enrol", {
            "code": self.code, "label": f"前台{self.index}", "local_centre_id": None,
            "first_seq": 1}, auth=False)
        self.device_id, self.secret = str(reply["device_id"]), str(reply["secret"])
        self.centre_id = str(reply["sales_centre_id"])
        await self.get_token()

    async def get_token(self) -> None:
        reply = await self._call("POST", "/v1/token",
                                 {"device_id": self.device_id, "secret": self.secret},
                                 auth=False)
        self.token = str(reply["token"])

    # -- changes ----------------------------------------------------------------------------

    def _tick(self) -> str:
        now = int(time.time() * 1000)
        if now > self.hlc_ms:
            self.hlc_ms, self.hlc_logical = now, 0
        else:
            self.hlc_logical += 1
        return f"{self.hlc_ms:015d}:{self.hlc_logical:06d}:{self.local_id}"

    def _change(self, operation: str, payload: dict[str, Any], base: int,
                fields: list[str]) -> dict[str, Any]:
        self.seq += 1
        change_id = str(uuid.uuid4())
        self.sent.append(change_id)
        return {"seq": self.seq, "change_id": change_id, "entity": "customer",
                "row_id": payload["id"], "operation": operation, "base_version": base,
                "hlc": self._tick(), "fields": fields, "payload": payload}

    def make_batch(self, n: int) -> list[dict[str, Any]]:
        now = datetime.now(UTC).isoformat()
        batch = []
        if self.rows and n > 1:
            # One edit of a customer this device made in an earlier round: the row-lock and
            # merge path of an existing row, not only inserts.
            row_id = random.choice(sorted(self.rows))
            old = self.rows[row_id]
            edited = {**old, "notes": f"第{self.edits.get(row_id, 0) + 2}次来访",
                      "row_version": old["row_version"] + 1, "updated_at": now}
            self.rows[row_id] = edited
            self.edits[row_id] = self.edits.get(row_id, 0) + 1
            batch.append(self._change("update", edited, old["row_version"], ["notes"]))
            n -= 1
        for _ in range(n):
            row_id = str(uuid.uuid4())
            k = len(self.rows) + 1
            payload = {**self.template, "id": row_id, "sales_centre_id": self.centre_id,
                       "name": f"客户{self.index}-{k}", "salutation": "王先生" if k % 2 else "李女士",
                       "notes": "来访登记，关注两居室", "created_at": now, "updated_at": now,
                       "created_by_device": self.local_id, "updated_by_device": self.local_id,
                       "row_version": 1, "server_seq": 0}
            self.rows[row_id] = payload
            batch.append(self._change("insert", payload, 0, []))
        return batch

    # -- a round ----------------------------------------------------------------------------

    async def push(self, batch: list[dict[str, Any]]) -> None:
        pending = batch
        while pending:
            batch_id = str(uuid.uuid4())
            reply = await self._call("POST", "/v1/push",
                                     {"batch_id": batch_id, "changes": pending})
            self.pushes += 1
            if reply.get("batch_id") != batch_id:
                raise FleetError(f"device {self.index}: push reply for another batch")
            last = int(reply["last_applied"])
            for r in reply.get("results") or []:
                if r.get("status") not in ("applied", "duplicate"):
                    self.not_applied += 1
            pending = [c for c in pending if c["seq"] > last]

    async def pull_until_quiet(self) -> None:
        while True:
            reply = await self._call("GET", f"/v1/pull?cursor={self.cursor}&limit={PULL_LIMIT}")
            self.pulls += 1
            if int(reply["cursor"]) != self.cursor or reply.get("device_id") != self.device_id:
                raise FleetError(f"device {self.index}: pull reply for another cursor/device")
            for c in reply["changes"]:
                if c["entity"] != "customer":
                    continue
                if c["row"].get("sales_centre_id") != self.centre_id:
                    self.leaked += 1
                self.received.add(str(c["row_id"]))
            self.cursor = int(reply["next_cursor"])
            if not reply["has_more"]:
                return

    async def sync(self, rounds: int, changes: int) -> None:
        sizes = [changes // rounds + (1 if i < changes % rounds else 0) for i in range(rounds)]
        for n in sizes:
            t0 = time.perf_counter()
            await self.push(self.make_batch(n))
            await self.pull_until_quiet()
            self.round_s.append(time.perf_counter() - t0)


# -- the server -------------------------------------------------------------------------------

# "processes": one `serve --port` process per worker, the devices spread evenly over them, as a
# reverse proxy with an upstream per process spreads them (the way the server README shows).
# "uvicorn": one `serve` with SALESDESK_SYNC_WORKERS (uvicorn's workers share one port). Its
# workers take connections as they race to accept them, and kept-alive connections stay: with
# 200 devices arriving at once, 4 workers got 30 to 68 each, and the devices on the crowded one
# made the p99 (see the server README).
SERVE = os.environ.get("SALESDESK_BENCH_FLEET_SERVE", "processes")


@dataclass
class Service:
    procs: list[subprocess.Popen[bytes]]
    ports: list[int]

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in self.procs]


def _serve_process(url: str, port: int, workers: int, log_path: Path
                   ) -> subprocess.Popen[bytes]:
    env = dict(os.environ, DATABASE_URL=url, SALESDESK_SYNC_PORT=str(port),
               SALESDESK_SYNC_WORKERS=str(workers), SALESDESK_SYNC_POOL_SIZE=str(POOL_SIZE),
               SALESDESK_SYNC_LOG="info",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT),
                                                        os.environ.get("PYTHONPATH")])))
    with log_path.open("wb") as out:
        # Its own session, so stopping it reaches the worker processes uvicorn forks.
        return subprocess.Popen([sys.executable, "-m", "salesdesk.sync.server", "serve"],
                                env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)


def _start_service(url: str, workers: int, log_dir: Path) -> Service:
    from salesdesk.sync.server.devcluster import free_port

    per_process = workers if SERVE == "uvicorn" else 1
    ports = [free_port() for _ in range(workers // per_process)]
    logs = [log_dir / f"server-w{workers}-{port}.log" for port in ports]
    service = Service([_serve_process(url, port, per_process, log)
                       for port, log in zip(ports, logs, strict=True)], ports)
    deadline = time.monotonic() + 90
    waiting = list(zip(service.procs, ports, logs, strict=True))
    while waiting and time.monotonic() < deadline:
        proc, port, log = waiting[0]
        # Every worker up before the clock starts: the first would otherwise take all the
        # connections (they are kept alive) and the run would measure one worker.
        text = log.read_text(encoding="utf-8", errors="replace")
        if text.count("Application startup complete") >= per_process:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    waiting.pop(0)
                    continue
        if proc.poll() is not None:
            break
        time.sleep(0.2)
    if waiting:
        _stop(service)
        raise FleetError("sync server did not start:\n" + waiting[0][2].read_text(
            errors="replace"))
    return service


def _stop(service: Service) -> None:
    for proc in service.procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)  # uvicorn's supervisor stops its workers on SIGINT
    for proc in service.procs:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


# -- where the CPU goes ------------------------------------------------------------------------


def _cpu_s(pids: list[int]) -> float:
    """User + system CPU seconds of these processes so far (Linux /proc; 0 elsewhere)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(stat.parent.name))
    return out


def _cpu_probe(server_pids: list[int], data_dir: Path) -> Callable[[], dict[str, float]]:
    """CPU used so far by the service (its process and workers), PostgreSQL (the postmaster's
    children: one backend per pooled connection) and this process (the simulated devices). On
    a shared machine these say more than wall times do."""
    try:
        postmaster = int((data_dir / "postmaster.pid").read_text().split()[0])
    except (OSError, IndexError, ValueError):
        postmaster = -1

    def probe() -> dict[str, float]:
        return {"server": _cpu_s([q for p in server_pids for q in (p, *_children(p))]),
                "postgres": _cpu_s(_children(postmaster)) if postmaster > 0 else 0.0,
                "devices": time.process_time()}
    return probe


# -- one run ----------------------------------------------------------------------------------


def _prepare(url: str, scale: Scale) -> list[tuple[str, str]]:
    """Sales centres of one company and one enrolment code per device: (centre, code)."""
    from salesdesk.sync.server.auth import create_enrol_code, ensure_centre
    from salesdesk.sync.server.db import migrate

    migrate(url)
    centres = [f"SC{i + 1:02d}" for i in range(math.ceil(scale.devices / PER_CENTRE))]
    out = []
    with psycopg.connect(url) as conn:
        for code in centres:
            ensure_centre(conn, "CO01", "测试置业", code, f"售楼处{code}")
        for i in range(scale.devices):
            centre = centres[i // PER_CENTRE]
            out.append((centre, create_enrol_code(conn, centre)))
    return out


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def _check(url: str, devices: list[SimDevice]) -> dict[str, int]:
    """Lost and duplicated, as PostgreSQL and the devices see them."""
    sent = [cid for d in devices for cid in d.sent]
    expected_version = {rid: 1 + d.edits.get(rid, 0) for d in devices for rid in d.rows}
    with psycopg.connect(url) as conn:
        logged = dict(conn.execute(
            "SELECT change_id, count(*) FROM change_log WHERE change_id = ANY(%s) "
            "GROUP BY change_id", (sent,)).fetchall())
        stored = {r[0]: (r[1], int(r[2])) for r in conn.execute(
            "SELECT row_id, sales_centre_id, version FROM entity_row WHERE entity = 'customer'")}
    by_centre: dict[str, set[str]] = {}
    for row_id, (centre, _version) in stored.items():
        by_centre.setdefault(centre, set()).add(row_id)
    missed = 0
    for d in devices:
        missed += len(by_centre.get(d.centre_id, set()) - set(d.rows) - d.received)
    return {
        "changes_not_logged": sum(1 for cid in sent if cid not in logged),
        "changes_logged_twice": sum(n - 1 for n in logged.values() if n > 1),
        "rows_missing": sum(1 for rid in expected_version if rid not in stored),
        "rows_behind": sum(1 for rid, v in expected_version.items()
                           if rid in stored and stored[rid][1] < v),
        "rows_applied_twice": sum(1 for rid, v in expected_version.items()
                                  if rid in stored and stored[rid][1] > v),
        "rows_unknown": sum(1 for rid in stored if rid not in expected_version),
        "rows_not_delivered": missed,
        "rows_of_other_centres_pulled": sum(d.leaked for d in devices),
        "changes_not_applied": sum(d.not_applied for d in devices),
    }


async def _fleet(ports: list[int], scale: Scale, codes: list[tuple[str, str]],
                 template: dict[str, Any], probe: Callable[[], dict[str, float]]
                 ) -> tuple[list[SimDevice], float, float, dict[str, float]]:
    devices = [SimDevice(i, centre, code, template, Http("127.0.0.1", ports[i % len(ports)]))
               for i, (centre, code) in enumerate(codes)]
    try:
        t0 = time.perf_counter()
        await asyncio.gather(*(d.enrol() for d in devices))
        enrol_s = time.perf_counter() - t0
        cpu0 = probe()
        t0 = time.perf_counter()
        await asyncio.gather(*(d.sync(scale.rounds, scale.changes) for d in devices))
        await asyncio.gather(*(d.pull_until_quiet() for d in devices))
        wall = time.perf_counter() - t0
        cpu = {k: v - cpu0[k] for k, v in probe().items()}
    finally:
        for d in devices:
            await d.http.close()
    return devices, wall, enrol_s, cpu


def run(quick: bool) -> Iterator[dict[str, Any]]:
    from salesdesk.sync.server.devcluster import PgCluster, find_bin

    bin_dir = find_bin()
    if bin_dir is None:
        return
    scale = QUICK if quick else FULL
    template = _customer_template()
    cluster = PgCluster(bin_dir).start()
    lost: dict[str, int] = {}
    duplicated: dict[str, int] = {}
    p99: dict[int, float] = {}
    last_rounds: list[float] = []
    try:
        for workers in scale.workers:
            url = cluster.create_database()
            codes = _prepare(url, scale)
            service = _start_service(url, workers, cluster.root)
            try:
                devices, wall, enrol_s, cpu = asyncio.run(_fleet(
                    service.ports, scale, codes, template,
                    _cpu_probe(service.pids, cluster.data)))
            finally:
                _stop(service)
            books = _check(url, devices)
            rounds = [s for d in devices for s in d.round_s]
            p99[workers] = _p(rounds, 0.99)
            last_rounds = rounds
            for key in ("changes_not_logged", "rows_missing", "rows_behind",
                        "rows_not_delivered", "rows_of_other_centres_pulled",
                        "changes_not_applied"):
                lost[f"{key}_w{workers}"] = books[key]
            for key in ("changes_logged_twice", "rows_applied_twice", "rows_unknown"):
                duplicated[f"{key}_w{workers}"] = books[key]
            total = sum(len(d.sent) for d in devices)
            yield result(
                f"sync.fleet_changes_per_s_w{workers}", total / wall, "changes/s",
                workers=workers, serve=SERVE, pool_size_per_worker=POOL_SIZE,
                devices=scale.devices,
                changes_per_device=scale.changes, rounds_per_device=scale.rounds,
                sales_centres=math.ceil(scale.devices / PER_CENTRE), changes=total,
                wall_s=round(wall, 3), enrol_s=round(enrol_s, 3),
                round_p50_s=round(statistics.median(rounds), 3),
                round_p99_s=round(p99[workers], 3), round_max_s=round(max(rounds), 3),
                pushes=sum(d.pushes for d in devices), pulls=sum(d.pulls for d in devices),
                retries=sum(d.retries for d in devices),
                retry_reasons=dict(sum((d.retry_reasons for d in devices), Counter())),
                rows_pulled=sum(len(d.received) for d in devices),
                cpu_s={k: round(v, 2) for k, v in cpu.items()},
                cpu_ms_per_change={k: round(1000 * v / total, 3) for k, v in cpu.items()},
                load_avg=round(os.getloadavg()[0], 2))
        top = max(p99)
        yield result("sync.fleet_round_p99_s", p99[top], "s", workers=top, serve=SERVE,
                     devices=scale.devices, rounds=len(last_rounds),
                     p50_s=round(statistics.median(last_rounds), 3),
                     by_workers={f"w{w}": round(v, 3) for w, v in p99.items()}, target=2.0,
                     note="one round = one push + pulls until has_more is false")
        yield result("sync.fleet_lost", sum(lost.values()), "changes", **lost)
        yield result("sync.fleet_duplicated", sum(duplicated.values()), "changes", **duplicated)
    finally:
        cluster.stop()
