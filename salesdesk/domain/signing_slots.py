"""The signing centre's calendar: opening hours, slot length and desks per slot, per day.

A day's plan comes from the weekly settings, overridden by a calendar entry for that date
(a holiday closes it; an opening day adds desks). Slots are whole slot-lengths between opening
and closing time, in Shanghai wall-clock time, stored as UTC instants."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from salesdesk.domain.errors import Conflict, ValidationError
from salesdesk.domain.local_time import at_local, local, local_day

# The project's default list until the signing-materials capability supplies one per buyer
# profile (PRODUCT.md, "everyone" row).
DEFAULT_MATERIALS: tuple[str, ...] = (
    "身份证原件及复印件",
    "户口簿原件及复印件",
    "认购书及定金收据",
    "婚姻状况证明（结婚证 / 离婚证 / 未婚声明）",
    "家庭住房情况申报表 / 购房承诺书",
)


@dataclass(frozen=True)
class CentreSettings:
    """The signing centre's ordinary week."""

    opens: time = time(9, 0)
    closes: time = time(17, 0)
    slot_minutes: int = 60
    desks: int = 3
    closed_weekdays: frozenset[int] = frozenset()  # 0 = Monday
    place: str = "签约中心"


@dataclass(frozen=True)
class DayOverride:
    """A calendar entry for one date: closed (holiday) or different hours / desks."""

    day: date
    closed: bool = False
    desks: int | None = None
    opens: time | None = None
    closes: time | None = None
    note: str = ""


@dataclass(frozen=True)
class Slot:
    index: int
    starts_at: datetime  # UTC
    ends_at: datetime  # UTC

    @property
    def label(self) -> str:
        return f"{local(self.starts_at):%H:%M}–{local(self.ends_at):%H:%M}"


@dataclass(frozen=True)
class DayPlan:
    day: date
    open: bool
    opens: time
    closes: time
    slot_minutes: int
    desks: int
    note: str = ""
    slots: tuple[Slot, ...] = field(default=())


def validate_settings(s: CentreSettings) -> None:
    if s.slot_minutes < 10 or s.slot_minutes > 240:
        raise ValidationError("时段长度须在 10 到 240 分钟之间",
                              en="The slot length must be 10 to 240 minutes", field="slot_minutes")
    if s.desks < 0 or s.desks > 50:
        raise ValidationError("签约台数须在 0 到 50 之间", en="Desks must be 0 to 50",
                              field="desks")
    if s.closes <= s.opens:
        raise ValidationError("关门时间须晚于开门时间", en="Closing must be after opening",
                              field="closes")


def make_slots(day: date, opens: time, closes: time, slot_minutes: int) -> tuple[Slot, ...]:
    start = at_local(day, opens)
    # closes == 00:00 would mean midnight at the end of the day
    end = at_local(day, closes) if closes != time(0, 0) else at_local(day + timedelta(days=1),
                                                                      time(0, 0))
    step = timedelta(minutes=slot_minutes)
    out: list[Slot] = []
    t = start
    while t + step <= end:
        out.append(Slot(len(out), t, t + step))
        t += step
    return tuple(out)


def plan_for(day: date, settings: CentreSettings, override: DayOverride | None) -> DayPlan:
    opens = override.opens if override and override.opens else settings.opens
    closes = override.closes if override and override.closes else settings.closes
    desks = override.desks if override and override.desks is not None else settings.desks
    if override is not None:
        is_open = not override.closed
    else:
        is_open = day.weekday() not in settings.closed_weekdays
    is_open = is_open and desks > 0
    note = override.note if override else ""
    slots = make_slots(day, opens, closes, settings.slot_minutes) if is_open else ()
    return DayPlan(day, is_open, opens, closes, settings.slot_minutes, desks if is_open else 0,
                   note, slots)


