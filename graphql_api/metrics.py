"""Prometheus metrics: what every API process counts, and the text ``/metrics`` serves.

Two modes, chosen by ``PAWGRAPH_METRICS_DIR`` (see :func:`configure`):

* unset: each process keeps its metrics in memory and ``/metrics`` shows that process's own.
  Right when every API process has an address of its own that Prometheus scrapes (one
  ``pawgraph serve`` per container or port).
* a directory: prometheus-client's multiprocess mode. Every process writes its values to
  memory-mapped files there, and ``/metrics``, whichever process answers, adds all processes
  up. Needed for ``pawgraph serve --workers N``, whose processes share one port, so a scrape
  reaches any one of them. The directory is the deployment's, shared by the processes of one
  host (process ids tell live processes from dead ones): empty it before the first process
  starts (counters then restart at zero, which Prometheus reads as a reset).

Labels are bounded: routes are path templates (``/h/{hub_key}/api/data/``), channels are
channel names with their ids masked (``device.{id}.telemetry``), and GraphQL operation names
beyond the first :data:`MAX_OPERATION_NAMES` a process sees are counted as ``other``.

Domain code records through the small functions at the bottom, which cost a label lookup and
an increment: cheap enough for the device ingest path.
"""

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
    values,
)

__all__ = ["CONTENT_TYPE_LATEST", "configure", "exposition"]

MAX_OPERATION_NAMES = 200
ANONYMOUS_OPERATION = "anonymous"
OTHER_OPERATION = "other"
_OPERATION_NAME = re.compile(r"^[_A-Za-z][_0-9A-Za-z]{0,99}$")
_ID_SEGMENT = re.compile(r"(?<=\.)\d+(?=\.|$)")
# prometheus-client reads the multiprocess directory from this variable, in every process.
_MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
_BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128)
_JOB_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class _Children:
    """A labelled metric's children, kept: ``labels()`` validates and locks on every call, a
    dict lookup does not (the label sets are bounded, so is the dict)."""

    def __init__(self, metric: Any) -> None:
        self.metric = metric
        self.children: dict[tuple[str, ...], Any] = {}

    def __call__(self, *labels: str) -> Any:
        child = self.children.get(labels)
        if child is None:
            child = self.children[labels] = self.metric.labels(*labels)
        return child


class _Metrics:
    def __init__(self, registry: CollectorRegistry | None) -> None:
        def counter(name: str, doc: str, labels: tuple[str, ...]) -> _Children:
            return _Children(Counter(name, doc, labels, registry=registry))

        self.http_requests = counter(
            "pawgraph_http_requests_total",
            "HTTP requests answered, by method, route template and status code.",
            ("method", "route", "status"),
        )
        self.http_latency = _Children(
            Histogram(
                "pawgraph_http_request_duration_seconds",
                "Time to answer an HTTP request, by method and route template.",
                ("method", "route"),
                registry=registry,
            )
        )
        self.graphql_operations = counter(
            "pawgraph_graphql_operations_total",
            "GraphQL operations run, by type, operation name and outcome (ok, error).",
            ("type", "operation", "outcome"),
        )
        self.graphql_latency = _Children(
            Histogram(
                "pawgraph_graphql_operation_duration_seconds",
                "Time to run a GraphQL query or mutation, by type and operation name.",
                ("type", "operation"),
                registry=registry,
            )
        )
        self.subscriptions_open = _Children(
            Gauge(
                "pawgraph_subscriptions_open",
                "Live subscriptions to the event bus (GraphQL subscriptions), by channel.",
                ("channel",),
                registry=registry,
                multiprocess_mode="livesum",
            )
        )
        self.events_published = counter(
            "pawgraph_events_published_total",
            "Events sent to the pub/sub bus after their transaction committed, by channel.",
            ("channel",),
        )
        self.events_delivered = counter(
            "pawgraph_events_delivered_total",
            "Events handed to a live subscription, by channel.",
            ("channel",),
        )
        self.device_readings = counter(
            "pawgraph_device_readings_total",
            "Reports devices sent, by device line, report and outcome (accepted: 2xx, "
            "rejected: 4xx, failed: 5xx).",
            ("line", "reading", "outcome"),
        )
        self.command_transitions = counter(
            "pawgraph_command_transitions_total",
            "Command status changes that committed, by command kind and status entered.",
            ("kind", "status"),
        )
        self.job_runs = counter(
            "pawgraph_job_runs_total",
            "Background job runs, by job and outcome (ok, error).",
            ("job", "outcome"),
        )
        self.job_duration = _Children(
            Histogram(
                "pawgraph_job_duration_seconds",
                "Time a background job run took, by job.",
                ("job",),
                registry=registry,
                buckets=_JOB_BUCKETS,
            )
        )
        self.group_commit_items = _Children(
            Histogram(
                "pawgraph_group_commit_batch_items",
                "Items a group commit wrote in one transaction, by group "
                "(hub_readings, collar_uploads).",
                ("group",),
                registry=registry,
                buckets=_BATCH_BUCKETS,
            )
        )
        self.group_commit_fallbacks = counter(
            "pawgraph_group_commit_fallbacks_total",
            "Batches that failed and were written again one item per transaction, by group.",
            ("group",),
        )
        self.operation_names: set[str] = set()


