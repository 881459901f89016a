"""Smart-Outlet hub (ESP32 "CCU") routes, as its firmware calls them (WIRE.md section 2).

The hub sends no auth header: its only setting is a base URL, so pawgraph issues one with the
hub's key in the path and ``hub_router`` is mounted under ``/h/{hub_key}/api``. An unknown key
is a 404 with nothing written (``/data/``, the hot path, checks it in the reading's own
statement). Outlets are the hub's child devices, by 2 hex digits.

Bodies use ``json.dumps``' default separators (``", "``, ``": "``): the hub finds commands by
text search and misses them in a compact body. Errors: ``{"success": false, "message"}``.
"""

import datetime as dt
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from device_rest.dependencies import AppStateDep, UnitOfWork
from device_rest.errors import register_error_body
from graphql_api.commands.models import Command
from graphql_api.devices.models import Device
from graphql_api.errors import DomainError
from graphql_api.outlets import flows as outlets_flows
from graphql_api.outlets import service as outlets_service

TAG = "smart_outlet"


class HubJSONResponse(JSONResponse):
    """JSON exactly as Python's ``json.dumps`` writes it by default (the original server's)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content).encode("utf-8")


hub_router = APIRouter(tags=[TAG], default_response_class=HubJSONResponse)


def hub_error_body(error: DomainError) -> dict[str, Any]:
    return {"success": False, "message": error.message}


register_error_body(TAG, hub_error_body)


async def authenticated_hub(hub_key: str, session: UnitOfWork, state: AppStateDep) -> Device:
    return await outlets_service.authenticate_hub(session, state.settings, hub_key)


Hub = Annotated[Device, Depends(authenticated_hub)]

_JSON_TYPES = ("application/json",)


def _will_parse(request: Request, body: bytes) -> bool:
    """Whether FastAPI will accept ``body`` as an ``OutletReadingBody`` (never True when it
    would not: at worst the key is checked once more than needed)."""
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type not in _JSON_TYPES and not (
        media_type.startswith("application/") and media_type.endswith("+json")
    ):
        return False
    try:
        OutletReadingBody.model_validate_json(body)
    except ValidationError:
        return False
    return True


async def reading_hub_key(
    hub_key: str, request: Request, session: UnitOfWork, state: AppStateDep
) -> str:
    """The key of the hub posting a reading. A reading's own statement checks it (one round
    trip instead of two); a body that will be refused is checked here first, so an unknown key
    is 404 whatever the body, as on every hub route."""
    if not _will_parse(request, await request.body()):
        await outlets_service.authenticate_hub(session, state.settings, hub_key)
    return hub_key


ReadingHubKey = Annotated[str, Depends(reading_hub_key)]


def _short_id(value: Any) -> str:
    try:
        return outlets_service.normalize_short_id(str(value))
    except DomainError as error:
        raise ValueError(error.message) from error


class OutletReadingBody(BaseModel):
    """``POST /api/data/``; currents in mA, 65535 meaning an overload trip."""

    model_config = ConfigDict(extra="ignore")

    device_id: str
    current_a: int = Field(ge=0, le=65535)
    current_b: int = Field(ge=0, le=65535)
    relay_a: bool | None = None
    relay_b: bool | None = None
    is_overload: bool = False

    _normalize_id = field_validator("device_id", mode="before")(_short_id)

    def to_reading(self) -> outlets_flows.OutletReading:
        return outlets_flows.OutletReading(
            outlet_id=self.device_id,
            current_a=self.current_a,
            current_b=self.current_b,
            relay_a=self.relay_a,
            relay_b=self.relay_b,
            is_overload=self.is_overload,
        )


class BreakerReadingBody(BaseModel):
    """``POST /api/breaker-data/``: the main breaker's load, mA."""

    model_config = ConfigDict(extra="ignore")

    ccu_id: str
    current_ma: int = Field(ge=0, le=1_000_000)

    _normalize_id = field_validator("ccu_id", mode="before")(_short_id)


def wire_command(command: Command) -> dict[str, Any]:
    """A command as the hub reads it: flat, keys in this order, socket "" when it has none."""
    return {
        "command": command.kind.value.lower(),
        "socket": command.args.get("socket", ""),
        "value": command.args.get("milliamps"),
    }


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@hub_router.get("/devices/", summary="The hub's outlets (every 2 s)")
async def get_devices(hub: Hub, session: UnitOfWork) -> HubJSONResponse:
    devices = await outlets_service.outlet_ids_of_hub(session, hub)
    return HubJSONResponse({"success": True, "devices": devices})


@hub_router.post("/breaker-data/", summary="Main breaker load (every 2 s)")
async def post_breaker_data(
    body: BreakerReadingBody, hub: Hub, session: UnitOfWork, state: AppStateDep
) -> HubJSONResponse:
    load = await outlets_flows.record_breaker_reading(
        session, state.settings, hub, body.ccu_id, body.current_ma, _now()
    )
    return HubJSONResponse({"success": True, "message": f"breaker reading received: {load} mA"})


@hub_router.get("/focus/", summary="The outlet to poll every 2 s")
async def get_focus(hub: Hub, session: UnitOfWork) -> HubJSONResponse:
    outlet = await outlets_service.focused_outlet(session, hub, _now())
    return HubJSONResponse({"success": True, "device_id": outlet.hardware_id if outlet else None})


@hub_router.post("/data/", summary="One outlet's reading")
async def post_data(
    body: OutletReadingBody, hub_key: ReadingHubKey, session: UnitOfWork, state: AppStateDep
) -> HubJSONResponse:
    result = await outlets_flows.record_keyed_hub_reading(
        session, state.settings, hub_key, body.to_reading(), _now()
    )
    return HubJSONResponse(
        {
            "success": True,
            "message": "reading stored" if result.persisted else "reading received",
            "relay_a": result.relay_a,
            "relay_b": result.relay_b,
        }
    )


@hub_router.get("/commands/{device_id}/", summary="An outlet's pending commands, now SENT")
async def get_commands(device_id: str, hub: Hub, session: UnitOfWork) -> HubJSONResponse:
    commands = await outlets_flows.deliver_commands(session, hub, device_id, _now())
    return HubJSONResponse(
        {"success": True, "commands": [wire_command(command) for command in commands]}
    )
