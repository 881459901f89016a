"""``GET /metrics`` scraped from live servers while real traffic runs: GraphQL over HTTP and
websockets, feeder heartbeats with the firmware's bytes, commands, events and the background
sweeps. Two processes share one PAWGRAPH_METRICS_DIR (prometheus-client's multiprocess mode,
what ``serve --workers N`` needs), so traffic to one shows in the other's scrape."""

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import TEST_SECRET_KEY
from tests.factories.accounts import signed_up
from tests.factories.devices import (
    as_wire_bytes,
    feeder_headers,
    heartbeat_body,
    post_heartbeat,
    post_status,
    register_device,
)
from tests.support import environment
from tests.support.graphql_client import GraphQLClient, next_result
from tests.support.live_server import LiveServer, start_server

DEVICE_STATUS = """
subscription DeviceStatus($deviceId: ID!) {
  deviceStatus(deviceId: $deviceId) { deviceId ... on FeederStatus { wifiRssi } }
}
"""
FEED_NOW = """
mutation FeedNow($input: FeedNowInput!) {
  feedNow(input: $input) { command { id status } userErrors { code } }
}
"""
ME = "query WhoAmI { me { id } }"
JOB_TIMEOUT_S = 10.0

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


class Pair:
    """Two API processes writing their metrics into one directory."""

    def __init__(self, first: LiveServer, second: LiveServer) -> None:
        self.first = first
        self.second = second


@pytest.fixture(scope="module")
def metered(
    tmp_path_factory: pytest.TempPathFactory,
    server_logs: Path,
    database_url: str,
    test_environment: environment.TestEnvironment,
) -> Iterator[Pair]:
    directory = tmp_path_factory.mktemp("metrics")
    settings = {
        "env": "test",
        "database_url": database_url,
        "broadcast_url": test_environment.redis_url,
        "secret_key": TEST_SECRET_KEY,
        "metrics_dir": str(directory),
        "offline_check_interval": "0.5",
        "command_expiry_interval": "0.5",
    }
    first = start_server(server_logs, "metrics-first", **settings)
    try:
        second = start_server(server_logs, "metrics-second", **settings)
    except BaseException:
        first.stop()
        raise
    yield Pair(first, second)
    second.stop()
    first.stop()


