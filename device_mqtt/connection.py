"""The one module that talks to the MQTT broker (aiomqtt 2.x on paho, MQTT v5).

It owns the connection's life: connect, subscribe to every topic filter on every connect (a
broker may have lost the session), reconnect with exponential backoff and full jitter, and
acknowledge a QoS 1 message only when its consumer says so (``InboundMessage.ack``), so a
message whose transaction did not commit is delivered again. Nothing else imports aiomqtt or
paho: swapping the client library is an edit of this file.

aiomqtt 2.5 has no manual-ack option yet (empicano/aiomqtt#345, PR #346); paho-mqtt >= 2 does
(``manual_ack_set`` / ``ack``), and aiomqtt keeps its paho client in ``_client``: the
workaround the aiomqtt maintainers point to until the option lands.
"""

import asyncio
import contextlib
import datetime as dt
import logging
import os
import random
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import aiomqtt
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

logger = logging.getLogger(__name__)

_MIN_DELAY = 0.5
# Beyond this many QoS 0 messages waiting in this process, new ones are dropped (QoS 1 ones are
# bounded by the broker's in-flight window, since they are acked only after processing).
_MAX_QUEUED_INCOMING = 20_000


class LoopSafeClient(aiomqtt.Client):
    """aiomqtt's client, made safe for paho's socket under uvloop. Three ways a connection
    could wedge (it can neither read nor write, never sees the broker leave, and every publish
    times out until the keepalive gives up), all seen under a broker restart:

    * aiomqtt registers paho's socket with the loop through ``call_soon_threadsafe`` (paho may
      call from the connect thread), so the registration runs later, by file descriptor. If the
      socket closed meanwhile, uvloop keeps a dead poll handle for that number, and the next
      socket given the number inherits it. Here a registration runs only while its socket is
      still the client's.
    * aiomqtt leaves closing the socket to paho, which closes it when the client is garbage
      collected: on whichever thread the collector runs, behind the loop's back. Here the
      socket is taken off the loop and closed on the loop's thread whenever the client leaves
      its ``async with`` (also when connecting failed or was cancelled).
    * A reset that arrives with data still unread comes as POLLERR: uvloop runs the reader
      once and then closes the descriptor's poll handle for good, while paho has read a packet
      and sees nothing wrong. Here the reader checks the socket's pending error after reading,
      and a registration refused by such a dead handle is reported as a disconnect too (the
      client's exit then clears the handle), so the connection is replaced at once.

    The callbacks are otherwise aiomqtt 2.5's.
    """

    _released = False

    async def __aenter__(self) -> "LoopSafeClient":
        try:
            return await super().__aenter__()
        except BaseException:
            self._release_socket()
            raise

    async def __aexit__(self, *exc_info: object) -> None:
        try:
            await super().__aexit__(*exc_info)  # type: ignore[arg-type]
        finally:
            self._release_socket()

    def _release_socket(self) -> None:
        self._released = True
        sock = self._client.socket()
        if sock is None:
            return
        self._unregister(sock)
        self._client._sock_close()  # paho's own close: its callbacks, then the socket

    def _unregister(self, sock: socket.socket) -> None:
        # Removing also drops a poll handle uvloop closed after POLLERR.
        fileno = sock.fileno()
        if fileno >= 0:
            self._loop.remove_reader(fileno)
            self._loop.remove_writer(fileno)

    def _broken(self, error: BaseException) -> None:
        if not self._connected.done():  # still connecting: fail now, not at the CONNACK timeout
            self._connected.set_exception(aiomqtt.MqttError(f"the connection broke: {error}"))
        elif not self._disconnected.done():
            self._disconnected.set_exception(error)

    def _on_loop_thread(self) -> bool:
        try:
            return asyncio.get_running_loop() is self._loop
        except RuntimeError:
            return False

    def _on_socket_close(self, client, userdata, sock) -> None:  # noqa: ANN001, ARG002
        # Only the loop's thread may touch its registrations; a socket registered there is
        # always released there first (above), so elsewhere there is nothing left to remove.
        if self._on_loop_thread():
            self._unregister(sock)
        if self._misc_task is not None and not self._misc_task.done():
            self._loop.call_soon_threadsafe(self._misc_task.cancel)

    def _on_socket_unregister_write(self, client, userdata, sock) -> None:  # noqa: ANN001, ARG002
        if self._on_loop_thread() and sock.fileno() >= 0:
            self._loop.remove_writer(sock.fileno())

    def _on_socket_open(self, client, userdata, sock) -> None:  # noqa: ANN001, ARG002
        def read() -> None:
            try:
                while True:
                    client.loop_read()
                    # loop_read() may leave decoded bytes in an SSL socket (paho issue 131).
                    if hasattr(client._sock, "pending") and client._sock.pending() > 0:
                        continue
                    break
                if client.socket() is sock:
                    _raise_pending_error(sock)
            except Exception as exc:  # a broken connection: report it as a disconnect
                self._broken(exc)

        def register() -> None:
            if self._released or client.socket() is not sock:
                return  # closed meanwhile, or the client was left while connecting
            self._register(sock, self._loop.add_reader, read)
            self._misc_task = self._loop.create_task(self._misc_loop())

        self._loop.call_soon_threadsafe(register)

    def _on_socket_register_write(self, client, userdata, sock) -> None:  # noqa: ANN001, ARG002
        def write() -> None:
            try:
                client.loop_write()
            except Exception as exc:  # a broken connection: report it as a disconnect
                self._broken(exc)

        def register() -> None:
            if not self._released and client.socket() is sock:
                self._register(sock, self._loop.add_writer, write)

        self._loop.call_soon_threadsafe(register)

    def _register(self, sock: socket.socket, add: Callable, callback: Callable[[], None]) -> None:
        try:
            add(sock.fileno(), callback)
        except RuntimeError as error:  # uvloop: the descriptor's poll died of POLLERR
            self._broken(aiomqtt.MqttError(f"the connection broke: {error}"))


