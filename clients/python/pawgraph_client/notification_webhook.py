from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class NotificationWebhook(BaseModel):
    me: Optional["NotificationWebhookMe"]


class NotificationWebhookMe(BaseModel):
    id: str
    notification_webhook: Optional["NotificationWebhookMeNotificationWebhook"] = Field(
        alias="notificationWebhook"
    )


class NotificationWebhookMeNotificationWebhook(BaseModel):
    url: str
    created_at: datetime = Field(alias="createdAt")


NotificationWebhook.model_rebuild()
NotificationWebhookMe.model_rebuild()
