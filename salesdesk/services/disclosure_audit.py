"""The supervisor's disclosure audit: per consultant and date range, subscriptions without
complete disclosure, ledger-vs-follow-up mismatches both ways, the pre-opening list of serious
customers with per-item status (rule 6), open escalations; exported as PDF and CSV.

Sized for millions of records: the per-consultant figures are one indexed range scan over the
records of the period; the rest touches only the period's calls and subscriptions."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import bindparam, select, text

from salesdesk.domain.disclosure import (
    FOLLOW_UP_TOPICS,
    ChecklistItem,
    ItemKind,
    decode_coverage,
    mismatches,
)
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.domain.phone import mask_phone
from salesdesk.domain.roles import ROLE_LABELS_ZH, Actor, Permission, Role
from salesdesk.pdf.disclosure_report import (
    ReportChain,
    ReportConsultant,
    ReportData,
    ReportEscalation,
    ReportMismatch,
    ReportPreOpening,
    ReportSubscription,
    build_disclosure_report,
)
from salesdesk.services import audit
from salesdesk.services.care import EscalationInfo, FollowUpService
from salesdesk.services.customers import merge_map
from salesdesk.services.disclosure import (
    CustomerRef,
    current_checklist,
    customer_ref,
    local_text,
    staff_names,
)
from salesdesk.services.disclosure_ledger import checklist_items, time_text
from salesdesk.services.ledger_anchor import ChainSummary, chain_summaries
from salesdesk.store.database import Database
from salesdesk.store.models.customer import Customer, CustomerPhone
from salesdesk.store.models.disclosure import (
    DisclosureChecklist,
    DisclosureRecord,
    FollowUpCall,
    Subscription,
)
from salesdesk.store.models.org import Staff
from salesdesk.store.models.project import Unit
from salesdesk.store.uow import UnitOfWork

Progress = Callable[[int, int, str], None]
MAX_DAYS = 366


@dataclass(frozen=True)
class ConsultantAuditRow:
    staff_id: str
    name: str
    agency: str
    # Reception rounds: until the reception capability's own visit records are wired in,
    # each disclosure round during reception stands for one reception.
    receptions: int
    rounds: int
    rounds_complete: int
    items_missed: int
    overrides: int
    subscriptions: int
    subscriptions_incomplete: int
    mismatches: int


@dataclass(frozen=True)
class IncompleteSubscriptionRow:
    subscription_id: str
    subscribed_on: date
    customer: str
    unit_number: str
    consultant_name: str
    override_by: str
    reason: str
    missing: int


@dataclass(frozen=True)
class MismatchRow:
    called_at: datetime
    customer: str
    customer_id: str
    unit_number: str
    consultant_id: str
    consultant_name: str
    topic: str
    ledger_told: bool
    customer_says_told: bool
    description: str
    recorded_by: str = ""  # who took the answer, with their role: the audit checks it is not sales


@dataclass(frozen=True)
class ItemStatus:
    kind: ItemKind
    title: str
    told: bool


@dataclass(frozen=True)
class PreOpeningRow:
    customer: str
    customer_id: str
    unit_number: str
    consultant_name: str
    items: tuple[ItemStatus, ...]
    follow_up: str  # what the latest follow-up call said, or "未回访"

    @property
    def told(self) -> int:
        return sum(1 for i in self.items if i.told)

    @property
    def all_told(self) -> bool:
        return self.told == len(self.items)

    def kind_status(self, kind: ItemKind) -> str:
        items = [i for i in self.items if i.kind is kind]
        if not items:
            return "—"
        told = sum(1 for i in items if i.told)
        return "✓" if told == len(items) else f"{told}/{len(items)}"

    @property
    def missing_text(self) -> str:
        return "、".join(i.title for i in self.items if not i.told)


@dataclass(frozen=True)
class DisclosureAudit:
    date_from: date
    date_to: date
    generated_at: datetime
    consultants: tuple[ConsultantAuditRow, ...]
    incomplete_subscriptions: tuple[IncompleteSubscriptionRow, ...]
    mismatches: tuple[MismatchRow, ...]
    pre_opening: tuple[PreOpeningRow, ...]
    open_escalations: tuple[EscalationInfo, ...]
    chains: tuple[ChainSummary, ...] = ()


def chunks(ids: list[str], size: int = 500) -> list[list[str]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def customer_labels(uow: UnitOfWork, customer_ids: list[str]) -> dict[str, str]:
    """Name and masked first phone per customer, in a few queries."""
    out: dict[str, str] = {}
    phones: dict[str, str] = {}
    for chunk in chunks(customer_ids):
        for cid, e164 in uow.session.execute(
                select(CustomerPhone.customer_id, CustomerPhone.e164).where(
                    CustomerPhone.customer_id.in_(chunk), CustomerPhone.deleted.is_(False))
                .order_by(CustomerPhone.created_at.desc())):
            phones[cid] = e164  # the earliest number wins (rows come newest first)
        for cid, name, salutation in uow.session.execute(
                select(Customer.id, Customer.name, Customer.salutation).where(
                    Customer.id.in_(chunk))):
            ref = CustomerRef(cid, name, salutation,
                              mask_phone(phones[cid]) if cid in phones else "")
            out[cid] = ref.label
    return out


def day_bounds(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    """[from 00:00, to+1 00:00) Beijing time, as aware UTC."""
    if date_to < date_from:
        raise ValidationError("结束日期早于开始日期", en="The end date is before the start date",
                              field="date_to")
    if (date_to - date_from).days > MAX_DAYS:
        raise ValidationError("查询范围最长一年", en="At most one year at a time", field="date_to")
    start = datetime.combine(date_from, time(0), PROJECT_TZ).astimezone(UTC)
    end = datetime.combine(date_to + timedelta(days=1), time(0), PROJECT_TZ).astimezone(UTC)
    return start, end


_PER_CONSULTANT = text("""
SELECT consultant_id,
       SUM(record_type = 'round' AND round_kind = 'reception'),
       SUM(record_type = 'round'),
       SUM(record_type = 'round' AND n_covered = n_items),
       SUM(CASE WHEN record_type = 'round' THEN n_items - n_covered ELSE 0 END),
       SUM(record_type = 'gate_override')
