"""The registry of device topics: topic pattern → handler, the MQTT door's routing table.

Every device topic is ``devices/<device id>/<rest>``; a route names ``<rest>`` (``telemetry``,
``status/online``, ``ack``, ``cmd/+`` ...). A handler gets the parsed message and one session
(the unit of work the dispatcher opened) and calls domain services::

    router = Router()

    @router.route("telemetry", dedupe=lambda payload: payload.get("ts"))
    async def telemetry(session, state, message: DeviceMessage) -> None:
        ...

A topic whose messages arrive in bursts (a collar's telemetry) may take them many to a unit
of work instead: ``@router.batch_route`` registers a handler for a list of messages, which
returns, for each in order, None (handled) or ``Refused`` (written nothing); the dispatcher
gathers the messages that arrive while a batch is written into the next one (a group commit)
and answers each only after its batch committed.

``@router.sweep`` registers what goes out to devices (see ``Sweep``); the dispatcher publishes
it after the sweep's transaction committed.

Several handlers may share a topic when each says which payloads are its own (``when``): the
collar's command acks carry ``command_id``, a battery agent's schedule acks ``message_id``.
``dedupe`` returns a key unique per device for a message that must be processed at most once
(a QoS 1 message is delivered again when its ack was lost); the dispatcher records it in the
same transaction as the handler's writes and skips a message whose key it already holds.
``receipt`` builds the message that tells the device its message is done with (committed, a
duplicate of one that was, or refused as invalid); the dispatcher publishes it after the commit.
A device that keeps what it sent until the receipt arrives loses nothing even when the broker
accepted a message and handed it to no one.
"""

import datetime as dt
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from device_mqtt.connection import Outbound
from graphql_api.group_commit import Refused
from graphql_api.state import AppState

DEVICE_TOPIC_ROOT = "devices"


class MessageRejected(Exception):
    """The message is malformed or not allowed; it is acknowledged and dropped (redelivering
    it would not make it valid)."""


@dataclass(frozen=True, slots=True)
class DeviceMessage:
    device_id: int
    # The part of the topic after devices/<id>/, e.g. "telemetry" or "cmd/treat".
    subtopic: str
    payload: Any
    retain: bool
    received_at: dt.datetime


# A handler may return messages to publish once its transaction committed (e.g. the commands a
# collar missed, when it comes back online).
Handler = Callable[[Any, AppState, DeviceMessage], Awaitable[Sequence[Outbound] | None]]
# Messages of one batch route, one unit of work: for each, in order, None (handled) or
# ``Refused`` (it wrote nothing; the rest of the batch commits).
BatchHandler = Callable[
    [Any, AppState, Sequence[DeviceMessage]], Awaitable[Sequence[Refused | None]]
]
# A sweep finds what must go out to devices (commands still QUEUED, or everything unacknowledged
# after a reconnect) and claims it in the session; it runs on every connect (``reconnected``),
# every few seconds, and at once when a service publishes on ``events.DEVICE_OUTBOX_CHANNEL``.
Sweep = Callable[[Any, AppState, dt.datetime, bool], Awaitable[Sequence[Outbound]]]
Matcher = Callable[[Any], bool]
DedupeKey = Callable[[Any], str | None]
Receipt = Callable[["DeviceMessage"], Outbound | None]


@dataclass(frozen=True, slots=True)
class Route:
    pattern: str
    # One of the two: a handler for each message, or for a batch of them.
    handler: Handler | None
    when: Matcher | None = None
    dedupe: DedupeKey | None = None
    receipt: Receipt | None = None
    batch: BatchHandler | None = None

    def matches(self, subtopic: str, payload: Any) -> bool:
        return _topic_matches(self.pattern, subtopic) and (self.when is None or self.when(payload))


def _topic_matches(pattern: str, subtopic: str) -> bool:
    pattern_levels = pattern.split("/")
    levels = subtopic.split("/")
    for index, level in enumerate(pattern_levels):
        if level == "#":
            return True
        if index >= len(levels) or (level != "+" and level != levels[index]):
            return False
    return len(levels) == len(pattern_levels)


def device_topic(device_id: int, subtopic: str) -> str:
    return f"{DEVICE_TOPIC_ROOT}/{device_id}/{subtopic}"


def has_key(key: str) -> Matcher:
    """A ``when`` matcher: the payload is a JSON object with ``key``."""
    return lambda payload: isinstance(payload, dict) and key in payload


class Router:
    def __init__(self) -> None:
        self.routes: list[Route] = []
        self.sweeps: list[Sweep] = []

    def route(
        self,
        pattern: str,
        *,
        when: Matcher | None = None,
        dedupe: DedupeKey | None = None,
        receipt: Receipt | None = None,
    ) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.routes.append(Route(pattern, handler, when, dedupe, receipt))
            return handler

        return register

    def batch_route(
        self,
        pattern: str,
        *,
        when: Matcher | None = None,
        dedupe: DedupeKey | None = None,
        receipt: Receipt | None = None,
    ) -> Callable[[BatchHandler], BatchHandler]:
        def register(batch: BatchHandler) -> BatchHandler:
            self.routes.append(Route(pattern, None, when, dedupe, receipt, batch))
            return batch

        return register

    def sweep(self, sweep: Sweep) -> Sweep:
        self.sweeps.append(sweep)
        return sweep

    def include(self, other: "Router") -> None:
        self.routes.extend(other.routes)
        self.sweeps.extend(other.sweeps)

    def topic_filters(self) -> list[str]:
        """One broker subscription per distinct pattern, in registration order."""
        seen: dict[str, None] = {}
        for route in self.routes:
            seen.setdefault(f"{DEVICE_TOPIC_ROOT}/+/{route.pattern}", None)
        return list(seen)

    def resolve(self, topic: str, payload: bytes) -> tuple[Route, int, str, Any] | None:
        """The route for a message, with its device id, subtopic and parsed payload; None if
        no route takes it. MessageRejected for a device topic whose id or JSON is malformed."""
        root, _, rest = topic.partition("/")
        device_part, _, subtopic = rest.partition("/")
        if root != DEVICE_TOPIC_ROOT or not subtopic:
            return None
        if not device_part.isdigit():
            raise MessageRejected(f"{topic}: the device id is not a number")
        try:
            parsed = json.loads(payload) if payload else None
        except ValueError as exc:
            raise MessageRejected(f"{topic}: the payload is not JSON") from exc
        for route in self.routes:
            if route.matches(subtopic, parsed):
                return route, int(device_part), subtopic, parsed
        return None
