"""A Petty collar (WIRE.md section 3), as its spec describes it: every 10 s it posts one
reading to ``/ingest`` with a 5 s timeout and no retries (a reading that fails is dropped).

``PettyClient`` speaks the wire: the JSON body (``collar_id``, ``timestamp`` as
``YYYY-MM-DDTHH:MM:SSZ``, ``heart_rate``, ``activity_level``, a GeoJSON ``location``) and the
device key in ``X-API-Key`` or, with ``bearer=True``, as ``Authorization: Bearer <key>``.

``SimulatedDog`` is what the collar measures: a dog that rests, walks, runs and plays in
bouts of realistic length, with a heart rate that follows the activity (resting 60-90 bpm,
about 1.3x walking, 1.6x running, 1.5x playing, eased towards the target with noise) and a
position that walks a wandering route from home at walking (1.3 m/s) or running (3 m/s)
speed, turning back towards home beyond ``HOME_RANGE_M``. Petty's activity level is 0 at rest,
1 walking or running, 2 playing.

Runs on MicroPython: ``json``, ``math`` and ``time`` only; the random source is injected.
"""

import json
import math
import sys
import time

from firmware.petio_feeder import utc_timestamp

if sys.implementation.name == "micropython":
    from firmware.http_micropython import URequestsTransport as _DefaultTransport
else:
    from firmware.http_cpython import HttpClientTransport as _DefaultTransport

INGEST_PATH = "/ingest"
POST_INTERVAL_S = 10.0
TIMEOUT_S = 5
REST, WALK, RUN, PLAY = "rest", "walk", "run", "play"
LEVELS = {REST: 0, WALK: 1, RUN: 1, PLAY: 2}
HEART_FACTOR = {REST: 1.0, WALK: 1.3, RUN: 1.6, PLAY: 1.5}
SPEED_M_S = {REST: 0.0, WALK: 1.3, RUN: 3.0, PLAY: 0.6}
# Bout lengths in seconds (min, max) and what may follow each activity (weights).
BOUT_S = {REST: (300, 2400), WALK: (600, 1800), RUN: (60, 300), PLAY: (120, 600)}
NEXT = {
    REST: ((WALK, 5), (PLAY, 3), (REST, 2)),
    WALK: ((REST, 5), (RUN, 3), (PLAY, 2)),
    RUN: ((WALK, 6), (REST, 4)),
    PLAY: ((REST, 6), (WALK, 4)),
}
METRES_PER_DEGREE = 111320.0
HOME_RANGE_M = 800.0


class PettyClient:
    def __init__(
        self,
        base_url,
        collar_id,
        api_key,
        transport=None,
        timeout=TIMEOUT_S,
        bearer=False,
        path=INGEST_PATH,
    ):
        self.url = base_url.rstrip("/") + path
        self.collar_id = collar_id
        self.api_key = api_key
        self.transport = transport or _DefaultTransport()
        self.timeout = timeout
        self.bearer = bearer

    def headers(self):
        headers = {"Content-Type": "application/json"}
        if self.bearer:
            headers["Authorization"] = "Bearer " + self.api_key
        else:
            headers["X-API-Key"] = self.api_key
        return headers

    def body(self, epoch_seconds, heart_rate, activity_level, longitude, latitude):
        return {
            "collar_id": self.collar_id,
            "timestamp": utc_timestamp(epoch_seconds),
            "heart_rate": int(heart_rate),
            "activity_level": int(activity_level),
            "location": {
                "type": "Point",
                "coordinates": [round(longitude, 6), round(latitude, 6)],
            },
        }

    def post(self, body):
        """One POST, no retry: a ``Response``, or ``TransportError`` when nothing came back."""
        payload = json.dumps(body).encode()
        return self.transport.request("POST", self.url, self.headers(), payload, self.timeout)


class SimulatedDog:
    """The dog under the collar, stepped in whole seconds."""

    def __init__(self, rng, home_longitude=-74.006, home_latitude=40.7128, resting_bpm=None):
        self.rng = rng
        self.home = (home_longitude, home_latitude)
        self.longitude, self.latitude = home_longitude, home_latitude
        self.resting_bpm = resting_bpm or 60 + 30 * rng.random()
        self.heart_rate = self.resting_bpm
        self.activity = REST
        self.bout_left = self._bout_length(REST)
        self.heading = 2 * math.pi * rng.random()

    def _bout_length(self, activity):
        low, high = BOUT_S[activity]
        return low + (high - low) * self.rng.random()

    def _next_activity(self):
        choices = NEXT[self.activity]
        pick = self.rng.random() * sum(weight for _, weight in choices)
        for activity, weight in choices:
            pick -= weight
            if pick <= 0:
                return activity
        return choices[-1][0]

    def step(self, seconds):
        """Live ``seconds`` more: activity bouts, heart rate and position."""
        self.bout_left -= seconds
        if self.bout_left <= 0:
            self.activity = self._next_activity()
            self.bout_left = self._bout_length(self.activity)
        target = self.resting_bpm * HEART_FACTOR[self.activity]
        ease = min(1.0, seconds / 30.0)
        noise = (self.rng.random() - 0.5) * 6
        self.heart_rate = max(
            30, min(300, self.heart_rate + (target - self.heart_rate) * ease + noise)
        )
        self._move(SPEED_M_S[self.activity] * seconds)

    def _move(self, metres):
        if metres <= 0:
            return
        east, north = self._offset_m()
        if math.sqrt(east * east + north * north) > HOME_RANGE_M:
            self.heading = math.atan2(-east, -north)  # head home
        self.heading += (self.rng.random() - 0.5) * 0.6
        north_m, east_m = metres * math.cos(self.heading), metres * math.sin(self.heading)
        self.latitude += north_m / METRES_PER_DEGREE
        self.longitude += east_m / (METRES_PER_DEGREE * math.cos(math.radians(self.latitude)))

    def _offset_m(self):
        east = (
            (self.longitude - self.home[0])
            * METRES_PER_DEGREE
            * math.cos(math.radians(self.latitude))
        )
        north = (self.latitude - self.home[1]) * METRES_PER_DEGREE
        return east, north

    @property
    def level(self):
        return LEVELS[self.activity]


class PettyCollar:
    """One collar: its client, its dog, and what its posts got back (``posted``, ``refused``
    by status, ``unreachable``)."""

    def __init__(self, client, dog, wall_clock=None):
        self.client = client
        self.dog = dog
        self.wall_clock = wall_clock or time.time
        self.last_step = None
        self.posted = 0
        self.accepted = 0
        self.refused = {}
        self.unreachable = 0

    def reading(self):
        now = self.wall_clock()
        if self.last_step is not None:
            self.dog.step(max(0.0, now - self.last_step))
        self.last_step = now
        dog = self.dog
        return self.client.body(now, dog.heart_rate, dog.level, dog.longitude, dog.latitude)

    def beat(self, now=None):
        """Post the current reading once; the response (a ``TransportError`` propagates)."""
        self.posted += 1
        response = self.client.post(self.reading())
        if response.ok:
            self.accepted += 1
        else:
            self.refused[response.status] = self.refused.get(response.status, 0) + 1
        return response
