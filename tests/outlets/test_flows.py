import datetime as dt
import json

import pytest
from sqlalchemy import select

from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.models import Alert, AlertKind, AlertStatus
from graphql_api.commands import service as commands_service
from graphql_api.commands.models import Command, CommandKind, CommandStatus
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.group_commit import Refused
from graphql_api.outlets import flows as outlets_flows
from graphql_api.outlets.errors import HubNotFound, InvalidOutletId, OutletNotFound
from graphql_api.outlets.flows import HubReading, OutletReading
from graphql_api.telemetry.models import TelemetryPoint
from tests.factories.accounts import viewer_of
from tests.factories.devices_db import register_device as register_device_db
from tests.factories.outlets import create_hub, create_outlet
from tests.outlets.conftest import open_alerts, stored_points
from tests.support.database import counting_statements

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def _later(seconds: int) -> dt.datetime:
    return NOW + dt.timedelta(seconds=seconds)


async def _fresh(session, device: Device) -> Device:
    statement = (
        select(Device).where(Device.id == device.id).execution_options(populate_existing=True)
    )
    return (await session.execute(statement)).scalar_one()


async def all_alerts(session, device_id: int) -> list[tuple[AlertKind, AlertStatus]]:
    statement = select(Alert.kind, Alert.status).where(Alert.device_id == device_id)
    return [tuple(row) for row in (await session.execute(statement.order_by(Alert.id)))]


async def _set_threshold(session, owner, outlet, milliamps: int) -> None:
    await commands_service.issue(
        session,
        viewer_of(owner),
        outlet.id,
        CommandKind.SET_THRESHOLD,
        {"milliamps": milliamps},
        NOW,
    )


class TestRecordOutletReading:
    async def test_keeps_the_reported_state_and_marks_the_outlet_seen(
        self, session, settings, hub_key, outlet
    ):
        # given
        reading = OutletReading("fe", current_a=1250, current_b=0, relay_a=True, relay_b=False)

        # when
        result = await outlets_flows.record_outlet_reading(
            session, settings, hub_key.api_key, reading, NOW
        )

        # then
        stored = await _fresh(session, outlet)
        assert (result.relay_a, result.relay_b, result.persisted) == (True, False, True)
        assert {
            key: stored.state[key]
            for key in ("relay_a", "relay_b", "current_a", "current_b", "overload")
        } == {
            "relay_a": True,
            "relay_b": False,
            "current_a": 1250,
            "current_b": 0,
            "overload": False,
        }
        assert (stored.online, stored.last_seen_at) == (True, NOW)

    async def test_stores_one_reading_per_interval(self, session, settings, hub_key, outlet):
        # given
        reading = OutletReading("FE", current_a=1250, current_b=10)

        # when
        results = [
            await outlets_flows.record_outlet_reading(
                session, settings, hub_key.api_key, reading, _later(seconds)
            )
            for seconds in (0, 2, 4)
        ]

        # then
        assert [result.persisted for result in results] == [True, False, False]
        assert await stored_points(session, outlet.id) == 2

    async def test_never_overwrites_the_owners_threshold(
        self, session, settings, owner, hub_key, outlet
    ):
        # given
        await _set_threshold(session, owner, outlet, 3000)

        # when
        await outlets_flows.record_outlet_reading(
            session, settings, hub_key.api_key, OutletReading("FE", 100, 0, True, True), NOW
        )

        # then
        stored = await _fresh(session, outlet)
        assert (stored.state["threshold_ma"], stored.state["relay_b"]) == (3000, True)

    async def test_an_outlet_of_another_hub_is_not_found_and_nothing_is_written(
        self, session, settings, owner, outlet
    ):
        # given
        other_hub = await create_hub(session, owner, "Other hub")

        # when / then
        with pytest.raises(OutletNotFound):
            await outlets_flows.record_outlet_reading(
                session, settings, other_hub.api_key, OutletReading("FE", 1, 1), NOW
            )
        assert (await _fresh(session, outlet)).last_seen_at is None
        assert await stored_points(session, outlet.id) == 0


