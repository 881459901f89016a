"""Live video: who may watch a collar's stream, and the time-limited HLS link they are given.

A collar publishes RTMP to ``rtmp://<video host>/live/<stream name>?key=<its device key>``
(nginx asks ``authorize_publish`` first); nginx-rtmp writes HLS to
``<hls root>/<stream name>/index.m3u8`` and its segments beside it, served under
``media_hls_base_url``. Watching needs no database write: the link is signed, not stored.
"""

import datetime as dt
import math
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.devices import service as devices_service
from graphql_api.devices.errors import DeviceKeyInvalid
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.media.errors import VideoNotSupported
from graphql_api.media.secure_link import signed_query
from graphql_api.settings import Settings

PLAYLIST = "index.m3u8"


@dataclass(frozen=True, slots=True)
class SignedStream:
    device: Device
    stream_name: str
    url: str
    expires_at: dt.datetime


def stream_name(device: Device) -> str:
    """The RTMP stream a collar publishes, and the HLS directory nginx writes it to."""
    return f"collar-{device.id}"


def stream_directory(settings: Settings, name: str) -> str:
    """The path nginx sees for a stream's files, ``/hls/<name>/``: what a link signs."""
    base_path = urlsplit(settings.media_hls_base_url).path.rstrip("/")
    return f"{base_path}/{name}/"


def sign_stream(settings: Settings, device: Device, now: dt.datetime) -> SignedStream:
    """The device's playlist URL, valid for ``media_link_ttl`` from ``now``."""
    name = stream_name(device)
    expires = math.ceil((now + settings.media_link_ttl).timestamp())
    directory = stream_directory(settings, name)
    query = signed_query(expires, directory, settings.media_secret.get_secret_value())
    base = urlsplit(settings.media_hls_base_url)
    return SignedStream(
        device=device,
        stream_name=name,
        url=f"{base.scheme}://{base.netloc}{directory}{PLAYLIST}?{query}",
        expires_at=dt.datetime.fromtimestamp(expires, dt.UTC),
    )


async def authorize_publish(
    session: AsyncSession, settings: Settings, name: str, device_key: str | None
) -> Device:
    """The collar whose key this is, if ``name`` is its own stream; else DeviceKeyInvalid, so
    nobody publishes (or overwrites) a collar's video without that collar's key."""
    device = await devices_service.authenticate(
        session, settings, device_key=device_key, hardware_id=None, kind=DeviceKind.COLLAR
    )
    if name != stream_name(device):
        raise DeviceKeyInvalid("The device key does not belong to this stream.")
    return device


async def video_stream(
    session: AsyncSession,
    settings: Settings,
    viewer: Viewer | None,
    device_id: int,
    now: dt.datetime,
) -> SignedStream:
    """A signed link to a collar's live video, for its owner, staff and admins only; anyone
    else gets DeviceNotFound, as for a device that does not exist."""
    device = await devices_service.require_readable(session, viewer, device_id)
    if device.kind is not DeviceKind.COLLAR:
        raise VideoNotSupported(field="deviceId")
    return sign_stream(settings, device, now)