def slot_at(plan: DayPlan, starts_at: datetime) -> Slot:
    """The slot that starts exactly at ``starts_at``; a closed day or an off-grid time says no."""
    if not plan.open:
        why = f"（{plan.note}）" if plan.note else ""
        raise ValidationError(f"签约中心 {plan.day:%Y-%m-%d} 不开放{why}",
                              en=f"The signing centre is closed on {plan.day:%Y-%m-%d}",
                              field="starts_at")
    for slot in plan.slots:
        if slot.starts_at == starts_at:
            return slot
    raise ValidationError(
        f"签约时段须从整点时段开始（{plan.opens:%H:%M} 起每 {plan.slot_minutes} 分钟）",
        en=f"A signing slot starts on the grid ({plan.opens:%H:%M} + n × "
           f"{plan.slot_minutes} min)", field="starts_at")


def free_desk(desks: int, taken: Iterable[int]) -> int:
    """The lowest free desk number (1-based); Conflict when every desk is taken."""
    used = set(taken)
    for n in range(1, desks + 1):
        if n not in used:
            return n
    raise Conflict("该时段签约台已满", en="Every desk of that slot is taken", field="starts_at")


@dataclass(frozen=True)
class FreeSlot:
    starts_at: datetime
    ends_at: datetime
    free: int

    @property
    def label(self) -> str:
        t = local(self.starts_at)
        return f"{t.month}月{t.day}日 {t:%H:%M}（余 {self.free} 台）"


def nearest_free(plans: Iterable[DayPlan], booked: Mapping[datetime, int], wanted: datetime,
                 earliest: datetime, limit: int = 3) -> list[FreeSlot]:
    """Free slots closest in time to ``wanted`` (ties go to the later one: customers rather
    come later than earlier), never before ``earliest``."""
    candidates: list[FreeSlot] = []
    for plan in plans:
        for slot in plan.slots:
            if slot.starts_at < earliest or slot.starts_at == wanted:
                continue
            free = plan.desks - booked.get(slot.starts_at, 0)
            if free > 0:
                candidates.append(FreeSlot(slot.starts_at, slot.ends_at, free))
    candidates.sort(key=lambda f: (abs((f.starts_at - wanted).total_seconds()),
                                   f.starts_at < wanted))
    return sorted(candidates[:limit], key=lambda f: f.starts_at)


def desk_label(desk_no: int) -> str:
    return f"{desk_no} 号签约台"


def parse_hhmm(text: str) -> time:
    try:
        h, m = text.strip().split(":")
        return time(int(h), int(m))
    except ValueError as exc:
        raise ValidationError(f"时间格式应为 HH:MM：{text}", en=f"Use HH:MM: {text}") from exc


def days_around(day: date, before: int, after: int) -> list[date]:
    return [day + timedelta(days=d) for d in range(-before, after + 1)]


def same_local_day(a: datetime, b: datetime) -> bool:
    return local_day(a) == local_day(b)


class SlotFull(Conflict):
    """The last desk of a slot was just taken; carries the nearest free slots to offer."""

    def __init__(self, message: str, *, en: str, alternatives: list[FreeSlot]) -> None:
        super().__init__(message, en=en, field="starts_at")
        self.alternatives = alternatives


def slot_full(starts_at: datetime, alternatives: list[FreeSlot]) -> SlotFull:
    t = local(starts_at)
    offer = "、".join(a.label for a in alternatives)
    offer_en = ", ".join(f"{local(a.starts_at):%m-%d %H:%M}" for a in alternatives)
    return SlotFull(
        f"{t.month}月{t.day}日 {t:%H:%M} 的签约台刚刚已约满。"
        + (f"最近的空闲时段：{offer}" if alternatives else "附近没有空闲时段，请换一天。"),
        en=f"The last desk at {t:%m-%d %H:%M} was just taken. "
        + (f"Nearest free slots: {offer_en}" if alternatives else "No free slot nearby."),
        alternatives=alternatives)