class RecordOutletReadingsBehaviour:
    """Many readings in one transaction (the hub readings' group commit), each answered for
    itself; run on PostgreSQL and on SQLite below."""

    async def test_readings_of_many_outlets_are_each_merged_and_answered(
        self, session, settings, owner, hub_key, outlet
    ):
        # given
        lamp = await create_outlet(session, owner, hub_key.device, "03", "Lamp")
        readings = [
            HubReading(hub_key.api_key, OutletReading("FE", 1250, 0, True, False), NOW),
            HubReading(hub_key.api_key, OutletReading("3", 40, 7, False, True), NOW),
        ]

        # when
        results = await outlets_flows.record_outlet_readings(session, settings, readings)

        # then
        assert [(r.outlet_id, r.relay_a, r.relay_b, r.persisted) for r in results] == [
            (outlet.id, True, False, True),
            (lamp.id, False, True, True),
        ]
        heater, lamp = await _fresh(session, outlet), await _fresh(session, lamp)
        assert (heater.state["current_a"], lamp.state["current_b"]) == (1250, 7)
        assert (heater.last_seen_at, lamp.last_seen_at) == (NOW, NOW)

    async def test_two_hubs_outlets_of_one_id_are_each_their_own_hubs(
        self, session, settings, owner, hub_key, outlet
    ):
        # given: another hub with an outlet FE too, both reporting in one batch
        other_hub = await create_hub(session, owner, "Other hub")
        theirs = await create_outlet(session, owner, other_hub.device, "FE", "Their heater")
        readings = [
            HubReading(hub_key.api_key, OutletReading("FE", 100, 0), NOW),
            HubReading(other_hub.api_key, OutletReading("FE", 900, 0), NOW),
        ]

        # when
        results = await outlets_flows.record_outlet_readings(session, settings, readings)

        # then
        assert [result.outlet_id for result in results] == [outlet.id, theirs.id]
        mine, theirs = await _fresh(session, outlet), await _fresh(session, theirs)
        assert (mine.state["current_a"], theirs.state["current_a"]) == (100, 900)

    async def test_readings_of_one_outlet_apply_in_order_each_seeing_the_last(
        self, session, settings, hub_key, outlet
    ):
        # given: a trip, a reading that ends it, one more
        readings = [
            HubReading(hub_key.api_key, OutletReading("FE", 65535, 0), NOW),
            HubReading(hub_key.api_key, OutletReading("FE", 100, 0), _later(2)),
            HubReading(hub_key.api_key, OutletReading("FE", 300, 0), _later(4)),
        ]

        # when
        results = await outlets_flows.record_outlet_readings(session, settings, readings)

        # then: the first stored, the trip's alert raised then cleared, the last reading kept
        assert [result.persisted for result in results] == [True, False, False]
        assert await all_alerts(session, outlet.id) == [(AlertKind.OVERLOAD, AlertStatus.CLEARED)]
        stored = await _fresh(session, outlet)
        assert (stored.state["current_a"], stored.last_seen_at) == (300, _later(4))

    async def test_a_refused_reading_writes_nothing_and_the_others_go_on(
        self, session, settings, owner, hub_key, outlet
    ):
        # given: an outlet not on the hub, another hub's key, an unknown key, a bad id
        other_hub = await create_hub(session, owner, "Other hub")
        readings = [
            HubReading(hub_key.api_key, OutletReading("0A", 1, 1), NOW),
            HubReading(other_hub.api_key, OutletReading("FE", 1, 1), NOW),
            HubReading("no-such-key", OutletReading("FE", 1, 1), NOW),
            HubReading(hub_key.api_key, OutletReading("XYZ", 1, 1), NOW),
            HubReading(hub_key.api_key, OutletReading("FE", 500, 0), NOW),
        ]

        # when
        outcomes = await outlets_flows.record_outlet_readings(session, settings, readings)

        # then
        refused = [type(outcome.error) for outcome in outcomes[:4]]
        assert refused == [OutletNotFound, OutletNotFound, HubNotFound, InvalidOutletId]
        assert all(isinstance(outcome, Refused) for outcome in outcomes[:4])
        assert outcomes[4].persisted is True
        assert (await _fresh(session, outlet)).state["current_a"] == 500
        assert await stored_points(session, outlet.id) == 2  # current_a and current_b


class TestRecordOutletReadings(RecordOutletReadingsBehaviour):
    async def test_one_statement_merges_the_readings_of_many_outlets(
        self, session, engine, settings, owner, hub_key, outlet
    ):
        # given
        for hardware_id in ("03", "04", "05"):
            await create_outlet(session, owner, hub_key.device, hardware_id, hardware_id)
        outlets = ("FE", "03", "04", "05")
        readings = [HubReading(hub_key.api_key, OutletReading(o, 10, 0), NOW) for o in outlets]

        # when
        with counting_statements(engine) as statements:
            await outlets_flows.record_outlet_readings(session, settings, readings)

        # then
        assert sum(statement.startswith("UPDATE devices") for statement in statements) == 1


class TestRecordOutletReadingsOnSQLite(RecordOutletReadingsBehaviour):
    """The embedded default merges each reading with a statement of its own."""

    @pytest.fixture
    def session(self, sqlite_session):
        return sqlite_session


