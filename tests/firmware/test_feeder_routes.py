"""The feeder client's routes besides the heartbeat, against a fake transport: paths, query,
headers, bodies, and the fallback paths the unit tries when the first one fails."""

import json

import pytest

from firmware.petio_feeder import FeederClient, parse_command
from firmware.transport import Response, TransportError
from tests.firmware.fakes import RoutedTransport, reply

DEVICE_ID = "ESP-0081CA63"
KEY = "k" * 48
NOW = 1_700_000_000  # 2023-11-14T22:13:20Z
PENDING = {
    "status": "ok",
    "message": "command pending",
    "success": True,
    "has_command": True,
    "command": "feed_now",
    "command_id": 42,
    "portion_size": 30.0,
    "created_at": "2023-11-14T22:13:00Z",
}


def client(transport: RoutedTransport) -> FeederClient:
    return FeederClient(
        "http://feeder.test/", DEVICE_ID, KEY, transport=transport, clock=lambda: NOW
    )


class TestGets:
    @pytest.mark.parametrize(
        ("call", "path"),
        [
            ("config", "/api/device/config/"),
            ("poll_command", "/api/device/command/"),
            ("check_schedule", "/api/check-schedule/"),
        ],
    )
    def test_each_get_names_the_unit_in_the_query_and_carries_its_headers(self, call, path):
        # given
        transport = RoutedTransport().on("GET", path, reply({"status": "ok"}))
        # when
        response = getattr(client(transport), call)()
        # then
        assert response.ok
        [sent] = transport.sent
        assert (sent.method, sent.url, sent.body) == (
            "GET",
            f"http://feeder.test{path}?device_id={DEVICE_ID}",
            None,
        )
        assert sent.headers["Device-ID"] == DEVICE_ID and sent.headers["X-API-Key"] == KEY
        assert sent.headers["User-Agent"] == "ESP8266-PetFeeder/1.0"


class TestCommandPoll:
    def test_a_404_on_the_command_path_falls_back_to_feed_command(self):
        # given
        transport = RoutedTransport().on("GET", "/api/device/feed-command/", reply(PENDING))
        # when
        response = client(transport).poll_command()
        # then
        assert transport.calls() == [
            ("GET", f"/api/device/command/?device_id={DEVICE_ID}"),
            ("GET", f"/api/device/feed-command/?device_id={DEVICE_ID}"),
        ]
        assert parse_command(response).command_id == 42

    def test_no_answer_on_the_command_path_falls_back_too(self):
        # given
        transport = (
            RoutedTransport()
            .on("GET", "/api/device/command/", TransportError("timed out"))
            .on("GET", "/api/device/feed-command/", reply(PENDING))
        )
        # when
        response = client(transport).poll_command()
        # then
        assert response.ok and len(transport.sent) == 2

    def test_an_answer_on_the_command_path_is_used_alone(self):
        # given
        transport = RoutedTransport().on("GET", "/api/device/command/", reply(PENDING))
        # when
        client(transport).poll_command()
        # then
        assert len(transport.sent) == 1

    def test_a_failing_fallback_is_raised_to_the_caller(self):
        # given
        transport = RoutedTransport().on(
            "GET", "/api/device/feed-command/", TransportError("refused")
        )
        # when / then
        with pytest.raises(TransportError):
            client(transport).poll_command()


class TestParseCommand:
    def test_a_pending_command(self):
        command = parse_command(reply(PENDING))
        assert (command.command_id, command.name, command.grams) == (42, "feed_now", 30.0)

    @pytest.mark.parametrize(
        "response",
        [
            reply({"status": "ok", "message": "no pending", "success": True, "has_command": False}),
            reply(PENDING, status=403),
            Response(200, b"<html>"),
            reply({**PENDING, "command_id": "forty-two"}),
            None,
        ],
    )
    def test_nothing_to_run(self, response):
        assert parse_command(response) is None


class TestAcknowledge:
    def test_the_ack_body_and_no_fallback_when_accepted(self):
        # given
        transport = RoutedTransport().on("POST", "/api/device/command/ack/", reply({}))
        # when
        client(transport).acknowledge(42, "busy")
        # then
        [sent] = transport.sent
        assert sent.url == "http://feeder.test/api/device/command/ack/"
        assert json.loads(sent.body) == {"command_id": 42, "device_id": DEVICE_ID, "result": "busy"}

    def test_an_error_message_is_sent_when_there_is_one(self):
        # given
        transport = RoutedTransport().on("POST", "/api/device/command/ack/", reply({}))
        # when
        client(transport).acknowledge(7, "failed", "jammed")
        # then
        assert json.loads(transport.sent[0].body)["error_message"] == "jammed"

    def test_a_refused_ack_is_resent_to_acknowledge(self):
        # given
        transport = RoutedTransport().on("POST", "/api/device/acknowledge/", reply({}))
        # when
        response = client(transport).acknowledge(42)
        # then
        assert response.ok
        assert [path for _, path in transport.calls()] == [
            "/api/device/command/ack/",
            "/api/device/acknowledge/",
        ]
        assert transport.sent[0].body == transport.sent[1].body


class TestLogs:
    def test_one_log_as_the_unit_sends_it_after_a_dispense(self):
        # given
        transport = RoutedTransport().on("POST", "/api/device/logs/", reply({}, status=201))
        # when
        response = client(transport).post_log(30.0, "remote_command", "Remote command feed")
        # then
        assert response.status == 201
        assert json.loads(transport.sent[0].body) == {
            "device_id": DEVICE_ID,
            "timestamp": "2023-11-14T22:13:20Z",
            "portion_dispensed": 30,
            "source": "remote_command",
            "notes": "Remote command feed",
        }

    def test_a_batch(self):
        # given
        transport = RoutedTransport().on("POST", "/api/device/logs/", reply({}, status=201))
        # when
        client(transport).post_logs([(NOW - 60, 15, "manual"), (NOW, 45.0, "scheduled")])
        # then
        assert json.loads(transport.sent[0].body) == {
            "device_id": DEVICE_ID,
            "logs": [
                {"timestamp": "2023-11-14T22:12:20Z", "portion_dispensed": 15, "source": "manual"},
                {
                    "timestamp": "2023-11-14T22:13:20Z",
                    "portion_dispensed": 45,
                    "source": "scheduled",
                },
            ],
        }