FROM disclosure_record INDEXED BY ix_disclosure_record_recorded_at
WHERE recorded_at >= :start AND recorded_at < :end
GROUP BY consultant_id
""")



# Raw rows (times as stored text, compared as text): these read tens of thousands of records.
_HISTORY = text("""
SELECT customer_id, unit_id, recorded_at, consultant_id, sunshine_ok, certificates_ok,
       contract_ok, factors_ok
FROM disclosure_record
WHERE customer_id IN :ids AND record_type = 'round' AND recorded_at < :end
""").bindparams(bindparam("ids", expanding=True))
_COVERAGE = text("""
SELECT customer_id, unit_id, checklist_id, coverage, recorded_at, consultant_id
FROM disclosure_record
WHERE customer_id IN :ids AND record_type = 'round'
""").bindparams(bindparam("ids", expanding=True))


def _merges(uow: UnitOfWork) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Merged duplicate -> survivor, and survivor -> its merged duplicates."""
    canon = merge_map(uow)
    aliases: dict[str, list[str]] = {}
    for dup, survivor in canon.items():
        aliases.setdefault(survivor, []).append(dup)
    return canon, aliases


def recorder_labels(uow: UnitOfWork) -> dict[str, str]:
    """Staff id -> "name（role）": who recorded a follow-up answer, so the audit shows each was
    taken by customer service and not by the consultant it checks."""
    return {i: f"{n}（{ROLE_LABELS_ZH.get(Role(r), r) if r in set(Role) else r}）"
            for i, n, r in uow.session.execute(select(Staff.id, Staff.name, Staff.role))}


