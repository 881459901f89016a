"""The MQTT door's dispatcher on the real database: a lane's collar telemetry goes to the
database in shared units of work, each message is acknowledged and receipted after the commit
that holds it, a refused one writes nothing (its dedupe claim included), and a repeat is a
duplicate. The broker itself is left out (tests/live/test_collar_mqtt.py has it): messages are
handed to the dispatcher as the connection would hand them."""

import asyncio
import dataclasses
import datetime as dt
import json
import logging
import secrets

import pytest
from pydantic import SecretStr
from sqlalchemy import select

from device_mqtt import routes
from device_mqtt.bridge import DeviceBridge
from device_mqtt.connection import InboundMessage, Outbound
from graphql_api.collars import service as collars_service
from graphql_api.devices import service as devices_service
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.events import EventBus
from tests.factories.accounts import create_user
from tests.factories.devices_db import create_device
from tests.support.database import counting_statements
from tests.support.private_services import PrivateRedis
from tests.test_metrics import sample

NOW = dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.UTC)
GROUP = "mqtt_telemetry"  # the group commit's metrics label
TIMEOUT_S = 15


class Delivered:
    """Messages as the connection hands them over, recording each acknowledgement."""

    def __init__(self) -> None:
        self.acked: list[str] = []

    def message(self, device_id: int, seq: int, battery: object, *, ts: str | None = None):
        payload = {
            "ts": ts or f"2026-12-06T12:00:{seq:02d}Z",
            "seq": seq,
            "accel": {"x": 0.0, "y": 0.0, "z": 1.0},
            "battery": battery,
        }
        name = f"{device_id}#{seq}"
        return InboundMessage(
            topic=f"devices/{device_id}/telemetry",
            payload=json.dumps(payload).encode(),
            qos=1,
            retain=False,
            received_at=NOW + dt.timedelta(seconds=seq),
            _ack=lambda: self.acked.append(name),
        )


@pytest.fixture
async def devices(app_state) -> tuple[list[Device], Device]:
    """Three collars and a feeder, committed (the dispatcher opens its own transactions)."""
    async with app_state.sessionmaker() as session:
        owner = await create_user(session)
        collars = [await create_device(session, owner, kind=DeviceKind.COLLAR) for _ in range(3)]
        feeder = await create_device(session, owner)
        await session.commit()
    return collars, feeder


@pytest.fixture
def bridge(app_state, monkeypatch) -> tuple[DeviceBridge, list[Outbound]]:
    settings = app_state.settings.model_copy(update={"mqtt_url": SecretStr("mqtt://127.0.0.1:1")})
    state = dataclasses.replace(app_state, settings=settings, group_commits={})
    bridge = DeviceBridge(state, routes.build_router())
    sent: list[Outbound] = []

    async def publish(outbound: Outbound) -> None:
        sent.append(outbound)

    monkeypatch.setattr(bridge.connection, "publish", publish)
    return bridge, sent


async def _batteries(app_state, devices: list[Device]) -> list[object]:
    async with app_state.sessionmaker() as session:
        rows = await session.execute(
            select(Device.id, Device.state).where(Device.id.in_([d.id for d in devices]))
        )
        states = {device_id: state or {} for device_id, state in rows}
    return [states[device.id].get("battery") for device in devices]


