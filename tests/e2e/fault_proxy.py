"""A fault-injecting HTTP proxy on 127.0.0.1: drops requests, drops responses after the server
answered (so the server committed but the device never hears it), sends requests twice at
once, delays, and answers with a stale response recorded earlier for the same path."""

from __future__ import annotations

import contextlib
import http.client
import random
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from salesdesk.sync.server.devcluster import free_port

# A server killed while it answers leaves a reply cut short (IncompleteRead, an HTTPException,
# not an OSError): to a device that is the server being down, as a refused connection is.
_SERVER_DOWN = (OSError, http.client.HTTPException)


@dataclass
class Faults:
    drop_request: float = 0.07
    drop_response: float = 0.10
    duplicate: float = 0.10
    delay: float = 0.10
    stale: float = 0.05
    counts: dict[str, int] = field(default_factory=dict)

    def off(self) -> None:
        self.drop_request = self.drop_response = self.duplicate = self.delay = self.stale = 0.0


class FaultProxy:
    def __init__(self, target_port: int, seed: int, faults: Faults | None = None) -> None:
        self.target_port = target_port
        self.faults = faults or Faults()
        self.port = free_port()
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._recorded: dict[str, list[tuple[int, bytes]]] = {}
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                proxy._handle(self)

            def do_POST(self) -> None:
                proxy._handle(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _roll(self, name: str) -> bool:
        with self._lock:
            hit = self._rng.random() < getattr(self.faults, name)
            if hit:
                self.faults.counts[name] = self.faults.counts.get(name, 0) + 1
            return hit

    def _forward(self, method: str, path: str, headers: dict[str, str],
                 body: bytes | None) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.target_port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            return resp.status, resp.read()
        finally:
            conn.close()

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else None
        headers = {k: v for k, v in h.headers.items()
                   if k.lower() in ("content-type", "authorization")}
        route = h.path.split("?")[0]
        if self._roll("delay"):
            threading.Event().wait(self._rng.random() * 0.3)
        if self._roll("drop_request"):
            h.close_connection = True
            return  # the server never sees it
        with self._lock:
            stale = self._recorded.get(route)
        if stale and self._roll("stale"):
            status, data = self._rng.choice(stale)
            self._reply(h, status, data)
            return
        try:
            if self._roll("duplicate"):
                results: list[tuple[int, bytes]] = []

                def again() -> None:
                    with contextlib.suppress(*_SERVER_DOWN):
                        results.append(self._forward(h.command, h.path, headers, body))
                twin = threading.Thread(target=again)
                twin.start()
                status, data = self._forward(h.command, h.path, headers, body)
                twin.join()
            else:
                status, data = self._forward(h.command, h.path, headers, body)
        except _SERVER_DOWN:
            self._reply(h, 502, b'{"error": "bad_gateway", "message": "server down"}')
            return
        if status == 200 and route in ("/v1/push", "/v1/pull"):
            with self._lock:
                rec = self._recorded.setdefault(route, [])
                rec.append((status, data))
                del rec[:-20]
        if self._roll("drop_response"):
            h.close_connection = True
            return  # the server committed; the device never hears of it
        self._reply(h, status, data)

    @staticmethod
    def _reply(h: BaseHTTPRequestHandler, status: int, data: bytes) -> None:
        try:
            h.send_response(status)
            h.send_header("Content-Type", "application/json")
            h.send_header("Content-Length", str(len(data)))
            h.end_headers()
            h.wfile.write(data)
        except OSError:
            pass
