from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class MarkThreadRead(BaseModel):
    mark_thread_read: "MarkThreadReadMarkThreadRead" = Field(alias="markThreadRead")


class MarkThreadReadMarkThreadRead(BaseModel):
    thread: Optional["MarkThreadReadMarkThreadReadThread"]
    user_errors: list["MarkThreadReadMarkThreadReadUserErrors"] = Field(
        alias="userErrors"
    )


class MarkThreadReadMarkThreadReadThread(BaseModel):
    id: str
    unread_count: int = Field(alias="unreadCount")


MarkThreadReadMarkThreadReadUserErrors = UserErrorFields
MarkThreadRead.model_rebuild()
MarkThreadReadMarkThreadRead.model_rebuild()
