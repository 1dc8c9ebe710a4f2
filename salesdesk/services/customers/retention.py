"""The retention of idle prospects (issue 15 §1): customers with no subscription and no visit
for the retention period are listed to a supervisor, and the daily job anonymises only those a
supervisor saw listed and that are still idle."""

from __future__ import annotations

import json

from salesdesk.domain.customer_rights import DEFAULT_RETENTION_MONTHS, months_before, pseudonym
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.local_time import day_bounds, local_day
from salesdesk.domain.roles import Actor, Permission
from salesdesk.services import audit
from salesdesk.services.customers.erasure import erase_rows
from salesdesk.services.customers.results import RetentionCandidate
from salesdesk.store.database import Database, get_local_meta, set_local_meta
from salesdesk.store.erasure import seal
from salesdesk.store.queries import customers as q
from salesdesk.store.uow import UnitOfWork

RETENTION_KEY = "retention_months"
RETENTION_SEEN_KEY = "retention_seen"


def retention_months(db: Database) -> int:
    raw = get_local_meta(db, RETENTION_KEY)
    return int(raw) if raw and raw.isdigit() else DEFAULT_RETENTION_MONTHS


def set_retention_months(db: Database, actor: Actor, months: int) -> None:
    actor.require(Permission.MANAGE_SETTINGS)
    if not 6 <= months <= 120:
        raise ValidationError("保留期应在 6 到 120 个月之间",
                              en="The retention period must be 6 to 120 months",
                              field="months")
    set_local_meta(db, RETENTION_KEY, str(months))


def retention_candidates(db: Database, actor: Actor) -> list[RetentionCandidate]:
    """Prospects with no subscription and no visit for the retention period: the list a
    supervisor sees. Seeing it is recorded; the daily job anonymises only customers that
    were on a list a supervisor saw and are still idle."""
    actor.require(Permission.VIEW_AUDIT)
    with db.uow(actor) as uow:
        found = _idle(db, uow)
        audit.record(uow, "retention.list_seen", "customer", "", f"customers={len(found)}")
        uow.commit()
    set_local_meta(db, RETENTION_SEEN_KEY, json.dumps(sorted(c.customer_id for c in found)))
    return found


def run_retention(db: Database, actor: Actor) -> int:
    """The daily job: anonymise the idle prospects a supervisor saw listed (still idle
    today). Returns how many were anonymised."""
    actor.require(Permission.VIEW_AUDIT)
    seen = set(json.loads(get_local_meta(db, RETENTION_SEEN_KEY) or "[]"))
    names: dict[str, str] = {}
    with db.uow(actor) as uow:
        for cand in _idle(db, uow):
            if cand.customer_id not in seen:
                continue
            names.update(erase_rows(uow, q.merged_ids(uow, cand.customer_id)))
            audit.record(uow, "customer.erase", "customer", cand.customer_id,
                         f"retention: idle {retention_months(db)} months")
        uow.commit()
    if names:
        seal(db.write_engine, db.path.parent, names)
        set_local_meta(db, RETENTION_SEEN_KEY, json.dumps(sorted(seen - set(names))))
    return len([n for n in names if n in seen])


def _idle(db: Database, uow: UnitOfWork) -> list[RetentionCandidate]:
    cutoff_day = months_before(local_day(uow.now()), retention_months(db))
    cutoff = day_bounds(cutoff_day)[0]
    out = []
    for c, at in q.idle_prospects(uow, cutoff):
        seen = at or c.created_at
        if seen < cutoff:
            out.append(RetentionCandidate(c.id, c.salutation or pseudonym(c.id),
                                          local_day(seen)))
    return sorted(out, key=lambda r: (r.last_seen, r.customer_id))
