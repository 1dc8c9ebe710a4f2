"""The consultant rotation (轮序) as a pure state machine.

State is never stored: it is the fold of the day's rotation events, so a supervisor can replay
any day and see why each party went to whom. Deciding functions return the events they would
add; the caller applies and stores them.

The turn rule (why a skip costs a turn): the on-duty list is a cycle. A walk-in takes the first
consultant in the list who is free; every consultant passed over on the way (receiving, on a
break, in a meeting) is logged as skipped and moves to the back together with the one who got the
party. So each walk-in consumes a prefix of the list, and turns (receptions plus skips) of the
consultants on duty never differ by more than one. An invalid reception (directions, a delivery)
gives the turn back: the consultant returns to the head (补位). Returning customers and
appointments go to their consultant without consuming a turn.

A turn owed: a consultant receiving a party that did not cost them a turn (their own returning
customer, a colleague's as backup, an appointment) is not skipped when the rotation reaches
them: skipping would send them to the back for serving a customer the rotation never gave them.
They keep their place, the pass is logged once as a turn owed, and they take the next new party
when free.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum


class DutyStatus(StrEnum):
    AVAILABLE = "available"
    RECEIVING = "receiving"
    BREAK = "break"
    MEETING = "meeting"
    OFF = "off"


DUTY_STATUS_ZH: dict[DutyStatus, str] = {
    DutyStatus.AVAILABLE: "空闲",
    DutyStatus.RECEIVING: "接待中",
    DutyStatus.BREAK: "休息",
    DutyStatus.MEETING: "开会",
    DutyStatus.OFF: "离岗",
}


class EventKind(StrEnum):
    JOIN = "join"  # comes on duty (appended to the back)
    STATUS = "status"  # break / meeting / off / back to available, with a typed reason
    ASSIGN = "assign"  # a party goes to a consultant (reason says why)
    SKIP = "skip"  # passed over on the way to the assignee (reason: their status)
    FINISH = "finish"  # reception over, consultant free again
    RESTORE = "restore"  # 补位: the turn is given back (invalid reception, no-show)
    REORDER = "reorder"  # a supervisor changed the order, with a reason
    OWE = "owe"  # passed over while on a party that cost no turn: keeps their place
    # Reception took a not-yet-started party away (note: why). A consultant called for it is
    # treated as away (on a break) so the rotation does not call them again until they are back.
    REASSIGN = "reassign"


class AssignReason(StrEnum):
    NEXT_UP = "next_up"
    SENIOR_RULE = "senior_rule"
    MANAGER_RULE = "manager_rule"
    AGENCY_ALTERNATE = "agency_alternate"
    RETURNING_OWNER = "returning_owner"
    OWNER_BACKUP = "owner_backup"
    APPOINTMENT = "appointment"
    TRANSFER = "transfer"
    RESUME = "resume"


# Reasons that consume a rotation turn (the others bypass the rotation).
TURN_REASONS = frozenset({AssignReason.NEXT_UP, AssignReason.SENIOR_RULE,
                          AssignReason.MANAGER_RULE, AssignReason.AGENCY_ALTERNATE})

REASON_ZH: dict[str, str] = {
    "next_up": "轮序到位",
    "senior_rule": "重要客户·熟手轮序",
    "manager_rule": "重要客户·经理接待",
    "agency_alternate": "联合代理·轮换公司",
    "returning_owner": "老客户·原顾问",
    "owner_backup": "老客户·原顾问的指定备岗",
    "appointment": "预约客户",
    "transfer": "转交同事",
    "resume": "恢复接待",
    "receiving": "正在接待",
    "break": "休息",
    "meeting": "开会",
    "off": "离岗",
    "available": "回到空闲",
    "invalid": "无效接待补位",
    "no_show": "客户未到补位",
    "manual": "主管调整顺序",
    "owed": "接待老客户·保留轮序",
    "reassigned": "前台改派",
}


class ImportantMode(StrEnum):
    SENIOR = "senior"  # 熟手轮序 (both tiers)
    MANAGER = "manager"  # 经理亲自接待 (both tiers)
    # The source rules' two tiers: important → a senior consultant (熟手轮序), very important →
    # the sales manager.
    TIERED = "tiered"


class JointMode(StrEnum):
    ONE_LIST = "one_list"
    ALTERNATE = "alternate"  # 联合代理: agencies take turns


@dataclass(frozen=True)
class RotationRules:
    """Per project (reception settings)."""

    important_mode: ImportantMode = ImportantMode.TIERED
    joint_mode: JointMode = JointMode.ONE_LIST


@dataclass(frozen=True)
class RotationEvent:
    kind: EventKind
    staff_id: str = ""
    reason: str = ""  # a code from REASON_ZH (or a status)
    note: str = ""  # what a person typed (the reorder's or break's reason)
    visit_id: str = ""
    status: str = ""  # STATUS events: the new DutyStatus
    order: tuple[str, ...] = ()  # REORDER events: the new order
    # JOIN events carry what the rules need, so a replay needs nothing else.
    name: str = ""
    agency: str = ""
    senior: bool = False
    manager: bool = False


@dataclass(frozen=True)
class Member:
    staff_id: str
    name: str
    agency: str
    senior: bool
    manager: bool  # receives important visitors in manager mode; not in the walk-in cycle
    status: DutyStatus = DutyStatus.AVAILABLE
    note: str = ""
    visit_id: str = ""  # the party being received
    free_party: bool = False  # that party cost no turn (owner, backup, appointment, transfer)
    owed: bool = False  # passed over on a free party: keeps their place until their next turn


@dataclass(frozen=True)
class RotationState:
    members: dict[str, Member] = field(default_factory=dict)
    order: tuple[str, ...] = ()  # the walk-in cycle, head first (managers excluded)
    last_agency: str = ""  # of the last turn-consuming assignment

    def member(self, staff_id: str) -> Member | None:
        return self.members.get(staff_id)

    def on_duty(self, staff_id: str) -> bool:
        m = self.members.get(staff_id)
        return m is not None and m.status is not DutyStatus.OFF

    def available(self, staff_id: str) -> bool:
        m = self.members.get(staff_id)
        return m is not None and m.status is DutyStatus.AVAILABLE

    def listed(self) -> list[Member]:
        """Everyone on duty in rotation order, then managers, then those off."""
        out = [self.members[s] for s in self.order]
        out += [m for m in self.members.values() if m.manager and m.status is not DutyStatus.OFF]
        out += [m for m in self.members.values()
                if m.status is DutyStatus.OFF and m.staff_id not in self.order]
        return out


def _to_back(order: tuple[str, ...], ids: Iterable[str]) -> tuple[str, ...]:
    moving = [s for s in order if s in set(ids)]
    return tuple(s for s in order if s not in set(moving)) + tuple(moving)


def apply(state: RotationState, e: RotationEvent) -> RotationState:
    """One event's effect. Unknown staff in an event is ignored (a replay never fails)."""
    members = dict(state.members)
    m = members.get(e.staff_id)
    if e.kind is EventKind.JOIN:
        members[e.staff_id] = Member(e.staff_id, e.name, e.agency, e.senior, e.manager)
        order = tuple(s for s in state.order if s != e.staff_id)
        if not e.manager:
            order += (e.staff_id,)
        return replace(state, members=members, order=order)
    if m is None:
        if e.kind is EventKind.REORDER:
            kept = [s for s in e.order if s in state.order]
            rest = [s for s in state.order if s not in kept]
            return replace(state, order=tuple(kept + rest))
        return state
    if e.kind is EventKind.STATUS:
        status = DutyStatus(e.status)
        members[m.staff_id] = replace(m, status=status, note=e.note,
                                      visit_id="" if status is not DutyStatus.RECEIVING
                                      else m.visit_id)
        order = state.order
        if status is DutyStatus.OFF:
            order = tuple(s for s in order if s != m.staff_id)
        elif m.status is DutyStatus.OFF and not m.manager and m.staff_id not in order:
            order += (m.staff_id,)  # back on duty: joins at the back
        return replace(state, members=members, order=order)
    if e.kind is EventKind.ASSIGN:
        turn = e.reason in TURN_REASONS
        members[m.staff_id] = replace(m, status=DutyStatus.RECEIVING, visit_id=e.visit_id,
                                      note="", free_party=not turn,
                                      owed=m.owed and not turn)
        order = state.order
        last_agency = state.last_agency
        if turn:
            order = _to_back(order, [m.staff_id])
            last_agency = m.agency
        return replace(state, members=members, order=order, last_agency=last_agency)
    if e.kind is EventKind.SKIP:
        members[m.staff_id] = replace(m, owed=False)
        return replace(state, members=members, order=_to_back(state.order, [m.staff_id]))
    if e.kind is EventKind.REASSIGN:
        if m.status is DutyStatus.RECEIVING and m.visit_id == e.visit_id:
            members[m.staff_id] = replace(m, status=DutyStatus.BREAK, visit_id="", note=e.note,
                                          free_party=False)
        return replace(state, members=members)
    if e.kind is EventKind.OWE:
        members[m.staff_id] = replace(m, owed=True)
        return replace(state, members=members)
    if e.kind is EventKind.FINISH:
        if m.status is DutyStatus.RECEIVING:
            members[m.staff_id] = replace(m, status=DutyStatus.AVAILABLE, visit_id="",
                                          free_party=False)
        return replace(state, members=members)
    if e.kind is EventKind.RESTORE:
        members[m.staff_id] = replace(m, status=DutyStatus.AVAILABLE, visit_id="",
                                      free_party=False)
        order = state.order
        if m.staff_id in order:
            order = (m.staff_id, *(s for s in order if s != m.staff_id))
        return replace(state, members=members, order=order)
    if e.kind is EventKind.REORDER:
        kept = [s for s in e.order if s in state.order]
        rest = [s for s in state.order if s not in kept]
        return replace(state, order=tuple(kept + rest))
    return state


