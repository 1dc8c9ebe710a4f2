"""The pre-opening list (rule 6): the serious customers of a period with, per item of today's
checklist, whether any round told them, and what their latest follow-up call said."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from salesdesk.domain.disclosure import ChecklistItem, decode_coverage
from salesdesk.services.disclosure.audit_figures import (
    chunks,
    customer_labels,
    merges,
    recorder_labels,
)
from salesdesk.services.disclosure.checklist import current_checklist, local_text
from salesdesk.services.disclosure.ledger import checklist_items, time_text
from salesdesk.services.disclosure.results import ItemStatus, PreOpeningRow
from salesdesk.store.queries import common
from salesdesk.store.queries import disclosure as queries
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.disclosure import FollowUpCall


def pre_opening_rows(uow: UnitOfWork, start: datetime, end: datetime) -> list[PreOpeningRow]:
    # Batched: a busy month holds thousands of serious customers, so nothing here is one
    # query per customer; checklists are built once per unit, decoded once per checklist.
    names = common.staff_names(uow)
    pairs = queries.round_pairs(uow, time_text(start), time_text(end))
    subscribed = queries.active_subscription_pairs(uow)
    # A merged duplicate's rounds count for the customer it was merged into.
    canon, aliases = merges(uow)
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
        for cid, uid, cl_id, coverage, stamp, consultant in queries.round_coverage(uow, ids):
            key = (canon.get(cid, cid), uid)
            if key not in wanted:
                continue
            if cl_id not in items_of:
                row = queries.checklist(uow, cl_id)
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
        for call in queries.calls_of(uow, chunk):
            prev = calls.get(call.customer_id)
            if prev is None or call.called_at > prev.called_at:
                calls[call.customer_id] = call
    checklists: dict[str, tuple[str, list[ChecklistItem]]] = {}
    out = []
    yes_no = {True: "是", False: "否"}
    recorders = recorder_labels(uow)
    for customer_id, unit_id in serious:
        if unit_id not in checklists:
            unit = queries.unit(uow, unit_id)
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
