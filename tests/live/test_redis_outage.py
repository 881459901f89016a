"""A Redis outage under a live API process (issue 8, item 8), on a private redis-server.

What must hold: every device request and mutation whose write committed answers success (never
500), a running subscription is told to RESYNC, a new one gets SERVICE_UNAVAILABLE, and the
events committed during the outage reach the bus once Redis is back (the outbox). The test
prints sent / accepted / stored / delivered and fails on any accepted reading that was not
stored or not delivered.
"""

import asyncio
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest
import redis.asyncio as aioredis

from graphql_api.settings import Settings
from graphql_api.telemetry import service as telemetry_service
from tests.conftest import TEST_SECRET_KEY
from tests.factories.accounts import signed_up
from tests.factories.devices import register_device
from tests.factories.outlets import HubWire, live_hub, reading
from tests.support.environment import migrated_database
from tests.support.graphql_client import GraphQLClient, ending_error_code, next_result, pk_of
from tests.support.live_server import LiveServer, start_server
from tests.support.private_services import PrivateRedis

TELEMETRY_UPDATED = """
subscription TelemetryUpdated($deviceId: ID!) {
  telemetryUpdated(deviceId: $deviceId) { deviceId values { key value } }
}
"""
FEED_NOW = """
mutation FeedNow($input: FeedNowInput!) {
  feedNow(input: $input) { command { id status } userErrors { field code message } }
}
"""
OUTAGE_READINGS = 20
# current_a values that identify this test's outage readings among everything on the channel.
FIRST_MARKER = 7_001
DELIVERY_TIMEOUT_S = 30.0


@pytest.fixture(scope="module")
def private_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivateRedis]:
    server = PrivateRedis(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def outage_database_url(test_environment) -> Iterator[str]:
    """A database of its own: the event-outbox job of every other test server on the suite's
    database would otherwise drain this server's outbox into the shared Redis."""
    with migrated_database(test_environment.postgres_admin_dsn, "pawgraph_redis_outage") as url:
        yield url


@pytest.fixture(scope="module")
def outage_server(
    server_logs: Path, outage_database_url: str, private_redis: PrivateRedis
) -> Iterator[LiveServer]:
    server = start_server(
        server_logs,
        "redis-outage",
        env="test",
        database_url=outage_database_url,
        broadcast_url=private_redis.url,
        secret_key=TEST_SECRET_KEY,
        # every reading stored, so "stored" counts readings; the outbox drained often
        telemetry_persist_interval="0",
        event_outbox_drain_interval="0.5",
    )
    yield server
    server.stop()


def _stored_markers(database_url: str, device_pk: int) -> set[int]:
    dsn = database_url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(dsn) as connection:
        rows = connection.execute(
            "SELECT value FROM telemetry_points WHERE device_id = %s AND value >= %s",
            (device_pk, FIRST_MARKER),
        ).fetchall()
    return {int(value) for (value,) in rows}


async def _delivered_markers(pubsub: aioredis.client.PubSub, expected: set[int]) -> set[int]:
    delivered: set[int] = set()
    deadline = asyncio.get_running_loop().time() + DELIVERY_TIMEOUT_S
    while not expected <= delivered and asyncio.get_running_loop().time() < deadline:
        message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
        if message is not None:
            for telemetry in telemetry_service.readings_of(message["data"]):
                values = telemetry["values"].values()
                delivered |= {int(value) for value in values if value >= FIRST_MARKER}
    return delivered


class TestRedisOutage:
    async def test_committed_writes_answer_success_and_their_events_arrive_after_the_outage(
        self,
        outage_server: LiveServer,
        private_redis: PrivateRedis,
        outage_database_url: str,
    ):
        # given: an owner watching an outlet live, and a feeder
        owner = await signed_up(GraphQLClient(outage_server), "redis-outage")
        hub, [outlet] = await live_hub(owner)
        feeder = await register_device(owner)
        wire = HubWire(outage_server, hub.base_url)
        prefix = Settings(database_url=outage_database_url).event_channel_prefix
        channel = prefix + f"device.{pk_of(outlet.id)}.telemetry"
        async with owner.subscribe(TELEMETRY_UPDATED, {"deviceId": outlet.id}) as watching:
            first = asyncio.ensure_future(next_result(watching, DELIVERY_TIMEOUT_S))
            await wire.until_polled(outlet.hardware_id)
            assert (await wire.data(reading(outlet.hardware_id))).status_code == 200
            await first

            # when: Redis goes away
            private_redis.stop()
            statuses = [
                (
                    await wire.data(reading(outlet.hardware_id, current_a=FIRST_MARKER + n))
                ).status_code
                for n in range(OUTAGE_READINGS)
            ]
            fed = await owner.execute(FEED_NOW, {"input": {"deviceId": feeder.id, "grams": 20}})
            async with httpx.AsyncClient(base_url=outage_server.base_url, timeout=30) as http:
                alive, ready = (await http.get("/healthz")), (await http.get("/readyz"))

            # then: the running subscription is told to refetch
            resync = await ending_error_code(watching, DELIVERY_TIMEOUT_S)
        async with owner.subscribe(TELEMETRY_UPDATED, {"deviceId": outlet.id}) as refused:
            unavailable = await ending_error_code(refused, DELIVERY_TIMEOUT_S)

        # when: Redis returns; the server is paused meanwhile so that this test's listener is
        # on the channel before the outbox drains
        outage_server.process.send_signal(19)  # SIGSTOP
        try:
            private_redis.start()
            listener = aioredis.Redis.from_url(private_redis.url)
            pubsub = listener.pubsub()
            await pubsub.subscribe(channel)
        finally:
            outage_server.process.send_signal(18)  # SIGCONT
        expected = {FIRST_MARKER + n for n in range(OUTAGE_READINGS)}
        try:
            delivered = await _delivered_markers(pubsub, expected)
        finally:
            await pubsub.aclose()
            await listener.aclose()
        stored = _stored_markers(outage_database_url, pk_of(outlet.id))
        accepted = {FIRST_MARKER + n for n, status in enumerate(statuses) if status == 200}
        print(
            f"\nredis outage: sent {OUTAGE_READINGS} accepted {len(accepted)} "
            f"stored {len(stored & accepted)} delivered {len(delivered & accepted)}"
        )

        # then: nothing committed answered an error, and nothing accepted was lost
        assert statuses == [200] * OUTAGE_READINGS
        assert fed["feedNow"]["userErrors"] == [] and fed["feedNow"]["command"] is not None
        assert (alive.status_code, alive.json()["pubsub"]) == (200, "unreachable")
        assert (ready.status_code, ready.json()["pubsub"]) == (503, "unreachable")
        assert resync == "RESYNC"
        assert unavailable == "SERVICE_UNAVAILABLE"
        assert accepted <= stored
        assert accepted <= delivered

        # and: subscriptions work again
        async with owner.subscribe(TELEMETRY_UPDATED, {"deviceId": outlet.id}) as again:
            event = asyncio.ensure_future(next_result(again, DELIVERY_TIMEOUT_S))
            await wire.until_polled(outlet.hardware_id)
            assert (await wire.data(reading(outlet.hardware_id, current_a=5))).status_code == 200
            event = await event
        assert event["telemetryUpdated"]["deviceId"] == outlet.id
