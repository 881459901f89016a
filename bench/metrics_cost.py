"""What the Prometheus instrumentation adds to one Smart-Outlet reading, in both metrics modes.

    .venv/bin/python bench/metrics_cost.py [--readings 50000]

One outlet reading (``POST /h/<key>/api/data/``) records: the request (counter + latency
histogram, by route template), the device reading (counter), and the telemetry event it
publishes (counter). This times exactly those calls, the request middleware's included, per
reading, in per-process and in multiprocess mode (a temporary PAWGRAPH_METRICS_DIR), beside a
ceiling measured in the same run: the same four increments on a plain ``collections.Counter``
(the least any counting could cost). Compare the figure with bench/ingest.py's per-reading
latency to see its share.
"""

import argparse
import collections
import tempfile
import time
from pathlib import Path

from graphql_api import metrics
from graphql_api.instrumentation import RequestMetrics


def endpoint() -> None:
    """Stands in for the ingest route's endpoint."""


SCOPE = {
    "type": "http",
    "method": "POST",
    "path": "/h/3d9f1c2ab47e5f60/api/data/",
    "path_params": {"hub_key": "3d9f1c2ab47e5f60"},
    "route": type("Route", (), {"endpoint": staticmethod(endpoint)})(),
}


def instrumented(readings: int) -> float:
    middleware = RequestMetrics(app=None, readings={endpoint: ("smart_outlet", "outlet")})
    started = time.perf_counter()
    for _ in range(readings):
        middleware._record(SCOPE, 200, 0.002)
        metrics.event_published("device.123.telemetry")
    return (time.perf_counter() - started) / readings


def ceiling(readings: int) -> float:
    counts: collections.Counter[tuple[str, ...]] = collections.Counter()
    started = time.perf_counter()
    for _ in range(readings):
        counts["POST", "/h/{hub_key}/api/data/", "200"] += 1
        counts["latency", "POST", "/h/{hub_key}/api/data/"] += 1
        counts["smart_outlet", "outlet", "accepted"] += 1
        counts["device.{id}.telemetry",] += 1
    return (time.perf_counter() - started) / readings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readings", type=int, default=50_000, help="at most 500000")
    args = parser.parse_args()
    readings = max(1, min(args.readings, 500_000))
    metrics.configure(None)
    per_process = instrumented(readings)
    with tempfile.TemporaryDirectory() as directory:
        metrics.configure(Path(directory))
        multiprocess = instrumented(readings)
    floor = ceiling(readings)
    print(f"readings        : {readings}")
    print(f"per-process     : {per_process * 1e6:6.1f} us per reading")
    print(f"multiprocess    : {multiprocess * 1e6:6.1f} us per reading (mmap files)")
    print(f"ceiling         : {floor * 1e6:6.1f} us per reading (4 plain Counter increments)")


if __name__ == "__main__":
    main()
