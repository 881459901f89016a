"""The viewers of recent tokens kept per process (graphql_api/viewer_cache.py): forgotten for a
user the moment this process commits a change to them, on the bus's word from other processes,
and never kept while no invalidation could reach the cache."""

import datetime as dt
from collections.abc import AsyncIterator

import pytest

from graphql_api import events
from graphql_api.accounts.service import ViewerChanged
from graphql_api.auth import Role, TokenClaims, Viewer
from graphql_api.events import EventBus
from graphql_api.viewer_cache import ViewerCache

HOUR = dt.timedelta(hours=1)


def token_of(user_id: int, expires_in: dt.timedelta = HOUR) -> tuple[Viewer, TokenClaims]:
    now = dt.datetime.now(dt.UTC)
    claims = TokenClaims(user_id, f"jti-{user_id}", now, now + expires_in)
    return Viewer(user_id=user_id, role=Role.OWNER), claims


@pytest.fixture
async def bus() -> AsyncIterator[EventBus]:
    bus = EventBus("memory://")
    await bus.connect()
    yield bus
    await bus.disconnect()


@pytest.fixture
async def cache(bus: EventBus) -> AsyncIterator[ViewerCache]:
    cache = ViewerCache(HOUR)
    await cache.start(bus)
    yield cache
    await cache.stop()


class TestViewerCache:
    async def test_keeps_a_tokens_viewer(self, cache):
        # given
        viewer, claims = token_of(1)

        # when
        cache.put("token-1", viewer, claims, cache.generation)

        # then
        assert cache.get("token-1") == (viewer, claims)

    async def test_forgets_a_user_the_moment_this_process_commits_a_change(self, cache, bus):
        # given
        viewer, claims = token_of(2)
        other = token_of(3)
        cache.put("token-2", viewer, claims, cache.generation)
        cache.put("token-3", *other, cache.generation)

        # when: committed here (not yet round the bus)
        message = ViewerChanged(user_id=2).model_dump_json()
        await bus.publish_committed([(events.VIEWERS_CHANNEL, message)])

        # then
        assert cache.get("token-2") is None
        assert cache.get("token-3") == other

    async def test_does_not_keep_a_lookup_that_overlapped_a_change(self, cache):
        # given: a lookup starts
        viewer, claims = token_of(4)
        generation = cache.generation

        # when: a change arrives before it ends
        cache.forget_user(4)
        cache.put("token-4", viewer, claims, generation)

        # then
        assert cache.get("token-4") is None

    async def test_never_answers_for_an_expired_token(self, cache):
        # given
        viewer, claims = token_of(5, expires_in=dt.timedelta(seconds=-1))

        # when
        cache.put("token-5", viewer, claims, cache.generation)

        # then
        assert cache.get("token-5") is None

    async def test_keeps_nothing_when_not_subscribed(self, bus):
        # given: a cache that never subscribed
        cache = ViewerCache(HOUR)
        viewer, claims = token_of(6)

        # when
        cache.put("token-6", viewer, claims, cache.generation)

        # then
        assert cache.active is False
        assert cache.get("token-6") is None
