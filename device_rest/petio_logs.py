"""PETio feeding logs (WIRE.md section 1): ``POST /api/device/logs/``, after every dispense.

A single log or a batch ``{"logs": [...]}``; either is stored whole or refused whole (400).
A missing or unreadable timestamp is not an error: the receive time stands in for it.
"""

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from device_rest.dependencies import UnitOfWork
from device_rest.petio import TAG, Feeder, ok, require_same_device
from device_rest.responses import PETIO_ERRORS, LegacyJSONResponse
from device_rest.wire_types import Amount, DeviceText
from graphql_api.feeding import service as feeding_service
from graphql_api.feeding.types import FeedingSource

router = APIRouter(tags=[TAG], default_response_class=LegacyJSONResponse, responses=PETIO_ERRORS)

MAX_BATCH = 100
_SOURCES = {
    "scheduled": FeedingSource.SCHEDULED,
    "manual": FeedingSource.MANUAL,
    "remote_command": FeedingSource.REMOTE_COMMAND,
}


class FeedingLogEntry(BaseModel):
    model_config = ConfigDict(extra="ignore")

    device_id: str | None = Field(default=None, max_length=32)
    # Any value: an unreadable one stands for the receive time (WIRE.md), so the document does
    # not promise a date-time the route does not enforce.
    timestamp: Annotated[
        dt.datetime | None,
        WithJsonSchema({"description": "UTC YYYY-MM-DDTHH:MM:SSZ; anything else: receive time"}),
    ] = None
    portion_dispensed: Annotated[float, Amount] = Field(
        ge=0, le=feeding_service.MAX_GRAMS, allow_inf_nan=False
    )
    source: Literal["scheduled", "manual", "remote_command"]
    notes: Annotated[str | None, DeviceText] = None

    @field_validator("timestamp", mode="wrap")
    @classmethod
    def _lenient_time(cls, value: Any, handler) -> dt.datetime | None:
        try:
            parsed = handler(value)
        except ValidationError:
            return None  # unreadable: the receive time stands in
        if parsed is None:
            return None
        if parsed.tzinfo is None:
            return parsed.replace(tzinfo=dt.UTC)
        try:
            return parsed.astimezone(dt.UTC)
        except OverflowError:
            return None  # no such time in UTC (9999-12-31T23:59:59-14:00): receive time

    @field_validator("source", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("notes")
    @classmethod
    def _cut(cls, value: str | None) -> str | None:
        return value[: feeding_service.MAX_NOTES] if value is not None else None

    def to_report(self) -> feeding_service.ReportedFeeding:
        return feeding_service.ReportedFeeding(
            grams=self.portion_dispensed,
            source=_SOURCES[self.source],
            device_time=self.timestamp,
            notes=self.notes,
        )


class FeedingLogsBody(BaseModel):
    """One log, or ``{"logs": [...]}``; a single log is read as a batch of one."""

    model_config = ConfigDict(extra="ignore")

    device_id: str | None = Field(default=None, max_length=32)
    logs: list[FeedingLogEntry] = Field(min_length=1, max_length=MAX_BATCH)

    @model_validator(mode="before")
    @classmethod
    def _single_as_batch(cls, data: Any) -> Any:
        if isinstance(data, dict) and "logs" not in data:
            return {"device_id": data.get("device_id"), "logs": [data]}
        return data


@router.post("/device/logs/", summary="Feeding logs (after every dispense)", status_code=201)
async def post_logs(body: FeedingLogsBody, feeder: Feeder, session: UnitOfWork) -> dict[str, Any]:
    require_same_device(feeder, body.device_id)
    for entry in body.logs:
        require_same_device(feeder, entry.device_id)
    reports = [entry.to_report() for entry in body.logs]
    created = await feeding_service.record_logs(session, feeder, reports, dt.datetime.now(dt.UTC))
    return ok("logs recorded", created=len(created))
