"""Demo care activity: customers after their deposit with the plan's follow-ups (some done,
some open, some overdue), half a year of score cards (a few below 4), a complaint part-way
through the procedure and a group complaint. Services only."""

from __future__ import annotations

from datetime import date, timedelta

from salesdesk.demo.actors import demo_actor
from salesdesk.demo.signing import DEMO_BUYERS, subscribed_on
from salesdesk.domain.care.complaints import ComplaintChannel, GroupKind, Step
from salesdesk.domain.care.plan import CareEvent, CareEventKind
from salesdesk.domain.care.satisfaction import Occasion
from salesdesk.domain.local_time import local_day
from salesdesk.services.container import Services

# (name, salutation, mobile, owner code, unit, days since subscription, signed days ago | None,
#  signing in days | None, birthday)
CUSTOMERS: tuple[tuple[str, str, str, str, str, int, int | None, int | None, str | None], ...] = (
    ("王建国", "王先生", "13904310101", "C101", "1-1304", 2, None, 6, "1978-11-29"),
    ("李秀英", "李女士", "13904310102", "C102", "1-801", 5, None, 2, None),
    ("张建华", "张先生", "13904310103", "C102", "2-1404", 12, None, 1, "1985-03-14"),
    ("刘志强", "刘先生", "13904310104", "C103", "2-704", 25, 9, None, None),
    ("陈静", "陈女士", "13904310105", "C104", "1-1701", 30, 14, None, "1990-12-02"),
    ("杨文博", "杨先生", "13904310106", "C201", "2-1101", 8, 3, None, None),
    ("赵敏", "赵女士", "13904310107", "C202", "2-502", 4, None, 9, None),
    ("黄磊", "黄先生", "13904310108", "C203", "1-1402", 40, 21, None, "1982-06-18"),
    ("周婷", "周女士", "13904310109", "C204", "2-1804", 6, None, 3, None),
    ("吴刚", "吴先生", "13904310110", "C101", "1-604", 18, 7, None, None),
    ("孙丽", "孙女士", "13904310111", "C103", "1-302", 3, None, 10, None),
    ("马超", "马先生", "13904310112", "C202", "2-901", 60, 45, None, "1975-12-06"),
)

# Half a year of cards: (customer index, days ago, scores layout/needs/process/after/trust)
CARDS: tuple[tuple[int, int, tuple[int, int, int, int, int]], ...] = (
    (11, 170, (5, 4, 4, 4, 5)), (7, 150, (5, 5, 4, 4, 5)), (4, 120, (4, 5, 5, 4, 5)),
    (3, 100, (5, 4, 3, 4, 4)), (9, 95, (5, 5, 5, 4, 5)), (0, 80, (4, 4, 5, 5, 5)),
    (5, 62, (5, 5, 4, 5, 5)), (1, 55, (4, 5, 4, 4, 4)), (2, 40, (5, 5, 5, 5, 5)),
    (6, 33, (5, 4, 4, 5, 5)), (8, 26, (5, 5, 5, 4, 5)), (10, 20, (4, 5, 5, 5, 4)),
    (7, 14, (5, 5, 4, 5, 5)), (4, 9, (5, 5, 5, 5, 4)), (3, 6, (4, 3, 2, 3, 4)),
    (5, 2, (5, 5, 5, 4, 5)), (9, 1, (5, 4, 3, 5, 5)),
)
ITEM_KEYS = ("layout", "needs", "process", "after_sale", "trust")


def seed(services: Services) -> None:
    today = local_day(services.db.now())
    ids: list[str] = []
    for name, salutation, phone, owner_code, unit, sub_days, signed_days, signing_in, bday \
            in CUSTOMERS:
        owner = demo_actor(services, owner_code)
        info = services.customers.register(owner, phone=phone, name=name, salutation=salutation,
                                           consent=True, owner_staff_id=owner.staff_id)
        ids.append(info.id)
        if bday:
            services.care.set_birthday(owner, info.id, date.fromisoformat(bday))
        subscribed = today - timedelta(days=sub_days)
        signing_on = today + timedelta(days=signing_in) if signing_in is not None else (
            today - timedelta(days=signed_days or 0))
        services.care.on_event(owner, CareEvent(
            CareEventKind.SUBSCRIBED, info.id, subscribed, ref=f"demo-sub-{unit}", unit=unit,
            signing_on=signing_on))
        if signing_in is not None and signing_in <= 1:
            services.care.on_event(owner, CareEvent(
                CareEventKind.DAY_BEFORE_SIGNING, info.id, signing_on, ref=f"demo-sign-{unit}"))
        if signed_days is not None:
            services.care.on_event(owner, CareEvent(
                CareEventKind.SIGNED, info.id, signing_on, ref=f"demo-signed-{unit}"))
    _signing_buyers(services, today)
    _close_some_tasks(services, today)
    services.care.run_daily(demo_actor(services, "S001"), today)

    reception = demo_actor(services, "R001")
    for idx, days_ago, scores in CARDS:
        services.satisfaction.submit_card(
            reception, ids[idx], dict(zip(ITEM_KEYS, scores, strict=True)),
            Occasion.OPENING if days_ago > 90 else Occasion.SIGNING,
            scored_on=today - timedelta(days=days_ago))
    for task in services.care.tasks(demo_actor(services, "S001"), everyone=True):
        if task.event is CareEventKind.LOW_SCORE and task.due_on < today - timedelta(days=10):
            owner = demo_actor(services, "S001")
            services.care.record_outcome(owner, task.id, "销售经理上门回访，客户疑虑已解决",
                                         task.due_on)
    _complaints(services, ids, today)
    _send_earlier_messages(services, today)


