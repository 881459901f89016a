"""The JSON bytes the devices' original servers sent.

Both legacy servers were Python (Django's ``JsonResponse``, a FastAPI app) and wrote
``json.dumps`` defaults: ``", "`` and ``": "`` separators. The Smart-Outlet hub finds fields by
text search and needs exactly those separators; PETio units parse JSON but get the same bytes
their firmware was tested against.
"""

import json
from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel


class LegacyJSONResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        return json.dumps(content).encode("utf-8")


class PetioError(BaseModel):
    """The PETio line's error envelope."""

    status: str = "error"
    message: str
    success: bool = False
    error: str


class HubError(BaseModel):
    """The Smart-Outlet hub's error body."""

    success: bool = False
    message: str


class PettyError(BaseModel):
    """The Petty collar line's error body (WIRE.md section 3)."""

    error: str
    request_id: str


def error_responses(model: type[BaseModel]) -> dict[int | str, dict[str, Any]]:
    """What every device route may answer besides its success, for the OpenAPI document."""
    reasons = {
        400: "Bad JSON or values",
        401: "Missing or invalid credentials (Petty collars)",
        403: "Bad or missing device key",
        404: "Unknown device, outlet or hub key",
        409: "Conflicts with the current state",
        410: "Gone (a pairing key is served once)",
        413: "Body over the device cap",
        422: "Values the rules refuse",
        429: "Too many attempts; see Retry-After",
        503: "Database unavailable; see Retry-After",
    }
    return {status: {"model": model, "description": text} for status, text in reasons.items()}


PETIO_ERRORS = error_responses(PetioError)
HUB_ERRORS = error_responses(HubError)
PETTY_ERRORS = error_responses(PettyError)