def _raise_pending_error(sock: socket.socket) -> None:
    """OSError if the socket holds an error not yet reported by a read (a reset that came
    behind data, as POLLERR)."""
    pending = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if pending:
        raise OSError(pending, os.strerror(pending))


class NotConnected(Exception):
    """Publishing while the broker is unreachable; the caller retries after a reconnect."""


@dataclass(frozen=True, slots=True)
class BrokerAddress:
    host: str
    port: int
    username: str | None
    password: str | None

    @classmethod
    def parse(cls, url: str) -> "BrokerAddress":
        """``mqtt://[user:password@]host[:port]``."""
        parts = urlsplit(url)
        if parts.scheme not in ("mqtt", "tcp") or not parts.hostname:
            raise ValueError("An MQTT URL looks like mqtt://user:password@host:1883")
        return cls(
            host=parts.hostname,
            port=parts.port or 1883,
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
        )


def default_client_id() -> str:
    return f"pawgraph-{socket.gethostname()}-{os.getpid()}"[:64]


@dataclass(slots=True, eq=False)
class InboundMessage:
    topic: str
    payload: bytes
    qos: int
    retain: bool
    received_at: dt.datetime
    _ack: Callable[[], None] = field(repr=False)

    def ack(self) -> None:
        """Acknowledge a QoS 1/2 message; a no-op for QoS 0 or after the connection changed
        (the broker then delivers the message again, to us or to another member of the group)."""
        self._ack()


@dataclass(slots=True)
class Outbound:
    topic: str
    payload: bytes
    qos: int = 1
    retain: bool = False
    # MQTT 5 message expiry: the broker drops the message if not delivered in time.
    expiry_seconds: int | None = None


MessageConsumer = Callable[[InboundMessage], Awaitable[None]]
ConnectHook = Callable[[], Awaitable[None]]


