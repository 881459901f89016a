"""The broker connection against a real (private) Mosquitto: a QoS 1 message is acknowledged
only when its consumer says so, so one not acknowledged comes back after a reconnect."""

import asyncio
import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import aiomqtt
import pytest

from device_mqtt.connection import BrokerAddress, BrokerConnection, InboundMessage
from tests.support.mosquitto import PrivateMosquitto

TOPIC = "devices/42/telemetry"


@pytest.fixture
def private_broker(tmp_path: Path) -> Iterator[PrivateMosquitto]:
    broker = PrivateMosquitto(tmp_path / "mosquitto")
    broker.start()
    yield broker
    broker.stop()


class Consumer:
    def __init__(self, ack: bool) -> None:
        self.ack = ack
        self.received: list[InboundMessage] = []
        self.arrived = asyncio.Event()

    async def __call__(self, message: InboundMessage) -> None:
        self.received.append(message)
        if self.ack:
            message.ack()
        self.arrived.set()


@contextlib.asynccontextmanager
async def connected(broker: PrivateMosquitto, consumer: Consumer, client_id: str):
    connection = BrokerConnection(
        BrokerAddress.parse(broker.admin_url),
        subscriptions=[f"$share/test/{TOPIC}"],
        consume=consumer,
        client_id=client_id,
        session_expiry=dt.timedelta(minutes=1),
        max_delay=dt.timedelta(seconds=1),
    )
    task = asyncio.create_task(connection.run())
    try:
        await asyncio.wait_for(connection.connected.wait(), 10)
        yield connection
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def publish(broker: PrivateMosquitto, payload: bytes) -> None:
    async with aiomqtt.Client(
        "127.0.0.1",
        broker.port,
        username=broker.admin_username,
        password=broker.admin_password,
        protocol=aiomqtt.ProtocolVersion.V5,
    ) as client:
        await client.publish(TOPIC, payload, qos=1)


async def first_message(consumer: Consumer, seconds: float = 5) -> InboundMessage | None:
    try:
        await asyncio.wait_for(consumer.arrived.wait(), seconds)
    except TimeoutError:
        return None
    return consumer.received[0]


class TestManualAck:
    async def test_an_unacknowledged_message_is_delivered_again_after_a_reconnect(
        self, private_broker
    ):
        # given: a consumer got the message but never acknowledged it (no commit)
        failing = Consumer(ack=False)
        async with connected(private_broker, failing, "manual-ack"):
            await publish(private_broker, b'{"n": 1}')
            assert await first_message(failing) is not None
        # when
        again = Consumer(ack=True)
        async with connected(private_broker, again, "manual-ack"):
            redelivered = await first_message(again)
        # then
        assert redelivered is not None
        assert redelivered.payload == b'{"n": 1}'

    async def test_an_acknowledged_message_is_not_delivered_again(self, private_broker):
        # given
        first = Consumer(ack=True)
        async with connected(private_broker, first, "manual-ack-done"):
            await publish(private_broker, b'{"n": 2}')
            assert await first_message(first) is not None
            await asyncio.sleep(0.3)
        # when
        again = Consumer(ack=True)
        async with connected(private_broker, again, "manual-ack-done"):
            redelivered = await first_message(again, seconds=1.5)
        # then
        assert redelivered is None

    async def test_messages_sent_while_away_wait_in_the_session(self, private_broker):
        # given: the session exists, the process is away
        async with connected(private_broker, Consumer(ack=True), "away"):
            pass
        await publish(private_broker, b'{"n": 3}')
        # when
        back = Consumer(ack=True)
        async with connected(private_broker, back, "away"):
            waiting = await first_message(back)
        # then
        assert waiting is not None
        assert waiting.payload == b'{"n": 3}'
