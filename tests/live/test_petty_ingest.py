"""Petty collar ingest over the wire (WIRE.md section 3), with the exact bytes a collar sends:
every validation rule, batches with rejected readings, both auth forms, the 201/400/401 bodies,
the duplicate timestamp, the stored position and the live broadcast."""

import asyncio
import base64
import datetime as dt
import json
from typing import Any

import pytest

from tests.factories.collar_readings import (
    as_bytes,
    bearer_headers,
    ingest,
    key_headers,
    petty_reading,
    post_ingest,
    register_collar,
    wire_time,
)
from tests.factories.devices import RegisteredDevice, register_device
from tests.live.alerting import on, until_subscribed
from tests.support.graphql_client import GraphQLClient, next_result

pytestmark = pytest.mark.live

COLLAR = """
query Collar($id: ID!, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  node(id: $id) {
    ... on Device {
      lastSeenAt
      lastPosition { longitude latitude }
      lastReading { heartRate activityLevel activityLabel measuredAt }
      track(from: $from, to: $to, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { measuredAt heartRate activityLevel position { longitude latitude } } }
      }
    }
  }
}
"""
TELEMETRY_UPDATED = """
subscription TelemetryUpdated($deviceId: ID!) {
  telemetryUpdated(deviceId: $deviceId) { deviceId deviceTime persisted values { key value } }
}
"""


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


async def collar_state(owner: GraphQLClient, collar: RegisteredDevice, **variables: Any) -> dict:
    return (await owner.execute(COLLAR, {"id": collar.id, **variables}))["node"]


def exact(body: dict[str, Any]) -> bytes:
    """The reply's bytes: ``json.dumps`` defaults, as the original Python server wrote them."""
    return json.dumps(body).encode()


class TestOneReading:
    async def test_is_stored_with_201_and_its_position_becomes_the_last_position(self, owner):
        # given
        collar = await register_collar(owner)
        at = now() - dt.timedelta(minutes=1)
        body = petty_reading(
            collar, at, location={"type": "Point", "coordinates": [-74.00612345678, 40.7128]}
        )

        # when
        response = await post_ingest(owner.server, as_bytes(body), key_headers(collar))

        # then
        request_id = response.json()["request_id"]
        assert response.status_code == 201
        assert response.content == exact(
            {"success": True, "message": "reading stored", "request_id": request_id}
        )
        assert response.headers["x-request-id"] == request_id
        state = await collar_state(owner, collar)
        assert state["lastPosition"] == {"longitude": -74.006123, "latitude": 40.7128}
        assert state["lastReading"] == {
            "heartRate": 85,
            "activityLevel": 1,
            "activityLabel": "active",
            "measuredAt": at.isoformat(),
        }
        assert state["lastSeenAt"] is not None
        assert state["track"]["totalCount"] == 1

    @pytest.mark.parametrize("path", ["/ingest", "/v1/ingest", "/ingest/", "/v1/ingest/"])
    async def test_every_path_accepts_it_without_a_redirect(self, owner, path):
        # given
        collar = await register_collar(owner)

        # when
        response = await post_ingest(
            owner.server, as_bytes(petty_reading(collar)), key_headers(collar), path
        )

        # then
        assert response.status_code == 201
        assert response.json()["success"] is True

    async def test_a_naive_timestamp_is_utc(self, owner):
        # given
        collar = await register_collar(owner)
        at = now() - dt.timedelta(minutes=5)
        body = petty_reading(collar, timestamp=at.replace(tzinfo=None).isoformat())

        # when
        await ingest(owner.server, collar, body)

        # then
        state = await collar_state(owner, collar)
        assert state["lastReading"]["measuredAt"] == at.isoformat()

    async def test_the_same_timestamp_twice_is_stored_once(self, owner, server_b):
        # given
        collar = await register_collar(owner)
        body = as_bytes(petty_reading(collar, now()))
        await post_ingest(owner.server, body, key_headers(collar))

        # when: the collar's retry reaches the other process
        again = await post_ingest(server_b, body, key_headers(collar))

        # then
        assert again.status_code == 201
        assert again.json()["message"] == "reading already stored"
        assert (await collar_state(owner, collar))["track"]["totalCount"] == 1


