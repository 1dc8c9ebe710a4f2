"""Signing-material PDFs: one checklist against a bare reportlab floor, and a batch of 200.

- ``signing.checklist_pdf_ms``: median time for the service to write one checklist PDF
  (database reads, QR code, tables, embedded font subset).
- ``signing.bare_pdf_ms``: a bare reportlab document (SimpleDocTemplate, one Paragraph per
  string, same font and the same CJK wrapping as every document (``salesdesk.pdf.linebreak``,
  plain text without the markup parser, as the documents do), no tables, tick boxes, QR code or
  page furniture) with the same text — the floor a laid-out checklist is compared with. The
  floor uses the documents' own wrapping so that a faster wrapper makes the floor faster too.
- ``signing.pdf_ratio``: the two medians' ratio (target ≤ 1.5).
- ``signing.batch200_s``: tomorrow's batch of 200 signing bookings, each with a checklist."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from common import median, result, temp_dirs, time_ms
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate

from salesdesk.demo import demo_actor, load_demo
from salesdesk.domain.disclosure import RoundKind
from salesdesk.domain.project import UnitStatus
from salesdesk.pdf.fonts import register_cjk_font
from salesdesk.pdf.linebreak import para
from salesdesk.pdf.signing_checklist import HEADER_LABELS, TABLE_HEAD, TIPS, SigningDocData
from salesdesk.services.container import build_services
from salesdesk.services.hooks import SigningBooking, first_signing_by_day
from salesdesk.store.database import open_database

ANSWERS = {"household": "non_local", "marital": "married", "region": "mainland",
           "payment": "combined", "signing": "proxy", "age_band": "over_60", "homes_owned": 1,
           "co_owners": ["spouse", "minor_child"]}


class BenchSchedule:
    def __init__(self) -> None:
        self.bookings: list[SigningBooking] = []

    def signings_on(self, day: date) -> list[SigningBooking]:
        return [b for b in self.bookings if (b.starts_at + timedelta(hours=8)).date() == day]

    def next_signing_for(self, customer_id: str, unit_id: str | None, first_day: date,
                         days: int) -> SigningBooking | None:
        return first_signing_by_day(self, customer_id, unit_id, first_day, days)


def subscribe(services: Any, actor: Any, customer_id: str, unit_id: str) -> None:
    """Rule 13: signing papers only for a unit the customer subscribed, after the pre-deposit
    disclosure round."""
    checklist = services.disclosure.checklist(actor, customer_id, unit_id)
    services.disclosure.record_round(
        actor, customer_id=customer_id, unit_id=unit_id, kind=RoundKind.PRE_DEPOSIT,
        ticks={i.code: services.db.now() for i in checklist.items}, paper_form=True)
    unit = next(u for u in services.projects.units(actor) if u.id == unit_id)
    services.subscriptions.subscribe(actor, customer_id=customer_id, unit_id=unit_id,
                                     price=unit.total_price, deposit=50_000)


def doc_strings(d: SigningDocData) -> list[str]:
    """Every string the checklist prints (labels, headings, tips included)."""
    lines = ["签约资料清单", f"{d.project_name}　·　请按清单准备资料，签约当日带齐原件及复印件",
             *HEADER_LABELS, "购房资格预检（仅供参考，以住建部门及银行审核结果为准）",
             "温馨提示", *TIPS, f"{d.project_name} · 签约资料清单", d.project_name, d.customer_name, d.customer_phone, d.unit_label,
             d.signing_slot, d.desk, d.consultant_name, d.consultant_phone, d.pack_label,
             d.printed_at, d.profile_summary, d.record_id, *d.warnings]
    for stage in d.stages:
        lines += [f"{stage.title}资料（{len(stage.lines)} 项）", *TABLE_HEAD]
        for line in stage.lines:
            lines += [line.name, line.form, line.note, line.received]
    return [t for t in lines if t]


BARE_STYLE: ParagraphStyle | None = None


def bare_pdf(strings: list[str], out: Path) -> None:
    global BARE_STYLE
    if BARE_STYLE is None:  # made once, as the documents' styles are
        BARE_STYLE = ParagraphStyle("bare", fontName=register_cjk_font(), fontSize=9,
                                    leading=12, wordWrap="CJK")
    SimpleDocTemplate(str(out), pagesize=A4).build([para(t, BARE_STYLE) for t in strings])


def run(quick: bool) -> Iterator[dict[str, Any]]:
    data, keys = temp_dirs("signing")
    services = build_services(open_database(data, keys))
    try:
        load_demo(services)
        actor = demo_actor(services, "C102")
        units = [u.id for u in services.projects.units(actor)
                 if u.sellable and u.status == UnitStatus.AVAILABLE]
        out = Path(tempfile.mkdtemp(prefix="salesdesk-bench-signing-out-"))
        c = services.customers.register(actor, phone="13600000000", name="基准客户",
                                        consent=True, owner_staff_id=actor.staff_id)
        subscribe(services, actor, c.id, units[0])
        view = services.signing.save_interview(actor, c.id, ANSWERS, units[0])
        for item in view.items[:3]:
            services.signing.tick(actor, item.id)
        repeat = 15 if quick else 40
        services.signing.print_document(actor, view.id, out / "warm.pdf")  # font, caches
        strings = doc_strings(services.signing.document_data(actor, view.id))
        bare_pdf(strings, out / "warm-bare.pdf")
        # Interleaved, so a busy machine slows both sides alike and the ratio stays fair.
        checklist: list[float] = []
        bare: list[float] = []
        for _ in range(repeat):
            checklist += time_ms(lambda: services.signing.print_document(
                actor, view.id, out / "c.pdf"), 1)
            bare += time_ms(lambda: bare_pdf(strings, out / "b.pdf"), 1)
        yield result("signing.checklist_pdf_ms", median(checklist), "ms", repeat=repeat,
                     target=100)
        yield result("signing.bare_pdf_ms", median(bare), "ms", repeat=repeat,
                     strings=len(strings))
        yield result("signing.pdf_ratio", median(checklist) / median(bare), "x", target=1.5)

        # One unit, one sale: each booking needs a unit of its own (the demo has fewer than
        # 200 for sale, so the full batch is scaled from as many as there are).
        n = min(50 if quick else 200, len(units) - 1)
        schedule = BenchSchedule()
        services.signing.schedule = schedule
        tomorrow = (services.db.now() + timedelta(hours=8) + timedelta(days=1)).date()
        for k in range(n):
            cust = services.customers.register(actor, phone=f"136{k + 1:08d}",
                                               name=f"客户{k:03d}", consent=True)
            subscribe(services, actor, cust.id, units[k + 1])
            services.signing.save_interview(actor, cust.id, ANSWERS, units[k + 1])
            starts = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 1, tzinfo=UTC) \
                + timedelta(minutes=15 * (k % 32))
            schedule.bookings.append(SigningBooking(f"b{k}", cust.id, units[k + 1],
                                                    None, starts, f"{k % 6 + 1} 号签约台",
                                                    "booked"))
        t0 = time.perf_counter()
        batch = services.signing.print_batch(actor, tomorrow, out / "batch")
        seconds = time.perf_counter() - t0
        assert len(batch.files) == n
        yield result("signing.batch200_s", seconds * 200 / n, "s", measured_n=n, target=15)
    finally:
        services.close()
