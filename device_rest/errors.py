"""One exception handler for every device route; each line renders errors in its legacy shape.

A line's router is tagged with its name; the handler looks the tag up in ``ERROR_BODIES`` to
build the body, so domain services raise the same ``DomainError`` for GraphQL and REST.
"""

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from device_rest.responses import LegacyJSONResponse
from graphql_api import ratelimit
from graphql_api.devices.errors import DeviceErrorCode
from graphql_api.errors import DomainError, RateLimited, ValidationFailed, retry_after_of
from graphql_api.outlets.errors import OutletErrorCode

ErrorBody = Callable[[DomainError], dict[str, Any]]
# A body that also reads the request (the Petty line echoes its request id in errors).
RequestErrorBody = Callable[[DomainError, Request], dict[str, Any]]
ERROR_BODIES: dict[str, RequestErrorBody] = {}


def default_error_body(error: DomainError) -> dict[str, Any]:
    return {"success": False, "message": error.message, "code": error.code.value}


def register_error_body(tag: str, render: ErrorBody) -> None:
    ERROR_BODIES[tag] = lambda error, _request: render(error)


def register_request_error_body(tag: str, render: RequestErrorBody) -> None:
    ERROR_BODIES[tag] = render


def _line_of(request: Request) -> str | None:
    route = request.scope.get("route")
    for tag in getattr(route, "tags", None) or ():
        if tag in ERROR_BODIES:
            return tag
    return None


def _body_for(request: Request, error: DomainError) -> dict[str, Any]:
    line = _line_of(request)
    return ERROR_BODIES[line](error, request) if line else default_error_body(error)


# A device key or hub key that matches nothing: counted per address (ratelimit), so guessing
# keys is throttled; `device_key_guard` then refuses the address before any database lookup.
_BAD_KEY_CODES = (DeviceErrorCode.DEVICE_KEY_INVALID, OutletErrorCode.HUB_NOT_FOUND)


def client_ip(request: Request) -> str:
    return request.client.host if request.client else ""


async def _count_bad_key(request: Request, error: DomainError) -> DomainError:
    """The error to answer: a bad key past the address's limit is answered 429."""
    if error.code in _BAD_KEY_CODES:
        limiter = request.app.state.pawgraph.limiter
        try:
            await limiter.hit(ratelimit.BAD_DEVICE_KEYS_PER_IP, client_ip(request))
        except RateLimited as limited:
            return limited
    return error


def error_response(request: Request, error: DomainError) -> JSONResponse:
    retry_after = retry_after_of(error)
    headers = {"Retry-After": str(retry_after)} if retry_after else None
    return LegacyJSONResponse(
        _body_for(request, error), status_code=error.http_status, headers=headers
    )


def _describe_validation(error: RequestValidationError) -> ValidationFailed:
    problems = []
    field: list[str] | None = None
    for problem in error.errors():
        location = [str(part) for part in problem.get("loc", ()) if part != "body"]
        if problem.get("type") == "json_invalid":
            problems.append("Request body is not valid JSON.")
            continue
        field = field or location
        where = ".".join(location) or "body"
        problems.append(f"{where}: {problem.get('msg', 'invalid')}")
    return ValidationFailed("; ".join(problems) or "Invalid request.", field=field)


def install_error_handlers(app: FastAPI) -> None:
    async def on_domain_error(request: Request, error: DomainError) -> JSONResponse:
        return error_response(request, await _count_bad_key(request, error))

    async def on_http_error(request: Request, error: StarletteHTTPException) -> Any:
        # FastAPI answers a body it cannot decode (not UTF-8, nested too deep) with an
        # HTTPException; a device line answers it in its own envelope.
        if _line_of(request) is None:
            return await http_exception_handler(request, error)
        message = "Request body is not valid JSON." if error.status_code == 400 else error.detail
        described = ValidationFailed(str(message))
        return LegacyJSONResponse(
            _body_for(request, described), status_code=error.status_code, headers=error.headers
        )

    async def on_validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
        described = _describe_validation(error)
        # Devices get 400 for a body they got wrong, as every line's firmware expects.
        return LegacyJSONResponse(_body_for(request, described), status_code=400)

    app.add_exception_handler(DomainError, on_domain_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
