from strawberry import relay

from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.models import AlertKind
from graphql_api.db import utcnow
from graphql_api.notifications import service as notifications_service
from graphql_api.notifications.errors import NotificationErrorCode
from graphql_api.notifications.models import NotificationKind
from graphql_api.pagination import PageArgs
from tests.factories.accounts import viewer_of
from tests.factories.devices_db import create_device
from tests.support.database import counting_statements

NOTIFICATIONS = """
query Inbox($order: NotificationOrder, $unreadOnly: Boolean, $first: Int, $after: String) {
  unreadNotificationCount
  notifications(order: $order, unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id kind text createdAt read targetId
        actor { id }
        target { id ... on Alert { status device { id name } } }
      }
    }
  }
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
  setNotificationKindMuted(input: $input) { mutedKinds userErrors { field code message } }
}
"""


def gid(type_name: str, pk: int) -> str:
    return str(relay.GlobalID(type_name, str(pk)))


async def _alerts(session, owner, count: int) -> list:
    alerts = []
    for number in range(count):
        device = await create_device(session, owner, name=f"Feeder {number}")
        alerts.append(
            await alerts_service.raise_alert(session, device, AlertKind.FOOD_LOW, "Low", utcnow())
        )
    return alerts


class TestNotificationsQuery:
    async def test_resolves_alert_targets_and_their_devices(self, schema, make_context, owner):
        # given
        session = make_context().session
        [alert] = await _alerts(session, owner, 1)

        # when
        result = await schema.execute(
            NOTIFICATIONS, variable_values={}, context_value=make_context(viewer_of(owner))
        )

        # then
        assert result.errors is None
        assert result.data["unreadNotificationCount"] == 1
        node = result.data["notifications"]["edges"][0]["node"]
        assert (node["kind"], node["text"], node["read"]) == ("DEVICE_ALERT", "Low", False)
        assert node["targetId"] == gid("Alert", alert.id)
        assert node["target"]["id"] == gid("Alert", alert.id)
        assert node["target"]["device"]["name"] == "Feeder 0"
        assert node["actor"] is None

    async def test_statements_do_not_grow_with_the_page(self, schema, make_context, owner, engine):
        # given
        session = make_context().session
        await _alerts(session, owner, 12)

        async def statements_for(page_size: int) -> int:
            with counting_statements(engine) as statements:
                result = await schema.execute(
                    NOTIFICATIONS,
                    variable_values={"first": page_size},
                    context_value=make_context(viewer_of(owner)),
                )
            assert result.errors is None
            assert len(result.data["notifications"]["edges"]) == page_size
            return len(statements)

        # when
        small = await statements_for(2)
        large = await statements_for(12)

        # then
        assert small == large

    async def test_unread_first_over_graphql(self, schema, make_context, owner):
        # given
        session = make_context().session
        older, newer = await _alerts(session, owner, 2)
        page, _ = await notifications_service.list_for_viewer(
            session, viewer_of(owner), PageArgs(10, True, None)
        )
        newest = page.items[0]
        await notifications_service.mark_read(session, viewer_of(owner), utcnow(), ids=[newest.id])

        # when
        result = await schema.execute(
            NOTIFICATIONS,
            variable_values={"order": "UNREAD_FIRST", "first": 1},
            context_value=make_context(viewer_of(owner)),
        )
        cursor = result.data["notifications"]["pageInfo"]["endCursor"]
        rest = await schema.execute(
            NOTIFICATIONS,
            variable_values={"order": "UNREAD_FIRST", "first": 5, "after": cursor},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        first_page = [edge["node"]["read"] for edge in result.data["notifications"]["edges"]]
        second_page = [edge["node"]["read"] for edge in rest.data["notifications"]["edges"]]
        assert first_page == [False]
        assert second_page == [True]

    async def test_another_users_inbox_is_invisible(self, schema, make_context, owner, stranger):
        # given
        await _alerts(make_context().session, owner, 1)

        # when
        result = await schema.execute(
            NOTIFICATIONS, variable_values={}, context_value=make_context(viewer_of(stranger))
        )

        # then
        assert result.data["unreadNotificationCount"] == 0
        assert result.data["notifications"]["edges"] == []


class TestMarkNotificationsRead:
    async def test_marks_own_ids(self, schema, make_context, owner):
        # given
        session = make_context().session
        sent = await notifications_service.notify(
            session, recipient_id=owner.id, kind=NotificationKind.COMMENT, text="Hi"
        )

        # when
        result = await schema.execute(
            MARK_READ,
            variable_values={"input": {"ids": [gid("Notification", sent.id)]}},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        payload = result.data["markNotificationsRead"]
        assert payload["userErrors"] == []
        assert payload["notifications"] == [{"id": gid("Notification", sent.id), "read": True}]
        assert payload["unreadCount"] == 0

    async def test_another_users_id_is_not_found(self, schema, make_context, owner, stranger):
        # given
        session = make_context().session
        theirs = await notifications_service.notify(
            session, recipient_id=stranger.id, kind=NotificationKind.COMMENT, text="Hi"
        )

        # when
        result = await schema.execute(
            MARK_READ,
            variable_values={"input": {"ids": [gid("Notification", theirs.id)]}},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        [error] = result.data["markNotificationsRead"]["userErrors"]
        assert error["code"] == NotificationErrorCode.NOTIFICATION_NOT_FOUND.value
        assert theirs.read_at is None

    async def test_all(self, schema, make_context, owner):
        # given
        await _alerts(make_context().session, owner, 2)

        # when
        result = await schema.execute(
            MARK_READ,
            variable_values={"input": {"all": True}},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        payload = result.data["markNotificationsRead"]
        assert (payload["userErrors"], payload["unreadCount"]) == ([], 0)


class TestSetNotificationKindMuted:
    async def test_mutes_a_kind(self, schema, make_context, owner):
        # when
        result = await schema.execute(
            MUTE,
            variable_values={"input": {"kind": "DEVICE_ALERT", "muted": True}},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        assert result.data["setNotificationKindMuted"] == {
            "mutedKinds": ["DEVICE_ALERT"],
            "userErrors": [],
        }
