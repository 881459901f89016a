"""The hub's 2-second cycle on a fake clock and transport: the order of its requests, the
focused outlet every cycle, one other outlet every 30 s, and commands applied after the
reading went out."""

import json

from firmware.hub_unit import Hub, run_hub
from firmware.smart_outlet_hub import HubClient, SimulatedOutlet
from firmware.transport import TransportError
from tests.firmware.fakes import FakeClock, RoutedTransport, reply

BASE = "http://pawgraph.test/h/" + "k" * 48
API = "/h/" + "k" * 48 + "/api"
NO_COMMANDS = {"success": True, "commands": []}
RELAY_ON_A = {"success": True, "commands": [{"command": "relay_on", "socket": "a", "value": None}]}


def shim(devices=("FE", "03"), focus="FE", commands=None) -> RoutedTransport:
    fake = (
        RoutedTransport()
        .on("GET", f"{API}/devices/", reply({"success": True, "devices": list(devices)}))
        .on("POST", f"{API}/breaker-data/", reply({"success": True, "message": "ok"}))
        .on("GET", f"{API}/focus/", reply({"success": True, "device_id": focus}))
        .on("POST", f"{API}/data/", reply({"success": True, "relay_a": False, "relay_b": False}))
    )
    for outlet_id in devices:
        answers = (commands or {}).get(outlet_id, [NO_COMMANDS])
        fake.on("GET", f"{API}/commands/{outlet_id}/", *[reply(body) for body in answers])
    return fake


def hub(fake, clock, outlets=(), **settings) -> Hub:
    return Hub(HubClient(BASE, fake), "02", outlets, clock=clock, **settings)


def calls(fake: RoutedTransport) -> list[str]:
    return [f"{method} {path.removeprefix(API)}" for method, path in fake.calls()]


def posted_readings(fake: RoutedTransport) -> list[dict]:
    return [json.loads(sent.body) for sent in fake.sent if sent.url.endswith("/data/")]


class TestCycleOrder:
    def test_devices_breaker_focus_then_the_focused_outlets_data_and_commands(self):
        # given
        fake = shim()
        # when
        hub(fake, FakeClock()).cycle()
        # then
        assert calls(fake) == [
            "GET /devices/",
            "POST /breaker-data/",
            "GET /focus/",
            "POST /data/",
            "GET /commands/FE/",
        ]

    def test_commands_run_after_the_reading_so_the_next_cycle_shows_them(self):
        # given
        clock = FakeClock()
        fake = shim(commands={"FE": [RELAY_ON_A, NO_COMMANDS]})
        outlet = SimulatedOutlet("FE", load_a=1250)
        unit = hub(fake, clock, [outlet])
        # when
        run_hub(unit, 4, clock=clock, sleep=clock.sleep)
        # then
        first, second = posted_readings(fake)
        assert (first["relay_a"], first["current_a"]) == (False, 0)
        assert (second["relay_a"], second["current_a"]) == (True, 1250)
        assert unit.events[1] == ("command", "FE", "relay_on", "a", 0, True)

    def test_the_breaker_reports_the_hubs_id_and_the_outlets_draw(self):
        # given
        fake = shim()
        outlets = [
            SimulatedOutlet("FE", relay_a=True, load_a=1000),
            SimulatedOutlet("03", relay_b=True, load_b=400),
        ]
        unit = hub(fake, FakeClock(), outlets, base_load_ma=150)
        # when
        unit.cycle()
        # then
        [breaker] = [sent for sent in fake.sent if sent.url.endswith("/breaker-data/")]
        assert breaker.body == b'{"ccu_id":"02","current_ma":1550}'


class TestRoundRobin:
    def test_one_other_outlet_every_30_seconds_first_30_seconds_after_boot(self):
        # given
        clock = FakeClock()
        fake = shim(devices=("FE", "03", "0A"), focus="FE")
        # when
        run_hub(hub(fake, clock), 61, clock=clock, sleep=clock.sleep)
        # then: FE every 2 s; 03 at 30 s, 0A at 60 s
        polled = [reading["device_id"] for reading in posted_readings(fake)]
        assert polled.count("FE") == 31
        assert [outlet for outlet in polled if outlet != "FE"] == ["03", "0A"]

    def test_without_a_focus_only_the_round_robin_polls(self):
        # given
        clock = FakeClock()
        fake = shim(focus=None)
        # when
        run_hub(hub(fake, clock), 91, clock=clock, sleep=clock.sleep)
        # then
        assert [reading["device_id"] for reading in posted_readings(fake)] == ["FE", "03", "FE"]

    def test_a_focus_the_hub_does_not_know_is_not_polled(self):
        # given
        fake = shim(devices=("FE",), focus="0A")
        # when
        hub(fake, FakeClock()).cycle()
        # then
        assert posted_readings(fake) == []


class TestUnreliableShim:
    def test_get_bodies_are_read_only_on_200(self):
        # given: the device list answers 201, the hub reads nothing from it
        fake = shim()
        fake.on("GET", f"{API}/devices/", reply({"success": True, "devices": ["FE"]}, status=201))
        unit = hub(fake, FakeClock())
        # when
        unit.cycle()
        # then
        assert unit.known == [] and posted_readings(fake) == []

    def test_a_timeout_is_tallied_and_the_cycle_goes_on(self):
        # given
        fake = shim()
        fake.on("POST", f"{API}/breaker-data/", TransportError("timed out"))
        unit = hub(fake, FakeClock())
        # when
        unit.cycle()
        # then
        assert calls(fake)[-2:] == ["POST /data/", "GET /commands/FE/"]
        assert unit.traffic.unreachable("breaker") == 1
        assert unit.traffic.last_error == "timed out"

    def test_at_most_eight_outlets_and_none_forgotten(self):
        # given
        many = [f"{number:02X}" for number in range(10)]
        fake = shim(devices=many, focus=None)
        unit = hub(fake, FakeClock())
        # when
        unit.cycle()
        fake.on("GET", f"{API}/devices/", reply({"success": True, "devices": []}))
        unit.cycle()
        # then
        assert unit.known == many[:8]


class TestRunHub:
    def test_a_cycle_every_two_seconds_bounded_by_time_and_count(self):
        # given
        clock = FakeClock()
        unit = hub(shim(), clock)
        # when
        timed = run_hub(unit, 10, clock=clock, sleep=clock.sleep)
        counted = run_hub(unit, 1000, clock=clock, sleep=clock.sleep, max_cycles=3)
        stopped = run_hub(unit, 1000, clock=clock, sleep=clock.sleep, should_stop=lambda: True)
        # then
        assert (timed, counted, stopped) == (5, 3, 0)
        assert clock.sleeps[:5] == [2.0] * 5
