"""The pull side: the feed after a cursor, for one device's company and sales centre."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import psycopg

from salesdesk.sync.server.auth import DeviceAuth

MAX_PAGE = 5000


def pull(conn: psycopg.Connection, device: DeviceAuth, cursor: int, limit: int) -> dict[str, Any]:
    limit = max(1, min(limit, MAX_PAGE))
    rows = conn.execute(
        "SELECT feed_seq, entity, row_id, row_state FROM change_log "
        "WHERE company_id = %s AND feed_seq > %s AND row_state IS NOT NULL "
        "AND (sales_centre_id = %s OR sales_centre_id IS NULL) "
        "ORDER BY feed_seq LIMIT %s",
        (device.company_id, cursor, device.sales_centre_id, limit)).fetchall()
    conn.rollback()
    changes = [{"seq": r[0], "entity": r[1], "row_id": r[2], "row": r[3]} for r in rows]
    return {
        "cursor": cursor,
        "next_cursor": rows[-1][0] if rows else cursor,
        "has_more": len(rows) == limit,
        "changes": changes,
        "server_time": datetime.now(UTC).isoformat(),
    }
