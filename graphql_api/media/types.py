"""GraphQL types of the media domain: a signed live-video link."""

import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.media.service import SignedStream


@strawberry.type(description="A time-limited link to a collar's live video (HLS).")
class VideoStream:
    device_id: relay.GlobalID = strawberry.field(description="The collar streaming.")
    url: str = strawberry.field(
        description=(
            "The HLS playlist (.m3u8), signed for nginx's secure_link: `md5` and `expires` "
            "query arguments. Its segments carry the same signature. Works until expiresAt; "
            "404 while the collar is not streaming."
        )
    )
    stream_name: str = strawberry.field(
        description="The RTMP stream the collar publishes to (rtmp://<video host>/live/<name>)."
    )
    expires_at: dt.datetime = strawberry.field(
        description="When the link stops working; ask for a new one before."
    )

    @classmethod
    def from_signed(cls, signed: SignedStream) -> "VideoStream":
        return cls(
            device_id=relay.GlobalID("Device", str(signed.device.id)),
            url=signed.url,
            stream_name=signed.stream_name,
            expires_at=signed.expires_at,
        )
