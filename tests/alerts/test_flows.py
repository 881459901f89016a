from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.models import AlertKind
from graphql_api.db import utcnow
from graphql_api.devices import flows as device_flows
from graphql_api.devices.service import FeederHeartbeat
from graphql_api.notifications import service as notifications_service
from tests.alerts.conftest import open_alert_count
from tests.factories.accounts import viewer_of


def heartbeat(hopper_percent: int | None, tof_ok: bool | None = True) -> FeederHeartbeat:
    return FeederHeartbeat(device_time=None, hopper_percent=hopper_percent, tof_ok=tof_ok)


class TestRecordFeederHeartbeat:
    async def test_a_low_hopper_raises_food_low_once(self, session, settings, owner, feeder):
        # when
        for _ in range(3):
            await device_flows.record_feeder_heartbeat(
                session, feeder, heartbeat(15), utcnow(), settings
            )

        # then
        assert await open_alert_count(session, feeder.id, AlertKind.FOOD_LOW) == 1
        assert await notifications_service.unread_count(session, viewer_of(owner)) == 1
        assert feeder.online is True

    async def test_exactly_20_percent_is_low(self, session, settings, feeder):
        # when
        await device_flows.record_feeder_heartbeat(
            session, feeder, heartbeat(20), utcnow(), settings
        )

        # then
        assert await open_alert_count(session, feeder.id, AlertKind.FOOD_LOW) == 1

    async def test_a_refilled_hopper_clears_food_low(self, session, settings, feeder):
        # given
        await device_flows.record_feeder_heartbeat(
            session, feeder, heartbeat(10), utcnow(), settings
        )

        # when
        await device_flows.record_feeder_heartbeat(
            session, feeder, heartbeat(21), utcnow(), settings
        )

        # then
        assert await open_alert_count(session, feeder.id, AlertKind.FOOD_LOW) == 0

    async def test_a_broken_sensor_never_reports_food_low(self, session, settings, feeder):
        # when
        await device_flows.record_feeder_heartbeat(
            session, feeder, heartbeat(0, tof_ok=False), utcnow(), settings
        )

        # then
        assert await open_alert_count(session, feeder.id, AlertKind.FOOD_LOW) == 0

    async def test_a_heartbeat_clears_offline(self, session, settings, feeder):
        # given
        await alerts_service.raise_alert(session, feeder, AlertKind.OFFLINE, "Off", utcnow())

        # when
        await device_flows.record_feeder_heartbeat(
            session, feeder, heartbeat(80), utcnow(), settings
        )

        # then
        assert await open_alert_count(session, feeder.id, AlertKind.OFFLINE) == 0
