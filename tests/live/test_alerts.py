"""Device alerts end to end: a feeder's heartbeat on one process, its owner's live alert and
notification on another; nobody else hears or touches it; the offline sweep of a live process."""

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from graphql_api import events
from tests.conftest import TEST_SECRET_KEY
from tests.factories.devices import post_heartbeat, register_device
from tests.live.alerting import (
    ALERT_RAISED,
    NOTIFICATION_RECEIVED,
    on,
    until_subscribed,
    user_pk,
)
from tests.support.graphql_client import next_result
from tests.support.live_server import LiveServer, start_server

ACKNOWLEDGE = """
mutation Acknowledge($input: AlertIdInput!) {
  acknowledgeAlert(input: $input) { alert { id status } userErrors { field code message } }
}
"""
ALERTS = """
query Alerts($deviceId: ID, $kind: AlertKind) {
  alerts(deviceId: $deviceId, kind: $kind) {
    edges { node { id kind status clearedByCondition } }
  }
}
"""
DEVICE_STATUS = """
subscription DeviceStatus($deviceId: ID!) { deviceStatus(deviceId: $deviceId) { online } }
"""
OFFLINE_EVENT_TIMEOUT_S = 20.0


class TestFoodLow:
    async def test_owner_hears_the_alert_and_notification_on_another_process(
        self, owner, server_a, server_b, test_environment
    ):
        # given
        feeder = await register_device(owner)
        owner_pk = await user_pk(owner)
        owner_b = on(server_b, owner)
        async with (
            owner_b.subscribe(ALERT_RAISED) as alerts,
            owner_b.subscribe(NOTIFICATION_RECEIVED) as inbox,
        ):
            next_alert = asyncio.ensure_future(next_result(alerts))
            next_notification = asyncio.ensure_future(next_result(inbox))
            await until_subscribed(test_environment.redis_url, events.user_alerts_channel(owner_pk))
            await until_subscribed(
                test_environment.redis_url, events.user_notifications_channel(owner_pk)
            )

            # when
            await post_heartbeat(server_a, feeder, hopper_pct=15, tof_ok=True)
            alert = (await next_alert)["alertRaised"]
            notification = (await next_notification)["notificationReceived"]

        # then
        assert (alert["kind"], alert["status"]) == ("FOOD_LOW", "ACTIVE")
        assert alert["device"] == {"id": feeder.id}
        assert "15%" in alert["message"]
        assert (notification["kind"], notification["read"]) == ("DEVICE_ALERT", False)
        assert notification["targetId"] == alert["id"]
        assert notification["target"] == {"id": alert["id"], "kind": "FOOD_LOW", "status": "ACTIVE"}

    async def test_another_user_hears_nothing_and_cannot_touch_it(
        self, owner, other_owner, server_a, server_b, test_environment
    ):
        # given
        feeder = await register_device(owner)
        their_feeder = await register_device(other_owner)
        other_pk = await user_pk(other_owner)
        async with on(server_b, other_owner).subscribe(ALERT_RAISED) as theirs:
            next_theirs = asyncio.ensure_future(next_result(theirs))
            await until_subscribed(test_environment.redis_url, events.user_alerts_channel(other_pk))

            # when: the owner's feeder runs low first, then the other user's own
            await post_heartbeat(server_a, feeder, hopper_pct=15)
            await post_heartbeat(server_a, their_feeder, hopper_pct=5)
            first_heard = (await next_theirs)["alertRaised"]
        [owners_alert] = (await owner.execute(ALERTS, {"deviceId": feeder.id}))["alerts"]["edges"]
        acknowledged = await other_owner.execute(
            ACKNOWLEDGE, {"input": {"id": owners_alert["node"]["id"]}}
        )

        # then: the first alert the other user hears is their own
        assert first_heard["device"] == {"id": their_feeder.id}
        [error] = acknowledged["acknowledgeAlert"]["userErrors"]
        assert error["code"] == "ALERT_NOT_FOUND"
        assert owners_alert["node"]["status"] == "ACTIVE"

    async def test_one_alert_however_many_low_heartbeats(self, owner, server_a, server_b):
        # given
        feeder = await register_device(owner)

        # when
        await asyncio.gather(
            *(post_heartbeat(server, feeder, hopper_pct=10) for server in [server_a, server_b] * 3)
        )

        # then
        result = await owner.execute(ALERTS, {"deviceId": feeder.id, "kind": "FOOD_LOW"})
        assert [edge["node"]["status"] for edge in result["alerts"]["edges"]] == ["ACTIVE"]

    async def test_a_refill_clears_it(self, owner, server_a):
        # given
        feeder = await register_device(owner)
        await post_heartbeat(server_a, feeder, hopper_pct=10)

        # when
        await post_heartbeat(server_a, feeder, hopper_pct=90)

        # then
        result = await owner.execute(ALERTS, {"deviceId": feeder.id, "kind": "FOOD_LOW"})
        [edge] = result["alerts"]["edges"]
        assert (edge["node"]["status"], edge["node"]["clearedByCondition"]) == ("CLEARED", True)


@pytest.fixture
def sweeper(server_logs: Path, database_url: str, test_environment) -> Iterator[LiveServer]:
    """A process whose offline sweep runs every half second with a 2 s feeder threshold.

    Function-scoped: while it runs, every feeder in the test database silent for 2 s goes
    offline, which other tests must not see.
    """
    server = start_server(
        server_logs,
        "offline-sweeper",
        env="test",
        database_url=database_url,
        broadcast_url=test_environment.redis_url,
        secret_key=TEST_SECRET_KEY,
        feeder_offline_after="PT2S",
        offline_check_interval="PT0.5S",
    )
    yield server
    server.stop()


class TestOfflineSweep:
    async def test_a_silent_feeder_goes_offline_live_and_a_report_clears_it(
        self, owner, sweeper, server_a, server_b, test_environment
    ):
        # given
        feeder = await register_device(owner)
        owner_pk = await user_pk(owner)
        async with (
            on(server_b, owner).subscribe(ALERT_RAISED) as alerts,
            on(sweeper, owner).subscribe(DEVICE_STATUS, {"deviceId": feeder.id}) as status,
        ):
            snapshot = (await next_result(status))["deviceStatus"]
            next_alert = asyncio.ensure_future(next_result(alerts, OFFLINE_EVENT_TIMEOUT_S))
            await until_subscribed(test_environment.redis_url, events.user_alerts_channel(owner_pk))

            # when: one heartbeat, then silence
            await post_heartbeat(server_a, feeder)
            online = (await next_result(status))["deviceStatus"]
            offline = (await next_result(status, OFFLINE_EVENT_TIMEOUT_S))["deviceStatus"]
            alert = (await next_alert)["alertRaised"]

        # then
        assert (snapshot["online"], online["online"], offline["online"]) == (False, True, False)
        assert (alert["kind"], alert["device"]) == ("OFFLINE", {"id": feeder.id})

        # and when the feeder reports again
        await post_heartbeat(server_a, feeder)
        result = await owner.execute(ALERTS, {"deviceId": feeder.id, "kind": "OFFLINE"})
        # The sweeper goes on: silence past 2 s again may already have raised a newer one.
        [raised] = [
            edge["node"] for edge in result["alerts"]["edges"] if edge["node"]["id"] == alert["id"]
        ]
        assert (raised["status"], raised["clearedByCondition"]) == ("CLEARED", True)
