"""Stable ids for head-office configuration rows (company, sales centre, staff, project,
buildings, units, texts, factors), derived from natural keys.

Loading the same project file twice on the server updates rows instead of duplicating them.
The devices' importer (services/project/importer.py) derives its ids the same way, so a device
that imported the file itself before it enrolled holds the very rows head office publishes and
is not shown every building twice after its first sync."""

from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("6f1d8a52-93c4-4c55-9a43-5b0c3e1f7a10")


def config_id(company_code: str, table: str, *key: object) -> str:
    """The id of a configuration row: ``key`` is its natural key, parents by their own id."""
    name = "|".join([company_code, table, *(str(k) for k in key)])
    return str(uuid.uuid5(NAMESPACE, name))
