from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import NotificationPreferenceFields


class NotificationPreferences(BaseModel):
    me: Optional["NotificationPreferencesMe"]


class NotificationPreferencesMe(BaseModel):
    id: str
    notification_preferences: Optional[
        list["NotificationPreferencesMeNotificationPreferences"]
    ] = Field(alias="notificationPreferences")


NotificationPreferencesMeNotificationPreferences = NotificationPreferenceFields
NotificationPreferences.model_rebuild()
NotificationPreferencesMe.model_rebuild()
