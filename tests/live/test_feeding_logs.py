"""``POST /api/device/logs/`` against a live server, byte for byte (WIRE.md section 1)."""

import datetime as dt

import pytest
from gql.transport.exceptions import TransportQueryError

from tests.factories.devices import as_wire_bytes, feeder_headers, post_status, register_device

LOGS_PATH = "/api/device/logs/"
HISTORY = """
query History($deviceId: ID) {
  feedingHistory(deviceId: $deviceId) {
    totalCount
    edges { node { grams source fedAt deviceTime receivedAt notes command { id } } }
  }
}
"""


def created(count: int) -> bytes:
    return b'{"status": "ok", "message": "logs recorded", "success": true, "created": %d}' % count


def refused(message: str) -> bytes:
    body = b'{"status": "error", "message": "%s", "success": false, "error": "INVALID"}'
    return body % message.encode()


async def history(owner, feeder) -> dict:
    return (await owner.execute(HISTORY, {"deviceId": feeder.id}))["feedingHistory"]


class TestSingleLog:
    async def test_a_scheduled_feed_is_stored_at_the_device_time(self, owner, server_a):
        # given
        feeder = await register_device(owner)
        body = {
            "device_id": feeder.hardware_id,
            "timestamp": "2026-11-23T00:00:12Z",
            "portion_dispensed": 30,
            "source": "scheduled",
            "notes": "Breakfast",
        }

        # when
        response = await post_status(
            server_a, as_wire_bytes(body), feeder_headers(feeder), LOGS_PATH
        )

        # then
        assert (response.status_code, response.content) == (201, created(1))
        [edge] = (await history(owner, feeder))["edges"]
        node = edge["node"]
        assert (node["grams"], node["source"], node["notes"], node["command"]) == (
            30.0,
            "SCHEDULED",
            "Breakfast",
            None,
        )
        assert dt.datetime.fromisoformat(node["fedAt"]) == dt.datetime(
            2026, 11, 23, 0, 0, 12, tzinfo=dt.UTC
        )

    async def test_a_bad_timestamp_means_the_receive_time(self, owner, server_a):
        # given
        feeder = await register_device(owner)
        body = {
            "device_id": feeder.hardware_id,
            "timestamp": "soon",
            "portion_dispensed": 15,
            "source": "manual",
        }

        # when
        response = await post_status(
            server_a, as_wire_bytes(body), feeder_headers(feeder), LOGS_PATH
        )

        # then
        assert (response.status_code, response.content) == (201, created(1))
        node = (await history(owner, feeder))["edges"][0]["node"]
        assert node["deviceTime"] is None
        assert node["fedAt"] == node["receivedAt"]

    async def test_an_unsynced_clock_keeps_its_1970_time_beside_the_receive_time(
        self, owner, server_a
    ):
        # given
        feeder = await register_device(owner)
        body = {"timestamp": "1970-01-01T00:05:00Z", "portion_dispensed": 15, "source": "manual"}

        # when
        response = await post_status(
            server_a, as_wire_bytes(body), feeder_headers(feeder), LOGS_PATH
        )

        # then
        assert response.status_code == 201
        node = (await history(owner, feeder))["edges"][0]["node"]
        assert dt.datetime.fromisoformat(node["deviceTime"]).year == 1970
        assert node["fedAt"] == node["receivedAt"]


class TestBatch:
    async def test_a_batch_is_stored_whole(self, owner, server_a):
        # given
        feeder = await register_device(owner)
        body = {
            "device_id": feeder.hardware_id,
            "logs": [
                {
                    "timestamp": "2026-11-23T00:00:00Z",
                    "portion_dispensed": 30,
                    "source": "scheduled",
                },
                {"timestamp": "2026-11-23T04:00:00Z", "portion_dispensed": 15, "source": "manual"},
                {"portion_dispensed": 45, "source": "scheduled"},
            ],
        }

        # when
        response = await post_status(
            server_a, as_wire_bytes(body), feeder_headers(feeder), LOGS_PATH
        )

        # then
        assert (response.status_code, response.content) == (201, created(3))
        assert (await history(owner, feeder))["totalCount"] == 3

    async def test_one_bad_source_refuses_the_whole_batch(self, owner, server_a):
        # given
        feeder = await register_device(owner)
        body = {
            "logs": [
                {
                    "timestamp": "2026-11-23T00:00:00Z",
                    "portion_dispensed": 30,
                    "source": "scheduled",
                },
                {"timestamp": "2026-11-23T04:00:00Z", "portion_dispensed": 15, "source": "button"},
            ],
        }

        # when
        response = await post_status(
            server_a, as_wire_bytes(body), feeder_headers(feeder), LOGS_PATH
        )

        # then
        assert (response.status_code, response.content) == (
            400,
            refused("logs.1.source: Input should be 'scheduled', 'manual' or 'remote_command'"),
        )
        assert (await history(owner, feeder))["totalCount"] == 0

    async def test_a_bad_portion_is_refused(self, owner, server_a):
        # given
        feeder = await register_device(owner)
        body = {"portion_dispensed": "lots", "source": "manual"}

        # when
        response = await post_status(
            server_a, as_wire_bytes(body), feeder_headers(feeder), LOGS_PATH
        )

        # then
        assert (response.status_code, response.content) == (
            400,
            refused(
                "logs.0.portion_dispensed: Input should be a valid number, "
                "unable to parse string as a number"
            ),
        )
        assert (await history(owner, feeder))["totalCount"] == 0


class TestDenials:
    async def test_a_log_for_another_device_is_refused(self, owner, server_a):
        # given
        mine = await register_device(owner)
        theirs = await register_device(owner)
        body = {"device_id": mine.hardware_id, "portion_dispensed": 30, "source": "manual"}

        # when
        response = await post_status(
            server_a, as_wire_bytes(body), feeder_headers(theirs), LOGS_PATH
        )

        # then
        assert response.status_code == 403
        assert response.json()["error"] == "DEVICE_KEY_INVALID"
        assert (await history(owner, mine))["totalCount"] == 0

    async def test_another_owner_cannot_read_my_history(self, owner, other_owner):
        # given
        feeder = await register_device(owner)

        # when
        with pytest.raises(TransportQueryError) as raised:
            await history(other_owner, feeder)

        # then
        assert raised.value.errors[0]["extensions"]["code"] == "DEVICE_NOT_FOUND"

    async def test_bad_json_is_refused(self, owner, server_a):
        # given
        feeder = await register_device(owner)

        # when
        response = await post_status(
            server_a, b'{"portion_dispensed": 30,', feeder_headers(feeder), LOGS_PATH
        )

        # then
        assert (response.status_code, response.content) == (
            400,
            refused("Request body is not valid JSON."),
        )
        assert (await history(owner, feeder))["totalCount"] == 0
