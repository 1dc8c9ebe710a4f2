"""Rows as a database file of an older revision holds them, for migration tests.

Today's ORM models may have columns an older table lacks (e.g. ``customer.erased_at``), so a
test that fills a file at an old revision writes plain SQL with only the columns that file's
table has, as the older version of the app would have."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from salesdesk.domain.ids import new_id
from salesdesk.domain.phone import normalise_phone
from salesdesk.services.container import Services


def _insert(conn: Any, table: str, values: dict[str, Any]) -> None:
    have = {r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table})")}
    row = {k: v for k, v in values.items() if k in have}
    conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(row)}) "
                         f"VALUES ({', '.join('?' for _ in row)})", tuple(row.values()))


def old_customer(services: Services, *, phone: str, name: str = "", salutation: str = "",
                 owner_staff_id: str | None = None) -> str:
    """A consenting customer with one phone, written into the file's current (old) schema;
    returns the customer's id."""
    e164 = normalise_phone(phone)
    now = services.db.now().astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    with services.db.write_engine.begin() as conn:
        centre = services.db.sales_centre_id or conn.exec_driver_sql(
            "SELECT id FROM sales_centre LIMIT 1").scalar()
        base = {"sales_centre_id": centre, "server_seq": 0, "deleted": 0, "row_version": 1,
                "created_at": now, "updated_at": now,
                "created_by_device": services.db.device_id,
                "updated_by_device": services.db.device_id,
                "created_by_staff": None, "updated_by_staff": None}
        cid = new_id()
        _insert(conn, "customer", {**base, "id": cid, "name": name, "salutation": salutation,
                                   "id_number_enc": None, "consent_at": now,
                                   "consent_version": "", "owner_staff_id": owner_staff_id,
                                   "notes": ""})
        _insert(conn, "customer_phone", {**base, "id": new_id(), "customer_id": cid,
                                         "e164": e164, "last4": e164[-4:], "label": "self"})
    return cid
