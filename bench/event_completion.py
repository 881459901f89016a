"""One subscription event's completion, as the API's executor does it for the apps' plain
subscriptions (``graphql_api.projection``), beside graphql-core executing the same event in the
same run.

    .venv/bin/python -m bench.event_completion [--events 3000] [--rounds 5]

For each subscription operation of the apps (``clients/operations``) whose events the API
projects, and a payload like the ones its resolver yields (a hub outlet's reading, a battery
schedule's change, a behaviour change): the CPU of one event, from the subscription's executor
to its result, with the projection (``PerEventMemoExecutor.build_per_event_executor`` then
``execute_operation``, as the subscription's stream calls them), then with graphql-core's
execution (the projection turned off on the same executor). Rounds alternate the two; each
figure is the median of ``--rounds``. This is the per-delivery cost of an event that no other
subscriber shares (one app watching its own device: ``bench/fanout.py`` measures the shared
case). No servers, no network; every loop is bounded by ``--events``.
"""

import argparse
import datetime as dt
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graphql import ExecutionResult, parse
from strawberry import relay

from graphql_api.batteries.models import ScheduleStatus, SlotStatus
from graphql_api.batteries.types import BatteryScheduleUpdate
from graphql_api.behaviour.activities import Activity
from graphql_api.behaviour.analysis import BehaviourChange
from graphql_api.behaviour.types import BehaviourEvent
from graphql_api.execution import PerEventMemoExecutor
from graphql_api.schema import build_schema
from graphql_api.settings import Settings
from graphql_api.telemetry.types import TelemetryReading, TelemetryValue

ROOT = Path(__file__).resolve().parents[1]
NOW = dt.datetime(2026, 12, 7, 10, 30, 15, 123456, tzinfo=dt.UTC)
DEVICE = {"deviceId": str(relay.GlobalID("Device", "7"))}


def outlet_reading() -> TelemetryReading:
    return TelemetryReading(
        device_id=relay.GlobalID("Device", "7"),
        received_at=NOW,
        device_time=None,
        values=[TelemetryValue(key="current_a", value=0.25), TelemetryValue(key="b", value=0)],
        persisted=False,
        relay_a=True,
        relay_b=False,
        overload=False,
    )


def schedule_change() -> BatteryScheduleUpdate:
    return BatteryScheduleUpdate(
        message_id="m-1",
        date=NOW.date(),
        status=ScheduleStatus.EXECUTED,
        slot=3,
        slot_status=SlotStatus.EXECUTED,
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


# (operations file, operation, variables, payload)
CASES: list[tuple[str, str, dict[str, Any], Callable[[], Any]]] = [
    ("outlets.graphql", "TelemetryUpdated", DEVICE, outlet_reading),
    ("batteries.graphql", "BatteryScheduleUpdated", DEVICE, schedule_change),
    (
        "behaviour.graphql",
        "BehaviourEvent",
        {"petId": str(relay.GlobalID("Pet", "1"))},
        activity_change,
    ),
]


def operation_text(file: str, name: str) -> str:
    """The named subscription of an operations file, with the fragments it spreads."""
    text = (ROOT / "clients/operations" / file).read_text()
    operation = re.search(rf"^subscription {name}\b.*?^}}$", text, re.M | re.S).group(0)
    return operation + "".join(
        re.search(rf"^fragment {fragment} on .*?^}}$", text, re.M | re.S).group(0)
        for fragment in re.findall(r"\.\.\.(\w+)", operation)
    )


def microseconds_per_event(executor: PerEventMemoExecutor, event: Any, events: int) -> float:
    started = time.process_time()
    for _ in range(events):
        executor.build_per_event_executor(event).execute_operation()
    return 1e6 * (time.process_time() - started) / events


def measure(schema: Any, case: tuple, args: argparse.Namespace) -> tuple[float, float]:
    file, name, variables, payload = case
    document = parse(operation_text(file, name))
    executor = PerEventMemoExecutor.build(schema, document, raw_variable_values=variables)
    event = payload()
    projected = executor.build_per_event_executor(event).execute_operation()
    unprojected_executor = PerEventMemoExecutor.build(
        schema, document, raw_variable_values=variables
    )
    unprojected_executor._projection = None  # graphql-core's execution, on the same operation
    executed = unprojected_executor.build_per_event_executor(event).execute_operation()
    if not isinstance(projected, ExecutionResult) or projected.errors:
        raise RuntimeError(f"{name}: {projected}")
    if executor._projection is None:
        raise RuntimeError(f"{name} is not projected")
    if projected.data != executed.data or executed.errors:
        raise RuntimeError(f"{name}: the projection differs from graphql-core's result")
    with_projection, with_graphql_core = [], []
    for _ in range(args.rounds):
        with_projection.append(microseconds_per_event(executor, event, args.events))
        with_graphql_core.append(microseconds_per_event(unprojected_executor, event, args.events))
    return statistics.median(with_projection), statistics.median(with_graphql_core)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=3000, help="events per round (<= 100000)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of each (<= 50)")
    args = parser.parse_args()
    args.events, args.rounds = min(args.events, 100_000), min(args.rounds, 50)
    schema = build_schema(Settings())._schema
    print(f"CPU per event, median of {args.rounds} rounds of {args.events} events")
    print(f"{'subscription':<26} {'projected':>12} {'graphql-core':>14} {'ratio':>8}")
    for case in CASES:
        projected, executed = measure(schema, case, args)
        print(
            f"{case[1]:<26} {projected:9.1f} us {executed:11.1f} us "
            f"{100 * projected / executed:6.1f} %"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
