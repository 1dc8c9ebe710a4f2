"""The supervisor's disclosure audit: per consultant and date range, subscriptions without
complete disclosure, ledger-vs-follow-up mismatches both ways, the pre-opening list of serious
customers with per-item status (rule 6), open escalations; exported as PDF and CSV."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk.domain.roles import Actor, Permission
from salesdesk.pdf.disclosure_report import build_disclosure_report
from salesdesk.services import audit
from salesdesk.services.disclosure.anchor import chain_summaries
from salesdesk.services.disclosure.audit_export import report_data, write_csv
from salesdesk.services.disclosure.audit_figures import (
    consultant_rows,
    incomplete_subscription_rows,
    mismatch_rows,
    period_bounds,
)
from salesdesk.services.disclosure.pre_opening import pre_opening_rows
from salesdesk.services.disclosure.results import (
    ConsultantAuditRow,
    DisclosureAudit,
    MismatchRow,
    PreOpeningRow,
)
from salesdesk.store.database import Database

if TYPE_CHECKING:  # follow-up imports the disclosure helpers: no import cycle at run time
    from salesdesk.services.care import FollowUpService

Progress = Callable[[int, int, str], None]


class DisclosureAuditService:
    def __init__(self, db: Database, follow_up: FollowUpService) -> None:
        self._db = db
        self._follow_up = follow_up

    def consultants(self, actor: Actor, date_from: date, date_to: date) -> list[ConsultantAuditRow]:
        actor.require(Permission.VIEW_AUDIT)
        start, end = period_bounds(date_from, date_to)
        with self._db.reader(actor) as uow:
            return consultant_rows(uow, start, end, date_from, date_to,
                                   mismatch_rows(uow, start, end))

    def mismatches(self, actor: Actor, date_from: date, date_to: date) -> list[MismatchRow]:
        actor.require(Permission.VIEW_AUDIT)
        start, end = period_bounds(date_from, date_to)
        with self._db.reader(actor) as uow:
            return mismatch_rows(uow, start, end)

    def pre_opening(self, actor: Actor, date_from: date, date_to: date) -> list[PreOpeningRow]:
        """Serious customers of the period (a pre-deposit round, a subscription, or more than
        one round) with, per item of today's checklist, whether any round told them."""
        actor.require(Permission.VIEW_AUDIT)
        start, end = period_bounds(date_from, date_to)
        with self._db.reader(actor) as uow:
            return pre_opening_rows(uow, start, end)

    def report(self, actor: Actor, date_from: date, date_to: date,
               progress: Progress | None = None, *,
               include_pre_opening: bool = True) -> DisclosureAudit:
        """The whole audit of a period. The pre-opening list reads every round of each serious
        customer, so screens that only need the figures leave it out."""
        actor.require(Permission.VIEW_AUDIT)
        start, end = period_bounds(date_from, date_to)
        step = progress or (lambda done, total, what: None)
        with self._db.reader(actor) as uow:
            step(0, 4, "回访比对")
            mism = mismatch_rows(uow, start, end)
            step(1, 4, "顾问统计")
            consultants = consultant_rows(uow, start, end, date_from, date_to, mism)
            step(2, 4, "认购")
            subs = incomplete_subscription_rows(uow, date_from, date_to)
            step(3, 4, "开盘前客户清单")
            pre = pre_opening_rows(uow, start, end) if include_pre_opening else []
        escalations = self._follow_up.open_escalations(actor, check_overdue=False)
        chains = chain_summaries(self._db)
        step(4, 4, "完成")
        return DisclosureAudit(date_from, date_to, self._db.now(), tuple(consultants),
                               tuple(subs), tuple(mism), tuple(pre), tuple(escalations),
                               tuple(chains))

    def export(self, actor: Actor, date_from: date, date_to: date, *, pdf: Path | None = None,
               csv_path: Path | None = None, progress: Progress | None = None) -> DisclosureAudit:
        """Write the audit as PDF and/or CSV (UTF-8 with BOM, so Excel opens it in Chinese).
        Every export is logged (PIPL: the report names customers)."""
        actor.require(Permission.EXPORT_REPORTS)
        data = self.report(actor, date_from, date_to, progress)
        if pdf is not None:
            build_disclosure_report(report_data(data), pdf)
        if csv_path is not None:
            write_csv(data, csv_path)
        named = ({s.customer for s in data.incomplete_subscriptions}
                 | {m.customer for m in data.mismatches} | {p.customer for p in data.pre_opening}
                 | {e.customer.label for e in data.open_escalations})
        fmt = "+".join(f for f, path in (("pdf", pdf), ("csv", csv_path)) if path is not None)
        with self._db.uow(actor) as uow:
            audit.log_export(uow, "disclosure_report", fmt, len(named))
            audit.record(uow, "disclosure.export", "report", "",
                         f"{date_from.isoformat()}..{date_to.isoformat()}"
                         f"{' pdf' if pdf else ''}{' csv' if csv_path else ''}")
            uow.commit()
        return data
