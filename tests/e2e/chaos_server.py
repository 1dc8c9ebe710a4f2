"""The sync service as its own process for the chaos run (so it can be killed): the normal
app plus the test table's capacity rule. Usage: chaos_server.py DATABASE_URL PORT."""

from __future__ import annotations

import sys

import uvicorn

from salesdesk.sync.server.app import create_app, options_from_env
from tests.e2e.chaos_models import register_rules


def main(argv: list[str] | None = None) -> None:
    args = argv if argv is not None else sys.argv[1:]
    url, port = args[0], int(args[1])
    register_rules()
    options = options_from_env()
    print(f"chaos server options: {options}", flush=True)
    uvicorn.run(create_app(url, options=options), host="127.0.0.1", port=port,
                log_level="error", access_log=False)


if __name__ == "__main__":
    main()
