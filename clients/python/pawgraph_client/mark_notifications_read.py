from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class MarkNotificationsRead(BaseModel):
    mark_notifications_read: "MarkNotificationsReadMarkNotificationsRead" = Field(
        alias="markNotificationsRead"
    )


class MarkNotificationsReadMarkNotificationsRead(BaseModel):
    notifications: Optional[
        list["MarkNotificationsReadMarkNotificationsReadNotifications"]
    ]
    unread_count: Optional[int] = Field(alias="unreadCount")
    user_errors: list["MarkNotificationsReadMarkNotificationsReadUserErrors"] = Field(
        alias="userErrors"
    )


class MarkNotificationsReadMarkNotificationsReadNotifications(BaseModel):
    id: str
    read: bool
    read_at: Optional[datetime] = Field(alias="readAt")


MarkNotificationsReadMarkNotificationsReadUserErrors = UserErrorFields
MarkNotificationsRead.model_rebuild()
MarkNotificationsReadMarkNotificationsRead.model_rebuild()
