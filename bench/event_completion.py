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
import statistics
import time
from typing import Any

from graphql import ExecutionResult, parse

from graphql_api.execution import PerEventMemoExecutor
from graphql_api.schema import build_schema
from graphql_api.settings import Settings
from tests.support.subscription_events import PROJECTED, operation_text


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
    for case in PROJECTED:
        projected, executed = measure(schema, case, args)
        print(
            f"{case[1]:<26} {projected:9.1f} us {executed:11.1f} us "
            f"{100 * projected / executed:6.1f} %"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
