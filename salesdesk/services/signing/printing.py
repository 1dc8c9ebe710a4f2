"""The three printed signing documents (checklist, mortgage list, flow sheet) and the batch of
a day's checklists for the signing bookings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk.domain.buyer_profile import PAYMENT_ZH
from salesdesk.domain.errors import NotFound, ValidationError
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.domain.roles import Actor, Permission
from salesdesk.domain.rule_pack import STAGE_ZH
from salesdesk.pdf.mortgage_list import build_mortgage_list
from salesdesk.pdf.signing_checklist import (
    ChecklistLine,
    ChecklistStage,
    FlowLine,
    SigningDocData,
    build_checklist,
)
from salesdesk.pdf.signing_flow import build_signing_flow
from salesdesk.services import audit
from salesdesk.services.hooks import SigningBooking, SigningSchedule
from salesdesk.services.signing.checklist_reads import (
    ChecklistReads,
    customer_name,
    get_checklist_with_context,
    latest_for,
)
from salesdesk.services.signing.results import BatchResult
from salesdesk.store.database import Database
from salesdesk.store.queries import signing as q
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.signing import MaterialChecklist

BOOKING_LOOKAHEAD_DAYS = 14  # how far ahead a printed checklist looks for the signing slot

DOCUMENTS = ("checklist", "mortgage", "flow")
Progress = Callable[[int, int, str], None]


class ChecklistPrinting:
    def __init__(self, db: Database, reads: ChecklistReads,
                 schedule: SigningSchedule | None = None) -> None:
        self._db = db
        self._reads = reads
        self.schedule = schedule  # wired to Appointments in the container

    def print_document(self, actor: Actor, checklist_id: str, out: Path,
                       kind: str = "checklist") -> Path:
        """One of the three documents (checklist, mortgage list, flow sheet) as a PDF file."""
        actor.require(Permission.PRINT_CHECKLIST)
        if kind not in DOCUMENTS:
            raise ValidationError("未知的文档类型", en=f"Unknown document {kind!r}", field="kind")
        data = self.document_data(actor, checklist_id)
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        build = {"mortgage": build_mortgage_list, "flow": build_signing_flow}.get(
            kind, build_checklist)
        path = build(data, out)
        with self._db.uow(actor) as uow:
            audit.log_export(uow, f"signing_{kind}", "pdf", 1, checklist_id)
            uow.commit()
        return path

    def document_data(self, actor: Actor, checklist_id: str) -> SigningDocData:
        """What the documents print, with the signing slot when one is booked."""
        actor.require(Permission.PRINT_CHECKLIST)
        with self._db.reader(actor) as uow:
            checklist, context = get_checklist_with_context(uow, checklist_id)
            customer_id, unit_id = checklist.customer_id, checklist.unit_id
            data = self._doc_data(uow, checklist, None, context)
        # The schedule makes its own reads, outside our transaction: the slot is added after.
        return _with_booking(data, self._booking_for(customer_id, unit_id))

    def print_for_phone(self, actor: Actor, phone: str, out: Path,
                        kind: str = "checklist") -> Path:
        found = self._reads.find_by_phone(actor, phone)
        if not found.checklists:
            raise NotFound("该客户还没有签约资料清单，请先完成购房人情况问答",
                           en="This customer has no checklist yet; do the interview first")
        return self.print_document(actor, found.checklists[0].id, out, kind)

    def print_batch(self, actor: Actor, day: date, out_dir: Path,
                    progress: Progress | None = None) -> BatchResult:
        """Every checklist for the day's signing bookings, one PDF each. ``progress`` may raise
        to cancel (the UI's TaskControl does); files already written stay."""
        actor.require(Permission.PRINT_CHECKLIST)
        if self.schedule is None:
            raise ValidationError("签约预约功能尚未接入，无法按日期批量打印",
                                  en="Signing bookings are not available, so there is no "
                                  "day to print")
        bookings = sorted(self.schedule.signings_on(day), key=lambda b: (b.starts_at, b.desk_label))
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        files: list[Path] = []
        skipped: list[str] = []
        total = len(bookings)
        if progress:
            progress(0, total, "")
        try:
            with self._db.reader(actor) as uow:
                for n, b in enumerate(bookings, start=1):
                    checklist = latest_for(uow, b.customer_id, b.unit_id)
                    slot = b.starts_at.astimezone(PROJECT_TZ).strftime("%H%M")
                    if checklist is None:
                        c = q.customer_row(uow, b.customer_id)
                        skipped.append(f"{slot} {b.desk_label} {customer_name(c) if c else '?'}")
                        label = skipped[-1]
                    else:
                        data = self._doc_data(uow, checklist, b)
                        name = f"{day:%Y%m%d}-{slot}-{_safe(data.unit_label.split('（')[0])}-" \
                               f"{checklist.id[:8]}.pdf"
                        files.append(build_checklist(data, out_dir / name))
                        label = f"{slot} {data.unit_label.split('（')[0]}"
                    if progress:
                        progress(n, total, label)
        finally:
            # Also when cancelled: the files already written have left the application.
            if files:
                with self._db.uow(actor) as uow:
                    audit.log_export(uow, "signing_checklist_batch", "pdf", len(files))
                    uow.commit()
        return BatchResult(day, total, tuple(files), tuple(skipped))

    def _booking_for(self, customer_id: str, unit_id: str | None) -> SigningBooking | None:
        if self.schedule is None:
            return None
        today = self._db.now().astimezone(PROJECT_TZ).date()
        return self.schedule.next_signing_for(customer_id, unit_id, today,
                                              BOOKING_LOOKAHEAD_DAYS)

    def _doc_data(self, uow: UnitOfWork, checklist: MaterialChecklist,
                  booking: SigningBooking | None,
                  context: q.ChecklistContext | None = None) -> SigningDocData:
        if context is None:
            context = q.checklist_context(uow, checklist)
        view = self._reads.view(uow, checklist, escalations=False, context=context)
        project = q.first_project(uow)
        unit = context.unit if checklist.unit_id else None
        total = f"¥{unit.total_price:,}" if unit else ""
        stages = tuple(
            ChecklistStage(f"{STAGE_ZH[s]}阶段", tuple(
                ChecklistLine(i.name, i.form, i.note,
                              f"{_local(i.received_at):%m-%d} {i.received_by}".strip()
                              if i.received_at else "")
                for i in items))
            for s, items in view.by_stage())
        return _with_booking(SigningDocData(
            record_id=checklist.id,
            project_name=project.name if project else "",
            developer=project.developer if project else "",
            customer_name=view.customer_name, customer_phone=view.customer_phone,
            unit_label=view.unit_label, signing_slot="", desk="",
            consultant_name=view.consultant_name, consultant_phone=view.consultant_phone,
            profile_summary=view.profile.summary_zh(), pack_label=view.pack_label,
            printed_at=_local(self._db.now()).strftime("%Y-%m-%d %H:%M"),
            stages=stages, warnings=view.warnings,
            flow=tuple(FlowLine(f.title, f.detail) for f in view.flow),
            notes=checklist.notes, payment=PAYMENT_ZH[view.profile.payment],
            total_price=total), booking)


def _with_booking(data: SigningDocData, booking: SigningBooking | None) -> SigningDocData:
    """``data`` with the booking's slot and desk (none: both blank)."""
    if booking is None:
        return data
    return replace(data, signing_slot=_local(booking.starts_at).strftime("%Y-%m-%d %H:%M"),
                   desk=booking.desk_label)


def _local(at: datetime) -> datetime:
    return at.astimezone(PROJECT_TZ)


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text) or "unit"
