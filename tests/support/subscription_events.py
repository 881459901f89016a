"""The apps' subscription operations (``clients/operations``) and an event like each one's
resolver yields, for the projection's tests and ``bench/event_completion.py``."""

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from strawberry import relay

from graphql_api.batteries.models import ScheduleStatus, SlotStatus
from graphql_api.batteries.types import BatteryScheduleUpdate
from graphql_api.behaviour.activities import Activity
from graphql_api.behaviour.analysis import BehaviourChange
from graphql_api.behaviour.types import BehaviourEvent
from graphql_api.telemetry.types import TelemetryReading, TelemetryValue

OPERATIONS = Path(__file__).resolve().parents[2] / "clients/operations"
NOW = dt.datetime(2026, 12, 7, 10, 30, 15, 123456, tzinfo=dt.UTC)
DEVICE = {"deviceId": str(relay.GlobalID("Device", "7"))}
PET = {"petId": str(relay.GlobalID("Pet", "1"))}


def operation_text(file: str, name: str) -> str:
    """The named subscription of an operations file, with the fragments it spreads."""
    text = (OPERATIONS / file).read_text()
    operation = re.search(rf"^subscription {name}\b.*?^}}$", text, re.M | re.S).group(0)
    return operation + "".join(
        re.search(rf"^fragment {fragment} on .*?^}}$", text, re.M | re.S).group(0)
        for fragment in re.findall(r"\.\.\.(\w+)", operation)
    )


def outlet_reading() -> TelemetryReading:
    return TelemetryReading(
        device_id=relay.GlobalID("Device", "7"),
        received_at=NOW,
        device_time=None,
        values=[TelemetryValue(key="current_a", value=0.25), TelemetryValue(key="b", value=0)],
        persisted=False,
        relay_a=True,
        relay_b=None,
        overload=False,
    )


def schedule_change() -> BatteryScheduleUpdate:
    return BatteryScheduleUpdate(
        message_id="m-1",
        date=NOW.date(),
        status=ScheduleStatus.EXECUTED,
        slot=3,
        slot_status=SlotStatus.FAILED,
        detail=None,
        at=NOW,
    )


def activity_change() -> BehaviourEvent:
    return BehaviourEvent(
        pet_id=relay.GlobalID("Pet", "1"),
        change=BehaviourChange.ACTIVITY_CHANGED,
        activity=Activity.PLAY,
        since=NOW,
        confidence=0.8,
        metric=None,
        message=None,
    )


# The apps' subscriptions whose events the API projects: (operations file, operation,
# variables, an event)
PROJECTED: list[tuple[str, str, dict[str, Any], Callable[[], Any]]] = [
    ("outlets.graphql", "TelemetryUpdated", DEVICE, outlet_reading),
    ("batteries.graphql", "BatteryScheduleUpdated", DEVICE, schedule_change),
    ("behaviour.graphql", "BehaviourEvent", PET, activity_change),
]
