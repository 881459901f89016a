from pydantic import Field

from .base_model import BaseModel


class UnreadNotificationCount(BaseModel):
    unread_notification_count: int = Field(alias="unreadNotificationCount")
