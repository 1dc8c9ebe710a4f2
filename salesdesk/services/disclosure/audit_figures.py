"""The audit's figures of a period: per consultant, follow-up answers that disagree with the
ledger (both ways), and subscriptions signed without complete disclosure.

Sized for millions of records: the per-consultant figures are one indexed range scan over the
records of the period; the rest touches only the period's calls and subscriptions."""

from __future__ import annotations

from datetime import date, datetime

from salesdesk.domain.disclosure import FOLLOW_UP_TOPICS, mismatches
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.local_time import day_bounds
from salesdesk.domain.phone import mask_phone
from salesdesk.domain.roles import ROLE_LABELS_ZH, Role
from salesdesk.services.disclosure.checklist import customer_ref
from salesdesk.services.disclosure.ledger import time_text
from salesdesk.services.disclosure.results import (
    ConsultantAuditRow,
    CustomerRef,
    IncompleteSubscriptionRow,
    MismatchRow,
)
from salesdesk.store.queries import common
from salesdesk.store.queries import disclosure as queries
from salesdesk.store.queries.customers import merge_map
from salesdesk.store.uow import UnitOfWork

MAX_DAYS = 366


def chunks(ids: list[str], size: int = 500) -> list[list[str]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def customer_labels(uow: UnitOfWork, customer_ids: list[str]) -> dict[str, str]:
    """Name and masked first phone per customer, in a few queries."""
    out: dict[str, str] = {}
    phones: dict[str, str] = {}
    for chunk in chunks(customer_ids):
        phones.update(queries.earliest_phones(uow, chunk))
        for cid, name, salutation in queries.customer_names(uow, chunk):
            ref = CustomerRef(cid, name, salutation,
                              mask_phone(phones[cid]) if cid in phones else "")
            out[cid] = ref.label
    return out


def period_bounds(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    """[from 00:00, to+1 00:00) Beijing time, as aware UTC."""
    if date_to < date_from:
        raise ValidationError("结束日期早于开始日期", en="The end date is before the start date",
                              field="date_to")
    if (date_to - date_from).days > MAX_DAYS:
        raise ValidationError("查询范围最长一年", en="At most one year at a time", field="date_to")
    return day_bounds(date_from)[0], day_bounds(date_to)[1]


def merges(uow: UnitOfWork) -> tuple[dict[str, str], dict[str, list[str]]]:
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
            for i, n, r in queries.staff_roles(uow)}


def consultant_rows(uow: UnitOfWork, start: datetime, end: datetime, date_from: date,
                    date_to: date, mism: list[MismatchRow]) -> list[ConsultantAuditRow]:
    figures: dict[str, list[int]] = {}
    for row in queries.consultant_figures(uow, time_text(start), time_text(end)):
        figures[str(row[0])] = [int(v or 0) for v in row[1:]]
    subs: dict[str, list[int]] = {}
    for sid, complete in queries.subscription_completeness(uow, date_from, date_to):
        s = subs.setdefault(sid, [0, 0])
        s[0] += 1
        s[1] += 0 if complete else 1
    mm: dict[str, int] = {}
    for m in mism:
        mm[m.consultant_id] = mm.get(m.consultant_id, 0) + 1
    staff = {s.id: s for s in queries.all_staff(uow)}
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


def mismatch_rows(uow: UnitOfWork, start: datetime, end: datetime) -> list[MismatchRow]:
    # Batched per chunk of customers: a month has hundreds of calls, each customer dozens
    # of records; one query per call would be most of the report's time.
    names = common.staff_names(uow)
    calls = queries.calls_between(uow, start, end)
    if not calls:
        return []
    customer_ids = sorted({c.customer_id for c in calls})
    history: dict[str, list[tuple[str, str, str, tuple[int, int, int, int]]]] = {}
    # A merged duplicate's rounds count for the customer it was merged into.
    canon, aliases = merges(uow)
    for chunk in chunks(customer_ids):
        ids = [*chunk, *(d for c in chunk for d in aliases.get(c, ()))]
        for cid, uid, at, consultant, s1, s2, s3, s4 in queries.round_history(
                uow, ids, time_text(end)):
            history.setdefault(canon.get(cid, cid), []).append(
                (at, uid, consultant, (s1, s2, s3, s4)))
    owners: dict[str, str] = {}
    for chunk in chunks(customer_ids):
        owners.update(queries.customer_owners(uow, chunk))
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
    unit_numbers = queries.unit_numbers(
        uow, sorted({c.unit_id for c, _, _ in flagged if c.unit_id}))
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


def incomplete_subscription_rows(uow: UnitOfWork, date_from: date,
                                 date_to: date) -> list[IncompleteSubscriptionRow]:
    names = common.staff_names(uow)
    out = []
    for s in queries.incomplete_subscriptions(uow, date_from, date_to):
        rec = queries.record(uow, s.override_record_id) if s.override_record_id else None
        unit = queries.unit(uow, s.unit_id)
        out.append(IncompleteSubscriptionRow(
            s.id, s.subscribed_on, customer_ref(uow, s.customer_id).label,
            unit.number if unit else "?", names.get(s.consultant_id, "?"),
            names.get(rec.recorded_by, "?") if rec else "—", rec.reason if rec else "",
            (rec.n_items - rec.n_covered) if rec else 0))
    return out