class TestAuth:
    async def test_the_device_key_as_a_bearer_token_is_accepted(self, owner):
        # given
        collar = await register_collar(owner)

        # when
        response = await post_ingest(
            owner.server, as_bytes(petty_reading(collar)), bearer_headers(collar)
        )

        # then
        assert response.status_code == 201

    @pytest.mark.parametrize(
        ("headers", "message"),
        [
            ({}, "Missing or invalid device key."),
            ({"X-API-Key": "0" * 48}, "Missing or invalid device key."),
            ({"Authorization": "Bearer " + "0" * 48}, "Missing or invalid device key."),
            (
                {"Authorization": "Basic c246a2V5"},
                "The Authorization header must be `Bearer <token>`.",
            ),
        ],
    )
    async def test_without_a_valid_key_it_is_401_and_nothing_is_stored(
        self, owner, headers, message
    ):
        # given
        collar = await register_collar(owner)

        # when
        response = await post_ingest(
            owner.server,
            as_bytes(petty_reading(collar)),
            {"Content-Type": "application/json", **headers},
        )

        # then
        assert response.status_code == 401
        request_id = response.json()["request_id"]
        assert response.content == exact({"error": message, "request_id": request_id})
        assert (await collar_state(owner, collar))["track"]["totalCount"] == 0

    async def test_a_feeders_key_is_not_a_collars(self, owner):
        # given
        collar = await register_collar(owner)
        feeder = await register_device(owner)

        # when
        response = await post_ingest(
            owner.server,
            as_bytes(petty_reading(collar)),
            {"Content-Type": "application/json", "X-API-Key": feeder.api_key},
        )

        # then
        assert response.status_code == 401

    async def test_bad_auth_wins_over_a_bad_body(self, owner):
        # when
        response = await post_ingest(
            owner.server, b"{not json", {"Content-Type": "application/json", "X-API-Key": "x"}
        )

        # then
        assert response.status_code == 401


def _hours(hours: float) -> str:
    return wire_time(dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours))


INVALID_READINGS = [
    ({"heart_rate": 29}, "heart_rate must be between 30 and 300, got 29."),
    ({"heart_rate": 301}, "heart_rate must be between 30 and 300, got 301."),
    ({"heart_rate": 85.5}, "heart_rate: Input should be a valid integer"),
    ({"heart_rate": "85"}, "heart_rate: Input should be a valid integer"),
    ({"heart_rate": True}, "heart_rate: Input should be a valid integer"),
    ({"heart_rate": None}, "heart_rate: Input should be a valid integer"),
    ({"activity_level": -1}, "activity_level must be 0 (rest), 1 (active) or 2 (play), got -1."),
    ({"activity_level": 3}, "activity_level must be 0 (rest), 1 (active) or 2 (play), got 3."),
    ({"activity_level": 1.0}, "activity_level: Input should be a valid integer"),
    (
        {"location": {"type": "Point", "coordinates": [180.5, 40.0]}},
        "longitude must be between -180 and 180, got 180.5.",
    ),
    (
        {"location": {"type": "Point", "coordinates": [-74.0, -90.01]}},
        "latitude must be between -90 and 90, got -90.01.",
    ),
    (
        {"location": {"type": "Point", "coordinates": [-74.0]}},
        "location.coordinates: List should have at least 2 items after validation, not 1",
    ),
    (
        {"location": {"type": "Point", "coordinates": ["-74.0", 40.0]}},
        "location.coordinates.0: Input should be a valid number",
    ),
    (
        {"location": {"type": "LineString", "coordinates": [-74.0, 40.0]}},
        "location.type: Input should be 'Point'",
    ),
    (
        {"location": [-74.0, 40.0]},
        "location: Input should be a valid dictionary or instance of GeoJSONPoint",
    ),
    ({"timestamp": _hours(-24 * 30 - 1)}, "timestamp is more than 30 days old."),
    ({"timestamp": _hours(1.5)}, "timestamp is more than 1 hour in the future."),
    ({"timestamp": "1970-01-01T00:00:05Z"}, "timestamp is more than 30 days old."),
    (
        {"timestamp": "yesterday at noon"},
        "timestamp: must be an ISO-8601 date and time, e.g. 2025-08-18T14:30:00Z",
    ),
    (
        {"timestamp": 1755527400},
        "timestamp: must be an ISO-8601 date and time, e.g. 2025-08-18T14:30:00Z",
    ),
    ({"collar_id": "SN-OTHER"}, "collar_id 'SN-OTHER' is not the collar this key belongs to."),
]