class BrokerConnection:
    """A long-lived connection that keeps itself up; ``run()`` until cancelled.

    ``consume`` is awaited for each message in arrival order and must return quickly (hand the
    message to a worker); the worker calls ``message.ack()`` once the message is processed.
    ``on_connect`` runs after every (re)connect and subscription, e.g. to re-send what the
    broker may not have.
    """

    def __init__(
        self,
        address: BrokerAddress,
        *,
        subscriptions: Sequence[str],
        consume: MessageConsumer,
        client_id: str,
        session_expiry: dt.timedelta,
        max_delay: dt.timedelta,
        on_connect: ConnectHook | None = None,
    ) -> None:
        self._address = address
        self._subscriptions = list(subscriptions)
        self._consume = consume
        self._client_id = client_id
        self._session_expiry = int(session_expiry.total_seconds())
        self._max_delay = max(max_delay.total_seconds(), _MIN_DELAY)
        self._on_connect = on_connect
        self._client: aiomqtt.Client | None = None
        self._generation = 0
        self._reached = False
        self._hooks: set[asyncio.Task[None]] = set()
        self._closed = False
        self.connected = asyncio.Event()

    def _new_client(self) -> aiomqtt.Client:
        connect_properties = Properties(PacketTypes.CONNECT)
        connect_properties.SessionExpiryInterval = self._session_expiry
        client = LoopSafeClient(
            self._address.host,
            self._address.port,
            username=self._address.username,
            password=self._address.password,
            identifier=self._client_id,
            protocol=aiomqtt.ProtocolVersion.V5,
            # Resume the broker's session: QoS 1 messages queued while we were away arrive.
            clean_start=False,
            properties=connect_properties,
            keepalive=30,
            timeout=10,
            max_queued_incoming_messages=_MAX_QUEUED_INCOMING,
        )
        client._client.manual_ack_set(True)  # see the module docstring
        return client

    async def run(self) -> None:
        delay = _MIN_DELAY
        while not self._closed:
            self._reached = False
            try:
                await self._serve_once()
            except aiomqtt.MqttError as exc:
                if self._closed:
                    return
                logger.warning(
                    "MQTT broker %s:%s unavailable (%s); reconnecting",
                    self._address.host,
                    self._address.port,
                    exc,
                )
            finally:
                self._client = None
                self.connected.clear()
            if self._reached:  # a connection that worked starts the backoff over
                delay = _MIN_DELAY
            # Full jitter: processes that lost the broker together do not return together.
            await asyncio.sleep(random.uniform(_MIN_DELAY / 2, delay))
            delay = min(delay * 2, self._max_delay)

    async def _serve_once(self) -> None:
        async with self._new_client() as client:
            self._generation += 1
            generation = self._generation
            for topic_filter in self._subscriptions:
                await client.subscribe(topic_filter, qos=1)
            self._client = client
            self._reached = True
            self.connected.set()
            logger.info(
                "MQTT connected to %s:%s as %s, %d subscriptions",
                self._address.host,
                self._address.port,
                self._client_id,
                len(self._subscriptions),
            )
            if self._on_connect is not None:
                # Kept referenced until done: the event loop holds tasks only weakly.
                hook = asyncio.get_running_loop().create_task(self._run_connect_hook())
                self._hooks.add(hook)
                hook.add_done_callback(self._hooks.discard)
            async for message in client.messages:
                await self._consume(self._inbound(client, generation, message))

    async def close(self, drain: Callable[[], Awaitable[None]]) -> None:
        """Leave the share group without losing a message: unsubscribe (the broker gives new
        messages to the other members), let ``drain`` finish and acknowledge what this process
        already received, then disconnect with session expiry 0, so the broker keeps no session
        for it. (Mosquitto keeps handing a disconnected member of a share group its part of the
        messages until its session expires: a session left behind would swallow them.)"""
        client = self._client
        self._closed = True
        if client is None:
            return
        try:
            await client.unsubscribe(self._subscriptions, timeout=5)
            await drain()
            properties = Properties(PacketTypes.DISCONNECT)
            properties.SessionExpiryInterval = 0
            client._client.disconnect(properties=properties)  # see the module docstring
        except aiomqtt.MqttError as exc:
            logger.warning("MQTT: leaving the broker uncleanly: %s", exc)

    async def _run_connect_hook(self) -> None:
        try:
            await self._on_connect()  # type: ignore[misc]
        except Exception:  # a failed hook must not take the connection down
            logger.exception("MQTT on-connect hook failed")

    def _inbound(
        self, client: aiomqtt.Client, generation: int, message: aiomqtt.Message
    ) -> InboundMessage:
        def ack() -> None:
            if message.qos > 0 and generation == self._generation and self._client is client:
                client._client.ack(message.mid, message.qos)  # see the module docstring

        payload = message.payload
        if isinstance(payload, str):
            payload = payload.encode()
        elif not isinstance(payload, bytes | bytearray):
            payload = b"" if payload is None else str(payload).encode()
        return InboundMessage(
            topic=message.topic.value,
            payload=bytes(payload),
            qos=message.qos,
            retain=bool(message.retain),
            received_at=dt.datetime.now(dt.UTC),
            _ack=ack,
        )

    async def publish(self, outbound: Outbound, *, timeout: float = 10.0) -> None:
        """Publish and, for QoS 1, wait for the broker's PUBACK; NotConnected if it is away."""
        client = self._client
        if client is None:
            raise NotConnected("not connected to the MQTT broker")
        properties = None
        if outbound.expiry_seconds is not None:
            properties = Properties(PacketTypes.PUBLISH)
            properties.MessageExpiryInterval = max(1, int(outbound.expiry_seconds))
        try:
            await client.publish(
                outbound.topic,
                outbound.payload,
                qos=outbound.qos,
                retain=outbound.retain,
                properties=properties,
                timeout=timeout,
            )
        except aiomqtt.MqttError as exc:
            raise NotConnected(str(exc)) from exc


@contextlib.asynccontextmanager
async def one_shot_client(address: BrokerAddress, client_id: str):
    """A short-lived, clean-session client for request/response exchanges (broker admin):
    yields ``(publish, messages)``: ``publish(topic, payload)`` at QoS 1, ``messages`` an async
    iterator of ``(topic, payload)``, and ``subscribe(filter)``."""
    client = LoopSafeClient(
        address.host,
        address.port,
        username=address.username,
        password=address.password,
        identifier=client_id,
        protocol=aiomqtt.ProtocolVersion.V5,
        clean_start=True,
        timeout=10,
    )
    try:
        async with client:
            yield _OneShot(client)
    except aiomqtt.MqttError as exc:
        raise NotConnected(str(exc)) from exc


class _OneShot:
    def __init__(self, client: aiomqtt.Client) -> None:
        self._client = client

    async def subscribe(self, topic_filter: str) -> None:
        await self._client.subscribe(topic_filter, qos=1)

    async def publish(self, topic: str, payload: bytes) -> None:
        await self._client.publish(topic, payload, qos=1)

    async def next_message(self, timeout: float) -> tuple[str, bytes]:
        async with asyncio.timeout(timeout):
            async for message in self._client.messages:
                payload = message.payload
                return message.topic.value, payload if isinstance(payload, bytes) else b""
        raise NotConnected("the broker closed the connection")
