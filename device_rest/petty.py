"""Petty collar ingest (WIRE.md section 3): ``POST /ingest`` and ``/v1/ingest``, at the root.

A body is one reading or ``{"readings": [...]}`` (at most 100). The route parses each reading's
wire shape on its own (a batch's bad readings are reported, not fatal) and hands the parsed ones
to ``collars_service.collar_uploads`` (``ingest_uploads``, which owns every rule: auth, ranges,
time window, duplicates), sharing a transaction with the uploads that arrive with it.

Auth: the collar's key in ``X-API-Key``, or the same key as ``Authorization: Bearer <key>`` (a
Petty device token *is* its pawgraph device key). Replies, ``json.dumps`` separators:
201 ``{"success": true, "message", "request_id", ...}``; 400 ``{"error", "request_id"}`` (a
batch adds ``rejected: [{"index", "error"}]``); 401 without valid auth. Every reply carries its
``request_id`` (also as ``X-Request-ID``).
"""

import datetime as dt
import json
import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Request
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, ValidationError

from device_rest.dependencies import AppStateDep
from device_rest.errors import register_request_error_body
from device_rest.responses import PETTY_ERRORS, LegacyJSONResponse
from graphql_api.collars.readings import service as collars_service
from graphql_api.collars.readings.errors import ReadingInvalid, ReadingsRejected, Rejection
from graphql_api.errors import DomainError

TAG = "petty"


def _request_id(request: Request) -> str:
    return getattr(request.state, "request_id", None) or uuid.uuid4().hex


async def assign_request_id(request: Request) -> None:
    request.state.request_id = uuid.uuid4().hex


router = APIRouter(
    tags=[TAG],
    default_response_class=LegacyJSONResponse,
    dependencies=[Depends(assign_request_id)],
    responses=PETTY_ERRORS,
)


def _rejections(rejected: list[Rejection]) -> list[dict[str, Any]]:
    return [{"index": rejection.index, "error": rejection.reason} for rejection in rejected]


def petty_error_body(error: DomainError, request: Request) -> dict[str, Any]:
    body: dict[str, Any] = {"error": error.message, "request_id": _request_id(request)}
    if isinstance(error, ReadingsRejected) and error.batch:
        body["rejected"] = _rejections(error.rejected)
    return body


register_request_error_body(TAG, petty_error_body)


# ---- the wire shape ----------------------------------------------------------------------------


def _iso_8601(value: Any) -> dt.datetime:
    """ISO-8601 with a time; naive means UTC (WIRE.md). Numbers are not timestamps here."""
    if not isinstance(value, str) or len(value.strip()) <= 10:
        raise ValueError("must be an ISO-8601 date and time, e.g. 2025-08-18T14:30:00Z")
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError as error:
        raise ValueError("must be an ISO-8601 date and time, e.g. 2025-08-18T14:30:00Z") from error
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


Coordinate = Annotated[float, Strict(), Field(allow_inf_nan=False)]


class GeoJSONPoint(BaseModel):
    """``{"type": "Point", "coordinates": [lon, lat]}``; a third (altitude) is ignored."""

    model_config = ConfigDict(extra="ignore")

    type: Literal["Point"]
    coordinates: list[Coordinate] = Field(min_length=2, max_length=3)


class PettyReading(BaseModel):
    """One reading, as the collar sends it."""

    model_config = ConfigDict(extra="ignore")

    collar_id: Annotated[str, Strict()] = Field(min_length=1, max_length=64)
    timestamp: Annotated[dt.datetime, BeforeValidator(_iso_8601)]
    heart_rate: Annotated[int, Strict()]
    activity_level: Annotated[int, Strict()]
    location: GeoJSONPoint

    def to_reported(self) -> collars_service.ReportedReading:
        longitude, latitude = self.location.coordinates[:2]
        return collars_service.ReportedReading(
            collar_id=self.collar_id,
            measured_at=self.timestamp,
            heart_rate=self.heart_rate,
            activity_level=self.activity_level,
            longitude=longitude,
            latitude=latitude,
        )


class PettyBatch(BaseModel):
    """``{"readings": [...]}``; each reading is checked on its own."""

    readings: list[PettyReading] = Field(min_length=1, max_length=collars_service.MAX_BATCH)


def _describe(error: ValidationError) -> str:
    problems = []
    for problem in error.errors():
        where = ".".join(str(part) for part in problem.get("loc", ())) or "reading"
        message = problem.get("msg", "invalid").removeprefix("Value error, ")
        problems.append(f"{where}: {message}")
    return "; ".join(problems)


