import datetime as dt
from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api.accounts.types import User
from graphql_api.marketplace.listings.types import Listing
from graphql_api.marketplace.messages import service as messages_service
from graphql_api.marketplace.messages.models import Message as MessageModel
from graphql_api.marketplace.messages.models import MessageThread as MessageThreadModel
from graphql_api.marketplace.messages.service import MessageEvent
from graphql_api.payloads import Payload
from graphql_api.relay import Connection, build_connection, load_nodes, page_args


@strawberry.type(description="A message between a buyer and a seller.")
class Message(relay.Node):
    id: relay.NodeID[int]
    body: str = strawberry.field(description="The text, up to 2000 characters.")
    created_at: dt.datetime = strawberry.field(description="When it was sent.")
    thread_id: relay.GlobalID = strawberry.field(description="The thread it belongs to.")
    sender_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, message: MessageModel) -> "Message":
        return cls(
            id=message.id,
            body=message.body,
            created_at=message.created_at,
            thread_id=relay.GlobalID("MessageThread", str(message.thread_id)),
            sender_id=message.sender_id,
        )

    @classmethod
    def from_event(cls, event: MessageEvent) -> "Message":
        return cls(
            id=event.message_id,
            body=event.body,
            created_at=event.created_at,
            thread_id=relay.GlobalID("MessageThread", str(event.thread_id)),
            sender_id=event.sender_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(info.context.loaders.message_by_id, node_ids, cls.from_model)

    @strawberry.field(description="Who sent it.")
    async def sender(self, info: strawberry.Info) -> User | None:
        user = await info.context.loaders.user_by_id.load(self.sender_id)
        return User.from_model(user) if user else None

    @strawberry.field(description="Whether the viewer sent it.")
    def is_mine(self, info: strawberry.Info) -> bool:
        viewer = info.context.viewer
        return viewer is not None and viewer.user_id == self.sender_id


@strawberry.type(description="The conversation between one buyer and the seller about one listing.")
class MessageThread(relay.Node):
    id: relay.NodeID[int]
    created_at: dt.datetime = strawberry.field(description="When the first message was sent.")
    last_message_at: dt.datetime = strawberry.field(description="When the latest message was sent.")
    model: strawberry.Private[MessageThreadModel]

    @classmethod
    def from_model(cls, thread: MessageThreadModel) -> "MessageThread":
        return cls(
            id=thread.id,
            created_at=thread.created_at,
            last_message_at=thread.last_message_at,
            model=thread,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(info.context.loaders.message_thread_by_id, node_ids, cls.from_model)

    @strawberry.field(description="The listing it is about.")
    async def listing(self, info: strawberry.Info) -> Listing | None:
        listing = await info.context.loaders.listing_by_id.load(self.model.listing_id)
        return Listing.from_model(listing) if listing else None

    @strawberry.field(description="The buyer.")
    async def buyer(self, info: strawberry.Info) -> User | None:
        user = await info.context.loaders.user_by_id.load(self.model.buyer_id)
        return User.from_model(user) if user else None

    @strawberry.field(description="The seller.")
    async def seller(self, info: strawberry.Info) -> User | None:
        user = await info.context.loaders.user_by_id.load(self.model.seller_id)
        return User.from_model(user) if user else None

    @strawberry.field(description="Messages from the other party the viewer has not read.")
    async def unread_count(self, info: strawberry.Info) -> int:
        return await info.context.loaders.unread_count_by_thread_id.load(self.model.id)

    @strawberry.field(description="The latest message.")
    async def last_message(self, info: strawberry.Info) -> Message | None:
        message = await info.context.loaders.last_message_by_thread_id.load(self.model.id)
        return Message.from_model(message) if message else None

    @strawberry.field(description="The messages, oldest first; `last` pages back from the newest.")
    async def messages(
        self,
        info: strawberry.Info,
        first: Annotated[
            int | None, strawberry.argument(description="Page size from the start.")
        ] = None,
        after: Annotated[
            str | None, strawberry.argument(description="Cursor to read after.")
        ] = None,
        last: Annotated[
            int | None, strawberry.argument(description="Page size from the end.")
        ] = None,
        before: Annotated[
            str | None, strawberry.argument(description="Cursor to read before.")
        ] = None,
    ) -> Connection[Message]:
        page, count = await messages_service.list_messages(
            info.context.session,
            info.context.viewer,
            self.model.id,
            page_args(info, first, after, last, before),
        )
        return build_connection(page, count, Message.from_model)


@strawberry.input(description="A message: in a thread, or (buyers) about a listing to open one.")
class SendMessageInput:
    body: str = strawberry.field(description="1 to 2000 characters.")
    thread_id: relay.GlobalID | None = strawberry.field(
        default=None, description="A thread the viewer is a party to."
    )
    listing_id: relay.GlobalID | None = strawberry.field(
        default=None,
        description="A listing of someone else's: opens (or reuses) the viewer's thread.",
    )


@strawberry.input(description="A thread to mark read.")
class MarkThreadReadInput:
    thread_id: relay.GlobalID = strawberry.field(description="A thread the viewer is a party to.")


@strawberry.type(description="Result of sendMessage.")
class SendMessagePayload(Payload):
    message: Message | None = strawberry.field(default=None, description="The message sent.")
    thread: MessageThread | None = strawberry.field(default=None, description="Its thread.")


@strawberry.type(description="Result of markThreadRead.")
class MarkThreadReadPayload(Payload):
    thread: MessageThread | None = strawberry.field(
        default=None, description="The thread, now read."
    )
