"""The pull side: the feed after a cursor, for one device's company and sales centre."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import psycopg

from salesdesk.sync.server.auth import DeviceAuth

MAX_PAGE = 5000


def pull(conn: psycopg.Connection, device: DeviceAuth, cursor: int, limit: int) -> bytes:
    """The reply body (JSON)."""
    limit = max(1, min(limit, MAX_PAGE))
    rows = conn.execute(
        "SELECT feed_seq, entity, row_id, row_state::text FROM change_log "
        "WHERE company_id = %s AND feed_seq > %s AND row_state IS NOT NULL "
        "AND (sales_centre_id = %s OR sales_centre_id IS NULL) "
        "ORDER BY feed_seq LIMIT %s",
        (device.company_id, cursor, device.sales_centre_id, limit)).fetchall()
    conn.rollback()
    # The rows go out as PostgreSQL wrote their JSON: no parsing and re-encoding here.
    changes = ", ".join(
        f'{{"seq": {r[0]}, "entity": {json.dumps(r[1])}, "row_id": {json.dumps(r[2])}, '
        f'"row": {r[3]}}}' for r in rows)
    head = json.dumps({"cursor": cursor, "next_cursor": rows[-1][0] if rows else cursor,
                       "has_more": len(rows) == limit,
                       "server_time": datetime.now(UTC).isoformat()})
    return f'{head[:-1]}, "changes": [{changes}]}}'.encode()
