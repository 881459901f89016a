"""The rate limiter counts a sliding window, in memory and in Redis: attempts made just before a
window's boundary still count just after it, and fade out over the next window."""

import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest

from graphql_api.errors import RateLimited
from graphql_api.ratelimit import Counter, MemoryCounter, RateLimiter, RedisCounter

LIMIT = "limited"
HOUR = 3600.0
# 10 s before an hour's boundary: the window every test starts in.
BEFORE_BOUNDARY = 1_800_000_000 - 1_800_000_000 % 3600 + 3600 - 10.0


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@dataclass
class Processes:
    """API processes sharing one set of counters and one clock."""

    counter: Counter
    clock: Clock
    # Namespaced, so runs side by side on one Redis count apart.
    prefix: str = field(default_factory=lambda: f"test-{secrets.token_hex(6)}:")

    def limiter(self) -> RateLimiter:
        return RateLimiter(self.counter, {LIMIT: "20/1h"}, prefix=self.prefix, clock=self.clock)


@pytest.fixture(params=["memory", "redis"])
async def processes(request, test_environment) -> AsyncIterator[Processes]:
    counter = (
        MemoryCounter() if request.param == "memory" else RedisCounter(test_environment.redis_url)
    )
    yield Processes(counter, Clock(BEFORE_BOUNDARY))
    await counter.close()


@pytest.fixture
def limiter_and_clock(processes: Processes) -> tuple[RateLimiter, Clock]:
    return processes.limiter(), processes.clock


async def hit_times(limiter: RateLimiter, times: int, key: str = "203.0.113.9") -> None:
    for _ in range(times):
        await limiter.hit(LIMIT, key)


class TestSlidingWindow:
    async def test_the_attempt_after_the_limit_is_refused(self, limiter_and_clock):
        # given
        limiter, _ = limiter_and_clock
        await hit_times(limiter, 20)
        # when / then
        with pytest.raises(RateLimited):
            await limiter.hit(LIMIT, "203.0.113.9")

    async def test_attempts_before_a_boundary_still_count_after_it(self, limiter_and_clock):
        # given: the whole limit used in the last 10 s of a window
        limiter, clock = limiter_and_clock
        await hit_times(limiter, 20)
        # when: 20 s later, 10 s into the next window
        clock.now += 20
        # then
        with pytest.raises(RateLimited) as refused:
            await limiter.hit(LIMIT, "203.0.113.9")
        # the refused attempt counts too, so room for one more comes back once 2/20 of the
        # earlier window have slid out: (1 - 18/20) * 3600 s = 360 s into the new window,
        # which is 10 s old
        assert refused.value.retry_after == 350

    async def test_earlier_attempts_fade_out_over_the_next_window(self, limiter_and_clock):
        # given: 20 attempts, then half of the next window gone, so they weigh 10
        limiter, clock = limiter_and_clock
        await hit_times(limiter, 20, key="198.51.100.7")
        clock.now += 10 + HOUR / 2
        # when: 10 more fit
        await hit_times(limiter, 10, key="198.51.100.7")
        # then: the 11th does not
        with pytest.raises(RateLimited):
            await limiter.hit(LIMIT, "198.51.100.7")

    async def test_a_full_window_later_the_limit_is_whole_again(self, limiter_and_clock):
        # given
        limiter, clock = limiter_and_clock
        await hit_times(limiter, 20, key="198.51.100.8")
        # when: the next window has passed entirely
        clock.now += 10 + HOUR
        # then
        await hit_times(limiter, 20, key="198.51.100.8")

    async def test_each_address_has_its_own_count(self, limiter_and_clock):
        # given
        limiter, _ = limiter_and_clock
        await hit_times(limiter, 20, key="198.51.100.1")
        # when / then
        await limiter.hit(LIMIT, "198.51.100.2")

    async def test_check_refuses_once_recorded_failures_fill_the_window(self, processes):
        # given: failures recorded by another process (so this one's memo knows nothing)
        recording = processes.limiter()
        for _ in range(20):
            await recording.record(LIMIT, "198.51.100.9")
        processes.clock.now += 20
        # when / then
        with pytest.raises(RateLimited):
            await processes.limiter().check(LIMIT, "198.51.100.9")

    async def test_reset_forgets_both_windows(self, limiter_and_clock):
        # given
        limiter, clock = limiter_and_clock
        await hit_times(limiter, 15, key="198.51.100.10")
        clock.now += 20
        await hit_times(limiter, 5, key="198.51.100.10")
        # when
        await limiter.reset(LIMIT, "198.51.100.10")
        # then
        await hit_times(limiter, 20, key="198.51.100.10")
