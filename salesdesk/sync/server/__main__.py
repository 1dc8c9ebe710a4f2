"""``python -m salesdesk.sync.server [serve|migrate|add-centre|enrol-code|revoke|load-project]``.

Settings come from the environment: ``DATABASE_URL`` (required), ``SALESDESK_SYNC_HOST``
(127.0.0.1), ``SALESDESK_SYNC_PORT`` (8443), ``SALESDESK_SYNC_TLS_CERT`` and
``SALESDESK_SYNC_TLS_KEY`` (serve HTTPS directly; leave unset behind a TLS reverse proxy),
``SALESDESK_SYNC_WORKERS`` (1), ``SALESDESK_SYNC_POOL_SIZE`` (PostgreSQL connections per worker,
8), ``SALESDESK_SYNC_TOKEN_TTL`` (seconds, 3600)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import psycopg


def _url() -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        sys.stderr.write("DATABASE_URL is not set (e.g. postgresql://sync@127.0.0.1/salesdesk)\n")
        raise SystemExit(2)
    return url


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from salesdesk.sync.server.app import (
        options_from_env,
        pool_size_from_env,
        prepare_broken,
        workers_from_env,
    )
    from salesdesk.sync.server.db import migrate

    url = _url()
    try:
        # Checked here so a bad value stops the service before it migrates anything, with a
        # message, instead of a traceback from every worker process.
        pool_size_from_env()
        workers = workers_from_env()
    except ValueError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    migrate(url)
    prepare_broken(url, options_from_env())
    os.environ["DATABASE_URL"] = url
    cert, key = os.environ.get("SALESDESK_SYNC_TLS_CERT"), os.environ.get("SALESDESK_SYNC_TLS_KEY")
    uvicorn.run(
        "salesdesk.sync.server.asgi:app",
        host=os.environ.get("SALESDESK_SYNC_HOST", "127.0.0.1"),
        port=int(args.port or os.environ.get("SALESDESK_SYNC_PORT", "8443")),
        workers=workers,
        ssl_certfile=cert or None, ssl_keyfile=key or None,
        proxy_headers=True, log_level=os.environ.get("SALESDESK_SYNC_LOG", "warning"),
        access_log=False,
    )
    return 0


def _vacuum_erased(args: argparse.Namespace) -> int:
    """An erasure scrubs every row the server can read, but PostgreSQL keeps the old row
    versions on disk until their space is reused: VACUUM FULL rewrites the tables that held the
    customer's data without them (it locks those tables: run it out of hours)."""
    import psycopg

    from salesdesk.sync.server.erasure import TABLES

    with psycopg.connect(_url(), autocommit=True) as conn:
        conn.execute(f"VACUUM FULL {', '.join(TABLES)}")
    print("rewritten: " + ", ".join(TABLES))
    return 0


def _migrate(args: argparse.Namespace) -> int:
    from salesdesk.sync.server.db import migrate

    applied = migrate(_url())
    print("applied: " + (", ".join(applied) if applied else "nothing (up to date)"))
    return 0


def _add_centre(args: argparse.Namespace) -> int:
    from salesdesk.sync.server.auth import ensure_centre
    from salesdesk.sync.server.db import migrate

    migrate(_url())
    with psycopg.connect(_url()) as conn:
        company_id, centre_id = ensure_centre(conn, args.company, args.company_name or args.company,
                                              args.centre, args.name or args.centre)
    print(f"sales centre {args.centre}: {centre_id} (company {company_id})")
    return 0


def _enrol_code(args: argparse.Namespace) -> int:
    from salesdesk.sync.server.auth import AuthError, create_enrol_code

    with psycopg.connect(_url()) as conn:
        try:
            code = create_enrol_code(conn, args.centre)
        except AuthError as exc:
            sys.stderr.write(f"{exc}\n")
            return 2
    print(code)
    return 0


def _revoke(args: argparse.Namespace) -> int:
    from salesdesk.sync.server.auth import revoke

    with psycopg.connect(_url()) as conn:
        ok = revoke(conn, args.device)
    print("revoked" if ok else "no such device")
    return 0 if ok else 1


def _load_project(args: argparse.Namespace) -> int:
    from salesdesk.sync.server.db import migrate
    from salesdesk.sync.server.headoffice import load_project

    migrate(_url())
    with psycopg.connect(_url()) as conn:
        counts = load_project(conn, Path(args.file))
    print("loaded: " + (", ".join(f"{k} {v}" for k, v in counts.items()) or "no changes"))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m salesdesk.sync.server")
    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("serve", help="run the HTTP service (the default)")
    p.add_argument("--port", type=int)
    p.set_defaults(fn=_serve)
    sub.add_parser("migrate", help="create or upgrade the schema").set_defaults(fn=_migrate)
    p = sub.add_parser("add-centre", help="register a company's sales centre")
    p.add_argument("--company", required=True)
    p.add_argument("--company-name")
    p.add_argument("--centre", required=True)
    p.add_argument("--name")
    p.set_defaults(fn=_add_centre)
    p = sub.add_parser("enrol-code", help="a one-time enrolment code for a sales centre")
    p.add_argument("--centre", required=True)
    p.set_defaults(fn=_enrol_code)
    p = sub.add_parser("revoke", help="refuse a device from now on")
    p.add_argument("device")
    p.set_defaults(fn=_revoke)
    sub.add_parser("vacuum-erased", help="rewrite the tables that held erased customers' data "
                   "so no old row version stays on disk (locks them: out of hours)"
                   ).set_defaults(fn=_vacuum_erased)
    p = sub.add_parser("load-project", help="load project configuration and staff (JSON)")
    p.add_argument("file")
    p.set_defaults(fn=_load_project)
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["serve", *(argv or [])])
    return int(args.fn(args))


if __name__ == "__main__":
    raise SystemExit(main())
