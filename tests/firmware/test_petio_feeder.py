import json

from firmware.petio_feeder import FeederClient, utc_timestamp
from firmware.transport import Response
from tests.firmware.fakes import RecordingTransport, status

DEVICE_ID = "ESP-0081CA63"
DEVICE_KEY = "k" * 48
NOW = 1_700_000_000  # 2023-11-14T22:13:20Z


class TestHeartbeat:
    def test_paired_unit_sends_exactly_the_units_headers(self):
        # given
        transport = RecordingTransport()
        client = FeederClient(
            "http://feeder.test/", DEVICE_ID, "fleet-constant", DEVICE_KEY, transport, lambda: NOW
        )
        # when
        client.heartbeat(status())
        # then
        [sent] = transport.sent
        assert (sent.method, sent.url) == ("POST", "http://feeder.test/api/device/status/")
        assert sent.headers == {
            "Content-Type": "application/json",
            "User-Agent": "ESP8266-PetFeeder/1.0",
            "Device-ID": DEVICE_ID,
            "X-API-Key": "fleet-constant",
            "X-Device-Key": DEVICE_KEY,
        }
        assert sent.timeout == 5

    def test_unpaired_unit_sends_no_device_key_header(self):
        # given
        transport = RecordingTransport()
        client = FeederClient("http://feeder.test", DEVICE_ID, DEVICE_KEY, transport=transport)
        # when
        client.heartbeat(status())
        # then
        [sent] = transport.sent
        assert "X-Device-Key" not in sent.headers
        assert sent.headers["X-API-Key"] == DEVICE_KEY

    def test_body_has_the_units_fields_and_no_last_feed_before_the_first_feed(self):
        # given
        transport = RecordingTransport()
        client = FeederClient(
            "http://feeder.test", DEVICE_ID, DEVICE_KEY, transport=transport, clock=lambda: NOW
        )
        # when
        client.heartbeat(status())
        # then
        assert json.loads(transport.sent[0].body) == {
            "device_id": DEVICE_ID,
            "timestamp": "2023-11-14T22:13:20Z",
            "heartbeat": True,
            "wifi_rssi": -61,
            "uptime": 3600,
            "daily_feeds": 2,
            "hopper_mm": 120,
            "hopper_pct": 66,
            "tof_ok": True,
            "error_message": "",
        }

    def test_last_feed_is_sent_once_the_unit_has_fed(self):
        # given
        transport = RecordingTransport()
        client = FeederClient("http://feeder.test", DEVICE_ID, DEVICE_KEY, transport=transport)
        # when
        client.heartbeat(status(last_feed=NOW - 600))
        # then
        assert json.loads(transport.sent[0].body)["last_feed"] == "2023-11-14T22:03:20Z"

    def test_refusal_is_returned_not_raised(self):
        # given
        transport = RecordingTransport(status=403, body=b'{"status": "error", "success": false}')
        client = FeederClient("http://feeder.test", DEVICE_ID, "wrong", transport=transport)
        # when
        response = client.heartbeat(status())
        # then
        assert (response.status, response.ok) == (403, False)
        assert response.json() == {"status": "error", "success": False}


class TestUtcTimestamp:
    def test_unsynced_clock_reads_1970(self):
        assert utc_timestamp(42) == "1970-01-01T00:00:42Z"

    def test_fractions_of_a_second_are_dropped(self):
        assert utc_timestamp(NOW + 0.9) == "2023-11-14T22:13:20Z"


class TestResponse:
    def test_non_json_body_reads_as_none(self):
        assert Response(502, b"<html>bad gateway</html>").json() is None

    def test_2xx_is_ok(self):
        assert Response(201).ok and not Response(199).ok and not Response(300).ok
