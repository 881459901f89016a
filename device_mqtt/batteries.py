"""MAX300 battery agents' topics (WIRE.md section 5): schedule acks, slot reports, heartbeats
in; schedules out on ``devices/<id>/cmd/schedule`` at QoS 1. Thin: parse, one service call."""

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from device_mqtt.connection import Outbound
from device_mqtt.router import DeviceMessage, MessageRejected, Router, device_topic, has_key
from graphql_api.batteries import service as batteries_service
from graphql_api.batteries.logs import log
from graphql_api.batteries.types import BatterySlotStatus
from graphql_api.state import AppState

router = Router()
_MAX_ID = 64


def _message_id(payload: Any) -> str:
    message_id = payload.get("message_id") if isinstance(payload, dict) else None
    if not isinstance(message_id, str) or not 0 < len(message_id) <= _MAX_ID:
        raise MessageRejected("message_id must be a non-empty string")
    return message_id


def _report(payload: Any) -> batteries_service.SlotReport:
    message_id = _message_id(payload)
    slot = payload.get("slot")
    if isinstance(slot, bool) or not isinstance(slot, int) or not 0 <= slot <= 47:
        raise MessageRejected("slot must be an integer 0-47")
    try:
        status = BatterySlotStatus(payload.get("status"))
    except ValueError as error:
        raise MessageRejected("status must be EXECUTED or FAILED") from error
    if status is BatterySlotStatus.PENDING:
        raise MessageRejected("status must be EXECUTED or FAILED")
    detail = payload.get("detail")
    return batteries_service.SlotReport(
        message_id, slot, status, str(detail) if detail is not None else None
    )


@router.route("ack", when=has_key("message_id"), dedupe=lambda payload: payload.get("message_id"))
async def schedule_ack(session, state: AppState, message: DeviceMessage) -> None:
    message_id = _message_id(message.payload)
    refused = message.payload.get("result") not in (None, "ok")
    reason = (
        str(message.payload.get("detail") or message.payload.get("result")) if refused else None
    )
    log("ack.received", message_id=message_id, device_id=message.device_id, refused=reason)
    await batteries_service.record_ack(
        session, message.device_id, message_id, message.received_at, rejected_reason=reason
    )


def _report_key(payload: Any) -> str | None:
    if isinstance(payload, dict):
        return f"{payload.get('message_id')}:{payload.get('slot')}"
    return None


@router.route("report", dedupe=_report_key)
async def slot_report(session, state: AppState, message: DeviceMessage) -> None:
    report = _report(message.payload)
    log(
        "report.received",
        message_id=report.message_id,
        device_id=message.device_id,
        slot=report.slot,
        status=report.status.value,
    )
    await batteries_service.record_report(session, message.device_id, report, message.received_at)


_HEARTBEAT_FIELDS: dict[str, tuple[type, ...]] = {
    "soc_percent": (int, float),
    "soc_kwh": (int, float),
    "rate_kw": (int, float),
    "slot": (int,),
    "mode": (str,),
    "message_id": (str,),
}


def _heartbeat_state(payload: Any) -> dict[str, Any]:
    """The fields the status shows, each of its expected type; anything else is left out."""
    if not isinstance(payload, dict):
        raise MessageRejected("a heartbeat is a JSON object")
    return {
        key: payload[key]
        for key, kinds in _HEARTBEAT_FIELDS.items()
        if isinstance(payload.get(key), kinds) and not isinstance(payload.get(key), bool)
    }


@router.route("heartbeat")
async def heartbeat(session, state: AppState, message: DeviceMessage) -> None:
    await batteries_service.record_heartbeat(
        session, message.device_id, _heartbeat_state(message.payload), message.received_at
    )


@router.sweep
async def send_schedules(
    session, state: AppState, now: dt.datetime, reconnected: bool
) -> Sequence[Outbound]:
    outgoing = await batteries_service.deliver_due(session, state.settings, now)
    for message in outgoing:
        log("schedule.publish", message_id=message.message_id, device_id=message.device_id)
    return [
        Outbound(
            topic=device_topic(message.device_id, message.subtopic),
            payload=json.dumps(message.payload, separators=(",", ":")).encode(),
            qos=1,
            expiry_seconds=message.expiry_seconds,
        )
        for message in outgoing
    ]