def _parse_items(body: Any) -> tuple[list[Any], bool]:
    """The request's readings (still raw) and whether it was a batch."""
    if isinstance(body, dict) and "readings" in body:
        items = body["readings"]
        if not isinstance(items, list) or not items:
            raise ReadingInvalid("readings must be a non-empty list of readings.")
        return items, True
    if isinstance(body, dict):
        return [body], False
    raise ReadingInvalid('Expected a reading object or {"readings": [...]}.')


def _whole_batch(raw: bytes) -> list[PettyReading] | None:
    """A batch whose every reading has the right shape, parsed and validated in one pass from
    the bytes (1.35 -> 1.10 ms for 100 readings); None for anything else, which the reading by
    reading parse below then explains. Both accept and read the same bodies: only the cost of
    a batch that is all well-formed, the common case, differs."""
    try:
        return PettyBatch.model_validate_json(raw).readings
    except ValidationError:
        return None


def parse_body(
    raw: bytes,
) -> tuple[list[tuple[int, collars_service.ReportedReading]], list[Rejection], bool]:
    """Parsed readings by index, the ones whose shape is wrong, and whether it was a batch."""
    whole = _whole_batch(raw)
    if whole is not None:
        return [(index, reading.to_reported()) for index, reading in enumerate(whole)], [], True
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise ReadingInvalid("Request body is not valid JSON.") from error
    items, batch = _parse_items(body)
    parsed, rejected = [], []
    for index, item in enumerate(items):
        try:
            parsed.append((index, PettyReading.model_validate(item).to_reported()))
        except ValidationError as error:
            rejected.append(Rejection(index, _describe(error)))
    return parsed, rejected, batch


# ---- the route ---------------------------------------------------------------------------------


def _inline(schema: dict[str, Any]) -> dict[str, Any]:
    """A model's JSON schema with its ``$defs`` inlined, for the OpenAPI page."""
    definitions = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            reference = node.get("$ref", "")
            if reference.startswith("#/$defs/"):
                return resolve(definitions[reference.removeprefix("#/$defs/")])
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(value) for value in node]
        return node

    return resolve(schema)


_BODY_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "oneOf": [
                        _inline(PettyReading.model_json_schema()),
                        _inline(PettyBatch.model_json_schema()),
                    ]
                }
            }
        },
    }
}


def _upload(
    raw: bytes, api_key: str | None, authorization: str | None
) -> collars_service.CollarUpload:
    received_at = dt.datetime.now(dt.UTC)
    try:
        readings, rejected, batch = parse_body(raw)
    except ReadingInvalid as unreadable:
        # Answered once the key checks out: a request without one gets 401 whatever its body.
        return collars_service.CollarUpload(
            api_key, authorization, [], received_at, unreadable=unreadable
        )
    return collars_service.CollarUpload(
        api_key, authorization, readings, received_at, rejected=rejected, batch=batch
    )


async def ingest(
    request: Request,
    state: AppStateDep,
    api_key: Annotated[str | None, Header(alias="X-API-Key")] = None,
    authorization: Annotated[str | None, Header(alias="Authorization")] = None,
) -> LegacyJSONResponse:
    # No unit of work of its own: uploads arriving together are written and committed
    # together (collars_service.collar_uploads), and this answers after its upload's commit.
    request_id = _request_id(request)
    upload = _upload(await request.body(), api_key, authorization)
    result = await collars_service.collar_uploads(state).submit(upload)
    body: dict[str, Any] = {"success": True, "request_id": request_id}
    if upload.batch:
        total = len(upload.readings) + len(upload.rejected)
        body["message"] = f"{len(result.stored)} of {total} readings stored"
        body.update(
            stored=len(result.stored),
            duplicates=result.duplicates,
            rejected=_rejections(result.rejected),
        )
    else:
        body["message"] = "reading stored" if result.stored else "reading already stored"
    # The message goes second, as in the Petty replies.
    ordered = {"success": True, "message": body.pop("message"), **body}
    return LegacyJSONResponse(ordered, status_code=201, headers={"X-Request-ID": request_id})


for _path in ("/ingest", "/v1/ingest"):
    router.add_api_route(
        _path,
        ingest,
        methods=["POST"],
        status_code=201,
        summary="Collar readings: one, or a batch of up to 100",
        openapi_extra=_BODY_DOC,
        name="ingest" if _path == "/ingest" else "ingest_v1",
    )
    # No redirects for devices (WIRE.md): the slash form is served, not redirected.
    router.add_api_route(
        _path + "/", ingest, methods=["POST"], status_code=201, include_in_schema=False
    )
