"""Satisfaction score cards from the kiosk, the escalation a low score opens, and the
supervisor's figures (per item, per consultant, per month, against the target)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk.domain.care.plan import CareEvent, CareEventKind
from salesdesk.domain.care.satisfaction import (
    ITEM_SHORT_ZH,
    OCCASION_LABELS_ZH,
    CardFact,
    Occasion,
    SatisfactionItem,
    TaskFact,
    on_time_figures,
    satisfaction_figures,
    score_card,
)
from salesdesk.domain.care.templates import customer_label
from salesdesk.domain.errors import NotFound, ValidationError
from salesdesk.domain.local_time import local_day
from salesdesk.domain.phone import mask_phone
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.services.care.results import (
    CardReceipt,
    KioskCustomer,
    LowCard,
    SatisfactionReport,
)
from salesdesk.services.care.service import CareService
from salesdesk.services.care.support import load_plan
from salesdesk.services.hooks import EscalationOpener
from salesdesk.store.database import Database
from salesdesk.store.queries import care as q
from salesdesk.store.queries.common import staff_names

if TYPE_CHECKING:  # the PDF module loads lazily (start-up time)
    from salesdesk.pdf.satisfaction_report import SatisfactionReportData


class SatisfactionService:
    def __init__(self, db: Database, care: CareService, *,
                 opener: EscalationOpener | None = None) -> None:
        self._db = db
        self._care = care
        # The disclosure capability's escalation tasks are wired in here at merge time.
        self.opener = opener

    def find_for_card(self, actor: Actor, last4: str) -> list[KioskCustomer]:
        """Staff pick the customer before handing the kiosk over (last four digits)."""
        actor.require(Permission.SUBMIT_SCORE_CARD)
        if len(last4) != 4 or not last4.isdigit():
            raise ValidationError("请输入手机号后四位", en="Enter the last four digits",
                                  field="phone")
        with self._db.reader(actor) as uow:
            phones = q.phones_ending(uow, last4, limit=20)
            out: dict[str, KioskCustomer] = {}
            for p in phones:
                c = q.customer_row(uow, p.customer_id)
                if c is None or c.deleted or c.id in out:
                    continue
                prof = q.profile_of(uow, c.id)
                out[c.id] = KioskCustomer(c.id, customer_label(c),
                                          prof.unit_label if prof else "",
                                          mask_phone(q.phone_number(uow, p)))
            return list(out.values())

    def submit_card(self, actor: Actor, customer_id: str, scores: dict[str, int],
                    occasion: Occasion = Occasion.SIGNING,
                    scored_on: date | None = None) -> CardReceipt:
        """Store the customer's card. Any item below 4 opens the escalation chain and the
        plan's low-score follow-up for the consultant who received them. ``scored_on`` is for
        paper cards from a busy opening day keyed in afterwards."""
        actor.require(Permission.SUBMIT_SCORE_CARD)
        result = score_card(scores)  # a 0 or a 6 is refused before anything is written
        occasion = Occasion(occasion)
        today = local_day(self._db.now())
        if scored_on is not None and not today - timedelta(days=366) <= scored_on <= today:
            raise ValidationError("评分日期须在过去一年内", en="The card's date must be within "
                                  "the past year", field="scored_on")
        with self._db.uow(actor) as uow:
            customer = q.customer_row(uow, customer_id)
            if customer is None or customer.deleted:
                raise NotFound("没有这个客户", en="No such customer")
            card = q.add_score_card(
                uow, customer_id=customer_id, consultant_id=customer.owner_staff_id,
                occasion=occasion.value,
                scores=json.dumps({k.value: v for k, v in result.scores.items()}),
                score100=result.score100, low=result.needs_escalation,
                scored_on=scored_on or today)
            uow.flush()
            if result.needs_escalation:
                low = "、".join(ITEM_SHORT_ZH[i] for i in result.low_items)
                ids = self._care.add_event(uow, CareEvent(
                    CareEventKind.LOW_SCORE, customer_id, scored_on or today, ref=card.id,
                    note=f"低分项：{low}"))
                if self.opener is not None:
                    card.escalation_id = self.opener.open_escalation(
                        uow, customer_id=customer_id, consultant_id=customer.owner_staff_id,
                        reason=f"满意度评分低于4分：{low}", source="score_card",
                        source_id=card.id)
                    for tid in ids:
                        task = q.task_row(uow, tid)
                        if task is not None:
                            task.escalation_id = card.escalation_id
            audit.record(uow, "care.score_card", "score_card", card.id,
                         f"{occasion.value} score={result.score100} low={len(result.low_items)}")
            receipt = CardReceipt(card.id, result.score100, result.needs_escalation)
            uow.commit()
        return receipt

    def report(self, actor: Actor, start: date | None = None,
               end: date | None = None) -> SatisfactionReport:
        actor.require(Permission.VIEW_SATISFACTION)
        with self._db.reader(actor) as uow:
            today = local_day(self._db.now())
            start = start or date(today.year - 1, today.month, 1)
            end = end or today
            if start > end:
                raise ValidationError("开始日期晚于结束日期", en="Start is after end",
                                      field="start")
            names = staff_names(uow)
            target = load_plan(uow).target_score
            rows = q.score_cards_between(uow, start, end)
            facts = []
            low_cards = []
            for r in rows:
                scores = {SatisfactionItem(k): int(v) for k, v in json.loads(r.scores).items()}
                facts.append(CardFact(r.consultant_id, r.scored_on, scores))
                if r.low:
                    c = q.customer_row(uow, r.customer_id)
                    low_cards.append(LowCard(
                        r.id, customer_label(c), names.get(r.consultant_id or "", "（未分配）"),
                        r.scored_on, r.score100,
                        tuple(k for k, v in scores.items() if v < 4),
                        r.escalation_id, r.consultant_id or ""))
            tasks = q.tasks_due_between(uow, start, end)
            on_time = on_time_figures(
                (TaskFact(t.owner_staff_id, t.due_on, t.done_on) for t in tasks), today, names)
            return SatisfactionReport(q.project_name(uow), start, end,
                                      satisfaction_figures(facts, target, names),
                                      tuple(on_time), tuple(reversed(low_cards)))

    def export_pdf(self, actor: Actor, path: Path, start: date | None = None,
                   end: date | None = None) -> Path:
        actor.require(Permission.EXPORT_REPORTS)
        report = self.report(actor, start, end)
        from salesdesk.pdf.satisfaction_report import render_satisfaction_report

        render_satisfaction_report(report_data(report), path)
        with self._db.uow(actor) as uow:
            audit.log_export(uow, "satisfaction_report", "pdf", len(report.low_cards))
            audit.record(uow, "care.report_pdf", "score_card", "",
                         f"{report.start}..{report.end}")
            uow.commit()
        return path


def report_data(report: SatisfactionReport) -> SatisfactionReportData:
    from salesdesk.pdf.satisfaction_report import LowRow, SatisfactionReportData

    return SatisfactionReportData(
        project=report.project, start=report.start, end=report.end, figures=report.figures,
        on_time=report.on_time,
        low_rows=tuple(LowRow(c.customer, c.consultant, c.scored_on, c.score100,
                              "、".join(ITEM_SHORT_ZH[i] for i in c.low_items),
                              bool(c.escalation_id))
                       for c in report.low_cards),
        occasions={k.value: v for k, v in OCCASION_LABELS_ZH.items()})

