"""The hub's text-search parsing of the shim's answers, its outlets, and its HTTP calls."""

import pytest

from firmware.smart_outlet_hub import (
    HubClient,
    SimulatedOutlet,
    arduino_int,
    parse_commands,
    parse_devices,
    parse_focus,
    reading_body,
    short_id,
)
from tests.firmware.fakes import RecordingTransport

# What the shim answers (json.dumps defaults: ", " and ": ").
COMMANDS = (
    '{"success": true, "commands": ['
    '{"command": "relay_on", "socket": "a", "value": null}, '
    '{"command": "relay_off", "socket": "b", "value": null}, '
    '{"command": "set_threshold", "socket": "", "value": 1500}]}'
)


class TestParseCommands:
    def test_the_shims_bytes_are_read_in_order(self):
        assert parse_commands(COMMANDS) == [
            ("relay_on", "a", 0),
            ("relay_off", "b", 0),
            ("set_threshold", "", 1500),
        ]

    def test_a_compact_body_is_found_but_read_as_an_empty_command(self):
        # given: what a server with compact JSON would answer
        compact = '{"success":true,"commands":[{"command":"relay_on","socket":"a","value":null}]}'
        # when
        commands = parse_commands(compact)
        # then: the hub sees an object, finds no `"command": "` in it, and runs nothing
        assert commands == [("", "", 0)]
        assert not SimulatedOutlet("FE").apply(*commands[0])

    def test_a_compact_command_alone_is_ignored(self):
        assert parse_commands('{"success": true, "commands": [{"command":"relay_on"}]}') == [
            ("", "", 0)
        ]

    @pytest.mark.parametrize(
        "body",
        [
            '{"success": false, "message": "Unknown outlet."}',
            '{"success": true, "commands": []}',
            "",
            "<html>502</html>",
        ],
    )
    def test_no_commands(self, body):
        assert parse_commands(body) == []

    def test_the_value_is_read_up_to_the_next_comma_as_string_toint_does(self):
        body = '{"success": true, "commands": [{"command": "set_threshold", "value": 250mA}]}'
        assert parse_commands(body) == [("set_threshold", "", 250)]

    def test_a_socket_key_first_hides_the_command_from_the_hub(self):
        # `command` must be the first key: the hub looks for `{"command":`
        body = '{"success": true, "commands": [{"socket": "a", "command": "relay_on"}]}'
        assert parse_commands(body) == []


class TestParseOthers:
    def test_devices_as_bytes_normalised(self):
        assert parse_devices('{"success": true, "devices": ["FE", "3", "0a"]}') == [
            "FE",
            "03",
            "0A",
        ]

    def test_devices_of_a_failed_answer_are_none(self):
        assert parse_devices('{"success": false, "devices": ["FE"]}') == []

    def test_focus(self):
        assert parse_focus('{"success": true, "device_id": "03"}') == "03"
        assert parse_focus('{"success": true, "device_id": null}') is None
        assert parse_focus("") is None

    @pytest.mark.parametrize(
        ("text", "number"), [("1500", 1500), (" -7x", -7), ("null", 0), ("", 0), ("+3", 3)]
    )
    def test_arduino_int(self, text, number):
        assert arduino_int(text) == number

    def test_short_id(self):
        assert (short_id("fe"), short_id("3"), short_id("zz")) == ("FE", "03", "00")


class TestSimulatedOutlet:
    def test_relays_follow_commands_and_anything_but_a_is_socket_b(self):
        # given
        outlet = SimulatedOutlet("FE")
        # when
        applied = [
            outlet.apply("relay_on", "a", 0),
            outlet.apply("relay_on", "x", 0),
            outlet.apply("relay_off", "a", 0),
        ]
        # then
        assert applied == [True, True, True]
        assert outlet.relay == {"a": False, "b": True}

    def test_threshold_needs_a_positive_value_and_sensors_and_ping_are_ignored(self):
        # given
        outlet = SimulatedOutlet("FE")
        # when
        applied = [
            outlet.apply("set_threshold", "", 0),
            outlet.apply("set_threshold", "", 1200),
            outlet.apply("read_sensors", "", 0),
            outlet.apply("ping", "", 0),
        ]
        # then
        assert applied == [False, True, False, False] and outlet.threshold_ma == 1200

    def test_a_socket_draws_its_load_only_while_on(self):
        # given
        outlet = SimulatedOutlet("FE", relay_a=True, load_a=1250, load_b=900)
        # when / then
        assert outlet.read() == (1250, 0, True, False)
        assert outlet.drawn() == 1250

    def test_an_overload_reads_65535_once_and_trips_the_relay(self):
        # given
        outlet = SimulatedOutlet("FE", relay_a=True, relay_b=True, load_a=500, trip_ma=16000)
        outlet.set_load("b", 20000)
        # when
        first, second = outlet.read(), outlet.read()
        # then
        assert first == (500, 65535, True, False)
        assert second == (500, 0, True, False)


class TestReadingBody:
    def test_byte_for_byte_as_the_hub_builds_it(self):
        assert reading_body("FE", 1250, 0, True, False) == (
            '{"device_id":"FE","current_a":1250,"current_b":0,"relay_a":true,"relay_b":false,'
            '"is_overload":false}'
        )

    def test_65535_sets_is_overload(self):
        assert reading_body("03", 65535, 0, False, False).endswith('"is_overload":true}')


class TestHubClient:
    def test_one_trailing_slash_is_stripped_and_api_appended(self):
        # given
        transport = RecordingTransport()
        hub = HubClient("https://pawgraph.example/h/" + "k" * 48 + "/", transport)
        # when
        hub.commands("FE")
        hub.breaker("02", 4500)
        # then
        get, post = transport.sent
        assert get.url == f"https://pawgraph.example/h/{'k' * 48}/api/commands/FE/"
        assert (get.method, get.headers, get.body, get.timeout) == ("GET", {}, None, 5)
        assert post.url.endswith("/api/breaker-data/")
        assert post.headers == {"Content-Type": "application/json"}
        assert post.body == b'{"ccu_id":"02","current_ma":4500}'
