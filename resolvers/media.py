from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api.devices.types import Device
from graphql_api.media import service as media_service
from graphql_api.media.types import VideoStream
from graphql_api.relay import decode_id


@strawberry.type
class MediaQueries:
    @strawberry.field(
        description=(
            "A link to a collar's live video, valid for a few minutes (PAWGRAPH_MEDIA_LINK_TTL). "
            "Only the collar's owner, staff and admins get one; for anyone else the device is "
            "not found (DEVICE_NOT_FOUND), and a device that is not a collar is "
            "VIDEO_NOT_SUPPORTED."
        )
    )
    async def video_stream(
        self,
        info: strawberry.Info,
        device_id: Annotated[relay.GlobalID, strawberry.argument(description="The collar.")],
    ) -> VideoStream:
        signed = await media_service.video_stream(
            info.context.session,
            info.context.settings,
            info.context.viewer,
            decode_id(device_id, Device, "deviceId"),
            info.context.now(),
        )
        return VideoStream.from_signed(signed)
