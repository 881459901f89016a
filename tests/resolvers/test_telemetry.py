import datetime as dt

from strawberry import relay

from graphql_api.devices.models import DeviceKind
from graphql_api.telemetry import service as telemetry_service
from graphql_api.telemetry.errors import TelemetryErrorCode
from tests.factories.accounts import create_user, viewer_of
from tests.factories.devices_db import create_device

T0 = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)

TELEMETRY = """
query Telemetry($deviceId: ID!, $keys: [String!], $from: DateTime, $to: DateTime,
                $bucket: TelemetryBucket, $first: Int, $after: String) {
  telemetry(deviceId: $deviceId, keys: $keys, from: $from, to: $to, bucket: $bucket,
            first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { key at end value min max avg count } }
  }
}
"""


def gid(row) -> str:
    return str(relay.GlobalID("Device", str(row.id)))


async def _collar_with_readings(session, settings, owner):
    collar = await create_device(session, owner, kind=DeviceKind.COLLAR, name="collar")
    for minute, rate in enumerate([60.0, 80.0, 70.0]):
        at = T0 + dt.timedelta(minutes=minute)
        await telemetry_service.record(
            session, settings, collar.id, {"heart_rate": rate, "battery": 90.0}, at
        )
    return collar


class TestTelemetryQuery:
    async def test_raw_points_page_in_time_order(self, schema, make_context, session, settings):
        # given
        owner = await create_user(session)
        collar = await _collar_with_readings(session, settings, owner)
        variables = {"deviceId": gid(collar), "keys": ["heart_rate"], "first": 2}

        # when
        result = await schema.execute(
            TELEMETRY, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        assert result.errors is None
        telemetry = result.data["telemetry"]
        assert [edge["node"]["value"] for edge in telemetry["edges"]] == [60.0, 80.0]
        assert (telemetry["totalCount"], telemetry["pageInfo"]["hasNextPage"]) == (3, True)

    async def test_buckets_summarise_min_max_avg_count(
        self, schema, make_context, session, settings
    ):
        # given
        owner = await create_user(session)
        collar = await _collar_with_readings(session, settings, owner)
        variables = {
            "deviceId": gid(collar),
            "keys": ["heart_rate"],
            "from": T0.isoformat(),
            "to": (T0 + dt.timedelta(hours=1)).isoformat(),
            "bucket": "FIVE_MINUTES",
        }

        # when
        result = await schema.execute(
            TELEMETRY, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        assert result.errors is None
        [edge] = result.data["telemetry"]["edges"]
        assert edge["node"] == {
            "key": "heart_rate",
            "at": T0.isoformat(),
            "end": (T0 + dt.timedelta(minutes=5)).isoformat(),
            "value": 70.0,
            "min": 60.0,
            "max": 80.0,
            "avg": 70.0,
            "count": 3,
        }

    async def test_another_users_device_is_null(self, schema, make_context, session, settings):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        collar = await _collar_with_readings(session, settings, owner)

        # when
        result = await schema.execute(
            TELEMETRY,
            variable_values={"deviceId": gid(collar)},
            context_value=make_context(viewer_of(stranger)),
        )

        # then
        assert result.errors is None
        assert result.data["telemetry"] is None

    async def test_a_malformed_key_is_an_error_with_its_code(
        self, schema, make_context, session, settings
    ):
        # given
        owner = await create_user(session)
        collar = await _collar_with_readings(session, settings, owner)
        variables = {"deviceId": gid(collar), "keys": ["Heart Rate"]}

        # when
        result = await schema.execute(
            TELEMETRY, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        assert len(result.errors) == 1
        assert result.errors[0].extensions["code"] == TelemetryErrorCode.INVALID_TELEMETRY_KEY.value


DEVICES_WITH_READINGS = """
query Devices($keys: [String!], $key: String!) {
  devices(first: 10) {
    edges {
      node { name latestReadings(keys: $keys) { key value } latest(key: $key) { value } }
    }
  }
}
"""


async def _owner_of_a_collar_and_a_feeder(session, settings):
    """A collar with readings (heart_rate, battery) and a feeder with none."""
    owner = await create_user(session)
    await _collar_with_readings(session, settings, owner)
    await create_device(session, owner, kind=DeviceKind.FEEDER, name="feeder")
    return owner


class TestLatestReadingsOfAPage:
    """A page of devices loads their newest readings ahead (devices.types.device_connection);
    each device's ``latestReadings`` and ``latest`` still apply their own arguments."""

    async def test_each_device_shows_only_the_keys_asked_for(
        self, schema, make_context, session, settings
    ):
        # given
        owner = await _owner_of_a_collar_and_a_feeder(session, settings)

        # when
        result = await schema.execute(
            DEVICES_WITH_READINGS,
            variable_values={"keys": ["battery"], "key": "heart_rate"},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        assert result.errors is None, result.errors
        nodes = {edge["node"]["name"]: edge["node"] for edge in result.data["devices"]["edges"]}
        assert nodes["collar"]["latestReadings"] == [{"key": "battery", "value": 90.0}]
        assert nodes["collar"]["latest"] == {"value": 70.0}
        assert nodes["feeder"]["latestReadings"] == []
        assert nodes["feeder"]["latest"] is None

    async def test_a_malformed_key_is_an_error_on_each_device_with_its_code(
        self, schema, make_context, session, settings
    ):
        # given
        owner = await _owner_of_a_collar_and_a_feeder(session, settings)

        # when
        result = await schema.execute(
            DEVICES_WITH_READINGS,
            variable_values={"keys": None, "key": "Heart Rate"},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        assert [error.path[-1] for error in result.errors] == ["latest", "latest"]
        codes = {error.extensions["code"] for error in result.errors}
        assert codes == {TelemetryErrorCode.INVALID_TELEMETRY_KEY.value}
        assert all(edge["node"]["latest"] is None for edge in result.data["devices"]["edges"])
        readings = [len(edge["node"]["latestReadings"]) for edge in result.data["devices"]["edges"]]
        assert sorted(readings) == [0, 2]
