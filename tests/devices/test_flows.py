"""The feeder heartbeat flow: state and liveness on every heartbeat, telemetry throttled."""

import datetime as dt

from graphql_api.devices import flows as device_flows
from graphql_api.devices.service import FeederHeartbeat
from graphql_api.telemetry import service as telemetry_service
from graphql_api.telemetry.service import TelemetryPageArgs, TelemetryQuery
from tests.factories.accounts import viewer_of

T0 = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)


def heartbeat(hopper_percent: int, **fields) -> FeederHeartbeat:
    return FeederHeartbeat(
        device_time=T0,
        wifi_rssi=-60,
        uptime_seconds=100,
        daily_feeds=1,
        hopper_mm=90,
        hopper_percent=hopper_percent,
        tof_ok=True,
        **fields,
    )


async def stored_hopper_levels(session, owner, feeder) -> list[float]:
    page = await telemetry_service.query(
        session,
        viewer_of(owner),
        TelemetryQuery(feeder.id, keys=["hopper_percent"]),
        TelemetryPageArgs(),
        max_page_size=100,
        now=T0 + dt.timedelta(days=1),
    )
    return [sample.value for sample in page.samples]


class TestRecordFeederHeartbeat:
    async def test_stores_one_heartbeat_per_interval_and_updates_state_on_every_one(
        self, session, settings, owner, feeder
    ):
        # given
        interval = settings.telemetry_persist_interval
        # when
        for offset, percent in ((0, 80), (60, 79), (interval.total_seconds(), 78)):
            at = T0 + dt.timedelta(seconds=offset)
            await device_flows.record_feeder_heartbeat(
                session, feeder, heartbeat(percent), at, settings
            )
            # then: the state follows every heartbeat
            assert feeder.state["hopper_percent"] == percent
            assert feeder.last_seen_at == at
        # then: the second came inside the interval and was not stored; the third was
        assert await stored_hopper_levels(session, owner, feeder) == [80.0, 78.0]

    async def test_records_every_measured_series(self, session, settings, feeder):
        # when
        await device_flows.record_feeder_heartbeat(session, feeder, heartbeat(55), T0, settings)
        # then
        latest = await telemetry_service.latest_by_device(session, [feeder.id])
        assert {sample.key: sample.value for sample in latest[feeder.id]} == {
            "daily_feeds": 1.0,
            "hopper_mm": 90.0,
            "hopper_percent": 55.0,
            "uptime_seconds": 100.0,
            "wifi_rssi": -60.0,
        }
