"""Rate limits shared by every API process: sliding-window counters in Redis, or in memory.

Every limit pawgraph enforces is named in :data:`DEFAULT_LIMITS` (``count/window``) and may be
overridden with ``PAWGRAPH_RATE_LIMITS`` (JSON). Services decide *what* they count and call

* :meth:`RateLimiter.check`: refuse when the window is already full (counts nothing);
* :meth:`RateLimiter.record`: count one (a failed login, a wrong PIN), refuse nothing;
* :meth:`RateLimiter.hit`: count one, refuse it when it overfills the window.

A refusal is :class:`graphql_api.errors.RateLimited` with ``retry_after`` seconds: a 429 with
``Retry-After`` on device routes, a ``RATE_LIMITED`` user error in GraphQL.

When a window overfills, the process also remembers the key as blocked until it has room again
(:meth:`RateLimiter.blocked`), so a blocked client costs no Redis round trip, and hot paths (a
device authenticating every 2 s) ask only that local memo, never Redis, on success.

Redis being unreachable never fails a request: limits then fail open, with a warning.
"""

import hashlib
import logging
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from redis import asyncio as aioredis
from redis.exceptions import RedisError

from graphql_api.errors import RateLimited

logger = logging.getLogger(__name__)

LOGIN_PER_ACCOUNT = "login_per_account"
LOGIN_PER_IP = "login_per_ip"
REGISTER_PER_IP = "register_per_ip"
PIN_CLAIMS_PER_USER = "pin_claims_per_user"
PIN_CLAIMS_PER_IP = "pin_claims_per_ip"
PIN_CLAIMS_PER_UNIT = "pin_claims_per_unit"
PAIR_REGISTER_PER_UNIT_IP = "pair_register_per_unit_ip"
PAIR_REGISTER_PER_IP = "pair_register_per_ip"
PAIR_POLLS_WRONG_PIN_PER_IP = "pair_polls_wrong_pin_per_ip"
BAD_DEVICE_KEYS_PER_IP = "bad_device_keys_per_ip"
MUTATIONS_PER_USER = "mutations_per_user"

DEFAULT_LIMITS: dict[str, str] = {
    # Failed logins; the right password is refused too once either window is full.
    LOGIN_PER_ACCOUNT: "10/15m",
    LOGIN_PER_IP: "50/15m",
    # Every registration attempt.
    REGISTER_PER_IP: "20/1h",
    # claimDevice attempts (a PIN has a million values: guessing is what these stop).
    PIN_CLAIMS_PER_USER: "10/10m",
    PIN_CLAIMS_PER_IP: "20/10m",
    PIN_CLAIMS_PER_UNIT: "20/10m",
    # WIRE.md: at most 5 registrations a minute per unit, counted per address, so a stranger
    # cannot use up the unit's own budget.
    PAIR_REGISTER_PER_UNIT_IP: "5/1m",
    PAIR_REGISTER_PER_IP: "60/1m",
    PAIR_POLLS_WRONG_PIN_PER_IP: "20/10m",
    # Unknown device keys and hub keys.
    BAD_DEVICE_KEYS_PER_IP: "30/1m",
    MUTATIONS_PER_USER: "120/1m",
}

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_LIMIT = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


@dataclass(frozen=True, slots=True)
class Limit:
    count: int
    window_s: int

    @classmethod
    def parse(cls, text: str) -> "Limit":
        """``"10/15m"``: 10 per 15 minutes; ``"5/m"`` = ``"5/1m"``."""
        match = _LIMIT.match(text)
        if not match:
            raise ValueError(f"not a rate limit (like 10/15m): {text!r}")
        count, amount, unit = match.groups()
        return cls(int(count), int(amount or 1) * _UNITS[unit])


class Counter(Protocol):
    async def increment(self, key: str, ttl_s: int, previous_key: str) -> tuple[int, int]:
        """Count one in ``key``; return its count and ``previous_key``'s."""
        ...

    async def get(self, key: str, previous_key: str) -> tuple[int, int]: ...
    async def delete(self, *keys: str) -> None: ...
    async def close(self) -> None: ...


class MemoryCounter:
    """One process's counters (the embedded default, where there is only one process)."""

    def __init__(self) -> None:
        self._counts: dict[str, tuple[int, float]] = {}

    def _prune(self, now: float) -> None:
        if len(self._counts) > 10_000:
            self._counts = {k: v for k, v in self._counts.items() if v[1] > now}

    def _count(self, key: str, now: float) -> int:
        count, expires = self._counts.get(key, (0, 0.0))
        return count if expires > now else 0

    async def increment(self, key: str, ttl_s: int, previous_key: str) -> tuple[int, int]:
        now = time.monotonic()
        self._prune(now)
        count = self._count(key, now) + 1
        expires = self._counts[key][1] if count > 1 else now + ttl_s
        self._counts[key] = (count, expires)
        return count, self._count(previous_key, now)

    async def get(self, key: str, previous_key: str) -> tuple[int, int]:
        now = time.monotonic()
        return self._count(key, now), self._count(previous_key, now)

    async def delete(self, *keys: str) -> None:
        for key in keys:
            self._counts.pop(key, None)

    async def close(self) -> None:
        self._counts.clear()


class RedisCounter:
    def __init__(self, url: str) -> None:
        self._redis = aioredis.Redis.from_url(
            url, socket_timeout=1.0, socket_connect_timeout=1.0, health_check_interval=10
        )

    async def increment(self, key: str, ttl_s: int, previous_key: str) -> tuple[int, int]:
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expire(key, ttl_s, nx=True)
            pipe.get(previous_key)
            count, _, previous = await pipe.execute()
        return int(count), int(previous or 0)

    async def get(self, key: str, previous_key: str) -> tuple[int, int]:
        count, previous = await self._redis.mget(key, previous_key)
        return int(count or 0), int(previous or 0)

    async def delete(self, *keys: str) -> None:
        await self._redis.delete(*keys)

    async def close(self) -> None:
        await self._redis.aclose()