class DisclosureAuditService:
    def __init__(self, db: Database, follow_up: FollowUpService) -> None:
        self._db = db
        self._follow_up = follow_up

    def consultants(self, actor: Actor, date_from: date, date_to: date) -> list[ConsultantAuditRow]:
        actor.require(Permission.VIEW_AUDIT)
        start, end = day_bounds(date_from, date_to)
        with self._db.reader(actor) as uow:
            return self._consultants(uow, start, end, date_from, date_to,
                                     self._mismatches(uow, start, end))

    def _consultants(self, uow: UnitOfWork, start: datetime, end: datetime, date_from: date,
                     date_to: date, mism: list[MismatchRow]) -> list[ConsultantAuditRow]:
        figures: dict[str, list[int]] = {}
        for row in uow.session.execute(_PER_CONSULTANT, {"start": time_text(start),
                                                         "end": time_text(end)}):
            figures[str(row[0])] = [int(v or 0) for v in row[1:]]
        subs: dict[str, list[int]] = {}
        for sid, complete in uow.session.execute(
                select(Subscription.consultant_id, Subscription.disclosure_complete).where(
                    Subscription.subscribed_on >= date_from, Subscription.subscribed_on <= date_to,
                    Subscription.deleted.is_(False))):
            s = subs.setdefault(sid, [0, 0])
            s[0] += 1
            s[1] += 0 if complete else 1
        mm: dict[str, int] = {}
        for m in mism:
            mm[m.consultant_id] = mm.get(m.consultant_id, 0) + 1
        staff = {s.id: s for s in uow.session.scalars(select(Staff))}
        ids = set(figures) | set(subs) | {k for k in mm if k}
        ids |= {s.id for s in staff.values()
                if s.active and s.role in ("consultant", "senior_consultant")}
        out = []
        for sid in ids:
            f = figures.get(sid, [0, 0, 0, 0, 0])
            s = subs.get(sid, [0, 0])
            member = staff.get(sid)
            out.append(ConsultantAuditRow(sid, member.name if member else "?",
                                          member.agency if member else "", f[0], f[1], f[2],
                                          f[3], f[4], s[0], s[1], mm.get(sid, 0)))
        return sorted(out, key=lambda r: (r.agency, r.name))

    def _mismatches(self, uow: UnitOfWork, start: datetime, end: datetime) -> list[MismatchRow]:
        # Batched per chunk of customers: a month has hundreds of calls, each customer dozens
        # of records; one query per call would be most of the report's time.
        names = staff_names(uow)
        calls = uow.session.scalars(select(FollowUpCall).where(
            FollowUpCall.called_at >= start, FollowUpCall.called_at < end,
            FollowUpCall.deleted.is_(False)).order_by(FollowUpCall.called_at)).all()
        if not calls:
            return []
        customer_ids = sorted({c.customer_id for c in calls})
        history: dict[str, list[tuple[str, str, str, tuple[int, int, int, int]]]] = {}
        # A merged duplicate's rounds count for the customer it was merged into.
        canon, aliases = _merges(uow)
        for chunk in chunks(customer_ids):
            ids = [*chunk, *(d for c in chunk for d in aliases.get(c, ()))]
            for cid, uid, at, consultant, s1, s2, s3, s4 in uow.session.execute(
                    _HISTORY, {"ids": ids, "end": time_text(end)}):
                history.setdefault(canon.get(cid, cid), []).append(
                    (at, uid, consultant, (s1, s2, s3, s4)))
        owners: dict[str, str] = {}
        for chunk in chunks(customer_ids):
            owners.update({cid: owner or "" for cid, owner in uow.session.execute(
                select(Customer.id, Customer.owner_staff_id).where(Customer.id.in_(chunk)))})
        recorders = recorder_labels(uow)
        flagged = []
        for call in calls:
            called = time_text(call.called_at)
            rows = [h for h in history.get(call.customer_id, [])
                    if h[0] <= called and (not call.unit_id or h[1] == call.unit_id)]
            told = [any(h[3][k] for h in rows) for k in range(4)]
            ledger = {"sunshine": told[0], "certificates": told[1], "contract": told[2],
                      "factors": told[3]}
            answers = {"sunshine": call.told_sunshine, "certificates": call.told_certificates,
                       "contract": call.told_contract, "factors": call.told_factors}
            found = mismatches(ledger, answers)
            if found:
                every = history.get(call.customer_id, [])
                consultant = max(every)[2] if every else owners.get(call.customer_id, "")
                flagged.append((call, consultant, found))
        labels = customer_labels(uow, sorted({c.customer_id for c, _, _ in flagged}))
        unit_numbers = {u.id: u.number for u in uow.session.scalars(select(Unit).where(
            Unit.id.in_(sorted({c.unit_id for c, _, _ in flagged if c.unit_id}))))}
        out = []
        for call, consultant, found in flagged:
            for m in found:
                out.append(MismatchRow(call.called_at, labels.get(call.customer_id, "?"),
                                       call.customer_id, unit_numbers.get(call.unit_id, "—"),
                                       consultant, names.get(consultant, "—"),
                                       dict(FOLLOW_UP_TOPICS)[m.topic], m.ledger_told,
                                       m.customer_says_told, m.label,
                                       recorders.get(call.caller_id, "?")))
        return out

    def mismatches(self, actor: Actor, date_from: date, date_to: date) -> list[MismatchRow]:
        actor.require(Permission.VIEW_AUDIT)
        start, end = day_bounds(date_from, date_to)
        with self._db.reader(actor) as uow:
            return self._mismatches(uow, start, end)

    def _incomplete_subscriptions(self, uow: UnitOfWork, date_from: date,
                                  date_to: date) -> list[IncompleteSubscriptionRow]:
        names = staff_names(uow)
        out = []
        for s in uow.session.scalars(select(Subscription).where(
                Subscription.subscribed_on >= date_from, Subscription.subscribed_on <= date_to,
                Subscription.disclosure_complete.is_(False), Subscription.deleted.is_(False))
                .order_by(Subscription.subscribed_on)):
            rec = uow.session.get(DisclosureRecord, s.override_record_id) \
                if s.override_record_id else None
            unit = uow.session.get(Unit, s.unit_id)
            out.append(IncompleteSubscriptionRow(
                s.id, s.subscribed_on, customer_ref(uow, s.customer_id).label,
                unit.number if unit else "?", names.get(s.consultant_id, "?"),
                names.get(rec.recorded_by, "?") if rec else "—", rec.reason if rec else "",
                (rec.n_items - rec.n_covered) if rec else 0))
        return out

    def pre_opening(self, actor: Actor, date_from: date, date_to: date) -> list[PreOpeningRow]:
        """Serious customers of the period (a pre-deposit round, a subscription, or more than
        one round) with, per item of today's checklist, whether any round told them."""
        actor.require(Permission.VIEW_AUDIT)
        start, end = day_bounds(date_from, date_to)
        with self._db.reader(actor) as uow:
            return self._pre_opening(uow, start, end)

    def _pre_opening(self, uow: UnitOfWork, start: datetime, end: datetime) -> list[PreOpeningRow]:
        # Batched: a busy month holds thousands of serious customers, so nothing here is one
        # query per customer; checklists are built once per unit, decoded once per checklist.
        names = staff_names(uow)
        pairs = uow.session.execute(text("""
            SELECT customer_id, unit_id, COUNT(*), SUM(round_kind = 'pre_deposit')
            FROM disclosure_record INDEXED BY ix_disclosure_record_recorded_at
            WHERE record_type = 'round' AND recorded_at >= :start AND recorded_at < :end
            GROUP BY customer_id, unit_id"""),
            {"start": time_text(start), "end": time_text(end)}).all()
        subscribed = {(c, u) for c, u in uow.session.execute(
            select(Subscription.customer_id, Subscription.unit_id).where(
                Subscription.status == "active", Subscription.deleted.is_(False)))}
        # A merged duplicate's rounds count for the customer it was merged into.
        canon, aliases = _merges(uow)
        per_pair: dict[tuple[str, str], list[int]] = {}
        for c, u, n, pre in pairs:
            acc = per_pair.setdefault((canon.get(str(c), str(c)), str(u)), [0, 0])
            acc[0] += int(n or 0)
            acc[1] += int(pre or 0)
        serious = [(c, u) for (c, u), (n, pre) in per_pair.items()
                   if pre or n > 1 or (c, u) in subscribed]
        if not serious:
            return []
        customer_ids = sorted({c for c, _ in serious})
        labels = customer_labels(uow, customer_ids)
        told: dict[tuple[str, str], set[tuple[str, str]]] = {}
        latest: dict[tuple[str, str], tuple[str, str]] = {}
        items_of: dict[str, list[ChecklistItem]] = {}
        wanted = set(serious)
        for chunk in chunks(customer_ids):
            ids = [*chunk, *(d for c in chunk for d in aliases.get(c, ()))]
            for cid, uid, cl_id, coverage, stamp, consultant in uow.session.execute(
                    _COVERAGE, {"ids": ids}):
                key = (canon.get(cid, cid), uid)
                if key not in wanted:
                    continue
                if cl_id not in items_of:
                    row = uow.session.get(DisclosureChecklist, cl_id)
                    items_of[cl_id] = checklist_items(row) if row is not None else []
                items = items_of[cl_id]
                try:
                    ticks = decode_coverage(coverage, len(items))
                except ValueError:
                    continue
                told.setdefault(key, set()).update(
                    (i.code, i.content_hash) for i, t in zip(items, ticks, strict=True)
                    if t is not None)
                if key not in latest or stamp > latest[key][0]:
                    latest[key] = (stamp, consultant)
        calls: dict[str, FollowUpCall] = {}
        for chunk in chunks(customer_ids):
            for call in uow.session.scalars(select(FollowUpCall).where(
                    FollowUpCall.customer_id.in_(chunk), FollowUpCall.deleted.is_(False))):
                prev = calls.get(call.customer_id)
                if prev is None or call.called_at > prev.called_at:
                    calls[call.customer_id] = call
        checklists: dict[str, tuple[str, list[ChecklistItem]]] = {}
        out = []
        yes_no = {True: "是", False: "否"}
        recorders = recorder_labels(uow)
        for customer_id, unit_id in serious:
            if unit_id not in checklists:
                unit = uow.session.get(Unit, unit_id)
                if unit is None:
                    continue
                checklists[unit_id] = (unit.number, list(current_checklist(uow, unit).items))
            number, cl_items = checklists[unit_id]
            done = told.get((customer_id, unit_id), set())
            statuses = tuple(ItemStatus(i.kind, i.title, (i.code, i.content_hash) in done)
                             for i in cl_items)
            latest_call = calls.get(customer_id)
            if latest_call is None:
                follow = "未回访"
            else:
                c = latest_call
                follow = (f"{local_text(c.called_at)[:10]} {c.score} 分；不利因素"
                          f"{yes_no[c.told_factors]}、阳光宣言{yes_no[c.told_sunshine]}、"
                          f"五证{yes_no[c.told_certificates]}、合同范本{yes_no[c.told_contract]}"
                          f"；记录人 {recorders.get(c.caller_id, '?')}")
            consultant = latest.get((customer_id, unit_id), ("", ""))[1]
            out.append(PreOpeningRow(labels.get(customer_id, "?"), customer_id, number,
                                     names.get(consultant, "?"), statuses, follow))
        return sorted(out, key=lambda r: (r.all_told, r.consultant_name, r.unit_number))

    def report(self, actor: Actor, date_from: date, date_to: date,
               progress: Progress | None = None, *,
               include_pre_opening: bool = True) -> DisclosureAudit:
        """The whole audit of a period. The pre-opening list reads every round of each serious
        customer, so screens that only need the figures leave it out."""
        actor.require(Permission.VIEW_AUDIT)
        start, end = day_bounds(date_from, date_to)
        step = progress or (lambda done, total, what: None)
        with self._db.reader(actor) as uow:
            step(0, 4, "回访比对")
            mism = self._mismatches(uow, start, end)
            step(1, 4, "顾问统计")
            consultants = self._consultants(uow, start, end, date_from, date_to, mism)
            step(2, 4, "认购")
            subs = self._incomplete_subscriptions(uow, date_from, date_to)
            step(3, 4, "开盘前客户清单")
            pre = self._pre_opening(uow, start, end) if include_pre_opening else []
        escalations = self._follow_up.open_escalations(actor, check_overdue=False)
        chains = chain_summaries(self._db)
        step(4, 4, "完成")
        return DisclosureAudit(date_from, date_to, self._db.now(), tuple(consultants),
                               tuple(subs), tuple(mism), tuple(pre), tuple(escalations),
                               tuple(chains))

    # ---- exports ----------------------------------------------------------------------------

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


