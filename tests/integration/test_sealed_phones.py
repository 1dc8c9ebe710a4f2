"""Phones sealed at rest (issue 15 §1): a copied database file reveals no customer's number.

The numbers are encrypted with the file's key and found by keyed hashes; the raw bytes of the
file and its WAL are searched for every number, whole and as its last four digits in the
places they used to sit. A file made by 0014 is sealed on its first open after the upgrade,
outbox and set-aside copies included, and pulled rows are sealed before anything keeps them."""

from __future__ import annotations

import base64
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from salesdesk.domain.errors import DomainError, ValidationError
from salesdesk.domain.phone import national_digits
from salesdesk.domain.roles import Actor, Role
from salesdesk.services.container import Services
from salesdesk.store import migrate, phone_sealing
from salesdesk.store.crypto import MissingKey
from salesdesk.store.database import DB_FILE_NAME, open_database
from salesdesk.store.models.customer import CustomerPhone
from salesdesk.store.models.local import OutboxEntry
from salesdesk.store.models.sync import SyncSetAside, SyncState
from salesdesk.sync.client.engine import SyncClient
from tests.conftest import FakeClock, _open, staff_actor
from tests.factories import Kit

SYNCED = ("sales_centre_id, server_seq, deleted, row_version, created_at, updated_at, "
          "created_by_device, updated_by_device")
STAMP = "'s1', 0, 0, 1, '2026-11-20 02:00:00', '2026-11-20 02:00:00', 'd1', 'd1'"
OLD_NUMBERS = {"p1": "+8613955556666", "p2": "+8613811112222"}


def _file_bytes(data: Path) -> bytes:
    """The database file and its WAL (what a copy of the data folder takes), not backups."""
    path = data / DB_FILE_NAME
    return b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal"))
                    if p.exists())


def _leaks(raw: bytes, number: str) -> list[str]:
    """Where ``number`` shows in ``raw``: whole (E.164 or national), or its last four digits
    in the forms the clear columns and JSON copies held them."""
    digits = national_digits(number)
    found = [form for form in (number, digits) if form.encode() in raw]
    last4 = digits[-4:]
    if re.search(rb'"last4": ?"' + last4.encode() + rb'"', raw):
        found.append(f'"last4": "{last4}"')
    return found


def _all_numbers(services: Services) -> list[str]:
    with services.db.reader() as uow:
        return sorted({uow.phones.reveal(e) for e in uow.session.scalars(
            select(CustomerPhone.e164_enc)) if e})


def test_the_demo_file_holds_no_customer_phone(demo: Services, data_dir: Path) -> None:
    numbers = _all_numbers(demo)
    assert len(numbers) >= 20  # every demo capability's customers
    raw = _file_bytes(data_dir)
    assert b'"e164"' not in raw and b'"last4"' not in raw  # no clear copy in the outbox
    leaks = {n: where for n in numbers if (where := _leaks(raw, n))}
    assert leaks == {}
    # Negative control: the same search finds a number the file does hold in clear.
    assert _leaks(b'x"last4": "0105"x+8613800000105', "+8613800000105") == [
        "+8613800000105", "13800000105", '"last4": "0105"']


def test_lookups_go_through_the_hashes(demo: Services, data_dir: Path) -> None:
    front = staff_actor(demo, "R001")
    consultant = staff_actor(demo, "C102")
    c = demo.customers.register(consultant, phone="13912345678", name="封存", consent=True,
                                owner_staff_id=consultant.staff_id)
    found = demo.customers.find_by_phone(front, "139 1234 5678")
    assert found is not None and found.id == c.id
    assert found.phones[0].e164 == "+8613912345678"
    assert found.phones[0].masked.endswith("5678") and "1234" not in found.phones[0].masked
    assert c.id in {i.id for i in demo.customers.search_last4(front, "5678")}
    assert c.id not in {i.id for i in demo.customers.search_last4(front, "5679")}
    with pytest.raises(ValidationError):
        demo.customers.search_last4(front, "56a8")
    with demo.db.reader() as uow:
        row = uow.session.scalars(select(CustomerPhone).where(
            CustomerPhone.customer_id == c.id)).one()
        assert row.e164_hash == uow.phones.number_hash("+8613912345678")
        assert row.last4_hash == uow.phones.last4_hash("5678")
        assert row.e164_enc and b"5678" not in row.e164_enc
    assert not _leaks(_file_bytes(data_dir), "+8613912345678")


