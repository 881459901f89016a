import pytest
from strawberry import relay

from graphql_api.devices.errors import DeviceErrorCode
from graphql_api.devices.models import DeviceKind
from graphql_api.error_codes import ErrorCode
from graphql_api.schedules.errors import ScheduleErrorCode
from tests.factories.accounts import viewer_of
from tests.factories.schedules import create_feeder, create_owner, create_schedule

CREATE = """
mutation Create($input: CreateFeedingScheduleInput!) {
  createFeedingSchedule(input: $input) {
    feedingSchedule { id time daysOfWeek grams label enabled lastTriggeredAt device { id } }
    userErrors { field code message }
  }
}
"""
UPDATE = """
mutation Update($input: UpdateFeedingScheduleInput!) {
  updateFeedingSchedule(input: $input) {
    feedingSchedule { id time daysOfWeek grams label enabled }
    userErrors { field code message }
  }
}
"""
DELETE = """
mutation Delete($input: DeleteFeedingScheduleInput!) {
  deleteFeedingSchedule(input: $input) {
    deletedFeedingScheduleId
    userErrors { field code message }
  }
}
"""
SCHEDULES = """
query Schedules($deviceId: ID!, $first: Int, $after: String) {
  feedingSchedules(deviceId: $deviceId, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id time grams device { id hardwareId } } }
  }
}
"""
NODE = "query Node($id: ID!) { node(id: $id) { id ... on FeedingSchedule { time grams } } }"


def gid(type_name: str, obj) -> str:
    return str(relay.GlobalID(type_name, str(obj.id)))


def graphql_code(code) -> str:
    return ErrorCode[code.value].value


def only_user_error(payload: dict) -> dict:
    assert len(payload["userErrors"]) == 1, payload["userErrors"]
    return payload["userErrors"][0]


async def run(schema, make_context, user, document: str, variables: dict):
    result = await schema.execute(
        document, variable_values=variables, context_value=make_context(viewer_of(user))
    )
    assert result.errors is None, result.errors
    return result.data


class TestCreateFeedingSchedule:
    async def test_creates_a_schedule_on_the_viewers_feeder(self, schema, make_context, session):
        # given
        owner = await create_owner(session)
        feeder = await create_feeder(session, owner)
        variables = {
            "input": {
                "deviceId": gid("Device", feeder),
                "time": "07:30",
                "grams": 40,
                "daysOfWeek": ["mon", "Fri"],
                "label": "Breakfast",
            }
        }
        # when
        data = await run(schema, make_context, owner, CREATE, variables)
        # then
        payload = data["createFeedingSchedule"]
        assert payload["userErrors"] == []
        assert payload["feedingSchedule"] | {"id": None} == {
            "id": None,
            "time": "07:30",
            "daysOfWeek": ["Mon", "Fri"],
            "grams": 40,
            "label": "Breakfast",
            "enabled": True,
            "lastTriggeredAt": None,
            "device": {"id": gid("Device", feeder)},
        }

    @pytest.mark.parametrize(
        ("overrides", "code", "field"),
        [
            ({"time": "25:00"}, ScheduleErrorCode.INVALID_SCHEDULE_TIME, "time"),
            ({"grams": 165}, ScheduleErrorCode.INVALID_PORTION, "grams"),
            ({"grams": 35}, ScheduleErrorCode.INVALID_PORTION, "grams"),
            (
                {"daysOfWeek": ["Mon", "Someday"]},
                ScheduleErrorCode.INVALID_DAYS_OF_WEEK,
                "daysOfWeek",
            ),
            ({"label": "x" * 33}, ScheduleErrorCode.INVALID_SCHEDULE_LABEL, "label"),
        ],
    )
    async def test_bad_input_is_a_user_error(
        self, schema, make_context, session, overrides, code, field
    ):
        # given
        owner = await create_owner(session)
        feeder = await create_feeder(session, owner)
        variables = {
            "input": {"deviceId": gid("Device", feeder), "time": "08:00", "grams": 30, **overrides}
        }
        # when
        data = await run(schema, make_context, owner, CREATE, variables)
        # then
        payload = data["createFeedingSchedule"]
        assert payload["feedingSchedule"] is None
        error = only_user_error(payload)
        assert (error["code"], error["field"]) == (graphql_code(code), [field])

    async def test_another_users_feeder_is_device_not_found(self, schema, make_context, session):
        # given
        feeder = await create_feeder(session, await create_owner(session))
        stranger = await create_owner(session)
        variables = {"input": {"deviceId": gid("Device", feeder), "time": "08:00", "grams": 30}}
        # when
        data = await run(schema, make_context, stranger, CREATE, variables)
        # then
        error = only_user_error(data["createFeedingSchedule"])
        assert error["code"] == graphql_code(DeviceErrorCode.DEVICE_NOT_FOUND)

    async def test_a_collar_is_not_a_feeder(self, schema, make_context, session):
        # given
        owner = await create_owner(session)
        collar = await create_feeder(session, owner, kind=DeviceKind.COLLAR)
        variables = {"input": {"deviceId": gid("Device", collar), "time": "08:00", "grams": 30}}
        # when
        data = await run(schema, make_context, owner, CREATE, variables)
        # then
        assert only_user_error(data["createFeedingSchedule"])["code"] == "NOT_A_FEEDER"


