import datetime as dt
import json

import pytest
from sqlalchemy import select

from graphql_api import events
from graphql_api.alerts.models import AlertKind
from graphql_api.alerts.repository import AlertRepository
from graphql_api.collars import service as collars_service
from graphql_api.collars.errors import InvalidCollarReading
from graphql_api.commands import service as commands_service
from graphql_api.commands.errors import CommandNotFound
from graphql_api.commands.models import CommandKind, CommandStatus
from graphql_api.devices import service as devices_service
from graphql_api.devices.errors import DeviceNotFound
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.group_commit import Refused
from graphql_api.pagination import PageArgs
from graphql_api.telemetry import service as telemetry_service
from graphql_api.telemetry.models import TelemetryPoint
from graphql_api.telemetry.repository import TelemetryRepository
from tests.factories.accounts import viewer_of
from tests.factories.devices_db import create_device
from tests.support.database import counting_statements

NOW = dt.datetime(2026, 12, 4, 17, 0, tzinfo=dt.UTC)
PAGE = PageArgs(limit=10, forward=True, cursor=None)


def _reading(battery: float = 80, **fields) -> collars_service.CollarReading:
    payload = {"accel": {"x": 0.01, "y": -0.02, "z": 0.98}, "battery": battery, **fields}
    return collars_service.parse_reading(payload, None)


@pytest.fixture
async def collar(session, owner):
    return await create_device(session, owner, kind=DeviceKind.COLLAR, name="Rex's collar")


class TestParseReading:
    def test_reads_the_wire_fields(self):
        # when
        reading = collars_service.parse_reading(
            {"accel": {"x": 0.1, "y": 0, "z": 1}, "battery": 87, "heart_rate": 88,
             "position": {"lat": 52.5, "lon": 13.4}},
            NOW,
        )  # fmt: skip
        # then
        assert reading.values() == {
            "accel_x": 0.1, "accel_y": 0.0, "accel_z": 1.0, "battery": 87.0, "heart_rate": 88.0,
        }  # fmt: skip
        assert reading.state()["position"] == {"latitude": 52.5, "longitude": 13.4}

    @pytest.mark.parametrize(
        ("payload", "field"),
        [
            ({"battery": 50}, None),
            ({"accel": {"x": 0, "y": 0, "z": "1"}, "battery": 50}, "accel.z"),
            ({"accel": {"x": 0, "y": 0, "z": 1}, "battery": 101}, "battery"),
            ({"accel": {"x": 0, "y": 0, "z": 1}, "battery": True}, "battery"),
            ({"accel": {"x": 0, "y": 0, "z": 1}, "battery": 5, "heart_rate": -1}, "heart_rate"),
            ({"accel": {"x": 0, "y": 0, "z": 1}, "battery": 5, "position": [1, 2]}, "position"),
        ],
    )
    def test_refuses_malformed_readings(self, payload, field):
        # when / then
        with pytest.raises(InvalidCollarReading) as raised:
            collars_service.parse_reading(payload, None)
        assert raised.value.field == ([field] if field else None)


class TestRecordReading:
    async def test_updates_status_and_marks_online(self, session, settings, collar):
        # when
        await collars_service.record_reading(
            session, settings, collar.id, _reading(64, heart_rate=91), NOW
        )
        # then
        assert collar.online is True
        assert collar.last_seen_at == NOW
        assert (collar.state["battery"], collar.state["heart_rate"]) == (64, 91)

    async def test_a_reading_within_the_persist_interval_is_not_stored_and_claims_no_slot(
        self, session, settings, engine, collar
    ):
        # given: a reading stored, the next ones within the interval, one after it
        interval = settings.telemetry_persist_interval
        within = [NOW + interval / 4, NOW + interval / 2]

        # when
        await collars_service.record_reading(session, settings, collar.id, _reading(80), NOW)
        with counting_statements(engine) as statements:
            for at in within:
                await collars_service.record_reading(session, settings, collar.id, _reading(80), at)
        await collars_service.record_reading(
            session, settings, collar.id, _reading(80), NOW + interval
        )

        # then: two statements each (the collar with its stream's cursor, its state), no
        # slot claimed, and the readings stored are the first and the one after the interval
        assert len(statements) == 2 * len(within)
        assert not any("telemetry_cursors" in s and "INSERT" in s for s in statements)
        stored = await TelemetryRepository(session).scalars(
            select(TelemetryPoint.received_at).where(
                TelemetryPoint.device_id == collar.id, TelemetryPoint.key == "battery"
            )
        )
        assert sorted(stored) == [NOW, NOW + interval]

    async def test_refuses_a_device_that_is_not_a_collar(self, session, settings, owner):
        # given
        feeder = await create_device(session, owner)
        # when / then
        with pytest.raises(InvalidCollarReading):
            await collars_service.record_reading(session, settings, feeder.id, _reading(), NOW)

    async def test_low_battery_raises_at_15_and_clears_only_above_20(
        self, session, settings, collar
    ):
        # given
        alerts = AlertRepository(session)
        minute = dt.timedelta(minutes=1)

        async def at(battery: float, offset: int):
            await collars_service.record_reading(
                session, settings, collar.id, _reading(battery), NOW + offset * minute
            )
            return await alerts.get_open(collar.id, AlertKind.LOW_BATTERY)

        # when / then
        assert await at(16, 0) is None
        raised = await at(15, 1)
        assert raised is not None
        assert await at(19, 2) is not None
        assert await at(20, 3) is not None
        assert await at(21, 4) is None


