"""The Redis recipe (deploy/redis/pawgraph.conf), for real, on a private redis-server that reads
it: nothing kept on disk, memory capped, and what its comment promises of a subscriber that
stops reading. Redis cuts that connection (the pub/sub output buffer limit), and the API process
reconnects and tells its own subscriptions to RESYNC, without growing Redis. The stalled
subscriber is an API process stopped with SIGSTOP while events flood its channel."""

import asyncio
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
import redis.asyncio as aioredis

from graphql_api.settings import Settings
from tests.conftest import TEST_SECRET_KEY
from tests.factories.accounts import signed_up
from tests.factories.outlets import HubWire, live_hub, reading
from tests.support.environment import migrated_database
from tests.support.graphql_client import GraphQLClient, ending_error_code, next_result, pk_of
from tests.support.live_server import PROJECT_ROOT, LiveServer, start_server
from tests.support.private_services import PrivateRedis

RECIPE = PROJECT_ROOT / "deploy/redis/pawgraph.conf"
TELEMETRY_UPDATED = """
subscription TelemetryUpdated($deviceId: ID!) {
  telemetryUpdated(deviceId: $deviceId) { deviceId values { key value } }
}
"""
EVENT_TIMEOUT_S = 30.0
# The flood: pipelined in chunks, bounded well past the recipe's hard limit (32 MB).
FLOOD_CHUNK = 1_000
FLOOD_MAX_BYTES = 128 * 1024 * 1024


@pytest.fixture(scope="module")
def recipe_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivateRedis]:
    server = PrivateRedis(tmp_path_factory.mktemp("redis-recipe"), conf=RECIPE).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def recipe_database_url(test_environment) -> Iterator[str]:
    # Its own database: another server's outbox job must not drain into this Redis.
    with migrated_database(test_environment.postgres_admin_dsn, "pawgraph_redis_recipe") as url:
        yield url


@pytest.fixture(scope="module")
def api(server_logs: Path, recipe_database_url: str, recipe_redis: PrivateRedis):
    server = start_server(
        server_logs,
        "redis-recipe",
        env="test",
        database_url=recipe_database_url,
        broadcast_url=recipe_redis.url,
        secret_key=TEST_SECRET_KEY,
        telemetry_persist_interval="0",
        # The flood's events that reached the process before the cut are delivered: the
        # subscription must end for the cut (RESYNC), not for lagging behind them.
        subscriber_queue_size="1000000",
    )
    yield server
    server.stop()


def test_the_recipe_is_in_effect(recipe_redis: PrivateRedis):
    client = redis.Redis.from_url(recipe_redis.url, decode_responses=True)
    settings = {
        name: client.config_get(name)[name]
        for name in ("save", "appendonly", "maxmemory", "maxmemory-policy")
    }
    limits = client.config_get("client-output-buffer-limit")["client-output-buffer-limit"]

    assert settings == {
        "save": "",
        "appendonly": "no",
        "maxmemory": str(256 * 1024 * 1024),
        "maxmemory-policy": "noeviction",
    }
    assert f"pubsub {32 * 1024 * 1024} {8 * 1024 * 1024} 60" in limits


def _pubsub_clients(client: redis.Redis) -> list[dict]:
    return client.client_list(_type="pubsub")


def _flood_until_cut(client: redis.Redis, channel: str, message: bytes) -> int:
    """Publish ``message`` on ``channel`` until Redis has cut every pub/sub client (the stopped
    API process is the only one); the bytes published."""
    published = 0
    while _pubsub_clients(client) and published < FLOOD_MAX_BYTES:
        pipeline = client.pipeline(transaction=False)
        for _ in range(FLOOD_CHUNK):
            pipeline.publish(channel, message)
        pipeline.execute()
        published += FLOOD_CHUNK * len(message)
    return published


async def test_a_stalled_process_is_cut_off_and_its_subscriptions_told_to_resync(
    api: LiveServer, recipe_redis: PrivateRedis, recipe_database_url: str
):
    # given: an owner watching an outlet live, and one real event of its channel
    owner = await signed_up(GraphQLClient(api), "redis-recipe")
    hub, [outlet] = await live_hub(owner)
    wire = HubWire(api, hub.base_url)
    prefix = Settings(database_url=recipe_database_url).event_channel_prefix
    channel = prefix + f"device.{pk_of(outlet.id)}.telemetry"
    client = redis.Redis.from_url(recipe_redis.url)
    capture = aioredis.Redis.from_url(recipe_redis.url).pubsub()
    await capture.subscribe(channel)
    async with owner.subscribe(TELEMETRY_UPDATED, {"deviceId": outlet.id}) as watching:
        first = asyncio.ensure_future(next_result(watching, EVENT_TIMEOUT_S))
        await wire.until_polled(outlet.hardware_id)
        assert (await wire.data(reading(outlet.hardware_id))).status_code == 200
        await first
        message = None
        while message is None:
            message = await capture.get_message(ignore_subscribe_messages=True, timeout=5)
        await capture.aclose()

        # when: the process stops reading while its channel floods
        api.process.send_signal(signal.SIGSTOP)
        try:
            published = _flood_until_cut(client, channel, message["data"])
        finally:
            api.process.send_signal(signal.SIGCONT)

        # then: Redis cut it at the recipe's limit, and the subscription is told to refetch
        assert _pubsub_clients(client) == [], f"no cut after {published} bytes"
        resync = await ending_error_code(watching, EVENT_TIMEOUT_S)
    used_memory = client.info("memory")["used_memory"]
    print(
        f"\nredis recipe: cut after {published / 2**20:.1f} MB; used {used_memory / 2**20:.1f} MB"
    )
    assert resync == "RESYNC"
    assert "overcoming of output buffer limits" in recipe_redis.log_path.read_text()
    assert published < 64 * 1024 * 1024  # the hard limit (32 MB) cut it, not the flood's end
    assert used_memory < 32 * 1024 * 1024

    # and: the process reconnected; a new subscription gets the next reading
    async with owner.subscribe(TELEMETRY_UPDATED, {"deviceId": outlet.id}) as again:
        event = asyncio.ensure_future(next_result(again, EVENT_TIMEOUT_S))
        await wire.until_polled(outlet.hardware_id)
        assert (await wire.data(reading(outlet.hardware_id, current_a=5))).status_code == 200
        event = await event
    assert event["telemetryUpdated"]["deviceId"] == outlet.id
