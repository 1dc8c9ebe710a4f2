"""Rules per kind of record, end to end: devices → sync service → PostgreSQL → devices."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import psycopg
import pytest
from sqlalchemy import Integer, MetaData, String, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from salesdesk.domain.roles import Actor, Role
from salesdesk.store.models.audit import AuditEvent
from salesdesk.store.models.base import Synced
from salesdesk.store.models.customer import Customer
from salesdesk.store.models.sync import SyncConflict
from salesdesk.sync import rules
from salesdesk.sync.server.devcluster import ServerThread, enrol_code
from tests.sync_fixtures import Device
from tests.sync_helpers import RawDevice

pytestmark = pytest.mark.postgres


class _TestBase(DeclarativeBase):
    metadata = MetaData()


class Booking(Synced, _TestBase):
    """A signing-desk booking, test-only (the appointments capability has the real one)."""

    __tablename__ = "test_booking"
    slot_day: Mapped[str] = mapped_column(String(10))
    slot_time: Mapped[str] = mapped_column(String(5))
    customer: Mapped[str] = mapped_column(String(50), default="")
    status: Mapped[str] = mapped_column(String(16), default="pending")


class Slot(Synced, _TestBase):
    __tablename__ = "test_slot"
    slot_day: Mapped[str] = mapped_column(String(10))
    slot_time: Mapped[str] = mapped_column(String(5))
    desks: Mapped[int] = mapped_column(Integer, default=2)


@pytest.fixture
def booking_rule() -> Iterator[None]:
    rules.register("test_booking", rules.Capacity(
        slot_columns=("slot_day", "slot_time"), capacity=2, slot_table="test_slot"))
    yield
    rules.unregister("test_booking")


def real_clock(offset: timedelta = timedelta()) -> Callable[[], datetime]:
    return lambda: datetime.now(UTC) + offset


def supervisor(dev: Device) -> Actor:
    return Actor(staff_id="s1", name="主管", role=Role.SUPERVISOR,
                 sales_centre_id=dev.services.db.sales_centre_id or "",
                 device_id=dev.services.db.device_id)


def _add(dev: Device, obj: object) -> str:
    with dev.services.db.uow() as uow:
        uow.add(obj)
        uow.flush()
        oid = str(obj.id)
        uow.commit()
    return oid


def _edit(dev: Device, model: type, row_id: str, **values: object) -> None:
    with dev.services.db.uow() as uow:
        row = uow.session.get(model, row_id)
        for k, v in values.items():
            setattr(row, k, v)
        uow.commit()


def _get(dev: Device, model: type, row_id: str) -> Any:
    """A snapshot of the row's columns (the session is gone after the read)."""
    with dev.services.db.reader() as uow:
        row = uow.session.get(model, row_id)
        return SimpleNamespace(**{c.key: getattr(row, c.key)
                                  for c in sa_inspect(model).column_attrs})


def _open_conflicts(dev: Device) -> list[Any]:
    with dev.services.db.reader() as uow:
        ids = list(uow.session.scalars(select(SyncConflict.id).where(
            SyncConflict.status == "open")))
    return [_get(dev, SyncConflict, i) for i in ids]


def test_concurrent_field_edits_keep_the_loser(make_device: Callable[..., Device]) -> None:
    a, b = make_device("a", clock=real_clock()), make_device("b", clock=real_clock())
    cid = _add(a, Customer(name="王五", notes=""))
    a.client.sync_round()
    b.client.sync_round()
    _edit(a, Customer, cid, notes="想要南向")
    _edit(b, Customer, cid, notes="预算 300 万", name="王五一")  # later: wins the notes field
    b.client.sync_round()
    a.client.sync_round()
    b.client.sync_round()
    for dev in (a, b):
        c = _get(dev, Customer, cid)
        assert (c.notes, c.name) == ("预算 300 万", "王五一")
        conflicts = _open_conflicts(dev)
        assert [(k.kind, k.field, json.loads(k.kept_value)) for k in conflicts] == [
            ("field", "notes", "想要南向")]
    # A supervisor takes the kept value after all; it syncs like any edit.
    sup = supervisor(a)
    info = a.services.sync.conflicts(sup)
    assert info[0].kept_value == "想要南向" and info[0].current_value == "预算 300 万"
    a.services.sync.resolve(sup, info[0].id, "use_kept")
    a.client.sync_round()
    b.client.sync_round()
    assert _get(b, Customer, cid).notes == "想要南向"
    assert _open_conflicts(b) == []


def test_a_clock_two_hours_fast_does_not_win_every_conflict(
        make_device: Callable[..., Device]) -> None:
    fast = make_device("kiosk", clock=real_clock(timedelta(hours=2)))
    honest = make_device("desk", clock=real_clock())
    cid = _add(honest, Customer(name="李四", notes=""))
    honest.client.sync_round()
    fast.client.sync_round()
    _edit(fast, Customer, cid, notes="快钟设备先改")
    fast.client.sync_round()  # the server clamps its stamp to when it arrived
    _edit(honest, Customer, cid, notes="后来的修改")
    honest.client.sync_round()
    fast.client.sync_round()
    assert _get(fast, Customer, cid).notes == "后来的修改"
    status = fast.services.sync.status()
    assert status.clock_warning and status.clock_offset_s < -7000


