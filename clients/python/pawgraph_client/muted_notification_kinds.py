from pydantic import Field

from .base_model import BaseModel
from .enums import NotificationKind


class MutedNotificationKinds(BaseModel):
    muted_notification_kinds: list[NotificationKind] = Field(
        alias="mutedNotificationKinds"
    )