def _received(collar, battery: float, at: dt.datetime, **fields):
    return collars_service.ReceivedReading(collar.id, _reading(battery, **fields), at)


def _pending(session, channel: str) -> list[str]:
    return [message for pending, message in session.info.get("pawgraph.pending_events", [])
            if pending == channel]  # fmt: skip


async def _stored_batteries(session, devices) -> list[float | None]:
    """The battery each device's row holds, read from the database, not the loaded copies."""
    rows = await session.execute(
        select(Device.id, Device.state).where(Device.id.in_([device.id for device in devices]))
    )
    states = {device_id: state or {} for device_id, state in rows}
    return [states[device.id].get("battery") for device in devices]


class TestRecordReadings:
    async def test_readings_of_many_collars_cost_the_statements_of_one(
        self, session, settings, engine, owner
    ):
        # given: collars online whose streams were stored a moment ago
        collars = [await create_device(session, owner, kind=DeviceKind.COLLAR) for _ in range(6)]
        await collars_service.record_readings(
            session, settings, [_received(collar, 80, NOW) for collar in collars]
        )
        later = NOW + settings.telemetry_persist_interval / 4

        # when: one collar's reading, then the other five's together
        with counting_statements(engine) as alone:
            await collars_service.record_readings(
                session, settings, [_received(collars[0], 79, later)]
            )
        with counting_statements(engine) as together:
            outcomes = await collars_service.record_readings(
                session, settings, [_received(collar, 79, later) for collar in collars[1:]]
            )

        # then: the collars with their cursors, their states: two statements either way
        assert len(alone) == len(together) == 2
        assert outcomes == collars[1:]
        assert all(collar.state["battery"] == 79 for collar in collars)
        assert await _stored_batteries(session, collars) == [79] * len(collars)

    async def test_a_collars_readings_together_follow_each_other(self, session, settings, collar):
        # given: two readings of one collar, the battery falling to the threshold
        minute = dt.timedelta(minutes=1)
        readings = [
            _received(collar, 16, NOW, heart_rate=80),
            _received(collar, 15, NOW + minute, heart_rate=90),
        ]

        # when
        await collars_service.record_readings(session, settings, readings)

        # then: the second crossed the threshold after the first
        alert = await AlertRepository(session).get_open(collar.id, AlertKind.LOW_BATTERY)
        assert alert is not None and "15%" in alert.message
        assert (collar.state["battery"], collar.state["heart_rate"]) == (15, 90)
        assert collar.last_seen_at == NOW + minute
        # and: each reading's status in turn, and both readings in one telemetry message
        statuses = _pending(session, events.device_status_channel(collar.id))
        assert [json.loads(status)["state"]["battery"] for status in statuses] == [16, 15]
        (message,) = _pending(session, events.device_telemetry_channel(collar.id))
        readings_sent = telemetry_service.readings_of(message)
        assert [reading["values"]["battery"] for reading in readings_sent] == [16, 15]

    async def test_a_device_that_is_no_collar_is_refused_alone_having_written_nothing(
        self, session, settings, owner, collar
    ):
        # given: a feeder's reading between two collar readings
        feeder = await create_device(session, owner)
        readings = [
            _received(collar, 70, NOW),
            collars_service.ReceivedReading(feeder.id, _reading(50), NOW),
            collars_service.ReceivedReading(2**31 - 1, _reading(50), NOW),
        ]

        # when
        outcomes = await collars_service.record_readings(session, settings, readings)

        # then
        assert outcomes[0] is collar
        assert all(isinstance(outcome, Refused) for outcome in outcomes[1:])
        assert isinstance(outcomes[1].error, InvalidCollarReading)
        assert collar.state["battery"] == 70
        assert await _stored_batteries(session, [collar, feeder]) == [70, None]
        assert _pending(session, events.device_telemetry_channel(feeder.id)) == []