def report_data(a: DisclosureAudit) -> ReportData:
    return ReportData(
        date_from=a.date_from.isoformat(), date_to=a.date_to.isoformat(),
        generated_at=local_text(a.generated_at),
        consultants=tuple(ReportConsultant(c.name, c.agency, c.receptions, c.rounds,
                                           c.rounds_complete, c.items_missed, c.overrides,
                                           c.subscriptions, c.subscriptions_incomplete,
                                           c.mismatches) for c in a.consultants),
        subscriptions=tuple(ReportSubscription(s.subscribed_on.isoformat(), s.customer,
                                               s.unit_number, s.consultant_name, s.override_by,
                                               s.reason, s.missing)
                            for s in a.incomplete_subscriptions),
        mismatches=tuple(ReportMismatch(local_text(m.called_at), m.customer, m.unit_number,
                                        m.consultant_name, m.description, m.recorded_by)
                         for m in a.mismatches),
        pre_opening=tuple(ReportPreOpening(
            p.customer, p.unit_number, p.consultant_name,
            p.kind_status(ItemKind.SUNSHINE), p.kind_status(ItemKind.CERTIFICATE),
            p.kind_status(ItemKind.CONTRACT), p.kind_status(ItemKind.FACTOR),
            p.missing_text, p.follow_up) for p in a.pre_opening),
        escalations=tuple(ReportEscalation(local_text(e.opened_at), e.customer.label,
                                           e.consultant_name, e.level_label, e.score)
                          for e in a.open_escalations),
        chains=tuple(ReportChain(c.device_id, c.records, c.head_seq, c.head_hash, c.ack_seq,
                                 c.ack_hash, c.own) for c in a.chains),
    )