class TestHubKey:
    async def test_the_hub_key_in_the_path_finds_its_outlet(
        self, session, settings, hub_key, outlet
    ):
        # given
        reading = OutletReading("fe", current_a=1250, current_b=0, relay_a=True, relay_b=False)

        # when
        result = await outlets_flows.record_outlet_reading(
            session, settings, hub_key.api_key, reading, NOW
        )

        # then
        stored = await _fresh(session, outlet)
        assert (result.outlet_id, result.relay_a, result.relay_b, result.persisted) == (
            outlet.id,
            True,
            False,
            True,
        )
        assert (stored.state["current_a"], stored.online, stored.last_seen_at) == (1250, True, NOW)

    @pytest.mark.parametrize("key", ["0" * 48, ""])
    async def test_an_unknown_key_is_hub_not_found_and_nothing_is_written(
        self, session, settings, outlet, key
    ):
        # when / then
        with pytest.raises(HubNotFound):
            await outlets_flows.record_outlet_reading(
                session, settings, key, OutletReading("FE", 1, 1), NOW
            )
        assert (await _fresh(session, outlet)).last_seen_at is None
        assert await stored_points(session, outlet.id) == 0

    async def test_another_hubs_key_does_not_reach_my_outlet(
        self, session, settings, owner, outlet
    ):
        # given
        other = await create_hub(session, owner, "Other hub")

        # when / then
        with pytest.raises(OutletNotFound):
            await outlets_flows.record_outlet_reading(
                session, settings, other.api_key, OutletReading("FE", 1, 1), NOW
            )
        assert (await _fresh(session, outlet)).last_seen_at is None

    async def test_an_outlets_own_key_is_not_a_hub_key(self, session, settings, owner, hub):
        # given
        issued = await register_device_db(
            session, owner, DeviceKind.OUTLET, hardware_id="03", name="Lamp", parent_id=hub.id
        )

        # when / then
        with pytest.raises(HubNotFound):
            await outlets_flows.record_outlet_reading(
                session, settings, issued.api_key, OutletReading("03", 1, 1), NOW
            )


class TestAlertRules:
    @pytest.mark.parametrize(
        "reading",
        [
            OutletReading("FE", 65535, 0),
            OutletReading("FE", 0, 65535),
            OutletReading("FE", 10, 10, is_overload=True),
        ],
    )
    async def test_an_overload_trip_raises_overload(
        self, session, settings, hub_key, outlet, reading
    ):
        # when
        await outlets_flows.record_outlet_reading(session, settings, hub_key.api_key, reading, NOW)

        # then
        assert await open_alerts(session, outlet.id) == [AlertKind.OVERLOAD]

    async def test_a_storm_of_overloads_is_one_alert_cleared_when_it_ends(
        self, session, settings, hub_key, outlet
    ):
        # given
        for seconds in (0, 2, 4):
            await outlets_flows.record_outlet_reading(
                session, settings, hub_key.api_key, OutletReading("FE", 65535, 0), _later(seconds)
            )
        during = await open_alerts(session, outlet.id)

        # when
        await outlets_flows.record_outlet_reading(
            session, settings, hub_key.api_key, OutletReading("FE", 100, 0), _later(6)
        )

        # then
        assert during == [AlertKind.OVERLOAD]
        assert await open_alerts(session, outlet.id) == []

    async def test_a_current_above_the_threshold_raises_threshold_even_when_not_stored(
        self, session, settings, owner, hub_key, outlet
    ):
        # given
        await _set_threshold(session, owner, outlet, 1000)
        await outlets_flows.record_outlet_reading(
            session, settings, hub_key.api_key, OutletReading("FE", 500, 0), NOW
        )

        # when
        result = await outlets_flows.record_outlet_reading(
            session, settings, hub_key.api_key, OutletReading("FE", 0, 1250), _later(2)
        )

        # then
        assert result.persisted is False
        assert await open_alerts(session, outlet.id) == [AlertKind.THRESHOLD]

    async def test_threshold_clears_when_the_current_falls(
        self, session, settings, owner, hub_key, outlet
    ):
        # given
        await _set_threshold(session, owner, outlet, 1000)
        await outlets_flows.record_outlet_reading(
            session, settings, hub_key.api_key, OutletReading("FE", 1250, 0), NOW
        )

        # when
        await outlets_flows.record_outlet_reading(
            session, settings, hub_key.api_key, OutletReading("FE", 1000, 0), _later(2)
        )

        # then
        assert await open_alerts(session, outlet.id) == []

    async def test_a_reading_clears_the_outlets_offline_alert(
        self, session, settings, hub_key, outlet
    ):
        # given: seen recently, yet an OFFLINE alert is open
        await outlets_flows.record_outlet_reading(
            session, settings, hub_key.api_key, OutletReading("FE", 100, 0), NOW
        )
        await alerts_service.raise_alert(session, outlet, AlertKind.OFFLINE, "offline", _later(1))

        # when
        await outlets_flows.record_outlet_reading(
            session, settings, hub_key.api_key, OutletReading("FE", 100, 0), _later(2)
        )

        # then
        assert await open_alerts(session, outlet.id) == []

    async def test_a_lasting_overload_keeps_its_one_alert_and_clears_the_others(
        self, session, settings, owner, hub_key, outlet
    ):
        # given
        await _set_threshold(session, owner, outlet, 1000)
        await outlets_flows.record_outlet_reading(
            session, settings, hub_key.api_key, OutletReading("FE", 1250, 0), NOW
        )

        # when
        for seconds in (2, 4):
            await outlets_flows.record_outlet_reading(
                session, settings, hub_key.api_key, OutletReading("FE", 65535, 0), _later(seconds)
            )

        # then
        assert await open_alerts(session, outlet.id) == [AlertKind.OVERLOAD]

    async def test_without_a_threshold_no_current_raises_threshold(
        self, session, settings, hub_key, outlet
    ):
        # when
        await outlets_flows.record_outlet_reading(
            session, settings, hub_key.api_key, OutletReading("FE", 60000, 0), NOW
        )

        # then
        assert await open_alerts(session, outlet.id) == []


