"""The ASGI application for uvicorn workers (``salesdesk.sync.server.asgi:app``)."""

from __future__ import annotations

import os

from salesdesk.sync.server.app import create_app, pool_size_from_env

app = create_app(os.environ["DATABASE_URL"], pool_size=pool_size_from_env())
