"""Account, alert and notification operations not covered by test_sdk.py/test_sdk_screens.py
(clients/operations/accounts.graphql, alerts.graphql, notifications.graphql), live."""

from pawgraph_client import AlertIdInput, LogoutInput, SetNotificationKindMutedInput
from pawgraph_client.enums import AlertStatus, ErrorCode, NotificationKind

from tests.clients.test_sdk import register_feeder, sdk, signed_in
from tests.clients.test_sdk_screens import heartbeat


class TestLogout:
    async def test_logout_revokes_the_token(self, server_a):
        async with signed_in(server_a) as client:
            # given
            assert (await client.me()).me is not None
            # when
            logged_out = (await client.logout(LogoutInput(everywhere=False))).logout
            after = (await client.me()).me
            # then
            assert logged_out.user_errors == [] and logged_out.revoked >= 1
            assert after is None

    async def test_an_anonymous_logout_is_not_authenticated(self, server_a):
        async with sdk(server_a) as anonymous:
            # when
            logged_out = (await anonymous.logout(LogoutInput(everywhere=True))).logout
            # then
            assert logged_out.revoked is None
            assert [error.code for error in logged_out.user_errors] == [ErrorCode.NOT_AUTHENTICATED]


class TestMutedKinds:
    async def test_mute_and_unmute_a_kind(self, server_a):
        async with signed_in(server_a) as client:
            # given
            before = (await client.muted_notification_kinds()).muted_notification_kinds
            # when
            muted = (
                await client.set_notification_kind_muted(
                    SetNotificationKindMutedInput(kind=NotificationKind.COMMENT, muted=True)
                )
            ).set_notification_kind_muted
            listed = (await client.muted_notification_kinds()).muted_notification_kinds
            unmuted = (
                await client.set_notification_kind_muted(
                    SetNotificationKindMutedInput(kind=NotificationKind.COMMENT, muted=False)
                )
            ).set_notification_kind_muted
            # then
            assert before == []
            assert muted.user_errors == [] and muted.muted_kinds == [NotificationKind.COMMENT]
            assert listed == [NotificationKind.COMMENT]
            assert unmuted.user_errors == [] and unmuted.muted_kinds == []


class TestClearAlert:
    async def test_clear_an_alert_and_a_stranger_is_refused(self, server_a):
        async with signed_in(server_a) as owner, signed_in(server_a) as stranger:
            # given: a low hopper raises an alert
            feeder = await register_feeder(owner)
            await heartbeat(server_a, feeder, hopper_pct=10)
            [edge] = (await owner.alerts(device_id=feeder.device.id)).alerts.edges
            alert_id = edge.node.id
            # when
            refused = (await stranger.clear_alert(AlertIdInput(id=alert_id))).clear_alert
            cleared = (await owner.clear_alert(AlertIdInput(id=alert_id))).clear_alert
            # then
            assert refused.alert is None
            assert [error.code for error in refused.user_errors] == [ErrorCode.ALERT_NOT_FOUND]
            assert cleared.user_errors == [] and cleared.alert.id == alert_id
            assert cleared.alert.status is AlertStatus.CLEARED
            assert cleared.alert.cleared_at is not None
