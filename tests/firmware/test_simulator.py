import json

import pytest

from firmware import hub_fleet, simulator
from firmware.transport import TransportError
from tests.firmware.fakes import FakeClock, RecordingTransport, RoutedTransport, reply

DEVICES = [("ESP-0000000A", "key-a"), ("ESP-0000000B", "key-b"), ("ESP-0000000C", "key-c")]


class FailingTransport:
    def request(self, method, url, headers, body=None, timeout=5.0):
        raise TransportError(f"{method} {url}: connection refused")


def run(fleet, clock, **bounds):
    return simulator.run_fleet(fleet, clock=clock, sleep=clock.sleep, **bounds)


def bodies(transport, device_id):
    sent = [json.loads(request.body) for request in transport.sent]
    return [body for body in sent if body["device_id"] == device_id]


class TestParseDevice:
    def test_id_and_key(self):
        assert simulator.parse_device(" esp-0081ca63:abc:def ") == ("ESP-0081CA63", "abc:def")

    @pytest.mark.parametrize(
        "spec", ["ESP-0081CA63", "ESP-0081CA63:", "ESP-81CA63:key", "ESP-0081CAZZ:key"]
    )
    def test_malformed_spec_is_refused(self, spec):
        with pytest.raises(ValueError, match="device"):
            simulator.parse_device(spec)

    def test_devices_file_skips_blanks_and_comments(self, tmp_path):
        # given
        path = tmp_path / "fleet.txt"
        path.write_text("# kitchen\nESP-0081CA63:key-1\n\nESP-00A1B2C3:key-2\n")
        # when / then
        assert simulator.read_devices_file(path) == [
            ("ESP-0081CA63", "key-1"),
            ("ESP-00A1B2C3", "key-2"),
        ]