async def scrape(server: LiveServer) -> Samples:
    async with httpx.AsyncClient(timeout=10) as http:
        response = await http.get(f"{server.base_url}/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def moved(before: Samples, after: Samples, name: str, **labels: str) -> float:
    return value(after, name, **labels) - value(before, name, **labels)


class TestMetrics:
    async def test_counters_move_with_real_traffic_across_two_processes(self, metered: Pair):
        # given: an owner on the second process; the first process is the one scraped
        owner = await signed_up(GraphQLClient(metered.second), "metrics")
        feeder = await register_device(owner)
        status_channel = "device.{id}.status"
        before = await scrape(metered.first)

        # when
        await owner.execute(ME)
        async with owner.subscribe(DEVICE_STATUS, {"deviceId": feeder.id}) as stream:
            await next_result(stream)  # the snapshot: subscribed
            while_open = await scrape(metered.first)
            await post_heartbeat(metered.second, feeder, wifi_rssi=-42)
            update = await next_result(stream)
        refused = await post_status(
            metered.second,
            as_wire_bytes(heartbeat_body(feeder)),
            feeder_headers(feeder, **{"X-API-Key": "not-a-key"}),
        )
        feed = await owner.execute(FEED_NOW, {"input": {"deviceId": feeder.id, "grams": 10}})
        after = await scrape(metered.first)

        # then: what the second process did shows in the first's scrape
        assert update["deviceStatus"]["wifiRssi"] == -42
        assert refused.status_code == 403
        assert feed["feedNow"]["userErrors"] == []
        operation = {"type": "query", "operation": "WhoAmI"}
        assert (
            moved(before, after, "pawgraph_graphql_operations_total", **operation, outcome="ok")
            == 1
        )
        assert value(after, "pawgraph_graphql_operation_duration_seconds_count", **operation) >= 1
        assert (
            moved(
                before,
                after,
                "pawgraph_graphql_operations_total",
                type="mutation",
                operation="FeedNow",
                outcome="ok",
            )
            == 1
        )
        heartbeat_route = {"method": "POST", "route": "/api/device/status/"}
        assert (
            moved(before, after, "pawgraph_http_requests_total", **heartbeat_route, status="200")
            == 1
        )
        assert (
            moved(before, after, "pawgraph_http_requests_total", **heartbeat_route, status="403")
            == 1
        )
        assert (
            moved(before, after, "pawgraph_http_request_duration_seconds_count", **heartbeat_route)
            == 2
        )
        reading = {"line": "petio", "reading": "heartbeat"}
        assert (
            moved(before, after, "pawgraph_device_readings_total", **reading, outcome="accepted")
            == 1
        )
        assert (
            moved(before, after, "pawgraph_device_readings_total", **reading, outcome="rejected")
            == 1
        )
        open_before = value(before, "pawgraph_subscriptions_open", channel=status_channel)
        assert (
            value(while_open, "pawgraph_subscriptions_open", channel=status_channel)
            == open_before + 1
        )
        assert value(after, "pawgraph_subscriptions_open", channel=status_channel) == open_before
        assert moved(before, after, "pawgraph_events_published_total", channel=status_channel) >= 1
        assert moved(before, after, "pawgraph_events_delivered_total", channel=status_channel) >= 1
        subscription = {"type": "subscription", "operation": "DeviceStatus", "outcome": "ok"}
        assert moved(before, after, "pawgraph_graphql_operations_total", **subscription) == 1
        transition = {"kind": "FEED_NOW", "status": "QUEUED"}
        assert moved(before, after, "pawgraph_command_transitions_total", **transition) == 1

    async def test_background_jobs_are_counted(self, metered: Pair):
        # given
        before = await scrape(metered.first)
        deadline = time.monotonic() + JOB_TIMEOUT_S
        # when: the sweeps run every 0.5 s in each process
        while True:
            after = await scrape(metered.first)
            runs = {
                job: moved(before, after, "pawgraph_job_runs_total", job=job, outcome="ok")
                for job in ("offline-sweep", "command-expiry")
            }
            if all(count >= 2 for count in runs.values()) or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.5)
        # then
        assert all(count >= 2 for count in runs.values()), runs
        assert value(after, "pawgraph_job_duration_seconds_count", job="offline-sweep") >= 2

    async def test_operation_names_from_clients_do_not_grow_the_labels_without_bound(
        self, metered: Pair
    ):
        # given
        client = GraphQLClient(metered.first)
        # when: far more distinct names than the cap
        for index in range(210):
            await client.execute(f"query Probe{index} {{ me {{ id }} }}")
        after = await scrape(metered.first)
        # then
        operations = {
            dict(labels)["operation"]
            for (name, labels) in after
            if name == "pawgraph_graphql_operations_total"
        }
        assert "other" in operations
        # the process saw no other named operation: the cap is 200 names
        assert len({name for name in operations if name.startswith("Probe")}) == 200


class TestPerProcessMetrics:
    async def test_without_a_directory_a_process_serves_its_own_counts(self, server_a: LiveServer):
        # given
        before = await scrape(server_a)
        # when
        async with httpx.AsyncClient(timeout=10) as http:
            for _ in range(3):
                assert (await http.get(f"{server_a.base_url}/healthz")).status_code == 200
            missing = await http.get(f"{server_a.base_url}/no/such/page/{time.time_ns()}")
        after = await scrape(server_a)
        # then
        healthz = {"method": "GET", "route": "/healthz", "status": "200"}
        assert moved(before, after, "pawgraph_http_requests_total", **healthz) == 3
        assert missing.status_code == 404
        unmatched = {"method": "GET", "route": "unmatched", "status": "404"}
        assert moved(before, after, "pawgraph_http_requests_total", **unmatched) == 1