def test_attribution_first_registration_wins(make_device: Callable[..., Device]) -> None:
    a, b = make_device("a", clock=real_clock()), make_device("b", clock=real_clock())
    cid = _add(a, Customer(name="张三"))
    a.client.sync_round()
    b.client.sync_round()
    _edit(b, Customer, cid, owner_staff_id="consultant-b")
    _edit(a, Customer, cid, owner_staff_id="consultant-a")  # later, but second to the server
    b.client.sync_round()
    a.client.sync_round()
    b.client.sync_round()
    for dev in (a, b):
        assert _get(dev, Customer, cid).owner_staff_id == "consultant-b"
        assert [(c.kind, json.loads(c.kept_value)) for c in _open_conflicts(dev)] == [
            ("attribution", "consultant-a")]


def test_append_only_replay_is_a_no_op_and_other_content_is_a_tamper_alarm(
        sync_server: ServerThread, sync_db: str) -> None:
    raw = RawDevice(sync_server.url, enrol_code(sync_db))
    row = raw.row(action="disclosure.record", entity="x", row_id="r1", detail="round 1")
    first = raw.change("audit_log", row)
    again = {**raw.change("audit_log", row)}
    forged = raw.change("audit_log", {**row, "detail": "round 1 (edited)"})
    reply = raw.push([first, again, forged]).json()
    assert [r["status"] for r in reply["results"]] == ["applied", "duplicate", "rejected"]
    assert "tamper" in reply["results"][2]["reason"]
    with psycopg.connect(sync_db) as conn:
        assert conn.execute("SELECT count(*) FROM alarm WHERE kind = 'tamper'").fetchone() == (1,)
        raw_text = conn.execute("SELECT raw_payload FROM change_log WHERE change_id = %s",
                                (first["change_id"],)).fetchone()
    # What arrived is kept byte for byte.
    assert raw_text == (json.dumps(row, ensure_ascii=False, sort_keys=True),)
    pulled = raw.pull()["changes"]
    assert [c["entity"] for c in pulled].count("sync_conflict") == 1


def test_audit_rows_reach_other_devices_unchanged(make_device: Callable[..., Device]) -> None:
    a, b = make_device("a"), make_device("b")
    eid = _add(a, AuditEvent(action="disclosure.record", entity="d", row_id="r", detail="第1轮"))
    a.client.sync_round()
    b.client.sync_round()
    a.client.sync_round()
    ea, eb = _get(a, AuditEvent, eid), _get(b, AuditEvent, eid)
    cols = [c.name for c in AuditEvent.__table__.columns if c.name != "server_seq"]
    assert [getattr(ea, c) for c in cols] == [getattr(eb, c) for c in cols]


def test_last_signing_desk_booked_offline_twice(make_device: Callable[..., Device],
                                                booking_rule: None) -> None:
    models = (Booking, Slot)
    a = make_device("a", extra_models=models)
    b = make_device("b", extra_models=models)
    centre = a.services.db.sales_centre_id
    _add(a, Slot(slot_day="2026-11-28", slot_time="10:00", desks=2))
    _add(a, Slot(slot_day="2026-11-28", slot_time="14:00", desks=2))
    _add(a, Booking(slot_day="2026-11-28", slot_time="10:00", customer="早到的客户"))
    a.client.sync_round()
    b.client.sync_round()
    # Both devices, offline, book the last desk at 10:00.
    mine = _add(a, Booking(slot_day="2026-11-28", slot_time="10:00", customer="甲"))
    theirs = _add(b, Booking(slot_day="2026-11-28", slot_time="10:00", customer="乙"))
    assert _get(a, Booking, mine).status == "pending"
    a.client.sync_round()
    b.client.sync_round()
    a.client.sync_round()
    for dev in (a, b):
        assert _get(dev, Booking, mine).status == "confirmed"
        assert _get(dev, Booking, theirs).status == "conflict"
    sup = supervisor(b)
    [slot_conflict] = b.services.sync.conflicts(sup)
    assert slot_conflict.kind == "slot" and slot_conflict.row_id == theirs
    assert [o.slot for o in slot_conflict.alternatives] == [("2026-11-28", "14:00")]
    b.services.sync.resolve(sup, slot_conflict.id, "rebook", ("2026-11-28", "14:00"))
    assert _get(b, Booking, theirs).status == "pending"
    b.client.sync_round()
    a.client.sync_round()
    assert _get(a, Booking, theirs).status == "confirmed"
    assert centre


def test_device_writes_to_configuration_are_refused(make_device: Callable[..., Device]) -> None:
    from salesdesk.store.models.project import Project

    a = make_device("a")
    _add(a, Project(code="P1", name="本机改的项目", city="杭州"))
    result = a.client.sync_round()
    assert (result.pushed, result.rejected) == (1, 1)
    assert a.client.pending_count() == 0


def test_deliberate_owner_change_after_seeing_the_owner_is_not_a_rival_claim(
        make_device: Callable[..., Device]) -> None:
    """A handover (or a supervisor's decision) made on a device that had already pulled the
    current owner moves the customer; only concurrent claims lose to the first."""
    a, b = make_device("a", clock=real_clock()), make_device("b", clock=real_clock())
    cid = _add(a, Customer(name="李四"))
    _edit(a, Customer, cid, owner_staff_id="consultant-a")
    a.client.sync_round()
    b.client.sync_round()
    assert _get(b, Customer, cid).owner_staff_id == "consultant-a"
    _edit(b, Customer, cid, owner_staff_id="successor-b")  # seen, then changed on purpose
    b.client.sync_round()
    a.client.sync_round()
    for dev in (a, b):
        assert _get(dev, Customer, cid).owner_staff_id == "successor-b"
        assert _open_conflicts(dev) == []
