"""Follow-up tasks from events, on a real SQLite file: ownership, overdue, outcomes, messages."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from salesdesk.domain.care.plan import CareEvent, CareEventKind, Channel
from salesdesk.domain.errors import Conflict, PermissionDenied, ValidationError
from salesdesk.domain.roles import Actor, Role
from salesdesk.services.container import Services
from salesdesk.services.messages import MessageItem
from salesdesk.store.models.care import FollowUpTask
from salesdesk.store.models.local import OutboxEntry
from tests.conftest import FakeClock, staff_actor
from tests.factories import Kit

TODAY = date(2026, 11, 24)  # the clock fixture's day in Beijing


def _customer(services: Services, owner: Actor, phone: str, salutation: str = "钱先生") -> str:
    return services.customers.register(owner, phone=phone, name="钱多多", salutation=salutation,
                                   consent=True, owner_staff_id=owner.staff_id).id


def _count(services: Services, model: type) -> int:
    with services.db.reader() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


# The demo's staff are not needed: each test makes its own in a small project (tests/factories).
@pytest.fixture
def consultant(kit: Kit) -> Actor:
    return kit.staff_cached(Role.CONSULTANT)


@pytest.fixture
def senior(kit: Kit) -> Actor:
    return kit.staff(Role.SENIOR_CONSULTANT, senior=True)


@pytest.fixture
def supervisor(kit: Kit) -> Actor:
    return kit.staff_cached(Role.SUPERVISOR)


def test_subscription_makes_one_call_task_for_who_received_the_customer(
        services: Services, consultant: Actor, senior: Actor) -> None:
    cid = _customer(services, consultant, "13812340001")
    event = CareEvent(CareEventKind.SUBSCRIBED, cid, TODAY, ref="sub-77", unit="1-1203",
                      signing_on=date(2026, 12, 1))
    # Recorded by someone else (a senior at the desk): the owner still gets it.
    (task,) = services.care.on_event(senior, event)
    again = services.care.on_event(None, event)
    assert [t.id for t in again] == [task.id]
    assert task.owner_staff_id == consultant.staff_id
    assert (task.channel, task.due_on, task.unit) == (Channel.CALL, date(2026, 11, 27), "1-1203")
    assert task.id in {t.id for t in services.care.tasks(consultant)}
    assert task.id not in {t.id for t in services.care.tasks(senior)}


def test_overdue_tasks_stand_out_and_sort_first(services: Services, consultant: Actor,
                                                clock: FakeClock) -> None:
    cid = _customer(services, consultant, "13812340002")
    (task,) = services.care.on_event(consultant, CareEvent(CareEventKind.SUBSCRIBED, cid, TODAY,
                                                           ref="sub-78"))
    assert not task.overdue
    clock.advance(days=4)
    # A task not yet due, made after ours (the demo's other open tasks played this part).
    later = _customer(services, consultant, "13812340012")
    (fresh,) = services.care.on_event(consultant, CareEvent(
        CareEventKind.SUBSCRIBED, later, date(2026, 11, 28), ref="sub-78b"))
    mine = services.care.tasks(consultant)
    ours = next(t for t in mine if t.id == task.id)
    assert ours.overdue
    assert all(t.overdue for t in mine[: mine.index(ours) + 1])
    assert not fresh.overdue and mine.index(ours) < [t.id for t in mine].index(fresh.id)


def test_an_outcome_without_text_changes_nothing(services: Services, consultant: Actor) -> None:
    cid = _customer(services, consultant, "13812340003")
    (task,) = services.care.on_event(consultant, CareEvent(CareEventKind.SUBSCRIBED, cid, TODAY,
                                                       ref="sub-79"))
    outbox_before = _count(services, OutboxEntry)
    with pytest.raises(ValidationError) as err:
        services.care.record_outcome(consultant, task.id, "   ")
    assert err.value.field == "outcome" and "回访结果" in err.value.message
    assert _count(services, OutboxEntry) == outbox_before
    still = next(t for t in services.care.tasks(consultant) if t.id == task.id)
    assert (still.status, still.outcome, still.done_on) == ("open", "", None)
    done = services.care.record_outcome(consultant, task.id, "已电话联系，客户确认12月1日签约")
    assert (done.status, done.done_on) == ("done", TODAY)


def test_only_the_owner_or_a_supervisor_closes_a_task(kit: Kit, services: Services,
                                                      consultant: Actor, supervisor: Actor,
                                                      ) -> None:
    cid = _customer(services, consultant, "13812340004")
    (task,) = services.care.on_event(consultant, CareEvent(CareEventKind.SUBSCRIBED, cid, TODAY,
                                                       ref="sub-80"))
    other = kit.staff(Role.CONSULTANT)
    with pytest.raises(PermissionDenied):
        services.care.record_outcome(other, task.id, "已联系")
    assert services.care.record_outcome(supervisor, task.id, "主管代为回访").status == "done"


def test_day_before_signing_sends_the_materials_message(kit: Kit, services: Services,
                                                        consultant: Actor) -> None:
    cid = _customer(services, consultant, "13812340005", salutation="孙女士")
    services.care.on_event(consultant, CareEvent(CareEventKind.SUBSCRIBED, cid, date(2026, 11, 20),
                                             ref="sub-81", unit="2-1502"))
    (task,) = services.care.on_event(consultant, CareEvent(
        CareEventKind.DAY_BEFORE_SIGNING, cid, date(2026, 11, 25), ref="sign-81"))
    assert task.channel is Channel.MESSAGE and task.status == "done"
    (msg,) = [m for m in _messages(kit, cid) if m.kind == "care.signing_reminder"]
    assert "孙女士" in msg.text and "2-1502" in msg.text and "11月25日" in msg.text
    assert "身份证" in msg.text
    assert "1381234" not in msg.text


def test_care_messages_go_through_the_message_outbox_and_are_sent_once(
        kit: Kit, services: Services, consultant: Actor, supervisor: Actor) -> None:
    cid = _customer(services, consultant, "13812340015", salutation="钱先生")
    services.care.on_event(consultant, CareEvent(CareEventKind.SUBSCRIBED, cid, date(2026, 11, 20),
                                             ref="sub-85", unit="2-1503"))
    services.care.on_event(consultant, CareEvent(CareEventKind.DAY_BEFORE_SIGNING, cid,
                                             date(2026, 11, 25), ref="sign-85"))
    (msg,) = [m for m in _messages(kit, cid) if m.kind == "care.signing_reminder"]
    assert msg.status == "pending" and msg.staff_id == consultant.staff_id
    assert msg.kind == "care.signing_reminder" and msg.customer == "钱先生"
    with services.db.reader() as uow:  # a synced row: head office and the other devices get it
        assert uow.session.scalar(select(func.count()).select_from(OutboxEntry).where(
            OutboxEntry.entity == "reminder_message", OutboxEntry.row_id == msg.id)) == 1
    # It waits on the consultant's own list (not on a colleague's) until it is sent.
    assert msg.id in [m.id for m in services.messages.outgoing(consultant)]
    other = kit.staff(Role.CONSULTANT)
    assert msg.id not in [m.id for m in services.messages.outgoing(other)]
    sent = services.messages.send(consultant, msg.id)
    assert sent.status == "sent" and sent.sent_by == consultant.name
    with pytest.raises(Conflict):
        services.messages.send(consultant, msg.id)
    assert [m.attempts for m in _messages(kit, cid) if m.id == msg.id] == [1]


def _messages(kit: Kit, cid: str) -> list[MessageItem]:
    """The customer's messages in the one message outbox (appointments' reminders too)."""
    return kit.services.messages.for_customer(kit.staff_cached(Role.SUPERVISOR), cid)


def test_daily_run_makes_birthday_and_holiday_greetings_once(kit: Kit, services: Services,
                                                             consultant: Actor,
                                                             clock: FakeClock) -> None:
    cid = _customer(services, consultant, "13812340006")
    services.care.on_event(consultant, CareEvent(CareEventKind.SUBSCRIBED, cid, TODAY, ref="s-82"))
    services.care.set_birthday(consultant, cid, date(1980, 11, 30))
    first = services.care.run_daily(None, TODAY)
    assert first.tasks_created >= 1
    assert services.care.run_daily(None, TODAY).tasks_created == 0
    birthday = [t for t in services.care.tasks(consultant) if t.customer_id == cid
                and t.event is CareEventKind.BIRTHDAY]
    assert [t.due_on for t in birthday] == [date(2026, 11, 30)]
    services.care.run_daily(None, date(2027, 2, 1))
    festival = [t for t in services.care.tasks(consultant) if t.customer_id == cid
                and t.event is CareEventKind.HOLIDAY]
    assert [(t.due_on, "春节" in t.purpose) for t in festival] == [(date(2027, 2, 6), True)]
    # On the day the greeting goes out and the task closes itself.
    clock.advance(days=74)
    services.care.run_daily(None, date(2027, 2, 6))
    texts = [m.text for m in _messages(kit, cid) if m.kind == "care.holiday"]
    assert len(texts) == 1 and "春节快乐" in texts[0]


def test_templates_are_editable_and_checked(kit: Kit, services: Services, supervisor: Actor,
                                            consultant: Actor) -> None:
    with pytest.raises(ValidationError):
        services.care.set_template(supervisor, "birthday", "{salutation}生日快乐 {id_number}")
    with pytest.raises(PermissionDenied):
        services.care.set_template(consultant, "birthday", "{salutation}生日快乐")
    services.care.set_template(supervisor, "birthday", "{salutation}，祝您生日快乐！{project}")
    cid = _customer(services, consultant, "13812340007", salutation="周先生")
    services.care.on_event(consultant, CareEvent(CareEventKind.BIRTHDAY, cid, TODAY, ref="2026"))
    (msg,) = [m for m in _messages(kit, cid) if m.kind == "care.birthday"]
    assert msg.text.startswith("周先生，祝您生日快乐！")
    edited = {t.key: t for t in services.care.templates(consultant)}["birthday"]
    assert edited.edited


def test_demo_has_open_and_overdue_tasks(demo: Services) -> None:
    supervisor = staff_actor(demo, "S001")
    tasks = demo.care.tasks(supervisor, everyone=True, include_done=True)
    assert sum(t.overdue for t in tasks) >= 3
    assert sum(t.is_open and not t.overdue for t in tasks) >= 5
    assert sum(t.status == "done" for t in tasks) >= 5
    with demo.db.reader() as uow:
        owners = set(uow.session.scalars(select(FollowUpTask.owner_staff_id)))
    assert None not in owners and len(owners) >= 5


def test_a_greeting_days_late_is_not_sent_by_itself(kit: Kit, services: Services,
                                                    consultant: Actor) -> None:
    cid = _customer(services, consultant, "13812340008", salutation="卫先生")
    (task,) = services.care.on_event(consultant, CareEvent(CareEventKind.BIRTHDAY, cid,
                                                       date(2026, 11, 20), ref="2026"))
    assert task.is_open and task.overdue  # left for the consultant to decide, and visible
    assert not [m for m in _messages(kit, cid) if m.kind == "care.birthday"]


def test_the_plan_is_a_project_setting(services: Services, supervisor: Actor,
                                       consultant: Actor) -> None:
    plan = services.care.plan(supervisor)
    bad = {**plan, "rules": [*plan["rules"], {"event": "subscribed", "channel": "fax",
                                              "template": "x"}]}
    with pytest.raises(ValidationError):
        services.care.set_plan(supervisor, bad)
    with pytest.raises(PermissionDenied):
        services.care.set_plan(consultant, plan)
    assert services.care.plan(supervisor) == plan
    quicker = {**plan, "rules": [dict(r, due_within_days=2) if r["event"] == "subscribed" else r
                                 for r in plan["rules"]]}
    services.care.set_plan(supervisor, quicker)
    cid = _customer(services, consultant, "13812340009")
    (task,) = services.care.on_event(consultant, CareEvent(CareEventKind.SUBSCRIBED, cid, TODAY,
                                                       ref="s-90"))
    assert task.due_on == date(2026, 11, 26)


def test_a_moved_signing_cancels_its_reminder(services: Services, consultant: Actor) -> None:
    cid = _customer(services, consultant, "13812340010")
    (task,) = services.care.on_event(consultant, CareEvent(
        CareEventKind.DAY_BEFORE_SIGNING, cid, date(2026, 12, 3), ref="slot-1"))
    assert task.is_open  # goes out on 2 December
    with services.db.uow(consultant) as uow:
        assert services.care.cancel_event(uow, CareEventKind.DAY_BEFORE_SIGNING, cid, "slot-1",
                                      "签约改期") == 1
        services.care.add_event(uow, CareEvent(CareEventKind.DAY_BEFORE_SIGNING, cid,
                                           date(2026, 12, 8), ref="slot-2"))
        uow.commit()
    mine = [t for t in services.care.tasks(consultant, include_done=True) if t.customer_id == cid]
    assert [(t.status, t.due_on) for t in sorted(mine, key=lambda t: t.due_on)] == [
        ("cancelled", date(2026, 12, 2)), ("open", date(2026, 12, 7))]
