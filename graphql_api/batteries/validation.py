"""Is a provider's body a schedule for tomorrow that this battery can run? Pure functions.

Valid only with exactly 48 contiguous half-hour slots from 00:00, each ``charge``, ``discharge``
or ``idle``, with ``rate_kw`` >= 0 and within the battery's rating, ``idle`` at rate 0, and the
``date`` that is tomorrow in the site's zone (WIRE.md section 5). Every broken rule is reported,
with its slot number where it has one, so one rejection tells the provider everything.
"""

import datetime as dt
import json
import math
from dataclasses import dataclass
from typing import Any

from graphql_api.batteries.models import SlotMode

SLOTS_PER_DAY = 48


@dataclass(frozen=True, slots=True)
class Interval:
    slot: int
    start: str
    mode: SlotMode
    rate_kw: float


@dataclass(frozen=True, slots=True)
class Reason:
    slot: int | None
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"slot": self.slot, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Rating:
    max_charge_kw: float
    max_discharge_kw: float


def slot_start(slot: int) -> str:
    return f"{slot // 2:02d}:{30 * (slot % 2):02d}"


def _check_interval(slot: int, item: Any, rating: Rating) -> tuple[Interval | None, list[Reason]]:
    if not isinstance(item, dict):
        return None, [Reason(slot, "not an object")]
    reasons: list[Reason] = []
    if item.get("start") != slot_start(slot):
        reasons.append(
            Reason(slot, f"starts at {item.get('start')!r}, expected {slot_start(slot)!r}")
        )
    try:
        mode = SlotMode(item.get("mode"))
    except ValueError:
        reasons.append(Reason(slot, f"mode {item.get('mode')!r} is not charge/discharge/idle"))
        mode = None
    rate = item.get("rate_kw")
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not math.isfinite(rate):
        reasons.append(Reason(slot, f"rate_kw {rate!r} is not a number"))
        return None, reasons
    if rate < 0:
        reasons.append(Reason(slot, f"rate_kw {rate} is negative"))
    elif mode is SlotMode.IDLE and rate != 0:
        reasons.append(Reason(slot, f"idle with rate_kw {rate}, expected 0"))
    elif mode is SlotMode.CHARGE and rate > rating.max_charge_kw:
        reasons.append(
            Reason(slot, f"charge at {rate} kW exceeds the rating of {rating.max_charge_kw} kW")
        )
    elif mode is SlotMode.DISCHARGE and rate > rating.max_discharge_kw:
        reasons.append(
            Reason(
                slot, f"discharge at {rate} kW exceeds the rating of {rating.max_discharge_kw} kW"
            )
        )
    if reasons or mode is None:
        return None, reasons
    return Interval(slot, slot_start(slot), mode, float(rate)), []


def validate(
    body: bytes, expected_date: dt.date, time_zone: str, rating: Rating
) -> tuple[list[Interval] | None, list[Reason]]:
    """The 48 intervals if ``body`` is a valid schedule, else None and every reason."""
    try:
        document = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        return None, [Reason(None, f"body is not JSON: {error}"[:300])]
    if not isinstance(document, dict):
        return None, [Reason(None, "body is not a JSON object")]
    reasons: list[Reason] = []
    if document.get("date") != expected_date.isoformat():
        reasons.append(
            Reason(
                None,
                f"date {document.get('date')!r} is not tomorrow ({expected_date.isoformat()}) "
                f"in {time_zone}",
            )
        )
    zone = document.get("timezone")
    if zone is not None and zone != time_zone:
        reasons.append(Reason(None, f"timezone {zone!r} is not the site's ({time_zone})"))
    items = document.get("intervals")
    if not isinstance(items, list):
        return None, [*reasons, Reason(None, "intervals is not a list")]
    if len(items) != SLOTS_PER_DAY:
        reasons.append(Reason(None, f"{len(items)} intervals, expected {SLOTS_PER_DAY}"))
    intervals: list[Interval] = []
    for slot, item in enumerate(items[:SLOTS_PER_DAY]):
        interval, broken = _check_interval(slot, item, rating)
        reasons.extend(broken)
        if interval is not None:
            intervals.append(interval)
    if reasons:
        return None, reasons
    return intervals, []
