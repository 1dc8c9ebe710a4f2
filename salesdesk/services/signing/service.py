"""The signing-materials desk as the container, the UI and the command line see it: one object
over rule packs, checklist building and reading, and the printed documents."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from salesdesk.domain.roles import Actor
from salesdesk.domain.rule_pack import Evaluation
from salesdesk.pdf.signing_checklist import SigningDocData
from salesdesk.services.hooks import SigningSchedule
from salesdesk.services.signing.checklist_reads import ChecklistReads
from salesdesk.services.signing.checklists import ChecklistBuilding
from salesdesk.services.signing.printing import ChecklistPrinting, Progress
from salesdesk.services.signing.results import (
    BatchResult,
    ChecklistSummary,
    ChecklistView,
    CustomerChecklists,
    RulePackInfo,
)
from salesdesk.services.signing.rule_packs import RulePacks
from salesdesk.store.database import Database


class SigningMaterialsService:
    def __init__(self, db: Database, schedule: SigningSchedule | None = None) -> None:
        self._packs = RulePacks(db)
        self._reads = ChecklistReads(db, self._packs)
        self._building = ChecklistBuilding(db, self._packs, self._reads)
        self._printing = ChecklistPrinting(db, self._reads, schedule)

    @property
    def schedule(self) -> SigningSchedule | None:
        """Appointments' signing bookings (wired in the container; tests swap it)."""
        return self._printing.schedule

    @schedule.setter
    def schedule(self, value: SigningSchedule | None) -> None:
        self._printing.schedule = value

    # ---- rule packs ------------------------------------------------------------------------

    def import_rule_pack(self, actor: Actor, path: Path) -> RulePackInfo:
        """Import a head-office pack. A new version is added; older versions stay untouched."""
        return self._packs.import_file(actor, path)

    def import_rule_pack_data(self, actor: Actor, data: Any) -> RulePackInfo:
        return self._packs.import_data(actor, data)

    def rule_packs(self, actor: Actor) -> list[RulePackInfo]:
        return self._packs.listed(actor)

    # ---- interview and checklist -----------------------------------------------------------

    def preview(self, actor: Actor, answers: dict[str, Any]) -> Evaluation:
        """What the answers would give, without saving (the interview shows it live)."""
        return self._building.preview(actor, answers)

    def save_interview(self, actor: Actor, customer_id: str, answers: dict[str, Any],
                       unit_id: str | None = None) -> ChecklistView:
        """Save the buyer profile and build (or refresh) the checklist for this unit."""
        return self._building.save_interview(actor, customer_id, answers, unit_id)

    def refresh(self, actor: Actor, checklist_id: str) -> ChecklistView:
        """Rebuild with the customer's current answers and the newest applicable pack.
        Items already received stay received."""
        return self._building.refresh(actor, checklist_id)

    def tick(self, actor: Actor, item_id: str, received: bool = True) -> ChecklistView:
        """Mark an item as arrived (who, when) or take the mark back."""
        return self._building.tick(actor, item_id, received)

    def set_notes(self, actor: Actor, checklist_id: str, notes: str) -> ChecklistView:
        return self._building.set_notes(actor, checklist_id, notes)

    # ---- reads -----------------------------------------------------------------------------

    def checklist(self, actor: Actor, checklist_id: str) -> ChecklistView:
        return self._reads.checklist(actor, checklist_id)

    def for_customer(self, actor: Actor, customer_id: str) -> CustomerChecklists:
        return self._reads.for_customer(actor, customer_id)

    def recent(self, actor: Actor, limit: int = 30) -> list[ChecklistSummary]:
        """The checklists worked on last, so the desk can reopen one without typing a number."""
        return self._reads.recent(actor, limit)

    def find_by_phone(self, actor: Actor, phone: str) -> CustomerChecklists:
        return self._reads.find_by_phone(actor, phone)

    def materials_to_bring(self, customer_id: str, unit_id: str | None) -> list[str]:
        """MaterialsSource for the reminders: the items not yet received, one line each."""
        return self._reads.materials_to_bring(customer_id, unit_id)

    # ---- documents -------------------------------------------------------------------------

    def print_document(self, actor: Actor, checklist_id: str, out: Path,
                       kind: str = "checklist") -> Path:
        """One of the three documents (checklist, mortgage list, flow sheet) as a PDF file."""
        return self._printing.print_document(actor, checklist_id, out, kind)

    def document_data(self, actor: Actor, checklist_id: str) -> SigningDocData:
        """What the documents print, with the signing slot when one is booked."""
        return self._printing.document_data(actor, checklist_id)

    def print_for_phone(self, actor: Actor, phone: str, out: Path,
                        kind: str = "checklist") -> Path:
        return self._printing.print_for_phone(actor, phone, out, kind)

    def print_batch(self, actor: Actor, day: date, out_dir: Path,
                    progress: Progress | None = None) -> BatchResult:
        """Every checklist for the day's signing bookings, one PDF each. ``progress`` may raise
        to cancel (the UI's TaskControl does); files already written stay."""
        return self._printing.print_batch(actor, day, out_dir, progress)
