"""The MQTT front door of one process: device messages in, device messages out.

In: each message is routed (``router.Router``) and handled in one unit of work; a QoS 1
message is acknowledged to the broker only after that transaction committed, and a message
with a dedupe key is processed at most once (the key is recorded in the same transaction).
While the database is unavailable a message waits for it, however long, unacknowledged.
Messages of one device are handled in arrival order (one lane per device id, hashed), messages
of different devices in parallel; one tried again after a failure holds its device's later
messages back until it is settled (``group_commit.HeldBehind``). A batch route's messages
that the lanes hand over while a batch of them is being written share the next unit of work
(a ``GroupCommit``): one dedupe claim for all, the route's handler for the first-timers, one
commit, then each acknowledged.

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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

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
from graphql_api.events.errors import EventsMissed, EventsUnavailable
from graphql_api.group_commit import GroupCommit, HeldBehind, Refused, process_group
from graphql_api.state import AppState
from graphql_api.unit_of_work import unit_of_work

logger = logging.getLogger(__name__)

LANES = 8
# Messages a lane takes from its queue at once: a batch route's among them share a batch.
LANE_BATCH = 64
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
            messages = [await lane.get()]
            while len(messages) < LANE_BATCH and not lane.empty():
                messages.append(lane.get_nowait())
            try:
                await self.handle(messages)
            except Exception:  # never let a message end the lane
                logger.exception("MQTT messages on %s failed", messages[0].topic)
            finally:
                for _ in messages:
                    lane.task_done()

    async def _drain(self) -> None:
        """Wait (at most DRAIN_TIMEOUT) until every message received so far is handled."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(DRAIN_TIMEOUT):
                for lane in self._lanes:
                    await lane.join()

    async def handle(self, messages: Sequence[InboundMessage]) -> None:
        """Process messages of one lane in arrival order and acknowledge each; see the module
        docstring. Consecutive messages of batch routes are submitted together, so they share
        a batch in the order they came."""
        together: list[_Routed] = []
        for message in messages:
            routed = self._routed(message)
            if routed is not None and routed.route.batch is not None:
                together.append(routed)
                continue
            await self._handle_logged(together)
            together = []
            if routed is not None:
                await self._handle_logged([routed])
        await self._handle_logged(together)

    def _routed(self, message: InboundMessage) -> "_Routed | None":
        """The message with its route, parsed; None (acknowledged) if no route takes it."""
        try:
            resolved = self._router.resolve(message.topic, message.payload)
        except MessageRejected as exc:
            logger.warning("MQTT message dropped: %s", exc)
            message.ack()
            self.counts["dropped"] += 1
            return None
        if resolved is None:
            message.ack()
            return None
        route, device_id, subtopic, payload = resolved
        device_message = DeviceMessage(
            device_id=device_id,
            subtopic=subtopic,
            payload=payload,
            retain=message.retain,
            received_at=message.received_at,
        )
        return _Routed(message, route, device_message)

    async def _handle_logged(self, routed: "list[_Routed]") -> None:
        if not routed:
            return
        try:
            await self._handle_in_order(routed)
        except Exception:  # nor the messages after it in the lane
            logger.exception("MQTT message on %s failed", routed[0].inbound.topic)

    async def _handle_in_order(self, routed: "list[_Routed]") -> None:
        """Try every message of ``routed`` at once (one, or a run of a batch route's) and
        finish each as its outcome comes: "handled", "duplicates", "refused" (invalid: it will
        never be handled) or "dropped" (failed every attempt: the device may send it again).
        The ones to try again go again together, in their order."""
        failures = 0
        waited = False
        while routed:
            results = await asyncio.gather(
                *(self._attempt(item) for item in routed), return_exceptions=True
            )
            again: list[_Routed] = []
            failed = False
            for item, result in zip(routed, results, strict=True):
                topic = item.inbound.topic
                if isinstance(result, ServiceUnavailable | HeldBehind):
                    # Held behind its device's earlier message: it goes again after it, and
                    # its blocker's failure is not counted as its own.
                    again.append(item)
                elif isinstance(result, MessageRejected | DomainError):
                    logger.warning("MQTT message on %s refused: %s", topic, result)
                    await self._finish(item, "refused", [])
                elif isinstance(result, Exception):
                    if failures + 1 < _ATTEMPTS:
                        logger.warning(
                            "MQTT message on %s failed (attempt %d); retrying", topic, failures + 1
                        )
                        again.append(item)
                        failed = True
                        continue
                    logger.error(
                        "MQTT message on %s dropped after %d tries",
                        topic,
                        _ATTEMPTS,
                        exc_info=result,
                    )
                    await self._finish(item, "dropped", [])
                elif isinstance(result, BaseException):  # cancelled: the bridge is stopping
                    raise result
                else:
                    await self._finish(item, *result)
            routed = again
            if not again:
                return
            if any(isinstance(result, ServiceUnavailable) for result in results):
                # The database away is no verdict on a message. Refusing it would receipt a
                # reading never stored, dropping it would lose an edge agent's report (sent
                # once): it waits, unacknowledged, for the database to return. Its lane waits
                # with it, and the broker keeps what arrives meanwhile.
                if not waited:  # once per message, not once a second per lane
                    logger.warning(
                        "MQTT message on %s waits for the database", again[0].inbound.topic
                    )
                    waited = True
                await asyncio.sleep(UNAVAILABLE_RETRY_S * random.uniform(0.5, 1.0))
            elif failed:
                failures += 1
                await asyncio.sleep(min(0.2 * 2**failures, 5.0) * random.uniform(0.5, 1.0))
            # else only messages held behind one now settled are left: they go at once

    async def _attempt(self, item: "_Routed") -> tuple[str, list[Outbound]]:
        """One try at a message: ("handled" or "duplicates", messages to publish)."""
        route, message = item.route, item.message
        if route.batch is not None:
            return await self._batches(route).submit(message), []
        async with unit_of_work(self._state) as session:
            if not await self._first_time(session, route, message):
                return "duplicates", []
            outbound = list(await route.handler(session, self._state, message) or ())
        return "handled", outbound

    async def _finish(self, item: "_Routed", outcome: str, outbound: list[Outbound]) -> None:
        """Acknowledge the message to the broker, count it, and send what it answers."""
        item.inbound.ack()
        self.counts["dropped" if outcome == "refused" else outcome] += 1
        route = item.route
        receipt = route.receipt(item.message) if route.receipt and outcome != "dropped" else None
        await self._send([*outbound, receipt] if receipt else outbound)

    @staticmethod
    async def _first_time(session, route: Route, message: DeviceMessage) -> bool:
        key = _dedupe_key(route, message)
        if key is None:
            return True
        return await devices_service.claim_message(
            session, message.device_id, key, message.received_at
        )

    def _batches(self, route: Route) -> GroupCommit[DeviceMessage, str]:
        """This process's group commit of the batch route's messages (devices in id order,
        so two processes' batches take the devices' rows in the same order; a device's
        messages never written out of order)."""
        return process_group(
            self._state,
            "mqtt_" + route.pattern.replace("/", "_").replace("+", "any"),
            partial(handle_batch, self._state, route),
            order=_device_of,
            keep_order=True,
        )

    # ---- out ----------------------------------------------------------------------------------

    async def _on_connect(self) -> None:
        self._resend_all = True
        self._wake.set()

    async def _listen_for_outbox(self) -> None:
        lost = False
        while True:
            try:
                async with self._state.bus.subscribe(events.DEVICE_OUTBOX_CHANNEL) as wakeups:
                    if lost:
                        logger.warning("MQTT outbox listener subscribed again")
                        lost = False
                        # What was committed while it was not listening goes out now, not at
                        # the next periodic sweep.
                        self._wake.set()
                    async for _ in wakeups:
                        self._wake.set()
            except (EventsMissed, EventsUnavailable) as error:
                # The bus away or interrupted (it logs why): the periodic sweep still runs.
                # Once per outage, not once per retry.
                if not lost:
                    logger.warning("MQTT outbox listener lost the event bus (%s)", error)
                    lost = True
            except Exception:
                logger.exception("MQTT outbox listener failed; subscribing again")
                lost = True
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


