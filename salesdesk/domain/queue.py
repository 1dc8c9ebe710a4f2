"""The waiting queue: ticket numbers, ticket status, estimated wait, duplicate check-ins,
and the rules on check-in input."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from enum import StrEnum

from salesdesk.domain import salutation as salutation_rules
from salesdesk.domain.errors import Conflict, ValidationError

MIN_PARTY, MAX_PARTY = 1, 60
DEFAULT_RECEPTION_MINUTES = 25.0


class TicketStatus(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"


# Status only moves forward (SYNC.md). A no-show may still become done (the party turned up
# late and was received on another device), never the other way round.
_RANK = {TicketStatus.WAITING: 0, TicketStatus.CALLED: 1, TicketStatus.SERVING: 2,
         TicketStatus.NO_SHOW: 3, TicketStatus.DONE: 4}


def can_move(old: TicketStatus, new: TicketStatus) -> bool:
    if old == new:
        return old is TicketStatus.CALLED  # a recall calls the same ticket again
    return _RANK[new] > _RANK[old]


def move(old: TicketStatus, new: TicketStatus) -> TicketStatus:
    if not can_move(old, new):
        raise Conflict("排队号状态只能前进", en=f"A ticket cannot go from {old} to {new}")
    return new


def merge(a: TicketStatus, b: TicketStatus) -> TicketStatus:
    """Two devices changed one ticket: the further status wins (sync rule)."""
    return a if _RANK[a] >= _RANK[b] else b


def ticket_label(prefix: str, number: int) -> str:
    """A031: the device prefix keeps two kiosks from handing out the same label."""
    return f"{prefix}{number:03d}"


def next_ticket_number(used: Iterable[int]) -> int:
    return max(used, default=0) + 1


class Source(StrEnum):
    WALK_IN = "walk_in"
    REFERRAL = "referral"  # 老带新: referred by an owner
    AGENCY = "agency"  # 渠道 / 中介, with the agent's name
    PHONE_INVITE = "phone_invite"


SOURCE_ZH: dict[Source, str] = {
    Source.WALK_IN: "自然到访",
    Source.REFERRAL: "老带新",
    Source.AGENCY: "渠道/中介",
    Source.PHONE_INVITE: "电话邀约",
}


class Intent(StrEnum):
    A = "A"  # strong: likely to subscribe soon
    B = "B"
    C = "C"


def check_party_size(size: int) -> int:
    if not MIN_PARTY <= size <= MAX_PARTY:
        raise ValidationError(
            f"来访人数应在 {MIN_PARTY}–{MAX_PARTY} 人之间", field="party_size",
            en=f"The party size must be between {MIN_PARTY} and {MAX_PARTY}",
        )
    return size


def check_source(source: str, agency: str, agent_name: str) -> Source:
    try:
        s = Source(source)
    except ValueError:
        raise ValidationError("请选择来访渠道", en="Choose where the visitor came from",
                              field="source") from None
    if s is Source.AGENCY and not (agency.strip() and agent_name.strip()):
        raise ValidationError("渠道客户请填写中介公司和经纪人姓名", field="agent_name",
                              en="An agency visit needs the agency and the agent's name")
    return s


def is_duplicate(previous_check_in: datetime | None, now: datetime, window_minutes: int,
                 previous_closed: bool) -> bool:
    """The same party checked in again within a few minutes, while the first is still open."""
    if previous_check_in is None or previous_closed:
        return False
    return now - previous_check_in < timedelta(minutes=window_minutes)


def estimated_wait_minutes(position: int, consultants_on_duty: int,
                           recent_durations_min: Sequence[float],
                           busy_remaining_min: float | None = None) -> int:
    """Minutes until a party at ``position`` (1 = next) is likely received.

    Recent reception durations give the pace; each free consultant takes one party per
    reception, so the wait grows with the rounds of parties ahead."""
    if position <= 0:
        return 0
    pace = (statistics.median(recent_durations_min) if recent_durations_min
            else DEFAULT_RECEPTION_MINUTES)
    rounds = math.ceil(position / max(1, consultants_on_duty))
    first = pace / 2 if busy_remaining_min is None else busy_remaining_min
    return max(1, round(first + (rounds - 1) * pace))


def percentile(values: Sequence[float], p: float) -> float | None:
    """Nearest-rank percentile (p in 0..100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    k = max(0, math.ceil(p / 100 * len(ordered)) - 1)
    return ordered[k]


def public_name(salutation: str, name: str) -> str:
    """What the display board may show: 王先生 at most, never a full name or a phone number;
    "" when nothing safe can be derived (the board then shows the ticket alone)."""
    return salutation_rules.public_name(salutation, name) or ""
