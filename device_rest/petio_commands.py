"""PETio feeder command routes (WIRE.md section 1): the 10 s poll and the acknowledgement.

``GET /api/device/command/`` hands the unit its oldest pending command (and marks it SENT);
``POST /api/device/command/ack/`` closes it with the unit's verdict. Each has the fallback path
older firmware calls. A unit's key reaches only its own commands.
"""

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field, field_validator

from device_rest.dependencies import UnitOfWork
from device_rest.petio import TAG, Feeder, ok, require_same_device, wire_time
from device_rest.responses import PETIO_ERRORS, LegacyJSONResponse
from graphql_api.commands import service as commands_service
from graphql_api.commands.types import CommandKind
from graphql_api.devices import service as devices_service

router = APIRouter(tags=[TAG], default_response_class=LegacyJSONResponse, responses=PETIO_ERRORS)

# The names the feeder's firmware switches on.
WIRE_COMMANDS: dict[CommandKind, str] = {
    CommandKind.FEED_NOW: "feed_now",
    CommandKind.STOP_FEEDING: "stop_feeding",
    CommandKind.CALIBRATE: "calibrate",
}
MAX_COMMAND_ID = 2**31 - 1


def _pending_body(command: commands_service.DeliveredCommand) -> dict[str, Any]:
    return ok(
        "command pending",
        has_command=True,
        command=WIRE_COMMANDS[command.kind],
        command_id=command.id,
        portion_size=float(command.args.get("grams", 0)),
        created_at=wire_time(command.created_at),
    )


async def _next_command(
    session, feeder: devices_service.AuthenticatedDevice, device_id: str | None
) -> dict[str, Any]:
    require_same_device(feeder, device_id)
    # One per poll: the unit runs one command at a time and polls again 10 s later.
    sent = await commands_service.fetch_pending(session, feeder, dt.datetime.now(dt.UTC), limit=1)
    if not sent:
        return ok("no pending", has_command=False)
    return _pending_body(sent[0])


DeviceIdQuery = Annotated[
    str | None,
    Query(max_length=32, description="The unit's ESP-XXXXXXXX id; must be the key's own."),
]


@router.get(
    "/device/command/",
    summary="Feeder command poll (every 10 s)",
)
async def get_command(
    feeder: Feeder, session: UnitOfWork, device_id: DeviceIdQuery = None
) -> dict[str, Any]:
    return await _next_command(session, feeder, device_id)


@router.get(
    "/device/feed-command/",
    summary="Feeder command poll, fallback path",
)
async def get_feed_command(
    feeder: Feeder, session: UnitOfWork, device_id: DeviceIdQuery = None
) -> dict[str, Any]:
    return await _next_command(session, feeder, device_id)


class CommandAckBody(BaseModel):
    """``{"command_id": 42, "device_id": "ESP-…", "result": "ok", "error_message"?}``."""

    model_config = ConfigDict(extra="ignore")

    command_id: int = Field(ge=0, le=MAX_COMMAND_ID)
    device_id: str | None = Field(default=None, max_length=32)
    result: str = Field(min_length=1)
    error_message: str | None = None

    @field_validator("result", "error_message")
    @classmethod
    def _bounded(cls, value: str | None) -> str | None:
        # A unit's long error text is cut, never a reason to refuse its acknowledgement.
        return value[: commands_service.MAX_REASON] if value is not None else None


async def _acknowledge(
    session, feeder: devices_service.AuthenticatedDevice, body: CommandAckBody
) -> dict[str, Any]:
    require_same_device(feeder, body.device_id)
    command = await commands_service.acknowledge(
        session, feeder, body.command_id, body.result, body.error_message, dt.datetime.now(dt.UTC)
    )
    return ok("command acknowledged", command_id=command.id, command_status=command.status.value)


@router.post(
    "/device/command/ack/",
    summary="Feeder command acknowledgement",
)
async def post_command_ack(
    body: CommandAckBody, feeder: Feeder, session: UnitOfWork
) -> dict[str, Any]:
    return await _acknowledge(session, feeder, body)


@router.post(
    "/device/acknowledge/",
    summary="Feeder command acknowledgement, fallback path",
)
async def post_acknowledge(
    body: CommandAckBody, feeder: Feeder, session: UnitOfWork
) -> dict[str, Any]:
    return await _acknowledge(session, feeder, body)
