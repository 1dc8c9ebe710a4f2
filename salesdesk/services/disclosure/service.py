"""The disclosure facade the UI and the container use: the checklist for a customer and a unit,
recording a round, the feedback form and the courtesy message. Each call is one unit of work."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk.domain.disclosure import RoundKind
from salesdesk.domain.errors import Conflict, NotFound
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.services.disclosure import rounds
from salesdesk.services.disclosure.checklist import (
    courtesy_text,
    current_checklist,
    customer_owner,
    customer_ref,
    get_unit,
)
from salesdesk.services.disclosure.results import (
    ChecklistView,
    CustomerOwner,
    RoundRecord,
    RoundSummary,
)
from salesdesk.services.project import ProjectService
from salesdesk.store.database import Database
from salesdesk.store.queries import common
from salesdesk.store.queries import disclosure as queries

if TYPE_CHECKING:  # reportlab loads only when a form is printed
    from salesdesk.pdf.feedback_form import FeedbackFormData


class DisclosureService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def checklist(self, actor: Actor, customer_id: str, unit_id: str) -> ChecklistView:
        """Every item this customer must be told about this unit, with the rounds so far."""
        actor.require(Permission.RECORD_DISCLOSURE)
        with self._db.reader(actor) as uow:
            customer = customer_ref(uow, customer_id)
            unit = get_unit(uow, unit_id)
            cl = current_checklist(uow, unit)
            building = queries.building(uow, unit.building_id)
            names = common.staff_names(uow)
            summaries = rounds.round_summaries(uow, customer_id, unit_id, names)
            return ChecklistView(customer, unit.id, unit.number,
                                 building.name if building else "?", cl.sellable, cl.items,
                                 cl.problems, cl.hash, tuple(summaries),
                                 customer_owner(uow, customer_id, names))

    def owner(self, actor: Actor, customer_id: str) -> CustomerOwner:
        """Whose customer this is, before a unit is picked (the checklist carries it too)."""
        actor.require(Permission.RECORD_DISCLOSURE)
        with self._db.reader(actor) as uow:
            return customer_owner(uow, customer_id)

    def record_round(
        self,
        actor: Actor,
        *,
        customer_id: str,
        unit_id: str,
        kind: RoundKind,
        ticks: dict[str, datetime],
        started_at: datetime | None = None,
        signature_png: bytes | None = None,
        paper_form: bool = False,
        expected_checklist_hash: str | None = None,
        supersedes_id: str = "",
        reason: str = "",
    ) -> RoundRecord:
        """Append one round to the ledger. Items not in ``ticks`` stay visibly uncovered (a
        customer who said "知道了"). Needs the customer's acknowledgement: a signature drawn
        on screen and/or the signed paper form collected. A correction names the record it
        supersedes and why; the old record stays as it was."""
        actor.require(Permission.RECORD_DISCLOSURE)
        reason = reason.strip()
        kind = rounds.check_round(kind, reason, signature_png, paper_form, supersedes_id)
        now = self._db.now()
        started = started_at or now
        if started > now:
            started = now
        with self._db.uow(actor) as uow:
            out = rounds.record_round(
                uow, actor, customer_id=customer_id, unit_id=unit_id, kind=kind, ticks=ticks,
                started=started, now=now, signature_png=signature_png, paper_form=paper_form,
                expected_checklist_hash=expected_checklist_hash, supersedes_id=supersedes_id,
                reason=reason)
            uow.commit()
            return out

    def record(self, actor: Actor, record_id: str) -> RoundRecord:
        actor.require(Permission.RECORD_DISCLOSURE)
        with self._db.reader(actor) as uow:
            rec = queries.record(uow, record_id)
            if rec is None:
                raise NotFound("没有这条告知记录", en="No such disclosure record")
            return rounds.round_record(uow, rec)

    def feedback_form_data(self, actor: Actor, record_id: str) -> FeedbackFormData:
        actor.require(Permission.PRINT_CHECKLIST)
        r = self.record(actor, record_id)
        with self._db.reader(actor) as uow:
            pname = ProjectService.current_project(uow).name
        return rounds.feedback_form_data(r, pname, self._db.now())

    def print_feedback_form(self, actor: Actor, record_id: str, out: Path) -> Path:
        """The 现场反馈单 of one record as PDF (every item, tick and time, hash and QR)."""
        from salesdesk.pdf.feedback_form import build_feedback_form

        data = self.feedback_form_data(actor, record_id)
        path = build_feedback_form(data, out)
        with self._db.uow(actor) as uow:
            audit.log_export(uow, "feedback_form", "pdf", 1, record_id)
            audit.record(uow, "disclosure.print_form", "disclosure_record", record_id)
            uow.commit()
        return path

    def print_blank_form(self, actor: Actor, customer_id: str, unit_id: str,
                         out: Path) -> Path:
        """The 现场反馈单 as a draft before any round is saved: the current checklist with every
        box blank, the customer (salutation and masked phone) and the unit on every page."""
        from salesdesk.pdf.feedback_form import build_feedback_form

        actor.require(Permission.PRINT_CHECKLIST)
        with self._db.reader(actor) as uow:
            customer = customer_ref(uow, customer_id)
            unit = get_unit(uow, unit_id)
            cl = current_checklist(uow, unit)
            pname = ProjectService.current_project(uow).name
            me = common.staff_row(uow, actor.staff_id)
            consultant = me.name if me else actor.name
            number = unit.number
        data = rounds.blank_form_data(customer, number, cl.items, pname, consultant,
                                      self._db.now())
        path = build_feedback_form(data, out)
        with self._db.uow(actor) as uow:
            audit.log_export(uow, "feedback_form_draft", "pdf", 1, customer_id)
            uow.commit()
        return path

    def record_paper_collected(self, actor: Actor, record_id: str) -> RoundSummary:
        """The customer signed the paper form after the round was saved. The ledger row is
        hashed and never changes, so the collection is an audit event beside it, shown in the
        round history."""
        actor.require(Permission.RECORD_DISCLOSURE)
        with self._db.uow(actor) as uow:
            rec = queries.record(uow, record_id)
            if rec is None:
                raise NotFound("没有这条告知记录：请先保存告知记录", en="No such disclosure "
                               "record: save the round first")
            if rec.paper_form or queries.paper_collected_ids(uow, rounds.PAPER_COLLECTED,
                                                             [record_id]):
                raise Conflict("这条告知记录的纸质反馈单已登记收回",
                               en="The paper form of this round is already recorded as "
                               "collected")
            customer_id, unit_id = rec.customer_id, rec.unit_id
            audit.record(uow, rounds.PAPER_COLLECTED, "disclosure_record", record_id)
            uow.commit()
        with self._db.reader(actor) as uow:
            summaries = rounds.round_summaries(uow, customer_id, unit_id,
                                               common.staff_names(uow))
        return next(s for s in summaries if s.id == record_id)

    def courtesy_message(self, actor: Actor, customer_id: str, unit_id: str) -> str:
        """The text of the courtesy message after a visit (seed strategy 2, step 3)."""
        actor.require(Permission.RECORD_DISCLOSURE)
        with self._db.reader(actor) as uow:
            c = customer_ref(uow, customer_id)
            unit = get_unit(uow, unit_id)
            cl = current_checklist(uow, unit)
            project = queries.project(uow, unit.project_id)
            me = common.staff_row(uow, actor.staff_id)
            pname = project.name if project else ""
            contact = f"{me.name} {me.phone}".strip() if me else ""
            number = unit.number
        return courtesy_text(c, pname, number, contact, cl)

    def recent_customers_units(self, actor: Actor, limit: int = 30) -> list[tuple[str, str]]:
        """(customer id, unit id) pairs this consultant recorded most recently."""
        actor.require(Permission.RECORD_DISCLOSURE)
        with self._db.reader(actor) as uow:
            rows = queries.recent_pairs(uow, actor.staff_id, limit * 3)
        return list(dict.fromkeys(rows))[:limit]
