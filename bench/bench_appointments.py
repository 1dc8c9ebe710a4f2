"""Appointments at scale: booking a signing slot and loading a day board with 50,000
appointments in the file (``--quick``: 5,000).

The history is bulk-inserted (it stands for two years of bookings); the measured calls go
through the real services."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from common import median, result, temp_dirs, time_ms
from sqlalchemy import insert

from salesdesk.demo import demo_actor, load_demo
from salesdesk.domain.ids import new_id
from salesdesk.domain.local_time import at_local, local_day
from salesdesk.services import audit
from salesdesk.services.container import build_services
from salesdesk.store.database import open_database
from salesdesk.store.models.appointments import Appointment

NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)


def _bulk_history(services: Any, total: int, customers: list[str], staff: list[str]) -> None:
    rng = random.Random(7)
    db = services.db
    today = local_day(NOW)
    rows = []
    for n in range(total):
        day = today + timedelta(days=rng.randint(-700, -10))
        signing = n % 4 == 0
        if signing:
            start = at_local(day, time(9 + rng.randint(0, 7)))
            desk: int | None = rng.randint(1, 3)
        else:
            start = at_local(day, time(9 + rng.randint(0, 8), rng.choice((0, 30))))
            desk = None
        rows.append({
            "id": new_id(), "sales_centre_id": db.sales_centre_id, "server_seq": 0,
            "deleted": False, "row_version": 1, "created_at": NOW, "updated_at": NOW,
            "created_by_device": db.device_id, "updated_by_device": db.device_id,
            "created_by_staff": None, "updated_by_staff": None,
            "kind": "signing" if signing else "visit",
            "status": rng.choice(("completed", "completed", "completed", "no_show",
                                  "cancelled")),
            "customer_id": rng.choice(customers), "consultant_id": rng.choice(staff),
            "unit_id": None, "starts_at": start.replace(tzinfo=None),
            "ends_at": (start + timedelta(hours=1)).replace(tzinfo=None),
            "desk_no": desk, "notes": "", "rescheduled_from_id": None,
        })
    # The partial unique index would refuse two live bookings on one desk; history rows that
    # collide are simply turned into cancelled ones.
    seen: set[tuple[Any, Any]] = set()
    for r in rows:
        if r["kind"] == "signing" and r["status"] != "cancelled":
            key = (r["starts_at"], r["desk_no"])
            if key in seen:
                r["status"] = "cancelled"
            seen.add(key)
    with db.write_engine.begin() as conn:
        for i in range(0, len(rows), 5000):
            conn.execute(insert(Appointment), rows[i:i + 5000])


def run(quick: bool) -> Iterator[dict[str, Any]]:
    total = 5_000 if quick else 50_000
    data, keys = temp_dirs("appointments")
    services = build_services(open_database(data, keys, clock=lambda: NOW))
    load_demo(services)
    boss = demo_actor(services, "S001")
    customers = [services.customers.register(
        boss, phone=f"1395710{n:04d}", name=f"压测客户{n}", consent=True).id
        for n in range(200)]
    staff = [c.id for c in services.appointments.consultants(boss)]
    _bulk_history(services, total, customers, staff)

    # Bench days: well inside the booking window, with room for every timed booking.
    days = [date(2026, 12, 1) + timedelta(days=d) for d in range(10)]
    for d in days:
        services.appointments.set_day(boss, d, desks=40)
    slots = [s.starts_at for d in days for s in services.appointments.day_plan(boss, d).slots]
    targets = iter([s for s in slots for _ in range(40)])
    rng = random.Random(3)

    def book() -> None:
        services.appointments.book_signing(boss, customer_id=rng.choice(customers),
                                           starts_at=next(targets))

    def floor() -> None:
        # The cheapest durable write: one audit row (and its outbox entry) committed.
        with services.db.uow(boss) as uow:
            audit.record(uow, "bench.floor")
            uow.commit()

    repeat = 30 if quick else 100
    # Interleaved, so a busy machine slows both sides alike and the ratio stays fair.
    floor_times: list[float] = []
    book_times: list[float] = []
    for _ in range(repeat):
        floor_times += time_ms(floor, 1)
        book_times += time_ms(book, 1)
    floor_ms = median(floor_times)
    yield result("appointments.book_ms", median(book_times), "ms", appointments=total,
                 repeat=repeat, p90=round(sorted(book_times)[int(repeat * 0.9)], 3),
                 floor_ms=round(floor_ms, 3),
                 ratio_to_floor=round(median(book_times) / floor_ms, 2))
    # The name for the same ratio: booking ÷ one fsync'd single-row commit.
    yield result("appointments.book_commit_ratio", median(book_times) / floor_ms, "ratio",
                 target="<= 3", appointments=total, repeat=repeat)

    # An opening day: six desks, every slot taken, desks rostered.
    busy = date(2026, 12, 12)
    services.appointments.set_day(boss, busy, desks=6)
    roster = services.appointments.staff_for_roster(boss)
    for desk in range(1, 7):
        services.appointments.set_roster(boss, busy, desk, roster[desk].id, "09:00", "17:00")
    for slot in services.appointments.day_plan(boss, busy).slots:
        for desk in range(6):  # a consultant accompanies each signing, one desk at a time
            services.appointments.book_signing(boss, customer_id=rng.choice(customers),
                                               starts_at=slot.starts_at,
                                               consultant_id=staff[desk])
    board_times = time_ms(lambda: services.appointments.day_board(boss, busy), repeat)
    yield result("appointments.day_board_ms", median(board_times), "ms", appointments=total,
                 desks=6, booked=48, repeat=repeat, floor_ms=round(floor_ms, 3))
    services.close()
