from pydantic import Field

from .base_model import BaseModel
from .fragments import NotificationFields


class NotificationReceived(BaseModel):
    notification_received: "NotificationReceivedNotificationReceived" = Field(
        alias="notificationReceived"
    )


NotificationReceivedNotificationReceived = NotificationFields
NotificationReceived.model_rebuild()
