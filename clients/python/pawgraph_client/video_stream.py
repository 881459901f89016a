from datetime import datetime

from pydantic import Field

from .base_model import BaseModel


class VideoStream(BaseModel):
    video_stream: "VideoStreamVideoStream" = Field(alias="videoStream")


class VideoStreamVideoStream(BaseModel):
    device_id: str = Field(alias="deviceId")
    url: str
    stream_name: str = Field(alias="streamName")
    expires_at: datetime = Field(alias="expiresAt")


VideoStream.model_rebuild()
