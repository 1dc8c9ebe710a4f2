"""Demo appointments: a busy week around today — visits for several consultants, signing slots
partly filled, desks rostered, an opening day with extra desks, a closed day, and in the past
days the usual mix of completed visits, a few no-shows and cancellations.

Bookings are made through the services with the clock set to a few days before each
appointment (as they really would have been made), then the clock goes back to now."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from datetime import datetime, time, timedelta
from functools import partial

from salesdesk.demo.actors import demo_actor
from salesdesk.domain.errors import Conflict, DomainError
from salesdesk.domain.local_time import at_local, local_day
from salesdesk.domain.roles import Actor
from salesdesk.domain.signing_slots import CentreSettings
from salesdesk.services.container import Services
from salesdesk.services.customers import CustomerInfo

# (name, salutation, mobile) — fictional people, valid CN mobile numbers.
CUSTOMERS: list[tuple[str, str, str]] = [
    ("王建国", "王先生", "13957100218"), ("李秀英", "李女士", "13867420395"),
    ("张志强", "张先生", "15888412736"), ("刘芳", "刘女士", "13605719842"),
    ("陈晓东", "陈先生", "18768153024"), ("杨丽", "杨女士", "13757190463"),
    ("赵海涛", "赵先生", "15158806217"), ("黄雅琴", "黄女士", "13588217650"),
    ("周斌", "周先生", "18958012386"), ("吴婷婷", "吴女士", "13666607914"),
    ("徐明", "徐先生", "15267031458"), ("孙红梅", "孙女士", "13819462075"),
    ("马俊杰", "马先生", "17706510382"), ("朱佳怡", "朱女士", "15990083671"),
    ("胡文斌", "胡先生", "13735860249"), ("郭丽娟", "郭女士", "18857127536"),
    ("何志明", "何先生", "13516851094"), ("高敏", "高女士", "15068120437"),
    ("林浩然", "林先生", "13989473120"), ("罗晓燕", "罗女士", "18668097254"),
    ("梁伟", "梁先生", "13777862501"), ("宋雨桐", "宋女士", "15356197843"),
    ("谢宏", "谢先生", "13858016792"), ("韩雪", "韩女士", "18069823157"),
    ("唐国强", "唐先生", "13906528470"), ("冯晓丽", "冯女士", "15700089263"),
    ("董立新", "董先生", "13456172098"), ("程静", "程女士", "18357160842"),
    ("曹宇航", "曹先生", "13675801926"), ("袁美玲", "袁女士", "15957137604"),
]
CONSULTANTS = ["C101", "C102", "C103", "C104", "C201", "C202", "C203", "C204"]
VISIT_NOTES = ["首次到访，关注三房", "二次到访，带家人看样板间", "意向 1 号楼高层，谈付款方式",
               "了解公积金贷款", "复访，比较 2 号楼东西户", "带父母看房", "约看 18 楼样板间",
               "询问学区与交付标准", ""]
CANCEL_REASONS = ["客户临时出差", "客户家中有事，改天再约", "客户已在别处购房"]


@contextmanager
def _clock_at(services: Services, when: datetime) -> Iterator[None]:
    db = services.db
    saved: Callable[[], datetime] = db.clock
    db.clock = lambda: when
    try:
        yield
    finally:
        db.clock = saved


def _booked_at(start: datetime, rng: random.Random) -> datetime:
    """A plausible moment the booking was made: two to four days before, in office hours."""
    day = local_day(start) - timedelta(days=rng.randint(2, 4))
    return at_local(day, time(rng.randint(9, 17), rng.choice((5, 20, 35, 50))))


def _customers(services: Services, actors: dict[str, Actor]) -> list[tuple[CustomerInfo, str]]:
    out = []
    for n, (name, salutation, phone) in enumerate(CUSTOMERS):
        code = CONSULTANTS[n % len(CONSULTANTS)]
        actor = actors[code]
        try:
            info = services.customers.register(actor, phone=phone, name=name,
                                               salutation=salutation, consent=True,
                                               owner_staff_id=actor.staff_id)
        except Conflict:
            found = services.customers.find_by_phone(actor, phone)
            if found is None:
                continue
            info = found
        out.append((info, code))
    return out


def _signing(services: Services, actor: Actor, customer_id: str, start: datetime,
             unit_id: str | None) -> str:
    return services.appointments.book_signing(
        actor, customer_id=customer_id, starts_at=start, consultant_id=actor.staff_id,
        unit_id=unit_id).appointment.id


def _visit(services: Services, actor: Actor, customer_id: str, start: datetime, minutes: int,
           notes: str) -> str:
    return services.appointments.book_visit(
        actor, customer_id=customer_id, consultant_id=actor.staff_id, starts_at=start,
        minutes=minutes, notes=notes).appointment.id


def seed(services: Services) -> None:
    rng = random.Random(20261124)
    boss = demo_actor(services, "S001")
    actors = {code: demo_actor(services, code) for code in [*CONSULTANTS, "S002"]}
    appts = services.appointments
    now = services.db.now()
    today = local_day(now)

    def before_now(when: datetime) -> AbstractContextManager[None]:
        # Every demo record is dated in the past, never at or after "now".
        return _clock_at(services, min(when, now - timedelta(seconds=1)))

    with before_now(at_local(today - timedelta(days=10), time(9, 30))):
        appts.update_settings(boss, CentreSettings(
            opens=time(9, 0), closes=time(17, 0), slot_minutes=60, desks=3,
            place="售楼处二楼签约中心"), appts.settings(boss).rules)
        opening_day = today + timedelta(days=(5 - today.weekday()) % 7 or 7)  # next Saturday
        appts.set_day(boss, opening_day, desks=5, note="2 号楼加推开盘，加开签约台")
        appts.set_day(boss, today + timedelta(days=9), closed=True,
                      note="网签系统升级，暂停签约")

        # Desk roster: S002 on desk 1, senior consultants share desk 2, desk 3 mostly covered.
        staff = {s.code: s.id for s in appts.staff_for_roster(boss)}
        for offset in range(-4, 8):
            day = today + timedelta(days=offset)
            if not appts.day_plan(boss, day).open:
                continue
            appts.set_roster(boss, day, 1, staff["S002"], "09:00", "17:00")
            appts.set_roster(boss, day, 2, staff["C101"], "09:00", "13:00")
            appts.set_roster(boss, day, 2, staff["C104"], "13:00", "17:00")
            if offset != 2:  # one day left short, so the board shows the gap
                appts.set_roster(boss, day, 3, staff["C201"], "09:00", "17:00")
            if day == opening_day:
                appts.set_roster(boss, day, 4, staff["S001"], "09:00", "17:00")
                appts.set_roster(boss, day, 5, staff["C204"], "09:00", "17:00")

        people = _customers(services, actors)
    made: list[tuple[str, datetime, datetime]] = []  # (appointment id, start, booked at)

    def book(fn: Callable[[], str], start: datetime) -> None:
        booked = min(_booked_at(start, rng), now - timedelta(minutes=rng.randint(20, 300)))
        # A clash with another demo booking is skipped: real life would pick another time.
        with before_now(booked), suppress(DomainError):
            made.append((fn(), start, booked))

    # Signings: slots partly filled, the opening day busy.
    for offset in range(-4, 7):
        day = today + timedelta(days=offset)
        plan = appts.day_plan(boss, day)
        if not plan.open:
            continue
        fill = 0.85 if day == opening_day else 0.35
        for slot in plan.slots:
            for _ in range(plan.desks):
                if rng.random() > fill:
                    continue
                cust, code = rng.choice(people)
                # A desk is booked for a unit only by its subscriber (rule 13); these visitors
                # have not subscribed in the demo, so their unit is still to be settled.
                book(partial(_signing, services, actors[code], cust.id, slot.starts_at,
                             None), slot.starts_at)

    # Visits: each consultant one to three a day.
    for offset in range(-5, 7):
        day = today + timedelta(days=offset)
        for code in CONSULTANTS:
            hours = rng.sample([9, 10, 11, 13, 14, 15, 16], rng.randint(1, 3))
            for hour in sorted(hours):
                cust = rng.choice([c for c, owner in people if owner == code])
                start = at_local(day, time(hour, rng.choice((0, 30))))
                book(partial(_visit, services, actors[code], cust.id, start,
                             rng.choice((45, 60, 60, 90)), rng.choice(VISIT_NOTES)), start)

    # What happened, each at its own moment: past ones arrived and completed, some no-shows
    # and cancellations; upcoming ones partly confirmed, a few cancelled.
    for appointment_id, start, booked in made:
        info = appts.get(boss, appointment_id)
        owner = next((c for c in CONSULTANTS if actors[c].staff_id == info.consultant_id), None)
        actor = actors[owner] if owner else boss
        roll = rng.random()
        try:
            if start < now - timedelta(minutes=1):
                if roll < 0.08:
                    with before_now(start + timedelta(minutes=30)):
                        appts.mark_no_show(actor, appointment_id)
                elif roll < 0.14:
                    with before_now(max(booked + timedelta(hours=2),
                                        start - timedelta(hours=20))):
                        appts.cancel(actor, appointment_id, rng.choice(CANCEL_REASONS))
                else:
                    with before_now(start - timedelta(minutes=rng.randint(0, 12))):
                        appts.arrive(boss, appointment_id)
                    if info.ends_at < now:
                        with before_now(info.ends_at):
                            appts.complete(actor, appointment_id)
            elif booked + timedelta(hours=1) < now:
                if local_day(start) <= today + timedelta(days=2) and roll < 0.6:
                    with before_now(max(booked + timedelta(hours=1),
                                        start - timedelta(days=1))):
                        appts.confirm(actor, appointment_id)
                elif roll < 0.04:
                    with before_now(booked + timedelta(hours=3)):
                        appts.cancel(actor, appointment_id, rng.choice(CANCEL_REASONS))
        except DomainError:
            continue

    # A few reminders for tomorrow already handed over by their consultants this morning.
    with before_now(now - timedelta(minutes=10)):
        for item in services.reminders.due(boss, today + timedelta(days=1))[:3]:
            sender = next((c for c in CONSULTANTS
                           if actors[c].staff_id == item.appointment.consultant_id), None)
            if sender:
                services.reminders.send(actors[sender], item.appointment.id)