async def handle_batch(
    state: AppState, route: Route, session, messages: Sequence[DeviceMessage]
) -> list[str | Refused]:
    """A batch route's messages in one unit of work: "handled", "duplicates" or ``Refused``
    for each, in order. The dedupe keys are claimed in one statement and the route's handler
    gets the messages seen for the first time; one it refuses gets its claim back, so it has
    written nothing (sent again, it is refused again, not taken for a duplicate)."""
    keys = [_dedupe_key(route, message) for message in messages]
    keyed = [position for position, key in enumerate(keys) if key is not None]
    claimed = await devices_service.claim_messages(
        session,
        [(messages[p].device_id, keys[p], messages[p].received_at) for p in keyed],
    )
    repeated = {position for position, first in zip(keyed, claimed, strict=True) if not first}
    firsts = [position for position in range(len(messages)) if position not in repeated]
    outcomes: list[str | Refused] = ["duplicates"] * len(messages)
    handled = await route.batch(session, state, [messages[p] for p in firsts])
    for position, outcome in zip(firsts, handled, strict=True):
        outcomes[position] = "handled" if outcome is None else outcome
        key = keys[position]
        if outcome is not None and key is not None:
            await devices_service.release_message(session, messages[position].device_id, key)
    return outcomes


def _dedupe_key(route: Route, message: DeviceMessage) -> str | None:
    """The key a message is claimed by (at most once per device), if its route dedupes it."""
    key = route.dedupe(message.payload) if route.dedupe is not None else None
    return None if key is None else f"{message.subtopic}:{key}"


def _device_of(message: DeviceMessage) -> int:
    return message.device_id


@dataclass(frozen=True, slots=True)
class _Routed:
    """A message received, with the route that takes it and what it says, parsed."""

    inbound: InboundMessage
    route: Route
    message: DeviceMessage


def message_expiry(expires_at: dt.datetime, now: dt.datetime) -> int:
    """Seconds until ``expires_at``, at least 1: the MQTT 5 message expiry of a command."""
    return max(1, int((expires_at - now).total_seconds()))
