"""Generated request bodies against the real sync service (SYNC.md, "Peers are untrusted"):
whatever a peer sends to push, pull, enrol or token, the answer is 2xx or 4xx, the server logs
no traceback, and a 4xx stores nothing. Run with 1,000 bodies in the suite
(tests/integration/test_sync_fuzz.py) and 10,000 under ``make chaos``."""

from __future__ import annotations

import json
import logging
import urllib.parse
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import psycopg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sync_helpers import RawDevice

KEYS = ["batch_id", "changes", "seq", "change_id", "entity", "row_id", "operation",
        "base_version", "fields", "payload", "hlc", "id", "sales_centre_id", "name", "code",
        "label", "first_seq", "local_centre_id", "device_id", "secret", "b64", "consent_at"]
ODD_TEXT = ["", "\x00", "a\x00b", "\ud800", "\udfff x",
            "2026-01-01T00:00:00+00:00", "0001-01-01T00:00:00+14:00", "9999-12-31",
            "customer", "sync_state", "outbox", "local_meta", "project", "insert", "update",
            "tombstone", "000000001700000000:000000:x", "1:2", "::", "'; DROP TABLE device; --"]
ODD_NUMBERS = [2**63, 2**63 - 1, -(2**63), -(2**63) - 1, 10**30, 0, -1, 1, 2, 3]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from(ODD_NUMBERS), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12), st.sampled_from(ODD_TEXT),
    st.sampled_from([101, 5000, 70_000]).map(lambda n: "长" * n))
keys = st.one_of(st.sampled_from(KEYS), st.text(max_size=6), st.sampled_from(["\x00", "\ud800"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)), max_leaves=10)


class Raw:
    """Bytes sent as they are (not JSON, deep nesting, 1e999 written out)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __repr__(self) -> str:
        return f"Raw({self.data[:60]!r}, {len(self.data)} bytes)"


raw_bodies = st.one_of(
    st.binary(max_size=40),
    st.sampled_from([200, 5000, 100_000]).map(lambda n: b"[" * n + b"]" * n),
    st.sampled_from([b'{"changes": [{"seq": 1e999, "change_id": "c"}]}',
                     b'{"code": "X", "first_seq": 1e999}',
                     b'{"device_id": "x", "secret": "' + b"1" * 5000 + b'"}',
                     b'{"changes": [{"seq": ' + b"9" * 5000 + b', "change_id": "c"}]}',
                     b'{"batch_id": -Infinity, "changes": []}']),
).map(Raw)


def _row(centre: str, device: str) -> dict[str, Any]:
    now = datetime.now(UTC).isoformat()
    return {"id": str(uuid.uuid4()), "sales_centre_id": centre, "server_seq": 0,
            "deleted": False, "row_version": 1, "created_at": now, "updated_at": now,
            "created_by_device": device, "updated_by_device": device,
            "created_by_staff": None, "updated_by_staff": None, "name": "客户",
            "salutation": "", "notes": "", "owner_staff_id": None, "consent_version": "",
            "consent_at": None, "id_number_enc": None}


@st.composite
def changes(draw: st.DrawFn, centre: str, device: str) -> Any:
    """A change close to the protocol's, with some of its parts replaced by anything."""
    payload = _row(centre, device)
    for k in draw(st.lists(st.sampled_from([*payload, "wechat"]), max_size=3)):
        payload[k] = draw(values)
    change: dict[str, Any] = {
        "seq": draw(st.integers(min_value=1, max_value=40)),
        "change_id": str(uuid.uuid4()),
        "entity": draw(st.sampled_from(["customer", "customer", "sync_state", "outbox",
                                        "project", "visit", "nope", "audit_log"])),
        "row_id": payload["id"], "operation": draw(st.sampled_from(
            ["insert", "insert", "update", "tombstone", "delete"])),
        "base_version": 0, "fields": ["name"], "payload": payload,
        "hlc": f"{int(datetime.now(UTC).timestamp() * 1000):015d}:000000:x"}
    for k in draw(st.lists(st.sampled_from(list(change)), max_size=2)):
        if draw(st.booleans()):
            change.pop(k, None)
        else:
            change[k] = draw(values)
    return change


