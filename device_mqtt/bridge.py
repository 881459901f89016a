"""The MQTT front door of one process: device messages in, device messages out.

In: each message is routed (``router.Router``) and handled in one unit of work; a QoS 1
message is acknowledged to the broker only after that transaction committed, and a message
with a dedupe key is processed at most once (the key is recorded in the same transaction).
While the database is unavailable a message waits for it, however long, unacknowledged.
Messages of one device are handled in arrival order (one lane per device id, hashed), messages
of different devices in parallel.

Out: the router's sweeps claim what must go to devices (in a transaction) and the bridge
publishes it after the commit: on every (re)connect, every ``SWEEP_INTERVAL``, and at once when
a service publishes on ``events.DEVICE_OUTBOX_CHANNEL``.

Several processes run a bridge at once: device topics are shared subscriptions
(``$share/<group>/devices/+/...``), so the broker gives each message to one of them.
"""

import asyncio
import contextlib
import datetime as dt
import logging
import random

from device_mqtt.connection import (
    BrokerAddress,
    BrokerConnection,
    InboundMessage,
    NotConnected,
    Outbound,
    default_client_id,
)
from device_mqtt.router import DeviceMessage, MessageRejected, Route, Router
from graphql_api import events
from graphql_api.db import utcnow
from graphql_api.devices import service as devices_service
from graphql_api.errors import DomainError, ServiceUnavailable
from graphql_api.state import AppState
from graphql_api.unit_of_work import unit_of_work

logger = logging.getLogger(__name__)

LANES = 8
SWEEP_INTERVAL = 2.0
RECEIPT_PRUNE_INTERVAL = 600.0
DRAIN_TIMEOUT = 10.0
# A handler failing for a reason other than its input or the database being away (a bug, a
# deadlock) is tried this many times before the message is dropped, so one poisonous message
# cannot stall its lane forever.
_ATTEMPTS = 5
# How often a message waiting for the database tries again (with jitter: up to this).
UNAVAILABLE_RETRY_S = 1.0


