from pydantic import Field

from .base_model import BaseModel
from .fragments import MessageFields


class MessageReceived(BaseModel):
    message_received: "MessageReceivedMessageReceived" = Field(alias="messageReceived")


MessageReceivedMessageReceived = MessageFields
MessageReceived.model_rebuild()
