"""The pub/sub bus behind live events: Redis (``redis://``) or in-process (``memory://``).

It keeps broadcaster's backend interface (``broadcaster`` is pinned in pyproject.toml) and its
in-memory backend, and does the rest itself, because each of these failed in production use:

* two first subscribers of a channel arriving together raced (the second overwrote the first's
  queue): :class:`EventBus` registers the subscription before awaiting the backend, under a
  per-channel lock;
* broadcaster's Redis listener could exit while a ``SUBSCRIBE`` was in flight, and ``subscribe``
  returned before Redis confirmed: :class:`RedisBackend` reads the connection continuously and
  ``subscribe`` returns only once Redis confirmed, so whatever is published afterwards arrives;
* every subscriber had an unbounded queue, so a client that stopped reading grew the process
  until a ping timeout: each queue now holds ``subscriber_queue_size`` events, and a subscriber
  whose queue is full is dropped (logged, :class:`SubscriberLagging`, and its ``on_lagging``
  callback closes its websocket);
* a Redis outage was silent: a subscription that was running when the connection broke (Redis
  gone, or Redis cutting it and redis-py reconnecting at once) ends with
  :class:`EventsMissed` (code ``RESYNC``: refetch, then subscribe again), and a new one
  during the outage fails with :class:`EventsUnavailable` (``SERVICE_UNAVAILABLE``) once the
  reader, asked to try Redis at once, still cannot reach it.

Publishing after a commit never raises (:meth:`EventBus.publish_committed`): the unit of work
keeps what the bus did not take in the outbox (``graphql_api.outbox``).
"""

import asyncio
import contextlib
import logging
import time
from collections import Counter, deque
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Any
from urllib.parse import urlparse

from broadcaster import Event
from broadcaster._backends.base import BroadcastBackend
from broadcaster._backends.memory import MemoryBackend
from redis import asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import RedisError

from graphql_api import metrics
from graphql_api.events.errors import EventsMissed, EventsUnavailable, SubscriberLagging

logger = logging.getLogger(__name__)

_SUBSCRIBE_CONFIRM_TIMEOUT_S = 5.0
# After a failed publish, later events of the next second go straight to the outbox instead of
# each waiting for its own failure: an outage costs requests no latency.
_PUBLISH_PAUSE_AFTER_FAILURE_S = 1.0
_BUS_ERRORS = (RedisError, OSError, ConnectionError, TimeoutError)
# While the connection is down the reader tries Redis again every this many seconds ...
_RECONNECT_PAUSE_S = 0.5
# ... and a new subscriber waits at most this long for the attempt it asked for: a connect
# (socket_connect_timeout 2 s) and the first read after it (up to 1 s without messages).
_RECOVERY_WAIT_S = 3.5

# Subscribers handed an event before the listener lets the rest of the loop run (see _listen).
FAN_OUT_CHUNK = 32

# ARGV: channel, message, channel, message, ...
_PUBLISH_ALL = "for i = 1, #ARGV, 2 do redis.call('PUBLISH', ARGV[i], ARGV[i + 1]) end"

# What RedisBackend hands the bus when its connection broke: events may have been lost.
CONNECTION_INTERRUPTED = Event(channel="", message="")


