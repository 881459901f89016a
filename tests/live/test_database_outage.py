"""PostgreSQL going away (issue 8, item 9): device routes answer 503 in their line's envelope
with Retry-After, GraphQL answers a typed SERVICE_UNAVAILABLE, never a text/plain 500; the MQTT
door receipts no reading it could not store; and the server serves again once the database is
back. The database is a private cluster this test stops, never the shared one."""

import asyncio
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
import pytest
from alembic import command

from graphql_api.cli import alembic_config
from tests.conftest import SHARED_SERVER_RATE_LIMITS, TEST_SECRET_KEY
from tests.factories.accounts import signed_up
from tests.factories.collars import RunningCollar, register_collar
from tests.factories.devices import (
    RegisteredDevice,
    as_wire_bytes,
    feeder_headers,
    heartbeat_body,
    post_status,
    register_device,
    register_hub,
)
from tests.support.environment import create_database, database_dsn, sqlalchemy_url
from tests.support.graphql_client import GraphQLClient, post_graphql
from tests.support.live_server import LiveServer, start_server
from tests.support.mosquitto import PrivateMosquitto
from tests.support.mqtt_servers import start_mqtt_server
from tests.support.private_postgres import PrivatePostgres
from tests.support.waiting import until

ME = "query { me { id } }"
CREATE_PET = """
mutation CreatePet($input: CreatePetInput!) {
  createPet(input: $input) { pet { id } userErrors { code message retryAfter } }
}
"""


@pytest.fixture(scope="module")
def postgres() -> Iterator[PrivatePostgres]:
    cluster = PrivatePostgres().init()
    yield cluster
    cluster.destroy()


@pytest.fixture(scope="module")
def outage_server(
    postgres: PrivatePostgres, server_logs: Path, test_environment
) -> Iterator[LiveServer]:
    create_database(postgres.admin_dsn, "pawgraph")
    url = sqlalchemy_url(database_dsn(postgres.admin_dsn, "pawgraph"))
    command.upgrade(alembic_config(url), "heads")
    server = start_server(
        server_logs,
        "outage",
        env="test",
        database_url=url,
        broadcast_url=test_environment.redis_url,
        channel_prefix=f"outage-{secrets.token_hex(4)}",
        secret_key=TEST_SECRET_KEY,
        rate_limits=SHARED_SERVER_RATE_LIMITS,
    )
    yield server
    server.stop()


async def hub_reading(server: LiveServer, hub: RegisteredDevice) -> httpx.Response:
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        return await http.post(
            f"/h/{hub.api_key}/api/breaker-data/", json={"ccu_id": hub.hardware_id, "current_ma": 0}
        )