class TestTelemetryBatches:
    async def test_a_lanes_readings_share_one_unit_of_work_in_their_order(
        self, app_state, devices, bridge
    ):
        # given: a lane holding three collars' readings, two of the first one's
        (first, second, third), _ = devices
        door, sent = bridge
        delivered = Delivered()
        messages = [
            delivered.message(first.id, 1, 90),
            delivered.message(second.id, 1, 80),
            delivered.message(first.id, 2, 89),
            delivered.message(third.id, 1, 70),
        ]

        batches_before = sample("pawgraph_group_commit_batch_items_count", group=GROUP)
        items_before = sample("pawgraph_group_commit_batch_items_sum", group=GROUP)

        # when
        with counting_statements(app_state.engine) as statements:
            await door.handle(messages)

        # then: one unit of work: one statement claims the four messages, one reads the
        # collars, one writes their states
        assert sum("device_message_receipts" in statement for statement in statements) == 1
        assert sum(statement.startswith("UPDATE devices") for statement in statements) == 1
        assert sample("pawgraph_group_commit_batch_items_count", group=GROUP) == batches_before + 1
        assert sample("pawgraph_group_commit_batch_items_sum", group=GROUP) == items_before + 4
        assert door.counts == {"handled": 4, "duplicates": 0, "dropped": 0}
        assert delivered.acked == [
            f"{first.id}#1",
            f"{second.id}#1",
            f"{first.id}#2",
            f"{third.id}#1",
        ]
        assert [json.loads(m.payload)["seq"] for m in sent] == [1, 1, 2, 1]
        # and: the first collar's state is its later reading's
        assert await _batteries(app_state, [first, second, third]) == [89, 80, 70]

    async def test_a_refused_reading_writes_nothing_and_a_repeat_is_a_duplicate(
        self, app_state, devices, bridge
    ):
        # given: a reading stored already, then a batch: its repeat, a malformed reading, a
        # feeder's reading, and a good one
        (collar, *_), feeder = devices
        door, sent = bridge
        delivered = Delivered()
        await door.handle([delivered.message(collar.id, 1, 90)])
        batch = [
            delivered.message(collar.id, 1, 90),
            delivered.message(collar.id, 2, "full"),
            delivered.message(feeder.id, 3, 50),
            delivered.message(collar.id, 4, 88),
        ]

        # when
        await door.handle(batch)

        # then: each acknowledged and receipted; only the good one stored
        assert door.counts == {"handled": 2, "duplicates": 1, "dropped": 2}
        assert len(delivered.acked) == 5
        assert [json.loads(m.payload)["seq"] for m in sent] == [1, 1, 2, 3, 4]
        assert await _batteries(app_state, [collar, feeder]) == [88, None]
        # and: the refused messages left no claim: sent again, they are refused again
        async with app_state.sessionmaker() as session:
            claimed = await devices_service.claim_messages(
                session,
                [
                    (collar.id, "telemetry:2026-12-06T12:00:02Z#2", NOW),
                    (feeder.id, "telemetry:2026-12-06T12:00:03Z#3", NOW),
                    (collar.id, "telemetry:2026-12-06T12:00:04Z#4", NOW),
                ],
            )
            await session.rollback()
        assert claimed == [True, True, False]

    async def test_another_topic_between_readings_is_handled_in_its_place(
        self, app_state, devices, bridge
    ):
        # given: a reading, the collar's presence (a topic of its own, one unit of work per
        # message), and a second reading
        (collar, *_), _ = devices
        door, _ = bridge
        delivered = Delivered()
        online = InboundMessage(
            topic=f"devices/{collar.id}/status/online",
            payload=b"true",
            qos=1,
            retain=True,
            received_at=NOW,
            _ack=lambda: delivered.acked.append("online"),
        )

        # when
        await door.handle(
            [delivered.message(collar.id, 1, 90), online, delivered.message(collar.id, 2, 89)]
        )

        # then: each handled, in the order it came
        assert delivered.acked == [f"{collar.id}#1", "online", f"{collar.id}#2"]
        assert door.counts == {"handled": 3, "duplicates": 0, "dropped": 0}
        assert await _batteries(app_state, [collar]) == [89]

    async def test_a_reading_tried_again_keeps_its_collars_later_readings_behind_it(
        self, app_state, devices, bridge, monkeypatch
    ):
        # given: the first collar's second reading fails its first two tries (a deadlock, say)
        (first, second, _), _ = devices
        door, _ = bridge
        delivered = Delivered()
        record_readings = collars_service.record_readings
        tries = []

        async def flaky(session, settings, received):
            if any(r.device_id == first.id and r.reading.battery == 89 for r in received):
                tries.append(len(received))
                if len(tries) <= 2:
                    raise RuntimeError("deadlock detected")
            return await record_readings(session, settings, received)

        monkeypatch.setattr(collars_service, "record_readings", flaky)

        # when
        await door.handle(
            [
                delivered.message(first.id, 1, 90),
                delivered.message(first.id, 2, 89),
                delivered.message(second.id, 1, 80),
                delivered.message(first.id, 3, 88),
            ]
        )

        # then: the third reading waited for the second, and the state is the last one's
        assert delivered.acked == [
            f"{first.id}#1",
            f"{second.id}#1",
            f"{first.id}#2",
            f"{first.id}#3",
        ]
        assert door.counts == {"handled": 4, "duplicates": 0, "dropped": 0}
        assert await _batteries(app_state, [first, second]) == [88, 80]


class TestOutboxListener:
    """The outbox listener wakes the bridge's sweep when a device's message is committed; the
    periodic sweep covers the time the bus is away."""

    async def test_an_outage_is_logged_once_and_the_return_wakes_a_sweep(
        self, app_state, tmp_path, caplog
    ):
        # given: a bridge on a bus over a Redis of its own, its outbox listener subscribed
        redis_server = PrivateRedis(tmp_path).start()
        bus = EventBus(redis_server.url, channel_prefix=f"bridge-{secrets.token_hex(4)}:")
        await bus.connect()
        settings = app_state.settings.model_copy(
            update={"mqtt_url": SecretStr("mqtt://127.0.0.1:1")}
        )
        state = dataclasses.replace(app_state, settings=settings, bus=bus, group_commits={})
        bridge = DeviceBridge(state, routes.build_router())
        listening = asyncio.create_task(bridge._listen_for_outbox())
        try:
            async with asyncio.timeout(TIMEOUT_S):
                while bus.subscriptions == 0:
                    await asyncio.sleep(0.05)
            caplog.set_level(logging.WARNING, logger="device_mqtt.bridge")

            # when: Redis is away for a few of the listener's retries, then back
            redis_server.stop()
            await asyncio.sleep(3.5)
            bridge._wake.clear()
            redis_server.start()

            # then: it subscribes again and wakes a sweep for what was committed meanwhile
            await asyncio.wait_for(bridge._wake.wait(), TIMEOUT_S)
            # and: it said so once each way, without a traceback
            logged = [r for r in caplog.records if r.name == "device_mqtt.bridge"]
            assert [r.getMessage().split(" (")[0] for r in logged] == [
                "MQTT outbox listener lost the event bus",
                "MQTT outbox listener subscribed again",
            ]
            assert not any(record.exc_info for record in logged)
        finally:
            listening.cancel()
            await asyncio.gather(listening, return_exceptions=True)
            await bus.disconnect()
            redis_server.stop()