class TestPresence:
    async def test_a_last_will_older_than_the_last_report_is_ignored(
        self, session, settings, collar
    ):
        # given: a reading handled by one process after the Last Will reached another
        await collars_service.record_reading(session, settings, collar.id, _reading(), NOW)
        # when
        stale = await collars_service.record_presence(
            session, collar.id, False, NOW - dt.timedelta(seconds=1)
        )
        # then
        assert stale is None
        assert collar.online is True

    async def test_a_last_will_after_the_last_report_takes_it_offline(
        self, session, settings, collar
    ):
        # given
        await collars_service.record_reading(session, settings, collar.id, _reading(), NOW)
        # when
        await collars_service.record_presence(
            session, collar.id, False, NOW + dt.timedelta(seconds=1)
        )
        # then
        assert collar.online is False
        assert not devices_service.is_online(settings, collar, NOW + dt.timedelta(seconds=2))


class TestTreat:
    async def test_queues_a_treat_and_keeps_it_in_the_history(self, session, owner, collar):
        # when
        command, treat = await collars_service.treat(session, viewer_of(owner), collar.id, NOW)
        # then
        assert (command.kind, command.status) == (CommandKind.TREAT, CommandStatus.QUEUED)
        assert (treat.device_id, treat.issued_by_id) == (collar.id, owner.id)
        page, count = await collars_service.list_treats(
            session, viewer_of(owner), PAGE, device_id=collar.id
        )
        assert [t.id for t in page.items] == [treat.id]
        assert await count() == 1

    async def test_another_owner_can_neither_treat_nor_list(self, session, stranger, collar):
        # when / then
        with pytest.raises(DeviceNotFound):
            await collars_service.treat(session, viewer_of(stranger), collar.id, NOW)
        with pytest.raises(DeviceNotFound):
            await collars_service.list_treats(
                session, viewer_of(stranger), PAGE, device_id=collar.id
            )

    async def test_delivery_acceptance_and_a_duplicate_ack(self, session, owner, collar):
        # given
        command, _ = await collars_service.treat(session, viewer_of(owner), collar.id, NOW)
        # when
        claimed = await commands_service.claim_mqtt_deliveries(session, NOW)
        again = await commands_service.claim_mqtt_deliveries(session, NOW)
        await commands_service.accept(session, collar, command.id, NOW)
        done = await commands_service.acknowledge(session, collar, command.id, "ok", None, NOW)
        repeat = await commands_service.acknowledge(
            session, collar, command.id, "failed", "late", NOW
        )
        # then
        assert command.id in [c.id for c in claimed]
        assert command.id not in [c.id for c in again]
        assert done.status is CommandStatus.SUCCEEDED
        assert repeat.status is CommandStatus.SUCCEEDED

    async def test_an_ack_for_another_devices_command_is_refused(self, session, owner, collar):
        # given
        other = await create_device(session, owner, kind=DeviceKind.COLLAR)
        command, _ = await collars_service.treat(session, viewer_of(owner), collar.id, NOW)
        # when / then
        with pytest.raises(CommandNotFound):
            await commands_service.acknowledge(session, other, command.id, "ok", None, NOW)


class TestMessageReceipts:
    async def test_a_message_key_is_claimed_once_per_device(self, session, collar, owner):
        # given
        other = await create_device(session, owner, kind=DeviceKind.COLLAR)
        # when
        first = await devices_service.claim_message(session, collar.id, "telemetry:t#1", NOW)
        again = await devices_service.claim_message(session, collar.id, "telemetry:t#1", NOW)
        elsewhere = await devices_service.claim_message(session, other.id, "telemetry:t#1", NOW)
        unknown = await devices_service.claim_message(session, 2**31 - 1, "telemetry:t#1", NOW)
        # then
        assert (first, again, elsewhere, unknown) == (True, False, True, False)
