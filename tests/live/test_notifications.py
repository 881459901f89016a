"""The notification inbox end to end: pushed live to its recipient only, across processes; read
and muted over GraphQL; another user's notifications are not found."""

import asyncio

from graphql_api import events
from tests.factories.devices import post_heartbeat, register_device
from tests.live.alerting import NOTIFICATION_RECEIVED, on, until_subscribed, user_pk
from tests.support.graphql_client import next_result

INBOX = """
query Inbox($order: NotificationOrder) {
  unreadNotificationCount
  notifications(order: $order, first: 10) { edges { node { id kind read } } }
}
"""
MARK_READ = """
mutation MarkRead($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) {
    notifications { id read }
    unreadCount
    userErrors { field code message }
  }
}
"""
MUTE = """
mutation Mute($input: SetNotificationKindMutedInput!) {
  setNotificationKindMuted(input: $input) { mutedKinds userErrors { code } }
}
"""


class TestNotificationReceived:
    async def test_only_the_recipient_is_pushed_it_across_processes(
        self, owner, other_owner, server_a, server_b, test_environment
    ):
        # given
        feeder = await register_device(owner)
        their_feeder = await register_device(other_owner)
        other_pk = await user_pk(other_owner)
        async with on(server_b, other_owner).subscribe(NOTIFICATION_RECEIVED) as theirs:
            next_theirs = asyncio.ensure_future(next_result(theirs))
            await until_subscribed(
                test_environment.redis_url, events.user_notifications_channel(other_pk)
            )

            # when: the owner is notified first, then the other user
            await post_heartbeat(server_a, feeder, hopper_pct=12)
            await post_heartbeat(server_a, their_feeder, hopper_pct=12)
            first_heard = (await next_theirs)["notificationReceived"]

        # then
        theirs_now = await other_owner.execute(INBOX)
        [their_only] = theirs_now["notifications"]["edges"]
        assert first_heard["id"] == their_only["node"]["id"]


class TestInbox:
    async def test_read_and_unread_counts(self, owner, other_owner, server_a):
        # given
        feeder = await register_device(owner)
        await post_heartbeat(server_a, feeder, hopper_pct=12)
        inbox = await owner.execute(INBOX)
        [edge] = inbox["notifications"]["edges"]

        # when
        stolen = await other_owner.execute(MARK_READ, {"input": {"ids": [edge["node"]["id"]]}})
        marked = await owner.execute(MARK_READ, {"input": {"ids": [edge["node"]["id"]]}})

        # then
        assert inbox["unreadNotificationCount"] == 1
        assert [error["code"] for error in stolen["markNotificationsRead"]["userErrors"]] == [
            "NOTIFICATION_NOT_FOUND"
        ]
        payload = marked["markNotificationsRead"]
        assert payload["userErrors"] == []
        assert payload["notifications"] == [{"id": edge["node"]["id"], "read": True}]
        assert payload["unreadCount"] == 0
        assert (await owner.execute(INBOX))["unreadNotificationCount"] == 0

    async def test_a_muted_kind_is_not_delivered(self, owner, server_a):
        # given
        feeder = await register_device(owner)
        muted = await owner.execute(MUTE, {"input": {"kind": "DEVICE_ALERT", "muted": True}})

        # when
        await post_heartbeat(server_a, feeder, hopper_pct=12)

        # then
        assert muted["setNotificationKindMuted"]["mutedKinds"] == ["DEVICE_ALERT"]
        assert (await owner.execute(INBOX))["unreadNotificationCount"] == 0
