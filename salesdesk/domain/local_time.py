"""The project's time zone and what "a local day" means: the one definition every layer uses.

Times are stored in UTC; days, opening hours and "today" are those of the sales centre's wall
clock. Chinese residential projects all keep Beijing time (no daylight saving), so a local
wall-clock time is never ambiguous."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

PROJECT_TZ = ZoneInfo("Asia/Shanghai")


def as_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("naive datetime: say which zone it is in")
    return value.astimezone(UTC)


def local(value: datetime) -> datetime:
    return value.astimezone(PROJECT_TZ)


def local_day(value: datetime) -> date:
    return value.astimezone(PROJECT_TZ).date()


def at_local(day: date, at: time) -> datetime:
    """The UTC instant of a wall-clock time on a local day."""
    return datetime.combine(day, at, tzinfo=PROJECT_TZ).astimezone(UTC)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """[start, end) of a local day in UTC: 16:00 UTC the day before to 16:00 UTC."""
    start = at_local(day, time(0, 0))
    return start, start + timedelta(days=1)
