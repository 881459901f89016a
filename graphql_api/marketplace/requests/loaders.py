"""Purchase-request relations, one query per batch, answers in key order."""

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.marketplace.requests.models import PurchaseOffer, PurchaseRequest
from graphql_api.marketplace.requests.repository import PurchaseRequestRepository
from graphql_api.pagination import Page, PageArgs, pages_by_group


async def purchase_requests_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[PurchaseRequest | None]:
    if viewer is None:
        return [None] * len(ids)
    return await PurchaseRequestRepository(session).get_readable_by_ids(viewer, ids)


async def offer_pages_by_request_id(
    session: AsyncSession, viewer: Viewer | None, keys: Sequence[tuple[int, PageArgs]]
) -> list[Page[PurchaseOffer]]:
    """Keys: (request id, page asked), of requests the viewer could already read."""

    async def fetch(request_ids: list[int], page: PageArgs) -> list[Page[PurchaseOffer]]:
        return await PurchaseRequestRepository(session).offer_pages_by_request_ids(
            request_ids, page
        )

    return await pages_by_group(keys, fetch)


async def offer_counts_by_request_id(
    session: AsyncSession, viewer: Viewer | None, request_ids: Sequence[int]
) -> list[int]:
    return await PurchaseRequestRepository(session).offer_counts_by_request_ids(request_ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "purchase_request_by_id": purchase_requests_by_id,
    "offer_page_by_request_id": offer_pages_by_request_id,
    "offer_count_by_request_id": offer_counts_by_request_id,
}