@dataclass(frozen=True, slots=True)
class Attempts:
    """Where a request comes from, with the limiter its attempts are counted in: what front
    doors hand the services that throttle guessing."""

    limiter: "RateLimiter"
    client_ip: str


@dataclass(frozen=True, slots=True)
class _Window:
    """Where ``now`` falls in a limit's fixed windows, and the counter keys of this window and
    the one before."""

    limit: Limit
    key: str
    previous_key: str
    elapsed: float  # seconds since this window began

    def estimate(self, count: int, previous: int) -> float:
        """The sliding-window count: this window's, plus the previous window's in the share of
        it that the last ``window_s`` seconds still overlap. A fixed window alone would forget
        every attempt at its boundary and let a burst through twice the limit."""
        return count + previous * (1 - self.elapsed / self.limit.window_s)

    def full(self, count: int, previous: int) -> bool:
        """No room left for one more attempt."""
        return self.estimate(count, previous) > self.limit.count - 1

    def retry_after(self, count: int, previous: int) -> int:
        """Seconds until the estimate leaves room for one more attempt, if none is made."""
        window_s, room = self.limit.window_s, self.limit.count - 1
        if count <= room:
            overlap_s = window_s * (1 - (room - count) / previous) if previous else 0.0
            wait = overlap_s - self.elapsed
        else:  # this window's own count must first slide out of the next one
            wait = (window_s - self.elapsed) + window_s * (1 - room / count)
        return max(1, math.ceil(wait))


class RateLimiter:
    def __init__(
        self,
        counter: Counter,
        overrides: dict[str, str] | None = None,
        prefix: str = "",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._counter = counter
        self._prefix = prefix
        self._clock = clock
        texts = {**DEFAULT_LIMITS, **(overrides or {})}
        self.limits = {name: Limit.parse(text) for name, text in texts.items()}
        self._blocked: dict[tuple[str, str], float] = {}

    @classmethod
    def from_url(
        cls, url: str, overrides: dict[str, str] | None = None, prefix: str = ""
    ) -> "RateLimiter":
        counter = RedisCounter(url) if url.startswith("redis") else MemoryCounter()
        return cls(counter, overrides, prefix)

    async def close(self) -> None:
        await self._counter.close()

    def _window(self, name: str, key: str) -> _Window:
        limit = self.limits[name]
        now = self._clock()
        start = int(now // limit.window_s) * limit.window_s
        # Keys may be emails: only a digest reaches Redis.
        digest = hashlib.sha256(key.encode()).hexdigest()[:32]
        stem = f"{self._prefix}ratelimit:{name}:{digest}"
        return _Window(limit, f"{stem}:{start}", f"{stem}:{start - limit.window_s}", now - start)

    def _refuse(self, name: str, key: str, retry_after: int) -> RateLimited:
        self._blocked[(name, key)] = time.monotonic() + retry_after
        if len(self._blocked) > 10_000:
            now = time.monotonic()
            self._blocked = {k: until for k, until in self._blocked.items() if until > now}
        return RateLimited(
            f"Too many attempts; try again in {retry_after} s.", retry_after=retry_after
        )

    def blocked(self, name: str, key: str) -> None:
        """Refuse if this process saw ``key`` overfill its window (no I/O)."""
        until = self._blocked.get((name, key))
        if until is not None:
            remaining = until - time.monotonic()
            if remaining > 0:
                raise RateLimited(
                    f"Too many attempts; try again in {math.ceil(remaining)} s.",
                    retry_after=math.ceil(remaining),
                )
            self._blocked.pop((name, key), None)

    async def check(self, name: str, key: str) -> None:
        """Refuse when the window is already full."""
        self.blocked(name, key)
        window = self._window(name, key)
        try:
            counts = await self._counter.get(window.key, window.previous_key)
        except (RedisError, OSError):
            logger.warning("rate limit %s not checked: Redis unreachable", name)
            return
        if window.full(*counts):
            raise self._refuse(name, key, window.retry_after(*counts))

    async def _increment(self, name: str, window: _Window) -> tuple[int, int] | None:
        # A key lives through its own window and the next, where it still counts in part.
        ttl_s = 2 * window.limit.window_s + 1
        try:
            return await self._counter.increment(window.key, ttl_s, window.previous_key)
        except (RedisError, OSError):
            logger.warning("rate limit %s not counted: Redis unreachable", name)
            return None

    async def record(self, name: str, key: str) -> bool:
        """Count one; True when that filled the window (later checks refuse)."""
        window = self._window(name, key)
        counts = await self._increment(name, window)
        if counts is None or not window.full(*counts):
            return False
        self._refuse(name, key, window.retry_after(*counts))
        return True

    async def hit(self, name: str, key: str) -> None:
        """Count one and refuse it if the window was already full."""
        self.blocked(name, key)
        window = self._window(name, key)
        counts = await self._increment(name, window)
        if counts is not None and window.estimate(*counts) > window.limit.count:
            raise self._refuse(name, key, window.retry_after(*counts))

    async def reset(self, name: str, key: str) -> None:
        self._blocked.pop((name, key), None)
        window = self._window(name, key)
        try:
            await self._counter.delete(window.key, window.previous_key)
        except (RedisError, OSError):
            logger.warning("rate limit %s not reset: Redis unreachable", name)
