"""A dog as the collar's accelerometer, heart and battery see it: resting, walking, playing.

Resting: gravity on z (about 1 g), tiny noise, heart 60-90 bpm. Walking: a 1.5-2.5 Hz gait
swinging y and z by a few tenths of a g, heart 90-120. Playing: bursts of 1-2.5 g in every
axis, heart 120-170. The dog moves between them as a Markov chain (mostly resting), the battery
drains faster when the dog moves, and its position wanders while it walks. Plain arithmetic and
``random``/``math`` only: it runs on MicroPython.
"""

import math

RESTING = "resting"
WALKING = "walking"
PLAYING = "playing"

# Per-second chance of switching from one behaviour to each other.
_TRANSITIONS = {
    RESTING: ((WALKING, 0.02), (PLAYING, 0.005)),
    WALKING: ((RESTING, 0.03), (PLAYING, 0.02)),
    PLAYING: ((RESTING, 0.05), (WALKING, 0.05)),
}
_HEART = {RESTING: (60, 90), WALKING: (90, 120), PLAYING: (120, 170)}
# Percent of battery per hour, by behaviour (the camera idles; the radio dominates).
_DRAIN_PER_HOUR = {RESTING: 2.0, WALKING: 4.0, PLAYING: 6.0}
_METRES_PER_DEGREE = 111_000.0


class DogMotion:
    def __init__(self, rng, battery=100.0, latitude=52.52, longitude=13.405):
        self._rng = rng
        self.behaviour = RESTING
        self.battery = battery
        self.heart_rate = 75.0
        self.latitude = latitude
        self.longitude = longitude
        self._phase = 0.0
        self._gait_hz = 2.0
        self._heading = rng.random() * 2 * math.pi

    def step(self, seconds):
        """Advance the dog by ``seconds``; returns (x, y, z) in g."""
        self._maybe_switch(seconds)
        self._phase += 2 * math.pi * self._gait_hz * seconds
        self._drain(seconds)
        self._beat(seconds)
        if self.behaviour == WALKING:
            self._wander(seconds, 1.2)
        elif self.behaviour == PLAYING:
            self._wander(seconds, 2.5)
        return self._acceleration()

    def _maybe_switch(self, seconds):
        roll = self._rng.random()
        for behaviour, per_second in _TRANSITIONS[self.behaviour]:
            chance = 1 - (1 - per_second) ** seconds
            if roll < chance:
                self.behaviour = behaviour
                self._gait_hz = 1.5 + self._rng.random()
                return
            roll -= chance

    def _noise(self, scale):
        return (self._rng.random() * 2 - 1) * scale

    def _acceleration(self):
        if self.behaviour == RESTING:
            return (self._noise(0.02), self._noise(0.02), 1.0 + self._noise(0.02))
        if self.behaviour == WALKING:
            swing = math.sin(self._phase)
            return (
                self._noise(0.08),
                0.25 * swing + self._noise(0.05),
                1.0 + 0.35 * abs(swing) + self._noise(0.05),
            )
        burst = 1.0 + 1.5 * self._rng.random()
        return (self._noise(burst), self._noise(burst), 1.0 + self._noise(burst))

    def _drain(self, seconds):
        self.battery = max(0.0, self.battery - _DRAIN_PER_HOUR[self.behaviour] * seconds / 3600)

    def _beat(self, seconds):
        low, high = _HEART[self.behaviour]
        target = low + (high - low) * self._rng.random()
        # The heart follows the activity within some ten seconds.
        weight = min(1.0, seconds / 10.0)
        self.heart_rate += (target - self.heart_rate) * weight

    def _wander(self, seconds, metres_per_second):
        self._heading += self._noise(0.3)
        distance = metres_per_second * seconds / _METRES_PER_DEGREE
        self.latitude += distance * math.cos(self._heading)
        self.longitude += distance * math.sin(self._heading) / math.cos(math.radians(self.latitude))
