"""Peers are untrusted (SYNC.md): the server accepts only synced kinds and rows that fit
their kind, answers each bad change `rejected` with a reason while the rest of the batch
applies, and answers a body that is not the protocol's 4xx with nothing stored, never 5xx."""

from __future__ import annotations

from typing import Any

import httpx
import psycopg
import pytest

from salesdesk.sync.server.devcluster import ServerThread, enrol_code
from tests.sync_helpers import RawDevice

pytestmark = pytest.mark.postgres


def _counts(url: str) -> tuple[int, ...]:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT (SELECT count(*) FROM change_log), (SELECT count(*) FROM entity_row), "
            "(SELECT count(*) FROM device), (SELECT count(*) FROM device_token), "
            "(SELECT count(*) FROM alarm), (SELECT coalesce(sum(last_applied), 0) "
            "FROM device)").fetchone()
        assert row is not None
        return tuple(int(v) for v in row)


def _customer(raw: RawDevice, **values: Any) -> dict[str, Any]:
    return raw.row(**{"name": "客户", "salutation": "", "notes": "", "owner_staff_id": None,
                      "consent_version": "", "consent_at": None, "id_number_enc": None,
                      **values})


def test_each_kind_of_bad_row_is_rejected_with_its_reason_and_the_batch_goes_on(
        sync_server: ServerThread, sync_db: str) -> None:
    raw = RawDevice(sync_server.url, enrol_code(sync_db))
    phone = raw.row(customer_id="c1", e164="+8613800000001", last4="0001", label="self")
    no_e164 = {k: v for k, v in phone.items() if k != "e164"}
    bad = {
        "unknown_kind": raw.change("no_such_table", raw.row()),
        "local_only_state": raw.change("sync_state", raw.row(cursor=5)),
        "local_only_outbox": raw.change("outbox", raw.row()),
        "local_only_meta": raw.change("local_meta", raw.row(key="device_id", value="x")),
        "wrong_type": raw.change("customer", _customer(raw, name=12345)),
        "unknown_field": raw.change("customer", _customer(raw, wechat="wx_1")),
        "bad_date": raw.change("customer", _customer(raw, consent_at="昨天")),
        "missing_field": raw.change("customer_phone", {**no_e164, "id": no_e164["id"]}),
        "wrong_centre": raw.change("customer", _customer(raw, sales_centre_id="other")),
        "too_long": raw.change("customer", _customer(raw, name="长" * 101)),
        "not_null": raw.change("customer", _customer(raw, deleted=None)),
        "bad_blob": raw.change("customer", _customer(raw, id_number_enc="not b64 object")),
    }
    # A read-only kind is refused by its rule, whatever its row holds.
    bad["read_only"] = raw.change("project", raw.row(sales_centre_id=["not", "text"]))
    envelope = raw.change("customer", _customer(raw))
    envelope["payload"] = ["not", "an", "object"]
    bad["bad_envelope"] = envelope
    good = raw.change("customer", _customer(raw, name="好客户"))
    reply = raw.push([*bad.values(), good])
    assert reply.status_code == 200
    body = reply.json()
    results = {r["seq"]: r for r in body["results"]}
    expected = {
        "unknown_kind": "unknown_kind", "local_only_state": "local_only",
        "local_only_outbox": "local_only", "local_only_meta": "local_only",
        "wrong_type": "customer.name must be text", "unknown_field": "unknown_field",
        "bad_date": "consent_at must be an ISO date", "missing_field": "e164",
        "wrong_centre": "wrong_centre", "too_long": "longer than 100",
        "not_null": "deleted may not be null", "bad_blob": "b64",
        "bad_envelope": "payload is not an object", "read_only": "wrong_centre",
    }
    for name, change in bad.items():
        r = results[change["seq"]]
        assert r["status"] == "rejected", name
        assert expected[name] in r["reason"], (name, r["reason"])
    assert results[good["seq"]]["status"] == "applied"
    assert body["last_applied"] == good["seq"]  # rejected changes advance the number too
    with psycopg.connect(sync_db) as conn:
        stored = [r[0] for r in conn.execute("SELECT row_id FROM entity_row")]
        assert stored == [good["row_id"]]
        logged = conn.execute("SELECT count(*) FROM change_log WHERE status = 'rejected'"
                              ).fetchone()
        assert logged is not None and logged[0] == len(bad)
    # The device is not stuck: its next change goes through, and another device gets the
    # good row only.
    nxt = raw.change("customer", _customer(raw))
    assert raw.push([nxt]).json()["results"][0]["status"] == "applied"
    other = RawDevice(sync_server.url, enrol_code(sync_db))
    assert {c["row_id"] for c in other.pull()["changes"]} == {good["row_id"], nxt["row_id"]}