def write_csv(a: DisclosureAudit, path: Path) -> Path:
    yes = {True: "是", False: "否"}
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["告知审计报告", f"{a.date_from.isoformat()} 至 {a.date_to.isoformat()}",
                    f"生成于 {local_text(a.generated_at)}"])
        w.writerow([])
        w.writerow(["# 按置业顾问"])
        w.writerow(["置业顾问", "所属", "接待次数", "告知轮次", "完整轮次", "漏告项目数",
                    "主管放行", "认购", "未完整告知的认购", "回访不一致"])
        for c in a.consultants:
            w.writerow([c.name, c.agency, c.receptions, c.rounds, c.rounds_complete,
                        c.items_missed, c.overrides, c.subscriptions,
                        c.subscriptions_incomplete, c.mismatches])
        w.writerow([])
        w.writerow(["# 未完整告知即认购"])
        w.writerow(["认购日期", "客户", "房号", "置业顾问", "放行主管", "放行原因", "缺项数"])
        for s in a.incomplete_subscriptions:
            w.writerow([s.subscribed_on.isoformat(), s.customer, s.unit_number,
                        s.consultant_name, s.override_by, s.reason, s.missing])
        w.writerow([])
        w.writerow(["# 告知记录与回访答复不一致"])
        w.writerow(["回访时间", "客户", "房号", "置业顾问", "项目", "记录为已告知", "客户称已告知",
                    "说明", "回访记录人"])
        for m in a.mismatches:
            w.writerow([local_text(m.called_at), m.customer, m.unit_number, m.consultant_name,
                        m.topic, yes[m.ledger_told], yes[m.customer_says_told], m.description,
                        m.recorded_by])
        w.writerow([])
        w.writerow(["# 开盘前诚意客户告知情况"])
        w.writerow(["客户", "房号", "置业顾问", "阳光宣言", "五证", "合同范本", "不利因素",
                    "未告知项目", "回访"])
        for p in a.pre_opening:
            w.writerow([p.customer, p.unit_number, p.consultant_name,
                        p.kind_status(ItemKind.SUNSHINE), p.kind_status(ItemKind.CERTIFICATE),
                        p.kind_status(ItemKind.CONTRACT), p.kind_status(ItemKind.FACTOR),
                        p.missing_text, p.follow_up])
        w.writerow([])
        w.writerow(["# 未关闭的回访升级任务"])
        w.writerow(["开启时间", "客户", "置业顾问", "当前层级", "评分"])
        for e in a.open_escalations:
            w.writerow([local_text(e.opened_at), e.customer.label, e.consultant_name,
                        e.level_label, e.score])
        w.writerow([])
        w.writerow(["# 告知记录哈希链（纸面存证）"])
        w.writerow(["设备", "本机", "记录数", "链头序号", "链头哈希", "总部确认至", "总部确认哈希"])
        for ch in a.chains:
            w.writerow([ch.device_id, yes[ch.own], ch.records, ch.head_seq, ch.head_hash,
                        ch.ack_seq, ch.ack_hash])
    return path
