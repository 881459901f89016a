import pytest
from strawberry import relay

from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.errors import AlertErrorCode
from graphql_api.alerts.models import AlertKind
from graphql_api.db import utcnow
from graphql_api.devices.models import DeviceKind
from tests.factories.accounts import viewer_of
from tests.factories.devices_db import create_device

ALERTS = """
query Alerts($deviceId: ID, $kind: AlertKind, $status: AlertStatus, $first: Int, $after: String) {
  alerts(deviceId: $deviceId, kind: $kind, status: $status, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id kind status message raisedAt clearedByCondition device { id name } } }
  }
}
"""
ACKNOWLEDGE = """
mutation Acknowledge($input: AlertIdInput!) {
  acknowledgeAlert(input: $input) {
    alert { id status acknowledgedAt }
    userErrors { field code message }
  }
}
"""
CLEAR = """
mutation Clear($input: AlertIdInput!) {
  clearAlert(input: $input) {
    alert { id status clearedAt clearedByCondition clearedBy { id } }
    userErrors { field code message }
  }
}
"""


def gid(type_name: str, pk: int) -> str:
    return str(relay.GlobalID(type_name, str(pk)))


@pytest.fixture
async def feeder(session, owner):
    return await create_device(session, owner, kind=DeviceKind.FEEDER, name="Hall feeder")


@pytest.fixture
async def alert(session, feeder):
    return await alerts_service.raise_alert(session, feeder, AlertKind.FOOD_LOW, "Low", utcnow())


class TestAlertsQuery:
    async def test_lists_the_viewers_alerts_with_their_device(
        self, schema, make_context, owner, feeder, alert
    ):
        # when
        result = await schema.execute(
            ALERTS, variable_values={}, context_value=make_context(viewer_of(owner))
        )

        # then
        assert result.errors is None
        connection = result.data["alerts"]
        assert connection["totalCount"] == 1
        node = connection["edges"][0]["node"]
        assert node["id"] == gid("Alert", alert.id)
        assert (node["kind"], node["status"], node["message"]) == ("FOOD_LOW", "ACTIVE", "Low")
        assert node["device"] == {"id": gid("Device", feeder.id), "name": "Hall feeder"}

    async def test_filters_by_kind(self, schema, make_context, owner, alert):
        # when
        result = await schema.execute(
            ALERTS,
            variable_values={"kind": "OFFLINE"},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        assert result.data["alerts"]["totalCount"] == 0

    async def test_another_users_device_is_not_found(
        self, schema, make_context, stranger, feeder, alert
    ):
        # when
        result = await schema.execute(
            ALERTS,
            variable_values={"deviceId": gid("Device", feeder.id)},
            context_value=make_context(viewer_of(stranger)),
        )

        # then
        assert result.data is None
        assert result.errors[0].extensions["code"] == "DEVICE_NOT_FOUND"

    async def test_another_user_sees_none_of_them(self, schema, make_context, stranger, alert):
        # when
        result = await schema.execute(
            ALERTS, variable_values={}, context_value=make_context(viewer_of(stranger))
        )

        # then
        assert result.data["alerts"]["edges"] == []

    async def test_an_alert_is_a_node_only_for_its_owner(
        self, schema, make_context, owner, stranger, alert
    ):
        # given
        query = "query Node($id: ID!) { node(id: $id) { ... on Alert { id status } } }"
        variables = {"id": gid("Alert", alert.id)}

        # when
        mine = await schema.execute(query, variables, context_value=make_context(viewer_of(owner)))
        theirs = await schema.execute(
            query, variables, context_value=make_context(viewer_of(stranger))
        )

        # then
        assert mine.data["node"] == {"id": gid("Alert", alert.id), "status": "ACTIVE"}
        assert theirs.data["node"] is None


class TestAcknowledgeAlert:
    async def test_acknowledges(self, schema, make_context, owner, alert):
        # when
        result = await schema.execute(
            ACKNOWLEDGE,
            variable_values={"input": {"id": gid("Alert", alert.id)}},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        payload = result.data["acknowledgeAlert"]
        assert payload["userErrors"] == []
        assert payload["alert"]["status"] == "ACKNOWLEDGED"
        assert payload["alert"]["acknowledgedAt"] is not None

    async def test_twice_is_a_user_error_naming_the_status(
        self, schema, make_context, owner, alert
    ):
        # given
        variables = {"input": {"id": gid("Alert", alert.id)}}
        await schema.execute(ACKNOWLEDGE, variables, context_value=make_context(viewer_of(owner)))

        # when
        result = await schema.execute(
            ACKNOWLEDGE, variables, context_value=make_context(viewer_of(owner))
        )

        # then
        payload = result.data["acknowledgeAlert"]
        assert payload["alert"] is None
        [error] = payload["userErrors"]
        assert error["code"] == AlertErrorCode.ALERT_TRANSITION_NOT_ALLOWED.value
        assert "ACKNOWLEDGED" in error["message"]
        assert error["field"] == ["id"]

    async def test_another_users_alert_is_not_found(self, schema, make_context, stranger, alert):
        # when
        result = await schema.execute(
            ACKNOWLEDGE,
            variable_values={"input": {"id": gid("Alert", alert.id)}},
            context_value=make_context(viewer_of(stranger)),
        )

        # then
        [error] = result.data["acknowledgeAlert"]["userErrors"]
        assert error["code"] == AlertErrorCode.ALERT_NOT_FOUND.value

    async def test_a_device_id_is_not_an_alert_id(self, schema, make_context, owner, feeder):
        # when
        result = await schema.execute(
            ACKNOWLEDGE,
            variable_values={"input": {"id": gid("Device", feeder.id)}},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        [error] = result.data["acknowledgeAlert"]["userErrors"]
        assert error["code"] == "INVALID_ID"


class TestClearAlert:
    async def test_the_owner_clears_by_hand(self, schema, make_context, owner, alert):
        # when
        result = await schema.execute(
            CLEAR,
            variable_values={"input": {"id": gid("Alert", alert.id)}},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        payload = result.data["clearAlert"]
        assert payload["userErrors"] == []
        assert payload["alert"]["status"] == "CLEARED"
        assert payload["alert"]["clearedByCondition"] is False
        assert payload["alert"]["clearedBy"] == {"id": gid("User", owner.id)}
