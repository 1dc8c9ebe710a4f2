"""Building materials checklists: the buyer-profile interview, the per customer and unit
checklist built from the project's rule pack, and ticking items off as they arrive."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from salesdesk.domain.buyer_profile import BuyerProfile, profile_from_dict
from salesdesk.domain.errors import NotFound, ValidationError
from salesdesk.domain.roles import Actor, Permission
from salesdesk.domain.rule_pack import Evaluation, evaluate
from salesdesk.services import audit
from salesdesk.services.signing.checklist_reads import ChecklistReads, get_checklist, get_customer
from salesdesk.services.signing.results import ChecklistView
from salesdesk.services.signing.rule_packs import RulePacks, canonical, default_pack
from salesdesk.services.signing.unit_sale import require_signable
from salesdesk.store.database import Database
from salesdesk.store.queries import signing as q
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.signing import MaterialChecklist, RulePackVersion


class ChecklistBuilding:
    def __init__(self, db: Database, packs: RulePacks, reads: ChecklistReads) -> None:
        self._db = db
        self._packs = packs
        self._reads = reads

    def preview(self, actor: Actor, answers: dict[str, Any]) -> Evaluation:
        """What the answers would give, without saving (the interview shows it live)."""
        actor.require(Permission.PRINT_CHECKLIST)
        profile = profile_from_dict(answers)
        with self._db.reader(actor) as uow:
            try:
                row = self._packs.current(uow)
                pack = self._packs.parsed(row)
            except NotFound:
                pack = default_pack()
        return evaluate(pack, profile)

    def save_interview(self, actor: Actor, customer_id: str, answers: dict[str, Any],
                       unit_id: str | None = None) -> ChecklistView:
        """Save the buyer profile and build (or refresh) the checklist for this unit."""
        actor.require(Permission.PRINT_CHECKLIST)
        profile = profile_from_dict(answers)  # before any write: bad input changes nothing
        with self._db.uow(actor) as uow:
            customer = get_customer(uow, customer_id)
            if unit_id is not None:
                # Rule 13: materials for signing a unit only for its subscriber, inside a permit.
                require_signable(uow, customer.id, unit_id)
            self._packs.ensure_default(uow)
            record = q.buyer_profile(uow, customer.id)
            answers_json = canonical(profile.to_dict())
            if record is None:
                q.add_buyer_profile(uow, customer_id=customer.id, answers=answers_json)
            elif record.answers != answers_json:
                record.answers = answers_json
            checklist = q.checklist_for_unit(uow, customer.id, unit_id)
            if checklist is None:
                checklist = q.add_checklist(uow, customer_id=customer.id, unit_id=unit_id,
                                            rule_pack_version_id="", profile_answers="",
                                            consultant_staff_id=actor.staff_id)
                uow.flush()
            pack_row = self._packs.current(uow)
            self._rebuild(uow, checklist, pack_row, profile)
            audit.record(uow, "signing.interview", "material_checklist", checklist.id,
                         f"rule pack {pack_row.pack_id} {pack_row.version}")
            uow.flush()
            view = self._reads.view(uow, checklist)
            uow.commit()
            return view

    def refresh(self, actor: Actor, checklist_id: str) -> ChecklistView:
        """Rebuild with the customer's current answers and the newest applicable pack.
        Items already received stay received."""
        actor.require(Permission.PRINT_CHECKLIST)
        with self._db.uow(actor) as uow:
            checklist = get_checklist(uow, checklist_id)
            record = q.buyer_profile(uow, checklist.customer_id)
            profile = profile_from_dict(json.loads(
                record.answers if record else checklist.profile_answers))
            self._packs.ensure_default(uow)
            self._rebuild(uow, checklist, self._packs.current(uow), profile)
            uow.flush()
            view = self._reads.view(uow, checklist)
            uow.commit()
            return view

    def _rebuild(self, uow: UnitOfWork, checklist: MaterialChecklist,
                 pack_row: RulePackVersion, profile: BuyerProfile) -> None:
        ev = evaluate(self._packs.parsed(pack_row), profile)
        answers = canonical(profile.to_dict())
        warnings = json.dumps([w.warning for w in ev.warnings], ensure_ascii=False)
        if checklist.rule_pack_version_id != pack_row.id:
            checklist.rule_pack_version_id = pack_row.id
        if checklist.profile_answers != answers:
            checklist.profile_answers = answers
        if checklist.warnings != warnings:
            checklist.warnings = warnings
        existing = {i.code: i for i in q.checklist_items(uow, checklist.id)}
        for position, m in enumerate(ev.materials):
            item = existing.pop(m.code, None)
            if item is None:
                q.add_checklist_item(uow, checklist_id=checklist.id, code=m.code, name=m.name,
                                     stage=m.stage.value, original=m.original,
                                     copies=m.copies, note=m.note, position=position)
                continue
            # Only touch what changed, so an unchanged item writes no outbox entry.
            for attr, value in (("name", m.name), ("stage", m.stage.value),
                                ("original", m.original), ("copies", m.copies),
                                ("note", m.note), ("position", position)):
                if getattr(item, attr) != value:
                    setattr(item, attr, value)
        for gone in existing.values():
            gone.deleted = True  # no longer needed for this profile: tombstone, receipt kept

    def tick(self, actor: Actor, item_id: str, received: bool = True) -> ChecklistView:
        """Mark an item as arrived (who, when) or take the mark back."""
        actor.require(Permission.PRINT_CHECKLIST)
        with self._db.uow(actor) as uow:
            item = q.checklist_item(uow, item_id)
            if item is None or item.deleted:
                raise NotFound("清单上没有这项资料", en="No such checklist item")
            if received and item.received_at is None:
                item.received_at = self._db.now()
                item.received_by_staff = actor.staff_id
                audit.record(uow, "signing.item_received", "checklist_item", item.id, item.code)
            elif not received and item.received_at is not None:
                item.received_at = None
                item.received_by_staff = None
                audit.record(uow, "signing.item_unticked", "checklist_item", item.id, item.code)
            uow.flush()
            view = self._reads.view(uow, get_checklist(uow, item.checklist_id))
            uow.commit()
            return view

    def set_notes(self, actor: Actor, checklist_id: str, notes: str) -> ChecklistView:
        actor.require(Permission.PRINT_CHECKLIST)
        if len(notes) > 500:
            raise ValidationError("备注不能超过 500 字", en="Notes are limited to 500 characters",
                                  field="notes")
        with self._db.uow(actor) as uow:
            checklist = get_checklist(uow, checklist_id)
            if checklist.notes != notes.strip():
                checklist.notes = notes.strip()
            uow.flush()
            view = self._reads.view(uow, checklist)
            uow.commit()
            return view
