"""The Petty collar simulator: its wire bytes, its dog, and its place in the fleet runner."""

import json
import math
import random
import subprocess

import pytest

from firmware import simulator
from firmware.petty_collar import (
    HOME_RANGE_M,
    LEVELS,
    PettyClient,
    PettyCollar,
    SimulatedDog,
)
from firmware.transport import TransportError
from tests.firmware.fakes import FakeClock, RecordingTransport
from tests.firmware.test_micropython import MICROPYTHON, MPY_ENV
from tests.support.live_server import PROJECT_ROOT

CREATED = b'{"success": true, "message": "reading stored", "request_id": "r1"}'


class FailingTransport:
    def __init__(self):
        self.calls = 0

    def request(self, method, url, headers, body=None, timeout=5.0):
        self.calls += 1
        raise TransportError(f"{method} {url}: timed out")


class TestPettyClient:
    def test_posts_the_wire_reading_with_its_key_and_a_5_s_timeout(self):
        # given
        transport = RecordingTransport(status=201, body=CREATED)
        client = PettyClient("http://pawgraph.test/", "SN-12345", "k" * 48, transport=transport)

        # when
        response = client.post(client.body(1_755_527_400, 85.6, 1, -74.0060004, 40.7128))

        # then
        [sent] = transport.sent
        assert response.status == 201
        assert (sent.method, sent.url, sent.timeout) == ("POST", "http://pawgraph.test/ingest", 5)
        assert sent.headers == {"Content-Type": "application/json", "X-API-Key": "k" * 48}
        assert json.loads(sent.body) == {
            "collar_id": "SN-12345",
            "timestamp": "2025-08-18T14:30:00Z",
            "heart_rate": 85,
            "activity_level": 1,
            "location": {"type": "Point", "coordinates": [-74.006, 40.7128]},
        }

    def test_the_bearer_form_carries_the_key_as_a_token(self):
        # given
        client = PettyClient("http://x", "SN-1", "key", transport=RecordingTransport(), bearer=True)

        # when / then
        assert client.headers() == {
            "Content-Type": "application/json",
            "Authorization": "Bearer key",
        }


class TestSimulatedDog:
    def test_a_day_has_every_activity_plausible_heart_rates_and_stays_near_home(self):
        # given
        dog = SimulatedDog(random.Random(7))
        seen, rates, furthest = set(), [], 0.0

        # when: a day in 10 s steps
        for _ in range(8640):
            dog.step(10)
            seen.add(dog.activity)
            rates.append((dog.activity, dog.heart_rate))
            east, north = dog._offset_m()
            furthest = max(furthest, math.sqrt(east * east + north * north))

        # then
        assert seen == set(LEVELS)
        resting = [bpm for activity, bpm in rates if activity == "rest"]
        running = [bpm for activity, bpm in rates if activity == "run"]
        assert 30 <= min(bpm for _, bpm in rates) and max(bpm for _, bpm in rates) <= 300
        assert sum(running) / len(running) > 1.3 * sum(resting) / len(resting)
        assert furthest < HOME_RANGE_M + 200


class TestCollarInTheFleet:
    def test_posts_every_interval_without_retrying_a_failure(self):
        # given
        clock = FakeClock()
        failing = FailingTransport()
        collar = PettyCollar(
            PettyClient("http://x", "SN-1", "key", transport=failing),
            SimulatedDog(random.Random(1)),
            wall_clock=lambda: 1_755_527_400 + clock.now,
        )

        # when
        summary = simulator.run(
            (), (), 60, 35, collars=[collar], collar_interval=10, clock=clock, sleep=clock.sleep
        )

        # then: at 0, 10, 20 and 30 s, each tried once
        assert failing.calls == 4
        assert summary.readings == {"sent": 4, "accepted": 0, "unreachable": 4}
        assert summary.all_accepted is False
        assert "collar readings sent: 4, accepted: 0" in summary.render()

    def test_a_bounded_run_of_collars_is_all_accepted(self):
        # given
        clock = FakeClock()
        transport = RecordingTransport(status=201, body=CREATED)
        collars = simulator.build_collars(
            "http://x", [("SN-1", "a"), ("SN-2", "b")], seed=3, transport=transport
        )

        # when
        summary = simulator.run(
            (),
            (),
            60,
            600,
            collars=collars,
            collar_interval=10,
            readings=3,
            clock=clock,
            sleep=clock.sleep,
        )

        # then
        ids = [json.loads(request.body)["collar_id"] for request in transport.sent]
        assert sorted(ids) == ["SN-1"] * 3 + ["SN-2"] * 3
        assert summary.all_accepted is True

    @pytest.mark.parametrize("spec", ["SN-1", "SN-1:", ":key"])
    def test_a_malformed_collar_spec_is_refused(self, spec):
        with pytest.raises(ValueError, match="collar"):
            simulator.parse_collar(spec)


class TestOnMicroPython:
    def test_the_collar_posts_its_reading_through_urequests(self):
        # when
        completed = subprocess.run(
            [str(MICROPYTHON), str(MPY_ENV / "petty_reading.py"), str(PROJECT_ROOT), str(MPY_ENV)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

        # then
        assert completed.returncode == 0, completed.stderr or completed.stdout
        result = json.loads(completed.stdout)
        [call] = result["calls"]
        body = json.loads(call["data"])
        assert result["implementation"] == "micropython"
        assert (call["method"], call["url"], call["timeout"]) == (
            "POST",
            "http://pawgraph.test/ingest",
            5,
        )
        assert call["headers"] == {"Content-Type": "application/json", "X-API-Key": "k" * 48}
        assert body["collar_id"] == "SN-12345" and body["timestamp"] == "2025-08-18T14:30:00Z"
        assert 30 <= body["heart_rate"] <= 300 and body["activity_level"] in (0, 1, 2)
        assert body["location"]["type"] == "Point" and len(body["location"]["coordinates"]) == 2