class DeviceBridge:
    def __init__(self, state: AppState, router: Router) -> None:
        settings = state.settings
        if settings.mqtt_url is None:
            raise ValueError("PAWGRAPH_MQTT_URL is not set")
        self._state = state
        self._router = router
        group = settings.mqtt_share_group
        self.connection = BrokerConnection(
            BrokerAddress.parse(settings.mqtt_url.get_secret_value()),
            subscriptions=[f"$share/{group}/{topic}" for topic in router.topic_filters()],
            consume=self._consume,
            client_id=settings.mqtt_client_id or default_client_id(),
            session_expiry=settings.mqtt_session_expiry,
            max_delay=settings.mqtt_reconnect_max_delay,
            on_connect=self._on_connect,
        )
        self._lanes: list[asyncio.Queue[InboundMessage]] = [
            asyncio.Queue(maxsize=256) for _ in range(LANES)
        ]
        self._wake = asyncio.Event()
        self._resend_all = False
        self._tasks: list[asyncio.Task[None]] = []
        # Messages this process handled (committed), skipped as already processed, or dropped
        # (malformed, refused by a service, or failing every attempt): /healthz shows them.
        self.counts = {"handled": 0, "duplicates": 0, "dropped": 0}

    # ---- life ---------------------------------------------------------------------------------

    def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._tasks = [
            loop.create_task(self.connection.run(), name="mqtt-connection"),
            loop.create_task(self._sweep_forever(), name="mqtt-sweeps"),
            loop.create_task(self._listen_for_outbox(), name="mqtt-outbox"),
            loop.create_task(self._prune_forever(), name="mqtt-receipts"),
            *(
                loop.create_task(self._work_lane(lane), name=f"mqtt-lane-{index}")
                for index, lane in enumerate(self._lanes)
            ),
        ]

    async def stop(self) -> None:
        await self.connection.close(self._drain)
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []

    async def publish(self, outbound: Outbound) -> None:
        await self.connection.publish(outbound)

    def health(self) -> dict[str, object]:
        connected = self.connection.connected.is_set()
        return {"broker": "connected" if connected else "reconnecting", **self.counts}

    # ---- in -----------------------------------------------------------------------------------

    async def _consume(self, message: InboundMessage) -> None:
        device_part = message.topic.split("/", 2)[1] if message.topic.count("/") >= 2 else ""
        await self._lanes[hash(device_part) % LANES].put(message)

    async def _work_lane(self, lane: "asyncio.Queue[InboundMessage]") -> None:
        while True:
            message = await lane.get()
            try:
                await self.handle(message)
            except Exception:  # never let one message end the lane
                logger.exception("MQTT message on %s failed", message.topic)
            finally:
                lane.task_done()

    async def _drain(self) -> None:
        """Wait (at most DRAIN_TIMEOUT) until every message received so far is handled."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(DRAIN_TIMEOUT):
                for lane in self._lanes:
                    await lane.join()

    async def handle(self, message: InboundMessage) -> None:
        """Process one message and acknowledge it; see the module docstring."""
        try:
            resolved = self._router.resolve(message.topic, message.payload)
        except MessageRejected as exc:
            logger.warning("MQTT message dropped: %s", exc)
            message.ack()
            self.counts["dropped"] += 1
            return
        if resolved is None:
            message.ack()
            return
        route, device_id, subtopic, payload = resolved
        device_message = DeviceMessage(
            device_id=device_id,
            subtopic=subtopic,
            payload=payload,
            retain=message.retain,
            received_at=message.received_at,
        )
        outcome, outbound = await self._run_handler(route, device_message, message.topic)
        message.ack()
        self.counts["dropped" if outcome == "refused" else outcome] += 1
        receipt = route.receipt(device_message) if route.receipt and outcome != "dropped" else None
        await self._send([*outbound, receipt] if receipt else outbound)

    async def _run_handler(
        self, route: Route, message: DeviceMessage, topic: str
    ) -> tuple[str, list[Outbound]]:
        """(outcome, messages to publish): "handled", "duplicates", "refused" (invalid: it will
        never be handled) or "dropped" (failed every attempt: the device may send it again)."""
        failures = 0
        waited = False
        while True:
            try:
                async with unit_of_work(self._state) as session:
                    if not await self._first_time(session, route, message):
                        return "duplicates", []
                    outbound = list(await route.handler(session, self._state, message) or ())
                return "handled", outbound
            except ServiceUnavailable:
                # The database away is no verdict on the message. Refusing it would receipt a
                # reading never stored, dropping it would lose an edge agent's report (sent
                # once): it waits, unacknowledged, for the database to return. Its lane waits
                # with it, and the broker keeps what arrives meanwhile.
                if not waited:  # once per message, not once a second per lane
                    logger.warning("MQTT message on %s waits for the database", topic)
                    waited = True
                await asyncio.sleep(UNAVAILABLE_RETRY_S * random.uniform(0.5, 1.0))
            except (MessageRejected, DomainError) as exc:
                logger.warning("MQTT message on %s refused: %s", topic, exc)
                return "refused", []
            except Exception:
                failures += 1
                if failures == _ATTEMPTS:
                    logger.exception("MQTT message on %s dropped after %d tries", topic, failures)
                    return "dropped", []
                logger.warning("MQTT message on %s failed (attempt %d); retrying", topic, failures)
                await asyncio.sleep(min(0.2 * 2**failures, 5.0) * random.uniform(0.5, 1.0))

    @staticmethod
    async def _first_time(session, route: Route, message: DeviceMessage) -> bool:
        key = route.dedupe(message.payload) if route.dedupe is not None else None
        if key is None:
            return True
        return await devices_service.claim_message(
            session, message.device_id, f"{message.subtopic}:{key}", message.received_at
        )

    # ---- out ----------------------------------------------------------------------------------

    async def _on_connect(self) -> None:
        self._resend_all = True
        self._wake.set()

    async def _listen_for_outbox(self) -> None:
        while True:
            try:
                async with self._state.bus.subscribe(events.DEVICE_OUTBOX_CHANNEL) as wakeups:
                    async for _ in wakeups:
                        self._wake.set()
            except Exception:  # the bus away: the periodic sweep still runs
                logger.exception("MQTT outbox listener lost the event bus; resubscribing")
            await asyncio.sleep(1.0)

    async def _sweep_forever(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(SWEEP_INTERVAL):
                    await self._wake.wait()
            self._wake.clear()
            if not self.connection.connected.is_set():
                continue
            reconnected, self._resend_all = self._resend_all, False
            try:
                await self.sweep(reconnected=reconnected)
            except Exception:
                self._resend_all = self._resend_all or reconnected
                logger.exception("MQTT outbox sweep failed")

    async def sweep(self, *, reconnected: bool = False) -> None:
        for sweep in self._router.sweeps:
            async with unit_of_work(self._state) as session:
                outbound = list(await sweep(session, self._state, utcnow(), reconnected))
            await self._send(outbound)

    async def _send(self, outbound: list[Outbound]) -> None:
        for message in outbound:
            try:
                await self.connection.publish(message)
            except NotConnected as exc:
                # Claimed but not sent: the sweep after the reconnect sends it again.
                logger.warning("MQTT publish to %s deferred: %s", message.topic, exc)
                self._resend_all = True

    async def _prune_forever(self) -> None:
        while True:
            await asyncio.sleep(RECEIPT_PRUNE_INTERVAL)
            try:
                async with unit_of_work(self._state) as session:
                    await devices_service.prune_message_receipts(session, utcnow())
            except Exception:
                logger.exception("pruning device message receipts failed")


def message_expiry(expires_at: dt.datetime, now: dt.datetime) -> int:
    """Seconds until ``expires_at``, at least 1: the MQTT 5 message expiry of a command."""
    return max(1, int((expires_at - now).total_seconds()))