@dataclass
class _Mode:
    directory: Path | None
    registry: CollectorRegistry | None
    metrics: _Metrics


_mode: _Mode | None = None


def configure(directory: Path | None) -> None:
    """Choose the mode before the process records anything (``create_app`` does).

    With a directory, the live gauges of processes that no longer run are dropped from it, so
    a restarted worker does not leave its open subscriptions counted.
    """
    global _mode
    if _mode is not None and _mode.directory == directory:
        return
    if directory is None:
        os.environ.pop(_MULTIPROC_ENV, None)
        values.ValueClass = values.get_value_class()
        registry = CollectorRegistry()
        _mode = _Mode(None, registry, _Metrics(registry))
        return
    directory.mkdir(parents=True, exist_ok=True)
    os.environ[_MULTIPROC_ENV] = str(directory)
    values.ValueClass = values.get_value_class()
    for pid in _dead_pids(directory):
        multiprocess.mark_process_dead(pid, str(directory))
    # Metrics of multiprocess mode are read from the files, never from a registry.
    _mode = _Mode(directory, None, _Metrics(None))


def _dead_pids(directory: Path) -> set[int]:
    pids = set()
    for path in directory.glob("gauge_live*_*.db"):
        pid = int(path.stem.rsplit("_", 1)[1])
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            pids.add(pid)
        except PermissionError:  # alive, another user's
            pass
    return pids


def _current() -> _Metrics:
    if _mode is None:
        configure(None)
    assert _mode is not None
    return _mode.metrics


def exposition() -> bytes:
    """The text format of every metric: this process's, or every process's in the directory."""
    _current()
    assert _mode is not None
    if _mode.directory is None:
        assert _mode.registry is not None
        return generate_latest(_mode.registry)
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=str(_mode.directory))
    return generate_latest(registry)


# ---- recording -----------------------------------------------------------------------------


# Every delivery of an event labels its channel: the regex ran once per subscriber per event.
@functools.lru_cache(maxsize=4096)
def channel_label(channel: str) -> str:
    """A channel name with its ids masked: ``user.7.alerts`` -> ``user.{id}.alerts``."""
    return _ID_SEGMENT.sub("{id}", channel)


def http_request(method: str, route: str, status: int, seconds: float) -> None:
    metrics = _current()
    metrics.http_requests(method, route, str(status)).inc()
    metrics.http_latency(method, route).observe(seconds)


def operation_label(name: str | None) -> str:
    """The operation's name as a label; past the cap, or malformed, ``other``."""
    if not name:
        return ANONYMOUS_OPERATION
    names = _current().operation_names
    if name in names:
        return name
    if len(names) >= MAX_OPERATION_NAMES or not _OPERATION_NAME.match(name):
        return OTHER_OPERATION
    names.add(name)
    return name


def graphql_operation(kind: str, name: str | None, ok: bool, seconds: float | None) -> None:
    metrics = _current()
    operation = operation_label(name)
    metrics.graphql_operations(kind, operation, "ok" if ok else "error").inc()
    if seconds is not None:
        metrics.graphql_latency(kind, operation).observe(seconds)


def subscription_opened(channel: str) -> None:
    _current().subscriptions_open(channel_label(channel)).inc()


def subscription_closed(channel: str) -> None:
    _current().subscriptions_open(channel_label(channel)).dec()


def event_published(channel: str, count: int = 1) -> None:
    _current().events_published(channel_label(channel)).inc(count)


def event_delivered(channel: str) -> None:
    _current().events_delivered(channel_label(channel)).inc()


def device_reading(line: str, reading: str, status: int) -> None:
    outcome = "accepted" if status < 400 else "rejected" if status < 500 else "failed"
    _current().device_readings(line, reading, outcome).inc()


def command_transition(kind: str, status: str) -> None:
    _current().command_transitions(kind, status).inc()


def job_run(job: str, ok: bool, seconds: float) -> None:
    metrics = _current()
    metrics.job_runs(job, "ok" if ok else "error").inc()
    metrics.job_duration(job).observe(seconds)


def group_commit_batch(group: str, items: int) -> None:
    _current().group_commit_items(group).observe(items)


def group_commit_fallback(group: str) -> None:
    _current().group_commit_fallbacks(group).inc()
