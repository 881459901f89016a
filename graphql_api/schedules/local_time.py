"""Wall-clock arithmetic for schedules, free of the database: days of the week as a bit mask,
HH:MM parsing, the firing window in a time zone, and which firmware gets the schedules array."""

import datetime as dt
import re
import zoneinfo
from collections.abc import Iterable, Sequence

DAY_NAMES: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
EVERY_DAY = 0b1111111
# A poll fires a schedule when local now is 0 to 180 s after its time (WIRE.md section 1); the
# feeder polls every 45 s, so every window holds at least four polls.
FIRING_WINDOW = dt.timedelta(seconds=180)

_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def parse_hhmm(value: str) -> dt.time | None:
    match = _HHMM.match(value.strip())
    if match is None:
        return None
    return dt.time(int(match.group(1)), int(match.group(2)))


def format_hhmm(value: dt.time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def format_clock_12h(value: dt.datetime) -> str:
    """``08:01 AM``, built by hand: ``%p`` follows the process locale."""
    hour = value.hour % 12 or 12
    return f"{hour:02d}:{value.minute:02d} {'AM' if value.hour < 12 else 'PM'}"


def days_mask(names: Iterable[str]) -> int | None:
    """The mask for day names (case-insensitive ``Mon``..``Sun``); None if one is unknown."""
    mask = 0
    for name in names:
        key = name.strip().capitalize()
        if key not in DAY_NAMES:
            return None
        mask |= 1 << DAY_NAMES.index(key)
    return mask


def day_names(mask: int) -> list[str]:
    return [name for index, name in enumerate(DAY_NAMES) if mask & (1 << index)]


def zone_named(name: str | None) -> zoneinfo.ZoneInfo:
    # Time zones are validated when a user registers; UTC only guards against a zone that a
    # newer tzdata dropped.
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def due_local_date(
    time_of_day: dt.time, mask: int, now: dt.datetime, zone: dt.tzinfo
) -> dt.date | None:
    """The local day whose occurrence of ``time_of_day`` is 0 to 180 s before ``now``, if any.

    Yesterday is checked too, so 23:59 still fires at 00:01. A time skipped by a DST jump
    happens at the same offset as before the jump (zoneinfo's fold=0), e.g. 02:30 at 03:30;
    differences are taken in UTC, so they are real elapsed seconds.
    """
    local_today = now.astimezone(zone).date()
    for day in (local_today, local_today - dt.timedelta(days=1)):
        if not mask & (1 << day.weekday()):
            continue
        occurrence = dt.datetime.combine(day, time_of_day, tzinfo=zone)
        elapsed = now.astimezone(dt.UTC) - occurrence.astimezone(dt.UTC)
        if dt.timedelta(0) <= elapsed <= FIRING_WINDOW:
            return day
    return None


def parse_version_rules(setting: str) -> list[str]:
    return [rule.strip() for rule in setting.split(",") if rule.strip()]


def has_utc_flaw(firmware_version: str | None, rules: Sequence[str]) -> bool:
    """Whether a feeder's firmware compares the schedules array against UTC.

    A rule is an exact version (``1.0.3``) or a prefix ending in ``x`` or ``*`` (``1.x``).
    An unknown version counts as flawed: every unit shipped so far has the flaw, and an empty
    array only means the unit relies on ``should_feed``, while a full one makes it feed 8 hours
    late.
    """
    if not firmware_version:
        return True
    version = firmware_version.strip()
    for rule in rules:
        if rule.endswith(("x", "*")):
            if version.startswith(rule[:-1]):
                return True
        elif version == rule:
            return True
    return False
