"""Appointments: a booked visit (one-to-one service) or a booked signing slot.

The lifecycle, the booking rules (notice, window, buffers) and the time-zone helpers. Times are
kept in UTC; the sales centre lives in Asia/Shanghai, so "a day" is always a Shanghai day."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from salesdesk.domain.errors import Conflict, ValidationError
from salesdesk.domain.local_time import local, local_day


class AppointmentKind(StrEnum):
    VISIT = "visit"
    SIGNING = "signing"


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    CONFIRMED = "confirmed"
    ARRIVED = "arrived"
    COMPLETED = "completed"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    RESCHEDULED = "rescheduled"
    # Head office found the desk already taken by a booking another device synced first: the
    # booking is kept and shown, and someone moves it to a free slot or cancels it.
    CONFLICT = "conflict"


S = AppointmentStatus

STATUS_LABELS_ZH: dict[AppointmentStatus, str] = {
    S.BOOKED: "已预约",
    S.CONFIRMED: "已确认",
    S.ARRIVED: "已到访",
    S.COMPLETED: "已完成",
    S.NO_SHOW: "未到访",
    S.CANCELLED: "已取消",
    S.RESCHEDULED: "已改期",
    S.CONFLICT: "签约台冲突待处理",
}

KIND_LABELS_ZH: dict[AppointmentKind, str] = {
    AppointmentKind.VISIT: "到访",
    AppointmentKind.SIGNING: "签约",
}

# Where each status may go next. Closed statuses go nowhere: a rescheduled appointment is
# replaced by a new one that points back at it, so its history stays as it was.
TRANSITIONS: dict[AppointmentStatus, frozenset[AppointmentStatus]] = {
    S.BOOKED: frozenset({S.CONFIRMED, S.ARRIVED, S.NO_SHOW, S.CANCELLED, S.RESCHEDULED}),
    S.CONFIRMED: frozenset({S.ARRIVED, S.NO_SHOW, S.CANCELLED, S.RESCHEDULED}),
    S.ARRIVED: frozenset({S.COMPLETED}),
    S.COMPLETED: frozenset(),
    S.NO_SHOW: frozenset(),
    S.CANCELLED: frozenset(),
    S.RESCHEDULED: frozenset(),
    S.CONFLICT: frozenset({S.CANCELLED, S.RESCHEDULED}),
}

OPEN_STATUSES: frozenset[AppointmentStatus] = frozenset({S.BOOKED, S.CONFIRMED})
# Statuses that hold a signing desk (or a consultant's time). A no-show held it too: the desk
# was kept free for them, so it counts as used for that slot.
HOLDING_STATUSES: frozenset[AppointmentStatus] = frozenset(
    {S.BOOKED, S.CONFIRMED, S.ARRIVED, S.COMPLETED, S.NO_SHOW}
)


def check_transition(current: AppointmentStatus, target: AppointmentStatus) -> None:
    if target not in TRANSITIONS[current]:
        raise Conflict(
            f"预约当前为「{STATUS_LABELS_ZH[current]}」，不能改为「{STATUS_LABELS_ZH[target]}」",
            en=f"An appointment that is {current.value} cannot become {target.value}",
        )


def needs_reason(target: AppointmentStatus) -> bool:
    """Cancelling and rescheduling say why (the history is read later in disputes)."""
    return target in (S.CANCELLED, S.RESCHEDULED)


@dataclass(frozen=True)
class BookingRules:
    """Settings: how far ahead a booking must be made, how far ahead it may be made, and the
    gap a consultant keeps between two appointments."""

    min_notice_minutes: int = 60
    window_days: int = 30
    buffer_minutes: int = 15
    visit_opens: time = time(9, 0)
    visit_closes: time = time(18, 0)


# ---- time -------------------------------------------------------------------------------


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def format_local(value: datetime) -> str:
    """"11月25日 周三 10:30" in Shanghai time."""
    t = local(value)
    return f"{t.month}月{t.day}日 {WEEKDAYS_ZH[t.weekday()]} {t:%H:%M}"


# ---- validation -------------------------------------------------------------------------


@dataclass(frozen=True)
class Busy:
    """Another appointment of the same consultant."""

    starts_at: datetime
    ends_at: datetime
    label: str = ""


def validate_times(starts_at: datetime, ends_at: datetime, now: datetime,
                   rules: BookingRules) -> None:
    """End after start, not in the past, enough notice, inside the booking window."""
    if ends_at <= starts_at:
        raise ValidationError("结束时间必须晚于开始时间", en="The end must be after the start",
                              field="ends_at")
    if starts_at < now:
        raise ValidationError("不能预约已经过去的时间", en="That time is in the past",
                              field="starts_at")
    if starts_at < now + timedelta(minutes=rules.min_notice_minutes):
        raise ValidationError(
            f"至少需提前 {rules.min_notice_minutes} 分钟预约",
            en=f"Book at least {rules.min_notice_minutes} minutes ahead", field="starts_at")
    if local_day(starts_at) > local_day(now) + timedelta(days=rules.window_days):
        raise ValidationError(
            f"只能预约 {rules.window_days} 天以内的时间",
            en=f"Bookings open {rules.window_days} days ahead at most", field="starts_at")


def validate_visit_hours(starts_at: datetime, ends_at: datetime, rules: BookingRules) -> None:
    start, end = local(starts_at), local(ends_at)
    if (start.date() != end.date() or start.time() < rules.visit_opens
            or end.time() > rules.visit_closes):
        raise ValidationError(
            f"到访预约须在营业时间 {rules.visit_opens:%H:%M}–{rules.visit_closes:%H:%M} 之内",
            en=f"Visits are booked within opening hours "
               f"{rules.visit_opens:%H:%M}–{rules.visit_closes:%H:%M}",
            field="starts_at")


def check_buffer(starts_at: datetime, ends_at: datetime, others: Iterable[Busy],
                 buffer_minutes: int) -> None:
    """A consultant's appointments keep ``buffer_minutes`` apart (one-to-one service)."""
    gap = timedelta(minutes=buffer_minutes)
    for other in others:
        if starts_at < other.ends_at + gap and other.starts_at < ends_at + gap:
            when = f"{local(other.starts_at):%H:%M}–{local(other.ends_at):%H:%M}"
            raise Conflict(
                f"该置业顾问 {when} 已有预约{('（' + other.label + '）') if other.label else ''}，"
                f"前后需间隔 {buffer_minutes} 分钟",
                en=f"The consultant is booked {when}; keep {buffer_minutes} minutes between "
                   "appointments", field="starts_at")


def validate_length(minutes: int) -> None:
    if minutes <= 0:
        raise ValidationError("结束时间必须晚于开始时间", en="The end must be after the start",
                              field="ends_at")
    if minutes > 8 * 60:
        raise ValidationError("一次预约不超过 8 小时", en="An appointment lasts 8 hours at most",
                              field="ends_at")
