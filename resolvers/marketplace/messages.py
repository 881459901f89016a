"""Message root fields: the viewer's threads and unread count, sending, reading, and the live
feed of a thread."""

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api import events
from graphql_api.execution import shared_events
from graphql_api.marketplace.listings.types import Listing
from graphql_api.marketplace.messages import service as messages_service
from graphql_api.marketplace.messages.types import (
    MarkThreadReadInput,
    MarkThreadReadPayload,
    Message,
    MessageThread,
    SendMessageInput,
    SendMessagePayload,
)
from graphql_api.mutation import MutationBoundary
from graphql_api.relay import Connection, build_connection, decode_id, page_args
from resolvers.marketplace.arguments import INPUT, After, Before, First, Last


@strawberry.type
class MessageQueries:
    @strawberry.field(description="The viewer's message threads, latest message first.")
    async def message_threads(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[MessageThread]:
        page, count = await messages_service.list_threads(
            info.context.session, info.context.viewer, page_args(info, first, after, last, before)
        )
        return build_connection(page, count, MessageThread.from_model)

    @strawberry.field(description="Unread messages across all the viewer's threads.")
    async def unread_message_count(self, info: strawberry.Info) -> int:
        return await messages_service.unread_total(info.context.session, info.context.viewer)


@strawberry.type
class MessageMutations:
    @strawberry.mutation(
        description="Message the other party of a thread, or a listing's seller.",
        extensions=[MutationBoundary()],
    )
    async def send_message(
        self, info: strawberry.Info, input: Annotated[SendMessageInput, INPUT]
    ) -> SendMessagePayload:
        message = await messages_service.send(
            info.context.session,
            info.context.viewer,
            input.body,
            info.context.now(),
            thread_id=decode_id(input.thread_id, MessageThread, "threadId")
            if input.thread_id
            else None,
            listing_id=decode_id(input.listing_id, Listing, "listingId")
            if input.listing_id
            else None,
        )
        thread = await messages_service.require_thread(
            info.context.session, info.context.viewer, message.thread_id
        )
        return SendMessagePayload(
            message=Message.from_model(message), thread=MessageThread.from_model(thread)
        )

    @strawberry.mutation(
        description="Mark every message of a thread read.", extensions=[MutationBoundary()]
    )
    async def mark_thread_read(
        self, info: strawberry.Info, input: Annotated[MarkThreadReadInput, INPUT]
    ) -> MarkThreadReadPayload:
        thread = await messages_service.mark_read(
            info.context.session,
            info.context.viewer,
            decode_id(input.thread_id, MessageThread, "threadId"),
        )
        # The thread's unread count is 0 now. clear(key) raises KeyError for a key this request
        # never loaded (Strawberry's DefaultCache), which is the usual case: drop them all.
        info.context.loaders.unread_count_by_thread_id.clear_all()
        return MarkThreadReadPayload(thread=MessageThread.from_model(thread))


@strawberry.type
class MessageSubscriptions:
    @strawberry.subscription(
        description="Each new message of a thread, live. Only its buyer and seller may subscribe."
    )
    async def message_received(
        self,
        info: strawberry.Info,
        thread_id: Annotated[relay.GlobalID, strawberry.argument(description="The thread.")],
    ) -> AsyncGenerator[Message, None]:
        context = info.context
        thread_pk = decode_id(thread_id, MessageThread, "threadId")
        await context.in_short_session(
            lambda session: messages_service.require_thread(session, context.viewer, thread_pk)
        )
        async with context.subscribe(events.message_thread_channel(thread_pk)) as messages:
            async for received in shared_events(messages, _message):
                yield received


def _message(message: str) -> Message:
    # One object for every subscriber of the thread: they share its execution too.
    return Message.from_event(events.decode(messages_service.MessageEvent, message))