class RedisBackend(BroadcastBackend):
    """Redis pub/sub whose ``subscribe`` waits for Redis to confirm, and which reports when its
    connection broke (:data:`CONNECTION_INTERRUPTED`), also when redis-py re-established it
    without an error."""

    def __init__(self, url: str) -> None:
        # One retry after a short pause: a pooled connection Redis closed while it was away is
        # replaced on the retry (no error after Redis returns); an outage fails fast.
        self._redis = aioredis.Redis.from_url(
            url,
            socket_connect_timeout=2.0,
            socket_timeout=5.0,
            health_check_interval=15,
            retry=Retry(ExponentialBackoff(cap=0.2, base=0.05), retries=1),
        )
        self._pubsub = self._redis.pubsub()
        self._publish_script = self._redis.register_script(_PUBLISH_ALL)
        self._published: asyncio.Queue[Event] = asyncio.Queue()
        self._confirmations: dict[str, asyncio.Event] = {}
        self._reader: asyncio.Task[None] | None = None
        # True from a failed read until a read succeeds again.
        self.interrupted = False
        # Set by a subscriber arriving during an interruption: the reader tries Redis now
        # instead of at the end of its pause; each attempt then sets ``_attempt_ended``.
        self._try_now = asyncio.Event()
        self._attempt_ended = asyncio.Event()

    async def connect(self) -> None:
        await self._redis.ping()
        await self._pubsub.connect()
        self._pubsub.connection.register_connect_callback(self._on_pubsub_reconnected)
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
        try:
            await self._pubsub.subscribe(channel)
            await asyncio.wait_for(confirmed.wait(), _SUBSCRIBE_CONFIRM_TIMEOUT_S)
        except BaseException:
            self._confirmations.pop(channel, None)
            raise

    async def unsubscribe(self, channel: str) -> None:
        self._confirmations.pop(channel, None)
        if self.interrupted:
            # Not now: this would connect the pub/sub connection while the reader reconnects
            # it, two coroutines reading one handshake (redis-py raised RuntimeError in the
            # reader). Once reconnected, the reader drops the channel (_drop_abandoned_channels).
            return
        await self._pubsub.unsubscribe(channel)

    async def publish(self, channel: str, message: Any) -> None:
        await self._redis.publish(channel, message)

    async def publish_many(self, messages: Sequence[tuple[str, str]]) -> None:
        """Every ``(channel, message)`` in one command: a script that publishes each in turn
        (a pipeline costs redis-py a command to pack and a reply to parse per message)."""
        arguments = [part for channel_message in messages for part in channel_message]
        await self._publish_script(args=arguments)

    async def next_published(self) -> Event:
        return await self._published.get()

    async def ping(self) -> bool:
        return bool(await self._redis.ping())

    async def recovered(self) -> bool:
        """Whether the connection is up, after asking an interrupted reader to try Redis at once:
        a subscriber arriving just after Redis returned is served, not refused until the
        reader's next scheduled attempt."""
        if not self.interrupted:
            return True
        attempt = self._attempt_ended
        self._try_now.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(attempt.wait(), _RECOVERY_WAIT_S)
        return not self.interrupted

    async def _read_forever(self) -> None:
        while True:
            try:
                message = await self._pubsub.get_message(timeout=1.0)
            except _BUS_ERRORS as exc:
                # redis-py reconnects and re-subscribes on the next read; don't spin meanwhile.
                if not self.interrupted:
                    logger.warning("redis pub/sub connection lost, reconnecting: %s", exc)
                await self._interrupted()
                continue
            except Exception:
                # Anything else leaves the connection in a state nobody knows, and a reader
                # that stopped here would deliver nothing ever again while the bus still took
                # subscribers: start over on a new connection instead.
                logger.exception("redis pub/sub reader failed: reconnecting")
                with contextlib.suppress(Exception):
                    await self._pubsub.connection.disconnect()
                await self._interrupted()
                continue
            if self.interrupted:
                self.interrupted = False
                logger.warning("redis pub/sub connection restored")
                self._end_attempt()
                await self._drop_abandoned_channels()
            if message is None:
                continue
            channel = _decode(message["channel"])
            if message["type"] == "subscribe":
                confirmed = self._confirmations.get(channel)
                if confirmed is not None:
                    confirmed.set()
            elif message["type"] == "message":
                await self._published.put(Event(channel=channel, message=_decode(message["data"])))

    def _on_pubsub_reconnected(self, connection: object) -> None:
        # Redis can cut the connection and stay up: a subscriber over its pub/sub output
        # buffer limit (deploy/redis/pawgraph.conf), CLIENT KILL, an idle cut on the way, a
        # quick restart. redis-py then reconnects and re-subscribes inside the read, which goes
        # on without an error, and what was published meanwhile is gone. Every connection after
        # the first is such a gap, unless a failed read already reported it.
        if not self.interrupted:
            logger.warning("redis pub/sub connection was cut and re-established")
            self._published.put_nowait(CONNECTION_INTERRUPTED)

    async def _interrupted(self) -> None:
        if not self.interrupted:
            self.interrupted = True
            await self._published.put(CONNECTION_INTERRUPTED)
        self._end_attempt()
        await self._pause_before_reconnecting()

    def _end_attempt(self) -> None:
        self._attempt_ended.set()
        self._attempt_ended = asyncio.Event()

    async def _pause_before_reconnecting(self) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._try_now.wait(), _RECONNECT_PAUSE_S)
        self._try_now.clear()

    async def _drop_abandoned_channels(self) -> None:
        """redis-py re-subscribes every channel it knew on reconnect, including those whose
        subscribers left during the outage (their UNSUBSCRIBE failed): drop those again."""
        abandoned = [
            channel
            for channel in self._pubsub.channels
            if _decode(channel) not in self._confirmations
        ]
        if abandoned:
            with contextlib.suppress(*_BUS_ERRORS):
                await self._pubsub.unsubscribe(*abandoned)


