from pydantic import Field

from .base_model import BaseModel


class UnreadMessageCount(BaseModel):
    unread_message_count: int = Field(alias="unreadMessageCount")
