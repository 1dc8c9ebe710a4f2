"""The ASGI application for uvicorn workers (``salesdesk.sync.server.asgi:app``)."""

from __future__ import annotations

import os

from salesdesk.sync.server.app import create_app

app = create_app(os.environ["DATABASE_URL"])