def replay(events: Iterable[RotationEvent]) -> RotationState:
    state = RotationState()
    for e in events:
        state = apply(state, e)
    return state


@dataclass(frozen=True)
class Decision:
    """Who gets the party (None: nobody eligible is free, the party waits) and the events."""

    staff_id: str | None
    reason: str
    events: tuple[RotationEvent, ...]


def _walk(state: RotationState, candidates: list[str], reason: AssignReason,
          visit_id: str) -> Decision:
    """Take the first free candidate in order; the busy ones passed on the way are skipped,
    except those on a party that cost no turn, who are owed one and keep their place."""
    skips: list[RotationEvent] = []
    for sid in candidates:
        m = state.members[sid]
        if m.status is DutyStatus.AVAILABLE:
            assign = RotationEvent(EventKind.ASSIGN, sid, reason.value, visit_id=visit_id)
            return Decision(sid, reason.value, (*skips, assign))
        if m.status is DutyStatus.RECEIVING and m.free_party:
            if not m.owed:  # logged once per pass-over streak, not at every walk-in
                skips.append(RotationEvent(EventKind.OWE, sid, "owed", visit_id=visit_id))
            continue
        skips.append(RotationEvent(EventKind.SKIP, sid, m.status.value, visit_id=visit_id))
    return Decision(None, reason.value, ())