def bodies(centre: str, device: str, secret: str) -> st.SearchStrategy[Any]:
    push = st.fixed_dictionaries(
        {"changes": st.lists(changes(centre, device), max_size=4)},
        optional={"batch_id": st.one_of(st.text(max_size=8), values)})
    enrol = st.fixed_dictionaries({}, optional={
        "code": values, "label": values, "first_seq": values, "local_centre_id": values})
    token = st.fixed_dictionaries({}, optional={
        "device_id": st.one_of(st.just(device), values),
        "secret": st.one_of(st.just(secret), values)})
    return st.one_of(push, enrol, token, values, raw_bodies,
                     st.dictionaries(keys, values, max_size=5))


def _encode(body: Any) -> bytes:
    if isinstance(body, Raw):
        return body.data
    return json.dumps(body, allow_nan=True).encode()  # NaN, Infinity; lone surrogates escaped


def _query(params: Any) -> str:
    if not isinstance(params, dict):
        return ""
    return "&".join(
        f"{urllib.parse.quote(str(k)[:100].encode('utf-8', 'surrogatepass'))}="
        f"{urllib.parse.quote(str(v)[:200].encode('utf-8', 'surrogatepass'))}"
        for k, v in params.items())


def _counts(conn: psycopg.Connection) -> tuple[int, ...]:
    row = conn.execute(
        "SELECT (SELECT count(*) FROM change_log), (SELECT count(*) FROM entity_row), "
        "(SELECT count(*) FROM device), (SELECT count(*) FROM device_token), "
        "(SELECT count(*) FROM alarm), (SELECT count(*) FROM centre_alias), "
        "(SELECT coalesce(sum(last_applied), 0) FROM device), "
        "(SELECT count(*) FROM enrol_code WHERE used_by_device IS NOT NULL)").fetchone()
    conn.rollback()
    assert row is not None
    return tuple(int(v) for v in row)


class _Tracebacks(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info or record.levelno >= logging.ERROR:
            self.records.append(record)


def run_fuzz(base_url: str, db_url: str, code: str, examples: int) -> int:
    """Send ``examples`` generated requests; returns how many were answered 2xx."""
    raw = RawDevice(base_url, code)
    loggers = [logging.getLogger(n) for n in ("", "uvicorn", "uvicorn.error", "salesdesk")]
    catcher = _Tracebacks()
    for lg in loggers:
        lg.addHandler(catcher)
    ok = 0
    endpoints = st.sampled_from(["/v1/push", "/v1/push", "/v1/enrol", "/v1/token", "/v1/pull"])
    with httpx.Client(base_url=base_url, timeout=60) as client, \
            psycopg.connect(db_url) as conn:

        @settings(max_examples=examples, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(endpoint=endpoints, body=bodies(raw.centre_id, raw.device_id, raw.secret),
               token_ok=st.booleans())
        def one(endpoint: str, body: Any, token_ok: bool) -> None:
            nonlocal ok
            headers = {"content-type": "application/json"}
            if token_ok:
                headers["authorization"] = f"Bearer {raw.token}"
            before = _counts(conn)
            if endpoint == "/v1/pull":
                r = client.get(f"/v1/pull?{_query(body)}", headers=headers)
            else:
                r = client.post(endpoint, content=_encode(body), headers=headers)
            assert r.status_code < 500, (endpoint, body, r.status_code, r.text[:300])
            assert not catcher.records, [c.getMessage() for c in catcher.records]
            if r.status_code >= 400:
                assert r.json()["error"], r.text
                assert _counts(conn) == before, (endpoint, body, r.status_code, r.text[:300])
            else:
                ok += 1
            if r.status_code == 401 and "expired" in r.text:
                raw.token = raw.new_token()

        try:
            one()
        finally:
            for lg in loggers:
                lg.removeHandler(catcher)
    return ok
