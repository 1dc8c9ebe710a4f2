"""A throwaway PostgreSQL cluster and an in-process sync server, for tests, benchmarks and
trying sync on one machine. Not used by the production service.

As root, ``initdb`` and ``pg_ctl`` refuse to run, so they run as the ``postgres`` user through
``runuser``; the data folder is made theirs."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import psycopg


def find_bin() -> Path | None:
    for cand in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(cand) / "initdb").exists() and (Path(cand) / "pg_ctl").exists():
            return Path(cand)
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgCluster:
    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="salesdesk-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self._as_root = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        cmd = list(args)
        if self._as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> PgCluster:
        os.chmod(self.root, 0o755)
        if self._as_root:
            shutil.chown(self.root, "postgres", "postgres")
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                  "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")
        opts = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                "-c max_connections=200 -c shared_buffers=64MB")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", opts,
                  "-l", str(self.root / "log"), "-w", "start")
        return self

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                      "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str | None = None) -> str:
        name = name or f"sync_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


class ServerThread:
    """The Starlette app on uvicorn in a thread of this process, on a free loopback port."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                access_log=False, lifespan="on")
        self.server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ServerThread:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("sync server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self._thread.join(timeout=10)


def setup_centre(url: str, centre_code: str = "SC01") -> tuple[str, str]:
    """Migrate the database and register one company and sales centre."""
    from salesdesk.sync.server.auth import ensure_centre
    from salesdesk.sync.server.db import migrate

    migrate(url)
    with psycopg.connect(url) as conn:
        return ensure_centre(conn, "CO01", "测试置业", centre_code, "测试售楼处")


def enrol_code(url: str, centre_code: str = "SC01") -> str:
    from salesdesk.sync.server.auth import create_enrol_code

    with psycopg.connect(url) as conn:
        return create_enrol_code(conn, centre_code)


def main() -> int:
    """``python -m salesdesk.sync.server.devcluster [N]``: a throwaway PostgreSQL and sync
    service on this machine with the demo project loaded, and N enrolment codes for its sales
    centre (to try two demo devices, each with its own ``--data-dir``). Ctrl-C stops it."""
    import json
    import sys

    from salesdesk.paths import RESOURCES
    from salesdesk.sync.server.app import create_app
    from salesdesk.sync.server.headoffice import load_project

    bin_dir = find_bin()
    if bin_dir is None:
        sys.stderr.write("PostgreSQL server binaries (initdb, pg_ctl) are not installed\n")
        return 2
    demo = RESOURCES / "defaults" / "demo_project.json"
    centre = json.loads(demo.read_text(encoding="utf-8"))["sales_centre"]["code"]
    import signal

    def _stop(*_args: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)  # stop the cluster on kill as on Ctrl-C
    cluster = PgCluster(bin_dir).start()
    try:
        url = cluster.create_database("salesdesk_sync")
        from salesdesk.sync.server.db import migrate

        migrate(url)
        with psycopg.connect(url) as conn:
            load_project(conn, demo)
        server = ServerThread(create_app(url)).start()
        print(f"sync service: {server.url}   (database {url})")
        for _ in range(int(sys.argv[1]) if len(sys.argv) > 1 else 2):
            code = enrol_code(url, centre)
            print(f"  python -m salesdesk --data-dir DIR sync-enrol --server {server.url} "
                  f"--code {code}")
        print("Ctrl-C to stop")
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        cluster.stop()


if __name__ == "__main__":
    raise SystemExit(main())
