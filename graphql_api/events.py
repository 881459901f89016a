"""Live events: channel names, after-commit publishing, and the pub/sub bus behind them.

Services call :func:`publish` with the session they write through. That only *buffers* the event
on the session; :func:`dispatch_committed` sends the buffer after the commit, and a rollback
drops it, so a subscriber never sees a change the database forgot.

The bus is ``broadcaster``'s ``Broadcast`` with two repairs for 0.3.1, kept in this module only:

* ``Broadcast.subscribe`` races when two first subscribers of a channel arrive together: both
  call the backend and the second overwrites the first's queue, which then never hears a thing.
  :class:`EventBus` registers the queue before awaiting the backend, under a per-channel lock.
* its Redis backend's listener can exit while a ``SUBSCRIBE`` is still in flight and then waits
  forever, and ``subscribe`` returns before Redis has confirmed. :class:`RedisBackend` reads
  the connection continuously and ``subscribe`` returns only once Redis confirmed the channel,
  so an event published after ``subscribe`` returned is always delivered.
"""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlparse

from broadcaster import Broadcast, Event
from broadcaster._backends.base import BroadcastBackend
from broadcaster._backends.memory import MemoryBackend
from pydantic import BaseModel
from redis import asyncio as aioredis
from redis.exceptions import RedisError
from sqlalchemy import event as sa_event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

logger = logging.getLogger(__name__)

_PENDING_KEY = "pawgraph.pending_events"
_SUBSCRIBE_CONFIRM_TIMEOUT = 5.0


# ---- channel names -----------------------------------------------------------------------------


def device_status_channel(device_id: int) -> str:
    return f"device.{device_id}.status"


def device_commands_channel(device_id: int) -> str:
    return f"device.{device_id}.commands"


def device_telemetry_channel(device_id: int) -> str:
    return f"device.{device_id}.telemetry"


def user_notifications_channel(user_id: int) -> str:
    return f"user.{user_id}.notifications"


def message_thread_channel(thread_id: int) -> str:
    return f"marketplace.thread.{thread_id}.messages"


def user_alerts_channel(user_id: int) -> str:
    return f"user.{user_id}.alerts"


# ---- after-commit publishing -------------------------------------------------------------------


def publish(session: AsyncSession, channel: str, payload: BaseModel) -> None:
    """Buffer an event on the session; it is sent only if the session's transaction commits."""
    session.info.setdefault(_PENDING_KEY, []).append((channel, payload.model_dump_json()))


@sa_event.listens_for(Session, "after_rollback")
def _drop_pending_events(session: Session) -> None:
    session.info.pop(_PENDING_KEY, None)


async def dispatch_committed(session: AsyncSession, bus: "EventBus") -> None:
    """Send the events buffered on ``session``; call right after its commit."""
    for channel, message in session.info.pop(_PENDING_KEY, []):
        await bus.publish(channel, message)


# ---- the bus -----------------------------------------------------------------------------------


class RedisBackend(BroadcastBackend):
    """Redis pub/sub for broadcaster whose ``subscribe`` waits for Redis to confirm."""

    def __init__(self, url: str) -> None:
        self._redis = aioredis.Redis.from_url(url)
        self._pubsub = self._redis.pubsub()
        self._published: asyncio.Queue[Event] = asyncio.Queue()
        self._confirmations: dict[str, asyncio.Event] = {}
        self._reader: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        await self._redis.ping()
        await self._pubsub.connect()
        self._reader = asyncio.create_task(self._read_forever(), name="redis-pubsub-reader")

    async def disconnect(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
        await self._pubsub.aclose()
        await self._redis.aclose()

    async def subscribe(self, channel: str) -> None:
        confirmed = self._confirmations.setdefault(channel, asyncio.Event())
        await self._pubsub.subscribe(channel)
        await asyncio.wait_for(confirmed.wait(), _SUBSCRIBE_CONFIRM_TIMEOUT)

    async def unsubscribe(self, channel: str) -> None:
        self._confirmations.pop(channel, None)
        await self._pubsub.unsubscribe(channel)

    async def publish(self, channel: str, message: Any) -> None:
        await self._redis.publish(channel, message)

    async def next_published(self) -> Event:
        return await self._published.get()

    async def ping(self) -> bool:
        return bool(await self._redis.ping())

    async def _read_forever(self) -> None:
        while True:
            try:
                message = await self._pubsub.get_message(timeout=1.0)
            except (RedisError, OSError) as exc:
                # redis-py reconnects and re-subscribes on the next read; don't spin meanwhile.
                logger.warning("redis pub/sub read failed, retrying: %s", exc)
                await asyncio.sleep(0.5)
                continue
            if message is None:
                continue
            channel = _decode(message["channel"])
            if message["type"] == "subscribe":
                confirmed = self._confirmations.get(channel)
                if confirmed is not None:
                    confirmed.set()
            elif message["type"] == "message":
                await self._published.put(Event(channel=channel, message=_decode(message["data"])))


def _decode(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


class EventBus(Broadcast):
    """broadcaster's ``Broadcast`` with race-free subscription and a health check."""

    def __init__(self, url: str) -> None:
        scheme = urlparse(url).scheme
        if scheme in ("redis", "rediss"):
            backend: BroadcastBackend = RedisBackend(url)
        elif scheme == "memory":
            backend = MemoryBackend(url)
        else:
            raise ValueError(f"Unsupported PAWGRAPH_BROADCAST_URL scheme: {scheme!r}")
        super().__init__(backend=backend)
        # channel -> (lock, number of coroutines using it); dropped at zero so a long-running
        # process does not keep a lock for every channel it ever served.
        self._channel_locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @contextlib.asynccontextmanager
    async def _channel_lock(self, channel: str) -> AsyncIterator[None]:
        lock, users = self._channel_locks.get(channel, (asyncio.Lock(), 0))
        self._channel_locks[channel] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._channel_locks[channel]
            if users == 1:
                del self._channel_locks[channel]
            else:
                self._channel_locks[channel] = (lock, users - 1)

    @contextlib.asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[AsyncIterator[str]]:  # type: ignore[override]
        queue: asyncio.Queue[Event | None] = asyncio.Queue()
        async with self._channel_lock(channel):
            queues = self._subscribers.setdefault(channel, set())
            first = not queues
            queues.add(queue)
            if first:
                try:
                    await self._backend.subscribe(channel)
                except BaseException:
                    queues.discard(queue)
                    if not queues:
                        del self._subscribers[channel]
                    raise
        try:
            yield _messages(queue)
        finally:
            async with self._channel_lock(channel):
                queues = self._subscribers.get(channel, set())
                queues.discard(queue)
                if not queues:
                    self._subscribers.pop(channel, None)
                    with contextlib.suppress(Exception):
                        await self._backend.unsubscribe(channel)

    async def ping(self) -> bool:
        backend_ping = getattr(self._backend, "ping", None)
        if backend_ping is None:
            return not self._listener_task.done()
        try:
            return await backend_ping()
        except (RedisError, OSError):
            return False


async def _messages(queue: "asyncio.Queue[Event | None]") -> AsyncIterator[str]:
    while True:
        event = await queue.get()
        if event is None:
            return
        yield event.message
