from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import MessageFields, UserErrorFields


class SendMessage(BaseModel):
    send_message: "SendMessageSendMessage" = Field(alias="sendMessage")


class SendMessageSendMessage(BaseModel):
    message: Optional["SendMessageSendMessageMessage"]
    thread: Optional["SendMessageSendMessageThread"]
    user_errors: list["SendMessageSendMessageUserErrors"] = Field(alias="userErrors")


SendMessageSendMessageMessage = MessageFields


class SendMessageSendMessageThread(BaseModel):
    id: str
    last_message_at: datetime = Field(alias="lastMessageAt")


SendMessageSendMessageUserErrors = UserErrorFields
SendMessage.model_rebuild()
SendMessageSendMessage.model_rebuild()
