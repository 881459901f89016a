"""The device's clocks: a monotonic one for its timers, and the wall clock NTP sets.

MicroPython has no ``time.monotonic``: its monotonic source is ``time.ticks_ms``, which wraps
around (after 2**30 ms on most ports), so ``TicksClock`` adds up ``ticks_diff`` steps into
seconds that never wrap, as long as it is read more often than half the wrap period (the loops
read it every tick). On CPython the seam is ``time.monotonic``. Tests inject their own.

``WallClock`` is what a unit believes epoch seconds are: counted from 0 (1970-01-01) at power-up
until an NTP answer sets it, as on the ESP8266, whose timestamps say 1970 until it synced.
"""

import time


class TicksClock:
    """Seconds since it was made, from ``time.ticks_ms`` (MicroPython)."""

    def __init__(self):
        self._last = time.ticks_ms()
        self._elapsed_ms = 0

    def __call__(self):
        now = time.ticks_ms()
        self._elapsed_ms += time.ticks_diff(now, self._last)
        self._last = now
        return self._elapsed_ms / 1000


def monotonic_clock():
    """The interpreter's monotonic seconds: ``ticks_ms`` on MicroPython, ``monotonic`` else."""
    if hasattr(time, "ticks_ms"):
        return TicksClock()
    return time.monotonic


def sleep_seconds(seconds):
    time.sleep(seconds)


class WallClock:
    """Epoch seconds as the unit knows them; 1970-based until ``sync`` gets an NTP answer.

    ``ntp`` has ``query()`` -> epoch seconds, or None when no answer came (no network)."""

    def __init__(self, monotonic, ntp=None):
        self.monotonic = monotonic
        self.ntp = ntp
        self.offset = -monotonic()
        self.synced = False

    def __call__(self):
        return self.monotonic() + self.offset

    def sync(self):
        """Ask NTP once; True when the clock was set."""
        epoch = self.ntp.query() if self.ntp is not None else None
        if epoch is None:
            return False
        self.offset = epoch - self.monotonic()
        self.synced = True
        return True