def manager_receives(rules: RotationRules, *, important: bool, very_important: bool) -> bool:
    """Whether this visitor goes to the sales manager first (seniors if none is free)."""
    if rules.important_mode is ImportantMode.MANAGER:
        return important or very_important
    return very_important and rules.important_mode is ImportantMode.TIERED


def next_up(state: RotationState, rules: RotationRules, *, important: bool = False,
            very_important: bool = False, visit_id: str = "") -> Decision:
    """Who receives the next walk-in (or group tour: one consultant leads). Important visitors
    go to senior consultants; very important ones to the sales manager in the tiered and
    manager modes (to a senior consultant when no manager is free)."""
    if important or very_important:
        if manager_receives(rules, important=important, very_important=very_important):
            for m in state.members.values():
                if m.manager and m.status is DutyStatus.AVAILABLE:
                    return Decision(m.staff_id, AssignReason.MANAGER_RULE.value, (
                        RotationEvent(EventKind.ASSIGN, m.staff_id,
                                      AssignReason.MANAGER_RULE.value, visit_id=visit_id),))
        # Senior-only: non-seniors are not eligible, so passing them costs them nothing.
        seniors = [s for s in state.order if state.members[s].senior]
        return _walk(state, seniors, AssignReason.SENIOR_RULE, visit_id)
    if rules.joint_mode is JointMode.ALTERNATE:
        agencies = list(dict.fromkeys(state.members[s].agency for s in state.order))
        if len(agencies) > 1:
            # The agency after the last served one, then the others in turn.
            if state.last_agency in agencies:
                i = agencies.index(state.last_agency)
                agencies = agencies[i + 1:] + agencies[:i + 1]
            for agency in agencies:
                pool = [s for s in state.order if state.members[s].agency == agency]
                if any(state.members[s].status is DutyStatus.AVAILABLE for s in pool):
                    return _walk(state, pool, AssignReason.AGENCY_ALTERNATE, visit_id)
            return Decision(None, AssignReason.AGENCY_ALTERNATE.value, ())
    if not any(state.members[s].status is DutyStatus.AVAILABLE for s in state.order):
        return Decision(None, AssignReason.NEXT_UP.value, ())
    return _walk(state, list(state.order), AssignReason.NEXT_UP, visit_id)


