"""Smart-Outlet hub (ESP32 "CCU") routes, as its firmware calls them (WIRE.md section 2).

The hub sends no auth header: its only setting is a base URL, so pawgraph issues one with the
hub's key in the path and ``hub_router`` is mounted under ``/h/{hub_key}/api``. An unknown key
is a 404 with nothing written (``/data/``, the hot path, checks it in the reading's own
statement, parses its body once, itself, and hands the reading to a group commit that writes
readings arriving together in one transaction). Outlets are the hub's child devices, by 2 hex
digits.

Bodies use ``json.dumps``' default separators (``", "``, ``": "``): the hub finds commands by
text search and misses them in a compact body. Errors: ``{"success": false, "message"}``.
"""

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from device_rest.dependencies import AppStateDep, UnitOfWork
from device_rest.errors import register_error_body
from device_rest.responses import HUB_ERRORS, LegacyJSONResponse
from device_rest.wire_types import MilliampInt
from graphql_api.commands import service as commands_service
from graphql_api.devices import service as devices_service
from graphql_api.errors import DomainError
from graphql_api.outlets import flows as outlets_flows
from graphql_api.outlets import service as outlets_service
from graphql_api.state import AppState
from graphql_api.unit_of_work import unit_of_work

TAG = "smart_outlet"


hub_router = APIRouter(tags=[TAG], default_response_class=LegacyJSONResponse, responses=HUB_ERRORS)


def hub_error_body(error: DomainError) -> dict[str, Any]:
    return {"success": False, "message": error.message}


register_error_body(TAG, hub_error_body)


async def authenticated_hub(
    hub_key: str, session: UnitOfWork, state: AppStateDep
) -> devices_service.AuthenticatedDevice:
    return await outlets_service.authenticate_hub(session, state.settings, hub_key)


Hub = Annotated[devices_service.AuthenticatedDevice, Depends(authenticated_hub)]


def _short_id(value: Any) -> str:
    try:
        return outlets_service.normalize_short_id(str(value))
    except DomainError as error:
        raise ValueError(error.message) from error


# Documented, not enforced by the models: the id is normalised ("3" is "03") by the service.
SHORT_ID_PATTERN = {"pattern": r"^\s*[0-9A-Fa-f]{1,2}\s*$"}


class OutletReadingBody(BaseModel):
    """``POST /api/data/``; currents in mA, 65535 meaning an overload trip."""

    model_config = ConfigDict(extra="ignore")

    device_id: str = Field(json_schema_extra=SHORT_ID_PATTERN)
    current_a: MilliampInt = Field(ge=0, le=65535)
    current_b: MilliampInt = Field(ge=0, le=65535)
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

    ccu_id: str = Field(json_schema_extra=SHORT_ID_PATTERN)
    current_ma: MilliampInt = Field(ge=0, le=1_000_000)

    _normalize_id = field_validator("ccu_id", mode="before")(_short_id)


def wire_command(command: commands_service.DeliveredCommand) -> dict[str, Any]:
    """A command as the hub reads it: flat, keys in this order, socket "" when it has none."""
    return {
        "command": command.kind.value.lower(),
        "socket": command.args.get("socket", ""),
        "value": command.args.get("milliamps"),
    }


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@hub_router.get("/devices/", summary="The hub's outlets (every 2 s)")
async def get_devices(hub: Hub, session: UnitOfWork) -> LegacyJSONResponse:
    devices = await outlets_service.outlet_ids_of_hub(session, hub)
    return LegacyJSONResponse({"success": True, "devices": devices})


@hub_router.post("/breaker-data/", summary="Main breaker load (every 2 s)")
async def post_breaker_data(
    body: BreakerReadingBody, hub: Hub, session: UnitOfWork, state: AppStateDep
) -> LegacyJSONResponse:
    load = await outlets_flows.record_breaker_reading(
        session, state.settings, hub, body.ccu_id, body.current_ma, _now()
    )
    return LegacyJSONResponse({"success": True, "message": f"breaker reading received: {load} mA"})


@hub_router.get("/focus/", summary="The outlet to poll every 2 s")
async def get_focus(hub: Hub, session: UnitOfWork) -> LegacyJSONResponse:
    outlet = await outlets_service.focused_outlet(session, hub, _now())
    return LegacyJSONResponse(
        {"success": True, "device_id": outlet.hardware_id if outlet else None}
    )


_READING_BODY = {
    "required": True,
    "content": {"application/json": {"schema": OutletReadingBody.model_json_schema()}},
}


async def _reading_of(request: Request, hub_key: str, state: AppState) -> OutletReadingBody:
    """The reading in the body, parsed once here (not by FastAPI and again by a dependency).
    The reading's own statement checks the hub key; a body that is refused never gets there,
    so its key is checked first: an unknown key is 404 whatever the body, as on every route."""
    try:
        return OutletReadingBody.model_validate_json(await request.body())
    except ValidationError as error:
        async with unit_of_work(state) as session:
            await outlets_service.authenticate_hub(session, state.settings, hub_key)
        raise RequestValidationError(error.errors(include_url=False)) from error


@hub_router.post(
    "/data/", summary="One outlet's reading", openapi_extra={"requestBody": _READING_BODY}
)
async def post_data(hub_key: str, request: Request, state: AppStateDep) -> LegacyJSONResponse:
    # No unit of work of its own: readings arriving together are written and committed
    # together (outlets_flows.hub_readings), and this answers after its reading's commit.
    body = await _reading_of(request, hub_key, state)
    submitted = outlets_flows.HubReading(hub_key, body.to_reading(), _now())
    result = await outlets_flows.hub_readings(state).submit(submitted)
    return LegacyJSONResponse(
        {
            "success": True,
            "message": "reading stored" if result.persisted else "reading received",
            "relay_a": result.relay_a,
            "relay_b": result.relay_b,
        }
    )


@hub_router.get("/commands/{device_id}/", summary="An outlet's pending commands, now SENT")
async def get_commands(device_id: str, hub: Hub, session: UnitOfWork) -> LegacyJSONResponse:
    commands = await outlets_flows.deliver_commands(session, hub, device_id, _now())
    return LegacyJSONResponse(
        {"success": True, "commands": [wire_command(command) for command in commands]}
    )