class TestDatabaseOutage:
    async def test_every_front_door_answers_503_in_its_envelope_and_recovers(
        self, outage_server, postgres
    ):
        # given: an owner with a feeder and a hub, while the database is up
        owner = await signed_up(GraphQLClient(outage_server), "outage")
        feeder = await register_device(owner)
        hub = await register_hub(owner)
        heartbeat = as_wire_bytes(heartbeat_body(feeder))

        # when: PostgreSQL stops
        postgres.stop()
        try:
            status = await post_status(outage_server, heartbeat, feeder_headers(feeder))
            breaker = await hub_reading(outage_server, hub)
            me = await post_graphql(outage_server, {"query": ME}, auth(owner))
            created = await owner.execute(CREATE_PET, {"input": {"name": "R", "species": "DOG"}})
            anonymous = await post_graphql(outage_server, {"query": ME})
        finally:
            postgres.start()
        recovered = await post_status(outage_server, heartbeat, feeder_headers(feeder))

        # then: the PETio line's envelope, with Retry-After
        assert status.status_code == 503
        assert int(status.headers["retry-after"]) > 0
        assert status.json() == {
            "status": "error",
            "message": "The service is temporarily unavailable; try again shortly.",
            "success": False,
            "error": "SERVICE_UNAVAILABLE",
        }
        # ... the hub's
        assert breaker.status_code == 503
        assert breaker.json()["success"] is False
        assert "retry-after" in breaker.headers
        # ... GraphQL: a typed error for queries, a user error for mutations
        assert me.headers["content-type"].startswith("application/json")
        assert "errors" in me.json(), me.json()
        assert me.json()["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
        assert int(me.headers["retry-after"]) > 0
        [unavailable] = created["createPet"]["userErrors"]
        assert (unavailable["code"], unavailable["retryAfter"]) == ("SERVICE_UNAVAILABLE", 5)
        assert anonymous.json()["data"] == {"me": None}
        # ... and back to normal once the database returns
        assert recovered.status_code == 200, recovered.text


# Longer than a failing message's tries (~6 s): a message waits out the outage, however long.
OUTAGE_S = 8.0
DRAIN_WAIT_S = 60.0


@dataclass
class MqttDoor:
    """An API process with its MQTT door, on a database of the private cluster."""

    server: LiveServer
    broker_port: int
    database_dsn: str


@pytest.fixture
def mqtt_door(
    postgres: PrivatePostgres, server_logs: Path, test_environment, tmp_path: Path
) -> Iterator[MqttDoor]:
    broker = PrivateMosquitto(tmp_path / "mosquitto")
    broker.start()
    database = f"pawgraph_mqtt_{secrets.token_hex(4)}"
    create_database(postgres.admin_dsn, database)
    dsn = database_dsn(postgres.admin_dsn, database)
    command.upgrade(alembic_config(sqlalchemy_url(dsn)), "heads")
    server = start_mqtt_server(
        server_logs,
        "mqtt-outage",
        sqlalchemy_url(dsn),
        test_environment,
        broker,
        channel_prefix=f"outage-{secrets.token_hex(4)}",
        telemetry_persist_interval="0",
    )
    yield MqttDoor(server, broker.port, dsn)
    server.stop()
    broker.stop()


class TestDatabaseOutageOverMqtt:
    async def test_a_collar_keeps_what_arrived_during_the_outage_until_it_is_stored(
        self, mqtt_door: MqttDoor, postgres: PrivatePostgres
    ):
        # given: a collar publishing four readings a second, each kept until receipted
        owner = await signed_up(GraphQLClient(mqtt_door.server), "mqtt-outage")
        collar = await register_collar(owner)
        running = RunningCollar(collar, mqtt_door.broker_port, 0.25, receipt_timeout=2.0)
        with running:
            await until(
                lambda: running.unit.readings_taken >= 4 and not running.unit.unreceipted,
                DRAIN_WAIT_S,
                "the collar's first readings receipted",
            )

            # when: PostgreSQL stops for a while, then returns
            postgres.stop()
            try:
                await asyncio.sleep(OUTAGE_S)
            finally:
                postgres.start()
            running.unit.measuring = False
            await until(
                lambda: not running.unit.unreceipted, DRAIN_WAIT_S, "every reading receipted"
            )
            taken = running.unit.readings_taken

        # then: every reading was handled, once: none was receipted unhandled in the outage,
        # and none was dropped
        assert taken > 4 + OUTAGE_S  # readings were taken during the outage
        assert _handled_readings(mqtt_door.database_dsn, collar.pk) == taken
        async with httpx.AsyncClient(base_url=mqtt_door.server.base_url, timeout=10) as http:
            door = (await http.get("/healthz")).json()["mqtt"]
        assert door["dropped"] == 0, door


def _handled_readings(dsn: str, device_pk: int) -> int:
    """Readings the door handled: each one's dedupe receipt commits with it."""
    with psycopg.connect(dsn) as connection:
        (count,) = connection.execute(
            "SELECT count(*) FROM device_message_receipts WHERE device_id = %s "
            "AND key LIKE 'telemetry:%%'",
            (device_pk,),
        ).fetchone()
    return count


def auth(client: GraphQLClient) -> dict[str, str]:
    return {"Authorization": f"Bearer {client.token}"}