def test_another_files_key_finds_nothing(demo: Services, tmp_path: Path) -> None:
    """The hashes are keyed: the same number hashes differently under another file's key, so
    a table of hashes of every number is of no use without the key."""
    other = open_database(tmp_path / "other", tmp_path / "other-keys")
    try:
        assert demo.db.phones is not None and other.phones is not None
        number = _all_numbers(demo)[0]
        assert other.phones.number_hash(number) != demo.db.phones.number_hash(number)
        assert other.phones.last4_hash(number[-4:]) != demo.db.phones.last4_hash(number[-4:])
    finally:
        other.close()


def _older_file(tmp_path: Path) -> Path:
    prev = migrate.script_directory().get_revision("0015_sealed_phones").down_revision
    assert prev == "0014_customer_rights"
    data = tmp_path / "d"
    open_database(data, tmp_path / "k", migrate_to=prev).close()
    conn = sqlite3.connect(data / DB_FILE_NAME)
    conn.execute("INSERT OR REPLACE INTO local_meta (key, value) VALUES ('sales_centre_id', 's1')")
    for cid, name in (("c1", "上官婉儿"), ("c2", "欧阳")):
        conn.execute(f"INSERT INTO customer (id, {SYNCED}, name, salutation, consent_at, "
                     f"consent_version, notes) VALUES ('{cid}', {STAMP}, '{name}', '', "
                     f"'2026-11-20 02:00:00', '2026.1', '')")
    for pid, number in OLD_NUMBERS.items():
        cid = "c1" if pid == "p1" else "c2"
        conn.execute(f"INSERT INTO customer_phone (id, {SYNCED}, customer_id, e164, last4, "
                     f"label) VALUES ('{pid}', {STAMP}, '{cid}', '{number}', "
                     f"'{number[-4:]}', 'self')")
    # Copies written before the upgrade: a change not pushed yet, a pulled row set aside.
    payload = {"id": "p2", "customer_id": "c2", "e164": OLD_NUMBERS["p2"],
               "last4": OLD_NUMBERS["p2"][-4:], "label": "self", "deleted": False}
    conn.execute("INSERT INTO outbox (change_id, entity, row_id, operation, base_version, "
                 "payload, fields, created_at, staff_id) VALUES ('ch1', 'customer_phone', 'p2', "
                 "'update', 1, ?, '[\"e164\", \"last4\", \"label\"]', '2026-11-20 02:00:00', "
                 "NULL)", (json.dumps(payload, ensure_ascii=False),))
    conn.execute("INSERT INTO sync_setaside (entity, row_id, feed_seq, row, reason, partial, "
                 "first_seen, last_tried, attempts, resolution) VALUES ('customer_phone', 'p9', "
                 "7, ?, 'bad_value', 0, '2026-11-20 02:00:00', '2026-11-20 02:00:00', 1, '')",
                 (json.dumps({**payload, "id": "p9", "e164": "+8613700009999",
                              "last4": "9999"}),))
    conn.commit()
    conn.close()
    return data


