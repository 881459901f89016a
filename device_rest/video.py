"""The video host's publish check: nginx-rtmp calls this before it accepts a stream
(``on_publish`` in deploy/nginx/rtmp.conf), so only a collar publishes its own stream.

A collar publishes ``rtmp://<video host>/live/collar-<device id>?key=<its device key>``.
nginx-rtmp POSTs the stream ``name`` and the URL's arguments (``key``) as a form; a 2xx lets the
stream in, anything else drops the connection. nginx is the only client of this route.
"""

from urllib.parse import parse_qsl

from fastapi import APIRouter, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from device_rest.dependencies import AppStateDep, UnitOfWork
from graphql_api.media import service as media_service

TAG = "video"

router = APIRouter(tags=[TAG])


class PublishCallback(BaseModel):
    """The fields of nginx-rtmp's ``on_publish`` form that pawgraph reads."""

    model_config = ConfigDict(extra="ignore")

    call: str = Field(pattern="^publish$")
    name: str = Field(min_length=1, max_length=80)
    key: str | None = Field(default=None, max_length=128)


# nginx's on_publish callback, not a device's API: kept out of the OpenAPI document.
@router.post("/video/rtmp/publish", status_code=204, include_in_schema=False)
async def rtmp_publish(request: Request, session: UnitOfWork, state: AppStateDep) -> Response:
    """204: the collar may publish; 403 (``DEVICE_KEY_INVALID``): nginx drops it."""
    try:
        form = PublishCallback.model_validate(dict(parse_qsl((await request.body()).decode())))
    except (ValidationError, UnicodeDecodeError) as error:
        problems = error.errors(include_url=False) if isinstance(error, ValidationError) else []
        raise RequestValidationError(problems) from error
    await media_service.authorize_publish(session, state.settings, form.name, form.key)
    return Response(status_code=204)
