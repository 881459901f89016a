"""PETio feeder (ESP8266) routes, as its firmware calls them (WIRE.md section 1).

Auth: ``Device-ID`` + ``X-Device-Key`` when paired, else a per-device key in ``X-API-Key``.
Errors: the PETio envelope ``{"status": "error", "message", "success": false, "error"}``.
"""

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header
from pydantic import BaseModel, ConfigDict, Field, field_validator

from device_rest.dependencies import AppStateDep, UnitOfWork
from device_rest.errors import register_error_body
from device_rest.responses import PETIO_ERRORS, LegacyJSONResponse
from device_rest.wire_types import DeviceText
from graphql_api.devices import flows as device_flows
from graphql_api.devices import service as devices_service
from graphql_api.devices.errors import DeviceKeyInvalid
from graphql_api.devices.types import DeviceKind
from graphql_api.errors import DomainError

TAG = "petio"
router = APIRouter(tags=[TAG], default_response_class=LegacyJSONResponse, responses=PETIO_ERRORS)


def petio_error_body(error: DomainError) -> dict[str, Any]:
    return {
        "status": "error",
        "message": error.message,
        "success": False,
        "error": error.code.value,
    }


register_error_body(TAG, petio_error_body)


def ok(message: str, **extra: Any) -> dict[str, Any]:
    return {"status": "ok", "message": message, "success": True, **extra}


async def authenticated_feeder(
    session: UnitOfWork,
    state: AppStateDep,
    device_id: Annotated[str | None, Header(alias="Device-ID")] = None,
    device_key: Annotated[str | None, Header(alias="X-Device-Key")] = None,
    api_key: Annotated[str | None, Header(alias="X-API-Key")] = None,
) -> devices_service.AuthenticatedDevice:
    # A paired unit's Device-ID + X-Device-Key wins over X-API-Key, which every unit also sends.
    key = device_key if device_key and device_id else api_key
    return await devices_service.authenticate(
        session, state.settings, device_key=key, hardware_id=device_id, kind=DeviceKind.FEEDER
    )


Feeder = Annotated[devices_service.AuthenticatedDevice, Depends(authenticated_feeder)]


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    try:
        return value.astimezone(dt.UTC)
    except OverflowError as error:  # 9999-12-31T23:59:59-14:00 is year 10000 in UTC
        raise ValueError("time out of range") from error


class FeederStatusBody(BaseModel):
    """``POST /api/device/status/``; ints and bools may arrive as strings ("1", "yes", "on")."""

    model_config = ConfigDict(extra="ignore")

    device_id: str | None = Field(default=None, max_length=32)
    timestamp: dt.datetime | None = None
    heartbeat: bool = True
    wifi_rssi: int | None = Field(default=None, ge=-127, le=0)
    # The GraphQL field it feeds is a 32-bit Int.
    uptime: int | None = Field(default=None, ge=0, le=2**31 - 1)
    daily_feeds: int | None = Field(default=None, ge=0, le=1000)
    last_feed: dt.datetime | None = None
    hopper_mm: int | None = Field(default=None, ge=0, le=10_000)
    hopper_pct: int | None = Field(default=None, ge=0, le=100)
    tof_ok: bool | None = None
    error_message: Annotated[str | None, DeviceText] = Field(default=None, max_length=200)

    @field_validator("timestamp", "last_feed")
    @classmethod
    def _as_utc(cls, value: dt.datetime | None) -> dt.datetime | None:
        return _utc(value)

    def to_heartbeat(self) -> devices_service.FeederHeartbeat:
        return devices_service.FeederHeartbeat(
            device_time=self.timestamp,
            wifi_rssi=self.wifi_rssi,
            uptime_seconds=self.uptime,
            daily_feeds=self.daily_feeds,
            last_feed_at=self.last_feed,
            hopper_mm=self.hopper_mm,
            hopper_percent=self.hopper_pct,
            tof_ok=self.tof_ok,
            error_message=self.error_message,
        )


def require_same_device(device: devices_service.AuthenticatedDevice, claimed: str | None) -> None:
    """A ``device_id`` in the query or body must name the device whose key signed the request."""
    if claimed is not None and claimed.strip().upper() != device.hardware_id.upper():
        raise DeviceKeyInvalid("The device key does not belong to this device_id.")


def wire_time(moment: dt.datetime) -> str:
    """A UTC time as the firmware writes and parses it: ``YYYY-MM-DDTHH:MM:SSZ``."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@router.post("/device/status/", summary="Feeder heartbeat (every 60 s)")
async def post_status(
    body: FeederStatusBody, feeder: Feeder, session: UnitOfWork, state: AppStateDep
) -> dict[str, Any]:
    require_same_device(feeder, body.device_id)
    received_at = dt.datetime.now(dt.UTC)
    await device_flows.record_feeder_heartbeat(
        session, feeder, body.to_heartbeat(), received_at, state.settings
    )
    return ok("heartbeat received")