class TestValidation:
    @pytest.mark.parametrize(("override", "error"), INVALID_READINGS)
    async def test_a_bad_value_is_400_with_what_is_wrong_and_nothing_is_stored(
        self, owner, override, error
    ):
        # given
        collar = await register_collar(owner)
        body = petty_reading(collar, **override)

        # when
        response = await post_ingest(owner.server, as_bytes(body), key_headers(collar))

        # then
        assert response.status_code == 400
        request_id = response.json()["request_id"]
        assert response.content == exact({"error": error, "request_id": request_id})
        assert (await collar_state(owner, collar))["track"]["totalCount"] == 0

    @pytest.mark.parametrize("missing", ["collar_id", "timestamp", "heart_rate", "location"])
    async def test_a_missing_field_is_400(self, owner, missing):
        # given
        collar = await register_collar(owner)
        body = petty_reading(collar)
        del body[missing]

        # when
        response = await post_ingest(owner.server, as_bytes(body), key_headers(collar))

        # then
        assert response.status_code == 400
        assert response.json()["error"] == f"{missing}: Field required"

    @pytest.mark.parametrize(
        ("content", "error"),
        [
            (b'{"collar_id": "SN-1", ', "Request body is not valid JSON."),
            (b"[1, 2]", 'Expected a reading object or {"readings": [...]}.'),
            (b'{"readings": []}', "readings must be a non-empty list of readings."),
        ],
    )
    async def test_a_body_that_is_no_reading_is_400(self, owner, content, error):
        # given
        collar = await register_collar(owner)

        # when
        response = await post_ingest(owner.server, content, key_headers(collar))

        # then
        assert response.status_code == 400
        assert response.content == exact(
            {"error": error, "request_id": response.json()["request_id"]}
        )


