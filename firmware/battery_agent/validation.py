"""The agent checks every schedule itself before it stores or acks it (48 contiguous half-hour
slots from 00:00, charge/discharge/idle, 0 <= rate <= the controller's limit, idle at 0)."""

from typing import Any

MODES = ("charge", "discharge", "idle")


def _start(slot: int) -> str:
    return f"{slot // 2:02d}:{30 * (slot % 2):02d}"


def problems(message: Any, max_charge_kw: float, max_discharge_kw: float) -> list[str]:
    if not isinstance(message, dict) or not isinstance(message.get("message_id"), str):
        return ["no message_id"]
    if not isinstance(message.get("date"), str):
        return ["no date"]
    intervals = message.get("intervals")
    if not isinstance(intervals, list) or len(intervals) != 48:
        return ["48 intervals expected"]
    found = []
    for slot, item in enumerate(intervals):
        if not isinstance(item, dict):
            found.append(f"slot {slot}: not an object")
            continue
        mode, rate = item.get("mode"), item.get("rate_kw")
        if item.get("start") != _start(slot):
            found.append(f"slot {slot}: starts at {item.get('start')}")
        if mode not in MODES:
            found.append(f"slot {slot}: mode {mode}")
        if isinstance(rate, bool) or not isinstance(rate, int | float) or rate < 0:
            found.append(f"slot {slot}: rate {rate}")
        elif mode == "idle" and rate != 0:
            found.append(f"slot {slot}: idle at {rate} kW")
        elif mode == "charge" and rate > max_charge_kw:
            found.append(f"slot {slot}: charge {rate} kW over {max_charge_kw}")
        elif mode == "discharge" and rate > max_discharge_kw:
            found.append(f"slot {slot}: discharge {rate} kW over {max_discharge_kw}")
    return found
