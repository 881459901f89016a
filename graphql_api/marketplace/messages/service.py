"""Message threads: one per listing and buyer, between that buyer and the seller only.

A message is pushed live on its thread's channel after it commits, and the other party gets a
notification. Read markers (one per party) give the unread counts. Users in a block (either
way) cannot message each other; the refusal reads as a missing listing or thread.
"""

import datetime as dt
from collections.abc import Awaitable, Callable

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import events
from graphql_api.auth import Viewer, require_viewer, require_writer
from graphql_api.marketplace.keyset import keyset_page
from graphql_api.marketplace.listings.errors import ListingNotAvailable, ListingNotFound, OwnListing
from graphql_api.marketplace.listings.models import ListingStatus
from graphql_api.marketplace.listings.repository import ListingRepository
from graphql_api.marketplace.messages.errors import InvalidMessage, ThreadNotFound
from graphql_api.marketplace.messages.models import Message, MessageThread
from graphql_api.marketplace.messages.repository import MessageThreadRepository
from graphql_api.marketplace.money import bounded_text
from graphql_api.notifications import service as notifications_service
from graphql_api.notifications.models import NotificationKind
from graphql_api.pagination import Page, PageArgs
from graphql_api.social.blocks import service as blocks_service

MAX_BODY = 2000
_PREVIEW = 80


class MessageEvent(BaseModel):
    """Published on ``marketplace.thread.{id}.messages`` after the message commits."""

    message_id: int
    thread_id: int
    sender_id: int
    body: str
    created_at: dt.datetime


async def require_thread(
    session: AsyncSession, viewer: Viewer | None, thread_id: int
) -> MessageThread:
    """The thread if the viewer is its buyer or seller; ThreadNotFound for anyone else."""
    viewer = require_viewer(viewer)
    thread = await MessageThreadRepository(session).get_for_party(viewer, thread_id)
    if thread is None:
        raise ThreadNotFound(field="threadId")
    return thread


async def _thread_for_listing(
    session: AsyncSession, viewer: Viewer, listing_id: int, now: dt.datetime
) -> MessageThread:
    """The viewer's thread with the seller of ``listing_id``, opened on the first message."""
    listing = await ListingRepository(session).get_readable(viewer, listing_id)
    if listing is None:
        raise ListingNotFound(field="listingId")
    if listing.seller_id == viewer.user_id:
        raise OwnListing("Sellers answer in the buyer's thread.", field="listingId")
    # Blocked either way: the listing reads as missing, so the buyer does not learn of the block.
    if await blocks_service.is_blocked(session, viewer.user_id, listing.seller_id):
        raise ListingNotFound(field="listingId")
    repository = MessageThreadRepository(session)
    thread = await repository.get_by_listing_and_buyer(listing.id, viewer.user_id)
    if thread is not None:
        return thread
    if listing.status not in (ListingStatus.ACTIVE, ListingStatus.RESERVED):
        raise ListingNotAvailable(f"The listing is {listing.status}.", field="listingId")
    thread = await repository.add_unique(
        MessageThread(
            listing_id=listing.id,
            buyer_id=viewer.user_id,
            seller_id=listing.seller_id,
            created_at=now,
            last_message_at=now,
        )
    )
    if thread is None:  # opened by a concurrent request of the buyer's since the check
        return await repository.get_by_listing_and_buyer(listing.id, viewer.user_id)
    return thread


async def send(
    session: AsyncSession,
    viewer: Viewer | None,
    body: str,
    now: dt.datetime,
    *,
    thread_id: int | None = None,
    listing_id: int | None = None,
) -> Message:
    """Post in a thread the viewer is a party to, or (buyers) about a listing."""
    viewer = require_writer(viewer)
    if (thread_id is None) == (listing_id is None):
        raise InvalidMessage("Pass `threadId` or `listingId`, exactly one.", field="threadId")
    text = bounded_text(body, "body", MAX_BODY, InvalidMessage, required=True)
    if thread_id is not None:
        thread = await require_thread(session, viewer, thread_id)
        other = thread.seller_id if viewer.user_id == thread.buyer_id else thread.buyer_id
        if await blocks_service.is_blocked(session, viewer.user_id, other):
            raise ThreadNotFound(field="threadId")
    else:
        thread = await _thread_for_listing(session, viewer, listing_id, now)  # type: ignore[arg-type]
    repository = MessageThreadRepository(session)
    message = repository.add(
        Message(thread_id=thread.id, sender_id=viewer.user_id, body=text, created_at=now)
    )
    await repository.flush()
    thread.last_message_at = now
    # Your own message is read by you.
    if viewer.user_id == thread.buyer_id:
        thread.buyer_read_up_to = message.id
    else:
        thread.seller_read_up_to = message.id
    await repository.flush()
    await _announce(session, thread, message)
    return message


async def _announce(session: AsyncSession, thread: MessageThread, message: Message) -> None:
    recipient = thread.seller_id if message.sender_id == thread.buyer_id else thread.buyer_id
    preview = message.body if len(message.body) <= _PREVIEW else message.body[: _PREVIEW - 1] + "…"
    await notifications_service.notify(
        session,
        recipient_id=recipient,
        kind=NotificationKind.MESSAGE,
        text=f"New message: {preview}",
        actor_id=message.sender_id,
        target=("MessageThread", thread.id),
    )
    event = MessageEvent(
        message_id=message.id,
        thread_id=thread.id,
        sender_id=message.sender_id,
        body=message.body,
        created_at=message.created_at,
    )
    events.publish(session, events.message_thread_channel(thread.id), event)


async def mark_read(session: AsyncSession, viewer: Viewer | None, thread_id: int) -> MessageThread:
    """Everything in the thread so far counts as read by the viewer."""
    viewer = require_writer(viewer)
    thread = await require_thread(session, viewer, thread_id)
    repository = MessageThreadRepository(session)
    last = await repository.last_message_id(thread.id)
    if viewer.user_id == thread.buyer_id:
        thread.buyer_read_up_to = max(thread.buyer_read_up_to, last)
    else:
        thread.seller_read_up_to = max(thread.seller_read_up_to, last)
    await repository.flush()
    return thread


async def list_threads(
    session: AsyncSession, viewer: Viewer | None, page: PageArgs
) -> tuple[Page[MessageThread], Callable[[], Awaitable[int]]]:
    """The viewer's threads, most recent message first."""
    viewer = require_viewer(viewer)
    repository = MessageThreadRepository(session)
    statement = repository.party_statement(viewer)
    result = await keyset_page(
        repository, statement, page, MessageThread.last_message_at, descending=True
    )
    return result, repository.counter(statement)


async def list_messages(
    session: AsyncSession, viewer: Viewer | None, thread_id: int, page: PageArgs
) -> tuple[Page[Message], Callable[[], Awaitable[int]]]:
    """A thread's messages, oldest first (``last`` pages from the newest)."""
    thread = await require_thread(session, viewer, thread_id)
    repository = MessageThreadRepository(session)
    statement = repository.messages_statement(thread.id)
    result = await keyset_page(repository, statement, page, Message.id, descending=False)
    return result, repository.counter(statement)


async def unread_total(session: AsyncSession, viewer: Viewer | None) -> int:
    if viewer is None:
        return 0
    return await MessageThreadRepository(session).unread_total(viewer)
