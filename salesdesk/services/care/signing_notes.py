"""What a signing booking and its checklist say about a customer's open escalations: a low
follow-up score still open must be resolved before the customer signs (issue 15 §2). Kept apart
from services/care/follow_up.py so the appointment board and the signing papers read it in one query
without importing the follow-up capability."""

from __future__ import annotations

from collections.abc import Iterable

from salesdesk.domain.disclosure import ESCALATION_LEVEL_ZH, EscalationLevel
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.store.queries.care_escalations import open_escalation_values
from salesdesk.store.uow import UnitOfWork


def escalation_notes(uow: UnitOfWork, customer_ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """customer id -> one line per open escalation, oldest first (customers without one are
    absent). One query for the whole batch."""
    ids = sorted(set(customer_ids))
    if not ids:
        return {}
    out: dict[str, list[str]] = {}
    for t in open_escalation_values(uow, ids):
        try:
            level = ESCALATION_LEVEL_ZH[EscalationLevel(t.level)]
        except ValueError:  # a level a newer version added: still an open escalation
            level = t.level
        due = "" if t.due_at is None else \
            f"，期限 {t.due_at.astimezone(PROJECT_TZ):%m-%d %H:%M}"
        out.setdefault(t.customer_id, []).append(
            f"回访升级未关闭（{t.opened_at.astimezone(PROJECT_TZ):%m-%d} 起，现由{level}处理{due}），"
            "签约前须处理完毕")
    return {k: tuple(v) for k, v in out.items()}
