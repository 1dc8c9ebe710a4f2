"""Enrolment, device secrets and short-lived tokens. Only hashes are stored: the secret and the
tokens are 256-bit random values, so a plain SHA-256 is enough (no password to brute-force)."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

import psycopg

from salesdesk.sync.stable_ids import config_id

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class AuthError(Exception):
    """Refused: ``code`` is what the client may act on (token_expired → refresh)."""

    def __init__(self, code: str, message: str, status: int = 401) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


@dataclass(frozen=True)
class DeviceAuth:
    device_id: str
    sales_centre_id: str
    company_id: str


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def ensure_centre(conn: psycopg.Connection, company_code: str, company_name: str,
                  centre_code: str, centre_name: str) -> tuple[str, str]:
    """Company and sales centre rows (made once, found by code afterwards)."""
    row = conn.execute("SELECT id FROM company WHERE code = %s", (company_code,)).fetchone()
    if row is None:
        company_id = config_id(company_code, "company", company_code)
        conn.execute("INSERT INTO company (id, code, name) VALUES (%s, %s, %s)",
                     (company_id, company_code, company_name))
        conn.execute("INSERT INTO feed_counter (company_id) VALUES (%s)", (company_id,))
    else:
        company_id = row[0]
    row = conn.execute("SELECT id FROM sales_centre WHERE code = %s", (centre_code,)).fetchone()
    if row is None:
        centre_id = config_id(company_code, "sales_centre", centre_code)
        conn.execute("INSERT INTO sales_centre (id, company_id, code, name) "
                     "VALUES (%s, %s, %s, %s)", (centre_id, company_id, centre_code, centre_name))
    else:
        centre_id = row[0]
    return company_id, centre_id


def create_enrol_code(conn: psycopg.Connection, centre_code: str,
                      valid: timedelta = timedelta(hours=24)) -> str:
    row = conn.execute("SELECT id FROM sales_centre WHERE code = %s", (centre_code,)).fetchone()
    if row is None:
        raise AuthError("unknown_centre", f"no sales centre with code {centre_code}", 404)
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    conn.execute("INSERT INTO enrol_code (code_hash, sales_centre_id, expires_at) "
                 "VALUES (%s, %s, now() + %s)", (_hash(code), row[0], valid))
    return code


def enrol(conn: psycopg.Connection, code: str, label: str, local_centre_id: str | None,
          first_seq: int) -> dict[str, str | int]:
    """Exchange a one-time code for a device id and secret.

    ``first_seq`` is the device's next outgoing change number: numbering starts there for this
    enrolment (a re-enrolled device keeps its outbox)."""
    with conn.transaction():
        row = conn.execute(
            "SELECT e.sales_centre_id, c.company_id FROM enrol_code e "
            "JOIN sales_centre c ON c.id = e.sales_centre_id "
            "WHERE e.code_hash = %s AND e.used_by_device IS NULL AND e.expires_at > now() "
            "FOR UPDATE OF e", (_hash(code.strip().upper()),)).fetchone()
        if row is None:
            raise AuthError("bad_code", "enrolment code unknown, used or expired", 403)
        centre_id, company_id = row
        if local_centre_id and local_centre_id != centre_id:
            bound = conn.execute("SELECT sales_centre_id FROM centre_alias WHERE local_id = %s",
                                 (local_centre_id,)).fetchone()
            if bound is None:
                conn.execute("INSERT INTO centre_alias (local_id, sales_centre_id) "
                             "VALUES (%s, %s)", (local_centre_id, centre_id))
            elif bound[0] != centre_id:
                raise AuthError("wrong_centre", "this device belongs to another sales centre",
                                403)
        device_id = str(uuid.uuid4())
        secret = secrets.token_urlsafe(32)
        conn.execute(
            "INSERT INTO device (id, sales_centre_id, company_id, secret_hash, label, "
            "last_applied) VALUES (%s, %s, %s, %s, %s, %s)",
            (device_id, centre_id, company_id, _hash(secret), label, max(0, first_seq - 1)))
        conn.execute("UPDATE enrol_code SET used_by_device = %s WHERE code_hash = %s",
                     (device_id, _hash(code.strip().upper())))
    return {"device_id": device_id, "secret": secret, "sales_centre_id": centre_id,
            "company_id": company_id}


def issue_token(conn: psycopg.Connection, device_id: str, secret: str,
                ttl: timedelta) -> dict[str, str | int]:
    with conn.transaction():
        row = conn.execute("SELECT secret_hash, revoked FROM device WHERE id = %s",
                           (device_id,)).fetchone()
        if row is None or not secrets.compare_digest(row[0], _hash(secret)):
            raise AuthError("bad_secret", "unknown device or wrong secret", 401)
        if row[1]:
            raise AuthError("revoked", "this device was revoked by head office", 403)
        token = secrets.token_urlsafe(32)
        conn.execute("DELETE FROM device_token WHERE device_id = %s AND expires_at < now()",
                     (device_id,))
        conn.execute("INSERT INTO device_token (token_hash, device_id, expires_at) "
                     "VALUES (%s, %s, now() + %s)", (_hash(token), device_id, ttl))
    return {"token": token, "expires_in": int(ttl.total_seconds())}


def authenticate(conn: psycopg.Connection, header: str | None) -> DeviceAuth:
    if not header or not header.startswith("Bearer "):
        raise AuthError("no_token", "missing bearer token")
    row = conn.execute(
        "SELECT d.id, d.sales_centre_id, d.company_id, d.revoked, t.expires_at < now() "
        "FROM device_token t JOIN device d ON d.id = t.device_id WHERE t.token_hash = %s",
        (_hash(header[7:].strip()),)).fetchone()
    conn.rollback()
    if row is None:
        raise AuthError("bad_token", "unknown token")
    if row[3]:
        raise AuthError("revoked", "this device was revoked by head office", 403)
    if row[4]:
        raise AuthError("token_expired", "token expired; get a new one with the device secret")
    return DeviceAuth(row[0], row[1], row[2])


def revoke(conn: psycopg.Connection, device_id: str) -> bool:
    with conn.transaction():
        cur = conn.execute("UPDATE device SET revoked = true WHERE id = %s", (device_id,))
        conn.execute("DELETE FROM device_token WHERE device_id = %s", (device_id,))
        return cur.rowcount == 1


def centre_ids(conn: psycopg.Connection, centre_id: str) -> set[str]:
    """The ids a device of this centre may write rows under (its own and known aliases)."""
    rows = conn.execute("SELECT local_id FROM centre_alias WHERE sales_centre_id = %s",
                        (centre_id,)).fetchall()
    return {centre_id, *(r[0] for r in rows)}
