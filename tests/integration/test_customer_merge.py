"""Merging a duplicate customer (same phone registered twice offline) on a real SQLite file:
every kind of child moves, the ledger is followed rather than edited, the attribution history
records the merge, and refusals change nothing."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from salesdesk.domain.care.complaints import ComplaintChannel
from salesdesk.domain.care.plan import CareEvent, CareEventKind
from salesdesk.domain.care.satisfaction import ITEMS
from salesdesk.domain.disclosure import RoundKind
from salesdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.services.customers import add_customer
from salesdesk.store.models.customer import Customer, CustomerAlias, CustomerPhone
from salesdesk.store.models.disclosure import DisclosureRecord
from salesdesk.store.models.local import OutboxEntry
from salesdesk.store.models.reception import AttributionChange, Visit
from salesdesk.store.models.sync import SyncConflict
from tests.conftest import FakeClock, staff_actor

PHONE = "+8613912345678"


def _duplicate(demo: Services, owner: Actor, phone: str = PHONE,
               spouse: str | None = "+8613700001111") -> str:
    """A second customer holding a number, as a pull from another device leaves it (the
    device's own registration refuses a number already on file)."""
    with demo.db.uow(owner) as uow:
        c = add_customer(uow, e164=phone, salutation="王先生", consent_at=demo.db.now(),
                         owner_staff_id=owner.staff_id,
                         more_phones=[(spouse, "spouse")] if spouse else None)
        uow.commit()
        return c.id


def _conflict(demo: Services, first: str, later: str) -> str:
    """The duplicate_customer conflict head office would send (it reaches the device by pull)."""
    with demo.db.uow() as uow:
        owners = [uow.session.get(Customer, i).owner_staff_id  # type: ignore[union-attr]
                  for i in (first, later)]
        row = SyncConflict(kind="duplicate_customer", entity="customer_phone", row_id=later,
                           field="customer_id", kept_value=json.dumps(later),
                           current_value=json.dumps(first), losing_device="other",
                           detail=json.dumps({"phone": "139****5678",
                                              "first_customer_id": first,
                                              "later_customer_id": later,
                                              "first_owner_staff_id": owners[0],
                                              "later_owner_staff_id": owners[1]}))
        uow.add(row)
        uow.commit()
        return row.id


def _unit(demo: Services, actor: Actor, number: str) -> str:
    return next(u.id for u in demo.projects.units(actor) if u.number == number)


def _state(demo: Services) -> tuple[object, ...]:
    conn = sqlite3.connect(demo.db.path)
    try:
        children = [conn.execute(f"SELECT COUNT(*), group_concat(customer_id) FROM {t}")
                    .fetchone() for t in ("visit", "appointment", "follow_up_task",
                                          "customer_phone", "attribution_change")]
        return (*children,
                conn.execute("SELECT group_concat(id || deleted) FROM customer").fetchone(),
                conn.execute("SELECT COUNT(*) FROM outbox").fetchone())
    finally:
        conn.close()


@pytest.fixture
def pair(demo: Services, consultant: Actor, clock: FakeClock) -> tuple[str, str]:
    first = demo.customers.register(consultant, phone=PHONE, salutation="王先生",
                                    consent=True, owner_staff_id=consultant.staff_id).id
    clock.advance(minutes=3)
    later = _duplicate(demo, staff_actor(demo, "C202"))
    return first, later


def test_the_first_registration_answers_for_a_shared_number(
        demo: Services, consultant: Actor, pair: tuple[str, str]) -> None:
    first, later = pair
    found = demo.customers.find_by_phone(consultant, PHONE)
    assert found is not None and found.id == first
    # Once head office names the later one, that decides even if local order said otherwise.
    _conflict(demo, later, first)
    found = demo.customers.find_by_phone(consultant, PHONE)
    assert found is not None and found.id == later


def test_merge_moves_every_child_and_follows_the_ledger(
        demo: Services, consultant: Actor, supervisor: Actor, pair: tuple[str, str],
        clock: FakeClock) -> None:
    first, later = pair
    other = staff_actor(demo, "C202")
    unit = _unit(demo, other, "2-203")
    # The duplicate's life on the other device: a visit, a booked visit, a full pre-deposit
    # round (ledger), a subscription, its follow-up tasks and messages, a complaint, a card.
    with demo.db.uow(other) as uow:
        uow.add(Visit(day="2026-11-24", customer_id=later, checked_in_at=demo.db.now(),
                      consultant_id=other.staff_id, status="finished"))
        uow.commit()
    demo.appointments.book_visit(other, customer_id=later, consultant_id=other.staff_id,
                                 starts_at=demo.db.now().replace(hour=2) + timedelta(days=20))
    cl = demo.disclosure.checklist(other, later, unit)
    rec = demo.disclosure.record_round(other, customer_id=later, unit_id=unit,
                                       kind=RoundKind.PRE_DEPOSIT,
                                       ticks={i.code: demo.db.now() for i in cl.items},
                                       paper_form=True)
    demo.subscriptions.subscribe(other, customer_id=later, unit_id=unit, price=2_800_000,
                                 deposit=50_000)
    demo.care.on_event(other, CareEvent(CareEventKind.BIRTHDAY, later, on=date(2026, 11, 25),
                                        ref="2026"))
    with demo.db.uow(other) as uow:
        demo.messages.queue_message(uow, customer_id=later, staff_id=other.staff_id,
                                    kind="care.birthday", text="王先生生日快乐",
                                    dedupe_key=f"test:{later}")
        uow.commit()
    demo.complaints.log(other, customer_id=later, channel=ComplaintChannel.PHONE,
                        summary="车位问题", demands=["fix"])
    demo.satisfaction.submit_card(staff_actor(demo, "R001"), later,
                                  {i.value: 5 for i in ITEMS})
    conflict = _conflict(demo, first, later)
    outbox_before = _state(demo)[-1]

    result = demo.customer_merge.merge_conflict(supervisor, conflict, reason="同一客户")
    assert (result.survivor_id, result.merged_id) == (first, later)
    for table in ("visit", "appointment", "subscription", "follow_up_task",
                  "reminder_message", "complaint", "score_card", "customer_phone"):
        assert result.count(table) >= 1, table
    assert result.conflicts_resolved == (conflict,)
    with demo.db.reader() as uow:
        s = uow.session
        for model in ("visit", "appointment", "subscription", "follow_up_task",
                      "reminder_message", "complaint", "score_card"):
            left = s.execute(select(func.count()).select_from(
                demo.sync._table(model)).where(  # type: ignore[union-attr]
                demo.sync._table(model).c.customer_id == later)).scalar()  # type: ignore[union-attr]
            assert left == 0, model
        dup = s.get(Customer, later)
        assert dup is not None and dup.deleted
        assert s.scalar(select(CustomerAlias.customer_id).where(
            CustomerAlias.alias_id == later)) == first
        # The number both held stays once (on the survivor); the spouse's number moved.
        phones = [(c, uow.phones.reveal(e)) for c, e in s.execute(
            select(CustomerPhone.customer_id, CustomerPhone.e164_enc).where(
                CustomerPhone.deleted.is_(False))).all()]
        assert sorted(e for c, e in phones if c == first) == ["+8613700001111", PHONE]
        assert not [p for p in phones if p[0] == later]
        # The ledger record is untouched and still names the duplicate...
        ledger = s.get(DisclosureRecord, rec.id)
        assert ledger is not None and ledger.customer_id == later and ledger.hash == rec.hash
        [history] = s.scalars(select(AttributionChange)).all()
        assert history.customer_id == first and later[:8] in history.reason
        assert "同一客户" in history.reason
        assert (history.from_staff_id, history.to_staff_id) == (other.staff_id,
                                                                consultant.staff_id)
        c = s.get(SyncConflict, conflict)
        assert c is not None and (c.status, c.resolution) == ("resolved", "merge")
        assert c.resolved_by_staff == supervisor.staff_id
        changed = set(s.scalars(select(OutboxEntry.entity)).all())
    # ...and the survivor's rounds include it: the deposit gate sees the pre-deposit round.
    gate = demo.subscriptions.gate(consultant, first, unit)
    assert (gate.no_round, gate.missing, gate.pre_deposit_record_id) == (False, (), rec.id)
    assert [r.id for r in demo.disclosure.checklist(consultant, first, unit).rounds] == [rec.id]
    assert demo.maintenance.verify().ok
    # The supervisor's reports fold the duplicate's rounds into the survivor too: one row for
    # the survivor, everything told; a follow-up call saying so is no mismatch; and a score
    # below 4 escalates to the consultant who really received them.
    clock.advance(hours=1)
    rows = [r for r in demo.disclosure_audit.pre_opening(
        supervisor, date(2026, 11, 1), date(2026, 11, 30)) if r.unit_number == "2-203"]
    assert [(r.customer_id, r.all_told) for r in rows] == [(first, True)]
    demo.follow_up.record_call(staff_actor(demo, "K001"), customer_id=first, unit_id=unit,
                               told_factors=True, told_sunshine=True, told_certificates=True,
                               told_contract=True, score=3)
    assert not [m for m in demo.disclosure_audit.mismatches(
        supervisor, date(2026, 11, 1), date(2026, 11, 30)) if m.customer_id in (first, later)]
    [escalation] = [e for e in demo.follow_up.open_escalations(supervisor)
                    if e.customer.id == first]
    assert escalation.consultant_name == other.name
    # Every edit is an ordinary synced edit.
    assert _state(demo)[-1] != outbox_before
    assert {"customer", "customer_phone", "visit", "subscription", "attribution_change",
            "sync_conflict"} <= changed
    found = demo.customers.find_by_phone(consultant, "13700001111")
    assert found is not None and found.id == first


def test_refusals_change_nothing(demo: Services, consultant: Actor, supervisor: Actor,
                                 pair: tuple[str, str]) -> None:
    first, later = pair
    stranger = demo.customers.register(consultant, phone="13600002222", consent=True).id
    before = _state(demo)
    merge = demo.customer_merge
    with pytest.raises(PermissionDenied):
        merge.merge(consultant, first, later)
    with pytest.raises(PermissionDenied):  # the admin resolves conflicts, but not 判客
        merge.merge(staff_actor(demo, "A001"), first, later)
    with pytest.raises(ValidationError, match="自己"):
        merge.merge(supervisor, first, first)
    with pytest.raises(NotFound):
        merge.merge(supervisor, first, "no-such-customer")
    with pytest.raises(NotFound):
        merge.merge(supervisor, "", later)
    with pytest.raises(ValidationError, match="不是重复"):
        merge.merge(supervisor, first, stranger)
    with pytest.raises(NotFound):
        merge.merge_conflict(supervisor, "no-such-conflict")
    assert _state(demo) == before
    merge.merge(supervisor, first, later)
    after = _state(demo)
    with pytest.raises(NotFound, match="已被合并"):  # merging twice
        merge.merge(supervisor, first, later)
    assert _state(demo) == after


def test_a_resolved_conflict_cannot_be_merged_again(demo: Services, supervisor: Actor,
                                                    pair: tuple[str, str]) -> None:
    first, later = pair
    conflict = _conflict(demo, first, later)
    demo.sync.resolve(supervisor, conflict, "acknowledge")  # "two people, keep both"
    before = _state(demo)
    with pytest.raises(ValidationError, match="已处理"):
        demo.customer_merge.merge_conflict(supervisor, conflict)
    assert _state(demo) == before