class TestRunFleet:
    def test_count_bounds_every_unit(self):
        # given
        clock, transport = FakeClock(), RecordingTransport()
        fleet = simulator.build_fleet("http://x", DEVICES, seed=1, transport=transport, now=clock())
        # when
        summary = run(fleet, clock, interval=10, duration=1000, count=2)
        # then
        assert (summary.sent, summary.accepted, summary.refused) == (6, 6, {})
        assert summary.all_accepted
        assert all(len(bodies(transport, device_id)) == 2 for device_id, _ in DEVICES)

    def test_duration_bounds_the_run_with_units_staggered_across_the_interval(self):
        # given
        clock, transport = FakeClock(), RecordingTransport()
        fleet = simulator.build_fleet("http://x", DEVICES, seed=1, transport=transport, now=clock())
        # when
        summary = run(fleet, clock, interval=10, duration=25)
        # then: units start at 0, 3.3 and 6.7 s; the third's beat at 26.7 s is past the end
        assert summary.sent == 8
        assert [len(bodies(transport, device_id)) for device_id, _ in DEVICES] == [3, 3, 2]

    def test_values_vary_plausibly_between_beats(self):
        # given
        clock, transport = FakeClock(), RecordingTransport()
        fleet = simulator.build_fleet(
            "http://x", DEVICES[:1], seed=3, transport=transport, now=clock()
        )
        # when
        run(fleet, clock, interval=60, duration=10_000, count=50)
        # then
        beats = bodies(transport, "ESP-0000000A")
        uptimes = [beat["uptime"] for beat in beats]
        assert uptimes == sorted(uptimes) and uptimes[-1] - uptimes[0] == 49 * 60
        assert all(-90 <= beat["wifi_rssi"] <= -35 for beat in beats)
        assert len({beat["wifi_rssi"] for beat in beats}) > 1
        assert all(0 <= beat["hopper_pct"] <= 100 for beat in beats)
        assert all(beat["heartbeat"] is True and beat["timestamp"].endswith("Z") for beat in beats)

    def test_same_seed_same_values(self):
        # given
        sent = []
        for _ in range(2):
            clock, transport = FakeClock(), RecordingTransport()
            fleet = simulator.build_fleet(
                "http://x", DEVICES, seed=9, transport=transport, now=clock()
            )
            run(fleet, clock, interval=5, duration=100, count=4)
            sent.append(
                [
                    (body["wifi_rssi"], body["hopper_pct"])
                    for body in map(json.loads, (r.body for r in transport.sent))
                ]
            )
        # then
        assert sent[0] == sent[1]

    def test_fleet_api_key_makes_units_paired(self):
        # given
        clock, transport = FakeClock(), RecordingTransport()
        fleet = simulator.build_fleet(
            "http://x", DEVICES[:1], fleet_api_key="fleet", transport=transport, now=clock()
        )
        # when
        run(fleet, clock, interval=1, duration=10, count=1)
        # then
        headers = transport.sent[0].headers
        assert (headers["X-API-Key"], headers["X-Device-Key"]) == ("fleet", "key-a")

    def test_refusals_are_counted_by_status(self):
        # given
        clock = FakeClock()
        transport = RecordingTransport(
            status=403, body=b'{"status": "error", "message": "Invalid key."}'
        )
        fleet = simulator.build_fleet("http://x", DEVICES[:2], transport=transport, now=clock())
        # when
        summary = run(fleet, clock, interval=1, duration=10, count=2)
        # then
        assert (summary.sent, summary.accepted, summary.refused) == (4, 0, {403: 4})
        assert not summary.all_accepted
        assert "refused 403: 4 (Invalid key.)" in summary.render()

    def test_unreachable_server_is_counted_not_raised(self):
        # given
        clock = FakeClock()
        fleet = simulator.build_fleet(
            "http://x", DEVICES[:1], transport=FailingTransport(), now=clock()
        )
        # when
        summary = run(fleet, clock, interval=1, duration=10, count=3)
        # then
        assert (summary.sent, summary.unreachable, summary.all_accepted) == (3, 3, False)
        assert "connection refused" in summary.render()

    @pytest.mark.parametrize(
        "bounds",
        [
            {"interval": 0, "duration": 1},
            {"interval": 1, "duration": 0},
            {"interval": 1, "duration": 1, "count": 0},
        ],
    )
    def test_unbounded_or_empty_runs_are_refused(self, bounds):
        clock = FakeClock()
        fleet = simulator.build_fleet(
            "http://x", DEVICES[:1], transport=RecordingTransport(), now=clock()
        )
        with pytest.raises(ValueError):
            run(fleet, clock, **bounds)
        with pytest.raises(ValueError, match="no units"):
            run([], clock, interval=1, duration=1)


HUB_KEY = "k" * 48
HUB_API = f"/h/{HUB_KEY}/api"


def hub_shim(status: int = 200) -> RoutedTransport:
    fake = RoutedTransport()
    if status != 200:
        return fake  # every route 404, as for an unknown hub key
    return (
        fake.on("GET", f"{HUB_API}/devices/", reply({"success": True, "devices": ["FE", "03"]}))
        .on("POST", f"{HUB_API}/breaker-data/", reply({"success": True, "message": "ok"}))
        .on("GET", f"{HUB_API}/focus/", reply({"success": True, "device_id": "FE"}))
        .on("POST", f"{HUB_API}/data/", reply({"success": True}))
        .on("GET", f"{HUB_API}/commands/FE/", reply({"success": True, "commands": []}))
    )


def hubs(transport, clock, count=1):
    specs = [(f"{index:02X}", f"http://x/h/{HUB_KEY}") for index in range(2, 2 + count)]
    return hub_fleet.build_hubs(specs, seed=5, transport=transport, clock=clock, cycle_s=2.0)


