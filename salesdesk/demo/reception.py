"""Demo reception activity: the past week and a busy today, played through the services.

The day is simulated in five-minute steps on a demo clock: parties arrive (walk-ins, agency
visits with their agent, owners' referrals, returning customers), consultants call, receive and
finish them, take breaks; a few receptions are invalid (asking the way, a delivery)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from salesdesk.demo.actors import demo_actor
from salesdesk.domain.errors import DomainError
from salesdesk.domain.local_time import PROJECT_TZ, local_day
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.services.reception import CheckInRequest, OwnerChoice

CONSULTANTS = ["C101", "C102", "C103", "C104", "C201", "C202", "C203", "C204"]
BACKUPS = {"C102": "C103", "C103": "C102", "C101": "C104", "C104": "C101",
           "C202": "C203", "C203": "C202", "C201": "C204", "C204": "C201"}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程"
AGENCIES = [("链家", ["陈晓东", "刘敏"]), ("我爱我家", ["赵磊"]), ("贝壳找房", ["孙婷", "郭强"])]
UNITS = ["1-1203", "1-801", "2-1502", "2-604", "1-1701", "2-1101", "1-302", "2-1804"]
NOTES = ["关注学区和地铁", "改善型，看三房", "首套刚需，预算有限", "关心车位配比", "带父母一起看",
         "比较周边竹海水韵项目", "需要了解公积金贷款", "关注不利因素：北侧高架"]


@dataclass
class DemoClock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Sim:
    s: Services
    rnd: random.Random
    clock: DemoClock
    front: Actor
    staff: dict[str, Actor]
    known: list[str] = field(default_factory=list)  # phones of customers seen before
    planned: dict[str, int] = field(default_factory=dict)  # visit id -> planned minutes
    ghosts: set[str] = field(default_factory=set)  # called parties who never come forward
    due: dict[str, datetime] = field(default_factory=dict)  # receiving visit -> planned end
    dirty: bool = True
    supervisor: Actor | None = None
    starts: dict[str, datetime] = field(default_factory=dict)

    def phone(self) -> str:
        return f"1{self.rnd.choice('3589')}{self.rnd.randint(0, 9)}{self.rnd.randint(10**7, 10**8 - 1)}"

    def arrive(self, *, returning: bool) -> None:
        rnd = self.rnd
        phone = rnd.choice(self.known) if returning and self.known else self.phone()
        source = rnd.choices(["walk_in", "agency", "referral", "phone_invite"],
                             [50, 25, 15, 10])[0]
        agency, agent = ("", "")
        if source == "agency":
            agency, agents = rnd.choice(AGENCIES)
            agent = rnd.choice(agents)
        req = CheckInRequest(
            phone, rnd.choices([1, 2, 3, 4, 12], [25, 45, 18, 9, 3])[0], source, agency, agent,
            salutation=rnd.choice(SURNAMES) + rnd.choice(["先生", "女士"]),
            important=rnd.random() < 0.04, consent=True)
        req = CheckInRequest(**{**req.__dict__, "group_tour": req.party_size >= 10})
        try:
            self.s.reception.check_in(self.front, req)
        except DomainError as exc:
            if exc.field != "owner_choice":
                return
            choice = rnd.choices([OwnerChoice.WAIT, OwnerChoice.ROTATION, OwnerChoice.BACKUP],
                                 [15, 60, 25])[0]
            try:
                self.s.reception.check_in(self.front, CheckInRequest(
                    **{**req.__dict__, "owner_choice": choice}))
            except DomainError:
                self.s.reception.check_in(self.front, CheckInRequest(
                    **{**req.__dict__, "owner_choice": OwnerChoice.ROTATION}))
        self.dirty = True
        if phone not in self.known:
            self.known.append(phone)

    def work(self) -> None:
        """Each consultant moves their party on: start after a minute or two, finish when due."""
        now = self.clock.now
        # Reading the floor is the slow part: only when something may have moved.
        if not self.dirty and not any(end <= now for end in self.due.values()):
            return
        self.dirty = False
        floor = self.s.reception.floor(self.front)
        self.due = {}
        by_id = {a.staff_id: a for a in self.staff.values()}
        for cur in floor.receiving:
            actor = by_id.get(cur.consultant_id or "")
            if actor is None:
                continue
            minutes = self.planned.setdefault(
                cur.visit_id, self.rnd.choice([3, 20, 25, 30, 35, 40, 45, 50, 60, 75]))
            end = self.starts.get(cur.visit_id, now) + timedelta(minutes=minutes)
            if now < end:
                self.due[cur.visit_id] = end
                continue
            self.dirty = True
            if minutes < 5:
                self.s.reception.finish(actor, cur.visit_id, invalid_reason=self.rnd.choice(
                    ["问路", "送快递", "找物业"]))
            else:
                self.s.reception.finish(
                    actor, cur.visit_id, intent=self.rnd.choices("ABC", [20, 45, 35])[0],
                    units=", ".join(self.rnd.sample(UNITS, self.rnd.randint(1, 2))),
                    notes=self.rnd.choice(NOTES))
        busy = {e.consultant_id for e in floor.receiving}
        for nxt in floor.waiting:
            actor = by_id.get(nxt.consultant_id or "")
            if actor is None or nxt.status != "called" or nxt.consultant_id in busy:
                continue
            busy.add(nxt.consultant_id)
            self.dirty = True
            if nxt.visit_id not in self.starts and self.rnd.random() < 0.03:
                self.ghosts.add(nxt.visit_id)
            self.starts.setdefault(nxt.visit_id, now)
            if nxt.visit_id in self.ghosts:
                if nxt.called_at is not None and now - nxt.called_at >= timedelta(minutes=11):
                    self.s.reception.no_show(actor, nxt.visit_id)
            elif self.rnd.random() < 0.8:
                self.s.reception.start(actor, nxt.visit_id)
                self.starts[nxt.visit_id] = now

    def breaks(self, t: time) -> None:
        """Lunch breaks around noon."""
        if t not in (time(12, 0), time(12, 30), time(12, 45), time(13, 15)):
            return
        for code, actor in self.staff.items():
            q = self.s.reception.my_queue(actor)
            if q.current is not None or q.next:
                continue
            try:
                if (t == time(12, 0) and code in ("C102", "C202")) or (t == time(12, 30) and code in ("C103", "C203")):
                    self.s.reception.set_status(actor, actor.staff_id, "break", "午饭")
                elif t in (time(12, 45), time(13, 15)) and q.status == "break":
                    self.s.reception.set_status(actor, actor.staff_id, "available")
            except DomainError:
                pass


def _at(day: date, t: time) -> datetime:
    return datetime.combine(day, t, PROJECT_TZ).astimezone(UTC)


def _run_day(sim: Sim, day: date, until: datetime, rate: float, team: int) -> None:
    rnd = sim.rnd
    sim.clock.now = _at(day, time(8, 50))
    # Weekdays a small team is on the floor; 李娜 (C102, the demo consultant) is in every team
    # so her queue is never empty in the screenshots.
    on_duty = ["C102", *rnd.sample([c for c in CONSULTANTS if c != "C102"], team - 1)]
    rnd.shuffle(on_duty)
    sim.s.reception.join(sim.front, [sim.staff[c].staff_id for c in on_duty])
    if day.weekday() == 5 and sim.supervisor is not None:
        # A supervisor's change to the order, with its reason (shows in the fairness report).
        order = [e.staff_id for e in sim.s.reception.floor(sim.front).rotation if e.position]
        order[0], order[1] = order[1], order[0]
        sim.s.reception.reorder(sim.supervisor, order, "早班顾问先到岗，按到岗顺序调整")
    t = _at(day, time(9, 0))
    end = min(until, _at(day, time(17, 30)))
    while t <= end:
        sim.clock.now = t
        local = t.astimezone(PROJECT_TZ).time()
        # Busier late morning and mid-afternoon.
        busy = 1.6 if time(10, 0) <= local < time(11, 30) or time(14, 0) <= local < time(16, 0) \
            else 0.8
        if rnd.random() < rate * busy:
            sim.arrive(returning=rnd.random() < 0.3)
        sim.work()
        sim.breaks(local.replace(second=0, microsecond=0))
        t += timedelta(minutes=5)


def seed(services: Services) -> None:
    real_clock = services.db.clock
    now = real_clock()
    today = local_day(now)
    rnd = random.Random(20261124)
    front = demo_actor(services, "R001")
    staff = {c: demo_actor(services, c) for c in CONSULTANTS}
    sim = Sim(services, rnd, DemoClock(now), front, staff,
              supervisor=demo_actor(services, "S001"))
    services.db.clock = sim.clock
    try:
        for code, backup in BACKUPS.items():
            services.reception.set_backup(staff[code], staff[code].staff_id,
                                          staff[backup].staff_id)
        for back in range(7, 0, -1):
            day = today - timedelta(days=back)
            weekend = day.weekday() >= 5
            # Weekdays a small team is on the floor; weekends most of them.
            _run_day(sim, day, _at(day, time(17, 30)), 0.4 if weekend else 0.08,
                     5 if weekend else 3)
            sim.clock.now = _at(day, time(18, 0))
            for _ in range(6):  # close the day: finishing hands out the last waiting parties
                for actor in staff.values():
                    q = services.reception.my_queue(actor)
                    for v in [*([q.current] if q.current else []), *q.next, *q.parked]:
                        if v.status == "waiting":
                            continue
                        if v.status != "receiving":
                            services.reception.start(actor, v.visit_id)
                        services.reception.finish(actor, v.visit_id, intent="C")
        # Today: a busy day up to now, ending with people received and waiting. Nothing is
        # written after the real time (no visit "checked in" at 11:40 seeded at 8 am); before
        # the centre opens, today's floor is empty, as it would be.
        if now >= _at(today, time(9, 0)):
            until = min(now, _at(today, time(17, 30)))
            _run_day(sim, today, until, 0.45, 7)
            sim.clock.now = now
            if now <= _at(today, time(18, 0)):
                for _ in range(3):
                    sim.arrive(returning=False)
    finally:
        services.db.clock = real_clock