class TestBatch:
    async def test_valid_readings_are_stored_and_the_reply_names_the_rejected_ones(self, owner):
        # given: five readings, 10 s apart; the second and fourth are bad, the fifth repeats one
        collar = await register_collar(owner)
        start = now() - dt.timedelta(minutes=10)
        readings = [petty_reading(collar, start + dt.timedelta(seconds=10 * i)) for i in range(4)]
        readings[1]["heart_rate"] = 400
        readings[3]["location"] = {"type": "Point"}
        readings.append(petty_reading(collar, start))

        # when
        response = await post_ingest(
            owner.server, as_bytes({"readings": readings}), key_headers(collar)
        )

        # then
        assert response.status_code == 201
        assert response.content == exact(
            {
                "success": True,
                "message": "2 of 5 readings stored",
                "request_id": response.json()["request_id"],
                "stored": 2,
                "duplicates": 1,
                "rejected": [
                    {"index": 1, "error": "heart_rate must be between 30 and 300, got 400."},
                    {"index": 3, "error": "location.coordinates: Field required"},
                ],
            }
        )
        track = (await collar_state(owner, collar))["track"]
        assert [edge["node"]["measuredAt"] for edge in track["edges"]] == [
            start.isoformat(),
            (start + dt.timedelta(seconds=20)).isoformat(),
        ]

    async def test_a_batch_with_a_malformed_reading_reads_the_others_as_a_whole_batch_would(
        self, owner
    ):
        # given: the same readings, in every accepted spelling, sent by two collars; the second
        # batch also holds a malformed reading (so the server reads it reading by reading)
        whole, mixed = await register_collar(owner), await register_collar(owner)
        start = now() - dt.timedelta(minutes=10)

        def spellings(collar: RegisteredDevice) -> list[dict[str, Any]]:
            naive = (start + dt.timedelta(seconds=10)).replace(tzinfo=None)
            in_paris = (start + dt.timedelta(seconds=20)).astimezone(
                dt.timezone(dt.timedelta(hours=1))
            )
            point = {"type": "Point", "coordinates": [-74, 40.71280049, 12.5]}
            return [
                petty_reading(collar, start, battery=80),
                petty_reading(collar, timestamp=naive.isoformat(), heart_rate=300),
                petty_reading(collar, timestamp=in_paris.isoformat(), location=point),
            ]

        # when
        first = await ingest(owner.server, whole, {"readings": spellings(whole)})
        malformed = petty_reading(mixed, start, heart_rate=85.5)
        second = await ingest(owner.server, mixed, {"readings": [*spellings(mixed), malformed]})

        # then
        assert first.json()["stored"] == second.json()["stored"] == 3
        assert second.json()["rejected"] == [
            {"index": 3, "error": "heart_rate: Input should be a valid integer"}
        ]
        tracks = [(await collar_state(owner, c))["track"]["edges"] for c in (whole, mixed)]
        assert tracks[0] == tracks[1]
        assert [edge["node"]["position"] for edge in tracks[0]] == [
            {"longitude": -74.006, "latitude": 40.7128},
            {"longitude": -74.006, "latitude": 40.7128},
            {"longitude": -74.0, "latitude": 40.7128},
        ]

    async def test_a_batch_of_only_bad_readings_is_400_with_each_reason(self, owner):
        # given
        collar = await register_collar(owner)
        readings = [petty_reading(collar, activity_level=7), {"collar_id": collar.hardware_id}]

        # when
        response = await post_ingest(
            owner.server, as_bytes({"readings": readings}), bearer_headers(collar)
        )

        # then
        assert response.status_code == 400
        body = response.json()
        assert body["error"] == "All 2 readings were rejected."
        assert body["rejected"][0] == {
            "index": 0,
            "error": "activity_level must be 0 (rest), 1 (active) or 2 (play), got 7.",
        }
        assert body["rejected"][1]["index"] == 1
        assert "timestamp: Field required" in body["rejected"][1]["error"]

    async def test_more_than_100_readings_are_refused_whole(self, owner):
        # given
        collar = await register_collar(owner)
        start = now() - dt.timedelta(hours=1)
        readings = [petty_reading(collar, start + dt.timedelta(seconds=i)) for i in range(101)]

        # when
        response = await post_ingest(
            owner.server, as_bytes({"readings": readings}), key_headers(collar)
        )

        # then
        assert response.status_code == 400
        assert response.json()["error"] == "A batch holds at most 100 readings."
        assert (await collar_state(owner, collar))["track"]["totalCount"] == 0

    async def test_a_repeated_batch_stores_nothing_twice(self, owner):
        # given
        collar = await register_collar(owner)
        start = now() - dt.timedelta(minutes=3)
        batch = {
            "readings": [
                petty_reading(collar, start + dt.timedelta(seconds=10 * i)) for i in range(3)
            ]
        }
        await ingest(owner.server, collar, batch)

        # when
        response = await ingest(owner.server, collar, batch)

        # then
        assert response.json()["stored"] == 0
        assert response.json()["duplicates"] == 3
        assert (await collar_state(owner, collar))["track"]["totalCount"] == 3

    async def test_uploads_sent_at_once_each_get_their_own_answer(self, owner):
        # given: six overlapping batches of one collar (each repeats its neighbour's last
        # timestamp), another collar's single readings, and a request with a bad key, all sent
        # at once: the server writes uploads that arrive together in one transaction
        collar, other = await register_collar(owner), await register_collar(owner)
        start = now() - dt.timedelta(minutes=5)
        at = [start + dt.timedelta(seconds=10 * i) for i in range(13)]
        batches = [
            {"readings": [petty_reading(collar, t) for t in at[2 * n : 2 * n + 3]]}
            for n in range(6)
        ]
        singles = [petty_reading(other, t) for t in at[:4]]
        requests = [
            *(post_ingest(owner.server, as_bytes(b), key_headers(collar)) for b in batches),
            *(post_ingest(owner.server, as_bytes(r), bearer_headers(other)) for r in singles),
            post_ingest(owner.server, as_bytes(singles[0]), {"X-API-Key": "not-a-collar-key"}),
        ]

        # when
        *answers, refused = await asyncio.gather(*requests)

        # then: every reading is stored once and counted once, stored or duplicate
        assert [answer.status_code for answer in answers] == [201] * 10
        assert refused.status_code == 401
        replies = [answer.json() for answer in answers[:6]]
        assert [reply["stored"] + reply["duplicates"] for reply in replies] == [3] * 6
        assert sum(reply["stored"] for reply in replies) == 13
        assert [answer.json()["message"] for answer in answers[6:]] == ["reading stored"] * 4
        assert (await collar_state(owner, collar))["track"]["totalCount"] == 13
        assert (await collar_state(owner, other))["track"]["totalCount"] == 4


