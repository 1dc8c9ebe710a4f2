"""Demo disclosure activity: three weeks of a busy sales centre — reception and pre-deposit
rounds (most complete, some where the customer said "知道了"), a correction, subscriptions
including one supervisor override, follow-up calls with a mismatch and open escalations."""

from __future__ import annotations

import math
import struct
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from salesdesk.demo.actors import demo_actor
from salesdesk.domain.disclosure import RoundKind
from salesdesk.domain.errors import Conflict
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.services.customers import CustomerInfo

# name, salutation, phone, consultant, unit
CUSTOMERS: tuple[tuple[str, str, str, str, str], ...] = (
    ("王建国", "王先生", "13957110231", "C101", "1-502"),
    ("李秀英", "李女士", "13857126642", "C102", "2-201"),
    ("张志强", "张先生", "13605713318", "C103", "1-1202"),
    ("刘芳", "刘女士", "15068127754", "C104", "2-1502"),
    ("陈明", "陈先生", "18857196620", "C201", "2-302"),
    ("杨丽", "杨女士", "13735860917", "C202", "1-804"),
    ("赵磊", "赵先生", "15157183306", "C203", "2-904"),
    ("黄婷婷", "黄女士", "13516718845", "C204", "1-203"),
    ("周杰", "周先生", "18968052271", "C101", "2-1103"),
    ("吴晓燕", "吴女士", "13067746618", "C102", "1-1602"),
    ("徐海涛", "徐先生", "15990117732", "C103", "2-402"),
    ("孙佳怡", "孙女士", "13588830964", "C201", "1-1001"),
    ("马俊", "马先生", "17757125583", "C202", "2-1704"),
    ("胡静", "胡女士", "13819457720", "C204", "1-701"),
)


def signature_png(seed: int, width: int = 360, height: int = 120) -> bytes:
    """A handwriting-like stroke as a PNG (grey, no Qt needed), different per customer."""
    rows = [bytearray(b"\xff" * width) for _ in range(height)]
    for t in range(2400):
        x = 20 + t * (width - 40) / 2400
        y = (height / 2 + 28 * math.sin(t / (55 + seed * 7)) * math.cos(t / (170 + seed * 3))
             + 10 * math.sin(t / 13 + seed))
        for dx in (0, 1):
            for dy in (0, 1):
                xi, yi = int(x) + dx, int(y) + dy
                if 0 <= xi < width and 0 <= yi < height:
                    rows[yi][xi] = 0x20
    raw = b"".join(b"\x00" + bytes(r) for r in rows)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


@contextmanager
def _at(services: Services, when: datetime) -> Iterator[None]:
    """Record demo history at a past moment (the services stamp the database clock)."""
    db = services.db
    saved = db.clock
    db.clock = lambda: when
    try:
        yield
    finally:
        db.clock = saved