def direct(state: RotationState, staff_id: str, reason: AssignReason,
           visit_id: str = "") -> RotationEvent:
    """A party that bypasses the rotation (returning owner, backup, appointment, transfer)."""
    return RotationEvent(EventKind.ASSIGN, staff_id, reason.value, visit_id=visit_id)


@dataclass(frozen=True)
class FairnessRow:
    staff_id: str
    name: str
    agency: str
    receptions: int  # every party received
    turns: int  # rotation turns taken (turn-consuming assignments)
    skips: int
    restores: int  # 补位
    direct: int  # returning owners, appointments, transfers
    owed: int = 0  # passed over on a party that cost no turn; kept their place


@dataclass(frozen=True)
class FairnessReport:
    rows: tuple[FairnessRow, ...]
    by_agency: tuple[tuple[str, int], ...]  # (agency, receptions)
    manual_changes: int
    spread: int  # max - min rotation receptions among consultants in the cycle


def fairness(events: Iterable[RotationEvent]) -> FairnessReport:
    names: dict[str, tuple[str, str, bool]] = {}
    receptions: Counter[str] = Counter()
    turns: Counter[str] = Counter()
    skips: Counter[str] = Counter()
    restores: Counter[str] = Counter()
    directs: Counter[str] = Counter()
    owed: Counter[str] = Counter()
    manual = 0
    for e in events:
        if e.kind is EventKind.JOIN:
            names.setdefault(e.staff_id, (e.name, e.agency, e.manager))
        elif e.kind is EventKind.ASSIGN:
            receptions[e.staff_id] += 1
            if e.reason in TURN_REASONS:
                turns[e.staff_id] += 1
            else:
                directs[e.staff_id] += 1
        elif e.kind is EventKind.SKIP:
            skips[e.staff_id] += 1
        elif e.kind is EventKind.OWE:
            owed[e.staff_id] += 1
        elif e.kind is EventKind.RESTORE:
            restores[e.staff_id] += 1
            turns[e.staff_id] -= 1
        elif e.kind is EventKind.REORDER:
            manual += 1
    rows = tuple(
        FairnessRow(sid, n, a, receptions[sid], turns[sid], skips[sid], restores[sid],
                    directs[sid], owed[sid])
        for sid, (n, a, _m) in names.items()
    )
    agencies: Counter[str] = Counter()
    for r in rows:
        agencies[r.agency or "—"] += r.receptions
    cycle = [turns[sid] for sid, (_n, _a, mgr) in names.items() if not mgr]
    spread = (max(cycle) - min(cycle)) if cycle else 0
    return FairnessReport(rows, tuple(sorted(agencies.items())), manual, spread)