class TestTrack:
    async def test_pages_through_a_time_range_in_measured_order(self, owner):
        # given: 6 readings walking north, uploaded out of order
        collar = await register_collar(owner)
        start = now() - dt.timedelta(minutes=30)
        readings = [
            petty_reading(
                collar,
                start + dt.timedelta(seconds=10 * i),
                location={"type": "Point", "coordinates": [-74.0, 40.7 + i / 1000]},
            )
            for i in range(6)
        ]
        await ingest(owner.server, collar, {"readings": readings[3:] + readings[:3]})
        window = {
            "from": (start + dt.timedelta(seconds=10)).isoformat(),
            "to": (start + dt.timedelta(seconds=50)).isoformat(),
        }

        # when
        first = (await collar_state(owner, collar, first=2, **window))["track"]
        second = (
            await collar_state(
                owner, collar, first=2, after=first["pageInfo"]["endCursor"], **window
            )
        )["track"]

        # then
        latitudes = [
            edge["node"]["position"]["latitude"] for edge in first["edges"] + second["edges"]
        ]
        assert latitudes == [40.701, 40.702, 40.703, 40.704]
        assert first["totalCount"] == 4
        assert first["pageInfo"]["hasNextPage"] is True
        assert second["pageInfo"]["hasNextPage"] is False

    async def test_another_owner_sees_no_collar(self, owner, other_owner):
        # given
        collar = await register_collar(owner)
        await ingest(owner.server, collar, petty_reading(collar))

        # when
        node = (await other_owner.execute(COLLAR, {"id": collar.id}))["node"]

        # then
        assert node is None


class TestLive:
    async def test_every_stored_reading_is_broadcast_to_the_other_process(
        self, owner, server_b, test_environment, settings
    ):
        # given
        collar = await register_collar(owner)
        start = now() - dt.timedelta(minutes=2)
        readings = [
            petty_reading(collar, start + dt.timedelta(seconds=10 * i), heart_rate=80 + i)
            for i in range(3)
        ]
        async with on(server_b, owner).subscribe(
            TELEMETRY_UPDATED, {"deviceId": collar.id}
        ) as stream:
            first = asyncio.ensure_future(next_result(stream))
            channel = f"{settings.event_channel_prefix}device.{_pk(collar)}.telemetry"
            await until_subscribed(test_environment.redis_url, channel)

            # when
            await ingest(owner.server, collar, {"readings": readings})
            received = [await first] + [await next_result(stream) for _ in range(2)]

        # then
        heart_rates = sorted(
            next(v["value"] for v in r["telemetryUpdated"]["values"] if v["key"] == "heart_rate")
            for r in received
        )
        assert heart_rates == [80.0, 81.0, 82.0]
        assert {r["telemetryUpdated"]["deviceId"] for r in received} == {collar.id}
        assert all(r["telemetryUpdated"]["persisted"] for r in received)


def _pk(device: RegisteredDevice) -> int:
    return int(base64.b64decode(device.id).decode().partition(":")[2])
