"""The agent's clock, injectable: the real one, or a compressed one that runs a day in seconds."""

import datetime as dt
import time
import zoneinfo


class RealClock:
    def __init__(self, zone: str) -> None:
        self.zone = zoneinfo.ZoneInfo(zone)

    def now(self) -> dt.datetime:
        return dt.datetime.now(self.zone)


class CompressedClock:
    """Starts at ``start`` (site-local) and runs ``speed`` times faster than real time."""

    def __init__(self, start: dt.datetime, speed: float, zone: str) -> None:
        self.zone = zoneinfo.ZoneInfo(zone)
        self._start = start if start.tzinfo else start.replace(tzinfo=self.zone)
        self._speed = speed
        self._origin = time.monotonic()

    def now(self) -> dt.datetime:
        elapsed = (time.monotonic() - self._origin) * self._speed
        return (self._start + dt.timedelta(seconds=elapsed)).astimezone(self.zone)