class TestUpdateAndDeleteFeedingSchedule:
    async def test_updates_the_given_fields(self, schema, make_context, session):
        # given
        owner = await create_owner(session)
        schedule = await create_schedule(
            session, owner, await create_feeder(session, owner), "08:00", 30
        )
        variables = {
            "input": {"id": gid("FeedingSchedule", schedule), "grams": 60, "daysOfWeek": None}
        }
        # when
        data = await run(schema, make_context, owner, UPDATE, variables)
        # then
        payload = data["updateFeedingSchedule"]
        assert payload["userErrors"] == []
        assert (payload["feedingSchedule"]["grams"], payload["feedingSchedule"]["time"]) == (
            60,
            "08:00",
        )
        assert len(payload["feedingSchedule"]["daysOfWeek"]) == 7

    async def test_another_users_schedule_is_schedule_not_found(
        self, schema, make_context, session
    ):
        # given
        owner = await create_owner(session)
        schedule = await create_schedule(session, owner, await create_feeder(session, owner))
        stranger = await create_owner(session)
        schedule_id = gid("FeedingSchedule", schedule)
        # when
        updated = await run(
            schema, make_context, stranger, UPDATE, {"input": {"id": schedule_id, "grams": 20}}
        )
        deleted = await run(schema, make_context, stranger, DELETE, {"input": {"id": schedule_id}})
        # then
        not_found = graphql_code(ScheduleErrorCode.SCHEDULE_NOT_FOUND)
        assert only_user_error(updated["updateFeedingSchedule"])["code"] == not_found
        assert only_user_error(deleted["deleteFeedingSchedule"])["code"] == not_found

    async def test_deletes_the_viewers_schedule(self, schema, make_context, session):
        # given
        owner = await create_owner(session)
        schedule = await create_schedule(session, owner, await create_feeder(session, owner))
        schedule_id = gid("FeedingSchedule", schedule)
        # when
        deleted = await run(schema, make_context, owner, DELETE, {"input": {"id": schedule_id}})
        # then
        assert deleted["deleteFeedingSchedule"] == {
            "deletedFeedingScheduleId": schedule_id,
            "userErrors": [],
        }
        assert (await run(schema, make_context, owner, NODE, {"id": schedule_id}))["node"] is None


class TestFeedingSchedulesQuery:
    async def test_pages_the_feeders_schedules_with_their_device(
        self, schema, make_context, session
    ):
        # given
        owner = await create_owner(session)
        feeder = await create_feeder(session, owner)
        for time in ("06:00", "12:00", "18:00"):
            await create_schedule(session, owner, feeder, time)
        # when
        first = await run(
            schema, make_context, owner, SCHEDULES, {"deviceId": gid("Device", feeder), "first": 2}
        )
        cursor = first["feedingSchedules"]["pageInfo"]["endCursor"]
        rest = await run(
            schema,
            make_context,
            owner,
            SCHEDULES,
            {"deviceId": gid("Device", feeder), "after": cursor},
        )
        # then
        page = first["feedingSchedules"]
        assert page["totalCount"] == 3
        assert [edge["node"]["time"] for edge in page["edges"]] == ["06:00", "12:00"]
        assert page["pageInfo"]["hasNextPage"] is True
        assert [edge["node"]["time"] for edge in rest["feedingSchedules"]["edges"]] == ["18:00"]
        assert page["edges"][0]["node"]["device"]["hardwareId"] == feeder.hardware_id

    async def test_another_users_feeder_is_not_found(self, schema, make_context, session):
        # given
        owner = await create_owner(session)
        feeder = await create_feeder(session, owner)
        await create_schedule(session, owner, feeder)
        stranger = await create_owner(session)
        # when
        result = await schema.execute(
            SCHEDULES,
            variable_values={"deviceId": gid("Device", feeder)},
            context_value=make_context(viewer_of(stranger)),
        )
        # then
        assert result.data is None
        assert result.errors[0].extensions["code"] == "DEVICE_NOT_FOUND"

    async def test_a_stranger_cannot_read_a_schedule_as_a_node(self, schema, make_context, session):
        # given
        owner = await create_owner(session)
        schedule = await create_schedule(
            session, owner, await create_feeder(session, owner), "09:10", 70
        )
        stranger = await create_owner(session)
        variables = {"id": gid("FeedingSchedule", schedule)}
        # when
        mine = await run(schema, make_context, owner, NODE, variables)
        theirs = await run(schema, make_context, stranger, NODE, variables)
        # then
        assert mine["node"] == {"id": variables["id"], "time": "09:10", "grams": 70}
        assert theirs["node"] is None
