import datetime as dt

from strawberry.relay import to_base64

from graphql_api.commands import service as commands_service
from graphql_api.commands.models import CommandKind
from graphql_api.devices.errors import DeviceErrorCode
from graphql_api.feeding import service as feeding_service
from graphql_api.feeding.errors import FeedingErrorCode
from graphql_api.feeding.models import FeedingSource
from graphql_api.feeding.service import ReportedFeeding
from tests.factories.accounts import viewer_of
from tests.factories.pets_db import create_pet

HISTORY = """
query History($deviceId: ID, $petId: ID, $source: FeedingSource, $from: DateTime, $to: DateTime) {
  feedingHistory(deviceId: $deviceId, petId: $petId, source: $source, from: $from, to: $to) {
    totalCount
    edges { node { id grams source fedAt deviceTime receivedAt notes
                   device { id } pet { id } command { id kind status } } }
  }
}
"""
TOTALS = """
query Totals($deviceId: ID!, $from: Date!, $to: Date!) {
  feedingDailyTotals(deviceId: $deviceId, from: $from, to: $to) { date grams feeds }
}
"""
DEVICE_TIME = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)


def gid(type_name: str, pk: int) -> str:
    return to_base64(type_name, pk)


async def execute(schema, make_context, viewer, document, variables):
    return await schema.execute(
        document, variable_values=variables, context_value=make_context(viewer_of(viewer))
    )


class TestFeedingHistory:
    async def test_shows_a_remote_log_with_its_pet_and_command(
        self, schema, make_context, session, owner, feeder
    ):
        # given
        pet = await create_pet(session, owner)
        feeder.pet_id = pet.id
        now = dt.datetime.now(dt.UTC)
        command = await commands_service.issue(
            session, viewer_of(owner), feeder.id, CommandKind.FEED_NOW, {"grams": 30}, now
        )
        await commands_service.acknowledge(session, feeder, command.id, "ok", None, now)
        remote = ReportedFeeding(30, FeedingSource.REMOTE_COMMAND, DEVICE_TIME, "feed now")
        await feeding_service.record_logs(session, feeder, [remote], now)

        # when
        result = await execute(
            schema, make_context, owner, HISTORY, {"deviceId": gid("Device", feeder.id)}
        )

        # then
        assert result.errors is None
        [edge] = result.data["feedingHistory"]["edges"]
        node = edge["node"]
        assert (node["grams"], node["source"], node["notes"]) == (
            30.0,
            "REMOTE_COMMAND",
            "feed now",
        )
        assert node["pet"]["id"] == gid("Pet", pet.id)
        assert node["command"] == {
            "id": gid("Command", command.id),
            "kind": "FEED_NOW",
            "status": "SUCCEEDED",
        }

    async def test_filters_by_source_and_range(self, schema, make_context, session, owner, feeder):
        # given
        reports = [
            ReportedFeeding(20, FeedingSource.SCHEDULED, DEVICE_TIME - dt.timedelta(days=1)),
            ReportedFeeding(30, FeedingSource.SCHEDULED, DEVICE_TIME),
            ReportedFeeding(40, FeedingSource.MANUAL, DEVICE_TIME),
        ]
        await feeding_service.record_logs(session, feeder, reports, DEVICE_TIME)
        variables = {
            "deviceId": gid("Device", feeder.id),
            "source": "SCHEDULED",
            "from": (DEVICE_TIME - dt.timedelta(hours=1)).isoformat(),
            "to": (DEVICE_TIME + dt.timedelta(hours=1)).isoformat(),
        }

        # when
        result = await execute(schema, make_context, owner, HISTORY, variables)

        # then
        assert result.errors is None
        assert [e["node"]["grams"] for e in result.data["feedingHistory"]["edges"]] == [30.0]

    async def test_another_owners_feeder_is_not_found(self, schema, make_context, stranger, feeder):
        # when
        result = await execute(
            schema, make_context, stranger, HISTORY, {"deviceId": gid("Device", feeder.id)}
        )

        # then
        [error] = result.errors
        assert error.extensions["code"] == DeviceErrorCode.DEVICE_NOT_FOUND.value


class TestFeedingDailyTotals:
    async def test_gives_every_day_of_the_range(self, schema, make_context, session, owner, feeder):
        # given
        reports = [ReportedFeeding(30, FeedingSource.SCHEDULED, DEVICE_TIME)]
        await feeding_service.record_logs(session, feeder, reports, DEVICE_TIME)
        variables = {"deviceId": gid("Device", feeder.id), "from": "2026-11-22", "to": "2026-11-23"}

        # when
        result = await execute(schema, make_context, owner, TOTALS, variables)

        # then
        assert result.errors is None
        assert result.data["feedingDailyTotals"] == [
            {"date": "2026-11-22", "grams": 0.0, "feeds": 0},
            {"date": "2026-11-23", "grams": 30.0, "feeds": 1},
        ]

    async def test_a_range_over_a_year_is_refused(self, schema, make_context, owner, feeder):
        # given
        variables = {"deviceId": gid("Device", feeder.id), "from": "2025-01-01", "to": "2026-11-23"}

        # when
        result = await execute(schema, make_context, owner, TOTALS, variables)

        # then
        [error] = result.errors
        assert error.extensions["code"] == FeedingErrorCode.INVALID_TIME_RANGE.value
