from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import NotificationKind
from .fragments import UserErrorFields


class SetNotificationKindMuted(BaseModel):
    set_notification_kind_muted: "SetNotificationKindMutedSetNotificationKindMuted" = (
        Field(alias="setNotificationKindMuted")
    )


class SetNotificationKindMutedSetNotificationKindMuted(BaseModel):
    muted_kinds: Optional[list[NotificationKind]] = Field(alias="mutedKinds")
    user_errors: list["SetNotificationKindMutedSetNotificationKindMutedUserErrors"] = (
        Field(alias="userErrors")
    )


SetNotificationKindMutedSetNotificationKindMutedUserErrors = UserErrorFields
SetNotificationKindMuted.model_rebuild()
SetNotificationKindMutedSetNotificationKindMuted.model_rebuild()