def seed(services: Services) -> None:
    now = services.db.now()
    actors: dict[str, Actor] = {}

    def actor(code: str) -> Actor:
        if code not in actors:
            actors[code] = demo_actor(services, code)
        return actors[code]

    units = {u.number: u for u in services.projects.units(actor("S001"))}
    customers: list[CustomerInfo] = []
    for i, (name, salutation, phone, code, _unit) in enumerate(CUSTOMERS):
        with _at(services, now - timedelta(days=21 - i, hours=3)):
            try:
                c = services.customers.register(actor(code), phone=phone, name=name,
                                                salutation=salutation, consent=True,
                                                owner_staff_id=actor(code).staff_id)
            except Conflict:
                found = services.customers.find_by_phone(actor(code), phone)
                assert found is not None
                c = found
        customers.append(c)

    def do_round(i: int, kind: RoundKind, when: datetime, skip: Callable[[str], bool],
                 sign: bool = True, paper: bool = True, **extra: str) -> str:
        _n, _s, _p, code, unit_no = CUSTOMERS[i]
        who = actor(code)
        unit = units[unit_no]
        cl = services.disclosure.checklist(who, customers[i].id, unit.id)
        start = when - timedelta(minutes=6 + len(cl.items))
        ticks = {item.code: start + timedelta(seconds=40 * k)
                 for k, item in enumerate(cl.items) if not skip(item.code)}
        with _at(services, when):
            rec = services.disclosure.record_round(
                who, customer_id=customers[i].id, unit_id=unit.id, kind=kind, ticks=ticks,
                started_at=start, signature_png=signature_png(i) if sign else None,
                paper_form=paper, **extra)
        return rec.id

    def nothing(code: str) -> bool:
        return False

    def hurried(code: str) -> bool:  # "知道了，知道了": the factors were skipped
        return code.startswith("factor:") and not code.endswith("F01")

    def skipped_contract(code: str) -> bool:
        return code == "contract"

    # Reception rounds for everyone, after the sand-table models (strategy 2, step 1).
    for i in range(len(CUSTOMERS)):
        when = now - timedelta(days=20 - i, hours=2)
        skip = hurried if i in (2, 6, 11) else (skipped_contract if i == 9 else nothing)
        rec_id = do_round(i, RoundKind.RECEPTION, when, skip, sign=i % 3 != 0, paper=True)
        if i == 9:
            # The consultant ticked the wrong box: a correction supersedes the record.
            do_round(i, RoundKind.RECEPTION, when + timedelta(minutes=30), nothing,
                     supersedes_id=rec_id,
                     reason="顾问漏勾合同范本，客户确认当时已讲解并阅读，更正记录")

    # Pre-deposit rounds (strategy 5: again before the deposit).
    pre = {0: nothing, 1: nothing, 3: nothing, 4: nothing, 5: nothing, 7: nothing,
           8: nothing, 2: hurried, 6: hurried, 12: nothing}
    for i, skip in pre.items():
        do_round(i, RoundKind.PRE_DEPOSIT, now - timedelta(days=9 - (i % 7), hours=1), skip)

    # Subscriptions: complete disclosure, and one supervisor override.
    for i in (0, 1, 3, 4, 5, 7):
        _n, _s, _p, code, unit_no = CUSTOMERS[i]
        unit = units[unit_no]
        with _at(services, now - timedelta(days=8 - (i % 7))):
            services.subscriptions.subscribe(actor(code), customer_id=customers[i].id,
                                             unit_id=unit.id, price=unit.total_price,
                                             deposit=50_000)
    _n, _s, _p, code, unit_no = CUSTOMERS[2]
    unit = units[unit_no]
    with _at(services, now - timedelta(days=5)):
        services.subscriptions.subscribe(
            actor(code), customer_id=customers[2].id, unit_id=unit.id,
            price=unit.total_price - 30_000, deposit=50_000, override_by=actor("S001"),
            override_reason="客户当日须回外地，约定次日电话补充告知不利因素并补签反馈单")

    # Follow-up calls by the developer's customer service (客服专员 K001, never the consultant).
    calls = (
        (0, True, 5, ""), (1, True, 5, ""), (3, True, 4, "对样板房装修标准有疑问，已解答"),
        (4, False, 3, "称不知道东侧变电站，情绪不满"),  # ledger says told: mismatch
        (5, True, 5, ""), (7, True, 4, ""),
        (2, True, 2, "认为价格偏高，对签约时间安排不满意"),  # ledger: factors not told
    )
    for k, (i, told_factors, score, notes) in enumerate(calls):
        _n, _s, _p, _code, unit_no = CUSTOMERS[i]
        with _at(services, now - timedelta(days=3 - k * 0.3)):
            info = services.follow_up.record_call(
                actor("K001"), customer_id=customers[i].id, unit_id=units[unit_no].id,
                told_factors=told_factors, told_sunshine=True, told_certificates=True,
                told_contract=True, score=score, notes=notes)
        if i == 2 and info.escalation_id:
            with _at(services, now - timedelta(days=1)):
                services.follow_up.record_outcome(
                    actor(CUSTOMERS[i][3]), info.escalation_id,
                    "顾问致电解释价格构成，客户仍不满意", resolved=False)

    # After the follow-up the consultant re-covers what was skipped (strategy 5, 情况4).
    do_round(2, RoundKind.RE_COVER, now - timedelta(hours=20), nothing, sign=True)