def _decode(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


class Subscription:
    """One subscriber's bounded queue, iterated as the channel's messages (strings).

    Ends by raising the error it was ended with (lagging, or events missed).

    Not an ``asyncio.Queue``: that holds three deques (~2.2 KB) from the start, for every idle
    subscriber. This one has one reader, so it keeps a deque only while messages wait and at
    most one future while its reader waits.

    ``map(function)`` has the reader read ``function(message)`` for each message.

    ``deliver_directly``, when its reader sets one, is offered each message that arrives while
    the reader waits with nothing queued: a message it takes (returns True) is delivered, past
    the reader. One it declines is queued, and so is everything after it until the reader has
    caught up, so the reader's consumer sees the messages in order either way."""

    __slots__ = (
        "_channel",
        "_ended",
        "_mapped",
        "_on_lagging",
        "_queued",
        "_size",
        "_waiter",
        "deliver_directly",
    )

    def __init__(self, size: int, on_lagging: Callable[[], None] | None, channel: str) -> None:
        self._channel = channel  # unprefixed, for metrics
        self._size = size
        self._queued: deque[str] | None = None
        self._waiter: asyncio.Future[None] | None = None
        self._ended: Exception | None = None
        self._on_lagging = on_lagging
        self._mapped: Callable[[str], Any] | None = None
        self.deliver_directly: Callable[[str], bool] | None = None

    def map(self, function: Callable[[str], Any]) -> None:
        # An attribute, not a generator around this one: a subscriber keeps its generators
        # suspended for as long as it lives (~0.5 KB each).
        self._mapped = function

    def offer(self, message: str) -> bool:
        """Queue ``message``; False when the queue is full (the subscriber lags)."""
        if self._ended is not None:
            return True
        if self._queued is None:
            if self._taken_directly(message):
                return True
            self._queued = deque()
        elif len(self._queued) >= self._size:
            return False
        self._queued.append(message)
        self._wake_reader()
        return True

    def _taken_directly(self, message: str) -> bool:
        deliver = self.deliver_directly
        waiter = self._waiter
        if deliver is None or waiter is None or waiter.done() or not deliver(message):
            return False
        metrics.event_delivered(self._channel)
        return True

    def end(self, error: Exception) -> None:
        """Drop what is queued and end the stream with ``error`` at the subscriber's next read."""
        if self._ended is not None:
            return
        self._ended = error
        self._queued = None
        self._wake_reader()

    def lagged(self) -> None:
        self.end(SubscriberLagging())
        if self._on_lagging is not None:
            self._on_lagging()

    def _wake_reader(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    def __aiter__(self) -> "Subscription":
        return self

    async def __anext__(self) -> Any:
        while True:
            if self._ended is not None:
                raise self._ended
            if self._queued:
                message = self._queued.popleft()
                if not self._queued:
                    self._queued = None
                metrics.event_delivered(self._channel)
                return message if self._mapped is None else self._mapped(message)
            self._waiter = asyncio.get_running_loop().create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None


class Listener:
    """A channel's messages handed to a callback, on the bus's listener, as they arrive: for a
    watcher that only reacts to a rare message (a websocket's session watch). It needs no task
    of its own waiting on a queue for hours (~4 KB per websocket, tracemalloc) and never
    lags. The callback must not block; one that raises is logged and keeps listening."""

    __slots__ = ("_channel", "_ended", "_on_end", "_on_message")

    def __init__(
        self,
        on_message: Callable[[str], None],
        on_end: Callable[[Exception], None],
        channel: str,
    ) -> None:
        self._channel = channel  # unprefixed, for logs
        self._on_message = on_message
        self._on_end = on_end
        self._ended: Exception | None = None

    def offer(self, message: str) -> bool:
        if self._ended is None:
            try:
                self._on_message(message)
            except Exception:
                logger.exception("a listener of %s failed on a message", self._channel)
        return True

    def end(self, error: Exception) -> None:
        """No more messages: the bus connection broke (some may have been missed)."""
        if self._ended is not None:
            return
        self._ended = error
        self._on_end(error)

    def lagged(self) -> None:  # pragma: no cover - offer never refuses
        pass


class EventBus:
    """Publish and subscribe by channel name; names get the deployment's prefix here."""

    def __init__(self, url: str, *, channel_prefix: str = "", queue_size: int = 1000) -> None:
        scheme = urlparse(url).scheme
        if scheme in ("redis", "rediss"):
            self._backend: BroadcastBackend = RedisBackend(url)
        elif scheme == "memory":
            self._backend = MemoryBackend(url)
        else:
            raise ValueError(f"Unsupported PAWGRAPH_BROADCAST_URL scheme: {scheme!r}")
        # Every channel on the backend carries this prefix; callers name channels without it.
        self._prefix = channel_prefix
        self._queue_size = queue_size
        self._subscribers: dict[str, set[Subscription | Listener]] = {}
        self._listener_task: asyncio.Task[None] | None = None
        self._publish_paused_until = 0.0
        # Counters for operators and tests: events the backend did not take after their commit,
        # subscribers dropped for lagging, subscriptions ended because the bus was interrupted.
        self.failed_publishes = 0
        self.dropped_lagging = 0
        self.resyncs = 0
        # channel -> (lock, number of coroutines using it); dropped at zero so a long-running
        # process does not keep a lock for every channel it ever served.
        self._channel_locks: dict[str, tuple[asyncio.Lock, int]] = {}
        # channel (unprefixed) -> callbacks told of this process's committed events at once.
        self._committed_callbacks: dict[str, list[Callable[[str], None]]] = {}

    async def connect(self) -> None:
        await self._backend.connect()
        self._listener_task = asyncio.create_task(self._listen(), name="event-bus-listener")

    async def disconnect(self) -> None:
        if self._listener_task is not None:
            self._listener_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener_task
        await self._backend.disconnect()

    @property
    def subscriptions(self) -> int:
        """Live subscriptions in this process (for /healthz)."""
        return sum(len(subscriptions) for subscriptions in self._subscribers.values())

    @property
    def interrupted(self) -> bool:
        return bool(getattr(self._backend, "interrupted", False))

    async def _listen(self) -> None:
        while True:
            event = await self._backend.next_published()
            if event is CONNECTION_INTERRUPTED:
                self._tell_everyone_to_resync()
                continue
            subscriptions = tuple(self._subscribers.get(event.channel, ()))
            for start in range(0, len(subscriptions), FAN_OUT_CHUNK):
                if start:
                    # Each subscriber woken is a step of its own in the loop's next round, and
                    # a request's every await waits for that round: a chunk at a time, a
                    # device's request on this process waits for one chunk, not the whole
                    # fan-out (bench/fanout.py at 10,000 subscribers: no hub POST answered
                    # within 5 s before, p99 45 ms after).
                    await asyncio.sleep(0)
                current = self._subscribers.get(event.channel, ())
                for subscription in subscriptions[start : start + FAN_OUT_CHUNK]:
                    if subscription in current:  # not one that left while the loop ran
                        self._offer(subscription, event)

    def _offer(self, subscription: "Subscription | Listener", event: Event) -> None:
        if not subscription.offer(event.message):
            self.dropped_lagging += 1
            logger.warning(
                "dropping a lagging subscriber of %s: %d events queued",
                event.channel,
                self._queue_size,
            )
            subscription.lagged()

    def _tell_everyone_to_resync(self) -> None:
        subscriptions = [s for channel in self._subscribers.values() for s in channel]
        for subscription in subscriptions:
            subscription.end(EventsMissed())
        self.resyncs += len(subscriptions)
        logger.warning(
            "bus connection interrupted: %d subscriptions told to RESYNC", len(subscriptions)
        )

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

    async def publish(self, channel: str, message: Any) -> None:
        await self._backend.publish(self._prefix + channel, message)
        metrics.event_published(channel)

    def on_committed(self, channel: str, callback: Callable[[str], None]) -> None:
        """Call ``callback(message)`` for every event this process commits on ``channel``,
        before it is sent and whether or not the bus takes it: what must hold in this process
        right after the commit (a revoked token refused) does not wait for the round trip."""
        self._committed_callbacks.setdefault(channel, []).append(callback)

    async def publish_committed(self, committed: Sequence[tuple[str, str]]) -> bool:
        """Publish the events ``(channel, message)`` of a write that already committed, in one
        round trip; False (logged and counted, never raised) when the bus did not take them,
        because the caller's change is durable whatever happens here: the caller keeps them in
        the outbox. (Some may have reached the bus before it failed: delivery is at least
        once.) Within a second of a failure, does not try again."""
        for channel, message in committed:
            for callback in self._committed_callbacks.get(channel, ()):
                callback(message)
        if time.monotonic() < self._publish_paused_until:
            self.failed_publishes += len(committed)
            return False
        try:
            await self._publish_all(committed)
        except _BUS_ERRORS as error:
            self._publish_paused_until = time.monotonic() + _PUBLISH_PAUSE_AFTER_FAILURE_S
            self.failed_publishes += len(committed)
            channels = sorted({channel for channel, _ in committed})
            logger.warning("events on %s not published (bus unreachable): %s", channels, error)
            return False
        return True

    async def _publish_all(self, committed: Sequence[tuple[str, str]]) -> None:
        if len(committed) > 1 and isinstance(self._backend, RedisBackend):
            await self._backend.publish_many(
                [(self._prefix + channel, message) for channel, message in committed]
            )
            # Counted per channel: a group commit sends many events on a few channels.
            for channel, count in Counter(channel for channel, _ in committed).items():
                metrics.event_published(channel, count)
            return
        for channel, message in committed:
            await self.publish(channel, message)

    @contextlib.asynccontextmanager
    async def subscribe(
        self, channel: str, *, on_lagging: Callable[[], None] | None = None
    ) -> AsyncIterator[Subscription]:
        """The channel's messages from now on. Raises :class:`EventsUnavailable` when the bus
        is unreachable; the stream ends with :class:`EventsMissed` if the bus connection breaks,
        and with :class:`SubscriberLagging` (after calling ``on_lagging``) if the subscriber
        falls ``queue_size`` events behind."""
        subscription = Subscription(self._queue_size, on_lagging, channel)
        await self._add(channel, subscription)
        try:
            yield subscription
        finally:
            await self._remove(channel, subscription)

    async def listen(
        self,
        channel: str,
        on_message: Callable[[str], None],
        *,
        on_end: Callable[[Exception], None],
    ) -> Listener:
        """Call ``on_message(message)`` for each of the channel's messages from now on, until
        :meth:`stop_listening`; ``on_end(EventsMissed())`` if the bus connection breaks, after
        which nothing more is delivered. Raises :class:`EventsUnavailable` as ``subscribe``."""
        listener = Listener(on_message, on_end, channel)
        await self._add(channel, listener)
        return listener

    async def stop_listening(self, channel: str, listener: Listener) -> None:
        await self._remove(channel, listener)

    async def _add(self, named: str, subscriber: Subscription | Listener) -> None:
        if isinstance(self._backend, RedisBackend) and not await self._backend.recovered():
            raise EventsUnavailable()
        channel = self._prefix + named
        async with self._channel_lock(channel):
            subscribers = self._subscribers.setdefault(channel, set())
            first = not subscribers
            subscribers.add(subscriber)
            if first:
                try:
                    await self._backend.subscribe(channel)
                except BaseException as error:
                    subscribers.discard(subscriber)
                    if not subscribers:
                        del self._subscribers[channel]
                    if isinstance(error, _BUS_ERRORS):
                        logger.warning(
                            "subscription to %s refused: bus unreachable: %s", channel, error
                        )
                        raise EventsUnavailable() from error
                    raise
        metrics.subscription_opened(named)

    async def _remove(self, named: str, subscriber: Subscription | Listener) -> None:
        metrics.subscription_closed(named)
        channel = self._prefix + named
        async with self._channel_lock(channel):
            subscribers = self._subscribers.get(channel, set())
            subscribers.discard(subscriber)
            if not subscribers:
                self._subscribers.pop(channel, None)
                with contextlib.suppress(Exception):
                    await self._backend.unsubscribe(channel)

    async def ping(self) -> bool:
        backend_ping = getattr(self._backend, "ping", None)
        if backend_ping is None:
            return self._listener_task is not None and not self._listener_task.done()
        try:
            return await backend_ping()
        except _BUS_ERRORS:
            return False
