"""Message-thread relations, one query per batch, answers in key order."""

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.marketplace.messages.models import Message, MessageThread
from graphql_api.marketplace.messages.repository import MessageThreadRepository


async def message_threads_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[MessageThread | None]:
    if viewer is None:
        return [None] * len(ids)
    return await MessageThreadRepository(session).get_for_party_by_ids(viewer, ids)


async def messages_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Message | None]:
    if viewer is None:
        return [None] * len(ids)
    return await MessageThreadRepository(session).get_messages_for_party_by_ids(viewer, ids)


async def unread_counts_by_thread_id(
    session: AsyncSession, viewer: Viewer | None, thread_ids: Sequence[int]
) -> list[int]:
    if viewer is None:
        return [0] * len(thread_ids)
    return await MessageThreadRepository(session).unread_counts(viewer, thread_ids)


async def last_messages_by_thread_id(
    session: AsyncSession, viewer: Viewer | None, thread_ids: Sequence[int]
) -> list[Message | None]:
    return await MessageThreadRepository(session).last_messages(thread_ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "message_thread_by_id": message_threads_by_id,
    "message_by_id": messages_by_id,
    "unread_count_by_thread_id": unread_counts_by_thread_id,
    "last_message_by_thread_id": last_messages_by_thread_id,
}
