"""Customers and personal information (PIPL): consent, encryption at rest, masked output."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from salesdesk.domain.errors import Conflict, DomainError, PermissionDenied, ValidationError
from salesdesk.domain.roles import Actor, Role
from salesdesk.services.container import Services
from salesdesk.store.crypto import IdCipher, MissingKey, load_or_create_key
from salesdesk.store.database import open_database
from tests.factories import Kit

ID_NUMBER = "11010519491231002X"


@pytest.fixture
def reception(kit: Kit) -> Actor:
    return kit.staff_cached(Role.RECEPTION)


@pytest.fixture
def consultant(kit: Kit) -> Actor:
    return kit.staff_cached(Role.CONSULTANT)


@pytest.fixture
def supervisor(kit: Kit) -> Actor:
    return kit.staff_cached(Role.SUPERVISOR)


def test_register_needs_consent_and_valid_numbers(services: Services, reception) -> None:
    with pytest.raises(ValidationError, match="同意"):
        services.customers.register(reception, phone="13812345678", consent=False)
    with pytest.raises(ValidationError) as info:
        services.customers.register(reception, phone="1381234", consent=True)
    assert info.value.field == "phone"
    assert services.customers.find_by_phone(reception, "13812345678") is None


def test_spouse_numbers_find_the_same_customer(services: Services, reception) -> None:
    c = services.customers.register(reception, phone="13812345678", salutation="王先生",
                                other_phones=[("13987654321", "spouse")], consent=True)
    assert c.consent_version and c.consent_at is not None
    found = services.customers.find_by_phone(reception, "139 8765 4321")
    assert found is not None and found.id == c.id
    assert [p.masked for p in found.phones] == ["138****5678", "139****4321"]
    # Another customer (the demo's many played this part) whose last four differ by one.
    services.customers.register(reception, phone="13600004322", consent=True)
    assert [x.id for x in services.customers.search_last4(reception, "4321")] == [c.id]
    with pytest.raises(Conflict):
        services.customers.register(reception, phone="13987654321", consent=True)


def test_id_number_is_encrypted_at_rest(services: Services, consultant, tmp_path: Path) -> None:
    c = services.customers.register(consultant, phone="13700001111", name="王建国",
                                salutation="王先生", id_number=ID_NUMBER, consent=True)
    assert services.customers.masked_id_number(consultant, c.id) == "110105********002X"
    services.db.close()  # checkpoint the WAL into the file
    raw = b"".join(p.read_bytes() for p in services.db.path.parent.glob("salesdesk.sqlite3*"))
    assert ID_NUMBER.encode() not in raw
    # A copied database file alone reveals nothing: without its key it does not even open,
    # and no new key is made for it (that would orphan every stored ID number).
    copy_dir = tmp_path / "stolen"
    copy_dir.mkdir()
    shutil.copy2(services.db.path, copy_dir / services.db.path.name)
    with pytest.raises(MissingKey, match="找不到本数据库的加密密钥"):
        open_database(copy_dir, tmp_path / "thief-keys")
    assert not (tmp_path / "thief-keys").exists()
    # With a key that is not this database's, it refuses too.
    open_database(tmp_path / "other", tmp_path / "thief-keys").close()  # makes its own key
    key_id = sqlite3.connect(copy_dir / services.db.path.name).execute(
        "SELECT value FROM local_meta WHERE key='key_id'").fetchone()[0]
    stolen_key = next((tmp_path / "thief-keys").glob("*.key")).read_bytes()
    (tmp_path / "thief-keys" / f"{key_id}.key").write_bytes(stolen_key)
    with pytest.raises(DomainError, match="不匹配"):
        open_database(copy_dir, tmp_path / "thief-keys")


def test_reading_an_id_number_is_permissioned_and_audited(services: Services, consultant,
                                                          reception, supervisor) -> None:
    c = services.customers.register(consultant, phone="13700002222", id_number=ID_NUMBER,
                                consent=True)
    with pytest.raises(PermissionDenied):
        services.customers.masked_id_number(reception, c.id)
    services.customers.masked_id_number(consultant, c.id)
    actions = [e.action for e in services.audit.recent(supervisor)]
    assert "customer.read_id" in actions
    assert all(ID_NUMBER not in e.detail for e in services.audit.recent(supervisor))


def test_key_file_is_private(tmp_path: Path) -> None:
    key = load_or_create_key("k1", tmp_path / "keys")
    path = tmp_path / "keys" / "k1.key"
    assert path.stat().st_mode & 0o077 == 0
    assert load_or_create_key("k1", tmp_path / "keys") == key
    cipher = IdCipher(key)
    assert cipher.decrypt(cipher.encrypt("x")) == "x"