def test_an_update_of_another_centres_row_is_rejected(sync_server: ServerThread,
                                                      sync_db: str) -> None:
    raw = RawDevice(sync_server.url, enrol_code(sync_db))
    row = _customer(raw)
    assert raw.push([raw.change("customer", row)]).json()["results"][0]["status"] == "applied"
    with psycopg.connect(sync_db) as conn:
        conn.execute("UPDATE entity_row SET sales_centre_id = 'elsewhere'")
    edit = raw.change("customer", {**row, "name": "改名"}, operation="update",
                      fields=["name"], base_version=1)
    r = raw.push([edit]).json()["results"][0]
    assert (r["status"], r["reason"].split(":")[0]) == ("rejected", "wrong_centre")


def _post(client: httpx.Client, path: str, content: bytes, token: str = "") -> httpx.Response:
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    return client.post(path, content=content, headers=headers)


def test_bodies_that_are_not_the_protocol_get_4xx_and_store_nothing(
        sync_server: ServerThread, sync_db: str) -> None:
    raw = RawDevice(sync_server.url, enrol_code(sync_db))
    good = raw.change("customer", _customer(raw))
    bodies: dict[str, bytes] = {
        "null": b"null", "list": b"[1, 2]", "number": b"1e999", "text": b'"x"',
        "not json": b"{nope", "bad utf-8": b'{"changes": "\xff"}',
        "deep": b"[" * 100_000 + b"]" * 100_000,
        "deep object": b'{"changes": ' + b'{"a": ' * 200 + b"1" + b"}" * 200 + b"}",
        "changes not a list": b'{"changes": {"seq": 1}}',
        "change not an object": b'{"changes": [null]}',
        "seq text": b'{"changes": [{"seq": "1", "change_id": "a1"}]}',
        "seq huge": b'{"changes": [{"seq": 99999999999999999999999, "change_id": "a1"}]}',
        "seq inf": b'{"changes": [{"seq": 1e999, "change_id": "a1"}]}',
        "seq NaN": b'{"changes": [{"seq": NaN, "change_id": "a1"}]}',
        "change_id NUL": b'{"changes": [{"seq": 1, "change_id": "a\\u0000"}]}',
        "batch_id surrogate": b'{"batch_id": "\\ud800", "changes": []}',
        "same seq twice": (b'{"changes": [{"seq": 1, "change_id": "a1"}, '
                           b'{"seq": 1, "change_id": "a2"}]}'),
        "same change twice": (b'{"changes": [{"seq": 1, "change_id": "a1"}, '
                              b'{"seq": 2, "change_id": "a1"}]}'),
        "too many": b'{"changes": [' + b", ".join([b"{}"] * 1001) + b"]}",
    }
    before = _counts(sync_db)
    with httpx.Client(base_url=sync_server.url, timeout=30) as client:
        for name, body in bodies.items():
            r = _post(client, "/v1/push", body, raw.token)
            assert 400 <= r.status_code < 500, (name, r.status_code, r.text)
            assert r.json()["error"] == "bad_request", name
        for name, body in {"code number": b'{"code": 5}', "code NUL": b'{"code": "\\u0000"}',
                           "first_seq inf": b'{"code": "X", "first_seq": 1e999}',
                           "first_seq huge": b'{"code": "X", "first_seq": 1' + b"0" * 5000
                           + b"}", "label list": b'{"code": "X", "label": []}'}.items():
            r = _post(client, "/v1/enrol", body)
            assert 400 <= r.status_code < 500, (name, r.status_code, r.text)
        for body in (b'{"device_id": ["x"]}', b'{"device_id": "x", "secret": null}',
                     b'{"device_id": "\\ud83d", "secret": "s"}', b"[]"):
            r = _post(client, "/v1/token", body)
            assert 400 <= r.status_code < 500, (body, r.status_code)
        auth = {"authorization": f"Bearer {raw.token}"}
        for query in ("cursor=-1", "cursor=99999999999999999999", "cursor=1e3", "limit=abc",
                      "limit=0", "cursor=%00", "cursor=%D9%A3"):
            r = client.get(f"/v1/pull?{query}", headers=auth)
            assert r.status_code == 400, (query, r.status_code)
        assert client.get("/v1/pull?limit=99999999", headers=auth).status_code == 200
    assert _counts(sync_db) == before
    # A value no column can hold inside one change of a well-formed batch refuses only it.
    text = (b'{"batch_id": "b", "changes": [' + _change_bytes(good, b'"name": 1e999')
            + b"]}")
    with httpx.Client(base_url=sync_server.url, timeout=30) as client:
        r = _post(client, "/v1/push", text, raw.token)
    assert r.status_code == 200
    result = r.json()["results"][0]
    assert result["status"] == "rejected" and "finite" in result["reason"]


def _change_bytes(change: dict[str, Any], name_value: bytes) -> bytes:
    import json

    text = json.dumps(change, ensure_ascii=False).encode()
    return text.replace(b'"name": "\xe5\xae\xa2\xe6\x88\xb7"', name_value)
