"""DataLoader batch functions of the marketplace: one query per batch, answers in key order."""

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.marketplace.categories.repository import CategoryRepository
from graphql_api.marketplace.listings.repository import ListingRepository
from graphql_api.marketplace.messages.repository import MessageThreadRepository
from graphql_api.marketplace.models import (
    Category,
    Listing,
    ListingPhoto,
    Message,
    MessageThread,
    PurchaseOffer,
    PurchaseRequest,
    Transaction,
)
from graphql_api.marketplace.requests.repository import PurchaseRequestRepository
from graphql_api.marketplace.transactions.repository import TransactionRepository


async def categories_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Category | None]:
    return await CategoryRepository(session).get_by_ids(ids)


async def categories_by_parent_id(
    session: AsyncSession, viewer: Viewer | None, parent_ids: Sequence[int]
) -> list[list[Category]]:
    return await CategoryRepository(session).list_children_of(parent_ids)


async def listings_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Listing | None]:
    # The catalog is public: anonymous viewers read listings too.
    return await ListingRepository(session).get_readable_by_ids(viewer, ids)


async def photos_by_listing_id(
    session: AsyncSession, viewer: Viewer | None, listing_ids: Sequence[int]
) -> list[list[ListingPhoto]]:
    return await ListingRepository(session).photos_by_listing_ids(listing_ids)


async def purchase_requests_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[PurchaseRequest | None]:
    if viewer is None:
        return [None] * len(ids)
    return await PurchaseRequestRepository(session).get_readable_by_ids(viewer, ids)


async def offers_by_request_id(
    session: AsyncSession, viewer: Viewer | None, request_ids: Sequence[int]
) -> list[list[PurchaseOffer]]:
    # Keys come from requests the viewer could already read.
    return await PurchaseRequestRepository(session).offers_by_request_ids(request_ids)


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


async def transactions_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Transaction | None]:
    if viewer is None:
        return [None] * len(ids)
    return await TransactionRepository(session).get_readable_by_ids(viewer, ids)
