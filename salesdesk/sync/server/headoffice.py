"""Head office loads project configuration and staff into the server from the same project
JSON the devices import. The file goes through the devices' own importer (into a throwaway
SQLite file), so both read it identically; ids are then made stable from natural keys, so
loading the file again updates rows instead of duplicating them."""

from __future__ import annotations

import json
import os
import re
import tempfile
import uuid
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import select

from salesdesk.sync import rules
from salesdesk.sync.server.auth import ensure_centre
from salesdesk.sync.server.push import ServerOptions, write_log
from salesdesk.sync.stable_ids import config_id

UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

# Columns that identify a configuration row across loads.
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "company": ("code",), "sales_centre": ("code",), "staff": ("code",), "project": ("code",),
    "building": ("project_id", "code"), "unit": ("project_id", "number"),
    # A renewed certificate keeps its number: its content makes it another row.
    "certificate": ("project_id", "kind", "number", "content_hash"),
    "sunshine_declaration": ("project_id", "version"),
    "contract_template": ("project_id", "version"),
    "adverse_factor": ("project_id", "code", "version"),
}


def _read_rows(project_file: Path) -> tuple[dict[str, list[dict[str, Any]]], Any]:
    from salesdesk.services.project import ProjectImporter, read_project_file
    from salesdesk.store.database import open_database
    from salesdesk.store.models import Base
    from salesdesk.store.outbox import row_payload

    cfg = read_project_file(project_file)
    with tempfile.TemporaryDirectory() as tmp:
        old = os.environ.get("SALESDESK_NO_KEYRING")
        os.environ["SALESDESK_NO_KEYRING"] = "1"
        try:
            db = open_database(Path(tmp) / "data", Path(tmp) / "keys")
        finally:
            if old is None:
                os.environ.pop("SALESDESK_NO_KEYRING", None)
        try:
            ProjectImporter(db).import_config(None, cfg)
            out: dict[str, list[dict[str, Any]]] = {}
            with db.reader() as uow:
                for table in NATURAL_KEYS:
                    model = next(m.class_ for m in Base.registry.mappers
                                 if getattr(m.class_, "__tablename__", None) == table)
                    out[table] = [row_payload(o) for o in uow.session.scalars(select(model))]
        finally:
            db.close()
    return out, cfg


def _normal(value: Any) -> Any:
    """JSON lists of ids come out in the order of their (random) temporary ids."""
    if isinstance(value, str) and value.startswith("["):
        try:
            items = json.loads(value)
        except ValueError:
            return value
        if isinstance(items, list):
            return sorted(json.dumps(i, sort_keys=True) for i in items)
    return value


def _same(old: dict[str, Any], new: dict[str, Any]) -> bool:
    skip = rules.SYNC_COLUMNS | {"updated_at"}
    keys = (set(old) | set(new)) - skip
    return all(_normal(old.get(k)) == _normal(new.get(k)) for k in keys)


def load_project(conn: psycopg.Connection, project_file: Path) -> dict[str, int]:
    """Write (or update) the configuration rows; returns counts of rows written per table."""
    tables, cfg = _read_rows(project_file)
    with conn.transaction():
        company_id, centre_id = ensure_centre(conn, cfg.company_code, cfg.company_name,
                                              cfg.centre_code, cfg.centre_name)
        mapping: dict[str, str] = {}
        for row in tables["company"]:
            mapping[row["id"]] = company_id
        for row in tables["sales_centre"]:
            mapping[row["id"]] = centre_id
        # Parents before children, so a child's natural key can use its parent's stable id.
        for table, key_cols in NATURAL_KEYS.items():
            for row in tables[table]:
                if row["id"] in mapping:
                    continue
                mapping[row["id"]] = config_id(
                    cfg.company_code, table,
                    *(mapping.get(str(row.get(c)), row.get(c)) for c in key_cols))

        def remap(value: Any) -> Any:
            if isinstance(value, str):
                return UUID_RE.sub(lambda m: mapping.get(m.group(0), m.group(0)), value)
            return value

        log: list[dict[str, Any]] = []
        counts: dict[str, int] = {}
        for table in NATURAL_KEYS:
            for row in tables[table]:
                data = {k: remap(v) for k, v in row.items()}
                data["sales_centre_id"] = centre_id
                data["created_by_device"] = data["updated_by_device"] = "head-office"
                data.pop("server_seq", None)
                old = conn.execute("SELECT data, version FROM entity_row WHERE entity = %s "
                                   "AND row_id = %s FOR UPDATE", (table, data["id"])).fetchone()
                if old is not None:
                    # PIN hashes are salted afresh on every import: keep the one devices have.
                    if "pin_hash" in old[0]:
                        data["pin_hash"] = old[0]["pin_hash"]
                    data["created_at"] = old[0].get("created_at", data.get("created_at"))
                    if _same(old[0], data):
                        continue
                version = 1 if old is None else int(old[1]) + 1
                data["row_version"] = version
                conn.execute(
                    "INSERT INTO entity_row (entity, row_id, company_id, sales_centre_id, data, "
                    "version) VALUES (%s, %s, %s, NULL, %s, %s) ON CONFLICT (entity, row_id) "
                    "DO UPDATE SET data = EXCLUDED.data, version = EXCLUDED.version",
                    (table, data["id"], company_id, json.dumps(data, ensure_ascii=False),
                     version))
                log.append({"change_id": str(uuid.uuid4()), "device_id": None,
                            "local_seq": None, "entity": table, "row_id": data["id"],
                            "operation": "insert" if old is None else "update",
                            "status": "applied", "reason": "head office",
                            "sales_centre_id": None, "sends_row": True, "verbatim": False,
                            "raw_payload": None})
                counts[table] = counts.get(table, 0) + 1
        write_log(conn, company_id, log, ServerOptions())
    return counts
