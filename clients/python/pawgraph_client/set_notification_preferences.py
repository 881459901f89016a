from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import NotificationPreferenceFields, UserErrorFields


class SetNotificationPreferences(BaseModel):
    set_notification_preferences: "SetNotificationPreferencesSetNotificationPreferences" = Field(
        alias="setNotificationPreferences"
    )


class SetNotificationPreferencesSetNotificationPreferences(BaseModel):
    preferences: Optional[
        list["SetNotificationPreferencesSetNotificationPreferencesPreferences"]
    ]
    user_errors: list[
        "SetNotificationPreferencesSetNotificationPreferencesUserErrors"
    ] = Field(alias="userErrors")


SetNotificationPreferencesSetNotificationPreferencesPreferences = (
    NotificationPreferenceFields
)
SetNotificationPreferencesSetNotificationPreferencesUserErrors = UserErrorFields
SetNotificationPreferences.model_rebuild()
SetNotificationPreferencesSetNotificationPreferences.model_rebuild()
