"""The pull side: the feed after a cursor, for one device's company and sales centre.

A feed entry sends its row's *current* state (``entity_row.data``), not the state right after
that change: each row's JSON is then written once per push, not twice. A device that pulls an
older entry and gets a newer state converges all the same, since a later entry for the row
sends the current state again. That is also what makes it safe to leave out a device's own
changes the server applied verbatim (it holds that state already): were another device's older
entry for the row pulled later, it too would bring the current state, never an older one."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import psycopg

from salesdesk.sync.server.auth import DeviceAuth

MAX_PAGE = 5000

# One statement, so the page, its high-water mark and the rows come from one snapshot. The
# page is every entry the device may see (counter-row numbers: a committed prefix); the cursor
# moves past all of it, including entries it need not send, so they are not read again.
# The device's centre and the company-wide entries are read as two ranges of the index
# change_log_centre_feed, merged in feed order: one scan over the company's feed would read
# every other centre's entries too, a cost growing with the number of centres.
_PULL = """
WITH page AS MATERIALIZED (
    SELECT feed_seq, entity, row_id,
           sends_row AND NOT (verbatim AND device_id IS NOT DISTINCT FROM %(device)s) AS send
    FROM ((SELECT feed_seq, entity, row_id, sends_row, verbatim, device_id FROM change_log
           WHERE company_id = %(company)s AND sales_centre_id = %(centre)s
             AND feed_seq > %(cursor)s
           ORDER BY feed_seq LIMIT %(limit)s)
          UNION ALL
          (SELECT feed_seq, entity, row_id, sends_row, verbatim, device_id FROM change_log
           WHERE company_id = %(company)s AND sales_centre_id IS NULL
             AND feed_seq > %(cursor)s
           ORDER BY feed_seq LIMIT %(limit)s)) AS visible
    ORDER BY feed_seq LIMIT %(limit)s),
sent AS (
    SELECT DISTINCT ON (entity, row_id) feed_seq, entity, row_id FROM page WHERE send
    ORDER BY entity, row_id, feed_seq DESC)
SELECT (SELECT max(feed_seq) FROM page), (SELECT count(*) FROM page),
       s.feed_seq, s.entity, s.row_id, e.data::text
FROM (VALUES (1)) AS one (x)
LEFT JOIN (sent s JOIN entity_row e ON e.entity = s.entity AND e.row_id = s.row_id) ON true
ORDER BY s.feed_seq
"""


def pull(conn: psycopg.Connection, device: DeviceAuth, cursor: int, limit: int) -> bytes:
    """The reply body (JSON)."""
    limit = max(1, min(limit, MAX_PAGE))
    rows = conn.execute(_PULL, {"device": device.device_id, "company": device.company_id,
                                "cursor": cursor, "centre": device.sales_centre_id,
                                "limit": limit}).fetchall()
    conn.rollback()
    last, scanned = rows[0][0], int(rows[0][1])
    # The rows go out as PostgreSQL wrote their JSON: no parsing and re-encoding here.
    changes = ", ".join(
        f'{{"seq": {r[2]}, "entity": {json.dumps(r[3])}, "row_id": {json.dumps(r[4])}, '
        f'"row": {r[5]}}}' for r in rows if r[2] is not None)
    # The reply names the device: it is only right for that device (its own verbatim rows are
    # left out), so a device must never act on another's, say one replayed by a proxy.
    head = json.dumps({"cursor": cursor, "device_id": device.device_id,
                       "next_cursor": int(last) if last is not None else cursor,
                       "has_more": scanned == limit,
                       "server_time": datetime.now(UTC).isoformat()})
    return f'{head[:-1]}, "changes": [{changes}]}}'.encode()
