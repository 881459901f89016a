from pydantic import Field

from .base_model import BaseModel
from .fragments import NotificationFields, PageInfoFields


class Notifications(BaseModel):
    notifications: "NotificationsNotifications"


class NotificationsNotifications(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "NotificationsNotificationsPageInfo" = Field(alias="pageInfo")
    edges: list["NotificationsNotificationsEdges"]


NotificationsNotificationsPageInfo = PageInfoFields


class NotificationsNotificationsEdges(BaseModel):
    node: "NotificationsNotificationsEdgesNode"


NotificationsNotificationsEdgesNode = NotificationFields
Notifications.model_rebuild()
NotificationsNotifications.model_rebuild()
NotificationsNotificationsEdges.model_rebuild()
