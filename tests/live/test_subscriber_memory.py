"""Memory per delivered event (issue 8, item 10): 10 subscribers watch one device while 5,000
events reach each of them (50,000 deliveries); the API process's RSS may not grow past a bound,
and every subscriber gets every event in order. Before the fix (graphql_api/execution.py) the
same run grew the process by some 100 MiB. The full 100k-event soak: bench/subscriber_soak.py.
"""

import base64
from collections.abc import Iterator
from pathlib import Path

import pytest

from graphql_api.settings import Settings
from tests.conftest import TEST_SECRET_KEY
from tests.factories.accounts import signed_up
from tests.factories.devices import register_device
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import LiveServer, start_server
from tests.support.soak import soak

SUBSCRIBERS = 10
EVENTS = 5_000
# Allocator noise and first-use caches stay well under this; the leak was ~2 MiB per 1,000
# deliveries.
GROWTH_BOUND_MIB = 12.0


@pytest.fixture(scope="module")
def soak_server(server_logs: Path, database_url: str, test_environment) -> Iterator[LiveServer]:
    server = start_server(
        server_logs,
        "soak",
        env="test",
        database_url=database_url,
        broadcast_url=test_environment.redis_url,
        secret_key=TEST_SECRET_KEY,
    )
    yield server
    server.stop()


class TestMemoryPerDeliveredEvent:
    async def test_delivering_events_to_subscribers_does_not_grow_the_process(
        self, soak_server: LiveServer, settings: Settings, test_environment
    ):
        # given
        owner = await signed_up(GraphQLClient(soak_server), "soak")
        feeder = await register_device(owner)
        device_pk = int(base64.b64decode(feeder.id).decode().split(":", 1)[1])

        # when
        result = await soak(
            pid=soak_server.process.pid,
            ws_url=soak_server.ws_url,
            redis_url=test_environment.redis_url,
            channel=f"{settings.event_channel_prefix}device.{device_pk}.status",
            token=owner.token,
            device_id=feeder.id,
            device_pk=device_pk,
            subscribers=SUBSCRIBERS,
            events=EVENTS,
        )
        print(
            f"\nsoak: {EVENTS} events x {SUBSCRIBERS} subscribers in {result.seconds:.1f} s, "
            f"RSS {result.rss_before_mib:.1f} -> {result.rss_after_mib:.1f} MiB "
            f"(+{result.growth_mib:.1f}), {result.rss_after_disconnect_mib:.1f} after leaving"
        )

        # then
        assert result.complete
        assert result.growth_mib < GROWTH_BOUND_MIB
