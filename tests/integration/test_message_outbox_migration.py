"""0009_message_outbox upgrades a file made by 0008_care: reminders keep their state and learn
their customer and consultant; care messages waiting in the old device-local fallback table
become pending messages of the one outbox, with their sync entries; nothing can delete them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from salesdesk.domain.roles import Actor, Role
from salesdesk.services.messages import MessageOutbox
from salesdesk.store import migrate
from salesdesk.store.database import DB_FILE_NAME, open_database

SYNCED = ("sales_centre_id, server_seq, deleted, row_version, created_at, updated_at, "
          "created_by_device, updated_by_device")
STAMP = "'s1', 0, 0, 1, '2026-11-20 02:00:00', '2026-11-20 02:00:00', 'd1', 'd1'"


def _older_file(tmp_path: Path) -> Path:
    prev = migrate.script_directory().get_revision("0009_message_outbox").down_revision
    assert prev == "0008_care"
    data = tmp_path / "d"
    open_database(data, tmp_path / "k", migrate_to=prev).close()
    conn = sqlite3.connect(data / DB_FILE_NAME)
    conn.execute("INSERT OR REPLACE INTO local_meta (key, value) VALUES ('sales_centre_id', 's1')")
    conn.execute(
        f"INSERT INTO appointment (id, {SYNCED}, kind, status, customer_id, consultant_id, "
        f"starts_at, ends_at, notes) VALUES ('a1', {STAMP}, 'signing', 'booked', 'c1', 'st1', "
        f"'2026-11-25 02:00:00', '2026-11-25 03:00:00', '')")
    conn.execute(
        f"INSERT INTO reminder_message (id, {SYNCED}, appointment_id, dedupe_key, for_day, "
        f"gateway, text, status, attempts, last_error, sent_at, sent_by_staff) VALUES "
        f"('r1', {STAMP}, 'a1', 'a1@20261125T0200Z', '2026-11-25', 'hand_to_consultant', "
        f"'王先生您好，温馨提醒', 'sent', 1, '', '2026-11-24 10:00:00', 'st1')")
    conn.execute(
        "INSERT INTO care_fallback_message (id, customer_id, staff_id, kind, text, dedupe_key, "
        "created_at) VALUES ('m1', 'c2', 'st2', 'care.birthday', '李女士生日快乐！', "
        "'care:birthday:c2:2026', '2026-11-21 01:00:00')")
    conn.commit()
    conn.close()
    return data


def test_reminders_and_waiting_care_messages_survive_the_upgrade(tmp_path: Path) -> None:
    data = _older_file(tmp_path)
    db = open_database(data, tmp_path / "k")
    assert migrate.file_revision(db.path) == migrate.head_revision()
    raw = sqlite3.connect(db.path)
    raw.row_factory = sqlite3.Row
    r1 = raw.execute("SELECT * FROM reminder_message WHERE id = 'r1'").fetchone()
    assert (r1["kind"], r1["status"], r1["customer_id"], r1["staff_id"]) == (
        "appointment.reminder", "sent", "c1", "st1")
    m1 = raw.execute("SELECT * FROM reminder_message WHERE id = 'm1'").fetchone()
    assert (m1["kind"], m1["status"], m1["appointment_id"], m1["customer_id"],
            m1["staff_id"], m1["sales_centre_id"]) == (
        "care.birthday", "pending", None, "c2", "st2", "s1")
    entry = raw.execute("SELECT * FROM outbox WHERE entity = 'reminder_message' "
                        "AND row_id = 'm1'").fetchone()
    assert entry is not None and entry["operation"] == "insert"
    payload = json.loads(entry["payload"])
    assert payload["text"] == "李女士生日快乐！" and payload["status"] == "pending"
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "care_fallback_message" not in tables
    with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
        raw.execute("DELETE FROM reminder_message")
    raw.close()
    # The consultant finds it on their list of messages to send, and can send it.
    who = Actor("st2", "李四", Role.CONSULTANT, "s1", db.device_id)
    outbox = MessageOutbox(db)
    assert [m.id for m in outbox.outgoing(who)] == ["m1"]
    assert outbox.send(who, "m1").status == "sent"
    db.close()
