"""PETio pairing routes (WIRE.md section 1): register a PIN, poll for the key, unpair.

``pair/register`` and ``pair/claimed`` come from units that have no key of their own yet:
they carry only the fleet's ``X-API-Key`` and no per-device key, because pairing is the
moment the key is issued. They reveal nothing about any other unit (see
``graphql_api.pairing.service``). ``unpair`` comes from a paired unit and uses its own key.
"""

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from device_rest.dependencies import AppStateDep, UnitOfWork
from device_rest.errors import client_ip
from device_rest.petio import TAG, Feeder, ok, petio_error_body, require_same_device, wire_time
from device_rest.petio_schedules import DeviceIdQuery
from device_rest.responses import PETIO_ERRORS, LegacyJSONResponse
from graphql_api.errors import DomainError
from graphql_api.pairing import service as pairing_service
from graphql_api.ratelimit import Attempts

router = APIRouter(tags=[TAG], default_response_class=LegacyJSONResponse, responses=PETIO_ERRORS)


def fleet_key(
    state: AppStateDep, api_key: Annotated[str | None, Header(alias="X-API-Key")] = None
) -> None:
    pairing_service.check_fleet_key(state.settings, api_key)


FleetKey = Depends(fleet_key)


def _attempts(request: Request, state: AppStateDep) -> Attempts:
    return Attempts(state.limiter, client_ip(request))


AttemptsDep = Annotated[Attempts, Depends(_attempts)]


def _refused(error: DomainError) -> LegacyJSONResponse:
    # Returned, not raised: the refusal keeps what the request wrote (see pairing.service).
    return LegacyJSONResponse(petio_error_body(error), status_code=error.http_status)


# Documented, not enforced by the model: the pairing service refuses anything else with the
# messages and codes the firmware knows (400).
FEEDER_ID_PATTERN = {"pattern": r"^\s*[Ee][Ss][Pp]-[0-9A-Fa-f]{8}\s*$"}
PIN_PATTERN = {"pattern": r"^[0-9]{6}$"}


class PairRegisterBody(BaseModel):
    model_config = ConfigDict(extra="ignore")

    device_id: str = Field(max_length=32, json_schema_extra=FEEDER_ID_PATTERN)
    pin: str = Field(max_length=16, json_schema_extra=PIN_PATTERN)
    ttl_seconds: int | None = Field(default=None, description="Clamped to 60-600; default 300.")


class UnpairBody(BaseModel):
    model_config = ConfigDict(extra="ignore")

    device_id: str = Field(max_length=32)


@router.post(
    "/device/pair/register/",
    summary="A unit in pairing mode shows a PIN (409: already paired, which it treats as success)",
    status_code=201,
    dependencies=[FleetKey],
)
async def post_pair_register(
    body: PairRegisterBody, session: UnitOfWork, state: AppStateDep, attempts: AttemptsDep
) -> Any:
    now = dt.datetime.now(dt.UTC)
    registration = await pairing_service.register(
        session, state.settings, body.device_id, body.pin, body.ttl_seconds, now, attempts
    )
    if registration.refusal is not None:
        return _refused(registration.refusal)
    request = registration.request
    return ok(
        "waiting for the owner to claim this unit",
        device_id=request.hardware_id,
        expires_at=wire_time(request.expires_at),
    )


@router.get(
    "/device/pair/claimed/",
    summary="The unit's key once its owner claimed it; served once",
    dependencies=[FleetKey],
)
async def get_pair_claimed(
    device_id: DeviceIdQuery,
    pin: Annotated[str, Query(max_length=16, json_schema_extra=PIN_PATTERN)],
    response: Response,
    session: UnitOfWork,
    state: AppStateDep,
    attempts: AttemptsDep,
) -> Any:
    now = dt.datetime.now(dt.UTC)
    fetched = await pairing_service.fetch_key(
        session, state.settings, device_id, pin, now, attempts
    )
    if fetched.refusal is not None:
        return _refused(fetched.refusal)
    # A key travels in this body once; no cache on the way may keep it.
    response.headers["Cache-Control"] = "no-store"
    return ok("claimed", device_id=fetched.device.hardware_id, api_key=fetched.api_key)


@router.post("/device/unpair/", summary="FEED held 5 s: the unit leaves its owner")
async def post_unpair(body: UnpairBody, feeder: Feeder, session: UnitOfWork) -> dict[str, Any]:
    require_same_device(feeder, body.device_id)
    device = await pairing_service.unpair(session, feeder)
    return ok("unpaired", unpaired=True, device_id=device.hardware_id)
