"""Hetri collars over MQTT (WIRE.md §4): telemetry, presence and command acks in, commands out.

devices/<id>/telemetry      reading → telemetry store, live status, LOW_BATTERY rule;
                            answered on devices/<id>/telemetry/receipt {"seq"} once committed
devices/<id>/status/online  true on connect (retained), false from the Last Will
devices/<id>/ack            {"command_id", "result": "accepted" | "ok" | "failed", "detail"?}
devices/<id>/cmd/<kind>     out: {"command_id", "args", "expires_at"}, QoS 1, MQTT 5 expiry
"""

import json
from collections.abc import Sequence
from typing import Any

from device_mqtt.bridge import message_expiry
from device_mqtt.connection import Outbound
from device_mqtt.payloads import device_time, positive_id
from device_mqtt.router import DeviceMessage, MessageRejected, Router, device_topic, has_key
from graphql_api.collars import service as collars_service
from graphql_api.commands import service as commands_service
from graphql_api.errors import DomainError
from graphql_api.group_commit import Refused
from graphql_api.state import AppState

router = Router()

# An ack that only says the device got the command; anything else is its verdict.
ACCEPTED = "accepted"


def _reading_key(payload: Any) -> str | None:
    # Devices send a per-boot sequence number beside the (second-resolution) timestamp.
    if not isinstance(payload, dict) or payload.get("ts") is None:
        return None
    return f"{payload.get('ts')}#{payload.get('seq', '')}"


def _reading_receipt(message: DeviceMessage) -> Outbound | None:
    # QoS 0: a receipt lost on the way means one re-sent reading, which is stored once.
    seq = message.payload.get("seq") if isinstance(message.payload, dict) else None
    if not isinstance(seq, int) or isinstance(seq, bool):
        return None
    return Outbound(
        topic=device_topic(message.device_id, "telemetry/receipt"),
        payload=json.dumps({"seq": seq}, separators=(",", ":")).encode(),
        qos=0,
    )


@router.batch_route("telemetry", dedupe=_reading_key, receipt=_reading_receipt)
async def telemetry(
    session, state: AppState, messages: Sequence[DeviceMessage]
) -> list[Refused | None]:
    """Readings of many collars (a burst), recorded together; a malformed one is refused
    alone."""
    outcomes: list[Refused | None] = [None] * len(messages)
    parsed: list[tuple[int, collars_service.ReceivedReading]] = []
    for position, message in enumerate(messages):
        try:
            reading = collars_service.parse_reading(message.payload, device_time(message.payload))
        except (MessageRejected, DomainError) as error:
            outcomes[position] = Refused(error)
            continue
        received = collars_service.ReceivedReading(message.device_id, reading, message.received_at)
        parsed.append((position, received))
    recorded = await collars_service.record_readings(
        session, state.settings, [received for _, received in parsed]
    )
    for (position, _), outcome in zip(parsed, recorded, strict=True):
        if isinstance(outcome, Refused):
            outcomes[position] = outcome
    return outcomes


@router.route("status/online")
async def presence(session, state: AppState, message: DeviceMessage) -> Sequence[Outbound]:
    if not isinstance(message.payload, bool):
        raise MessageRejected("status/online is true or false")
    device = await collars_service.record_presence(
        session, message.device_id, message.payload, message.received_at
    )
    if device is None or not message.payload:
        return []
    # Back online: whatever it may have missed goes out again (it ignores ids it has run).
    missed = await commands_service.unacknowledged_for(session, device, message.received_at)
    return [command_message(command, message.received_at) for command in missed]


def _ack_key(payload: Any) -> str | None:
    return f"{payload.get('command_id')}:{payload.get('result')}"


@router.route("ack", when=has_key("command_id"), dedupe=_ack_key)
async def ack(session, state: AppState, message: DeviceMessage) -> None:
    command_id = positive_id(message.payload, "command_id")
    result = message.payload.get("result")
    detail = message.payload.get("detail")
    if not isinstance(result, str) or not (detail is None or isinstance(detail, str)):
        raise MessageRejected("result is a string, detail an optional string")
    device = await collars_service.acknowledging_device(session, message.device_id)
    if result.strip().lower() == ACCEPTED:
        await commands_service.accept(session, device, command_id, message.received_at)
    else:
        await commands_service.acknowledge(
            session, device, command_id, result, detail, message.received_at
        )


@router.sweep
async def deliver_commands(session, state: AppState, now, reconnected: bool) -> list[Outbound]:
    commands = await commands_service.claim_mqtt_deliveries(
        session, now, resend_unacknowledged=reconnected
    )
    return [command_message(command, now) for command in commands]


def command_message(command: commands_service.DeliveredCommand, now) -> Outbound:
    body = {
        "command_id": str(command.id),
        "args": command.args or {},
        "expires_at": command.expires_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    return Outbound(
        topic=device_topic(command.device_id, f"cmd/{command.kind.value.lower()}"),
        payload=json.dumps(body, separators=(",", ":")).encode(),
        qos=1,
        expiry_seconds=message_expiry(command.expires_at, now),
    )
