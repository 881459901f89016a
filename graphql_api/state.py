"""What a running API process shares between requests: settings, database and event bus."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from graphql_api.db import (
    create_engine,
    create_reading_engine,
    create_reading_sessionmaker,
    create_sessionmaker,
)
from graphql_api.devices.credentials import NO_BROKER, DeviceBroker
from graphql_api.events import EventBus
from graphql_api.ratelimit import MemoryCounter, RateLimiter
from graphql_api.settings import Settings
from graphql_api.viewer_lookups import ViewerLookups

if TYPE_CHECKING:
    from graphql_api.group_commit import GroupCommit
    from graphql_api.telemetry.live_watch import LiveWatches
    from graphql_api.viewer_cache import ViewerCache


@dataclass(slots=True)
class AppState:
    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    bus: EventBus
    # Sessions for an operation that only reads, on a pool of their own
    # (db.create_reading_engine); None: it uses ``sessionmaker`` too.
    reading_sessionmaker: async_sessionmaker[AsyncSession] | None = None
    limiter: RateLimiter = field(default_factory=lambda: RateLimiter(MemoryCounter()))
    # Where MQTT devices' broker logins are granted and revoked (app.py picks the broker's
    # implementation from the settings).
    broker: DeviceBroker = NO_BROKER
    # The viewers of recent bearer tokens (an API process sets it up in its lifespan; None
    # elsewhere: every token is read from the database).
    viewers: "ViewerCache | None" = None
    # This process's live watchers of devices (created by the first telemetryUpdated).
    live_watches: "LiveWatches | None" = None
    # This process's group commits by name (group_commit.process_group creates each on first
    # use: hub readings, collar uploads).
    group_commits: "dict[str, GroupCommit]" = field(default_factory=dict)
    # Tokens' viewers read from the database, the lookups asked at once in one statement.
    viewer_lookups: ViewerLookups = field(init=False)

    def __post_init__(self) -> None:
        self.viewer_lookups = ViewerLookups(lambda: self.readers())

    @property
    def readers(self) -> async_sessionmaker[AsyncSession]:
        """Sessions for reads alone: reading ones where the database has them."""
        reading = self.reading_sessionmaker
        return reading if reading is not None else self.sessionmaker


@asynccontextmanager
async def open_app_state(settings: Settings) -> AsyncIterator[AppState]:
    """Connect the database pools, the event bus and the rate limiter: an API process's state,
    a worker process's (``pawgraph mqtt-bridge``), or a CLI command's that writes (so its events
    reach the servers); closed at the end."""
    pool = {
        "pool_size": settings.database_pool_size,
        "max_overflow": settings.database_max_overflow,
    }
    engine = create_engine(settings.database_url, **pool)
    reading_engine = create_reading_engine(settings.database_url, **pool)
    bus = EventBus(
        settings.broadcast_url,
        channel_prefix=settings.event_channel_prefix,
        queue_size=settings.subscriber_queue_size,
    )
    await bus.connect()
    limiter = RateLimiter.from_url(
        settings.effective_rate_limit_url,
        settings.rate_limits,
        prefix=settings.event_channel_prefix,
    )
    try:
        yield AppState(
            settings=settings,
            engine=engine,
            sessionmaker=create_sessionmaker(engine, email_enabled=settings.email_enabled),
            reading_sessionmaker=(
                create_reading_sessionmaker(reading_engine, email_enabled=settings.email_enabled)
                if reading_engine is not None
                else None
            ),
            bus=bus,
            limiter=limiter,
        )
    finally:
        await bus.disconnect()
        await limiter.close()
        await engine.dispose()
        if reading_engine is not None:
            await reading_engine.dispose()
