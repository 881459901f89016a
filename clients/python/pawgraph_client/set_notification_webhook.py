from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class SetNotificationWebhook(BaseModel):
    set_notification_webhook: "SetNotificationWebhookSetNotificationWebhook" = Field(
        alias="setNotificationWebhook"
    )


class SetNotificationWebhookSetNotificationWebhook(BaseModel):
    webhook: Optional["SetNotificationWebhookSetNotificationWebhookWebhook"]
    signing_secret: Optional[str] = Field(alias="signingSecret")
    user_errors: list["SetNotificationWebhookSetNotificationWebhookUserErrors"] = Field(
        alias="userErrors"
    )


class SetNotificationWebhookSetNotificationWebhookWebhook(BaseModel):
    url: str
    created_at: datetime = Field(alias="createdAt")


SetNotificationWebhookSetNotificationWebhookUserErrors = UserErrorFields
SetNotificationWebhook.model_rebuild()
SetNotificationWebhookSetNotificationWebhook.model_rebuild()
