"""One exception handler for every device route; each line renders errors in its legacy shape.

A line's router is tagged with its name; the handler looks the tag up in ``ERROR_BODIES`` to
build the body, so domain services raise the same ``DomainError`` for GraphQL and REST.
"""

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from device_rest.responses import LegacyJSONResponse
from graphql_api.errors import DomainError, ValidationFailed

ErrorBody = Callable[[DomainError], dict[str, Any]]
ERROR_BODIES: dict[str, ErrorBody] = {}


def default_error_body(error: DomainError) -> dict[str, Any]:
    return {"success": False, "message": error.message, "code": error.code.value}


def register_error_body(tag: str, render: ErrorBody) -> None:
    ERROR_BODIES[tag] = render


def _body_for(request: Request, error: DomainError) -> dict[str, Any]:
    route = request.scope.get("route")
    for tag in getattr(route, "tags", None) or ():
        if tag in ERROR_BODIES:
            return ERROR_BODIES[tag](error)
    return default_error_body(error)


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
        return LegacyJSONResponse(_body_for(request, error), status_code=error.http_status)

    async def on_validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
        described = _describe_validation(error)
        # Devices get 400 for a body they got wrong, as every line's firmware expects.
        return LegacyJSONResponse(_body_for(request, described), status_code=400)

    app.add_exception_handler(DomainError, on_domain_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
