"""The HTTP sync service (Starlette). Stateless: every request takes a pooled PostgreSQL
connection and nothing else, so several workers can run behind a load balancer."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from typing import Any

import psycopg
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from salesdesk.sync.server import auth, ledger
from salesdesk.sync.server.body import MAX_BODY, BadBody, int_field, parse, query_int, text_field
from salesdesk.sync.server.db import Pool
from salesdesk.sync.server.pull import pull
from salesdesk.sync.server.push import Push, PushRefused, ServerOptions

log = logging.getLogger("salesdesk.sync.server")


def options_from_env() -> ServerOptions:
    """The negative controls of the chaos test are switched on only through this variable."""
    broken = set(filter(None, os.environ.get("SALESDESK_SYNC_TEST_BROKEN", "").split(",")))
    return ServerOptions(
        dedupe="no_dedupe" not in broken,
        bigserial_feed="bigserial_cursor" in broken,
        commit_delay_s=float(os.environ.get("SALESDESK_SYNC_TEST_COMMIT_DELAY", "0") or 0),
    )


DEFAULT_POOL_SIZE = 8


def _positive_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise ValueError(f"{name} must be a whole number of at least 1, not {raw!r}")
    return value


def pool_size_from_env() -> int:
    """PostgreSQL connections each worker process may hold (``SALESDESK_SYNC_POOL_SIZE``).

    Workers × this must stay below the server's ``max_connections`` (less what head-office
    tools and superusers need): the pool opens connections lazily, so a setting too large for
    the server fails only under load, as requests answered 503."""
    return _positive_int("SALESDESK_SYNC_POOL_SIZE", DEFAULT_POOL_SIZE)


def workers_from_env() -> int:
    """Worker processes ``serve`` starts (``SALESDESK_SYNC_WORKERS``)."""
    return _positive_int("SALESDESK_SYNC_WORKERS", 1)


def prepare_broken(url: str, options: ServerOptions) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        if not options.dedupe:
            conn.execute("DROP INDEX IF EXISTS change_log_change_id")
            conn.execute("DROP INDEX IF EXISTS change_log_device_seq")
            conn.execute("ALTER TABLE change_log DROP CONSTRAINT IF EXISTS change_log_pkey")
        if options.bigserial_feed:
            conn.execute("CREATE SEQUENCE IF NOT EXISTS feed_bigserial")


def _error(code: str, message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


def create_app(url: str, *, options: ServerOptions | None = None,
               token_ttl: timedelta | None = None,
               pool_size: int = DEFAULT_POOL_SIZE) -> Starlette:
    opts = options or options_from_env()
    ttl = token_ttl or timedelta(seconds=int(os.environ.get("SALESDESK_SYNC_TOKEN_TTL", "3600")))
    pool = Pool(url, pool_size)

    def guarded(fn: Callable[[Request, Any], Awaitable[Response]]
                ) -> Callable[[Request], Awaitable[Response]]:
        """Bad input of any kind is answered 4xx with a reason, never 5xx: every value of a
        body is checked where it is read (``body.py``, ``push.py``). Anything else that fails
        is a bug of ours and stays a 500."""
        async def endpoint(request: Request) -> Response:
            try:
                body: Any = None
                if request.method == "POST":
                    body = parse(await _read(request))
                    if not isinstance(body, dict):
                        return _error("bad_request", "body must be a JSON object", 400)
                return await fn(request, body)
            except BadBody as exc:
                return _error("bad_request", str(exc), exc.status)
            except auth.AuthError as exc:
                return _error(exc.code, str(exc), exc.status)
            except PushRefused as exc:
                return _error(exc.code, str(exc), exc.status)
            except psycopg.errors.SerializationFailure:
                return _error("retry", "try again", 503)
            except psycopg.OperationalError as exc:
                log.warning("database unavailable: %s", exc)
                return _error("unavailable", "database unavailable", 503)
        return endpoint

    async def health(request: Request, body: Any) -> Response:
        return JSONResponse({"ok": True})

    async def enrol(request: Request, body: Any) -> Response:
        code = text_field(body, "code", limit=64, required=True)
        label = text_field(body, "label", limit=200)
        local_centre = text_field(body, "local_centre_id", limit=64) or None
        first_seq = int_field(body, "first_seq", default=1, low=1)

        def work() -> dict[str, Any]:
            with pool.connection() as conn:
                return auth.enrol(conn, code, label, local_centre, first_seq)
        return JSONResponse(await run_in_threadpool(work))

    async def token(request: Request, body: Any) -> Response:
        device_id = text_field(body, "device_id", limit=64, required=True)
        secret = text_field(body, "secret", limit=200, required=True)

        def work() -> dict[str, Any]:
            with pool.connection() as conn:
                return auth.issue_token(conn, device_id, secret, ttl)
        return JSONResponse(await run_in_threadpool(work))

    async def push(request: Request, body: Any) -> Response:
        header = request.headers.get("authorization")

        def work() -> dict[str, Any]:
            with pool.connection() as conn:
                device = auth.authenticate(conn, header)
                return Push(conn, device, opts).run(body)
        return JSONResponse(await run_in_threadpool(work))

    async def pull_endpoint(request: Request, body: Any) -> Response:
        header = request.headers.get("authorization")
        cursor = query_int(request.query_params, "cursor", default=0, low=0)
        # Past the page size it is only clamped (pull.MAX_PAGE).
        limit = query_int(request.query_params, "limit", default=1000, low=1)

        def work() -> bytes:
            with pool.connection() as conn:
                device = auth.authenticate(conn, header)
                return pull(conn, device, cursor, limit)
        return Response(await run_in_threadpool(work), media_type="application/json")

    async def ledger_endpoint(request: Request, body: Any) -> Response:
        header = request.headers.get("authorization")
        chain = request.query_params.get("device", "")
        after = query_int(request.query_params, "after", default=0, low=0,
                          high=ledger.MAX_SEQ - 1)
        limit = query_int(request.query_params, "limit", default=5000, low=1)
        # PostgreSQL text refuses NUL, so a chain id must be plain printable text.
        if not chain or len(chain) > 64 or not chain.isprintable():
            return _error("bad_request", "device is a chain id", 400)

        def work() -> dict[str, Any]:
            with pool.connection() as conn:
                device = auth.authenticate(conn, header)
                return ledger.chain_page(conn, device, chain, after, limit)
        return JSONResponse(await run_in_threadpool(work))

    app = Starlette(routes=[
        Route("/healthz", guarded(health), methods=["GET"]),
        Route("/v1/enrol", guarded(enrol), methods=["POST"]),
        Route("/v1/token", guarded(token), methods=["POST"]),
        Route("/v1/push", guarded(push), methods=["POST"]),
        Route("/v1/pull", guarded(pull_endpoint), methods=["GET"]),
        Route("/v1/ledger", guarded(ledger_endpoint), methods=["GET"]),
    ], lifespan=_lifespan(pool))
    app.state.pool = pool  # what this worker may hold, for operators and tests to see
    return app


async def _read(request: Request) -> bytes:
    """The body, refused past MAX_BODY without reading it all."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise BadBody(f"body larger than {MAX_BODY} bytes", 413)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise BadBody(f"body larger than {MAX_BODY} bytes", 413)
        chunks.append(chunk)
    return b"".join(chunks)


def _lifespan(pool: Pool) -> Any:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        pool.close()
    return lifespan