class TestRelayConfirmation:
    async def test_a_sent_relay_command_succeeds_when_a_reading_shows_it(
        self, session, settings, owner, hub, hub_key, outlet
    ):
        # given
        command = await commands_service.issue(
            session, viewer_of(owner), outlet.id, CommandKind.RELAY_ON, {"socket": "b"}, NOW
        )
        delivered = await outlets_flows.deliver_commands(session, hub, "FE", _later(1))

        # when
        await outlets_flows.record_outlet_reading(
            session,
            settings,
            hub_key.api_key,
            OutletReading("FE", 0, 800, relay_a=False, relay_b=True),
            _later(2),
        )

        # then
        assert [sent.id for sent in delivered] == [command.id]
        status = (
            await session.execute(select(Command.status).where(Command.id == command.id))
        ).scalar_one()
        assert status is CommandStatus.SUCCEEDED

    async def test_another_hub_cannot_fetch_my_outlets_commands(self, session, owner, outlet):
        # given
        other_hub = (await create_hub(session, owner, "Other hub")).device

        # when / then
        with pytest.raises(OutletNotFound):
            await outlets_flows.deliver_commands(session, other_hub, "FE", NOW)


class TestRecordBreakerReading:
    async def test_noise_is_stored_as_no_load(self, session, settings, hub):
        # when
        load = await outlets_flows.record_breaker_reading(
            session, settings, hub, hub.hardware_id.lower(), 150, NOW
        )

        # then
        stored = await _fresh(session, hub)
        value = (
            await session.execute(
                select(TelemetryPoint.value).where(TelemetryPoint.device_id == hub.id)
            )
        ).scalar_one()
        assert (load, stored.state["breaker_current_ma"], value) == (0, 0, 0.0)
        assert stored.online is True

    async def test_another_hubs_id_is_refused(self, session, settings, hub):
        # given
        other_id = "00" if hub.hardware_id != "00" else "01"

        # when / then
        with pytest.raises(HubNotFound):
            await outlets_flows.record_breaker_reading(session, settings, hub, other_id, 4500, NOW)


def _status_events(session) -> list[tuple[str, dict]]:
    pending = session.info.get("pawgraph.pending_events", [])
    return [(channel, json.loads(body)) for channel, body in pending if channel.endswith(".status")]


class TestOnlineOnDeviceStatus:
    async def test_a_hub_heard_first_or_again_publishes_online_once(self, session, settings, hub):
        # when
        await outlets_flows.record_breaker_reading(
            session, settings, hub, hub.hardware_id, 900, NOW
        )
        await outlets_flows.record_breaker_reading(
            session, settings, hub, hub.hardware_id, 900, _later(2)
        )
        # then
        events = _status_events(session)
        assert [(channel, body["online"]) for channel, body in events] == [
            (f"device.{hub.id}.status", True)
        ]
        assert events[0][1]["state"]["breaker_current_ma"] == 900

    async def test_an_outlet_heard_first_publishes_online(
        self, session, settings, hub, hub_key, outlet
    ):
        # when
        await outlets_flows.record_outlet_reading(
            session,
            settings,
            hub_key.api_key,
            OutletReading("FE", 100, 0, relay_a=True, relay_b=False),
            NOW,
        )
        # then
        events = _status_events(session)
        assert [(channel, body["online"]) for channel, body in events] == [
            (f"device.{outlet.id}.status", True)
        ]
        assert events[0][1]["state"]["relay_a"] is True
