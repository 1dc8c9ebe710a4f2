"""The HTTP sync service (Starlette). Stateless: every request takes a pooled PostgreSQL
connection and nothing else, so several workers can run behind a load balancer."""

from __future__ import annotations

import contextlib
import json
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
               token_ttl: timedelta | None = None, pool_size: int = 8) -> Starlette:
    opts = options or options_from_env()
    ttl = token_ttl or timedelta(seconds=int(os.environ.get("SALESDESK_SYNC_TOKEN_TTL", "3600")))
    pool = Pool(url, pool_size)

    def guarded(fn: Callable[[Request, Any], Awaitable[Response]]
                ) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            try:
                body: Any = None
                if request.method == "POST":
                    try:
                        body = json.loads(await request.body())
                    except ValueError:
                        return _error("bad_request", "body is not JSON", 400)
                return await fn(request, body)
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
        def work() -> dict[str, Any]:
            with pool.connection() as conn:
                return auth.enrol(conn, str(body.get("code", "")), str(body.get("label", "")),
                                  body.get("local_centre_id"), int(body.get("first_seq", 1)))
        return JSONResponse(await run_in_threadpool(work))

    async def token(request: Request, body: Any) -> Response:
        def work() -> dict[str, Any]:
            with pool.connection() as conn:
                return auth.issue_token(conn, str(body.get("device_id", "")),
                                        str(body.get("secret", "")), ttl)
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
        try:
            cursor = int(request.query_params.get("cursor", "0"))
            limit = int(request.query_params.get("limit", "1000"))
        except ValueError:
            return _error("bad_request", "cursor and limit are numbers", 400)

        def work() -> bytes:
            with pool.connection() as conn:
                device = auth.authenticate(conn, header)
                return pull(conn, device, cursor, limit)
        return Response(await run_in_threadpool(work), media_type="application/json")

    async def ledger_endpoint(request: Request, body: Any) -> Response:
        header = request.headers.get("authorization")
        chain = request.query_params.get("device", "")
        try:
            after = int(request.query_params.get("after", "0"))
            limit = int(request.query_params.get("limit", "5000"))
        except ValueError:
            return _error("bad_request", "after and limit are numbers", 400)
        if not chain or len(chain) > 64 or not 0 <= after < ledger.MAX_SEQ:
            return _error("bad_request", "device is a chain id; after is 0 or more", 400)

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
    return app


def _lifespan(pool: Pool) -> Any:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        pool.close()
    return lifespan
