"""An erasure on one device reaches head office and every other device (issue 15 §1): afterwards
neither device's SQLite files (database, WAL, backups) nor any table of the server's database
holds the customer's name or number as bytes, nor what staff wrote about them (complaints,
escalations, follow-up and visit notes), the disclosure ledger still verifies on both devices
and against head office, the figures (complaints, escalations, scores) are unchanged, and the
second device shows the pseudonym."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import select

from salesdesk.domain.care.complaints import Step
from salesdesk.domain.customer_rights import ERASED_TEXT
from salesdesk.domain.disclosure import RoundKind
from salesdesk.domain.local_time import local_day
from salesdesk.domain.roles import Actor
from salesdesk.store.database import backup
from salesdesk.store.models.customer import Customer
from salesdesk.store.models.reception import RotationEventRow, StaffNotice, Visit
from tests.conftest import FakeClock
from tests.sync_fixtures import Device, load_demo_centre, staff_actor

pytestmark = pytest.mark.postgres

NAME = "欧阳娜娜"
PHONE = "13911112222"
ID_NUMBER = "110101199003074514"
MESSAGE = f"{NAME}您好，本周六有样板间开放"
# What staff wrote about her: each marker appears in one kind of text only.
COMPLAINT = "楼下烧烤油烟直冲阳台"
STEP_NOTE = "物业油烟答复"
COMPLAINT_OUTCOME = "补偿两年物业费了结"
OPEN_COMPLAINT = "样板间与交付不符"
LATE_STEP = "晚到的书面答复备注"
LATE_VISIT_NOTES = "晚到的来访备注想要学区房"
CALL_NOTES = "回访时抱怨停车难"
ESCALATION_STEP = "嫌顾问态度冷淡要换人"
ESCALATION_OUTCOME = "送花致歉客户收下"
VISIT_NOTES = "带两个小孩看三居"
INVALID_REASON = "同行踩盘冒充客户"
TEXTS = (COMPLAINT, STEP_NOTE, COMPLAINT_OUTCOME, OPEN_COMPLAINT, LATE_STEP, CALL_NOTES,
         ESCALATION_STEP, ESCALATION_OUTCOME, VISIT_NOTES, INVALID_REASON, LATE_VISIT_NOTES)


@pytest.fixture
def pair(sync_db: str, monkeypatch: pytest.MonkeyPatch,
         make_device: Callable[..., Device]) -> tuple[Device, Device]:
    centre = load_demo_centre(sync_db, monkeypatch)
    a = make_device("kiosk", centre=centre, clock=FakeClock())
    b = make_device("laptop", centre=centre, clock=FakeClock())
    a.client.sync_round()
    b.client.sync_round()
    return a, b


def _rounds(*devices: Device, n: int = 2) -> None:
    for _ in range(n):
        for dev in devices:
            dev.client.sync_round()
            state = dev.client.state()
            assert state is not None and state.last_error == "", state
            assert dev.client.pending_count() == 0


def _files_hold(folder: Path, *needles: str) -> list[str]:
    found = []
    for f in sorted(folder.rglob("*")):
        if f.is_file():
            raw = f.read_bytes()
            found += [f"{f.name}: {n}" for n in needles if n.encode("utf-8") in raw]
    return found


def _server_holds(sync_db: str, *needles: str) -> list[str]:
    """Every row of every table of head office's database, as text, searched for the needles
    (what a pg_dump would write)."""
    found = []
    with psycopg.connect(sync_db) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        for t in tables:
            text = conn.execute(sql.SQL("SELECT coalesce(string_agg(x::text, ''), '') FROM {} x")
                                .format(sql.Identifier(t))).fetchone()
            assert text is not None
            found += [f"{t}: {n}" for n in needles if n in text[0]]
    return found


def _customer_with_history(dev: Device, who: Actor) -> str:
    c = dev.services.customers.register(who, phone=PHONE, name=NAME, salutation="欧阳女士",
                                        id_number=ID_NUMBER, consent=True,
                                        owner_staff_id=who.staff_id)
    unit = next(u for u in dev.services.projects.units(who) if u.sellable)
    cl = dev.services.disclosure.checklist(who, c.id, unit.id)
    dev.services.disclosure.record_round(
        who, customer_id=c.id, unit_id=unit.id, kind=RoundKind.RECEPTION,
        ticks={i.code: dev.services.db.now() for i in cl.items}, paper_form=True)
    with dev.services.db.uow(who) as uow:
        dev.services.messages.queue_message(uow, customer_id=c.id, staff_id=who.staff_id,
                                            kind="care.holiday", text=MESSAGE,
                                            dedupe_key="holiday-1")
        uow.commit()
    _care_history(dev, c.id)
    return c.id


def _care_history(dev: Device, cid: str) -> None:
    """Two complaints (one through every step and closed, one open), a follow-up call with a
    low score whose escalation moved up, a low score card whose escalation was resolved, and two
    visits (one invalid) with a notice naming the visitor."""
    s = dev.services
    consultant, supervisor = staff_actor(dev, "C102"), staff_actor(dev, "S001")
    closed = s.complaints.log(consultant, customer_id=cid, channel="phone", summary=COMPLAINT,
                              demands=["fix", "respect"])
    for i, step in enumerate(Step):
        s.complaints.record_step(supervisor if step is Step.PROPOSAL else consultant, closed.id,
                                 step, f"{STEP_NOTE}{i}")
    s.complaints.close(supervisor, closed.id, COMPLAINT_OUTCOME)
    s.complaints.log(consultant, customer_id=cid, channel="on_site", summary=OPEN_COMPLAINT,
                     demands=["compensation"])
    call = s.follow_up.record_call(staff_actor(dev, "K001"), customer_id=cid, told_factors=True,
                                   told_sunshine=True, told_certificates=True,
                                   told_contract=True, score=2, notes=CALL_NOTES)
    s.follow_up.record_outcome(consultant, call.escalation_id, ESCALATION_STEP, resolved=False)
    card = s.satisfaction.submit_card(consultant, cid, {
        "layout": 5, "needs": 2, "process": 5, "after_sale": 5, "trust": 3})
    assert card.escalated
    [card_task] = [e for e in s.follow_up.open_escalations(supervisor)
                   if e.customer.id == cid and e.level.value == "consultant"]
    s.follow_up.record_outcome(consultant, card_task.id, ESCALATION_OUTCOME, resolved=True)
    now = s.db.now()
    with s.db.uow(consultant) as uow:
        for notes, invalid in ((VISIT_NOTES, ""), ("", INVALID_REASON)):
            visit = Visit(day=local_day(now).isoformat(), customer_id=cid, salutation="欧阳女士",
                          status="finished", consultant_id=consultant.staff_id, intent="A",
                          checked_in_at=now, finished_at=now, notes=notes,
                          invalid_reason=invalid)
            uow.add(visit)
            uow.flush()
        uow.add(StaffNotice(staff_id=consultant.staff_id, visit_id=visit.id,
                            text="您的客户欧阳女士今日到访，由备岗接待（归属不变）"))
        # The invalid reception gave the turn back, with the reason typed at the desk.
        uow.add(RotationEventRow(day=visit.day, at=now, seq=1, kind="restore",
                                 staff_id=consultant.staff_id, reason="invalid",
                                 note=INVALID_REASON, visit_id=visit.id))
        uow.commit()


def _figures(dev: Device, cid: str) -> dict[str, Any]:
    """What the figures and the escalation levels are made of, the texts and names left out."""
    s = dev.services
    supervisor = staff_actor(dev, "S001")
    report = s.satisfaction.report(supervisor)
    conn = sqlite3.connect(s.db.path)
    try:
        escalations = conn.execute(
            "SELECT id, follow_up_id, level, status, opened_at, closed_at, closed_by, due_at, "
            "length(history) - length(replace(history, char(10), '')) FROM escalation_task "
            "WHERE customer_id = ? ORDER BY id", (cid,)).fetchall()
        visits = conn.execute("SELECT id, intent, status, invalid_reason != '' FROM visit "
                              "WHERE customer_id = ? ORDER BY id", (cid,)).fetchall()
    finally:
        conn.close()
    return {
        "complaints": sorted(
            (c.id, c.channel, c.demands, c.status, c.received_at, c.outcome != "",
             tuple((st.step, st.done_on, st.owner) for st in c.steps))
            for c in s.complaints.complaints(supervisor) if c.customer_id == cid),
        "escalations": escalations,
        "calls": [(c.id, c.score, c.told_factors, c.escalation_id)
                  for c in s.follow_up.calls(supervisor, cid)],
        "scores": (report.figures, report.on_time,
                   tuple(replace(card, customer="") for card in report.low_cards)),
        "visits": visits,
    }


def test_erasure_travels_and_leaves_no_bytes_anywhere(pair: tuple[Device, Device],
                                                      sync_db: str) -> None:
    a, b = pair
    consultant = staff_actor(a, "C102")
    cid = _customer_with_history(a, consultant)
    _rounds(a, b)
    supervisor_b = staff_actor(b, "S001")
    assert b.services.customers.get(supervisor_b, cid).name == NAME
    backup(b.services.db.path, b.data_dir / "backups", "before-upgrade-test")
    # Every needle is there to be found before the erasure: at head office all of them, on the
    # device all but the number, which the device keeps sealed at rest.
    needles = {NAME, PHONE, *TEXTS} - {LATE_STEP, LATE_VISIT_NOTES}
    assert {f.split(": ")[1] for f in _files_hold(b.data_dir, *needles)} == needles - {PHONE}
    assert {f.split(": ")[1] for f in _server_holds(sync_db, *needles)} == needles
    with psycopg.connect(sync_db) as conn:
        # Entries written before the feed sent current states kept a copy of the row.
        conn.execute("UPDATE change_log c SET row_state = e.data FROM entity_row e "
                     "WHERE e.entity = c.entity AND e.row_id = c.row_id "
                     "AND c.entity IN ('customer', 'customer_phone', 'complaint', "
                     "'complaint_step', 'escalation_task', 'staff_notice', 'rotation_event')")
        # A losing name kept in the conflict inbox, and a duplicate flag (ids only).
        for conflict_id, kind, kept in (("k1", "field", json.dumps(NAME + "旧")),
                                        ("k2", "duplicate_customer", json.dumps(cid))):
            conn.execute(
                "INSERT INTO entity_row (entity, row_id, company_id, sales_centre_id, data, "
                "version, field_meta) SELECT 'sync_conflict', %s, company_id, sales_centre_id, "
                "jsonb_build_object('id', %s::text, 'kind', %s::text, 'entity', 'customer', "
                "'row_id', %s::text, "
                "'kept_value', %s::text, 'current_value', %s::text, 'detail', %s::text), 1, "
                "'{}'::jsonb FROM entity_row WHERE entity = 'customer' AND row_id = %s",
                (conflict_id, conflict_id, kind, cid, kept, json.dumps(NAME),
                 json.dumps({"phone": PHONE}), cid))

    result = a.services.customer_rights.erase(staff_actor(a, "S001"), cid, "客户书面要求删除")
    assert result.erased
    # Meanwhile the laptop, not yet told, edits the name (its clock later than the erasure).
    b.services.db.clock.advance(hours=1)  # type: ignore[attr-defined]
    with b.services.db.uow(supervisor_b) as uow:
        row = uow.session.get(Customer, cid)
        assert row is not None
        row.name, row.notes = NAME + "（新）", f"{NAME}的备注"
        [visit] = uow.session.scalars(select(Visit).where(Visit.customer_id == cid,
                                                          Visit.notes != "")).all()
        visit.notes = LATE_VISIT_NOTES
        uow.commit()
    # ... and records the next step of her open complaint, in words.
    [open_complaint] = [c for c in b.services.complaints.complaints(supervisor_b)
                        if c.customer_id == cid and c.status == "open"]
    b.services.complaints.record_step(supervisor_b, open_complaint.id, Step.LISTEN, LATE_STEP)
    figures = _figures(b, cid)
    assert len(figures["complaints"]) == 2 and len(figures["escalations"]) == 2
    _rounds(a, b)

    shown = b.services.customers.get(supervisor_b, cid)
    assert shown.name == result.pseudonym and shown.phones == ()
    assert not shown.has_id_number
    assert b.services.customers.find_by_phone(supervisor_b, PHONE) is None
    for dev in (a, b):
        assert _files_hold(dev.data_dir, NAME, PHONE, ID_NUMBER, "欧阳女士", *TEXTS) == []
        assert _figures(dev, cid) == figures
        [complaint] = [c for c in dev.services.complaints.complaints(supervisor_b)
                       if c.id == open_complaint.id]
        assert (complaint.summary, complaint.steps[0].note) == (ERASED_TEXT, ERASED_TEXT)
        assert dev.services.maintenance.verify().ok
        online = dev.services.ledger_anchor.online_findings()
        assert all(f.ok for f in online), [f.detail for f in online if not f.ok]
    assert _server_holds(sync_db, NAME, PHONE, "欧阳女士", *TEXTS) == []
    assert a.services.customers.get(staff_actor(a, "S001"), cid).name == result.pseudonym
    with psycopg.connect(sync_db) as conn:
        erased = conn.execute("SELECT data->>'name', data->>'erased_at' FROM entity_row "
                              "WHERE entity = 'customer' AND row_id = %s", (cid,)).fetchone()
        assert erased is not None and erased[0] == result.pseudonym and erased[1]
        kept = dict(conn.execute("SELECT row_id, data->>'kept_value' FROM entity_row WHERE "
                                 "entity = 'sync_conflict' AND row_id IN ('k1', 'k2')").fetchall())
        assert kept == {"k1": "null", "k2": json.dumps(cid)}
        # The disclosure record still names the customer by id, byte for byte as sent.
        assert conn.execute("SELECT count(*) FROM change_log WHERE entity = "
                            "'disclosure_record' AND raw_payload LIKE %s",
                            (f"%{cid}%",)).fetchone() == (1,)
    from salesdesk.sync.server.__main__ import main as server_main

    assert server_main(["vacuum-erased"]) == 0  # DATABASE_URL set by load_demo_centre
    # Both devices keep syncing afterwards.
    _rounds(a, b)
    b.services.customers.register(staff_actor(b, "C102"), phone="13911113333", name="司马光明",
                                  consent=True)
    _rounds(b, a)
    assert a.services.customers.find_by_phone(staff_actor(a, "S001"), "13911113333") is not None