def test_a_0014_file_is_sealed_on_its_first_open_after_the_upgrade(tmp_path: Path) -> None:
    data = _older_file(tmp_path)
    assert _leaks(_file_bytes(data), OLD_NUMBERS["p1"])  # the control: in clear before
    services = _open(data, tmp_path / "k", FakeClock())
    try:
        db = services.db
        assert migrate.file_revision(db.path) == migrate.head_revision()
        raw = _file_bytes(data)
        for number in (*OLD_NUMBERS.values(), "+8613700009999"):
            assert _leaks(raw, number) == [], number
        assert phone_sealing.UNSEALED_TABLE.encode() not in raw  # dropped once sealed
        front = Actor("r1", "前台", Role.RECEPTION, "s1", db.device_id)
        found = services.customers.find_by_phone(front, "13955556666")
        assert found is not None and found.id == "c1"
        assert found.phones[0].e164 == OLD_NUMBERS["p1"]
        assert [c.id for c in services.customers.search_last4(front, "2222")] == ["c2"]
        with db.reader() as uow:
            entry = uow.session.scalars(select(OutboxEntry)).one()
            sealed = json.loads(entry.payload)
            assert set(sealed) >= {"e164_enc", "e164_hash", "last4_hash"}
            assert not {"e164", "last4"} & set(sealed)
            # Pushed as head office knows it: the number back, the fields by their wire names.
            wire = phone_sealing.wire_row(uow.phones, sealed)
            assert (wire["e164"], wire["last4"]) == (OLD_NUMBERS["p2"], "2222")
            assert phone_sealing.wire_fields(json.loads(entry.fields)) == [
                "e164", "last4", "label"]
            aside = json.loads(uow.session.scalars(select(SyncSetAside.row)).one())
            assert phone_sealing.wire_row(uow.phones, aside)["e164"] == "+8613700009999"
    finally:
        services.close()
    # The copy made before the upgrade held every number in clear: once the file is sealed,
    # a sealed copy of the upgraded file replaces it as the restore point.
    backups = sorted((data / "backups").glob("*.sqlite3*"))
    assert [b.name.split("-2")[0] for b in backups] == ["salesdesk-after-sealing-phones"]
    assert migrate.file_revision(backups[0]) == migrate.head_revision()
    for number in (*OLD_NUMBERS.values(), "+8613700009999"):
        assert _leaks(backups[0].read_bytes(), number) == [], number
    copy = sqlite3.connect(backups[0])
    try:
        assert copy.execute("SELECT count(*) FROM customer_phone WHERE e164_hash != ''"
                            ).fetchone() == (2,)
    finally:
        copy.close()
    # A second open finds nothing left to seal and changes nothing.
    db = open_database(data, tmp_path / "k")
    try:
        with db.reader() as uow:
            assert len(uow.session.scalars(select(CustomerPhone)).all()) == 2
    finally:
        db.close()


def test_a_pulled_phone_row_is_sealed_before_it_is_kept(services: Services, data_dir: Path,
                                                         key_dir: Path, clock: FakeClock
                                                         ) -> None:
    db = services.db
    client = SyncClient(db.path, key_dir, local_device_id=db.device_id, clock=clock)
    try:
        with client._sessions() as s, s.begin():
            s.add(SyncState(id=1, server_url="", cursor=0, clock_offset_ms=0, hlc="",
                            last_error="", needs_reenrol=False))
        stamp = {"sales_centre_id": "s1", "deleted": False, "row_version": 1,
                 "created_at": "2026-11-20T02:00:00+00:00",
                 "updated_at": "2026-11-20T02:00:00+00:00", "created_by_device": "dB",
                 "updated_by_device": "dB", "created_by_staff": None, "updated_by_staff": None}
        good = {**stamp, "id": "pA", "customer_id": "cA", "e164": "+8613600001234",
                "last4": "1234", "label": "self"}
        # A row this device cannot store (a date that is not one) is set aside, sealed too.
        bad = {**stamp, "id": "pB", "customer_id": "cB", "e164": "+8613600005678",
               "last4": "5678", "label": "self", "created_at": "not a date"}
        client.apply_pulled([
            {"entity": "customer_phone", "row_id": "pA", "seq": 3, "row": good},
            {"entity": "customer_phone", "row_id": "pB", "seq": 4, "row": bad}], 0, 4, 0)
        with db.reader() as uow:
            row = uow.session.get(CustomerPhone, "pA")
            assert row is not None and uow.phones.reveal(row.e164_enc) == "+8613600001234"
            assert row.e164_hash == uow.phones.number_hash("+8613600001234")
            aside = uow.session.scalars(select(SyncSetAside)).one()
            assert aside.row_id == "pB" and "e164" not in json.loads(aside.row)
            sealed = base64.b64decode(json.loads(aside.row)["e164_enc"]["b64"])
            assert uow.phones.reveal(sealed) == "+8613600005678"
    finally:
        client.close()
    raw = _file_bytes(data_dir)
    assert _leaks(raw, "+8613600001234") == [] and _leaks(raw, "+8613600005678") == []


