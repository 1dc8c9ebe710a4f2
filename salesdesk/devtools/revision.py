"""Autogenerate an Alembic revision from the models: ``python -m salesdesk.devtools.revision
REV_ID "message"``. Review the generated file before committing it."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from salesdesk.store import migrate


def main(argv: list[str]) -> int:
    rev_id, message = argv[0], argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'autogen.sqlite3'}"
        engine = create_engine(url)
        migrate.upgrade(engine)
        cfg = migrate.alembic_config(url)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message=message, autogenerate=True, rev_id=rev_id)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