class TestParseHub:
    def test_id_and_base_url(self):
        assert hub_fleet.parse_hub(" 0a:https://pawgraph.example/h/abc/ ") == (
            "0A",
            "https://pawgraph.example/h/abc/",
        )

    @pytest.mark.parametrize(
        "spec", ["02", "02:", "2:http://x/h/k", "ZZ:http://x/h/k", "02:ftp://x/h/k", "02:x/h/k"]
    )
    def test_malformed_spec_is_refused(self, spec):
        with pytest.raises(ValueError, match="hub"):
            hub_fleet.parse_hub(spec)

    def test_a_server_url_given_apart_wins_over_the_printed_host(self):
        # when
        parsed = hub_fleet.parse_hub(
            "02:http://127.0.0.1:8000/h/abc", server_url="http://127.0.0.1:8123/"
        )
        # then
        assert parsed == ("02", "http://127.0.0.1:8123/h/abc")

    def test_a_bare_key_goes_to_the_server_url(self):
        # when
        parsed = hub_fleet.parse_hub("02:abc", server_url="http://127.0.0.1:8123")
        # then
        assert parsed == ("02", "http://127.0.0.1:8123/h/abc")

    def test_a_bare_key_without_a_server_url_is_refused(self):
        with pytest.raises(ValueError, match="--base-url"):
            hub_fleet.parse_hub("02:abc")


class TestRunHubs:
    def test_cycles_bound_every_hub_and_every_request_is_tallied(self):
        # given
        clock, fake = FakeClock(), hub_shim()
        # when
        summary = simulator.run(
            [], hubs(fake, clock, 2), 60, 1000, cycles=3, clock=clock, sleep=clock.sleep
        )
        # then: 5 requests a cycle (devices, breaker, focus, FE's data and commands)
        assert summary.hubs.cycles == 6
        assert (summary.hubs.traffic.sent(), summary.hubs.traffic.accepted()) == (30, 30)
        assert summary.all_accepted
        assert "hub cycles: 6, requests: 30, accepted: 30, refused: 0" in summary.render()
        assert "heartbeats" not in summary.render()

    def test_outlets_are_plugged_in_with_plausible_drifting_loads(self):
        # given
        clock, fake = FakeClock(), hub_shim()
        [simulated] = hubs(fake, clock)
        # when
        simulator.run([], [simulated], 60, 1000, cycles=20, clock=clock, sleep=clock.sleep)
        # then
        readings = [json.loads(s.body) for s in fake.sent if s.url.endswith("/data/")]
        currents = [reading["current_a"] for reading in readings[1:]]
        assert all(100 <= current <= 2500 for current in currents)
        assert len(set(currents)) > 1
        assert all(reading["relay_a"] and reading["relay_b"] for reading in readings[1:])

    def test_an_unknown_hub_key_is_reported_as_refused(self):
        # given
        clock = FakeClock()
        # when
        summary = simulator.run(
            [], hubs(hub_shim(404), clock), 60, 1000, cycles=2, clock=clock, sleep=clock.sleep
        )
        # then
        assert not summary.all_accepted
        rendered = summary.render()
        assert "refused devices 404: 2" in rendered and "refused breaker 404: 2" in rendered

    def test_feeders_and_hubs_run_interleaved_within_the_duration(self):
        # given
        clock, fake = FakeClock(), hub_shim()
        heartbeats = RecordingTransport()
        fleet = simulator.build_fleet("http://x", DEVICES[:1], transport=heartbeats, now=clock())
        # when
        summary = simulator.run(fleet, hubs(fake, clock), 10, 21, clock=clock, sleep=clock.sleep)
        # then: heartbeats at 0, 10, 20 s; hub cycles at 0, 2, ... 20 s
        assert (summary.sent, summary.hubs.cycles) == (3, 11)
        assert summary.render().startswith("heartbeats sent: 3, accepted: 3")

    def test_a_hub_cycle_of_zero_is_refused(self):
        with pytest.raises(ValueError, match="hub cycle"):
            simulator.simulate("http://x", hubs=[("02", "http://x/h/k")], hub_cycle=0)