def _send_earlier_messages(services: Services, today: date) -> None:
    """Messages of earlier days went out from the consultants' phones back then; today's
    wait on their lists."""
    for code in ("C101", "C102", "C103", "C104", "C201", "C202", "C203", "C204"):
        actor = demo_actor(services, code)
        for m in services.messages.outgoing(actor):
            if m.can_send and local_day(m.created_at) < today:
                services.messages.send(actor, m.id)


def _signing_buyers(services: Services, today: date) -> None:
    """The signing-materials demo's buyers subscribed too: their follow-ups and the reminder
    listing the materials they still lack."""
    for i, (code, _name, _sal, phone, unit, _answers, _received) in enumerate(DEMO_BUYERS):
        if unit is None:
            continue
        actor = demo_actor(services, code)
        found = services.customers.find_by_phone(actor, phone)
        if found is None or found.owner_staff_id is None:
            continue
        signing_on = today + timedelta(days=1 + i % 4)
        # The buyer's real subscription already made its follow-ups: the same event (same
        # subscription, same day) only adds the signing day to the care profile.
        sub = next((s for s in services.subscriptions.list(actor, found.id)
                    if s.status == "active"), None)
        services.care.on_event(actor, CareEvent(
            CareEventKind.SUBSCRIBED, found.id,
            sub.subscribed_on if sub else subscribed_on(services, i), unit=unit,
            ref=sub.id if sub else f"demo-sub-{unit}", signing_on=signing_on))
        services.care.on_event(actor, CareEvent(
            CareEventKind.DAY_BEFORE_SIGNING, found.id, signing_on, ref=f"demo-sign-{unit}"))


def _close_some_tasks(services: Services, today: date) -> None:
    """About half of the older calls were made, most on time, a few late."""
    outcomes = ("已电话联系，客户确认签约时间并清楚需带资料", "客户表示按揭资料已交银行，等待审批",
                "客户出差，已约下周再联系；资料清单已微信发送", "已联系，客户对流程无疑问")
    n = 0
    for code in ("C101", "C102", "C103", "C104", "C201", "C202", "C203", "C204"):
        actor = demo_actor(services, code)
        for task in services.care.tasks(actor):
            if task.channel.value == "message" and task.due_on < today:
                # Events are back-dated in the demo: these went out from the phone that day.
                services.care.record_outcome(actor, task.id, "已用手机发送短信", task.due_on)
                continue
            if task.starts_on > today - timedelta(days=4) or task.channel.value == "message":
                continue
            n += 1
            if n % 3 == 0 and task.due_on >= today - timedelta(days=10):
                continue  # left open: these show up as overdue
            late = n % 5 == 0
            done_on = min(today, task.due_on + timedelta(days=2 if late else 0))
            services.care.record_outcome(actor, task.id, outcomes[n % len(outcomes)], done_on)


def _complaints(services: Services, ids: list[str], today: date) -> None:
    sup = demo_actor(services, "S001")
    c103 = demo_actor(services, "C103")
    one = services.complaints.log(
        c103, customer_id=ids[3], channel=ComplaintChannel.FOLLOW_UP,
        summary="回访时表示认购前未被告知小区北侧规划道路，担心噪音影响卧室",
        demands=["respect", "fix", "guarantee"],
        received_at=services.db.now() - timedelta(days=6, hours=3))
    steps = ((Step.LISTEN, "在VIP室听取客户诉求约40分钟，记录关注点：噪音、通车时间", 5),
             (Step.SETTING, "改在周末上午由销售经理陪同到样板间现场查看距离", 4),
             (Step.ACKNOWLEDGE, "复述客户担忧并致歉，确认未在认购前逐项说明", 3))
    for step, note, ago in steps:
        services.complaints.record_step(sup, one.id, step, note,
                                        done_on=today - timedelta(days=ago))
    members = []
    for idx, summary in ((7, "1号楼车库坡道正对卧室，夜间车灯照射，要求加装遮挡"),
                         (0, "1号楼车库坡道噪音问题，与邻居一同反映"),
                         (9, "车库坡道位置与沙盘展示不一致，要求开发商说明")):
        members.append(services.complaints.log(
            sup, customer_id=ids[idx], channel=ComplaintChannel.ON_SITE, summary=summary,
            demands=["respect", "fix", "compensation"]))
    services.complaints.link_group(
        sup, title="1号楼车库坡道噪音及灯光", kind=GroupKind.CORE,
        complaint_ids=[m.id for m in members], leader_customer_id=ids[7],
        notes="黄先生组织业主群，先与其沟通整改方案")
    services.complaints.record_step(sup, members[0].id, Step.LISTEN,
                                    "与黄先生面谈，了解业主群的诉求", done_on=today)