class _Recorder:
    """Stands in for head office's HTTP endpoint: keeps the push body, acknowledges nothing."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.credentials: object = None
        self.bodies: list[dict[str, Any]] = []

    def call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        body = json.loads(kwargs["content"])
        self.bodies.append(body)
        return {"batch_id": body["batch_id"], "last_applied": 0, "results": []}

    def close(self) -> None:
        pass


def test_a_push_sends_the_number_head_office_knows(kit: Kit, key_dir: Path,
                                                   clock: FakeClock) -> None:
    kit.visit(kit.staff(Role.RECEPTION), "13612340000")
    db = kit.services.db
    recorder = _Recorder("https://ho.example")
    client = SyncClient(db.path, key_dir, local_device_id=db.device_id, clock=clock,
                        transport_factory=lambda url: recorder)
    try:
        with client._sessions() as s, s.begin():
            s.add(SyncState(id=1, server_url="https://ho.example", device_id="dev-1", cursor=0,
                            clock_offset_ms=0, hlc="", last_error="", needs_reenrol=False))
        client.push_once()
    finally:
        client.close()
    [body] = recorder.bodies
    phones = [c for c in body["changes"] if c["entity"] == "customer_phone"]
    assert len(phones) == 1
    row, fields = phones[0]["payload"], phones[0]["fields"]
    assert (row["e164"], row["last4"]) == ("+8613612340000", "0000")
    assert not {"e164_enc", "e164_hash", "last4_hash"} & set(row) and not {
        "e164_enc", "e164_hash", "last4_hash"} & set(fields)
    # The outbox entry itself stays sealed until head office has it.
    with db.reader() as uow:
        payload = uow.session.scalars(select(OutboxEntry.payload).where(
            OutboxEntry.entity == "customer_phone")).one()
    assert "13612340000" not in payload and "e164_hash" in payload


def test_an_upgraded_file_whose_key_is_missing_is_sealed_once_the_key_is_back(
        tmp_path: Path) -> None:
    data = _older_file(tmp_path)
    keys, away = tmp_path / "k", tmp_path / "k-away"
    keys.rename(away)
    with pytest.raises(MissingKey):
        open_database(data, keys)
    # The numbers wait, unsealed, for the key; nothing was lost or half done.
    conn = sqlite3.connect(data / DB_FILE_NAME)
    assert conn.execute(f"SELECT count(*) FROM {phone_sealing.UNSEALED_TABLE}").fetchone() == (2,)
    conn.close()
    away.rename(keys)
    db = open_database(data, keys)
    try:
        raw = _file_bytes(data)
        assert all(_leaks(raw, n) == [] for n in OLD_NUMBERS.values())
        with db.reader() as uow:
            assert {uow.phones.reveal(e) for e in uow.session.scalars(
                select(CustomerPhone.e164_enc))} == set(OLD_NUMBERS.values())
    finally:
        db.close()


def test_a_number_sealed_under_another_key_is_refused_by_name(demo: Services,
                                                               tmp_path: Path) -> None:
    other = open_database(tmp_path / "other", tmp_path / "other-keys")
    try:
        assert demo.db.phones is not None and other.phones is not None
        enc, _, _ = other.phones.seal("+8613612345678", "5678")
        with pytest.raises(DomainError) as err:
            demo.db.phones.reveal(enc)
        assert "手机号" in str(err.value)
        assert other.phones.reveal(enc) == "+8613612345678"
        assert demo.db.phones.seal("", "") == (None, "", "")  # erased: nothing to keep
    finally:
        other.close()
