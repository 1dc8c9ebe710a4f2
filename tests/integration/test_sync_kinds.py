"""The kinds of record the sync server accepts: generated from the models, and every row the
app itself writes passes the server's checks (so validation never refuses a real device)."""

from __future__ import annotations

import json

from sqlalchemy import select

from salesdesk.services.container import Services
from salesdesk.store import phone_sealing
from salesdesk.store.models.local import OutboxEntry
from salesdesk.sync import kinds, kinds_data, kinds_gen
from salesdesk.sync.rules import registry


def test_the_checked_in_kinds_match_the_models() -> None:
    expected = kinds_gen.render()
    with open(kinds_data.__file__, encoding="utf-8") as f:
        assert f.read() == expected, ("salesdesk/sync/kinds_data.py is stale: run "
                                      "`python -m salesdesk.sync.kinds_gen`")


def test_device_local_tables_are_not_kinds_and_every_rule_names_a_kind() -> None:
    assert {"sync_state", "outbox", "local_meta", "sync_setaside"} <= kinds.LOCAL_TABLES
    assert not kinds.LOCAL_TABLES & set(kinds.kinds())
    assert "customer" in kinds.kinds() and "sync_conflict" in kinds.kinds()
    for entity in registry():
        if entity.startswith(("test_", "chaos_")):
            continue
        assert entity in kinds.kinds(), entity
    assert kinds.unknown_kind_reason("sync_state").startswith("local_only")
    assert kinds.unknown_kind_reason("x").startswith("unknown_kind")


def test_every_row_the_demo_wrote_passes_the_servers_checks(demo: Services) -> None:
    checked = 0
    with demo.db.reader() as uow:
        for e in uow.session.scalars(select(OutboxEntry)):
            spec = kinds.kind(e.entity)
            assert spec is not None, e.entity
            payload, fields = json.loads(e.payload), json.loads(e.fields)
            if e.entity == phone_sealing.ENTITY:
                # Sealed in the file, clear on the wire: checked as the push sends it.
                assert "e164" not in payload and "last4" not in payload
                payload = phone_sealing.wire_row(uow.phones, payload)
                fields = phone_sealing.wire_fields(fields)
                assert payload["e164"].startswith("+86") and payload["last4"].isdigit()
            reason = kinds.check_row(spec, payload, e.operation, tuple(fields))
            assert reason == "", (e.entity, reason)
            # Ids the server takes as ids (UUIDs, no stray characters).
            assert kinds.ROW_ID.fullmatch(e.row_id) and kinds.ROW_ID.fullmatch(e.change_id)
            checked += 1
    assert checked > 300


def test_row_checks_name_what_is_wrong() -> None:
    spec = kinds.kind("customer_phone")
    assert spec is not None
    good = {"id": "p1", "sales_centre_id": "c1", "created_at": "2026-01-02T03:04:05+00:00",
            "updated_at": "2026-01-02T03:04:05+00:00", "created_by_device": "d",
            "updated_by_device": "d", "customer_id": "c", "e164": "+8613800000000",
            "last4": "0000"}
    assert kinds.check_row(spec, good, "insert", ()) == ""
    cases = {
        "wechat": ("x", "unknown_field"),
        "e164": (13800000000, "must be text"),
        "last4": ("00000", "longer than 4"),
        "created_at": ("yesterday", "ISO date and time"),
        "deleted": ("no", "true or false"),
        "server_seq": (2**64, "out of range"),
        "customer_id": (None, "may not be null"),
    }
    for field, (value, why) in cases.items():
        assert why in kinds.check_row(spec, {**good, field: value}, "insert", ()), field
    missing = {k: v for k, v in good.items() if k != "e164"}
    assert "missing_field" in kinds.check_row(spec, missing, "insert", ())
    # An update carries the changed fields, which must be columns too.
    assert kinds.check_row(spec, missing, "update", ("last4",)) == ""
    assert "unknown_field" in kinds.check_row(spec, good, "update", ("nope",))
